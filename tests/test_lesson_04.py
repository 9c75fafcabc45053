"""Lesson 04 (summit diplomacy): answers follow from the data, helpers build what the maps need, traps name the
known slips, and the notebook teaches each pandas step before the exercise that needs it."""
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from crossroads import data
from crossroads.exercises import lesson04 as ex
from lesson_tools import assert_malformed_answers_are_refused, assert_named_slip

EVENTS = data.load("events").set_index("id")
PLACES = data.load("places").set_index("id")
NOTEBOOK = Path(__file__).resolve().parents[1] / "lessons" / "04_summit_diplomacy.ipynb"


pytestmark = pytest.mark.usefixtures("fresh_results")  # each test starts with no recorded results


def test_calendar_ids_exist_and_the_table_is_in_date_order():
    assert set(ex.CALENDAR) <= set(EVENTS.index) and set(ex.XIAN_OUTPUTS) <= set(EVENTS.index)
    table = ex.calendar()
    assert list(table["date"]) == sorted(table["date"])
    assert table.loc["russia_central_asia_summit_ref", "venue_country"] == "KAZ"
    assert not table["title"].str.contains("exact date").any()


def test_the_russia_central_asia_summit_shares_its_day_and_city_with_the_cis_summit():
    ref, cis = EVENTS.loc["russia_central_asia_summit_ref"], EVENTS.loc["cis_summit_astana_2022"]
    assert (ref["date"], ref["place_id"]) == (cis["date"], cis["place_id"]) == ("2022-10-14", "astana")
    assert EVENTS.at["cica_summit_astana_2022", "date"] == "2022-10-13"


def test_journeys_leave_out_the_host_and_meetings_without_a_venue():
    trips = ex.journeys(ex.calendar())
    xian = trips[trips["venue"] == "xian"]
    assert "CHN" not in set(xian["from_country"])
    assert {"KAZ", "KGZ", "TJK", "TKM", "UZB"} <= set(xian["from_country"])
    assert "China-Central Asia summit on 30 years of relations" not in set(trips["meeting"])  # online
    venue_countries = trips["venue"].map(PLACES["country"])
    assert (venue_countries != trips["from_country"]).all()
    assert set(trips["from_capital"]) <= set(PLACES.index[PLACES["kind"] == "capital"])


def test_venue_counts_and_month_only_meetings_follow_the_data():
    table = ex.calendar()
    expected = table["venue_country"].value_counts()
    got = ex.q2.expected.set_index("venue_country")["meetings"]
    assert got.to_dict() == expected.to_dict()
    assert ex.q3.expected == (table["precision"] == "month").sum() == 3


def test_day_gaps_from_the_dates():
    gap = pd.Timestamp(EVENTS.at["xian_summit_ref", "date"]) - pd.Timestamp(EVENTS.at["victory_day_moscow_2023", "date"])
    assert ex.q5.expected == gap.days == 9
    assert ex.q6.expected == (pd.Timestamp("2023-05-18") - pd.Timestamp("2022-10-31")).days
    lead = (pd.Timestamp(EVENTS.at["xian_summit_ref", "date"]) - pd.Timestamp(EVENTS.at["russia_central_asia_summit_ref", "date"])).days
    assert lead / (365.25 / 12) > 7  # q7's answer: more than seven months


@pytest.mark.parametrize("qid, slip, words", [
    ("q1", ["Online China-Central Asia summit", "Xi's state visit to Kazakhstan", "China-Central Asia summit in Xi'an",
            "Russia-Central Asia summit", "Xi-Putin summit", "Victory Day parade in Moscow", "Putin's visit to Astana"],
     "interleave"),
    ("q3", 11, "every meeting"),
    ("q4", {"Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"}, "host"),
    ("q5", 10, "main day"),
    ("q6", 229, "longest"),
])
def test_known_slips_get_named_feedback(qid, slip, words):
    assert_named_slip(getattr(ex, qid), slip, words, trapped=True)


def test_wrong_options_get_their_notes():
    for qid in ("q7", "q8", "q9", "q10", "q12"):
        q = getattr(ex, qid)
        for option in q.options:
            feedback = q.check(option)
            assert feedback.correct == (option == q.expected)


@pytest.mark.parametrize("qid", [f"q{i}" for i in range(1, 13)])
def test_empty_and_malformed_answers_are_not_correct(qid):
    assert_malformed_answers_are_refused(getattr(ex, qid))


def test_notebook_teaches_before_asking_and_has_two_maps_and_a_chart():
    cells = nbformat.read(NOTEBOOK, as_version=4).cells
    sources = [c.source for c in cells]
    q2 = next(i for i, s in enumerate(sources) if "ex.q2.check" in s)
    before = "\n".join(sources[:q2])
    assert ".value_counts()" in before and "pd.DataFrame({" in before
    code = "\n".join(c.source for c in cells if c.cell_type == "code")
    assert "maps.journey_map(" in code and "maps.event_map(" in code
    assert "charts.summit_calendar(" in code
    assert "for " not in code.replace("for source_id in", "")  # no loops a novice must read
    q11 = next(i for i, s in enumerate(sources) if "ex.q11.check" in s)
    assert not any("premier" in o.get("text", "").lower() and "president" in o.get("text", "").lower()
                   for c in cells[:q11] if c.cell_type == "code" for o in c.get("outputs", []))
