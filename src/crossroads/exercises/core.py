"""The exercise engine: question kinds, feedback objects, lessons and the results registry.

Everything a learner sees is one of four display objects (:class:`Feedback`,
:class:`Hint`, :class:`Solution`, :class:`Progress`, plus :class:`Prompt`). Each has a
plain-text ``__repr__`` and a ``_repr_html_`` with inline styles, both deterministic.

>>> q = Numeric("q1", "How many years from 138 BCE to 125 BCE?", 13, unit="years",
...             hints=["Subtract."], solution="answer_q1 = 138 - 125",
...             explanation="src-001 gives both years.", why="BCE years count down.")
>>> q.check(13).correct
True

Traps: well-known wrong answers
-------------------------------
Every kind except :class:`TableAnswer` takes ``traps=``: a mapping from a well-known wrong answer
to one sentence of advice (which must not state the answer), or a function of no arguments that
returns such a mapping (computed on the first check, like a lazy ``answer``). When a learner's
answer matches a trap, ``check()`` keeps its verdict ("wrong", or "invalid" for a non-option) and
shows the trap's advice in place of the generic advice; ``feedback.trapped`` is then True.

=================  ===============================================================================
kind               a trap key is ...
=================  ===============================================================================
``Numeric``        a number, matched with the question's tolerance (at least 1e-9), or a range
                   ``(low, high)``, inclusive: ``traps={3.625: "...", (-100, -98): "..."}``
``Choice``         a text (or number), compared like options: case, spaces, punctuation ignored;
                   it need not be an option (``"Nur-Sultan"``). ``notes=`` stays for wrong options.
``SetAnswer``      a collection; matches a learner's collection with exactly the same items
                   (``traps={("Almaty", "Otrar", "Taraz"): "That is the whole route ..."}``)
``Ordering``       a list or tuple; matches the same items in the same order
``SourceCritique`` a pair ``(figure, reason)``
=================  ===============================================================================

>>> q2 = Numeric("q2", "Growth rate, % a year?", 11.1, unit="%", tolerance=0.1,
...              traps={28.6 / 8: "That is the simple average; growth compounds."},
...              hints=["h"], solution="answer_q2 = 11.1", explanation="src-001", why="w")
>>> print(q2.check(3.575).lines[0])
That is the simple average; growth compounds.
>>> q2.trap(3.575) == q2.check(3.575).lines[0], q2.trap(11.1)
(True, '')

What a new question kind implements
-----------------------------------
Subclass :class:`Question`, call ``super().__init__(qid, prompt, answer, **common)`` and provide:

``kind``                       class attribute: a short name ("numeric", "choice", ...)
``_judge(answer, expected)``   the verdict, a :class:`Feedback` made with ``self._right(message)``,
                               ``self._wrong(message, advice)`` or ``self._invalid(answer, advice)``;
                               ``answer`` is never ``...``, ``None`` or missing (``check()`` handles
                               those), and anything it raises becomes an "invalid" verdict, so it need
                               not guard every learner object, but it must not loop over one without
                               a bound (use ``_as_items``, which caps collections)
``expectation()``              what kind of answer is expected, in words, never the answer itself:
                               "a number (in years)"; used in prompts and in every "Expected ..." line
``_answer_text(expected)``     the answer in words, for instructors (``crossroads solutions``)
and optionally:
``_prepare(value)``            normalise the author's ``answer`` once (validate it; raise on a bad one)
``_prompt_extra()``            extra prompt lines (the options, the items to order)
``_trap_key(value)``           a hashable key for traps, the same for a trap and a matching answer;
                               ``None`` when the value cannot match (the default: no traps)
``trap(answer)``               override only when matching is not a key lookup (``Numeric``)

Feedback text follows one pattern: a symbol and a status word, then "Expected <expectation>;
received <describe(answer)>." and one line of advice; ``describe()`` never calls ``repr()`` on a
learner's object. Feedback helpers (describing values, slips, look-alike letters) live in
:mod:`crossroads.exercises.feedback`.

Statuses and what the learner reads
-----------------------------------
``correct`` "✓ Correct", ``wrong`` "✗ Not yet" (right kind of answer, wrong value), ``invalid``
"✗ Check your input" (not an answer of the right kind), ``unanswered`` "○ Not answered yet" (the
placeholder ``...``), ``error`` "⚠ Course problem" (the course could not compute its answer). The
HTML uses :mod:`crossroads.style`'s text colours on white, so the words, not only the colour, carry
the verdict. Engine-wide feedback, for every kind where it applies: a tuple from a thousands or
decimal comma (``1,108``), a number in quotes, Mt for t (answer off by a million and a mass in the
question), a percentage for a fraction and the reverse, Cyrillic or Greek letters that look like
Latin ones (named, and not accepted), full-width forms (read in NFKC form, as Python reads names,
and accepted with a note), a column named by the number 0, the first row of a table that differs.

Never hang, never leak
----------------------
``check()``, ``hint()``, ``solution()`` and ``prompt()`` return for any value: collections are read
through the built-in type's own iterator and refused beyond ``MAX_ITEMS`` items, texts beyond
``MAX_TEXT`` characters; anything a learner's object raises from ``__float__``, ``__eq__`` and the
like, even ``SystemExit``, becomes "Check your input". A real Ctrl-C (the notebook's Stop button)
still stops the cell: only a ``KeyboardInterrupt`` raised by a ``raise`` statement is contained.

Checking outside the kernel
---------------------------
``check()`` judges plain values as well as live ones, so a grader can read ``answer_qN`` out of a
kernel as JSON and judge it in its own process: numbers, texts, lists (for sets, orderings and
``(figure, reason)`` pairs) and ``pd.DataFrame.from_records(...)`` for tables all get the same
verdict as the original objects. ``feedback.status`` and ``feedback.message`` are stable strings.
"""
from __future__ import annotations

import collections.abc
import difflib
import itertools
import math
import numbers
import re
import sys
import types
import unicodedata
from typing import Any, Callable, Iterable, Mapping, Sequence

from crossroads.exercises.feedback import (
    Feedback,
    Hint,
    Progress,
    Prompt,
    Solution,
    MAX_ITEMS,
    MAX_TEXT,
    column_name as _column_name,
    comma_slip as _comma_slip,
    describe,
    fmt_number as _fmt_number,
    full_width_note as _full_width_note,
    is_nan as _is_nan,
    is_real as _is_real,
    latinise as _latinise,
    learner_raised as _learner_raised,
    number_text_slip as _number_text_slip,
    every as _every,
    plural as _plural,
    quote as _quote,
    script_problem as _script_problem,
    short_text as _short_text,
    texts_in as _texts_in,
)

