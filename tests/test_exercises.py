"""The exercise engine: every lesson question, its solution, and a battery of bad answers."""
from __future__ import annotations

import builtins
import csv
import functools
import importlib
import re
import subprocess
import symtable
import sys
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

from crossroads.exercises import available_lessons, get_lesson, lesson_id
from crossroads.exercises.core import (
    Choice, Feedback, Lesson, Numeric, Ordering, SetAnswer, SourceCritique, TableAnswer,
    _fmt_number, results,
)

ROOT = Path(__file__).resolve().parents[1]
LESSONS = available_lessons()


def _questions() -> list[tuple[str, str]]:
    """(lesson, qid) of every question; a broken lesson module fails its conventions test instead."""
    found = []
    for number in LESSONS:
        try:
            found += [(number, q.qid) for q in get_lesson(number)]
        except Exception:
            pass
    return found


QUESTIONS = _questions()


def kw(qid: str = "q1") -> dict:
    """The arguments every question needs, for question ``qid``."""
    return dict(hints=["Gentle.", "Less gentle."], solution=f"answer_{qid} = 1",
                explanation="See src-001.", why="It matters.")


pytestmark = pytest.mark.usefixtures("fresh_results")  # each test starts with no recorded results


def question(number: str, qid: str):
    return get_lesson(number)[qid]


class Weird:
    """An object whose comparisons, hashing and truth value all raise."""

    def __eq__(self, other):
        raise RuntimeError("no comparing")

    __lt__ = __gt__ = __eq__

    def __hash__(self):
        raise RuntimeError("no hashing")

    def __bool__(self):
        raise RuntimeError("no truth")

    def __len__(self):
        raise RuntimeError("no len")

    def __repr__(self):
        raise RuntimeError("no repr")


def battery():
    """Malformed answers that must each get a sentence, never an exception."""
    return [
        None, ..., "", "31 billion", "29 %", float("nan"), [], set(), {}, {"a": 1},
        pd.DataFrame({"not_a_column": [1, 2]}), pd.Series([1.0, 2.0]), Weird(),
        "<script>alert('x')</script>" * 500, (i for i in range(3)), map(str, [1, 2]),
        np.array([1, 2, 3]), np.array([[1, 2], [3, 4]]), True, False, np.bool_(True),
        complex(1, 2), print, object(), [Weird(), Weird()], ("only one",), float("inf"),
    ]


# ---------------------------------------------------------------------------
# Lesson modules follow the conventions
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("number", LESSONS)
def test_lesson_module_follows_conventions(number):
    lesson = get_lesson(number)  # checks `lesson`, `progress` and names bound to ids
    assert lesson.number == number and len(lesson) >= 1
    with open(ROOT / "data" / "sources.csv", encoding="utf-8") as handle:
        sources = {row["id"] for row in csv.DictReader(handle)}
    for q in lesson:
        assert q.hints and all(h.strip() for h in q.hints), q.qid
        assert q.why and q.explanation, q.qid
        assert f"{q.variable} =" in q.code and q.code.rstrip().endswith(q.check_line), q.qid
        cited = set(re.findall(r"\b(?:src|ref|data)-[a-z0-9]+(?:-[a-z0-9]+)*", q.explanation))
        assert cited & sources, f"{number}/{q.qid}: the explanation cites no source id from sources.csv"
        unknown = {c for c in cited if re.fullmatch(r"src-\d+", c)} - sources
        assert not unknown, f"{number}/{q.qid}: unknown source ids {unknown}"


def test_importing_lessons_is_fast_and_loads_no_data():
    code = ("import sys, time; t = time.process_time()  # CPU time: other processes' load does not count\n"
            "from crossroads.exercises import available_lessons, get_lesson\n"
            "[get_lesson(n) for n in available_lessons()]\n"
            "print(time.process_time() - t, 'crossroads.data' in sys.modules)")
    seconds, loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                     check=True).stdout.split()
    assert float(seconds) < 1.0
    assert loaded == "False", "a lesson module loads course data at import; compute answers lazily"


@functools.lru_cache(maxsize=None)
def _names(code: str, imports: bool = True) -> tuple[frozenset[str], frozenset[str]]:
    """(names the code assigns (or imports) at top level, names it reads that it does not define)."""
    code = "\n".join(line for line in code.splitlines() if not line.lstrip().startswith(("%", "!")))
    table = symtable.symtable(code, "<cell>", "exec")
    defined = {s.get_name() for s in table.get_symbols()
               if (s.is_assigned() and not s.is_imported()) or (imports and s.is_imported())}
    read: set[str] = set()
    tables = [table]
    while tables:
        t = tables.pop()
        tables += t.get_children()
        read |= {s.get_name() for s in t.get_symbols()
                 if s.is_referenced() and (t is table or s.is_global()) and not s.is_assigned() and not s.is_imported()}
    return frozenset(defined), frozenset(read - defined - set(dir(builtins)))


