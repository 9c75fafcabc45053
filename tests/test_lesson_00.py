"""Lesson 00's exercises: each solution is right, each well-known slip gets its own advice, and the answers
that come from data (the dry ports, the neighbours, the GDP ratio, the four events) agree with the data."""
from __future__ import annotations

import json
import math

import pytest

from crossroads import data
from crossroads.exercises import lesson00 as ex

from lesson_tools import (ROOT, answer_order, assert_malformed_answers_are_refused, assert_named_slip,
                          lesson_namespace, paste_solution)

NOTEBOOK = ROOT / "lessons" / "00_start_here.ipynb"
SETUP = {"q4": ["cell-ports-code"], "q7": ["cell-events-code"]}


@pytest.mark.parametrize("question", list(ex.lesson), ids=lambda q: q.qid)
def test_solution_pasted_into_the_lesson_is_correct(question):
    import pandas as pd

    namespace = lesson_namespace(NOTEBOOK, *SETUP.get(question.qid, []), start={"data": data, "pd": pd, "ex": ex})
    paste_solution(question, namespace)


@pytest.mark.parametrize("question", list(ex.lesson), ids=lambda q: q.qid)
def test_empty_and_malformed_answers_never_raise(question):
    assert_malformed_answers_are_refused(question)


@pytest.mark.parametrize("question, wrong, advice", [
    (ex.q1, -13, "later year from the earlier"),
    (ex.q1, 263, "added"),
    (ex.q1, (1, 3), "comma"),
    (ex.q2, "Your answer to q1 is wrong", "never a Python error"),
    (ex.q3, "src-003", "November 2023"),
    (ex.q4, "Kalzhat", "furthest south"),
    (ex.q5, {"China", "Russia", "Kyrgyzstan", "Uzbekistan", "Turkmenistan", "Mongolia"}, "Altai"),
    (ex.q5, ["China", "Russia", "Kyrgyzstan", "Uzbekistan", "Turkmenistan", "Azerbaijan"], "Caspian"),
    (ex.q6, 1 / 2.876, "Uzbekistan's GDP by Kazakhstan's"),
    (ex.q6, 20330104 / 35652307, "populations"),
    (ex.q8, "Press Ctrl + S in the Binder tab", "deleted"),
])
def test_well_known_slips_get_their_own_advice(question, wrong, advice):
    assert_named_slip(question, wrong, advice)


def test_wrong_order_is_wrong():
    right = ex.q7.expected
    assert ex.q7.check(right).correct and not ex.q7.check(right[::-1]).correct


def test_dry_port_furthest_north_is_read_from_the_places_table():
    places = data.load("places")
    ports = places[places["kind"] == "dry_port"].set_index("name")
    assert set(ports.index) == set(ex.q4.options)
    assert all(ports.at[ex.q4.expected, "lat"] > ports.at[other, "lat"] for other in ports.index if other != ex.q4.expected)


def _points(feature):
    geometry = feature["geometry"]
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [tuple(point) for polygon in polygons for ring in polygon for point in ring]


def test_neighbours_are_the_countries_whose_outlines_touch_kazakhstan():
    """The answer of q5, recomputed from the outlines the map draws: shared boundary points."""
    outlines = json.loads((ROOT / "data" / "countries.geojson").read_text(encoding="utf-8"))
    names = dict(zip(data.load("countries")["iso3"], data.load("countries")["name"]))
    features = {f["properties"].get("iso3") or f["properties"].get("ISO_A3"): f for f in outlines["features"]}
    kaz = set(_points(features["KAZ"]))
    touching = set()
    for code, feature in features.items():
        if code == "KAZ" or code not in names:
            continue
        if any(math.dist(a, b) < 0.05 for a in _points(feature) for b in kaz):
            touching.add(names[code])
    assert touching == set(ex.q5.expected.values()) if isinstance(ex.q5.expected, dict) else set(ex.q5.expected)


def test_gdp_ratio_matches_the_chart_values():
    table = data.load("population_gdp")
    gdp = table[table["year"] == 2023].set_index("country")["gdp_usd"]
    assert ex.q6.check(gdp["KAZ"] / gdp["UZB"]).correct
    assert ex.q6.check(261 / 90.9).correct  # the values as the chart's bars print them


def test_four_events_follow_the_years_in_the_events_table():
    events = data.load("events").set_index("id").loc[ex.FOUR_EVENTS]
    assert list(events.sort_values("year")["title"]) == ex.q7.expected
    assert list(events["title"]) != ex.q7.expected  # the lesson's table is not already in order


def test_every_question_has_an_answer_cell_in_order():
    assert answer_order(NOTEBOOK) == [q.qid for q in ex.lesson]
