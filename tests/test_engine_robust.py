"""Never hang, never leak: every check/hint/solution/prompt returns quickly for hostile learner values.

The inputs follow the reliability probe (reviews/reliability-review-2026-12.md §1): collections
whose ``__iter__`` never ends, a million items, objects whose ``isinstance`` raises, and
SystemExit, GeneratorExit or KeyboardInterrupt raised from a learner object's own methods.
Each call is timed in CPU time of this thread (other processes' load does not count), and a
watchdog interrupts a call that runs longer than WATCHDOG seconds of wall time.
"""
from __future__ import annotations

import _thread
import decimal
import signal
import time

import numpy as np
import pandas as pd
import pytest

from crossroads.exercises import available_lessons, get_lesson
from crossroads.exercises.core import Feedback, Hint, Numeric, Prompt, SetAnswer, Solution

LIMIT = 0.5  # seconds of CPU time per call
WATCHDOG = 10.0  # seconds of wall time before a call counts as a hang (generous: the machine may be busy)


class Hang(BaseException):
    """Raised by the watchdog inside a call that has not returned."""


def _alarm(signum, frame):
    raise Hang()


def timed(call):
    """Run ``call()`` under the watchdog; return (result, cpu seconds, hung)."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, WATCHDOG)
    start, hung = time.thread_time(), False
    try:
        result = call()
    except Hang:
        result, hung = None, True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return result, time.thread_time() - start, hung


def _raiser(exc):
    def method(self, *args):
        raise exc
    return method


def _endless(self):
    while True:
        yield "Astana"


class EndlessList(list):
    __iter__ = _endless


class EndlessTuple(tuple):
    __iter__ = _endless


class EndlessSet(set):
    __iter__ = _endless


class NoClass:
    """``isinstance(obj, …)`` raises, because reading ``__class__`` raises."""

    @property
    def __class__(self):
        raise RuntimeError("no class")


def _float_raising(exc):
    return type("F", (float,), {"__float__": _raiser(exc), "__index__": _raiser(exc)})(1.0)


def _int_raising(exc):
    return type("I", (int,), {"__le__": _raiser(exc), "__ge__": _raiser(exc), "__index__": _raiser(exc),
                              "__int__": _raiser(exc), "__float__": _raiser(exc)})(1)


def _str_raising(exc):
    return type("S", (str,), {"__eq__": _raiser(exc), "__hash__": _raiser(exc), "__str__": _raiser(exc),
                              "casefold": _raiser(exc), "strip": _raiser(exc)})("Astana")


def _everything_raises(exc):
    names = ["__eq__", "__hash__", "__float__", "__int__", "__index__", "__str__", "__repr__", "__len__",
             "__iter__", "__bool__", "__format__", "__lt__", "__le__", "__getitem__"]
    return type("Hostile", (), {name: _raiser(exc) for name in names})()


def hostile_values() -> dict[str, object]:
    values = {
        "endless list subclass": EndlessList(),
        "endless tuple subclass": EndlessTuple(),
        "endless set subclass": EndlessSet(),
        "a million-item list": list(range(10**6)),
        "a million-item tuple of texts": ("Astana",) * 10**6,
        "a million-item set": set(range(10**6)),
        "a million-item Series": pd.Series(np.arange(10**6)),
        "a million-row DataFrame": pd.DataFrame({"a": np.arange(10**6)}),
        "a 20 MB text": "A" * 20_000_000,
        "a 20 MB text of digits": "1" * 20_000_000,
        "isinstance raises": NoClass(),
        "10**5000": 10**5000,
        "Decimal snan": decimal.Decimal("snan"),
        "Decimal 1e999999": decimal.Decimal("1e999999"),
        "recursive list": (lambda x: (x.append(x), x)[1])([]),
        "Cyrillic text": "Аstana",
        "full-width text": "Ａｓｔａｎａ",
    }
    for exc in (SystemExit(3), GeneratorExit(), KeyboardInterrupt(), RuntimeError("x")):
        name = type(exc).__name__
        values[f"float whose __float__ raises {name}"] = _float_raising(exc)
        values[f"list of such floats ({name})"] = [_float_raising(exc), 2.0]
        values[f"int whose comparisons raise {name}"] = _int_raising(exc)
        values[f"str subclass raising {name}"] = _str_raising(exc)
        values[f"tuple of such texts ({name})"] = (_str_raising(exc), "B")
        values[f"object whose every dunder raises {name}"] = _everything_raises(exc)
    return values


def _always_equal(base, *args):
    return type("AlwaysEqual", (base,), {"__eq__": lambda self, other: True, "__ne__": lambda self, other: False,
                                         "__hash__": lambda self: 0})(*args)


ALWAYS_EQUAL = {"always-equal object": _always_equal(object), "always-equal str": _always_equal(str, "zzz"),
                "always-equal float": _always_equal(float, -1.5), "always-equal list": _always_equal(list, ["zzz"]),
                "always-equal tuple": _always_equal(tuple, ("zzz", "9")),
                "always-equal DataFrame": _always_equal(pd.DataFrame, {"zzz": [1]})}

HOSTILE = {**hostile_values(), **ALWAYS_EQUAL}
QUESTIONS = [(number, q.qid) for number in available_lessons() for q in get_lesson(number)]


pytestmark = pytest.mark.usefixtures("fresh_results")  # each test starts with no recorded results


def _calls(q, value):
    yield "check", lambda: q.check(value), Feedback
    yield "hint", lambda: q.hint(value), Hint


@pytest.mark.parametrize("number,qid", QUESTIONS)
def test_every_call_returns_quickly_for_every_hostile_value(number, qid):
    q = get_lesson(number)[qid]
    q.expected  # the course's own data loading is not the learner's call
    slow, failed = [], []
    for name, value in HOSTILE.items():
        for verb, call, kind in _calls(q, value):
            try:
                result, cpu, hung = timed(call)
            except BaseException as err:  # noqa: BLE001 - the point is that nothing escapes
                failed.append(f"{verb}({name}) raised {type(err).__name__}")
                continue
            if hung or cpu > LIMIT:
                slow.append(f"{verb}({name}): {'hung' if hung else f'{cpu:.2f} s'}")
            elif not isinstance(result, kind):
                failed.append(f"{verb}({name}) returned {type(result).__name__}")
            else:
                text, page = repr(result), result._repr_html_()
                if verb == "check" and name in ALWAYS_EQUAL and result.correct:
                    failed.append(f"check({name}) was accepted")
                if verb == "check" and not result.correct and "Expected" not in text:
                    failed.append(f"check({name}) gave no 'Expected … received …': {text[:80]}")
                if "<script" in page:
                    failed.append(f"{verb}({name}) rendered markup")
    for verb, call, kind in (("solution", q.solution, Solution), ("prompt", q.prompt, Prompt)):
        result, cpu, hung = timed(call)
        if hung or cpu > LIMIT or not isinstance(result, kind):
            failed.append(f"{verb}() misbehaved")
    assert not slow, f"lesson {number} {qid}: slow calls: {slow}"
    assert not failed, f"lesson {number} {qid}: {failed}"


def test_collections_over_the_cap_are_refused_with_a_sentence():
    q = SetAnswer("q1", "Which?", {"a", "b"}, hints=["h"], solution="answer_q1 = {'a', 'b'}",
                  explanation="src-001", why="w")
    feedback = q.check(list(range(10**6)))
    assert feedback.status == "invalid" and "1,000,000 items" in repr(feedback)
    assert "short collection" in repr(feedback)
    endless = q.check(EndlessList(["a", "b"]))  # the built-in list's own items are read, not __iter__
    assert endless.correct


def test_a_real_interrupt_still_stops_the_cell():
    """Ctrl-C (the Stop button) arrives from a signal; check() must not swallow it."""
    def slow_float(self):
        _thread.interrupt_main()  # as if the learner pressed Stop while the check reads the value
        total = 0
        for i in range(10**6):
            total += i
        return 1.0

    q = Numeric("q1", "?", 1, hints=["h"], solution="answer_q1 = 1", explanation="src-001", why="w")
    value = type("Slow", (float,), {"__float__": slow_float})(1.0)
    with pytest.raises(KeyboardInterrupt):
        q.check(value)


def test_an_explicit_keyboard_interrupt_from_a_learner_object_becomes_feedback():
    q = Numeric("q1", "?", 1, hints=["h"], solution="answer_q1 = 1", explanation="src-001", why="w")
    for exc in (KeyboardInterrupt(), SystemExit(3), GeneratorExit()):
        feedback = q.check(_float_raising(exc))
        assert feedback.status == "invalid" and type(exc).__name__ in repr(feedback)
        assert q.hint(_int_raising(exc)).title == "Hint for q1"
