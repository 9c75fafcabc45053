'''Exercises for the course: check(), hint(), solution() and progress() that never fail a learner.

Learners
========

In a lesson notebook::

    from crossroads.exercises import lesson01 as ex

    ex.q1.prompt()                 # optional: shows the question again
    answer_q1 = 138 - 125
    ex.q1.check(answer_q1)         # ✓ / ✗ with a reason; never a traceback
    ex.q1.hint()                   # the next hint (the last one repeats); ex.q1.hint(2) shows hint 2
    ex.q1.solution()               # worked solution: code and a short explanation with its source
    ex.progress()                  # which questions are solved, attempted or untouched

The untouched placeholder is Python's Ellipsis, ``...``. Every call returns an object that the
notebook displays as the cell's result (plain text plus simple HTML; deterministic, so stored
outputs pass nbval). Nothing is printed, nothing is random. Each ``check()`` is recorded in the
kernel: a question is *solved* once any check was correct (later experiments do not undo it),
*attempted* after a wrong check, *untouched* otherwise (checking ``...`` records nothing).

Lesson authors: question modules
================================

One module per lesson, ``src/crossroads/exercises/lessonNN.py`` (``lesson00`` … ``lesson04``).
Build the questions with the constructors below, bind each to a module name equal to its id,
and finish with a :class:`Lesson` named ``lesson`` plus ``progress = lesson.progress``::

    """Exercises for lesson 01, The Silk Road."""
    from crossroads.exercises.core import Choice, Lesson, Numeric, SourceCritique


    def _years_on_the_road():                      # lazy: runs on the first check, not at import
        from crossroads import data
        events = data.load("events").set_index("id")
        return int(events.at["zhang_qian_return", "date"]) - int(events.at["zhang_qian_mission", "date"])


    q1 = Numeric(
        "q1",
        "How many years passed between Zhang Qian's departure and his return?",
        _years_on_the_road,                        # a value, or a function of no arguments
        unit="years",
        tolerance=0,
        hints=["BCE years count down towards year 1.",
               "The course stores BCE years as negative numbers: later year minus earlier year."],
        solution="answer_q1 = -125 - (-138)",      # the check line is added automatically
        explanation="src-001 dates the departure to 138 BCE and the return to 125 BCE.",
        why="Dates BCE count backwards; negative years make the arithmetic the same as for CE.",
    )

    q2 = Choice(
        "q2", "In which city was the Silk Road Economic Belt launched in 2013?", "Astana",
        options=["Astana", "Beijing", "Almaty", "Xi'an"],
        notes={"Xi'an": "Xi'an hosted a later event: the China–Central Asia summit of May 2023."},
        hints=["The article says the launch took place in the Kazakh capital."],
        solution='answer_q2 = "Astana"',
        explanation="src-001 places the 2013 launch in Kazakhstan's capital, Astana.",
        why="The project China made its flagship was announced in Kazakhstan, not in China.",
    )

    lesson = Lesson("01", "The Silk Road", [q1, q2])
    progress = lesson.progress

Question kinds (all in :mod:`crossroads.exercises.core`; common keyword arguments are
``hints``, ``solution``, ``explanation``, ``why`` and optionally ``title``):

``Numeric(qid, prompt, answer, unit="", tolerance=0.0, rel_tolerance=1e-9, whole=False)``
    A number. ``unit`` is shown ("years", "USD bn", "%"). With ``unit="%"`` the answer is in
    percent (29 for 29 %) and a fraction such as 0.29 gets its own message (and the reverse);
    answers off by a factor of 100 … a billion get a hint about units (Mt and t when the question
    mentions a mass). ``whole=True`` requires a whole number. Strings such as "31 billion" are
    refused with a sentence, never parsed; ``1,108`` (a tuple) and ``"1108"`` get their own advice.
``Choice(qid, prompt, answer, options=[...], notes={option: sentence})``
    One option, answered with its text; case, spaces and punctuation are ignored. Use it for
    map reading too ("which route avoids Russia?").
``SetAnswer(qid, prompt, answer, options=None)`` (alias ``MultiChoice``)
    Several items in any order ("which countries …"); list, tuple, set, Series are accepted.
``Ordering(qid, prompt, answer, shown=None)``
    Put items in order; ``answer`` is the ordered list. The prompt shows them alphabetically
    (or in ``shown`` order).
``TableAnswer(qid, prompt, answer, columns=None, ordered=False, tolerance=1e-6, rel_tolerance=1e-6, labels=None)``
    A DataFrame with the required ``columns`` (default: all of the answer's); row order and
    extra columns are ignored unless ``ordered=True``; numbers compared with tolerance.
    ``labels={"vector": ["Russia", "China", ...]}`` lists the labels allowed in a text column
    (shown in the prompt; any other label is refused with the list). Feedback names the first
    row that differs, by a column that identifies the rows.
``SourceCritique(qid, prompt, answer, figures={"A": ...}, reasons={"1": ...}, notes={})``
    Pick the flawed figure and the reason: the learner answers with a pair such as ("B", "2").

Every kind but ``TableAnswer`` also takes ``traps={wrong answer: advice}`` (or a function of no
arguments returning that mapping, computed on the first check): a well-known wrong answer gets its
own sentence instead of the generic advice. ``Numeric`` traps are numbers (matched with the
question's tolerance) or ranges ``(low, high)``; ``Choice`` traps are texts (need not be options);
``SetAnswer`` traps are collections (same items); ``Ordering`` traps are sequences (same order);
``SourceCritique`` traps are pairs. See :mod:`crossroads.exercises.core` for the details and for
what a new question kind implements.

Rules for authors (tests enforce them):

- ``answer`` may be a value or a function of no arguments; use a function whenever the answer
  comes from ``crossroads.data.load(...)``, so importing a lesson module stays fast.
- ``solution`` is the solved answer cell. It assigns ``answer_<qid>`` and runs on its own in a
  fresh namespace holding only ``ex`` (import what it needs, e.g. ``from crossroads import data``).
  The final line ``ex.<qid>.check(answer_<qid>)`` is appended if missing.
- ``explanation`` cites at least one source id from ``data/sources.csv`` (``src-001`` …).
- Hints go from gentle to nearly-the-answer; ``notes``, ``traps`` and feedback never state the answer.
- No trap is the right answer.

Lesson authors: notebooks
=========================

- Notebook metadata ``{"crossroads": {"lesson": "01"}}`` tells ``crossroads grade`` which lesson
  a notebook is (it falls back to the file name, ``01_silk_road.ipynb``).
- Import the lesson's questions as ``ex``: ``from crossroads.exercises import lesson01 as ex``.
- Every answer cell is a code cell tagged ``answer`` with metadata
  ``{"crossroads": {"question": "q1"}}``, whose source is exactly::

      answer_q1 = ...  # your answer here
      ex.q1.check(answer_q1)

  Build it with ``crossroads.notebooks.answer_cell("01", "q1")`` (and mark the notebook with
  ``crossroads.notebooks.set_lesson(nb, "01")``). ``crossroads solve`` replaces the source of
  each answer cell with the question's solution code.
- Refresh stored outputs with ``crossroads execute lessons/*.ipynb`` (deterministic bytes).

Instructors
===========

``crossroads solutions 01`` prints every solution; ``crossroads solve lessons/01_silk_road.ipynb
-o solved/`` writes and executes a solved copy; ``crossroads grade submissions/*.ipynb [--csv]``
runs each notebook in a fresh kernel (``--timeout`` per notebook, ``--cell-timeout`` per cell,
after which the cell is interrupted and grading goes on; ``-j`` grades several at once) and
prints a score table: 1 point per solved question, a column of cells that raised errors, and a
note for notebooks that could not be read, timed out or lost their kernel (exit code 0 unless
``--strict``). Grading runs learners' code on your machine: use a container for submissions
you do not trust.
'''
from __future__ import annotations

