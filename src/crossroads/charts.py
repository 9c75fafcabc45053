"""Charts for the course: pandas' own plotting in the course's visual language, stored as small, stable PNGs.

Every chart has a title, axes labelled with units, a source line with its source ids (from
``data/sources.csv``) and a text description (``describe(chart)``) that also serves as the image's alt
text. Colours, line styles and markers come from ``crossroads.style``, the same as on the maps, and colour
is never the only cue: lines also differ in dash and marker and carry their name at their end, bars carry
their value. matplotlib is imported only when a chart is drawn, so ``import crossroads.charts`` is fast.

A chart is a ``Chart`` object: it shows itself in a notebook as an ``<img alt="description">`` (the same
bytes on every run, at most 60 KB) and as text elsewhere; ``chart.table`` holds the numbers it draws,
``chart.png`` the image, ``chart.save("file.png")`` writes it.

API (one line per lesson; every function returns a ``Chart``):

    from crossroads import charts
    # lesson 00: the region at a glance (population and GDP, World Bank)
    charts.population_economy()                          # year=2023, countries = the five Central Asian states
    charts.population_economy(year=2020, countries=["KAZ", "UZB", "MNG"])
    # lesson 01: the Silk Road on a BCE/CE time axis (events.csv, category "history" by default)
    charts.chronology()                                  # or charts.chronology(ids=[...], end=2013, title=...)
    # lesson 02: trade shares 1995-2020 and the mirror statistics (IMF DOTS)
    charts.trade_shares()                                # partners=("CHN", "RUS", "EUU"), start=1995, end=2020
    charts.mirror_trade()                                # Kazakhstan's imports from China vs China's exports to Kazakhstan
    charts.mirror_trade(partner="CHN", flow="exports")   # Kazakhstan's exports to China vs China's imports from it
    # lesson 03: export volumes and plans by route (figures.csv) and the oil scenario
    charts.route_volumes()                               # actual / capacity / plan / target, Mt a year, by route
    charts.route_volumes(ids=["cpc_capacity_kmg2020", "btc_kaz_oil_agreement"])  # just the figures.csv ids you pick
    charts.oil_scenario(60, corridor_mt=1.5, tanker_trips=188, china_shift_mt=0)  # 60 = an assumption
    charts.oil_scenario(scenario_widget)                 # the sliders of crossroads.scenario.oil_scenario()
    # lesson 04: the summit calendar 2022-2023 (events.csv), one row per format
    charts.summit_calendar()                             # meetings known to the day; format = bilateral/multilateral
    charts.summit_calendar(lesson04.CALENDAR)            # event id -> format, as lesson 04 sets them (month-only: hollow)
    # any lesson: a chart of a table the learner made
    charts.line(shares, title="Share of Kazakhstan's trade", y_label="% of total trade", sources=["data-imf-dots"])
    charts.bar(table, y="usd_bn", title="...", y_label="US$ bn", sources=["src-003"])
    print(charts.describe(chart))                        # the text description (also the alt text)
    chart.table                                          # the numbers drawn, for "read the chart" exercises

Lessons: show a chart by leaving it last in a cell (it stores as HTML with the description as alt text, plus
the description as text/plain); ``print(charts.describe(chart))`` beside it gives the description to print
and screen readers in the notebook itself. Do not use ``plt.show()``: nothing here goes through pyplot.

Wrong input (an unknown column, an empty table, a made-up source id) raises ``ValueError`` with a sentence
saying what was expected and what was received.

>>> chart = trade_shares()
>>> chart.title
'Who trades with Kazakhstan: shares of its trade, 1995-2020'
>>> len(chart.png) < 60_000
True
"""
from __future__ import annotations

import base64
import html
import io
import math
import textwrap
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

import pandas as pd

from crossroads import data, style
from crossroads.text import country_name

__all__ = [
    "Chart", "describe", "line", "bar", "trade_shares", "mirror_trade", "route_volumes", "oil_scenario",
    "summit_calendar", "population_economy", "chronology", "MAX_BYTES",
]

MAX_BYTES = 60_000
"""Largest stored chart output (HTML with the inline PNG), in bytes."""
WIDTH_IN, HEIGHT_IN, DPI = 7.2, 4.0, 100
"""Every chart is 720 x 400 pixels (taller ones say so)."""

# Extra looks for series that are not actors: Okabe-Ito colours of at least 3:1 on white, each with its
# own line style and marker.
_SERIES_LOOKS = [
    style.Look("#0072B2", "-", None, "o", ""),
    style.Look("#D55E00", "--", None, "s", ""),
    style.Look("#009E73", "-.", None, "^", ""),
    style.Look("#000000", ":", None, "D", ""),
    style.Look("#CC79A7", "-", None, "v", ""),
    style.Look("#A67C00", "--", None, "P", ""),
]
_LINE_WORDS = {"-": "solid", "--": "dashed", "-.": "dash-dot", ":": "dotted"}
_MARKER_WORDS = {"o": "round", "s": "square", "^": "triangle", "D": "diamond", "v": "down-triangle",
                 "P": "plus", "x": "cross"}
_HATCHES = ["", "///", "...", "xx", "\\\\", "oo"]
_ACTOR_NAMES = {look.name.lower(): code for code, look in style.ACTORS.items()}
_ACTOR_NAMES.update({"eu": "EU", "euu": "EU"})

_RC = {
    "font.family": "DejaVu Sans",
    "font.size": 9.5,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 9.5,
    "axes.edgecolor": style.MUTED_TEXT,
    "axes.labelcolor": style.TEXT,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "xtick.color": style.TEXT,
    "ytick.color": style.TEXT,
    "text.color": style.TEXT,
    "lines.linewidth": 2.0,
    "lines.markersize": 5,
    "legend.frameon": False,
    "hatch.linewidth": 0.8,
    "svg.hashsalt": "crossroads",
}


# --------------------------------------------------------------------------- the chart object