__all__ = [
    "Question", "Numeric", "Choice", "SetAnswer", "MultiChoice", "Ordering", "TableAnswer",
    "SourceCritique", "Lesson", "Feedback", "Hint", "Solution", "Prompt", "Progress",
    "results", "reset_results", "describe",
]

_MISSING = object()

# ---------------------------------------------------------------------------
# Results registry: one entry per (lesson, question), kept in the kernel.
# ---------------------------------------------------------------------------

_RESULTS: dict[str, dict[str, dict[str, Any]]] = {}


def results() -> dict[str, dict[str, dict[str, Any]]]:
    """Return a copy of the registry: ``{lesson: {qid: {"status", "attempts"}}}``.

    ``status`` is "solved" once any check was correct (later wrong checks do not undo it),
    else "attempted"; checks of the placeholder ``...`` are not recorded.

    >>> reset_results(); results()
    {}
    """
    return {lesson: {qid: dict(entry) for qid, entry in qs.items()} for lesson, qs in _RESULTS.items()}


def reset_results() -> None:
    """Forget every recorded check (used by tests).

    >>> reset_results()
    """
    _RESULTS.clear()


def _record(lesson: str, qid: str, solved: bool) -> None:
    entry = _RESULTS.setdefault(lesson, {}).setdefault(qid, {"status": "untouched", "attempts": 0})
    entry["attempts"] += 1
    if solved or entry["status"] != "solved":  # once solved, a later experiment does not undo it
        entry["status"] = "solved" if solved else "attempted"


def _status(lesson: str, qid: str) -> str:
    return _RESULTS.get(lesson, {}).get(qid, {}).get("status", "untouched")


# ---------------------------------------------------------------------------
# Learner items (texts and numbers), normalised and capped for comparison
# ---------------------------------------------------------------------------


def _pandas():
    """pandas if the learner's session has imported it (a DataFrame cannot exist otherwise)."""
    return sys.modules.get("pandas")


def _numpy():
    return sys.modules.get("numpy")


def _match_key(item: Any) -> str | None:
    """A comparison key for an option or item: 'Xi'an' -> 'xian', 2013 -> '2013'; None if unusable.

    Texts are read in Unicode NFKC form, as Python reads names: full-width 'Ａｓｔａｎａ' is 'astana'.
    """
    if isinstance(item, str):
        text = str.__str__(item)
        long = len(text) > MAX_TEXT  # cannot be an option; cut it so the comparison stays fast
        text = unicodedata.normalize("NFKC", text[:MAX_TEXT]).casefold()
        return "".join(ch for ch in text if ch.isalnum()) + ("\x00" if long else "")
    if _is_real(item) and not _is_nan(item):
        return _fmt_number(float(item)).replace(",", "")
    return None


def _as_items(value: Any) -> list | str:
    """Turn a learner's collection into a list, or return a sentence explaining why not.

    Reads at most ``MAX_ITEMS`` items through the built-in type's own iterator, so a subclass with an
    endless ``__iter__`` or a huge list returns at once.
    """
    pd, np = _pandas(), _numpy()
    for kind in (list, tuple, set, frozenset):
        if isinstance(value, kind):
            size = kind.__len__(value)
            if size > MAX_ITEMS:
                return f"it has {_plural(size, 'item')}; the answer is a short collection"
            return list(itertools.islice(kind.__iter__(value), MAX_ITEMS))
    if pd is not None and isinstance(value, (pd.Series, pd.Index)):
        if value.size > MAX_ITEMS:
            return f"it has {_plural(value.size, 'value')}; the answer is a short collection"
        return list(value.tolist())
    if np is not None and isinstance(value, np.ndarray):
        if value.ndim != 1:
            return "a one-dimensional collection is needed"
        if value.size > MAX_ITEMS:
            return f"it has {_plural(value.size, 'value')}; the answer is a short collection"
        return list(value.tolist())
    if isinstance(value, (types.GeneratorType, collections.abc.Iterator)):
        return "wrap it in list(...) so its items are computed"
    if isinstance(value, str):
        return "a single text is not a collection; put the items in brackets"
    if isinstance(value, dict):
        return "a dict maps keys to values; list just the items"
    return "put the items in a list or set"


def _did_you_mean(key: str | None, options: Sequence[Any]) -> str:
    """``"; did you mean 'Astana'?"`` when ``key`` is close to one of the shown options, else ``""``."""
    keys = {_match_key(option): option for option in options}
    close = difflib.get_close_matches(_latinise(key), [k for k in keys if k], n=1, cutoff=0.75) if key else []
    return f"; did you mean {_quote(keys[close[0]])}?" if close else ""


def _item_keys(value: Any) -> list[str] | None:
    """The comparison keys of a collection's items, or None when it is not a collection of texts/numbers."""
    items = _as_items(value)
    if isinstance(items, str):
        return None
    keys = [_match_key(item) for item in items]
    return None if None in keys else keys


# ---------------------------------------------------------------------------
# Questions
# ---------------------------------------------------------------------------


