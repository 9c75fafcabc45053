"""Lesson 01's exercises: solutions right and safe to paste, named advice for the well-known slips, and the
answers that come from data (spans without a year 0, the caravan days, the corridors' towns) recomputed."""
from __future__ import annotations

import pytest

from crossroads import data
from crossroads.exercises import lesson01 as ex

from lesson_tools import (ROOT, answer_order, assert_malformed_answers_are_refused, assert_named_slip,
                          lesson_namespace, paste_solution)

NOTEBOOK = ROOT / "lessons" / "01_silk_road.ipynb"
SETUP = {"q5": ["cell-22", "cell-24"]}


def lesson_cells(*cell_ids: str) -> dict:
    return lesson_namespace(NOTEBOOK, "cell-2", *cell_ids)   # cell-2 holds the lesson's imports


@pytest.mark.parametrize("question", list(ex.lesson), ids=lambda q: q.qid)
def test_solution_pasted_into_the_lesson_is_correct(question):
    paste_solution(question, lesson_cells(*SETUP.get(question.qid, [])))


@pytest.mark.parametrize("question", list(ex.lesson), ids=lambda q: q.qid)
def test_empty_and_malformed_answers_never_raise(question):
    assert_malformed_answers_are_refused(question)


@pytest.mark.parametrize("question, wrong, advice", [
    (ex.q1, 123, "wrong side of the era"),
    (ex.q1, -125, "return date the source gives"),
    (ex.q3, {"C", "D"}, "office"),
    (ex.q3, {"A", "B", "C", "D"}, "Leave A out"),
    (ex.q4, 1600, "year 0"),
    (ex.q4, 1300, "150 CE"),
    (ex.q5, 172, "whole northern route"),
    (ex.q7, 1108 / 1.609344, "multiply"),
    (ex.q7, (1, 108), "comma"),
    (ex.q8, "85 % of all China-Europe trade crosses Kazakhstan", "overland transit only"),
    (ex.q8, "85 % of Kazakhstan's own exports go to Europe", "not Kazakhstan's own exports"),
    (ex.q9, 2138, "year 0"),
    (ex.q9, 1888, "125 CE"),
    (ex.q11, {2020, 2021}, "the two years in which the name changed"),
    (ex.q12, ("B", "4"), "What changed"),
    (ex.q13, "In April 2024", "posted"),
    (ex.q13, "In January 2022", "earliest date"),
])
def test_well_known_slips_get_their_own_advice(question, wrong, advice):
    assert_named_slip(question, wrong, advice)


def test_spans_across_the_era_have_no_year_0():
    events = data.load("events").set_index("id")
    start, end = events.at["silk_road_begins", "year"], events.at["silk_road_ends", "year"]
    # count the years one by one, skipping 0
    assert ex.q4.expected == len([y for y in range(start, end) if y != 0])
    back, launch = events.at["zhang_qian_return", "year"], events.at["bri_launch_astana", "year"]
    assert ex.q9.expected == len([y for y in range(back, launch) if y != 0])


def test_caravan_days_read_off_the_lessons_legs_table():
    namespace = lesson_cells("cell-22", "cell-24")
    legs = namespace["legs"]
    to_otrar = legs.loc[legs["to"] == "otrar", "cumulative_km"].item()
    assert ex.q5.check(to_otrar / 30).correct
    assert not ex.q5.check(legs["cumulative_km"].iloc[-1] / 30).correct


def test_otrar_is_on_no_corridor_line_and_the_others_are():
    routes = data.load("routes").set_index("id")
    corridor = set(data.split_list(routes.at["middle_corridor", "waypoints"])) | \
        set(data.split_list(routes.at["middle_corridor_central", "waypoints"]))
    ancient = data.split_list(routes.at["silk_road_northern", "waypoints"])
    for town in ex.q6.options:
        assert town.lower() in ancient
        assert (town.lower() in corridor) == (town != ex.q6.expected)


def test_the_renaming_dates_bound_the_years_of_q11():
    events = data.load("events").set_index("id")
    first = events.at["capital_renamed_nur_sultan_2019", "year"]
    last = events.at["capital_renamed_astana_2022", "year"]
    assert set(ex.q11.expected.values() if isinstance(ex.q11.expected, dict) else ex.q11.expected) == \
        set(range(first, last + 1))


def test_src001_dating_rests_on_sourced_dates():
    """q13's reasoning: Xi's visit (September 2022) before the renaming (17 September 2022), both sourced."""
    events = data.load("events").set_index("id")
    renamed = events.loc["capital_renamed_astana_2022"]
    assert str(renamed["date"])[:10] == "2022-09-17" and renamed["source_id"] == "ref-tass-astana-rename-2022"
    visit = events.loc["xi_visit_kazakhstan_2022_src000"]
    assert str(visit["date"])[:7] == "2022-09"
    sources = data.sources().set_index("id")
    assert "14 September 2022" in sources.at["ref-bloomberg-xi-visit-2022", "note"]
    assert "September 2022" in sources.at["src-001", "note"] and "early 2022" not in sources.at["src-001", "note"]


def test_every_question_has_an_answer_cell_in_order():
    assert answer_order(NOTEBOOK) == [q.qid for q in ex.lesson]