@dataclass(frozen=True, eq=False)
class Chart:
    """A drawn chart: its PNG bytes, title, text description, source ids and the table it draws.

    Make one with a function of this module, e.g. ``chart = trade_shares()``; show it by leaving it last
    in a cell. ``describe(chart)`` is its text form.
    """

    title: str
    description: str
    source_ids: tuple[str, ...]
    png: bytes = field(repr=False)
    table: pd.DataFrame = field(repr=False)
    axis_labels: tuple[tuple[str, str], ...] = ()
    """(x label, y label) of each panel, as drawn."""
    source_line: str = ""
    """The source line under the chart, as drawn."""

    def __repr__(self) -> str:
        return f'<Chart: "{self.title}" — sources: {", ".join(self.source_ids)}>'

    def to_html(self) -> str:
        """The chart as one self-contained ``<figure>``: inline PNG, alt text, visible description.

        Example: ``open("chart.html", "w").write(trade_shares().to_html())``.
        """
        alt = html.escape(self.description, quote=True)
        src = "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")
        return (f'<figure class="crossroads-chart" style="margin:0 0 1em 0;max-width:{int(WIDTH_IN * DPI)}px">'
                f'<img src="{src}" alt="{alt}" style="max-width:100%;height:auto" '
                f'width="{self.size[0]}" height="{self.size[1]}"></figure>')

    @property
    def size(self) -> tuple[int, int]:
        """Width and height in pixels, read from the PNG header. Example: ``trade_shares().size``."""
        return int.from_bytes(self.png[16:20], "big"), int.from_bytes(self.png[20:24], "big")

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": self.to_html(), "text/plain": self.description}

    def save(self, path: str | Path) -> Path:
        """Write the PNG (or, for a ``.html`` name, the HTML figure). Example: ``chart.save("shares.png")``."""
        path = Path(path)
        if path.suffix.lower() in (".html", ".htm"):
            path.write_text(self.to_html(), encoding="utf-8")
        else:
            path.write_bytes(self.png)
        return path


def describe(chart: Chart) -> str:
    """The chart's text description, for screen readers, print and notebook text.

    >>> describe(trade_shares())[:46]
    'Line chart titled "Who trades with Kazakhstan:'
    """
    if not isinstance(chart, Chart):
        raise ValueError(f"describe() needs a chart made by crossroads.charts; it received {type(chart).__name__}.")
    return chart.description


# --------------------------------------------------------------------------- checks and small helpers


def _matplotlib() -> Any:
    import matplotlib  # imported here so that importing crossroads stays fast

    return matplotlib


def _check_table(table: Any, what: str = "table") -> pd.DataFrame:
    if isinstance(table, pd.Series):
        table = table.to_frame()
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"The {what} must be a pandas DataFrame (or Series); it received {type(table).__name__}.")
    if table.empty:
        raise ValueError(f"The {what} is empty: there is nothing to draw. Check the filter that made it.")
    return table


def _check_columns(table: pd.DataFrame, columns: Sequence[Any]) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"No column {', '.join(map(repr, missing))} in the table; its columns are "
                         f"{', '.join(map(repr, table.columns))}.")


def _numeric(table: pd.DataFrame, columns: Sequence[Any]) -> pd.DataFrame:
    out = pd.DataFrame(index=table.index)
    for c in columns:
        values = pd.to_numeric(table[c], errors="coerce")
        if values.notna().sum() == 0:
            raise ValueError(f"Column {c!r} has no numbers to draw (its first value is {table[c].iloc[0]!r}).")
        out[c] = values.astype(float)
    return out


def _check_text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"A chart needs {what} (a short text); it received {value!r}.")
    return value.strip()


def _check_sources(sources: Any) -> tuple[str, ...]:
    if isinstance(sources, str):
        sources = [sources]
    if not isinstance(sources, (list, tuple)) or not sources:
        raise ValueError("A chart needs a source line: pass sources=[...] with at least one id from "
                         f"data.sources(), e.g. sources=['data-imf-dots']; it received {sources!r}.")
    known = set(data.sources()["id"])
    unknown = [s for s in sources if s not in known]
    if unknown:
        raise ValueError(f"Unknown source id {', '.join(map(repr, unknown))}: see data.sources() for the ids.")
    return tuple(dict.fromkeys(str(s) for s in sources))


def _look(name: Any, i: int) -> style.Look:
    code = _ACTOR_NAMES.get(str(name).lower(), str(name).upper())
    if code in style.ACTORS and code != "OTHER":
        return style.ACTORS[code]
    return _SERIES_LOOKS[i % len(_SERIES_LOOKS)]


def _num(value: float, digits: int | None = None) -> str:
    """1234.5 -> '1,234.5'; few digits for big numbers, more for small ones."""
    if digits is None:
        digits = 0 if abs(value) >= 100 else 1 if abs(value) >= 1 else 2
    return f"{value:,.{digits}f}"


def _thousands(axis: Any) -> None:
    """Tick labels with thousands separators (12,000 rather than 12000); small values as they are."""
    axis.set_major_formatter(lambda value, _pos: f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}")


def _source_line(source_ids: Sequence[str], note: str = "") -> str:
    table = data.sources().set_index("id")
    parts = []
    for sid in source_ids:
        row = table.loc[sid]
        who = next((str(row[k]) for k in ("outlet", "author") if pd.notna(row[k]) and str(row[k]).strip()), "")
        parts.append(f"{who} [{sid}]" if who else f"[{sid}]")
    text = ("Sources: " if len(parts) > 1 else "Source: ") + "; ".join(parts) + "."
    return text + (f" {note}" if note else "")


def _draw(draw: Callable[[Any], None], *, title: str, source_ids: Sequence[str], note: str = "",
          height: float = HEIGHT_IN, panels: int = 1) -> dict[str, Any]:
    """Draw on fresh axes with the course style: deterministic PNG bytes, axis labels and source line as drawn."""
    mpl = _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with mpl.rc_context():
        mpl.rcdefaults()
        mpl.rcParams.update(_RC)
        fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI, layout="constrained")
        FigureCanvasAgg(fig)
        axes = fig.subplots(1, panels)
        draw(axes)
        fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
        source = "\n".join(textwrap.wrap(_source_line(source_ids, note), 120, break_on_hyphens=False))
        lines = source.count("\n") + 1
        bottom = (0.12 + 0.14 * lines) / height  # inches kept free for the source line
        fig.get_layout_engine().set(rect=(0, bottom, 1, 1 - bottom))
        fig.text(0.01, 0.015, source, fontsize=8, color=style.MUTED_TEXT, ha="left", va="bottom")
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
        labels = tuple((ax.get_xlabel(), ax.get_ylabel()) for ax in fig.axes)
    return {"png": _shrink(buffer.getvalue()), "axis_labels": labels, "source_line": source.replace("\n", " ")}


