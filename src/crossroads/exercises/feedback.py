"""What the learner reads: the display objects (Feedback, Hint, Solution, Prompt, Progress),
describing a learner's value, and naming common slips.

Everything here reads learner values without trusting them: no ``repr()`` of unknown objects, no
unbounded loops, and errors raised by a learner object's own methods are contained (see
:func:`learner_raised`). :mod:`crossroads.exercises.core` builds its messages from these helpers.

>>> describe([1, 2]), plural(1, "row"), plural(1_000_000, "item")
('a list of 2 items', '1 row', '1,000,000 items')
>>> print(comma_slip((1, 108)))
Did you type a comma as a thousands separator? Python reads `1,108` as a tuple of 2 numbers; write 1108, without the comma.
>>> print(script_problem("Аstana"))  # a Cyrillic А
Your answer contains the Cyrillic letter 'А' where the Latin 'A' is expected (they look alike): switch the keyboard to the English (Latin) layout and type it again.
"""
from __future__ import annotations

import collections.abc
import decimal
import dis
import html
import math
import numbers
import re
import sys
import types
import unicodedata
from typing import Any, Iterable, Sequence

from crossroads import style

MAX_ITEMS = 10_000
"""Collections with more items are refused before any item is read (no answer is that long)."""
MAX_TEXT = 10_000
"""Texts with more characters are refused before they are compared."""

SERIES = "a Series (a single column of a table)"
"""How feedback names a pandas Series: the term is defined wherever it appears."""


# ---------------------------------------------------------------------------
# Errors raised by a learner's own objects
# ---------------------------------------------------------------------------


def learner_raised(err: BaseException) -> bool:
    """True if ``err`` should become feedback; False for a real Ctrl-C (the notebook's Stop button).

    A learner's object may raise anything from ``__float__`` or ``__eq__``, even ``SystemExit`` or
    ``KeyboardInterrupt``; ``check()`` turns those into feedback. A real interrupt arrives from a
    signal between two instructions, never at a ``raise`` statement, so it still stops the cell.

    >>> try:
    ...     raise KeyboardInterrupt
    ... except BaseException as err:
    ...     learner_raised(err), learner_raised(SystemExit(3))
    (True, True)
    """
    if not isinstance(err, KeyboardInterrupt):
        return True
    tb = err.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    code = tb.tb_frame.f_code.co_code
    return 0 <= tb.tb_lasti < len(code) and dis.opname[code[tb.tb_lasti]] in ("RAISE_VARARGS", "RERAISE")


# ---------------------------------------------------------------------------
# Numbers and short texts, the same on every run
# ---------------------------------------------------------------------------


def fmt_number(x: float) -> str:
    """Format a number the same way on every run: 13, 0.29, 22.94, 1,000,000.

    >>> fmt_number(13.0), fmt_number(0.29), fmt_number(1e6)
    ('13', '0.29', '1,000,000')
    """
    if isinstance(x, bool):
        return str(x)
    if isinstance(x, numbers.Integral) or (isinstance(x, float) and x.is_integer() and abs(x) < 1e15):
        value = int(x)
        return f"{value:,}" if abs(value) >= 10000 else str(value)
    text = f"{float(x):.6g}"
    if "e" in text and 1 <= abs(float(x)) < 1e15:
        text = f"{float(x):,.2f}"
    return text


def plural(n: int, word: str) -> str:
    """``1 row``, ``2 rows``, ``10,000 rows``."""
    return f"{fmt_number(n)} {word}" if n == 1 else f"{fmt_number(n)} {word}s"


def every(n: int, word: str) -> str:
    """``the one row``, ``both rows``, ``all 3 rows``: for "Correct: ..." messages."""
    return f"the one {word}" if n == 1 else f"both {word}s" if n == 2 else f"all {fmt_number(n)} {word}s"


def short_text(text: str, limit: int = 60) -> str:
    """A text in quotes, cut after ``limit`` characters; never calls the object's own methods."""
    text = str.__str__(text)
    if len(text) > limit:
        text = text[:limit] + "…"
    return str.__repr__(text)


def quote(value: Any) -> str:
    """A text in quotes or a number as written: ``'Astana'``, ``2013``."""
    return short_text(value) if isinstance(value, str) else fmt_number(value)


