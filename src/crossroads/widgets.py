"""Interactive explorers for the lessons (ipywidgets), each one call and built from data/.

Every explorer is a small VBox: its controls are attributes (``w.year``, ``w.partner``, ...),
what it shows is in HTML widgets (``w.view.value``, ``w.map.value``), and its text form
tells its current state, so a stored notebook can be checked.

>>> from crossroads import widgets
>>> w = widgets.timeline()
>>> w.year.value = -100
>>> w
<Timeline: 100 BCE — 3 events>
"""
from __future__ import annotations

import math
import numbers
from typing import Any

import ipywidgets as W
import pandas as pd

from crossroads import data, maps, routes, text
from crossroads.exercises.feedback import plural  # the course's one count-with-noun helper
from crossroads.scenario import OilScenario, oil_scenario  # lesson 03's what-if explorer lives in its own module
from crossroads.text import escape_text as esc
from crossroads.text import present as _present

__all__ = ["timeline", "trade_explorer", "membership_explorer", "route_explorer", "oil_scenario",
           "Timeline", "TradeExplorer", "MembershipExplorer", "RouteExplorer", "OilScenario", "value_label"]

_MAP_HEIGHT = 380
_LABEL = {"description_width": "initial"}  # show control labels in full
_UNITS = {
    "usd_bn": ("US$", "bn"), "usd_bn_per_year": ("US$", "bn a year"), "percent": ("", "%"),
    "percent_per_year": ("", "% a year"), "mt": ("", "million tonnes"), "mt_per_year": ("", "million tonnes a year"),
    "t": ("", "tonnes"), "bcm_per_year": ("", "bcm a year"), "count": ("", ""), "km": ("", "km"),
    "miles": ("", "miles"), "ha": ("", "hectares"), "years": ("", "years"), "tonnes_claimed": ("", "tonnes (as claimed)"),
}


def value_label(value: float, unit: str) -> str:
    """A figure as a reader would write it; a missing or endless value reads "not given".

    >>> value_label(31, "usd_bn"), value_label(14.7, "percent"), value_label(4e12, "tonnes_claimed")
    ('US$ 31 bn', '14.7 %', '4,000,000,000,000 tonnes (as claimed)')
    """
    try:
        v = float(value)
    except (TypeError, ValueError):
        return "not given"
    if not math.isfinite(v):
        return "not given"
    number = f"{int(v):,}" if v.is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")
    before, after = _UNITS.get(str(unit), ("", str(unit)))
    return " ".join(p for p in (before, number, after) if p)


def _cite(source_id: Any) -> str:
    """The escaped citation of a source (cached: data.cite searches the sources table each time)."""
    return esc(text.citation(str(source_id))) if _present(source_id) else ""


def _country_name(code: Any) -> str:
    return text.country_name(code) if _present(code) else "none"


def _announce(sentence: str, body: str) -> str:
    """A view's HTML as a live region: screen readers read the first sentence whenever the view changes."""
    return f"<div role='status' aria-live='polite'><p style='margin:2px 0'>{sentence}</p>{body}</div>"


def _whole_year(name: str, value: Any) -> int:
    """A year as a whole number; numpy integers and whole floats (from pandas) are years too."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not float(value).is_integer():
        raise ValueError(f"{name} should be a whole year such as -200 (200 BCE) or 2023; got {value!r}.")
    return int(value)


def _text_choice(what: str, value: Any, known: list[str]) -> str:
    """A learner's choice among known ids, with a did-you-mean that ignores case."""
    if not isinstance(value, str):
        raise ValueError(f"The {what} should be a text such as {known[0]!r}; got {value!r} "
                         f"({type(value).__name__}).")
    if value in known:
        return value
    for k in known:
        if k.lower() == value.strip().lower():
            raise ValueError(f"Unknown {what} {value!r}. Did you mean {k!r}? (Ids are case-sensitive.)")
    raise text.unknown(what, value, known)


def _table(header: list[str], rows: list[list[str]]) -> str:
    """An HTML table; cells must already be escaped."""
    head = "".join(f"<th style='text-align:left;padding:2px 8px'>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td style='padding:2px 8px;vertical-align:top'>{c}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table style='border-collapse:collapse;font-size:13px'><tr>{head}</tr>{body}</table>"


class _Explorer(W.VBox):
    """A VBox whose text form is its current state (``summary``)."""

    def summary(self) -> str:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__}: {self.summary()}>"