class Question:
    """Base class of every question kind.

    Arguments shared by all kinds:
      qid          -- "q1", "q2", ...; the lesson module binds the question to the same name
      prompt       -- the question as the learner reads it (backticks mark `code`)
      answer       -- the correct answer, or a function of no arguments returning it (lazy)
      hints        -- graded hints, gentlest first
      solution     -- the solved answer cell: assigns ``answer_<qid>``; the check line is added
      explanation  -- why the solution is right, citing a source id such as src-001
      why          -- one line on why it matters, shown with a correct answer
      title        -- short label for progress tables (default: start of the prompt)
    """

    kind = "question"

    def __init__(
        self,
        qid: str,
        prompt: str,
        answer: Any,
        *,
        hints: Sequence[str],
        solution: str,
        explanation: str,
        why: str,
        title: str | None = None,
        traps: Mapping[Any, str] | Callable[[], Mapping[Any, str]] | None = None,
    ) -> None:
        if not re.fullmatch(r"q\d+[a-z]?", qid):
            raise ValueError(f"question id must look like 'q1', got {qid!r}")
        if not hints:
            raise ValueError(f"{qid}: give at least one hint")
        self.qid = qid
        self.text = prompt.strip()
        self._answer = answer
        self._expected: Any = _MISSING
        self.hints = list(hints)
        self.explanation = explanation.strip()
        self.why = why.strip()
        self.title = title or _first_words(self.text)
        self.lesson_id = "?"
        self._hints_shown = 0
        if traps is not None and not callable(traps):
            traps = self._check_traps(traps)
        self._trap_source = traps
        self._traps: Any = _MISSING
        code = solution.strip("\n").rstrip()
        if f"{self.variable} =" not in code:
            raise ValueError(f"{qid}: the solution must assign {self.variable}")
        if code.splitlines()[-1].strip() != self.check_line:
            code += "\n" + self.check_line
        self.code = code

    # -- names used in notebooks -------------------------------------------------
    @property
    def variable(self) -> str:
        """The answer variable in the notebook, e.g. ``answer_q1``."""
        return f"answer_{self.qid}"

    @property
    def check_line(self) -> str:
        """The last line of every answer cell, e.g. ``ex.q1.check(answer_q1)``."""
        return f"ex.{self.qid}.check({self.variable})"

    @property
    def placeholder_code(self) -> str:
        """The unsolved answer cell as learners first see it."""
        return f"{self.variable} = ...  # your answer here\n{self.check_line}"

    # -- the correct answer, computed lazily -------------------------------------
    @property
    def expected(self) -> Any:
        """The correct answer (computed on first use when ``answer`` is a function)."""
        if self._expected is _MISSING:
            value = self._answer() if callable(self._answer) else self._answer
            self._expected = self._prepare(value)
        return self._expected

    def _prepare(self, value: Any) -> Any:
        return value

    @property
    def traps(self) -> dict[Any, str]:
        """Well-known wrong answers, by match key, with their advice (computed on first use)."""
        if self._traps is _MISSING:
            source = self._trap_source
            self._traps = self._check_traps(source() if callable(source) else source or {})
        return self._traps

    @traps.setter
    def traps(self, value: Mapping[Any, str]) -> None:  # lets older subclasses assign self.traps = {...}
        self._traps = self._check_traps(value)

    def _check_traps(self, traps: Mapping[Any, str]) -> dict[Any, str]:
        if not isinstance(traps, collections.abc.Mapping):
            raise TypeError(f"{self.qid}: traps must map a wrong answer to a sentence of advice")
        checked = {}
        for wrong, advice in traps.items():
            key = self._trap_key(wrong)
            if key is None or not isinstance(advice, str) or not advice.strip():
                raise ValueError(f"{self.qid}: the trap {wrong!r} needs an answer this {self.kind} question "
                                 "can receive and a sentence of advice")
            checked[key] = advice.strip()
        return checked

    def trap(self, answer: Any) -> str:
        """The advice for ``answer`` if it is one of the question's traps, else ``""``; never raises."""
        try:
            traps = self.traps
            if not traps:
                return ""
            key = self._trap_key(answer)
            return traps.get(key, "") if key is not None else ""
        except BaseException as err:
            if not _learner_raised(err):
                raise
            return ""

    def _trap_key(self, answer: Any) -> Any:
        """A hashable match key for a trap or a learner's answer; None if this kind has no traps."""
        return None

    # -- learner API ----------------------------------------------------------------
    def prompt(self) -> Prompt:
        """Show the question. Example: ``ex.q1.prompt()``."""
        lines = [self.text]
        try:
            lines += self._prompt_extra()
        except Exception as err:  # course data could not be loaded
            lines.append(f"(The course could not prepare this question: {type(err).__name__}.)")
        lines.append(f"Answer with {self.expectation()}, then run `{self.check_line}`.")
        return Prompt(f"{self.qid}: {self.title}", lines)

    def check(self, answer: Any = _MISSING) -> Feedback:
        """Check an answer; never raises. Example: ``ex.q1.check(answer_q1)``."""
        if answer is _MISSING:
            return Feedback(self.qid, "unanswered",
                            f"Expected your answer inside the parentheses, as in `{self.check_line}`; "
                            "received nothing.")
        if answer is Ellipsis:
            return Feedback(self.qid, "unanswered",
                            f"Expected {self.expectation()}; received the placeholder "
                            f"... — replace it with your answer and run the cell again.")
        try:
            expected = self.expected
        except Exception as err:
            return Feedback(self.qid, "error",
                            f"The course could not work out the expected answer ({type(err).__name__}). "
                            "This is a problem with the course, not with your answer: please tell "
                            "your instructor.")
        try:
            feedback = self._verdict(answer, expected)
        except BaseException as err:  # a learner's object may raise anything, even SystemExit
            if not _learner_raised(err):
                raise
            feedback = self._invalid(answer, f"(Reading your value stopped the check with {_error_name(err)}.)")
        if feedback.status == "correct":
            feedback.lines.append(f"Why it matters: {self.why}")
        else:
            feedback.lines.append(f"Need a nudge? Run `ex.{self.qid}.hint()`.")
        _record(self.lesson_id, self.qid, feedback.correct)
        return feedback

    def _verdict(self, answer: Any, expected: Any) -> Feedback:
        """The kind's verdict, with the advice for traps and look-alike letters."""
        if answer is None:
            return self._invalid(answer, "A value of None often comes from a function that "
                                         "prints instead of returning.")
        if isinstance(answer, str) and str.__len__(answer) > MAX_TEXT:
            return self._invalid(answer, f"That text is {_plural(str.__len__(answer), 'character')} long; "
                                         "the answer here is much shorter.")
        feedback = self._judge(answer, expected)
        if feedback.correct:
            note = _full_width_note(_texts_in(answer))
            feedback.lines += [note] if note else []
            return feedback
        advice = self.trap(answer)
        if advice:  # a well-known wrong answer: its own advice replaces the generic one
            feedback.lines = [advice]
            feedback.trapped = True
            return feedback
        letters = _script_problem(_texts_in(answer))
        if letters and not _script_problem(self.answer_text()):
            feedback.lines.insert(0, letters)
        return feedback

    def hint(self, number: Any = None) -> Hint:
        """Show the next hint (or hint ``number``). Example: ``ex.q1.hint()``, ``ex.q1.hint(2)``."""
        total = len(self.hints)
        if number is None:
            self._hints_shown = min(self._hints_shown + 1, total)
            index = self._hints_shown
        else:
            try:
                valid = isinstance(number, numbers.Integral) and not isinstance(number, bool) and 1 <= number <= total
                index = int(number) if valid else 0
            except BaseException as err:  # a learner's object whose isinstance or <= raises
                if not _learner_raised(err):
                    raise
                index = 0
            if not index:
                return Hint(f"Hint for {self.qid}",
                            [f"Expected a hint number from 1 to {total}; received {describe(number)}."])
        more = f"Run `ex.{self.qid}.hint()` again for the next one." if index < total else (
            f"That was the last hint; `ex.{self.qid}.solution()` shows a worked solution.")
        return Hint(f"Hint {index} of {total} for {self.qid}", [self.hints[index - 1], more])

    def solution(self) -> Solution:
        """Show the worked solution. Example: ``ex.q1.solution()``."""
        return Solution(self.qid, self.code, self.explanation)

    # -- for instructors ------------------------------------------------------------
    def answer_text(self) -> str:
        """The correct answer in words, for instructors (``crossroads solutions``)."""
        try:
            return self._answer_text(self.expected)
        except Exception as err:
            return f"(could not be computed: {type(err).__name__}: {err})"

    def _answer_text(self, expected: Any) -> str:
        return repr(expected)

    # -- for subclasses -------------------------------------------------------------
    def expectation(self) -> str:
        """What kind of answer is expected, in words (never the answer itself)."""
        return "an answer"

    def _prompt_extra(self) -> list[str]:
        return []

    def _judge(self, answer: Any, expected: Any) -> Feedback:
        raise NotImplementedError

    def _invalid(self, answer: Any, advice: str = "") -> Feedback:
        message = f"Expected {self.expectation()}; received {describe(answer)}."
        return Feedback(self.qid, "invalid", message, [advice])

    def _wrong(self, message: str, advice: str = "") -> Feedback:
        return Feedback(self.qid, "wrong", message, [advice])

    def _right(self, message: str) -> Feedback:
        return Feedback(self.qid, "correct", message)

    def __repr__(self) -> str:
        return repr(self.prompt())

    def _repr_html_(self) -> str:
        return self.prompt()._repr_html_()

    def __dir__(self) -> list[str]:
        """Tab completion offers a learner the four verbs; the instructors' attributes (``expected``,
        ``answer_text``, ``code``) stay reachable by name but off the learner's path.

        >>> dir(Numeric("q1", "?", 1, hints=["h"], solution="answer_q1 = 1", explanation="e", why="w"))
        ['check', 'hint', 'prompt', 'solution']
        """
        return ["check", "hint", "prompt", "solution"]