def column_name(name: Any) -> str:
    """A column name as the learner must type it: ``'year'`` for a text, ``0`` for the number 0."""
    if isinstance(name, str):
        return short_text(name, 30)
    if is_real(name):
        return f"{fmt_number(name)} (a number, not a text)"
    return describe(name)


def is_real(x: Any) -> bool:
    """A real number that is not a boolean (int, float, Fraction, Decimal, numpy number)."""
    np = sys.modules.get("numpy")
    if isinstance(x, bool) or (np is not None and isinstance(x, np.bool_)):
        return False
    return isinstance(x, (numbers.Real, decimal.Decimal))


def is_nan(x: Any) -> bool:
    """True for NaN (float, numpy or Decimal); False for anything else, whatever it raises."""
    try:
        return is_real(x) and math.isnan(float(x))
    except BaseException as err:
        if not learner_raised(err):
            raise
        return False


# ---------------------------------------------------------------------------
# Describing a learner's value
# ---------------------------------------------------------------------------


def describe(value: Any) -> str:
    """Describe a learner's value in a few words, safely.

    >>> describe("31 billion"), describe(True), describe([1, 2])
    ("the text '31 billion'", 'True (a boolean)', 'a list of 2 items')
    """
    try:
        return _describe(value)
    except BaseException as err:
        if not learner_raised(err):
            raise
        try:
            return f"an object of type {type(value).__name__}"
        except BaseException as err2:
            if not learner_raised(err2):
                raise
            return "an object of an unknown type"


def _describe(value: Any) -> str:
    pd, np = sys.modules.get("pandas"), sys.modules.get("numpy")
    if value is None:
        return "None (no value)"
    if value is Ellipsis:
        return "the placeholder ..."
    if isinstance(value, bool) or (np is not None and isinstance(value, np.bool_)):
        return f"{bool(value)} (a boolean)"
    if isinstance(value, str):
        return "an empty text ''" if not value.strip() else f"the text {short_text(value)}"
    if is_nan(value):
        return "NaN (not a number)"
    if isinstance(value, numbers.Integral):
        if abs(int(value)) >= 10**15:  # Python refuses to print an int of over 4,300 digits
            return f"a whole number with about {fmt_number(int(int(value).bit_length() * 0.30103) + 1)} digits"
        return f"{fmt_number(int(value))} (a whole number)"
    if isinstance(value, numbers.Real):
        return f"{fmt_number(float(value))} (a decimal number)"
    if isinstance(value, decimal.Decimal):
        return f"{fmt_number(float(value))} (a Decimal)"
    if isinstance(value, complex):
        return "a complex number"
    if pd is not None and isinstance(value, pd.DataFrame):
        names = list(value.columns)
        cols = ", ".join(column_name(c) for c in names[:8]) + (", …" if len(names) > 8 else "")
        rows = plural(len(value), "row")
        return f"a DataFrame (a table) with {rows} and columns {cols}" if names else (
            f"a DataFrame (a table) with {rows} and no columns")
    if pd is not None and isinstance(value, pd.Series):
        return f"{SERIES} of {plural(len(value), 'value')}"
    if pd is not None and isinstance(value, pd.Index):
        return f"a pandas Index (a table's row or column labels) of {plural(len(value), 'value')}"
    if np is not None and isinstance(value, np.ndarray):
        return f"a numpy array of shape {tuple(value.shape)}"
    if isinstance(value, dict):
        return "an empty dict ({} makes a dict; an empty set is set())" if not value else (
            f"a dict with {plural(dict.__len__(value), 'key')}")
    for kind, name in ((set, "set"), (frozenset, "frozenset"), (list, "list"), (tuple, "tuple")):
        if isinstance(value, kind):
            size = kind.__len__(value)
            return f"an empty {name}" if not size else f"a {name} of {plural(size, 'item')}"
    if isinstance(value, types.GeneratorType):
        return "a generator (its items are not computed yet)"
    if isinstance(value, collections.abc.Iterator):
        return f"an iterator ({type(value).__name__}; its items are not computed yet)"
    if isinstance(value, type):
        return f"the type {value.__name__} itself, not a value of that type"
    if callable(value):
        return "a function (did you forget the parentheses that call it?)"
    return f"an object of type {type(value).__name__}"