def _shrink(png: bytes) -> bytes:
    """Fewer colours (the charts use a handful) for a much smaller PNG; same bytes every time.

    64 colours keep every course colour apart; a chart that would still pass ``MAX_BYTES`` with its alt text
    (a tall one with many hatched bars) gets 32.
    """
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    budget = (MAX_BYTES - 12_000) * 3 // 4  # room for base64 and the description as alt text
    for colours in (64, 32):
        small = image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        out = io.BytesIO()
        small.save(out, format="PNG", optimize=True)
        if len(out.getvalue()) <= budget:
            break
    return out.getvalue()


def _label_line_ends(ax: Any, table: pd.DataFrame, labels: Mapping[Any, str], looks: Mapping[Any, style.Look]) -> None:
    """Write each series' name just right of its last point, nudged apart so names never overlap."""
    ends = []
    for column in table.columns:
        series = table[column].dropna()
        ends.append([float(series.iloc[-1]), series.index[-1], column])
    low, high = ax.get_ylim()
    gap = (high - low) * 0.07
    ends.sort(key=lambda e: e[0])
    for i in range(1, len(ends)):
        ends[i][0] = max(ends[i][0], ends[i - 1][0] + gap)
    for y, x, column in ends:
        ax.annotate(labels[column], (x, y), xytext=(6, 0), textcoords="offset points", va="center",
                    color=style.TEXT, fontweight="bold", annotation_clip=False)  # text keeps 4.5:1


def _series_text(series: pd.Series, unit: str) -> str:
    s = series.dropna()
    first_x, last_x = s.index[0], s.index[-1]
    top_x = s.idxmax()
    text = f"from {_num(s.iloc[0])}{unit} in {first_x} to {_num(s.iloc[-1])}{unit} in {last_x}"
    if top_x not in (first_x, last_x):
        text += f", highest {_num(s.max())}{unit} in {top_x}"
    return text


# --------------------------------------------------------------------------- generic charts for learners


def _line_chart(table: pd.DataFrame, *, title: str, x_label: str, y_label: str, source_ids: tuple[str, ...],
                labels: Mapping[Any, str] | None = None, unit: str = "", note: str = "",
                y_from_zero: bool = True, what: str = "") -> Chart:
    labels = {c: (labels or {}).get(c, str(c)) for c in table.columns}
    looks = {c: _look(c, i) for i, c in enumerate(table.columns)}

    def draw(ax: Any) -> None:
        for c in table.columns:
            look = looks[c]
            table[c].plot(ax=ax, color=look.colour, linestyle=look.linestyle, marker=look.marker,
                          markersize=4, label=labels[c])
        ax.set_xlabel(x_label)
        ax.set_ylabel(y_label)
        _thousands(ax.yaxis)
        if y_from_zero and (table.min().min() >= 0):
            ax.set_ylim(bottom=0)
        ax.margins(x=0.02)
        _label_line_ends(ax, table, labels, looks)

    drawn = _draw(draw, title=title, source_ids=source_ids, note=note)
    index = table.index
    parts = [f'Line chart titled "{title}". {f"{what} ({y_label})" if what else y_label} by {x_label.lower()}, '
             f"{index.min()} to {index.max()}, {len(table.columns)} line{'s' * (len(table.columns) != 1)}."]
    for c in table.columns:
        look = looks[c]
        kind = f"{_LINE_WORDS[look.linestyle]} line, {_MARKER_WORDS.get(look.marker, 'marked')} points"
        parts.append(f"{labels[c]} ({kind}): {_series_text(table[c], unit)}.")
    parts.append(_source_line(source_ids, note))
    return Chart(title, " ".join(parts), source_ids, table=table.copy(), **drawn)


def _learner_input(table: Any, x: Any, y: Any, title: Any, y_label: Any, sources: Any) -> tuple:
    """Check what a learner passed to ``line``/``bar``: (table indexed by x, y columns, title, y_label, source ids)."""
    table = _check_table(table)
    title, y_label = _check_text(title, "a title"), _check_text(y_label, "a y_label with the unit, e.g. 'US$ bn'")
    source_ids = _check_sources(sources)
    if x is not None:
        _check_columns(table, [x])
        table = table.set_index(x)
    columns = [y] if isinstance(y, str) else list(y) if y is not None else list(table.columns)
    _check_columns(table, columns)
    return table, columns, title, y_label, source_ids


def line(table: pd.DataFrame | pd.Series, x: str | None = None, y: str | Sequence[str] | None = None, *,
         title: str, y_label: str, sources: Sequence[str], x_label: str | None = None) -> Chart:
    """A line chart of a table you made: one line per column (or the columns ``y``) against the index (or ``x``).

    Columns named after actors (``"CHN"``, ``"China"``, ``"RUS"``, ``"EU"``, ``"KAZ"``) get their course colour.
    ``y_label`` should say the unit, e.g. ``"% of total trade"``.

    Example: ``charts.line(shares, title="Shares of Kazakhstan's trade", y_label="% of total trade", sources=["data-imf-dots"])``
    """
    table, columns, title, y_label, source_ids = _learner_input(table, x, y, title, y_label, sources)
    numbers = _numeric(table, columns).sort_index()
    x_label = x_label or (str(x) if x is not None else str(table.index.name or "x"))
    return _line_chart(numbers, title=title, x_label=x_label, y_label=y_label, source_ids=source_ids)