import importlib
import pkgutil
import re
from types import ModuleType

from crossroads.exercises.core import (
    Choice,
    Feedback,
    Lesson,
    MultiChoice,
    Numeric,
    Ordering,
    Question,
    SetAnswer,
    SourceCritique,
    TableAnswer,
    describe,
    reset_results,
    results,
)

__all__ = [
    "Question", "Numeric", "Choice", "SetAnswer", "MultiChoice", "Ordering", "TableAnswer",
    "SourceCritique", "Lesson", "Feedback", "describe", "results", "reset_results",
    "available_lessons", "lesson_id", "get_lesson",
]


def available_lessons() -> list[str]:
    """Lesson numbers that have a question module, e.g. ``['00', '01']``.

    >>> "00" in available_lessons()
    True
    """
    return sorted(m.name[6:] for m in pkgutil.iter_modules(__path__) if re.fullmatch(r"lesson\d\d", m.name))


def lesson_id(value: object) -> str:
    """Normalise a lesson reference to two digits: ``1``, ``"1"``, ``"lesson01"`` -> ``"01"``.

    >>> lesson_id("lesson1")
    '01'
    """
    match = re.fullmatch(r"(?:lesson[_ ]?)?0*(\d{1,2})", str(value).strip().lower())
    if not match:
        raise LookupError(f"{value!r} is not a lesson number (expected something like '01')")
    return f"{int(match.group(1)):02d}"


def _missing(number: str) -> ModuleNotFoundError:
    have = ", ".join(available_lessons()) or "none"
    return ModuleNotFoundError(
        f"There are no exercises for lesson {number} yet: crossroads/exercises/lesson{number}.py "
        f"does not exist (lessons with exercises: {have}).",
        name=f"{__name__}.lesson{number}",
    )


def get_lesson(value: object) -> Lesson:
    """The :class:`Lesson` of a lesson number, checking the module follows the conventions.

    >>> get_lesson("00").number
    '00'
    """
    number = lesson_id(value)
    try:
        module = importlib.import_module(f"{__name__}.lesson{number}")
    except ModuleNotFoundError as err:
        if err.name == f"{__name__}.lesson{number}":
            raise LookupError(str(_missing(number))) from None
        raise
    return _lesson_of(module)


def _lesson_of(module: ModuleType) -> Lesson:
    lesson = getattr(module, "lesson", None)
    if not isinstance(lesson, Lesson):
        raise LookupError(f"{module.__name__} must define `lesson = Lesson(...)`")
    for question in lesson:
        if getattr(module, question.qid, None) is not question:
            raise LookupError(f"{module.__name__}: question {question.qid} must be bound to the "
                              f"module name {question.qid}")
    if getattr(module, "progress", None) != lesson.progress:
        raise LookupError(f"{module.__name__} must define `progress = lesson.progress`")
    return lesson


def __getattr__(name: str) -> ModuleType:
    """Import ``lessonNN`` on first use, with a clear message when it does not exist."""
    if re.fullmatch(r"lesson\d\d", name):
        try:
            return importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as err:
            if err.name == f"{__name__}.{name}":
                raise _missing(name[6:]) from None
            raise
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