def _error_name(err: BaseException) -> str:
    try:
        return str.__str__(type(err).__name__)
    except Exception:
        return "an error"


def _first_words(text: str, limit: int = 60) -> str:
    first = re.split(r"(?<=[.?!])\s", text, maxsplit=1)[0]
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


class Numeric(Question):
    """A number, with a tolerance and a unit.

    ``unit`` is shown to the learner ("years", "USD bn", "%"). With ``unit="%"`` the
    expected value is in percent (29 for 29 %); a fraction like 0.29 gets its own message.
    A value off by a factor of 100, 1,000, a million or a billion gets a hint about units.
    With ``whole=True`` the answer must be a whole number (a count of trips, a year).

    >>> Numeric("q1", "Years?", 13, unit="years", hints=["h"], solution="answer_q1 = 13",
    ...         explanation="src-001", why="w").check("13 years").status
    'invalid'
    """

    kind = "numeric"

    def __init__(self, qid: str, prompt: str, answer: Any, *, unit: str = "", tolerance: float = 0.0,
                 rel_tolerance: float = 1e-9, whole: bool = False, **common: Any) -> None:
        super().__init__(qid, prompt, answer, **common)
        self.unit = unit.strip()
        self.tolerance = float(tolerance)
        self.rel_tolerance = float(rel_tolerance)
        self.whole = whole

    def _prepare(self, value: Any) -> float:
        return float(value)

    def expectation(self) -> str:
        number = "a whole number" if self.whole else "a number"
        if self.unit == "%":
            return f"{number} in percent (write 45 for 45 %)"
        return f"{number} (in {self.unit})" if self.unit else number

    def _close(self, value: float, expected: float) -> bool:
        return math.isclose(value, expected, rel_tol=self.rel_tolerance, abs_tol=self.tolerance)

    def _trap_key(self, wrong: Any) -> Any:
        """A trap is a number (matched with the question's tolerance) or a range ``(low, high)``."""
        if isinstance(wrong, tuple) and len(wrong) == 2 and all(map(_is_real, wrong)) and wrong[0] <= wrong[1]:
            return (float(wrong[0]), float(wrong[1]))
        return float(wrong) if _is_real(wrong) else None

    def trap(self, answer: Any) -> str:
        try:
            if not _is_real(answer) or not self.traps:
                return ""
            value = float(answer)
            for wrong, advice in self.traps.items():
                if isinstance(wrong, tuple):
                    if wrong[0] <= value <= wrong[1]:
                        return advice
                elif math.isclose(value, wrong, rel_tol=self.rel_tolerance, abs_tol=max(self.tolerance, 1e-9)):
                    return advice
        except BaseException as err:
            if not _learner_raised(err):
                raise
        return ""

    def _answer_text(self, expected: float) -> str:
        unit = f" {self.unit}" if self.unit else ""
        tolerance = f" (± {_fmt_number(self.tolerance)})" if self.tolerance else ""
        return f"{_fmt_number(expected)}{unit}{tolerance}"

    def _judge(self, answer: Any, expected: float) -> Feedback:
        value = self._as_number(answer)
        if isinstance(value, Feedback):
            return value
        unit = f" {self.unit}" if self.unit else ""
        if self.whole and not value.is_integer():
            return self._invalid(answer, "Round it to a whole number: a count has no fractions (use `round(...)`, "
                                         "or think about whether a part still counts as one).")
        if self._close(value, expected):
            return self._right(f"{_fmt_number(value)}{unit}.")
        received = f"received {_fmt_number(value)}"
        off = f"Expected {self.expectation()}; {received}, which is " + (
            "too large." if value > expected else "too small.")
        if self.trap(answer):  # the trap's advice is added by check(); skip the unit guesses
            return self._wrong(off)
        if self.unit == "%" and 0 < abs(value) <= 1 and self._close(value * 100, expected):
            return self._wrong(f"Expected a number in percent; {received}, which looks like a fraction.",
                               "A share of 0.5 is written 50 here: multiply a fraction by 100.")
        if self.unit != "%" and 0 < abs(expected) <= 1 and self._close(value / 100, expected):
            return self._wrong(f"Expected {self.expectation()}; {received}, which looks like a percentage.",
                               "This question wants a fraction, not a percentage: 50 % is written 0.5 here, "
                               "so divide a percentage by 100.")
        for factor, name in ((100, "100"), (1000, "1,000"), (1e6, "a million"), (1e9, "a billion")):
            for scaled, direction in ((value / factor, "large"), (value * factor, "small")):
                if expected != 0 and self._close(scaled, expected):
                    return self._wrong(f"Expected {self.expectation()}; {received}, "
                                       f"about {name} times too {direction}.", self._unit_advice(factor))
        return self._wrong(off)

    def _unit_advice(self, factor: float) -> str:
        if factor == 1e6 and _MASS.search(f"{self.unit} {self.text}"):
            return ("A million is the step between tonnes (t) and million tonnes (Mt): did you use Mt where "
                    "t is needed, or the reverse? 1 Mt = 1,000,000 t.")
        return f"Check the unit{': the answer is in ' + self.unit if self.unit else ''}."

    def _as_number(self, answer: Any) -> float | Feedback:
        pd, np = _pandas(), _numpy()
        if isinstance(answer, bool) or (np is not None and isinstance(answer, np.bool_)):
            return self._invalid(answer, "True and False are answers to yes/no questions; give a number.")
        if isinstance(answer, str):
            slip = _number_text_slip(answer)
            if slip:
                return self._invalid(answer, slip)
            if re.search(r"\d", answer):
                return self._invalid(answer, "Write the number itself, without quotes or units "
                                             "(the unit is already given in the question).")
            return self._invalid(answer, "Give a number, without quotes.")
        if isinstance(answer, tuple) and _comma_slip(answer):
            return self._invalid(answer, _comma_slip(answer))
        if _is_nan(answer):
            return self._invalid(answer, "NaN usually means a missing value, or a calculation on an "
                                         "empty selection: check the rows you selected.")
        if _is_real(answer):
            try:
                value = float(answer)
            except (OverflowError, ValueError):  # 10**5000, Decimal("snan")
                return self._invalid(answer, "That number is far too large to be the answer.")
            if math.isinf(value):
                return self._invalid(answer, "An infinite value often comes from dividing by zero.")
            return value
        if (pd is not None and isinstance(answer, (pd.Series, pd.DataFrame, pd.Index))) or (
                np is not None and isinstance(answer, np.ndarray)):
            if getattr(answer, "size", 0) == 1:
                return self._invalid(answer, "It holds a single value: take it out with `.item()`.")
            return self._invalid(answer, "A single number is needed, not a collection of them.")
        return self._invalid(answer)