def _bar_chart(table: pd.DataFrame, *, title: str, x_label: str, y_label: str, source_ids: tuple[str, ...],
               unit: str = "", note: str = "", labels: Mapping[Any, str] | None = None,
               colours: Sequence[str] | None = None, row_hatches: Sequence[str] | None = None,
               what: str = "") -> Chart:
    """Horizontal bars: categories (the index) down the side, one bar per column, values written on the bars.

    One column: ``colours`` and ``row_hatches`` may give each row its own colour and hatching.
    Several columns: each column has its colour and hatching, and a legend names them.
    """
    labels = {c: (labels or {}).get(c, str(c)) for c in table.columns}
    looks = {c: _look(c, i) for i, c in enumerate(table.columns)}
    one = len(table.columns) == 1

    def draw(ax: Any) -> None:
        shown = table.iloc[::-1]  # first row at the top
        colour: Any = {c: looks[c].colour for c in table.columns}
        if one:
            colour = list(colours)[::-1] if colours is not None else looks[table.columns[0]].colour
        if one:  # a Series takes one colour per bar
            shown[table.columns[0]].plot.barh(ax=ax, color=colour, edgecolor="white", width=0.75)
        else:
            shown.plot.barh(ax=ax, color=colour, edgecolor="white", width=0.8, legend=False)
        for i, (container, c) in enumerate(zip(ax.containers, table.columns)):
            hatches = list(row_hatches)[::-1] if one and row_hatches else [_HATCHES[i % len(_HATCHES)]] * len(shown)
            for patch, hatch in zip(container, hatches):
                patch.set_hatch(hatch)
            ax.bar_label(container, labels=[("" if math.isnan(v) else f"{_num(v)}{unit}") for v in shown[c]],
                         padding=3, fontsize=8.5)
        ax.set_xlabel(y_label)
        ax.set_ylabel(x_label)
        _thousands(ax.xaxis)
        ax.grid(axis="y", visible=False)
        ax.margins(x=0.15)
        if not one:
            ax.legend(list(ax.containers), [labels[c] for c in table.columns], loc="lower left",
                      bbox_to_anchor=(0, 1.0), ncol=min(len(table.columns), 4), fontsize=8.5)

    lines = sum(str(i).count("\n") + 1 for i in table.index) * (1 + 0.6 * (len(table.columns) - 1))
    drawn = _draw(draw, title=title, source_ids=source_ids, note=note, height=max(HEIGHT_IN, 1.8 + 0.2 * lines))
    parts = [f'Bar chart titled "{title}". {f"{what} ({y_label})" if what else y_label}, {len(table)} bars'
             + (f" of {len(table.columns)} series." if not one else ".")]
    for name, row in table.iterrows():
        values = [f"{labels[c]} {_num(v)}{unit}" if not one else f"{_num(v)}{unit}"
                  for c, v in row.items() if not math.isnan(v)]
        parts.append(f"{str(name).replace(chr(10), ' ')}: {', '.join(values) if values else 'no value'}.")
    parts.append(_source_line(source_ids, note))
    return Chart(title, " ".join(parts), source_ids, table=table.copy(), **drawn)


def bar(table: pd.DataFrame | pd.Series, x: str | None = None, y: str | Sequence[str] | None = None, *,
        title: str, y_label: str, sources: Sequence[str], x_label: str | None = None) -> Chart:
    """A bar chart of a table you made: one bar per row (names from the index or column ``x``), values from ``y``.

    Several ``y`` columns give grouped bars, told apart by colour and hatching. ``y_label`` says the unit.

    Example: ``charts.bar(table, y="usd_bn", title="Trade with Kazakhstan, 2022", y_label="US$ bn", sources=["src-003"])``
    """
    table, columns, title, y_label, source_ids = _learner_input(table, x, y, title, y_label, sources)
    if len(table) > 30:
        raise ValueError(f"The table has {len(table)} rows: too many bars to read. Pick 30 or fewer rows first.")
    numbers = _numeric(table, columns)
    numbers.index = [str(i) for i in numbers.index]
    x_label = x_label or (str(x) if x is not None else str(table.index.name or "Category"))
    return _bar_chart(numbers, title=title, x_label=x_label, y_label=y_label, source_ids=source_ids)


# --------------------------------------------------------------------------- lesson 02: trade


_TRADE_NAMES = {"CHN": "China", "RUS": "Russia", "EUU": "EU", "KAZ": "Kazakhstan"}


def _trade() -> pd.DataFrame:
    return data.load("trade_series")


def _flow(trade: pd.DataFrame, reporter: str, partner: str, flow: str) -> pd.Series:
    rows = trade[(trade["reporter"] == reporter) & (trade["partner"] == partner) & (trade["flow"] == flow)]
    return rows.set_index("year")["value_usd_m"].astype(float)


def _check_years(start: Any, end: Any, low: int, high: int) -> tuple[int, int]:
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{name} must be a whole year such as {low}; it received {value!r}.")
    if not low <= start < end <= high:
        raise ValueError(f"Years must run from {low} to {high} with start before end; it received {start} to {end}.")
    return start, end


def trade_shares(partners: Sequence[str] = ("CHN", "RUS", "EUU"), start: int = 1995, end: int = 2020) -> Chart:
    """Shares of Kazakhstan's total trade (exports + imports, as Kazakhstan reports it) by partner, in %.

    ``EUU`` is the European Union as one partner, as the IMF counts it. Data: ``data.load("trade_series")``.

    Example: ``charts.trade_shares(partners=["CHN", "RUS"], start=2000)``
    """
    trade = _trade()
    known = sorted(set(trade.loc[trade["reporter"] == "KAZ", "partner"]) - {"WLD"})
    partners = [partners] if isinstance(partners, str) else list(partners)
    unknown = [p for p in partners if p not in known]
    if not partners or unknown:
        raise ValueError(f"partners must be codes Kazakhstan reports trade with ({', '.join(known)}); "
                         f"it received {partners!r}.")
    start, end = _check_years(start, end, 1992, 2020)
    kaz = trade[(trade["reporter"] == "KAZ") & trade["year"].between(start, end)]
    total = kaz.groupby(["year", "partner"])["value_usd_m"].sum().unstack().astype(float)
    shares = total[partners].div(total["WLD"], axis=0) * 100
    shares.index = shares.index.astype(int)
    names = {p: _TRADE_NAMES.get(p, country_name(p)) for p in partners}
    title = f"Who trades with Kazakhstan: shares of its trade, {start}-{end}"
    estimated = sorted(set(kaz.loc[kaz["estimate"].astype(bool) & kaz["partner"].isin(partners), "year"]))
    note = f"Estimates for {', '.join(map(str, estimated))}." if estimated else ""
    return _line_chart(shares, title=title, x_label="Year", y_label="% of Kazakhstan's total trade",
                       source_ids=("data-imf-dots",), labels=names, unit=" %", note=note,
                       what="Each partner's share of Kazakhstan's exports plus imports as Kazakhstan reports them")


