"""Tests for crossroads.brief: form checks that say exactly what is missing, never raise, and a self-contained file."""
from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from crossroads import brief as brief_module
from crossroads import charts, data, maps
from crossroads.brief import LENGTHS, Brief, brief_form_report


@pytest.fixture(scope="module")
def chart() -> charts.Chart:
    table = pd.DataFrame({"usd_bn": [24.0, 31.2]}, index=["Kazakhstan's count", "China's count"])
    return charts.bar(table, y="usd_bn", title="Two counts of 2022 trade", y_label="US$ bn",
                      sources=["ref-astanatimes-trade-2022", "ref-nca-trade-2022"])


def a_map() -> maps.Map:
    m = maps.region_map("Kazakhstan and China", tiles=False, height=300)
    maps.shade_countries(m, ["KAZ", "CHN"], label="partners")
    return m


def complete(chart: charts.Chart, the_map: maps.Map | None = None) -> Brief:
    b = Brief("How large was Kazakhstan's trade with China in 2022?", author="Test")
    b.add_claim("Kazakhstan's trade minister put 2022 trade with China at over USD 24 bn.", evidence=24.0,
                sources=["ref-astanatimes-trade-2022"])
    b.add_claim("China's customs put the same trade at USD 31.2 bn for 2022.", evidence=chart,
                sources=["ref-nca-trade-2022"])
    b.add_claim("The two counts of the same trade differ by about USD 7 bn in one year.",
                evidence=pd.DataFrame({"usd_bn": [24.0, 31.2]}), sources=["ref-astanatimes-trade-2022"])
    b.attach(the_map if the_map is not None else a_map())
    b.counter_argument("src-000 gives both figures in one article without explaining the gap, so neither count "
                       "settles the question alone.", sources=["src-000"], answers=[3])
    b.recommendation("Quote both counts with their customs office whenever the 2022 figure is used.")
    b.limits("The course has one year of both counts; it cannot say why the two customs offices differ.")
    return b


def messages(b: Brief) -> list[str]:
    return b.check().problems


# --------------------------------------------------------------------------- full marks, and each fault named


def test_a_complete_brief_passes_every_form_check(chart):
    feedback = complete(chart).check()
    done, total = feedback.score
    assert feedback.passed and done == total and total >= 12
    assert feedback.problems == []
    assert "the form is complete" in feedback.summary()


def test_a_missing_citation_is_named(chart):
    b = complete(chart)
    b.claims[1].sources = []
    assert messages(b) == ["Claim 2 cites no source: add sources=[...] with ids from data.sources()."]


def test_a_made_up_source_id_is_named(chart):
    b = complete(chart)
    b.claims[0].sources = ["ref-astanatimes-trade-2022", "src-999"]
    assert messages(b) == ["Claim 1 cites 'src-999', which is not a source id of the course (see data.sources())."]


def test_no_counter_argument_is_named(chart):
    b = complete(chart)
    b.counter = None
    assert len(messages(b)) == 1 and messages(b)[0].startswith("No counter-argument yet")


def test_no_map_and_no_chart_are_named(chart):
    b = complete(chart)
    b.attachments = []
    assert messages(b) == ["No map attached: attach one with brief.attach(my_map), or give it as a claim's evidence."]
    b.claims[1].evidence = [31.2]
    assert messages(b)[-1].startswith("No chart attached")


def test_a_map_given_as_evidence_counts_as_attached(chart):
    b = complete(chart)
    b.attachments = []
    b.claims[0].evidence = [24.0, a_map()]
    assert b.check().passed


def test_the_counter_argument_must_cite_a_source_its_claims_do_not(chart):
    b = complete(chart)
    b.counter_argument("The same minister's figure may leave out some goods, so it may be too low.",
                       sources=["ref-astanatimes-trade-2022"], answers=[3])
    assert messages(b) == ["The counter-argument cites only ref-astanatimes-trade-2022, which the claims it "
                           "answers already cite: give a different source, one that disagrees."]
    b.counter_argument("The same minister's figure may leave out some goods, so it may be too low.",
                       sources=["ref-astanatimes-trade-2022"], answers=[2])  # claim 2 cites another source
    assert b.check().passed
    b.counter_argument("China's count may include goods that never reached Kazakhstan.", sources=["src-000"],
                       answers=[9])
    assert "answers claim(s) 9, which the brief does not have" in messages(b)[0]


def test_claim_count_and_lengths_are_checked(chart):
    b = complete(chart)
    b.counter.answers = [1]
    assert b.remove_claim(3) == "Claim 3 removed; 2 left."
    assert messages(b) == ["The brief has 2 claim(s): make 3 to 5."]
    assert b.remove_claim(7).startswith("There is no claim 7")
    b = complete(chart)
    b.recommendation("Yes.")
    low = LENGTHS["recommendation"][0]
    assert messages(b) == [f"The recommendation is 4 characters: write at least {low}."]
    b.recommendation("x" * 2000)
    assert messages(b) == [f"The recommendation is 2000 characters: cut it to {LENGTHS['recommendation'][1]} or fewer."]