_MASS = re.compile(r"\b(t|kt|Mt|Gt)\b|\b(tonnes?|tons?|kilograms?|kg)\b", re.IGNORECASE)


class Choice(Question):
    """One option out of several; the learner answers with the option's text.

    Comparison ignores case, spaces and punctuation ("xian" matches "Xi'an"). ``notes`` maps
    a wrong option to a sentence shown when it is picked (it must not reveal the answer).

    >>> Choice("q2", "Where?", "Astana", options=["Astana", "Beijing"], hints=["h"],
    ...        solution='answer_q2 = "Astana"', explanation="src-001", why="w").check("astana").status
    'correct'
    """

    kind = "choice"

    def __init__(self, qid: str, prompt: str, answer: Any, *, options: Sequence[Any],
                 notes: dict[str, str] | None = None, **common: Any) -> None:
        super().__init__(qid, prompt, answer, **common)
        self.options = list(options)
        keys = [_match_key(option) for option in self.options]
        if None in keys or len(set(keys)) != len(keys):
            raise ValueError(f"{qid}: options must be distinct texts or numbers")
        self.notes = {_match_key(option): note for option, note in (notes or {}).items()}

    def _prepare(self, value: Any) -> Any:
        if _match_key(value) not in {_match_key(option) for option in self.options}:
            raise ValueError(f"{self.qid}: the answer {value!r} is not one of the options")
        return value

    def expectation(self) -> str:
        return "one of the options, as text in quotes"

    def _prompt_extra(self) -> list[str]:
        return ["Options: " + ", ".join(_quote(option) for option in self.options)]

    def _answer_text(self, expected: Any) -> str:
        return _quote(expected)

    def _trap_key(self, answer: Any) -> Any:
        return _match_key(answer)

    def _judge(self, answer: Any, expected: Any) -> Feedback:
        if isinstance(answer, (list, tuple, set)) and len(answer) == 1:
            return self._invalid(answer, "Give the option itself, without brackets.")
        key = _match_key(answer)
        if key is None and any(map(_is_real, self.options)) and _comma_slip(answer):
            return self._invalid(answer, _comma_slip(answer))
        if key is None:
            return self._invalid(answer, "Options: " + ", ".join(_quote(o) for o in self.options) + ".")
        if key == _match_key(expected):
            return self._right(f"{_quote(expected)}.")
        if key not in {_match_key(option) for option in self.options}:
            return self._invalid(answer, f"It is not one of the options{_did_you_mean(key, self.options)}: "
                                 + ", ".join(_quote(o) for o in self.options) + ".")
        return self._wrong(f"Expected the right option; received {describe(answer)}, "
                           "which is one of the options but not the right one.", self.notes.get(key, ""))


