"""Lesson 02 (multi-vector foreign policy): its exercises against the data, its traps, and its notebook.

The expected answers are recomputed here from the CSV files with the standard library, not with the
lesson module's own code, so a change in either shows up.
"""
from __future__ import annotations

import ast
import csv
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from crossroads.exercises import lesson02 as ex

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
NOTEBOOK = ROOT / "lessons" / "02_multi_vector.ipynb"


def rows(name):
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def kaz_totals(year):
    """Kazakhstan's own exports + imports with each partner in one year (USD m)."""
    totals = {}
    for r in rows("trade_series"):
        if r["reporter"] == "KAZ" and int(r["year"]) == year:
            totals[r["partner"]] = totals.get(r["partner"], 0.0) + float(r["value_usd_m"])
    return totals


def figure(figure_id):
    return float(next(r["value"] for r in rows("figures") if r["id"] == figure_id))


# --------------------------------------------------------------------------- answers against the data


def test_q1_is_the_blocs_with_both_russia_and_china_as_full_members():
    full = {(r["org_id"], r["country"]) for r in rows("memberships") if r["role"] == "member"}
    short = {r["id"]: r["short_name"] for r in rows("organizations")}
    both = {short[o] for o in ex.BLOCS if (o, "RUS") in full and (o, "CHN") in full}
    assert ex.q1.check(both).correct and both == {"SCO"}


def test_q2_contradicted_labels_follow_the_membership_data():
    orgs = {r["id"]: r for r in rows("organizations")}
    members = {}
    for r in rows("memberships"):
        if r["role"] == "member":
            members.setdefault(r["org_id"], set()).add(r["country"])
    western = {"USA", "DEU", "FRA", "GBR", "ITA", "EUU"}
    assert orgs["csto"]["lead_power"] == "RUS" and not members["csto"] & western      # S1 contradicted
    central_asia = {"KAZ", "KGZ", "TJK", "TKM", "UZB"}
    assert members["eaeu"] - central_asia - {"RUS"}                                      # S4 contradicted
    assert orgs["nato_pfp"]["lead_power"] == "USA"                                       # S3 holds
    assert "KAZ" in members["ots"]                                                       # S6 holds
    assert ex.q2.check({"S1", "S4"}).correct
    trapped = ex.q2.check({"S1", "S2", "S4"})
    assert not trapped.correct and trapped.trapped and "debatable" in str(trapped)


def test_q6_second_reading_uses_the_external_debt():
    expected = figure("kaz_external_debt_2019_ref") * figure("debt_china_share_2019_src001") / 100
    assert ex.q6.check(expected).correct
    first_reading = figure("debt_share_gdp_2019_src001") * figure("debt_china_share_2019_src001") / 100
    feedback = ex.q6.check(first_reading)
    assert feedback.status == "wrong" and feedback.trapped and "first reading" in str(feedback)


def test_q7_largest_partner_2019_is_computed_from_kazakhstans_figures():
    totals = kaz_totals(2019)
    shares = {p: totals[p] / totals["WLD"] for p in ("CHN", "RUS", "EUU")}
    assert max(shares, key=shares.get) == "EUU"
    assert ex.q7.check("The European Union").correct and not ex.q7.check("Russia").correct


def test_q8_years_china_ahead_of_russia():
    years = set()
    for year in range(1995, 2021):
        t = kaz_totals(year)
        if t["CHN"] > t["RUS"]:
            years.add(year)
    assert ex.q8.check(years).correct and years == {2010, 2012}


def test_q9_ratio_is_china_exports_over_kazakhstan_imports():
    values = {(r["reporter"], r["partner"], r["flow"], int(r["year"])): float(r["value_usd_m"])
              for r in rows("trade_series")}
    table = pd.DataFrame({"year": list(range(2010, 2021))})
    table["ratio"] = [values[("CHN", "KAZ", "exports", y)] / values[("KAZ", "CHN", "imports", y)]
                      for y in table["year"]]
    assert ex.q9.check(table).correct
    assert table["ratio"].between(1.4, 2.6).all()
    swapped = table.assign(ratio=1 / table["ratio"])
    assert ex.q9.check(swapped).status == "wrong"


def test_q11_and_q12_follow_src002s_figures():
    base, target = figure("trade_china_kaz_2022_src002"), figure("trade_china_kaz_target_src002")
    assert ex.q11.check((target / base - 1) * 100).correct
    assert ex.q12.check(((target / base) ** (1 / 8) - 1) * 100).correct


