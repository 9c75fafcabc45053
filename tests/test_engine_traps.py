"""Traps: a question's well-known wrong answers get their own advice, for every kind that has them."""
from __future__ import annotations

import pytest

from crossroads.exercises import available_lessons, get_lesson
from crossroads.exercises.core import (
    Choice, Numeric, Ordering, SetAnswer, SourceCritique, TableAnswer, reset_results,
)


def kw(qid: str = "q1") -> dict:
    return dict(hints=["Gentle."], solution=f"answer_{qid} = 1", explanation="See src-001.", why="It matters.")


@pytest.fixture(autouse=True)
def _clean_registry():
    reset_results()
    yield
    reset_results()


def advice(feedback) -> str:
    return feedback.lines[0] if feedback.lines else ""


def test_numeric_trap_by_value_and_by_range():
    q = Numeric("q1", "Growth, % a year?", 11.1, unit="%", tolerance=0.1,
                traps={3.6: "That is the simple average.", (-100, -98): "Check the brackets."}, **kw())
    simple = q.check(3.6)
    assert simple.status == "wrong" and simple.trapped and advice(simple) == "That is the simple average."
    assert "too small" in simple.message  # the verdict line is kept
    assert advice(q.check(3.65)) == "That is the simple average."  # within the question's tolerance
    assert advice(q.check(-99.2)) == "Check the brackets." and advice(q.check(-100)) == "Check the brackets."
    assert not q.check(3.8).trapped and not q.check(-97).trapped
    assert q.check(11.1).correct and not q.check(11.1).trapped


def test_numeric_trap_wins_over_the_unit_guess():
    # 1.108 is 1,000 times too small; the author knows why, so the trap speaks instead of "check the unit"
    q = Numeric("q1", "km?", 1108, unit="km", traps={1.108: "You wrote thousands of km."}, **kw())
    feedback = q.check(1.108)
    assert advice(feedback) == "You wrote thousands of km." and "1,000 times" not in repr(feedback)


def test_lazy_traps_are_computed_on_first_check_only():
    calls = []

    def traps():
        calls.append(1)
        return {172: "That is the whole route."}

    q = Numeric("q1", "Days?", 60, traps=traps, **kw())
    assert calls == []
    assert advice(q.check(172)) == "That is the whole route." and advice(q.check(172.0)) == "That is the whole route."
    assert calls == [1]


def test_choice_trap_need_not_be_an_option():
    q = Choice("q1", "Capital?", "Astana", options=["Astana", "Almaty"],
               traps={"Nur-Sultan": "That was its name from 2019 to 2022; which name does the source use?",
                      "almaty": "Almaty was the capital until 1997."}, **kw())
    renamed = q.check("nur sultan")
    assert renamed.status == "invalid" and renamed.trapped and advice(renamed).startswith("That was its name")
    assert advice(q.check("ALMATY")) == "Almaty was the capital until 1997."


def test_set_trap_matches_the_same_items_in_any_order_and_form():
    q = SetAnswer("q1", "Towns on the stretch?", {"Taraz", "Otrar"},
                  traps={("Taraz", "Otrar", "Almaty"): "That is the whole route, not the stretch asked for."},
                  **kw())
    for answer in (["almaty", "Otrar", "Taraz"], {"Taraz", "Otrar", "Almaty"}, ("Otrar", "Almaty", "Taraz")):
        assert advice(q.check(answer)) == "That is the whole route, not the stretch asked for."
    assert not q.check(["Taraz", "Almaty"]).trapped


def test_ordering_trap_matches_the_same_order_only():
    q = Ordering("q1", "Order?", ["a", "b", "c"], traps={("c", "b", "a"): "That is newest first."}, **kw())
    assert advice(q.check(["c", "b", "a"])) == "That is newest first."
    assert not q.check(["b", "a", "c"]).trapped


def test_source_critique_trap_is_a_pair():
    q = SourceCritique("q1", "Flaw?", ("B", "2"), figures={"A": "x", "B": "y"}, reasons={"1": "r", "2": "s"},
                       traps={("B", "1"): "A typo would not change the order of magnitude."}, **kw())
    assert advice(q.check(("b", 1))) == "A typo would not change the order of magnitude."


def test_bad_traps_are_refused_when_the_question_is_defined():
    with pytest.raises(ValueError, match="trap"):
        Numeric("q1", "?", 1, traps={"twelve": "advice"}, **kw())
    with pytest.raises(ValueError, match="trap"):
        Numeric("q1", "?", 1, traps={2: ""}, **kw())
    with pytest.raises(TypeError, match="traps"):
        Choice("q1", "?", "a", options=["a", "b"], traps=["b"], **kw())
    with pytest.raises(ValueError, match="trap"):
        TableAnswer("q1", "?", None, traps={"x": "advice"}, **kw())


@pytest.mark.parametrize("number", available_lessons())
def test_no_lesson_trap_is_the_right_answer(number):
    for q in get_lesson(number):
        for wrong in q.traps:
            answer = list(wrong) if isinstance(wrong, (tuple, frozenset)) and q.kind != "numeric" else wrong
            if isinstance(wrong, tuple) and q.kind == "numeric":
                answer = (wrong[0] + wrong[1]) / 2
            feedback = q.check(answer)
            assert not feedback.correct, f"lesson {number} {q.qid}: trap {wrong!r} is the right answer"