class SetAnswer(Question):
    """Several items in any order ("which countries …"); a list, tuple or set is accepted.

    ``options`` (optional) lists what the learner chooses from; items are compared ignoring
    case, spaces and punctuation.

    >>> SetAnswer("q3", "Which?", {"SCO", "EAEU"}, options=["SCO", "EAEU", "EU"], hints=["h"],
    ...           solution='answer_q3 = {"SCO", "EAEU"}', explanation="src-001",
    ...           why="w").check(["eaeu", "sco"]).status
    'correct'
    """

    kind = "set"

    def __init__(self, qid: str, prompt: str, answer: Any, *, options: Sequence[Any] | None = None,
                 **common: Any) -> None:
        super().__init__(qid, prompt, answer, **common)
        self.options = list(options) if options is not None else None

    def _prepare(self, value: Any) -> dict[str, Any]:
        items = _as_items(value)
        if isinstance(items, str):
            raise TypeError(f"{self.qid}: the answer must be a collection")
        return {_match_key(item): item for item in items}

    def expectation(self) -> str:
        return "a set of items, such as {\"first\", \"second\"} (order does not matter)"

    def _prompt_extra(self) -> list[str]:
        return ["Options: " + ", ".join(_quote(o) for o in self.options)] if self.options else []

    def _answer_text(self, expected: dict[str, Any]) -> str:
        return "{" + ", ".join(_quote(item) for item in sorted(expected.values(), key=str)) + "}"

    def _trap_key(self, answer: Any) -> Any:
        keys = _item_keys(answer)
        return frozenset(keys) if keys is not None else None

    def _judge(self, answer: Any, expected: dict[str, Any]) -> Feedback:
        items = _as_items(answer)
        if isinstance(items, str):
            return self._invalid(answer, items[0].upper() + items[1:] + ".")
        keys = [_match_key(item) for item in items]
        unusable = [item for item, key in zip(items, keys) if key is None]
        if unusable:
            return self._invalid(answer, f"Each item should be a text or a number; received "
                                         f"{describe(unusable[0])} among them.")
        if self.options is not None:
            allowed = {_match_key(option) for option in self.options}
            strangers = [(item, key) for item, key in zip(items, keys) if key not in allowed]
            if strangers:
                item, key = strangers[0]
                return self._invalid(answer, f"{_quote(item)} is not one of the options"
                                             f"{_did_you_mean(key, self.options) or ' (check the spelling)'}: "
                                             + ", ".join(_quote(o) for o in self.options) + ".")
        given = set(keys)
        if given == set(expected):
            feedback = self._right(f"{_every(len(expected), 'item')}.")
            if len(keys) > len(given):
                feedback.lines.append("(Some item appears twice; a set lists each item once.)")
            return feedback
        extra = [item for item, key in zip(items, keys) if key not in expected]
        missing = len(set(expected) - given)
        parts = []
        if extra:
            parts.append(f"{', '.join(_quote(i) for i in extra[:3])} "
                         f"{'does' if len(extra) == 1 else 'do'} not belong")
        if missing:
            parts.append(f"{_plural(missing, 'item')} {'is' if missing == 1 else 'are'} still missing")
        return self._wrong(f"Expected a set of the right items; received {describe(answer)}: "
                           + " and ".join(parts) + ".")


MultiChoice = SetAnswer


class Ordering(Question):
    """Items to put in order (e.g. events in time order); the learner gives a list.

    ``answer`` is the list in the right order. The prompt shows the items alphabetically,
    or in the order given by ``shown``.

    >>> Ordering("q4", "Order?", ["first", "second"], shown=["second", "first"], hints=["h"],
    ...          solution='answer_q4 = ["first", "second"]', explanation="src-001",
    ...          why="w").check(["first", "second"]).status
    'correct'
    """

    kind = "ordering"

    def __init__(self, qid: str, prompt: str, answer: Any, *, shown: Sequence[Any] | None = None,
                 **common: Any) -> None:
        super().__init__(qid, prompt, answer, **common)
        self.shown = list(shown) if shown is not None else None

    def _prepare(self, value: Any) -> list[Any]:
        items = list(value)
        if len({_match_key(item) for item in items}) != len(items):
            raise ValueError(f"{self.qid}: the items to order must be distinct")
        return items

    def shown_items(self) -> list[Any]:
        """The items in the order the prompt shows them."""
        if self.shown is not None:
            return self.shown
        items = sorted(self.expected, key=lambda item: str(item).casefold())
        return items if items != self.expected else items[::-1]

    def expectation(self) -> str:
        return "a list (in square brackets) of all the items, in order"

    def _prompt_extra(self) -> list[str]:
        return ["Items: " + ", ".join(_quote(item) for item in self.shown_items())]

    def _answer_text(self, expected: list[Any]) -> str:
        return "[" + ", ".join(_quote(item) for item in expected) + "]"

    def _trap_key(self, answer: Any) -> Any:
        if isinstance(answer, (set, frozenset)):
            return None
        keys = _item_keys(answer)
        return tuple(keys) if keys is not None else None

    def _judge(self, answer: Any, expected: list[Any]) -> Feedback:
        if isinstance(answer, (set, frozenset)):
            return self._invalid(answer, "A set has no order; use a list in square brackets.")
        items = _as_items(answer)
        if isinstance(items, str):
            return self._invalid(answer, items[0].upper() + items[1:] + ".")
        keys = [_match_key(item) for item in items]
        wanted = [_match_key(item) for item in expected]
        strangers = [(item, key) for item, key in zip(items, keys) if key not in wanted]
        if strangers:
            item, key = strangers[0]
            return self._invalid(answer, f"It contains {describe(item)}, which is not one of the items"
                                         f"{_did_you_mean(key, expected) or ' (check the spelling)'}.")
        if len(keys) != len(set(keys)):
            return self._invalid(answer, "Some item appears twice; use each item once.")
        if len(keys) < len(wanted):
            return self._invalid(answer, f"{_plural(len(wanted) - len(keys), 'item')} "
                                         f"{'is' if len(wanted) - len(keys) == 1 else 'are'} missing.")
        if keys == wanted:
            return self._right(f"{_every(len(wanted), 'item')} in order.")
        placed = sum(a == b for a, b in zip(keys, wanted))
        first = next(i for i, (a, b) in enumerate(zip(keys, wanted)) if a != b) + 1
        return self._wrong(f"Expected all {len(wanted)} items in the right order; received a list "
                           f"with {placed} of {len(wanted)} in the right place.",
                           f"The first item out of place is at position {first}.")