def mirror_trade(partner: str = "CHN", flow: str = "imports", start: int = 1995, end: int = 2020) -> Chart:
    """The same trade counted twice: Kazakhstan's customs and the partner's, in US$ bn a year.

    ``flow`` is Kazakhstan's side: ``"imports"`` compares Kazakhstan's imports from the partner with the
    partner's exports to Kazakhstan; ``"exports"`` the other way round. Partners: ``"CHN"`` or ``"RUS"``.

    Example: ``charts.mirror_trade("RUS", "exports", start=2005)``
    """
    trade = _trade()
    reporters = sorted(set(trade.loc[trade["partner"] == "KAZ", "reporter"]))
    if partner not in reporters:
        raise ValueError(f"partner must be a country that reports its trade with Kazakhstan ({', '.join(reporters)}); "
                         f"it received {partner!r}.")
    if flow not in ("imports", "exports"):
        raise ValueError(f"flow must be 'imports' or 'exports' (Kazakhstan's side); it received {flow!r}.")
    start, end = _check_years(start, end, 1992, 2020)
    mirror = "exports" if flow == "imports" else "imports"
    name = _TRADE_NAMES.get(partner, partner)
    ours = f"Kazakhstan's count ({flow} {'from' if flow == 'imports' else 'to'} {name})"
    theirs = f"{name}'s count ({mirror} {'to' if mirror == 'exports' else 'from'} Kazakhstan)"
    table = pd.DataFrame({"KAZ": _flow(trade, "KAZ", partner, flow), partner: _flow(trade, partner, "KAZ", mirror)})
    table = (table.loc[start:end] / 1000).dropna(how="all")
    table.index = table.index.astype(int)
    title = f"One trade, two counts: goods from {name} to Kazakhstan" if flow == "imports" else \
        f"One trade, two counts: goods from Kazakhstan to {name}"
    chart = _line_chart(table, title=f"{title}, {start}-{end}", x_label="Year", y_label="US$ bn a year",
                        source_ids=("data-imf-dots",), labels={"KAZ": "Kazakhstan's count", partner: f"{name}'s count"},
                        unit=" bn", what=f"{ours} and {theirs}")
    gap = (table[partner] - table["KAZ"]).dropna()
    widest, last = gap.abs().idxmax(), gap.index[-1]

    def words(year: int) -> str:
        more = "more" if gap.loc[year] >= 0 else "less"
        return f"in {year}: {name}'s count is US$ {_num(abs(gap.loc[year]))} bn {more} than Kazakhstan's"

    extra = f" The gap is widest {words(widest)}; {words(last)}." if widest != last else f" The gap is widest {words(last)}."
    return replace(chart, description=chart.description.replace(" Source:", extra + " Source:", 1),
                   table=chart.table.rename(columns={"KAZ": ours, partner: theirs}))


# --------------------------------------------------------------------------- lesson 03: energy routes


_KIND_HATCH = {"actual": "", "plan": "///", "target": "...", "capacity": "xx", "projection": "\\\\"}


def route_volumes(ids: Sequence[str] | None = None) -> Chart:
    """Oil volumes the sources give per route, in million tonnes a year, each marked actual, capacity, plan or target.

    Data: the rows of ``data.load("figures")`` with a ``route_id`` and a unit of ``mt`` or ``mt_per_year``
    (or just the figure ``ids`` you pick). ``chart.table`` lists them with their claims.

    Example: ``charts.route_volumes(ids=["cpc_capacity_kmg2020", "oil_supply_to_china_src003"])``
    """
    figures = data.load("figures")
    volumes = figures[figures["route_id"].notna() & figures["unit"].isin(["mt", "mt_per_year"])]
    if ids is not None:
        ids = [ids] if isinstance(ids, str) else list(ids)
        unknown = [i for i in ids if i not in set(volumes["id"])]
        if unknown or not ids:
            raise ValueError(f"Not an oil volume by route: {', '.join(map(repr, unknown)) or '(no ids)'}. Pick ids "
                             f"from {', '.join(volumes['id'])}.")
        volumes = volumes[volumes["id"].isin(ids)]
    routes = data.load("routes").set_index("id")
    rows = volumes.assign(route=volumes["route_id"].map(routes["name"]), kind=volumes["kind"].astype(str))
    rows = rows.sort_values(["route", "kind", "year"], na_position="last").reset_index(drop=True)
    labels = [f"{textwrap.shorten(str(r.route), 46, placeholder='…')}\n{r.kind}"
              + ("" if pd.isna(r.year) else f" {int(r.year)}") + f" [{r.source_id}]" for r in rows.itertuples()]
    twins = {label for label in labels if labels.count(label) > 1}  # one route, kind and year: name what each counts
    labels = [label + f" ({rows.at[i, 'subject'].replace('_', ' ')})" if label in twins else label
              for i, label in enumerate(labels)]
    table = pd.DataFrame({"mt_per_year": rows["value"].astype(float).to_numpy()}, index=labels)
    colours = [style.ROUTE_CATEGORIES[routes.at[r, "category"]].colour for r in rows["route_id"]]
    source_ids = tuple(dict.fromkeys(rows["source_id"]))
    note = "Hatching: plan ///, target ..., capacity xx; solid: actual. Plans, targets and capacities are not flows."
    chart = _bar_chart(table, title="Oil by route: what the sources give, Mt a year", x_label="Route, kind, year [source]",
                       y_label="Million tonnes of oil a year (Mt)", source_ids=source_ids, unit=" Mt",
                       colours=colours, row_hatches=[_KIND_HATCH.get(k, "") for k in rows["kind"]],
                       what="Oil volumes per route, each marked actual, capacity, plan or target", note=note)
    out = rows[["id", "route_id", "kind", "year", "value", "unit", "source_id", "claim"]]
    return replace(chart, table=out)


