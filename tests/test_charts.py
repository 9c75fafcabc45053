"""Tests for crossroads.charts: every chart titled, labelled with units, sourced, described, stable and small."""
from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from crossroads import charts, data, style

LESSON_FORMATS = {  # as lesson 04 classifies its meetings
    "china_central_asia_summit_2022_01": "C5+1 summit (online)",
    "xi_visit_kazakhstan_2022_src000": "bilateral visit",
    "russia_central_asia_summit_ref": "C5+1 summit",
    "xi_putin_summit_2023_03": "bilateral summit",
    "tokayev_state_visit_china_2023": "bilateral visit",
}

MAKERS = {
    "population_economy": lambda: charts.population_economy(),
    "chronology": lambda: charts.chronology(),
    "trade_shares": lambda: charts.trade_shares(),
    "mirror_trade": lambda: charts.mirror_trade(),
    "route_volumes": lambda: charts.route_volumes(),
    "oil_scenario": lambda: charts.oil_scenario(60),
    "summit_calendar": lambda: charts.summit_calendar(),
    "summit_calendar_formats": lambda: charts.summit_calendar(LESSON_FORMATS),
    "line": lambda: charts.line(pd.DataFrame({"China": [1.0, 2.0, 4.0]}, index=[2018, 2019, 2020]),
                                title="A learner's line", y_label="US$ bn", sources=["data-imf-dots"]),
    "bar": lambda: charts.bar(pd.DataFrame({"usd_bn": [24, 31]}, index=["src-000 low", "src-003"]),
                              title="A learner's bars", y_label="US$ bn", sources=["src-000", "src-003"]),
}
UNIT_WORDS = re.compile(r"%|US\$|Mt|million|year|date|\(", re.IGNORECASE)


@pytest.fixture(scope="module")
def drawn() -> dict[str, charts.Chart]:
    return {name: make() for name, make in MAKERS.items()}


# --------------------------------------------------------------------------- every chart


@pytest.mark.parametrize("name", list(MAKERS))
def test_every_chart_has_title_axis_labels_with_units_and_a_source_line(drawn, name):
    chart = drawn[name]
    assert chart.title and chart.title in chart.description
    assert chart.axis_labels, "the figure has axes"
    x_label, y_label = chart.axis_labels[0]
    if name not in ("chronology",):  # a time line has no value axis, only years
        assert x_label and y_label, chart.axis_labels
    assert any(UNIT_WORDS.search(label) for pair in chart.axis_labels for label in pair), chart.axis_labels
    known = set(data.sources()["id"])
    assert chart.source_ids and set(chart.source_ids) <= known
    for sid in chart.source_ids:
        assert f"[{sid}]" in chart.source_line
    assert chart.source_line in chart.description


@pytest.mark.parametrize("name", list(MAKERS))
def test_every_chart_is_small_and_shown_as_an_image_with_its_description_as_alt_text(drawn, name):
    chart = drawn[name]
    bundle = chart._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}
    html = bundle["text/html"]
    assert len(html.encode()) <= charts.MAX_BYTES, len(html.encode())
    assert chart.png.startswith(b"\x89PNG")
    assert "data:image/png;base64," in html
    alt = re.search(r'alt="([^"]*)"', html).group(1)
    assert alt.startswith("Line chart") or alt.startswith("Bar chart") or alt.startswith("Timeline") \
        or alt.startswith("Two bar charts")
    assert bundle["text/plain"] == charts.describe(chart)
    assert b"tIME" not in chart.png and b"Software" not in chart.png  # no timestamp, no version stamp
    assert chart.size[0] == int(charts.WIDTH_IN * charts.DPI)


@pytest.mark.slow  # draws every chart again
def test_drawing_twice_gives_the_same_bytes(drawn):
    for name, make in MAKERS.items():
        again = make()
        assert again.png == drawn[name].png, name
        assert again.to_html() == drawn[name].to_html(), name