# ---------------------------------------------------------------------------
# Slips in how a number was typed
# ---------------------------------------------------------------------------


def comma_slip(answer: Any) -> str:
    """Advice when a tuple of numbers came from a comma typed inside a number, else ``""``.

    Python reads ``1,108`` as the tuple ``(1, 108)``. A part after the comma is a thousands group
    if it has three digits (100-999, or 0 from ``000``); Python refuses ``1,05`` outright, so a
    part from 1 to 99 means a decimal comma (``1,5`` for 1.5).

    >>> comma_slip((1, 5))
    'Did you type a decimal comma? Python reads `1,5` as a tuple of 2 numbers; write 1.5, with a point.'
    """
    if type(answer) is not tuple or not 2 <= tuple.__len__(answer) <= 5:
        return ""
    parts = list(answer)
    if not all(type(p) is int for p in parts[:-1]) or type(parts[-1]) not in (int, float):
        return ""
    first, rest = parts[0], parts[1:]
    typed = ",".join(str(p) for p in parts)
    if len(parts) == 2 and type(rest[0]) is int and 1 <= rest[0] <= 99:
        return (f"Did you type a decimal comma? Python reads `{typed}` as a tuple of 2 numbers; "
                f"write {first}.{rest[0]}, with a point.")
    if not -999 <= first <= 999 or not all(0 <= p < 1000 for p in rest):
        return ""
    if any(p < 100 and p != 0 for p in rest[:-1]) or (rest[-1] != 0 and rest[-1] < 100):
        return ""
    groups = [f"{p:03d}" for p in rest[:-1]]
    last = rest[-1]
    whole, _, fraction = repr(last).partition(".") if isinstance(last, float) else (str(last), "", "")
    groups.append(f"{int(whole):03d}" + (f".{fraction}" if fraction and fraction != "0" else ""))
    typed = ",".join([str(first)] + groups)
    return (f"Did you type a comma as a thousands separator? Python reads `{typed}` as a tuple of "
            f"{len(parts)} numbers; write {first}{''.join(groups)}, without the comma.")


_NUMBER_TEXT = re.compile(r"[+\-−]?(\d{1,3}([ ,  '_]\d{3})+|\d+)([.,]\d+)?")


def number_text_slip(text: str) -> str:
    """Advice when a text holds just a number (``"1108"``, ``"1,108"``, ``"1,5"``), else ``""``.

    >>> number_text_slip(" 1,108 ")
    'You gave the number as a text, in quotes: write 1108 without the quotes and without separators.'
    """
    text = str.__str__(text).strip()
    if len(text) > 40 or not _NUMBER_TEXT.fullmatch(text):
        return ""
    plain = text.replace("−", "-")
    if re.fullmatch(r"[+-]?\d+,\d{1,2}", plain) or re.fullmatch(r"[+-]?\d+,\d{4,}", plain):
        return f"You gave the number as a text, in quotes, with a decimal comma: write {plain.replace(',', '.')}."
    digits = re.sub(r"[ ,  '_](?=\d{3})", "", plain)
    extra = " and without separators" if digits != plain else ""
    return f"You gave the number as a text, in quotes: write {digits} without the quotes{extra}."


# ---------------------------------------------------------------------------
# Letters from another alphabet, and full-width forms
# ---------------------------------------------------------------------------

# Cyrillic and Greek letters that look like Latin ones (Kazakh keyboards add І, Ү, Һ).
_LOOKALIKES = dict(zip(
    "АВЕКМНОРСТХУЅІЈаеорсухѕіјһԁӏҮүҺΑΒΕΖΗΙΚΜΝΟΡΤΥΧο",
    "ABEKMHOPCTXYSIJaeopcyxsijhdlYyHABEZHIKMNOPTYXo",
))


def latinise(text: str) -> str:
    """Replace Cyrillic and Greek letters that look like Latin ones: ``latinise("Аstana") == "Astana"``."""
    return "".join(_LOOKALIKES.get(ch, ch) for ch in text)


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name.startswith(("CYRILLIC", "GREEK")) else ""