def oil_scenario(assumed_total_exports_mt: Any = 60, corridor_mt: float = 1.5, tanker_trips: int = 188,
                 china_shift_mt: float = 0.0) -> Chart:
    """Lesson 03's scenario as bars: oil via Russia before and after, and the Caspian volume against tanker capacity.

    Takes the four numbers of ``crossroads.scenario`` (which does the sums), or its slider widget:
    ``charts.oil_scenario(widget)``. ``assumed_total_exports_mt`` is the learner's assumption (no course
    source gives it); the 80 % via Russia and the 8,000 t tanker come from src-003, the 1.5 Mt corridor
    plan from src-000.

    Example: ``charts.oil_scenario(60, corridor_mt=1.5, tanker_trips=188, china_shift_mt=2)``
    """
    from crossroads import scenario

    if isinstance(assumed_total_exports_mt, scenario.OilScenario):
        widget = assumed_total_exports_mt
        assumed_total_exports_mt, corridor_mt = widget.total.value, widget.corridor.value
        tanker_trips, china_shift_mt = widget.trips.value, widget.china.value
    share_after = scenario.share_via_russia(assumed_total_exports_mt, corridor_mt, tanker_trips, china_shift_mt)
    total, share = float(assumed_total_exports_mt), scenario.SHARE_VIA_RUSSIA_PCT
    capacity = tanker_trips * scenario.TANKER_T / 1e6
    caspian = scenario.carried_mt(corridor_mt, tanker_trips)
    before, after = total * share / 100, total * share_after / 100
    table = pd.DataFrame({"mt_per_year": [before, after, corridor_mt, capacity, caspian, china_shift_mt]},
                         index=["Via Russia, before", "Via Russia, after", "Middle Corridor: planned",
                                "Caspian tankers: capacity", "Caspian: carried", "Shift to the China pipeline"])
    colours = [style.ACTORS["RUS"].colour] * 2 + [style.ROUTE_CATEGORIES["sea"].colour] * 3 + [style.ACTORS["CHN"].colour]
    note = f"Assumed total exports: {_num(total)} Mt a year (your assumption, not a sourced figure)."
    source_ids = ("src-003", "src-000")
    title = f"Scenario: {share_after:.1f} % of oil exports still cross Russia"
    chart = _bar_chart(table, title=title, x_label="Oil flow", y_label="Million tonnes of oil a year (Mt)",
                       source_ids=source_ids, unit=" Mt", note=note, colours=colours,
                       row_hatches=["", "///", "///", "xx", "", ""])
    bottleneck = (" The tankers are the bottleneck: they carry less than the corridor plan."
                  if capacity < corridor_mt else "")
    description = (f'Bar chart titled "{title}". Million tonnes of oil a year. Via Russia before: {_num(before)} Mt '
                   f"({_num(share)} % of an assumed {_num(total)} Mt); after: {_num(after)} Mt. "
                   f"Middle Corridor planned {_num(corridor_mt)} Mt; {tanker_trips} tanker trips of "
                   f"{_num(scenario.TANKER_T)} t carry up to {_num(capacity)} Mt; carried across the Caspian: {_num(caspian)} Mt. "
                   f"Shift to the China pipeline: {_num(china_shift_mt)} Mt.{bottleneck} "
                   + _source_line(source_ids, note))
    return replace(chart, description=description, table=table)


# --------------------------------------------------------------------------- lesson 04: the summit calendar


def _countries_in(actors: str) -> list[str]:
    return [a for a in data.split_list(actors) if len(a) == 3 and a.isupper()]


def _hollow(ax: Any, x: Any, y: Any, look: style.Look, label: str) -> None:
    """White-filled markers in the look's colour: a second cue besides colour (here: the date is less exact)."""
    ax.scatter(x, y, facecolors="white", edgecolors=look.colour, marker=look.marker, s=60, linewidths=1.8,
               label=label, zorder=3)