def _map_box(value: str = "") -> W.HTML:
    return W.HTML(value=value, layout=W.Layout(width="100%", min_height=f"{_MAP_HEIGHT}px"))


# --------------------------------------------------------------------------- timeline


class Timeline(_Explorer):
    """Events up to the chosen year, newest first, with the places involved on a map."""

    def __init__(self, start: int = -200, end: int = 2023, categories: list[str] | None = None):
        events = data.load("events")
        if categories is not None and not (isinstance(categories, (list, tuple, set))
                                           and all(isinstance(c, str) for c in categories)):
            raise ValueError(f"categories should be a list of texts such as ['energy', 'summit']; got {categories!r}.")
        if categories is not None:
            known = list(events["category"].cat.categories)
            unknown = [c for c in categories if c not in known]
            if unknown:
                raise ValueError(f"Unknown event categories {unknown}; choose from {', '.join(known)}.")
            events = events[events["category"].isin(categories)]
        self.events = events[(events["year"] >= start) & (events["year"] <= end)].reset_index(drop=True)
        # A labelled number box and two buttons, not a slider: ipywidgets' slider handle has no name a
        # screen reader can read (axe-core: aria-input-field-name), while these work by keyboard and by voice.
        self.year = W.BoundedIntText(style=_LABEL, value=end, min=start, max=end, step=1, continuous_update=True,
                                     description="Year (BCE as minus)", layout=W.Layout(width="240px"))
        self.earlier = W.Button(description="◀ Earlier event", tooltip="Go back to the year of the previous event")
        self.later = W.Button(description="Later event ▶", tooltip="Go on to the year of the next event")
        self.year_label = W.HTML()
        self.view = W.HTML()
        self.map = _map_box()
        self._map_key: tuple | None = None
        super().__init__([W.HBox([self.year, self.earlier, self.later, self.year_label]),
                          W.HBox([self.view, self.map])])
        self.view.layout = W.Layout(width="45%")
        self.map.layout.width = "55%"
        self.year.observe(self._update, names="value")
        self.earlier.on_click(lambda _button: self.step(-1))
        self.later.on_click(lambda _button: self.step(+1))
        self._update()

    def step(self, direction: int) -> None:
        """Move to the year of the previous (-1) or next (+1) event, or to the end of the range.

        >>> w = timeline(start=-200, end=2023)
        >>> w.year.value = -200; w.step(+1); w.year.value > -200
        True
        """
        years = sorted(set(int(y) for y in self.events["year"]))
        here = self.year.value
        if direction < 0:
            self.year.value = max([y for y in years if y < here], default=self.year.min)
        else:
            self.year.value = min([y for y in years if y > here], default=self.year.max)

    def shown(self) -> pd.DataFrame:
        """The events up to the slider's year, newest first."""
        return self.events[self.events["year"] <= self.year.value].iloc[::-1]

    def summary(self) -> str:
        n = len(self.shown())
        return f"{data.year_label(self.year.value)} — {plural(n, 'event')}"

    def _update(self, change: Any = None) -> None:
        if self.year.value == 0:  # there is no year 0: step on to 1 CE or back to 1 BCE
            old = change["old"] if change else -1
            self.year.value = 1 if old < 0 and self.year.max >= 1 else -1
            return
        shown = self.shown()
        self.year_label.value = f"<b style='font-size:16px'>{esc(data.year_label(self.year.value))}</b>"
        items = [
            f"<li><b>{esc(r.when)}</b> — {esc(r.title)}<br><span style='font-size:12px'>{esc(r.description)}</span>"
            f"<br><small style='color:#595959'>{esc(r.category)} · {_cite(r.source_id)}</small></li>"
            for r in shown.itertuples()
        ]
        n = len(items)
        year = esc(data.year_label(self.year.value))
        listing = (f"<ul style='padding-left:18px;margin:0'>{''.join(items)}</ul>" if items
                   else "<i>No events in the course data up to this year.</i>")
        # the list scrolls inside a region the keyboard can reach (tab to it, then the arrow keys)
        self.view.value = _announce(
            f"{plural(n, 'event')} up to {year}, newest first.",
            f"<div tabindex='0' role='region' aria-label='Events up to {year}' "
            f"style='max-height:{_MAP_HEIGHT - 30}px;overflow:auto'>{listing}</div>")
        place_ids = tuple(dict.fromkeys(p for p in shown["place_id"] if _present(p)))
        if place_ids != self._map_key:  # the map only changes when the set of places does
            m = maps.region_map("Places of these events", tiles=False, bounds=maps.EURASIA, height=_MAP_HEIGHT)
            maps.add_places(m, ids=list(place_ids))
            self.map.value = m._repr_html_()
            self._map_key = place_ids