def texts_in(value: Any) -> list[str]:
    """The texts a learner's answer holds: the text itself, the items of a list, set or tuple
    (at most :data:`MAX_ITEMS`), or a DataFrame's column names."""
    pd = sys.modules.get("pandas")
    if isinstance(value, str):
        return [str.__str__(value)[:MAX_TEXT]]
    for kind in (list, tuple, set, frozenset):
        if isinstance(value, kind):
            if kind.__len__(value) > MAX_ITEMS:
                return []
            return [str.__str__(item)[:MAX_TEXT] for item in kind.__iter__(value) if isinstance(item, str)]
    if pd is not None and isinstance(value, pd.DataFrame) and len(value.columns) <= MAX_ITEMS:
        return [str.__str__(c)[:MAX_TEXT] for c in value.columns if isinstance(c, str)]
    return []


def script_problem(texts: str | Iterable[str]) -> str:
    """A sentence naming Cyrillic or Greek letters in texts where Latin ones are expected, else ``""``.

    >>> print(script_problem(["Китай"]))
    Your answer is written in Cyrillic letters (such as 'и'); the answers here use Latin letters: switch the keyboard to the English (Latin) layout.
    """
    if isinstance(texts, str):
        texts = [texts]
    found: dict[str, str] = {}
    for text in texts:
        for ch in text:
            if ord(ch) > 0x36F and ch not in found and _script(ch):
                found[ch] = _LOOKALIKES.get(ch, "")
    if not found:
        return ""
    script = _script(next(iter(found))).capitalize()
    alike = {ch: latin for ch, latin in found.items() if latin}
    layout = "switch the keyboard to the English (Latin) layout"
    if alike and len(alike) == len(found):
        pairs = list(alike.items())[:3]
        if len(pairs) == 1:
            ch, latin = pairs[0]
            return (f"Your answer contains the {script} letter '{ch}' where the Latin '{latin}' is expected "
                    f"(they look alike): {layout} and type it again.")
        return (f"Your answer contains {script} letters where Latin ones are expected (they look alike): "
                + ", ".join(f"'{ch}' for '{latin}'" for ch, latin in pairs) + f". {layout.capitalize()} "
                "and type it again.")
    example = next(ch for ch in found if not found[ch]) if len(alike) < len(found) else next(iter(found))
    return (f"Your answer is written in {script} letters (such as '{example}'); the answers here use "
            f"Latin letters: {layout}.")


def full_width_note(texts: Iterable[str]) -> str:
    """A note when texts hold full-width forms (``Ａｓｔａｎａ``), which the engine reads as ordinary
    letters, the way Python reads full-width letters in names; else ``""``."""
    for text in texts:
        if any(unicodedata.east_asian_width(ch) == "F" for ch in text):
            return ("Your text uses full-width characters (as typed with a Chinese or Japanese input method); "
                    "they were read as ordinary ones, but in code type them in half-width (English) mode.")
    return ""


# ---------------------------------------------------------------------------
# Display objects
# ---------------------------------------------------------------------------

_STYLE = {  # status -> (mark, word, accent); marks that common fonts such as DejaVu Sans carry
    "correct": ("✓", "Correct", style.GOOD),
    "wrong": ("✗", "Not yet", style.BAD),
    "invalid": ("✗", "Check your input", style.BAD),
    "unanswered": ("○", "Not answered yet", style.TEXT),
    "error": ("⚠", "Course problem", style.BAD),
    "hint": ("☛", "", "#1565c0"),
    "solution": ("☑", "", "#6a1b9a"),
    "prompt": ("✎", "", "#37474f"),
    "progress": ("☰", "", "#37474f"),
}
"""Every status has a word as well as a symbol and a colour, so none relies on colour alone. Text
colours come from :mod:`crossroads.style` (at least 4.5:1 on white); the accent of the other kinds
only colours the border, a graphic (3:1 is WCAG's bar for those)."""

BACKGROUND = "#ffffff"
"""Feedback boxes are white, so every text colour keeps the contrast :mod:`crossroads.style` measures."""


def _inline_html(text: str) -> str:
    """Escape text for HTML and turn `code` spans into <code> elements."""
    escaped = html.escape(text, quote=True)
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)