def summit_calendar(formats: Mapping[str, str] | None = None, start: int = 2022, end: int = 2023) -> Chart:
    """Meetings of the years ``start``-``end`` on a time line: one row per meeting, grouped by format,
    marker by the outside power taking part (China, Russia, both or neither).

    Without ``formats`` it takes every diplomacy event known to the day and names its format by the
    countries taking part ("bilateral" for two, "multilateral" for more). With ``formats`` (event id -> format,
    as in lesson 04) it draws just those events; events known only to the month get hollow markers.
    Data: ``data.load("events")``.

    Example: ``charts.summit_calendar({"xian_summit_ref": "C5+1 summit", "xi_putin_summit_2023_03": "bilateral summit"})``
    """
    events = data.load("events")
    start, end = _check_years(start, end, int(events["year"].min()), int(events["year"].max()))
    if formats is None:
        rows = events[(events["category"] == "diplomacy") & events["year"].between(start, end)
                      & events["day"].notna()].copy()
        rows["format"] = ["bilateral" if len(_countries_in(a)) == 2 else "multilateral" for a in rows["actors"]]
    else:
        if not isinstance(formats, Mapping) or not formats:
            raise ValueError("formats must be a dict of event id -> format, e.g. {'xian_summit_ref': 'C5+1 summit'}; "
                             f"it received {formats!r}.")
        unknown = [i for i in formats if i not in set(events["id"])]
        if unknown:
            raise ValueError(f"Unknown event id {', '.join(map(repr, unknown))}: see data.load('events')['id'].")
        rows = events[events["id"].isin(list(formats))].copy()
        rows["format"] = rows["id"].map(dict(formats)).astype(str)
        undated = rows.loc[rows["month"].isna(), "id"].tolist()
        if undated:
            raise ValueError(f"{', '.join(undated)}: known only to the year, so it has no place on a calendar.")
    if rows.empty:
        raise ValueError(f"No dated diplomacy events between {start} and {end}.")
    rows["day_known"] = rows["day"].notna()
    rows["at"] = pd.to_datetime(pd.DataFrame({"year": rows["year"], "month": rows["month"],
                                              "day": rows["day"].fillna(15)}).astype(int))

    def power(actors: str) -> str:
        codes = set(_countries_in(actors))
        return "CHN" if "CHN" in codes and "RUS" not in codes else "RUS" if "RUS" in codes and "CHN" not in codes \
            else "OTHER"

    rows["power"] = rows["actors"].map(power)
    order = list(dict.fromkeys(rows.sort_values("at")["format"]))  # formats in order of first meeting
    rows = rows.assign(rank=rows["format"].map(order.index), row=0).sort_values(["rank", "at"]).reset_index(drop=True)
    ticks: list[tuple[float, str, bool]] = []  # (y, label, is a heading); the first line at the top
    y = len(rows) + len(order)
    for fmt, part in rows.groupby("rank", sort=True):
        y -= 1
        ticks.append((y, order[fmt], True))
        for i in part.index:
            y -= 1
            rows.at[i, "row"] = y
            ticks.append((y, "  " + textwrap.shorten(rows.at[i, "title"], 46, placeholder="…"), False))
    names = {"CHN": "China takes part", "RUS": "Russia takes part", "OTHER": "both, or neither"}
    height = max(HEIGHT_IN, 2.6 + 0.2 * len(ticks))

    def draw(ax: Any) -> None:
        for code in ("CHN", "RUS", "OTHER"):
            look = style.ACTORS[code]
            exact = rows[(rows["power"] == code) & rows["day_known"]]
            month = rows[(rows["power"] == code) & ~rows["day_known"]]
            if not exact.empty:
                exact.plot.scatter(ax=ax, x="at", y="row", color=look.colour, marker=look.marker, s=60,
                                   label=names[code], zorder=3)
            if not month.empty:
                _hollow(ax, month["at"], month["row"], look, f"{names[code]} (month only)")
        ax.set_yticks([t[0] for t in ticks], [t[1] for t in ticks], fontsize=8)
        for label, (_y, _text, heading) in zip(ax.get_yticklabels(), ticks):
            if heading:
                label.set_fontweight("bold")
                label.set_fontsize(9)
        ax.tick_params(axis="y", length=0)
        ax.set_ylim(-0.6, len(ticks) - 0.4)
        import matplotlib.dates as mdates

        ax.set_xlim(pd.Timestamp(f"{start}-01-01") - pd.Timedelta(days=20),
                    pd.Timestamp(f"{end}-12-31") + pd.Timedelta(days=20))
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=(1, 4, 7, 10)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
        ax.set_xlabel("Date (month and year)")
        ax.set_ylabel("Format (bold) and meeting")
        ax.grid(axis="y", visible=False)
        ax.legend(loc="upper center", bbox_to_anchor=(0.35, -0.2), ncol=2, fontsize=8)

    source_ids = tuple(sorted(set(rows["source_id"])))
    title = f"The summit calendar, {start}-{end}"
    note = "Hollow markers: only the month is known (drawn mid-month)." if not rows["day_known"].all() else ""
    drawn = _draw(draw, title=title, source_ids=source_ids, note=note, height=height)
    counts = rows["format"].value_counts(sort=False)
    by_date = rows.sort_values("at", kind="stable")
    items = [f"{r.when}: {r.title} ({r.format}; {names[r.power]}; {r.source_id})" for r in by_date.itertuples()]
    description = (f'Timeline chart titled "{title}". {len(rows)} meetings from {by_date["when"].iloc[0]} to '
                   f"{by_date['when'].iloc[-1]}, grouped by format ("
                   + ", ".join(f"{f}: {n}" for f, n in counts.items()) + "). In date order: " + "; ".join(items)
                   + ". " + _source_line(source_ids, note))
    table = by_date[["id", "when", "title", "format", "power", "source_id"]].reset_index(drop=True)
    return Chart(title, description, source_ids, table=table, **drawn)


# --------------------------------------------------------------------------- lesson 00: the region


CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")


def population_economy(year: int = 2023, countries: Sequence[str] = CENTRAL_ASIA) -> Chart:
    """Population (millions) and GDP (US$ bn, current prices) of the region's countries in one year, side by side.

    Data: ``data.load("population_gdp")`` (World Bank). Also: ``"CHN"``, ``"RUS"``, ``"MNG"``.

    Example: ``charts.population_economy(2020, ["KAZ", "UZB", "MNG"])``
    """
    table = data.load("population_gdp")
    known = sorted(set(table["country"]))
    countries = [countries] if isinstance(countries, str) else list(countries)
    unknown = [c for c in countries if c not in known]
    if not countries or unknown:
        raise ValueError(f"countries must be codes from {', '.join(known)}; it received {countries!r}.")
    if isinstance(year, bool) or not isinstance(year, int):
        raise ValueError(f"year must be a whole year such as 2023; it received {year!r}.")
    rows = table[(table["year"] == year) & table["country"].isin(countries)].set_index("country").reindex(countries)
    missing = rows.index[rows["population"].isna() | rows["gdp_usd"].isna()].tolist()
    if missing:
        have = table.dropna(subset=["gdp_usd"])["year"]
        raise ValueError(f"No population or GDP for {', '.join(missing)} in {year}: pick a year from "
                         f"{int(have.min())} to {int(have.max())}.")
    names = {c: country_name(c) for c in countries}
    out = pd.DataFrame({"population_m": rows["population"].astype(float) / 1e6,
                        "gdp_usd_bn": rows["gdp_usd"].astype(float) / 1e9})
    out["gdp_per_person_usd"] = rows["gdp_usd"].astype(float) / rows["population"].astype(float)
    out.index = [names[c] for c in countries]
    out = out.sort_values("population_m", ascending=False)
    colours = [_look(c, 0).colour if c in style.ACTORS else "#595959" for c in
               [next(k for k, v in names.items() if v == n) for n in out.index]]
    title = f"The region at a glance: people and economy, {year}"
    source_ids = ("data-wb-wdi",)

    def draw(axes: Any) -> None:
        for ax, column, label, fmt in ((axes[0], "population_m", "Population (millions)", " m"),
                                       (axes[1], "gdp_usd_bn", "GDP (US$ bn, current prices)", " bn")):
            shown = out[column].iloc[::-1]
            shown.plot.barh(ax=ax, color=colours[::-1], edgecolor="white", width=0.7)
            ax.bar_label(ax.containers[0], labels=[f"{_num(v)}{fmt}" for v in shown], padding=3, fontsize=8.5)
            ax.set_xlabel(label)
            ax.grid(axis="y", visible=False)
            ax.margins(x=0.2)
        axes[1].set_yticklabels([])
        axes[0].set_ylabel("Country")

    drawn = _draw(draw, title=title, source_ids=source_ids, panels=2)
    parts = [f'Two bar charts titled "{title}": population in millions and GDP in US$ bn (current prices), '
             f"for {len(out)} countries, largest population first."]
    for name, r in out.iterrows():
        parts.append(f"{name}: {_num(r['population_m'])} million people, GDP US$ {_num(r['gdp_usd_bn'])} bn "
                     f"(US$ {_num(r['gdp_per_person_usd'], 0)} a person).")
    parts.append(_source_line(source_ids))
    return Chart(title, " ".join(parts), source_ids, table=out, **drawn)