def timeline(start: int = -200, end: int = 2023, categories: list[str] | None = None) -> Timeline:
    """A year slider from antiquity to today: the events up to that year and their places on a map.

    >>> timeline(categories=["energy"])  # doctest: +ELLIPSIS
    <Timeline: 2023 — ... events>
    """
    start, end = _whole_year("start", start), _whole_year("end", end)
    if start >= end:
        raise ValueError(f"start should be before end; got start={start}, end={end}.")
    if isinstance(categories, str):
        categories = [categories]
    return Timeline(start, end, categories)


# --------------------------------------------------------------------------- trade


class TradeExplorer(_Explorer):
    """Trade figures from the sources by partner, year and source, with disagreements side by side."""

    def __init__(self) -> None:
        figures = data.load("figures")
        self.figures = figures[figures["theme"] == "trade"].reset_index(drop=True)
        partners = sorted({str(p) for p in self.figures["partner"] if _present(p)})
        labels = {p: p if _country_name(p) == p else f"{_country_name(p)} ({p})" for p in partners}
        self.partner = W.Dropdown(style=_LABEL, options=[(labels[p], p) for p in partners] + [("No partner", "none")],
                                  value="CHN" if "CHN" in partners else (partners[0] if partners else "none"),
                                  description="Partner")
        self.year = W.Dropdown(style=_LABEL, description="Year")
        self.source = W.Dropdown(style=_LABEL, description="Source")
        self.view = W.HTML()
        self._refreshing = False
        super().__init__([W.HBox([self.partner, self.year, self.source]), self.view])
        self._refresh_choices()
        self.partner.observe(self._on_partner, names="value")
        self.year.observe(self._update, names="value")
        self.source.observe(self._update, names="value")
        self._update()

    def _for_partner(self) -> pd.DataFrame:
        f = self.figures
        if self.partner.value == "none":
            return f[f["partner"].isna()]
        return f[f["partner"] == self.partner.value]

    def _refresh_choices(self) -> None:
        rows = self._for_partner()
        years = sorted({int(y) for y in rows["year"] if _present(y)})
        year_options = [("All years", "all")] + [(str(y), y) for y in years]
        if rows["year"].isna().any():
            year_options.append(("No year given", "none"))
        sources = sorted({str(s) for s in rows["source_id"]})
        source_options = [("All sources", "all")] + [(s, s) for s in sources]
        self._refreshing = True  # one update after the new choices, not one per changed selector
        try:
            self.year.options, self.year.value = year_options, "all"
            self.source.options, self.source.value = source_options, "all"
        finally:
            self._refreshing = False

    def selected(self) -> pd.DataFrame:
        """The figures matching the three selectors."""
        rows = self._for_partner()
        if self.year.value == "none":
            rows = rows[rows["year"].isna()]
        elif self.year.value != "all":
            rows = rows[rows["year"] == self.year.value]
        if self.source.value != "all":
            rows = rows[rows["source_id"] == self.source.value]
        return rows

    def disagreements(self) -> list[pd.DataFrame]:
        """Groups of figures (same subject and year) whose sources give different values."""
        subjects = set(self.selected()["subject"])
        rows = self.figures[self.figures["subject"].isin(subjects)]
        groups = []
        for _key, group in rows.groupby(["subject", rows["year"].fillna(-99999)], sort=True):
            if group["value"].nunique() > 1 or group["unit"].nunique() > 1:
                groups.append(group)
        return groups

    def summary(self) -> str:
        n, d = len(self.selected()), len(self.disagreements())
        year = "all years" if self.year.value == "all" else ("no year" if self.year.value == "none" else self.year.value)
        source = "all sources" if self.source.value == "all" else self.source.value
        return f"{self.partner.value}, {year}, {source} — {plural(n, 'figure')}, {plural(d, 'disagreement')}"

    def _on_partner(self, change: Any = None) -> None:
        self._refresh_choices()
        self._update()

    def _update(self, change: Any = None) -> None:
        if self._refreshing:
            return
        rows = self.selected()
        table = _table(
            ["Figure", "Value", "Year", "Kind", "Source"],
            [[esc(r.claim) if _present(r.claim) else esc(r.subject), f"<b>{esc(value_label(r.value, r.unit))}</b>",
              esc(data.year_label(r.year)) if _present(r.year) else "—", esc(r.kind), _cite(r.source_id)]
             for r in rows.itertuples()],
        ) if len(rows) else "<i>No trade figures match these choices.</i>"
        parts = [table]
        for group in self.disagreements():
            first = group.iloc[0]
            year = data.year_label(first["year"]) if _present(first["year"]) else "no year given"
            cells = [[f"<b>{esc(value_label(r.value, r.unit))}</b>", esc(r.claim) if _present(r.claim) else "",
                      _cite(r.source_id)] for r in group.itertuples()]
            parts.append(f"<p style='margin:10px 0 2px'><b>Sources disagree</b> on one quantity "
                         f"(<code>{esc(first['subject'])}</code>, {esc(year)}): every version side by side.</p>"
                         + _table(["Value", "As stated", "Source"], cells))
        n, d = len(rows), len(parts) - 1
        self.view.value = _announce(f"{plural(n, 'trade figure')} shown; sources disagree on "
                                    f"{d} quantit{'ies' if d != 1 else 'y'}.", "".join(parts))


