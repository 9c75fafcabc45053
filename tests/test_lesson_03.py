"""Lesson 03 (energy routes): the answers follow from the data, the traps name the known slips, and the
notebook's maps and tables hold what the exercises ask about."""
import math
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from crossroads import data
from crossroads.exercises import lesson03 as ex
from lesson_tools import assert_malformed_answers_are_refused, assert_named_slip

FIGS = data.load("figures").set_index("id")
ROUTES = data.load("routes").set_index("id")
EVENTS = data.load("events").set_index("id")


pytestmark = pytest.mark.usefixtures("fresh_results")  # each test starts with no recorded results


def test_every_listed_id_exists():
    assert set(ex.MAP_ROUTES) | set(ex.OIL_MAP_ROUTES) <= set(ROUTES.index)
    assert set(ex.ENERGY_FIGURES) <= set(FIGS.index)
    assert set(ex.CPC_2022_EVENTS) <= set(EVENTS.index)


def test_map_2_draws_every_oil_and_gas_route_of_the_lesson():
    energy = set(ROUTES.index[ROUTES["category"].isin(["oil", "gas"])])
    assert energy <= set(ex.MAP_ROUTES)


def test_cpc_events_are_in_date_order_and_around_the_spief_remarks():
    dates = [EVENTS.at[i, "date"] for i in ex.CPC_2022_EVENTS]
    assert dates == sorted(dates)
    assert EVENTS.at["tokayev_spief_2022_06", "date"] == "2022-06-17"
    before = [i for i in ex.CPC_2022_EVENTS if EVENTS.at[i, "date"] < "2022-06-17"]
    assert {"cpc_storm_2022_03", "cpc_mine_survey_2022_06"} <= set(before)  # the q8 option "every disruption came after" is wrong


def test_tanker_trips_round_up_and_the_exact_quotient_is_a_trap():
    assert ex.q1.expected == math.ceil(FIGS.at["oil_middle_corridor_2023_src000", "value"] * 1e6
                                       / FIGS.at["tanker_capacity_src003", "value"])
    for slip in (187.5, 187):
        feedback = ex.q1.check(slip)
        assert not feedback.correct and feedback.trapped


@pytest.mark.parametrize("qid, slip, words", [
    ("q3", 6.5 * 7.3 / 365, "million tonnes"),
    ("q3", 6.5e6 * 7.3, "365"),
    ("q5", 70.47 / 100, "fraction"),
    ("q6", 70, "tonnes first"),
    ("q6", 69, "750 trips"),
    ("q6", 0.6, "fraction"),
    ("q7", 5, "Tokayev's remarks"),
    ("q11", 1.29 / 9.98, "divided"),
    ("q13", 5e11, "1e12"),
])
def test_known_slips_get_named_feedback(qid, slip, words):
    assert_named_slip(getattr(ex, qid), slip, words, trapped=True)


def test_plan_against_delivery_uses_the_company_figure():
    share = FIGS.at["btc_kaz_oil_2023_actual", "value"] / FIGS.at["oil_middle_corridor_2023_src000", "value"] * 100
    assert ex.q5.expected == pytest.approx(share)
    assert 60 < share < 80  # about 70 %: late start in March 2023


def test_days_from_the_remarks_to_the_court_order():
    gap = pd.Timestamp(EVENTS.at["cpc_court_halt_2022_07", "date"]) - pd.Timestamp(EVENTS.at["tokayev_spief_2022_06", "date"])
    assert ex.q7.expected == gap.days == 19


def test_routes_avoiding_russia_are_read_from_the_countries_column():
    avoid = {r for r in ex.MAP_ROUTES if "RUS" not in ROUTES.at[r, "countries"].split(";")}
    assert set(ex.q9.expected.values()) == avoid
    assert "btc_pipeline" in avoid and "power_of_siberia_1" not in avoid
    assert ex.q9.check(sorted(avoid)).correct
    assert not ex.q9.check(sorted(avoid - {"btc_pipeline"})).correct


def test_transit_ratio_and_routes_per_country():
    assert ex.q11.expected == pytest.approx(9.98 / 1.29, rel=1e-3)
    table = ex.q12.expected.set_index("country")["routes"]
    assert table["KAZ"] == sum("KAZ" in ROUTES.at[r, "countries"].split(";") for r in ex.MAP_ROUTES)
    assert table.sum() == sum(len(ROUTES.at[r, "countries"].split(";")) for r in ex.MAP_ROUTES)


def test_line_d_runs_through_uzbekistan_and_the_gas_pipeline_is_a_transit_line():
    assert ROUTES.at["ca_china_gas_line_d", "countries"] == "TKM;UZB;TJK;KGZ;CHN"
    assert EVENTS.at["ca_china_gas_pipeline_opens", "actors"].startswith("TKM;UZB")
    assert EVENTS.at["kaz_gas_exports_china_2017", "date"].startswith("2017")


@pytest.mark.parametrize("qid", [f"q{i}" for i in range(1, 15)])
def test_empty_and_malformed_answers_are_not_correct(qid):
    assert_malformed_answers_are_refused(getattr(ex, qid))


def test_notebook_shows_each_pandas_step_before_q12():
    path = Path(__file__).resolve().parents[1] / "lessons" / "03_energy_routes.ipynb"
    cells = nbformat.read(path, as_version=4).cells
    sources = [c.source for c in cells]
    q12 = next(i for i, s in enumerate(sources) if "ex.q12.check" in s)
    before = "\n".join(s for s in sources[:q12] if "answer_q" not in s)
    for step in (".map(data.split_list)", ".explode()", ".value_counts()", "pd.DataFrame({"):
        assert step in before, step
    q9 = next(i for i, s in enumerate(sources) if "ex.q9.check" in s)
    assert ".str.contains(" in "\n".join(sources[:q9])
    code = "\n".join(c.source for c in cells if c.cell_type == "code")
    assert "class " not in code and "observe(" not in code  # the scenario widget is one call, not a class