def test_an_empty_brief_lists_everything_missing():
    problems = Brief().check().problems
    for words in ("No question yet", "0 claim(s)", "No map attached", "No chart attached", "No counter-argument yet",
                  "No recommendation yet", "No limits yet"):
        assert any(words in p for p in problems), words


# --------------------------------------------------------------------------- never an error


@pytest.mark.parametrize("evidence, sources", [
    (object(), 42), (None, None), (..., ...), (float("nan"), ["src-000"]), ("no digits here", "src-000"),
    (pd.DataFrame(), ("src-000",)), ([None, 3], {"src-000"}),
])
def test_odd_learner_input_never_raises(evidence, sources, chart):
    b = complete(chart)
    note = b.add_claim(None, evidence=evidence, sources=sources)
    assert isinstance(note, str) and "Claim 4" in note
    feedback = b.check()
    assert not feedback.passed
    assert any(p.startswith("Claim 4") for p in feedback.problems)
    assert repr(feedback) and feedback._repr_html_()
    assert b._repr_html_() and repr(b)


def test_check_never_raises_even_if_the_data_cannot_be_read(chart, monkeypatch):
    b = complete(chart)

    def broken():
        raise RuntimeError("disk gone")

    monkeypatch.setattr(brief_module.data, "sources", broken)
    feedback = b.check()
    assert not feedback.passed
    assert "could not be checked" in feedback.problems[0] and "Traceback" not in repr(feedback)


def test_running_a_claim_cell_again_updates_it(chart):
    b = complete(chart)
    note = b.add_claim("China's customs put the same trade at USD 31.2 bn for 2022.", evidence=31.2,
                       sources=["ref-nca-trade-2022"])
    assert note == "Claim 2 updated: evidence is a number; cites ref-nca-trade-2022."
    assert len(b.claims) == 3


def test_attach_takes_maps_and_charts_only(chart):
    b = Brief("A question long enough?")
    assert b.attach(pd.DataFrame({"a": [1]})).startswith("Not attached")
    assert b.attach(chart) == f'Attached the chart "{chart.title}".'
    b.attach(chart)
    assert len(b.attachments) == 1


def test_status_is_told_in_words_not_colour_alone(chart):
    b = complete(chart)
    b.counter = None
    html = b.check()._repr_html_()
    assert "✓ done" in html and "✗ to fix" in html and 'role="status"' in html


# --------------------------------------------------------------------------- the saved file


def test_save_writes_one_self_contained_file(tmp_path, chart):
    the_map = a_map()
    online_before = the_map._repr_html_()
    b = complete(chart, the_map)
    note = b.save(tmp_path / "my_brief")
    path = tmp_path / "my_brief.html"
    assert path.exists() and note.startswith("Saved my_brief.html (")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page and "<title>Brief: How large" in page
    loads = re.findall(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?https?://""", page)
    assert not loads, "nothing may load from the network"
    assert "L.map(" in page[page.index("srcdoc="):]  # the map, with Leaflet inline
    assert f'alt="{html.escape(chart.description)}"' in page and "data:image/png;base64," in page
    for source_id in ("ref-astanatimes-trade-2022", "ref-nca-trade-2022", "src-000"):
        assert data.cite(source_id).split(",")[0] in page
    assert "the form is complete" in page
    assert the_map._repr_html_() == online_before, "saving must not change the learner's map"


def test_saving_twice_gives_the_same_bytes_and_a_tiled_map_says_why_its_background_is_missing(tmp_path, chart):
    b = complete(chart)
    b.save(tmp_path / "one.html")
    b.save(tmp_path / "two.html")
    assert (tmp_path / "one.html").read_bytes() == (tmp_path / "two.html").read_bytes()
    assert "Background tiles do not load" not in (tmp_path / "one.html").read_text(encoding="utf-8")
    tiled = maps.region_map("With tiles", tiles=True, height=300)
    b.attach(tiled)
    assert "Background tiles do not load in a file opened from disk" in b.to_html()


def test_save_to_a_folder_that_does_not_exist_says_so(tmp_path, chart):
    note = complete(chart).save(tmp_path / "no" / "such" / "folder" / "b.html")
    assert note.startswith("Could not write") and not (tmp_path / "no").exists()


def test_brief_form_report_gives_plain_rows(chart):
    good, bad = complete(chart), complete(chart)
    bad.claims[0].sources = []
    rows = brief_form_report({"anna": good, "bo": bad, "cy": "not a brief"})
    assert [r["name"] for r in rows] == ["anna", "bo", "cy"]
    assert rows[0]["passed"] and rows[0]["done"] == rows[0]["total"]
    assert not rows[1]["passed"] and rows[1]["problems"] == ["Claim 1 cites no source: add sources=[...] with ids "
                                                             "from data.sources()."]
    assert rows[2]["problems"] == ["not a brief (a str)"]
    assert brief_form_report(good)[0]["name"] == "brief"


def test_docstring_examples_run():
    import doctest

    result = doctest.testmod(brief_module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