def trade_explorer() -> TradeExplorer:
    """Pick a partner, a year and a source: the trade figures, their sources, and where sources disagree.

    >>> trade_explorer()  # doctest: +ELLIPSIS
    <TradeExplorer: CHN, all years, all sources — ...>
    """
    return TradeExplorer()


# --------------------------------------------------------------------------- memberships


_MEMBER_COLOUR, _OTHER_COLOUR = "#2b8cbe", "#a6bddb"


class MembershipExplorer(_Explorer):
    """Pick an organization: its members on the map. Pick a country: all its memberships."""

    def __init__(self, organization: str = "sco", country: str = "KAZ"):
        self.orgs = data.load("organizations").set_index("id", drop=False)
        self.members = data.load("memberships")
        organization = _text_choice("organization", organization, list(self.orgs["id"]))
        countries = sorted(set(self.members["country"]), key=_country_name)
        country = _text_choice("country code", country, countries)
        org_options = [(f"{r.short_name} — {r.name}", r.id) for r in self.orgs.itertuples()]
        self.organization = W.Dropdown(style=_LABEL, options=org_options,
                                       value=organization, description="Organization", layout=W.Layout(width="48%"))
        self.country = W.Dropdown(style=_LABEL, options=[(_country_name(c), c) for c in countries], value=country,
                                  description="Country", layout=W.Layout(width="30%"))
        self.org_view = W.HTML()
        self.country_view = W.HTML()
        self.map = _map_box()
        super().__init__([W.HBox([self.organization, self.country]), self.map,
                          W.HBox([self.org_view, self.country_view])])
        self.org_view.layout = W.Layout(width="50%")
        self.country_view.layout = W.Layout(width="50%")
        self.organization.observe(self._update_org, names="value")
        self.country.observe(self._update_country, names="value")
        self._update_org()
        self._update_country()

    def members_of(self, org_id: str) -> pd.DataFrame:
        """Rows of memberships.csv for one organization."""
        return self.members[self.members["org_id"] == org_id]

    def memberships_of(self, iso3: str) -> pd.DataFrame:
        """Rows of memberships.csv for one country."""
        return self.members[self.members["country"] == iso3]

    def _is_dialogue(self, org_id: str) -> bool:
        return self.orgs.at[org_id, "kind"] == "dialogue"

    def summary(self) -> str:
        org = self.orgs.loc[self.organization.value]
        rows = self.members_of(org["id"])
        if self._is_dialogue(org["id"]):  # dialogue formats have participants, not members
            side = plural(len(rows), "participant")
        else:
            side = plural(int((rows["role"] == "member").sum()), "member")
        kinds = self.memberships_of(self.country.value)["org_id"].map(self._is_dialogue)
        return (f"{org['short_name']} — {side}; {_country_name(self.country.value)} — "
                f"{plural(int((~kinds).sum()), 'organization')}, {plural(int(kinds.sum()), 'dialogue format')}")

    def _update_org(self, change: Any = None) -> None:
        org = self.orgs.loc[self.organization.value]
        rows = self.members_of(org["id"])
        on_map = set(text.outline_codes())
        m = maps.region_map(f"{org['short_name']}: members", tiles=False, bounds=maps.EURASIA, height=_MAP_HEIGHT)
        full = [c for c in rows.loc[rows["role"] == "member", "country"] if c in on_map]
        other = [c for c in rows.loc[rows["role"] != "member", "country"] if c in on_map]
        if full:
            maps.shade_countries(m, full, _MEMBER_COLOUR, "members")
        if other:
            maps.shade_countries(m, other, _OTHER_COLOUR, "observers, partners or participants")
        self.map.value = m._repr_html_()
        founded = data.year_label(org["founded"]) if _present(org["founded"]) else "unknown"
        lead = _country_name(org["lead_power"]) if _present(org["lead_power"]) else "none (no single lead power)"
        lead_label = "Convened by" if org["kind"] == "dialogue" else "Lead power (the course's simplification; see the note)"
        member_rows = [[esc(_country_name(r.country)), esc(r.role), esc(r.since) if _present(r.since) else "—"]
                       for r in rows.itertuples()]
        off_map = sorted(_country_name(c) for c in rows["country"] if c not in on_map)
        n_full = int((rows["role"] == "member").sum())
        said = (f"{plural(len(rows), 'participant')} in this dialogue format; they are shaded on the map."
                if org["kind"] == "dialogue" else
                f"{plural(n_full, 'member')}, {plural(len(rows) - n_full, 'other participant')}; "
                "members are shaded on the map.")
        self.org_view.value = _announce(
            f"{esc(org['short_name'])}: {said}",
            f"<h4 style='margin:4px 0'>{esc(org['name'])} ({esc(org['short_name'])})</h4>"
            f"<p style='margin:2px 0'>Kind: {esc(org['kind'])} · Founded: <b>{esc(founded)}</b> · "
            f"{lead_label}: <b>{esc(lead)}</b></p>"
            + _table(["Country", "Role", "Since"], member_rows)
            + (f"<p style='font-size:12px'>Not on the map: {esc(', '.join(off_map))}.</p>" if off_map else "")
            + f"<p style='font-size:12px;color:#555'>{esc(org['note']) if _present(org['note']) else ''}<br>"
              f"Source: {_cite(org['source_id'])}</p>"
        )

    def _update_country(self, change: Any = None) -> None:
        iso3 = self.country.value
        rows = self.memberships_of(iso3).merge(self.orgs.reset_index(drop=True), left_on="org_id", right_on="id",
                                               suffixes=("", "_org"))
        dialogue = rows["kind"] == "dialogue"
        orgs, formats = rows[~dialogue], rows[dialogue]

        def who(code: Any) -> str:
            return esc(_country_name(code)) if _present(code) else "—"

        org_table = _table(["Organization", "Role", "Since", "Lead power*"], [
            [esc(r.short_name), esc(r.role), esc(r.since) if _present(r.since) else "—", who(r.lead_power)]
            for r in orgs.itertuples()])
        format_table = _table(["Dialogue format", "Role", "Since", "Convened by"], [
            [esc(r.short_name), esc(r.role), esc(r.since) if _present(r.since) else "—", who(r.lead_power)]
            for r in formats.itertuples()]) if len(formats) else ""
        leads = orgs["lead_power"].map(lambda c: _country_name(c) if _present(c) else "no single power")
        counts = leads.value_counts()
        picture = ", ".join(f"{n} led by {esc(lead)}" if lead != "no single power" else f"{n} with no single lead power"
                            for lead, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        name, n_orgs, n_formats = esc(_country_name(iso3)), plural(len(orgs), "organization"), len(formats)
        counted = f"{n_orgs} and {plural(n_formats, 'dialogue format')}"
        self.country_view.value = _announce(
            f"{name}: {counted}.",
            f"<h4 style='margin:4px 0'>{name}: {counted}</h4>"
            f"<p style='margin:2px 0'>Organizations: {picture or 'none'}.</p>" + org_table
            + "<p style='font-size:12px;color:#595959'>* The lead power is the course's simplification: where the "
              "lead is shared or loose, the table still names one country (see each organization's note).</p>"
            + format_table)


def membership_explorer(organization: str = "sco", country: str = "KAZ") -> MembershipExplorer:
    """Pick an organization (its members shaded on the map) or a country (all its memberships).

    >>> membership_explorer()  # doctest: +ELLIPSIS
    <MembershipExplorer: SCO — ... members; Kazakhstan — ... organizations, ... dialogue formats>
    """
    return MembershipExplorer(organization, country)


# --------------------------------------------------------------------------- routes


class RouteExplorer(_Explorer):
    """Pick a route: its length along the waypoints, sourced capacity and status, countries crossed, Russia or not."""

    def __init__(self, route: str = "cpc_pipeline"):
        self.routes = data.load("routes").set_index("id", drop=False)
        figures = data.load("figures")
        self.figures = figures[figures["route_id"].notna()]
        route = _text_choice("route id", route, list(self.routes.index))
        self.route = W.Dropdown(style=_LABEL, options=[(r.name, r.id) for r in self.routes.itertuples()], value=route,
                                description="Route", layout=W.Layout(width="70%"))
        self.view = W.HTML()
        self.map = _map_box()
        super().__init__([self.route, W.HBox([self.view, self.map])])
        self.view.layout = W.Layout(width="45%")
        self.map.layout.width = "55%"
        self.route.observe(self._update, names="value")
        self._update()

    def transits_russia(self) -> bool:
        """Whether the selected route crosses Russia (from its ``countries`` column)."""
        return "RUS" in data.split_list(self.routes.loc[self.route.value, "countries"])

    def summary(self) -> str:
        km = routes.route_length_km(self.route.value)
        return f"{self.route.value} — {km:,.0f} km, {'transits Russia' if self.transits_russia() else 'avoids Russia'}"

    def _update(self, change: Any = None) -> None:
        r = self.routes.loc[self.route.value]
        crossed = [_country_name(c) for c in data.split_list(r["countries"])]
        facts = self.figures[self.figures["route_id"] == r["id"]]
        fact_rows = [[esc(f.claim) if _present(f.claim) else esc(f.subject), f"<b>{esc(value_label(f.value, f.unit))}</b>",
                      esc(f.kind), esc(data.year_label(f.year)) if _present(f.year) else "—", _cite(f.source_id)]
                     for f in facts.itertuples()]
        status = str(r["status"]).replace("_", " ")
        opened = f", opened {esc(data.year_label(r['opened']))}" if _present(r["opened"]) else ""
        russia = ("<b>Yes</b>: it crosses Russia." if self.transits_russia()
                  else "<b>No</b>: it avoids Russian territory.")
        self.view.value = _announce(
            f"{esc(r['name'])}: {routes.route_length_km(r['id']):,.0f} km, "
            f"{'crosses Russia' if self.transits_russia() else 'avoids Russia'}.",
            f"<h4 style='margin:4px 0'>{esc(r['name'])}</h4>"
            f"<p style='margin:2px 0'>{esc(maps.ROUTE_CATEGORIES[r['category']].singular)}, <b>{esc(status)}</b>{opened}</p>"
            f"<p style='margin:2px 0'>Length along its waypoints: <b>{routes.route_length_km(r['id']):,.0f} km</b> "
            "(great-circle legs summed; the real track is longer)</p>"
            f"<p style='margin:2px 0'>Countries crossed: {esc(', '.join(crossed))}</p>"
            f"<p style='margin:2px 0'>Transits Russia? {russia}</p>"
            + (_table(["Sourced figure", "Value", "Kind", "Year", "Source"], fact_rows) if fact_rows
               else "<p style='margin:2px 0'><i>No capacity or other figure for this route in the sources.</i></p>")
            + (f"<p style='font-size:12px;color:#555'>{esc(r['note'])}</p>" if _present(r["note"]) else "")
            + f"<p style='font-size:12px;color:#555'>Source: {_cite(r['source_id'])}</p>"
        )
        m = maps.region_map(str(r["name"]), tiles=False, bounds=None, height=_MAP_HEIGHT)
        maps.add_route(m, r["id"])
        maps.add_places(m, ids=data.split_list(r["waypoints"]))
        self.map.value = m._repr_html_()


def route_explorer(route: str = "cpc_pipeline") -> RouteExplorer:
    """Pick a route: length (computed), capacity and status where sourced, countries crossed, Russia or not.

    >>> route_explorer("middle_corridor")  # doctest: +ELLIPSIS
    <RouteExplorer: middle_corridor — ... km, avoids Russia>
    """
    return RouteExplorer(route)