@functools.lru_cache(maxsize=None)
def _lesson_notebook(number: str):
    for path in sorted((ROOT / "lessons").glob(f"{number}_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        if nb.metadata.get("crossroads", {}).get("lesson", number) == number:
            return nb
    return None


def _notebook_names(number: str, qid: str) -> tuple[set[str], set[str]] | None:
    """(names defined by code cells before qid's answer cell, names used by all other code cells)."""
    nb = _lesson_notebook(number)
    if nb is None:
        return None
    before, used, seen = set(), set(), False
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        if cell.metadata.get("crossroads", {}).get("question") == qid:
            seen = True
            continue
        defined, read = _names(cell.source)
        used |= defined | read
        if not seen:
            before |= defined
    return (before, used) if seen else None


@pytest.mark.parametrize("number,qid", QUESTIONS)
def test_solution_passes_its_own_check(number, qid):
    """A self-contained solution runs in a namespace holding only ``ex``; one that uses the lesson's
    variables reads only names its notebook defines earlier (crossroads solve/grade run those in
    the notebook: tests/test_cli.py)."""
    q = question(number, qid)
    module = importlib.import_module(f"crossroads.exercises.lesson{number}")
    defined, needs = _names(q.code)
    needs -= {"ex"}
    if needs:
        names = _notebook_names(number, qid)
        assert names is not None, (f"{number}/{qid}: the solution reads {sorted(needs)}, but the lesson has no "
                                   "notebook with an answer cell for it")
        assert needs <= names[0], (f"{number}/{qid}: the solution reads {sorted(needs - names[0])}, which no "
                                   "notebook cell before its answer cell defines")
        return
    namespace = {"ex": module}
    exec(compile(q.code, f"<solution {number}/{qid}>", "exec"), namespace)
    feedback = q.check(namespace[q.variable])
    assert feedback.correct, repr(feedback)
    assert results()[number][qid]["status"] == "solved"
    assert "Why it matters" in repr(feedback)
    assert q.answer_text() and "could not be computed" not in q.answer_text()


@pytest.mark.parametrize("number,qid", QUESTIONS)
def test_pasted_solution_does_not_overwrite_a_lesson_variable(number, qid):
    """Issue 19: a solution pasted into its answer cell must not rebind a name other cells use."""
    names = _notebook_names(number, qid)
    if names is None:
        pytest.skip(f"lesson {number} has no notebook with an answer cell for {qid}")
    assigned, _ = _names(question(number, qid).code, imports=False)  # re-importing a module is harmless
    clashes = sorted((assigned & names[1]) - {question(number, qid).variable})
    assert not clashes, f"{number}/{qid}: the solution reassigns {clashes}, which other cells of the lesson use"


# ---------------------------------------------------------------------------
# Bad and wrong answers: a sentence, never an exception, never the answer
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("number,qid", QUESTIONS)
def test_malformed_answers_get_a_sentence(number, qid):
    q = question(number, qid)
    for value in battery():
        feedback = q.check(value)
        assert isinstance(feedback, Feedback)
        assert not feedback.correct
        text = repr(feedback)
        assert "expected" in text.lower() and "received" in text.lower(), text
        page = feedback._repr_html_()
        assert "<script" not in page and "0x" not in text
        assert len(text) < 2000
    assert q.check().status == "unanswered"  # check() with nothing in the parentheses


def wrong_answers(q):
    """Answers of the right type that are wrong, each with texts that would give the answer away."""
    e = q.expected
    if isinstance(q, Numeric):
        return [(e + max(abs(e), 1) * 3.7 + 11, [_fmt_number(e)])]
    if isinstance(q, Choice):
        return [(option, [str(e)]) for option in q.options if option != e]
    if isinstance(q, SetAnswer):
        items = list(e.values())
        cases = [(items[:-1], [str(i) for i in items])] if len(items) > 1 else []
        others = [o for o in (q.options or []) if o not in items]
        return cases + ([(others, [str(i) for i in items])] if others else [({"Atlantis"}, [str(i) for i in items])])
    if isinstance(q, Ordering):
        return [(list(reversed(e)), [str(i) for i in e])]
    if isinstance(q, TableAnswer):
        changed = e.copy()
        numeric = [c for c in changed.columns if pd.api.types.is_numeric_dtype(changed[c])]
        if numeric:
            changed[numeric[0]] = changed[numeric[0]] * 2 + 1
        cases = [(changed, [])] if numeric else []
        return cases + ([(e.iloc[:-1], [])] if len(e) > 1 else [])
    if isinstance(q, SourceCritique):
        figure, reason = e
        other = [f for f in q.figures if f != figure][0]
        return [((other, reason), [q.figures[figure]])]
    raise AssertionError(f"no wrong answers for {type(q).__name__}")


@pytest.mark.parametrize("number,qid", QUESTIONS)
def test_wrong_answers_guide_without_giving_the_answer(number, qid):
    q = question(number, qid)
    for answer, giveaways in wrong_answers(q):
        feedback = q.check(answer)
        assert feedback.status == "wrong", repr(feedback)
        text = repr(feedback)
        assert "expected" in text.lower() and "received" in text.lower(), text
        for secret in giveaways:
            assert not re.search(rf"(?<![\w.]){re.escape(secret.casefold())}(?![\w])", text.casefold()), (
                f"{number}/{qid} gives away {secret!r}: {text}")


# ---------------------------------------------------------------------------
# The engine, kind by kind
# ---------------------------------------------------------------------------


def test_numeric_units_percent_and_strings():
    share = Numeric("q1", "What share?", 29, unit="%", tolerance=0.5, **kw("q1"))
    assert share.check(29.3).correct and share.check(np.float64(28.6)).correct
    fraction = share.check(0.29)
    assert fraction.status == "wrong" and "fraction" in repr(fraction)
    assert share.check("29 %").status == "invalid" and "without quotes" in repr(share.check("29 %"))
    trade = Numeric("q2", "Trade?", 22.94, unit="USD bn", tolerance=0.01, **kw("q2"))
    assert "a billion times too large" in repr(trade.check(22.94e9))
    assert "too small" in repr(trade.check(10))
    assert trade.check(True).status == "invalid" and "boolean" in repr(trade.check(True))
    assert "NaN" in repr(trade.check(float("nan")))
    assert ".item()" in repr(trade.check(pd.Series([22.94])))


def test_lazy_answer_is_computed_once_and_failures_are_not_the_learners_fault():
    calls = []

    def answer():
        calls.append(1)
        return 7

    q = Numeric("q1", "Seven?", answer, **kw("q1"))
    assert not calls  # nothing computed at construction
    assert q.check(7).correct and q.check(7).correct and len(calls) == 1

    def broken():
        raise OSError("data file missing")

    bad = Numeric("q2", "?", broken, **kw("q2"))
    feedback = bad.check(7)
    assert feedback.status == "error" and "not with your answer" in repr(feedback)
    assert "could not be computed" in bad.answer_text()


def test_choice_normalises_and_notes():
    q = Choice("q1", "Where?", "Xi'an", options=["Astana", "Xi'an"], notes={"Astana": "Look east."}, **kw("q1"))
    assert q.check("  XIAN ").correct
    assert "Look east." in repr(q.check("astana"))
    assert q.check(["Xi'an"]).status == "invalid"
    assert q.check("Moscow").status == "invalid" and "not one of the options" in repr(q.check("Moscow"))
    with pytest.raises(ValueError):
        Choice("q2", "?", "Paris", options=["Astana"], **kw("q2")).expected


def test_set_answer_accepts_any_collection():
    q = SetAnswer("q1", "Which?", {"SCO", "EAEU", "CSTO"}, options=["SCO", "EAEU", "CSTO", "EU"], **kw("q1"))
    for given in (["sco", "eaeu", "csto"], ("CSTO", "EAEU", "SCO"), pd.Series(["SCO", "EAEU", "CSTO"]),
                  np.array(["SCO", "EAEU", "CSTO"]), frozenset({"SCO", "EAEU", "CSTO"})):
        assert q.check(given).correct, given
    partial = repr(q.check({"SCO", "EU"}))
    assert "'EU' does not belong" in partial and "2 items are still missing" in partial
    assert "not one of the options" in repr(q.check({"Kazakstan"}))
    assert "set()" in repr(q.check({}))
    assert q.check("SCO").status == "invalid"


def test_ordering():
    q = Ordering("q1", "Order?", ["a", "b", "c"], **kw("q1"))
    assert q.shown_items() != q.expected
    assert q.check(["A", "B", "C"]).correct
    assert "A set has no order" in repr(q.check({"a", "b", "c"}))
    assert "1 item is missing" in repr(q.check(["a", "b"]))
    assert "appears twice" in repr(q.check(["a", "a", "b"]))
    assert "position 1" in repr(q.check(["b", "a", "c"]))


def test_table_answer():
    expected = pd.DataFrame({"country": ["KAZ", "CHN", "RUS"], "usd_bn": [1.5, 2.25, 3.0]})
    q = TableAnswer("q1", "Table?", lambda: expected, **kw("q1"))
    shuffled = expected.iloc[[2, 0, 1]].assign(extra=0)
    assert q.check(shuffled).correct
    assert "'usd_bn'" in repr(q.check(expected[["country"]]))
    grouped = expected.set_index("country")
    assert "reset_index" in repr(q.check(grouped))
    assert "Series" in repr(q.check(expected["usd_bn"]))
    wrong = expected.assign(usd_bn=[1.5, 2.25, 4.0])
    assert "1 of 3 rows differs" in repr(q.check(wrong))
    assert "numbers written as text" in repr(q.check(expected.assign(usd_bn=["1.5", "2.25", "3"])))
    assert "should hold numbers" in repr(q.check(expected.assign(usd_bn=["a", "b", "c"])))
    ordered = TableAnswer("q2", "Sorted?", expected, ordered=True, **kw("q2"))
    assert not ordered.check(shuffled).correct and ordered.check(expected).correct


def test_source_critique():
    q = SourceCritique("q1", "Which figure is wrong?", ("B", "2"),
                       figures={"A": "13 years", "B": "four trillion tons of gas"},
                       reasons={"1": "a typo", "2": "impossible magnitude for one year"},
                       notes={"A": "That one matches the dates."}, **kw("q1"))
    assert q.check(("b", 2)).correct and q.check(["B", "2"]).correct
    assert "Half right" in repr(q.check(("B", "1")))
    assert "That one matches the dates." in repr(q.check(("A", "2")))
    assert q.check(("C", "2")).status == "invalid"
    assert q.check({"B", "2"}).status == "invalid"


def test_hints_progress_and_registry():
    q1 = Numeric("q1", "One?", 1, **kw("q1"))
    q2 = Numeric("q2", "Two?", 2, **kw("q2"))
    lesson = Lesson("98", "Test", [q1, q2])
    assert "Hint 1 of 2" in repr(q1.hint()) and "Hint 2 of 2" in repr(q1.hint())
    assert "Hint 2 of 2" in repr(q1.hint())  # the last hint repeats
    assert "Hint 1 of 2" in repr(q1.hint(1)) and "from 1 to 2" in repr(q1.hint(5))
    assert q1.check(...).status == "unanswered" and "98" not in results()
    q1.check(5)
    assert results()["98"]["q1"] == {"status": "attempted", "attempts": 1}
    q1.check(1)
    q1.check(6)  # experimenting after solving does not undo it
    assert results()["98"]["q1"] == {"status": "solved", "attempts": 3}
    progress = lesson.progress()
    assert "1 of 2 solved" in repr(progress) and "untouched" in repr(progress)
    assert "<table" in progress._repr_html_()


def test_displays_are_deterministic_and_escaped():
    q = Choice("q1", "Pick <b>one</b>?", "A", options=["A", "B"], **kw("q1"))
    for shown in (q.prompt(), q.check("<img src=x onerror=alert(1)>"), q.hint(), q.solution(), q):
        text, page = repr(shown), shown._repr_html_()
        assert text == repr(shown) and page == shown._repr_html_()
        assert "0x" not in text and "<img" not in page and "<b>one" not in page
    solution = q.solution()
    assert solution.code.endswith("ex.q1.check(answer_q1)") and "src-001" in repr(solution)


def test_question_definitions_are_validated():
    with pytest.raises(ValueError):
        Numeric("Q1", "?", 1, **kw())
    with pytest.raises(ValueError):
        Numeric("q1", "?", 1, **{**kw("q1"), "hints": []})
    with pytest.raises(ValueError):
        Numeric("q1", "?", 1, **{**kw("q1"), "solution": "x = 1"})
    with pytest.raises(ValueError):
        Lesson("01", "Twice", [Numeric("q1", "?", 1, **kw("q1")), Numeric("q1", "?", 1, **kw("q1"))])


def test_missing_lesson_module_gives_a_clear_error():
    with pytest.raises(ModuleNotFoundError, match="no exercises for lesson 97 yet"):
        from crossroads.exercises import lesson97  # noqa: F401
    with pytest.raises(LookupError, match="lesson97.py does not exist"):
        get_lesson("97")
    assert lesson_id("lesson1") == "01" and lesson_id(3) == "03"


def test_describe_never_uses_an_objects_repr():
    from crossroads.exercises import describe

    assert describe(Weird()) == "an object of type Weird"
    assert describe(object()) == "an object of type object"