@pytest.mark.slow  # fresh Python processes
def test_bytes_are_the_same_in_two_fresh_processes_and_whatever_the_learner_set_in_rcparams():
    script = textwrap.dedent("""
        import hashlib, sys
        import matplotlib
        if sys.argv[1] == "restyled":
            matplotlib.rcParams.update({"font.size": 20, "lines.linewidth": 7, "axes.grid": False})
        from crossroads import charts
        for chart in (charts.trade_shares(), charts.summit_calendar(), charts.route_volumes()):
            print(hashlib.sha256(chart.png).hexdigest())
    """)
    outputs = []
    for mode, seed in (("plain", "1"), ("restyled", "2")):
        env = dict(os.environ, PYTHONHASHSEED=seed, MPLBACKEND="Agg")
        done = subprocess.run([sys.executable, "-c", script, mode], capture_output=True, text=True, env=env,
                              check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert hashlib.sha256(charts.trade_shares().png).hexdigest() == outputs[0].split()[0]


def test_drawing_leaves_the_learners_matplotlib_settings_alone():
    import matplotlib

    before = dict(matplotlib.rcParams)
    charts.trade_shares()
    assert dict(matplotlib.rcParams) == before


@pytest.mark.slow  # fresh Python processes
def test_importing_charts_does_not_import_matplotlib_until_a_chart_is_drawn():
    script = textwrap.dedent("""
        import sys
        import crossroads.charts as charts
        print("matplotlib" in sys.modules)
        charts.population_economy()
        print("matplotlib" in sys.modules)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True"]


# --------------------------------------------------------------------------- what each chart says


def _kaz_trade() -> pd.DataFrame:
    trade = data.load("trade_series")
    kaz = trade[trade["reporter"] == "KAZ"]
    return kaz.groupby(["year", "partner"])["value_usd_m"].sum().unstack()


def test_trade_shares_describes_each_partner_with_values_computed_from_the_data(drawn):
    chart = drawn["trade_shares"]
    total = _kaz_trade()
    china_2020 = total.at[2020, "CHN"] / total.at[2020, "WLD"] * 100
    russia_1995 = total.at[1995, "RUS"] / total.at[1995, "WLD"] * 100
    assert "China (solid line, round points): from" in chart.description
    assert f"{china_2020:.1f} % in 2020" in chart.description
    assert f"{russia_1995:.1f} % in 1995" in chart.description
    assert "EU (dash-dot line" in chart.description
    assert list(chart.table.columns) == ["CHN", "RUS", "EUU"]
    assert chart.table.index.min() == 1995 and chart.table.index.max() == 2020
    assert abs(chart.table.at[2020, "CHN"] - china_2020) < 1e-9


def test_mirror_trade_puts_both_customs_counts_side_by_side(drawn):
    chart = drawn["mirror_trade"]
    trade = data.load("trade_series").set_index(["reporter", "partner", "flow", "year"])["value_usd_m"]
    kaz, chn = trade[("KAZ", "CHN", "imports", 2020)] / 1000, trade[("CHN", "KAZ", "exports", 2020)] / 1000
    assert f"{kaz:.1f} bn in 2020" in chart.description and f"{chn:.1f} bn in 2020" in chart.description
    assert f"in 2020: China's count is US$ {chn - kaz:.1f} bn more than Kazakhstan's" in chart.description
    assert len(chart.table.columns) == 2


def test_route_volumes_lists_every_sourced_oil_volume_by_route(drawn):
    chart = drawn["route_volumes"]
    figures = data.load("figures")
    expected = figures[figures["route_id"].notna() & figures["unit"].isin(["mt", "mt_per_year"])]
    assert sorted(chart.table["id"]) == sorted(expected["id"])
    for row in expected.itertuples():
        assert f"[{row.source_id}]" in chart.description
    assert "plan" in chart.description and "target" in chart.description


def test_oil_scenario_follows_the_sourced_share_and_the_tanker_limit():
    figures = data.load("figures").set_index("id")
    share = figures.at["share_oil_exports_via_russia_src003", "value"]
    tanker_t = figures.at["tanker_capacity_src003", "value"]
    chart = charts.oil_scenario(50, corridor_mt=1.5, tanker_trips=100, china_shift_mt=2)
    carried = 100 * tanker_t / 1e6
    after = 50 * share / 100 - carried - 2
    assert f"{100 * after / 50:.1f} % of oil exports still cross Russia" in chart.title
    assert "The tankers are the bottleneck" in chart.description
    assert "your assumption, not a sourced figure" in chart.source_line
    roomy = charts.oil_scenario(50, corridor_mt=1.5, tanker_trips=500)
    assert "bottleneck" not in roomy.description


def test_summit_calendar_uses_the_formats_given_and_marks_month_only_dates(drawn):
    chart = drawn["summit_calendar_formats"]
    assert sorted(chart.table["id"]) == sorted(LESSON_FORMATS)
    assert "bilateral visit: 2" in chart.description
    assert "Hollow markers" in chart.source_line  # two of these are known only to the month
    default = drawn["summit_calendar"]
    events = data.load("events")
    known_to_the_day = events[(events["category"] == "diplomacy") & events["year"].between(2022, 2023)
                              & events["day"].notna()]
    assert sorted(default.table["id"]) == sorted(known_to_the_day["id"])
    assert "Hollow" not in default.source_line


def test_population_economy_gives_each_country_its_values(drawn):
    chart = drawn["population_economy"]
    pop = data.load("population_gdp").set_index(["country", "year"])
    kaz = pop.loc[("KAZ", 2023)]
    assert f"Kazakhstan: {kaz['population'] / 1e6:.1f} million people, GDP US$ {kaz['gdp_usd'] / 1e9:,.0f} bn" \
        in chart.description
    assert len(chart.table) == 5 and len(chart.axis_labels) == 2


def test_chronology_shows_bce_years_and_flags_approximate_dates(drawn):
    chart = drawn["chronology"]
    assert "138 BCE: Zhang Qian sets out" in chart.description
    assert "150 BCE (approximate)" in chart.description
    assert chart.table["approximate"].sum() >= 2
    assert "A shaded band marks the centuries the Silk Road was in use" in chart.description
    only_zhang = charts.chronology(ids=["zhang_qian_mission", "zhang_qian_return"])
    assert "shaded band" not in only_zhang.description and "2 events over 13 years" in only_zhang.description


def test_learner_line_and_bar_use_actor_colours_and_name_every_value(drawn):
    assert "China (solid line, round points): from 1.0 in 2018 to 4.0 in 2020" in drawn["line"].description
    bars = drawn["bar"].description
    assert "src-000 low: 24.0." in bars and "src-003: 31.0." in bars
    assert style.actor("CHN").colour == charts._look("China", 3).colour


# --------------------------------------------------------------------------- learner mistakes


@pytest.mark.parametrize("call, words", [
    (lambda: charts.line(pd.DataFrame(), title="t", y_label="u", sources=["src-000"]), "empty"),
    (lambda: charts.line([1, 2, 3], title="t", y_label="u", sources=["src-000"]), "DataFrame"),
    (lambda: charts.line(pd.DataFrame({"a": [1]}), y="b", title="t", y_label="u", sources=["src-000"]),
     "No column 'b'"),
    (lambda: charts.line(pd.DataFrame({"a": ["x"]}), title="t", y_label="u", sources=["src-000"]), "no numbers"),
    (lambda: charts.line(pd.DataFrame({"a": [1]}), title="", y_label="u", sources=["src-000"]), "title"),
    (lambda: charts.line(pd.DataFrame({"a": [1]}), title="t", y_label="u", sources=[]), "source line"),
    (lambda: charts.bar(pd.DataFrame({"a": [1]}), title="t", y_label="u", sources=["src-999"]), "src-999"),
    (lambda: charts.bar(pd.DataFrame({"a": [1]}), x="name", title="t", y_label="u", sources=["src-000"]),
     "No column 'name'"),
    (lambda: charts.trade_shares(partners=["XXX"]), "partners must be"),
    (lambda: charts.trade_shares(start=2020, end=1995), "start before end"),
    (lambda: charts.mirror_trade(flow="both"), "'imports' or 'exports'"),
    (lambda: charts.mirror_trade(partner="DEU"), "reports its trade"),
    (lambda: charts.oil_scenario("sixty"), "assumed_total_exports_mt"),
    (lambda: charts.oil_scenario(0), "more than 0"),
    (lambda: charts.summit_calendar({"no_such_meeting": "summit"}), "no_such_meeting"),
    (lambda: charts.summit_calendar({"kaz_rejects_donbas_recognition_2022": "x"}), "only to the year"),
    (lambda: charts.population_economy(year=1900), "pick a year"),
    (lambda: charts.population_economy(countries=["FRA"]), "countries must be"),
    (lambda: charts.chronology(ids=["nope"]), "nope"),
    (lambda: charts.route_volumes(ids=["cpc_length_gem"]), "cpc_length_gem"),
    (lambda: charts.describe("a chart"), "received str"),
])
def test_wrong_input_gets_a_sentence_not_a_stack_of_internals(call, words):
    with pytest.raises(ValueError) as err:
        call()
    assert words in str(err.value)


def test_chart_colours_meet_wcag_contrast_on_white():
    graphics = [look.colour for look in charts._SERIES_LOOKS] + [look.colour for look in style.ACTORS.values()] \
        + [look.colour for look in style.ROUTE_CATEGORIES.values()]
    assert min(style.contrast_ratio(c) for c in graphics) >= 3.0  # lines, markers, bars (WCAG 1.4.11)
    for text in (charts._RC["text.color"], charts._RC["xtick.color"], style.MUTED_TEXT):
        assert style.contrast_ratio(text) >= 4.5  # titles, labels, ticks, source line (WCAG 1.4.3)


def test_value_axes_write_thousands_with_separators():
    from matplotlib.figure import Figure

    ax = Figure().subplots()
    charts._thousands(ax.yaxis)
    label = ax.yaxis.get_major_formatter()
    assert label(12500, 0) == "12,500" and label(2.5, 0) == "2.5" and label(40, 0) == "40"


def test_save_writes_the_png_or_the_html_figure(tmp_path, drawn):
    chart = drawn["trade_shares"]
    assert chart.save(tmp_path / "c.png").read_bytes() == chart.png
    assert chart.save(tmp_path / "c.html").read_text(encoding="utf-8") == chart.to_html()
    assert repr(chart) == f'<Chart: "{chart.title}" — sources: data-imf-dots>'


def test_docstring_examples_run():
    import doctest

    result = doctest.testmod(charts, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