# --------------------------------------------------------------------------- lesson 01: a chronology


def chronology(ids: Sequence[str] | None = None, categories: Sequence[str] = ("history",),
               end: int | None = None, title: str = "Two thousand years on one line: the Silk Road and after") -> Chart:
    """Events on one time axis that handles BCE years (negative) and CE years; labels alternate above and below.

    By default every event of the ``categories`` (``"history"``) up to ``end``; or just the events ``ids``.
    Data: ``data.load("events")``.

    Example: ``charts.chronology(ids=["zhang_qian_mission", "silk_road_ends", "bri_launch_astana"])``
    """
    events = data.load("events")
    if ids is not None:
        ids = [ids] if isinstance(ids, str) else list(ids)
        unknown = [i for i in ids if i not in set(events["id"])]
        if unknown or not ids:
            raise ValueError(f"Unknown event id {', '.join(map(repr, unknown)) or '(none given)'}: "
                             "see data.load('events')['id'].")
        rows = events[events["id"].isin(ids)]
    else:
        categories = [categories] if isinstance(categories, str) else list(categories)
        known = sorted(set(events["category"]))
        if not categories or any(c not in known for c in categories):
            raise ValueError(f"categories must come from {', '.join(known)}; it received {categories!r}.")
        rows = events[events["category"].isin(categories)]
    if end is not None:
        rows = rows[rows["year"] <= end]
    if rows.empty:
        raise ValueError("No events to draw: widen the categories or the years.")
    title = _check_text(title, "a title")
    rows = rows.sort_values(["year", "date"]).reset_index(drop=True)
    approximate = rows["title"].str.contains("approximate", case=False)
    look = style.ROUTE_CATEGORIES["ancient"]
    source_ids = tuple(sorted(set(rows["source_id"])))

    ids_drawn = set(rows["id"])
    span = ("silk_road_begins", "silk_road_ends") if {"silk_road_begins", "silk_road_ends"} <= ids_drawn else None

    def draw(ax: Any) -> None:
        ax.axhline(0, color=style.MUTED_TEXT, linewidth=1)
        if span:  # the centuries the network was in use, by src-001's approximate dates
            years = rows.set_index("id").loc[list(span), "year"].astype(int)
            ax.axvspan(years.iloc[0], years.iloc[1], ymin=0.44, ymax=0.56, color=look.colour, alpha=0.18, linewidth=0,
                       label="Silk Road in use (approximate)")
        exact, approx = rows[~approximate].assign(y=0.0), rows[approximate].assign(y=0.0)
        if not exact.empty:
            exact.plot.scatter(ax=ax, x="year", y="y", color=look.colour, marker="o", s=60, zorder=3,
                               label="year given by the source")
        if not approx.empty:
            _hollow(ax, approx["year"], approx["y"], look._replace(marker="D"), "approximate year (hollow)")
        for i, r in enumerate(rows.itertuples()):
            up = i % 2 == 0
            level = (1 + (i // 2) % 3) * (1 if up else -1)
            ax.annotate(f"{r.when}: " + textwrap.shorten(r.title.replace(" (approximate date)", ""), 36,
                                                        placeholder="…"),
                        (r.year, 0), xytext=(r.year, level), textcoords="data", ha="center",
                        va="bottom" if up else "top", fontsize=7.5,
                        arrowprops=dict(arrowstyle="-", color="#aaaaaa", linewidth=0.7))
        ax.set_ylim(-4, 4)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.grid(axis="y", visible=False)
        ax.set_ylabel("")
        ax.xaxis.set_major_formatter(lambda value, _pos: f"{-value:.0f} BCE" if value < 0 else
                                     "BCE | CE" if value == 0 else f"{value:.0f} CE")
        ax.set_xlabel("Year (BCE years before 1 CE)")
        ax.margins(x=0.08)
        ax.legend(loc="lower left", fontsize=8)

    drawn = _draw(draw, title=title, source_ids=source_ids)
    years_covered = int(rows["year"].iloc[-1]) - int(rows["year"].iloc[0]) - (1 if rows["year"].iloc[0] < 0 < rows["year"].iloc[-1] else 0)
    items = [f"{r.when}{' (approximate)' if a else ''}: {r.title.replace(' (approximate date)', '')} ({r.source_id})"
             for r, a in zip(rows.itertuples(), approximate)]
    description = (f'Timeline chart titled "{title}". {len(rows)} events over {years_covered:,} years, from {rows["when"].iloc[0]} '
                   f"to {rows['when'].iloc[-1]}: " + "; ".join(items) + ". "
                   + ("A shaded band marks the centuries the Silk Road was in use, between its two approximate dates. "
                      if span else "") + _source_line(source_ids))
    table = rows[["id", "year", "when", "title", "source_id"]].assign(approximate=approximate.to_numpy())
    return Chart(title, description, source_ids, table=table, **drawn)