class TableAnswer(Question):
    """A DataFrame with required columns; row order and extra columns are ignored by default.

    Numbers are compared with ``tolerance`` (absolute) and ``rel_tolerance``; texts ignoring
    case and surrounding spaces. Set ``ordered=True`` when the row order is part of the task.
    ``labels`` maps a text column to the labels allowed in it (shown in the prompt); any other
    label is refused with that list. When a column identifies the rows (its values are the same,
    once each, in both tables), the feedback names the first row that differs.

    >>> import pandas as pd
    >>> q = TableAnswer("q5", "Table?", lambda: pd.DataFrame({"a": [1, 2]}), hints=["h"],
    ...                 solution="answer_q5 = pd.DataFrame({'a': [1, 2]})", explanation="src-001", why="w")
    >>> q.check(pd.DataFrame({"a": [2, 1], "b": [0, 0]})).status
    'correct'
    """

    kind = "table"

    def __init__(self, qid: str, prompt: str, answer: Any, *, columns: Sequence[str] | None = None,
                 ordered: bool = False, tolerance: float = 1e-6, rel_tolerance: float = 1e-6,
                 labels: Mapping[str, Sequence[str]] | None = None, **common: Any) -> None:
        super().__init__(qid, prompt, answer, **common)
        self.columns = list(columns) if columns is not None else None
        self.ordered = ordered
        self.tolerance = tolerance
        self.rel_tolerance = rel_tolerance
        self.labels = {column: list(allowed) for column, allowed in (labels or {}).items()}

    def _prepare(self, value: Any) -> Any:
        import pandas as pd

        if not isinstance(value, pd.DataFrame):
            raise TypeError(f"{self.qid}: the answer must be a DataFrame")
        columns = self.columns or list(value.columns)
        return value[columns].reset_index(drop=True)

    def required(self) -> list[str]:
        """The columns the learner's table must have."""
        return self.columns or [str(c) for c in self.expected.columns]

    def expectation(self) -> str:
        try:
            columns = ", ".join(_short_text(c, 30) for c in self.required())
        except Exception:
            return "a DataFrame (a table)"
        return f"a DataFrame (a table) with the columns {columns}"

    def _prompt_extra(self) -> list[str]:
        return [f"Labels for column {_short_text(column, 30)}: " + ", ".join(_quote(x) for x in allowed)
                for column, allowed in self.labels.items()]

    def _answer_text(self, expected: Any) -> str:
        return "\n" + expected.to_string(index=False)

    def _sorted(self, table: Any, key: Any = None) -> Any:
        """The table in a canonical row order: by ``key`` if given, else by every column."""
        if self.ordered:
            return table.reset_index(drop=True)
        columns = [key] if key is not None else list(table.columns)
        order = _comparable(table[columns]).sort_values(by=columns, kind="mergesort").index
        return table.loc[order].reset_index(drop=True)

    def _row_key(self, given: Any, wanted: Any) -> Any:
        """A required column whose values identify the rows in both tables, or None."""
        for column in sorted(self.required(), key=lambda c: _is_numeric(wanted[c])):
            mine, theirs = _comparable(given[[column]])[column], _comparable(wanted[[column]])[column]
            if theirs.is_unique and mine.is_unique and sorted(mine) == sorted(theirs):
                return column
        return None

    def _judge(self, answer: Any, expected: Any) -> Feedback:
        import numpy as np
        import pandas as pd

        if isinstance(answer, pd.Series):
            return self._invalid(answer, "Turn it into a table: `.reset_index()` makes its labels a column (name the "
                                         "values with `.reset_index(name=\"...\")`).")
        if not isinstance(answer, pd.DataFrame):
            return self._invalid(answer)
        required = self.required()
        missing = [c for c in required if c not in answer.columns]
        if missing:
            return self._invalid(answer, self._column_advice(answer, missing))
        if answer.columns.duplicated().any():
            return self._invalid(answer, "Some column name appears twice; keep one of each.")
        for column, allowed in self.labels.items():
            known = {_match_key(x) for x in allowed}
            strangers = [x for x in answer[column].head(MAX_ITEMS).tolist() if _match_key(x) not in known]
            if strangers:
                return self._invalid(answer, f"{_quote(strangers[0]) if isinstance(strangers[0], str) else describe(strangers[0])} "
                                             f"is not one of the labels for column {_short_text(column, 30)}: "
                                             + ", ".join(_quote(x) for x in allowed) + ".")
        if len(answer) != len(expected):
            return self._wrong(f"Expected {self.expectation()} and "
                               f"{_plural(len(expected), 'row')}; received {describe(answer)}.",
                               "Check how you selected or grouped the rows.")
        for column in required:
            if _is_numeric(expected[column]) and not _is_numeric(answer[column]):
                return self._invalid(answer, self._text_numbers_advice(answer[column], column))
        given = answer[required].reset_index(drop=True)
        key = None if self.ordered else self._row_key(given, expected)
        given, wanted = self._sorted(given, key), self._sorted(expected, key)
        differ = np.zeros((len(wanted), len(required)), dtype=bool)
        for i, column in enumerate(required):
            a, b = given[column], wanted[column]
            if _is_numeric(b):
                same = np.isclose(a.to_numpy(dtype=float), b.to_numpy(dtype=float),
                                  rtol=self.rel_tolerance, atol=self.tolerance, equal_nan=True)
            else:
                same = (a.astype(str).str.strip().str.casefold().to_numpy()
                        == b.astype(str).str.strip().str.casefold().to_numpy())
            differ[:, i] = ~same
        rows = differ.any(axis=1)
        if not rows.any():
            return self._right(f"{_every(len(wanted), 'row')} {'matches' if len(wanted) == 1 else 'match'}.")
        order = " (in the right order)" if self.ordered else ""
        count = int(rows.sum())
        message = (f"Expected {self.expectation()}{order}; received a table in which {count} of "
                   f"{_plural(len(wanted), 'row')} {'differs' if count == 1 else 'differ'}.")
        if key is None and not self.ordered:
            columns = [c for i, c in enumerate(required) if differ[:, i].any()]
            return self._wrong(message, "Look again at column " + ", ".join(_short_text(c, 30) for c in columns) + ".")
        row = int(np.flatnonzero(rows)[0])
        column = required[int(np.flatnonzero(differ[row])[0])]
        where = f"In row {row + 1}" if key is None else f"In the row where {_short_text(key, 30)} is {_cell(wanted.at[row, key])}"
        more = f" ({_plural(count - 1, 'other row')} also {'differs' if count == 2 else 'differ'}.)" if count > 1 else ""
        return self._wrong(message, f"{where}, column {_short_text(column, 30)} holds {_cell(given.at[row, column])} "
                                    f"in your table; expected {_cell(wanted.at[row, column])}.{more}")

    def _column_advice(self, answer: Any, missing: list[str]) -> str:
        """Why required columns are missing: in the index, named by numbers, or spelt differently."""
        in_index = [c for c in missing if c in [n for n in answer.index.names if n is not None]]
        if in_index:
            return f"{_short_text(in_index[0])} is in the index: `.reset_index()` makes it a column."
        for c in missing:
            near = [name for name in answer.columns if isinstance(name, str) and name.strip().casefold() == c.casefold()]
            if near:
                return f"Column names must match exactly: {_short_text(near[0], 30)} should be {_short_text(c, 30)}."
        numbered = [name for name in answer.columns if not isinstance(name, str)]
        if numbered:
            names = ", ".join(f'"{c}"' for c in self.required())
            if len(answer.columns) == len(self.required()):
                rename = f"`{self.variable}.columns = [{names}]`"
            else:
                rename = "`.rename(columns={" + ", ".join(f'{_fmt_number(n) if _is_real(n) else "..."}: "{c}"'
                                                          for n, c in zip(numbered, missing)) + "})`"
            example = ", ".join(f'"{c}": ...' for c in self.required())
            return (f"Your table has a column named {_column_name(numbered[0])}. Name the columns with {rename}, "
                    f"or build the table with `pd.DataFrame({{{example}}})`.")
        return "Missing: " + ", ".join(_short_text(c, 30) for c in missing) + "."

    def _text_numbers_advice(self, values: Any, column: str) -> str:
        sample = next((v for v in values.head(MAX_ITEMS).tolist() if isinstance(v, str) and v.strip()), None)
        if sample is not None and _number_text_slip(sample):
            return (f"Column {_short_text(column, 30)} holds numbers written as text (such as {_short_text(sample, 20)}): "
                    f"convert it with `pd.to_numeric(...)`, or leave out the quotes.")
        return f"Column {_short_text(column, 30)} should hold numbers but holds text."