@pytest.mark.parametrize("wrong, words", [
    (29.03 / 8, "simple average"),                       # no compounding
    ((40 / 31) ** (1 / 8) - 1 * 100, "brackets"),        # the classic missing brackets
    (((40 / 31) ** (1 / 7) - 1) * 100, "7 years"),       # 2023-2030
])
def test_q12_names_the_well_known_slips_without_the_answer(wrong, words):
    feedback = str(ex.q12.check(wrong))
    assert words in feedback and "3.24" not in feedback and "3.2 " not in feedback


def test_q14_rejects_labels_that_are_not_allowed_and_points_to_the_wrong_row():
    right = pd.DataFrame({"event": ex.VECTOR_EVENTS})
    labels = list(ex.q14.expected["vector"])
    assert ex.q14.check(right.assign(vector=labels)).correct
    odd = str(ex.q14.check(right.assign(vector=["the West" if v == "West" else v for v in labels])))
    assert "not one of the four labels" in odd
    swapped = labels.copy()
    swapped[5] = "Russia"   # the export ban, given to Russia
    feedback = str(ex.q14.check(right.assign(vector=swapped)))
    assert ex.VECTOR_EVENTS[5][:30] in feedback and feedback.startswith("✗")   # the row is named


# --------------------------------------------------------------------------- wrong, empty, malformed answers


MALFORMED = [None, "", "???", 42, 3.5, [], {}, (1, 2, 3), pd.DataFrame(), pd.Series([1.0, 2.0]), object()]


@pytest.mark.parametrize("question", list(ex.lesson), ids=lambda q: q.qid)
def test_every_question_survives_malformed_answers(question):
    assert question.check(...).status == "unanswered"
    for answer in MALFORMED:
        feedback = question.check(answer)          # never raises
        assert feedback.status in {"wrong", "invalid"}, (question.qid, answer, feedback.status)
        assert not feedback.correct


# --------------------------------------------------------------------------- sources


def test_src004_credits_wishnick_and_keeps_the_repost_as_a_note():
    src = next(r for r in rows("sources") if r["id"] == "src-004")
    assert src["author"] == "Elizabeth Wishnick"
    assert "Russian Analytical Digest" in src["outlet"] and "296" in src["outlet"]
    assert "Yalvaç" in src["note"] and "repost" in src["note"]
    from crossroads import data

    assert data.cite("src-004").startswith("Elizabeth Wishnick") and "Yalva" not in data.cite("src-004")


def test_lesson_cites_only_known_sources_and_never_credits_the_repost_byline():
    known = {r["id"] for r in rows("sources")}
    nb = nbformat.read(NOTEBOOK, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    cited = set(re.findall(r"\b((?:src|ref|data)-[a-z0-9]+(?:-[a-z0-9]+)*)", text))
    assert cited and cited <= known, sorted(cited - known)
    outputs = "\n".join(str(o) for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "Yalva" not in text and "Yalvaç, \\\"" not in outputs and 'Yalvaç, "' not in outputs


# --------------------------------------------------------------------------- the notebook


def _assigned_names(code):
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
        elif isinstance(node, (ast.For, ast.comprehension)):
            names |= {n.id for n in ast.walk(node.target) if isinstance(n, ast.Name)}
    return names


def test_pasted_solutions_do_not_overwrite_the_lessons_variables():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    lesson_names = set()
    for cell in nb.cells:
        if cell.cell_type == "code" and "answer" not in cell.metadata.get("tags", []):
            lesson_names |= _assigned_names(cell.source)
    for question in ex.lesson:
        clash = _assigned_names(question.code) & lesson_names
        assert not clash, f"{question.qid}'s solution reassigns {sorted(clash)}"


def test_every_objective_is_assessed_and_every_exercise_serves_one():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    objectives = re.findall(r"^\d\. .*$", nb.cells[0].source, flags=re.M)
    assert len(objectives) >= 5
    served = set()
    for objective in objectives:
        qids = set(re.findall(r"\bq\d+\b", objective))
        assert qids, f"objective without an exercise: {objective}"
        served |= qids
    assert served == {q.qid for q in ex.lesson}


def test_answer_cells_are_tagged_and_in_order():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    tagged = [c.metadata["crossroads"]["question"] for c in nb.cells
              if "answer" in c.metadata.get("tags", [])]
    assert tagged == [q.qid for q in ex.lesson]