class _Display:
    """A block of text shown as a cell's result: a title line, body lines and optional code."""

    status = "prompt"

    lead = ""  # the status in words ("q1 — Not yet:"), shown before the title in the status colour

    def __init__(self, title: str, lines: Sequence[str] = (), code: str = "", after: Sequence[str] = ()) -> None:
        self.title = title
        self.lines = [line for line in lines if line]
        self.code = code
        self.after = [line for line in after if line]

    def __repr__(self) -> str:
        mark = _STYLE[self.status][0]
        parts = [f"{mark} {self.lead} {self.title}" if self.lead else f"{mark} {self.title}", *self.lines]
        if self.code:
            parts += ["", self.code, ""]
        return "\n".join(parts + self.after).rstrip("\n")

    __str__ = __repr__

    def _repr_html_(self) -> str:
        mark, _, accent = _STYLE[self.status]
        head = (f'<strong style="color:{accent}">{mark} {_inline_html(self.lead)}</strong> {_inline_html(self.title)}'
                if self.lead else f"<strong>{mark} {_inline_html(self.title)}</strong>")
        body = "".join(f'<div style="margin-top:4px">{_inline_html(line)}</div>' for line in self.lines)
        if self.code:
            body += (
                f'<pre style="margin:6px 0 0 0;padding:6px;background:{BACKGROUND};color:{style.TEXT};'
                f'border:1px solid #dddddd;white-space:pre-wrap">{html.escape(self.code)}</pre>'
            )
        body += "".join(f'<div style="margin-top:4px">{_inline_html(line)}</div>' for line in self.after)
        return (
            f'<div class="tex2jax_ignore mathjax_ignore" style="border-left:4px solid {accent};'
            f'background:{BACKGROUND};color:{style.TEXT};padding:6px 10px;margin:4px 0;font-family:sans-serif;'
            f'line-height:1.4"><div>{head}</div>{body}</div>'
        )


class Feedback(_Display):
    """The result of ``check()``; true when the answer is correct.

    >>> bool(Feedback("q1", "correct", "13 years."))
    True
    """

    def __init__(self, qid: str, status: str, message: str, more: Sequence[str] = ()) -> None:
        self.qid, self.status, self.message = qid, status, message
        self.trapped = False  # True when the answer was one of the question's traps
        self.lead = f"{qid} — {_STYLE[status][1]}:"
        super().__init__(message, more)

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def __bool__(self) -> bool:
        return self.correct


class Hint(_Display):
    """A hint shown by ``hint()``."""

    status = "hint"


class Solution(_Display):
    """A solution shown by ``solution()``: ``code`` (the solved answer cell) and ``explanation``."""

    status = "solution"

    def __init__(self, qid: str, code: str, explanation: str) -> None:
        self.qid, self.explanation = qid, explanation
        super().__init__(f"Solution to {qid}", [], code, [explanation])


class Prompt(_Display):
    """A question's prompt, shown by ``prompt()`` or by displaying the question itself."""

    status = "prompt"


class Progress(_Display):
    """A lesson's progress table, shown by ``progress()``."""

    status = "progress"

    def __init__(self, title: str, rows: Sequence[tuple[str, str, str]]) -> None:
        self.rows = list(rows)
        marks = {"solved": "✓", "attempted": "✗", "untouched": "○"}
        lines = [f"{marks[status]} {qid:<4} {status:<9}  {label}" for qid, status, label in self.rows]
        super().__init__(title, lines)

    def _repr_html_(self) -> str:
        mark, _, accent = _STYLE[self.status]
        colours = {"solved": style.GOOD, "attempted": style.BAD, "untouched": style.MUTED_TEXT}
        marks = {"solved": "✓", "attempted": "✗", "untouched": "○"}
        rows = "".join(
            f'<tr><td style="color:{colours[status]};padding:2px 8px">{marks[status]}</td>'
            f'<td style="padding:2px 8px"><code>{html.escape(qid)}</code></td>'
            f'<td style="padding:2px 8px;color:{colours[status]}">{status}</td>'
            f'<td style="padding:2px 8px;text-align:left">{_inline_html(label)}</td></tr>'
            for qid, status, label in self.rows
        )
        return (
            f'<div class="tex2jax_ignore mathjax_ignore" style="border-left:4px solid {accent};'
            f'background:{BACKGROUND};color:{style.TEXT};padding:6px 10px;margin:4px 0;font-family:sans-serif">'
            f'<strong>{mark} {_inline_html(self.title)}</strong>'
            f'<table style="margin-top:4px;border-collapse:collapse">{rows}</table></div>'
        )