def _is_numeric(column: Any) -> bool:
    import pandas as pd

    return pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column)


def _comparable(table: Any) -> Any:
    """A copy of a table whose cells compare as the engine compares them: rounded numbers, folded texts."""
    keyed = table.copy()
    for c in keyed.columns:
        if _is_numeric(keyed[c]):
            keyed[c] = keyed[c].astype(float).round(6)
        else:
            keyed[c] = keyed[c].astype(str).str.strip().str.casefold()
    return keyed


def _cell(value: Any) -> str:
    """One table cell as feedback shows it: 1.9, 'West', empty (NaN)."""
    if _is_nan(value) or value is None:
        return "an empty cell (NaN)"
    if isinstance(value, str):
        return _short_text(value, 40)
    if _is_real(value):
        return _fmt_number(float(value))
    return describe(value)


class SourceCritique(Question):
    """Source criticism: pick the flawed figure and the reason, as a pair ``(figure, reason)``.

    ``figures`` and ``reasons`` map labels ("A", "B", … and "1", "2", …) to texts;
    ``answer`` is the right pair of labels. ``notes`` maps a figure label to a sentence shown
    when that (sound) figure is picked.

    >>> q = SourceCritique("q6", "Which figure is flawed?", ("B", "2"),
    ...     figures={"A": "13 years", "B": "4 trillion tons"}, reasons={"1": "typo", "2": "unit"},
    ...     hints=["h"], solution='answer_q6 = ("B", "2")', explanation="src-001", why="w")
    >>> q.check(["b", 2]).status
    'correct'
    """

    kind = "critique"

    def __init__(self, qid: str, prompt: str, answer: Any, *, figures: dict[str, str],
                 reasons: dict[str, str], notes: dict[str, str] | None = None, **common: Any) -> None:
        super().__init__(qid, prompt, answer, **common)
        self.figures = {str(label): text for label, text in figures.items()}
        self.reasons = {str(label): text for label, text in reasons.items()}
        self.notes = {_match_key(label): note for label, note in (notes or {}).items()}

    def _prepare(self, value: Any) -> tuple[str, str]:
        figure, reason = (str(part) for part in value)
        if _match_key(figure) not in map(_match_key, self.figures) or _match_key(reason) not in map(_match_key, self.reasons):
            raise ValueError(f"{self.qid}: the answer {value!r} does not name a figure and a reason")
        return figure, reason

    def expectation(self) -> str:
        return "a pair (figure label, reason label), for example (\"X\", \"9\")"

    def _prompt_extra(self) -> list[str]:
        return ([f"Figure {label}: {text}" for label, text in self.figures.items()]
                + [f"Reason {label}: {text}" for label, text in self.reasons.items()])

    def _trap_key(self, answer: Any) -> Any:
        if isinstance(answer, (list, tuple)) and len(answer) == 2:
            keys = (_match_key(str(answer[0])), _match_key(str(answer[1])))
            return keys if None not in keys else None
        return None

    def _answer_text(self, expected: tuple[str, str]) -> str:
        figure, reason = expected
        return f"figure {figure} ({self.figures[figure]}), reason {reason} ({self.reasons[reason]})"

    def _judge(self, answer: Any, expected: tuple[str, str]) -> Feedback:
        if isinstance(answer, (set, frozenset)):
            return self._invalid(answer, "A set has no order; use round brackets: (figure, reason).")
        if not isinstance(answer, (list, tuple)) or len(answer) != 2:
            return self._invalid(answer, "Give two labels in round brackets: the figure first, then the reason.")
        figure, reason = (_match_key(part) for part in answer)
        figure_labels = {_match_key(label) for label in self.figures}
        reason_labels = {_match_key(label) for label in self.reasons}
        if figure not in figure_labels:
            return self._invalid(answer, "The first label should be one of the figures: "
                                 + ", ".join(_quote(label) for label in self.figures) + ".")
        if reason not in reason_labels:
            return self._invalid(answer, "The second label should be one of the reasons: "
                                 + ", ".join(_quote(label) for label in self.reasons) + ".")
        if figure == _match_key(expected[0]) and reason == _match_key(expected[1]):
            return self._right("you found the flawed figure and the reason.")
        if figure == _match_key(expected[0]):
            return self._wrong("Half right: expected the flawed figure and the reason that explains it; "
                               "received the right figure, but that reason does not explain what is wrong.")
        return self._wrong(f"Expected the flawed figure; received figure {_quote(str(answer[0]))}, "
                           "which holds up against the sources.", self.notes.get(figure, ""))


# ---------------------------------------------------------------------------
# Lessons
# ---------------------------------------------------------------------------


class Lesson:
    """The questions of one lesson, in order; knows the learner's progress.

    >>> lesson = Lesson("99", "Demo", [])
    >>> lesson.progress().title
    'Lesson 99 — Demo: 0 of 0 solved'
    """

    def __init__(self, number: str, title: str, questions: Iterable[Question]) -> None:
        if not re.fullmatch(r"\d\d", number):
            raise ValueError(f"lesson number must be two digits like '01', got {number!r}")
        self.number, self.title = number, title
        self.questions: dict[str, Question] = {}
        for question in questions:
            if question.qid in self.questions:
                raise ValueError(f"lesson {number}: question id {question.qid} is used twice")
            question.lesson_id = number
            self.questions[question.qid] = question

    def __getitem__(self, qid: str) -> Question:
        return self.questions[qid]

    def __iter__(self):
        return iter(self.questions.values())

    def __len__(self) -> int:
        return len(self.questions)

    def progress(self) -> Progress:
        """Show which questions are solved, attempted or untouched. Example: ``ex.progress()``."""
        rows = [(q.qid, _status(self.number, q.qid), q.title) for q in self]
        solved = sum(status == "solved" for _, status, _ in rows)
        return Progress(f"Lesson {self.number} — {self.title}: {solved} of {len(rows)} solved", rows)

    def __repr__(self) -> str:
        return f"Lesson {self.number} — {self.title} ({_plural(len(self), 'question')})"
