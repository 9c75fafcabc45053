"""Reading answers out of a learner's kernel as plain data, and what a notebook's outputs show.

The kernel side (:func:`extraction_code`) turns each ``answer_qN`` value into tagged JSON made
of ASCII only (texts are hex-encoded): numbers, texts, lists, tuples, sets, dicts, numpy
scalars and 1-d arrays, pandas Series and DataFrames (records and columns). Anything else
becomes ``["other", type name]``: it cannot be graded. Only exact built-in types are read,
so an object with an always-true ``__eq__`` or a never-ending ``__iter__`` is not graded.
The grader side (:func:`decode`) rebuilds plain values from that text and never runs code.

A learner who controls the kernel could forge this text, but only with values they could
have assigned to ``answer_qN`` themselves; the verdict is computed in the grader.

>>> values = decode(_encode_here({"answer_q1": [13, "Astana", {1.5}]}))
>>> values["answer_q1"]
[13, 'Astana', {1.5}]
"""
from __future__ import annotations

import json
import re
from typing import Any

MAX_PAYLOAD = 8_000_000  # characters of tagged JSON per extraction
OTHER = "other"

# Runs in the kernel with fresh globals: __builtins__ (the builtins module), ns (the user
# namespace), names (variables to read), out (a dict that receives the result text).
_KERNEL_SOURCE = r'''
import sys as _sys
np, pd = _sys.modules.get("numpy"), _sys.modules.get("pandas")
ITEMS, TEXT, DEPTH, BUDGET = 10000, 100000, 6, 4000000
used = [0]

def hexs(s):
    return '"' + str.encode(s, "utf-8", "surrogatepass").hex() + '"'

def tag(t, *parts):
    text = '["' + t + '"' + "".join("," + p for p in parts) + "]"
    used[0] += len(text)
    if used[0] > BUDGET:
        raise MemoryError("answers too large to read")
    return text

def other(why):
    return tag("other", hexs(why))

def seq(values, depth):
    return "[" + ",".join(enc(x, depth + 1) for x in values) + "]"

def enc(v, depth=0):
    t = type(v)
    if v is None:
        return tag("none")
    if v is Ellipsis:
        return tag("ellipsis")
    if t is bool:
        return tag("bool", "true" if v else "false")
    if t is int:
        return tag("int", '"' + int.__repr__(v) + '"') if -10**4000 < v < 10**4000 else other("a huge whole number")
    if t is float:
        return tag("float", '"' + float.__repr__(v) + '"')
    if t is str:
        return tag("str", hexs(v)) if len(v) <= TEXT else other("a text of %d characters" % len(v))
    if t in (list, tuple, set, frozenset, dict):
        if depth >= DEPTH:
            return other("a collection nested too deeply")
        if len(v) > ITEMS:
            return other("a collection of %d items" % len(v))
        if t is dict:
            return tag("dict", "[" + ",".join("[" + enc(k, depth + 1) + "," + enc(x, depth + 1) + "]"
                                               for k, x in dict.items(v)) + "]")
        items = [enc(x, depth + 1) for x in v]
        if t in (set, frozenset):
            items.sort()
        return tag(t.__name__, "[" + ",".join(items) + "]")
    if np is not None and isinstance(v, np.generic):
        if isinstance(v, np.bool_):
            return enc(bool(v), depth)
        if isinstance(v, np.integer):
            return enc(int(v), depth)
        if isinstance(v, np.floating):
            return enc(float(v), depth)
    if np is not None and t is np.ndarray:
        if v.ndim == 1 and v.size <= ITEMS:
            return tag("ndarray", seq(v.tolist(), depth))
        return other("a numpy array of shape %r" % (tuple(int(n) for n in v.shape),))
    if pd is not None and t is pd.Series and len(v) <= ITEMS:
        return tag("series", seq(v.tolist(), depth))
    if pd is not None and t is pd.DataFrame:
        if v.size > 10 * ITEMS or v.shape[1] > 200:
            return other("a DataFrame of %d rows and %d columns" % v.shape)
        index = [n for n in v.index.names if n is not None]
        frame = v.reset_index() if index else v
        kinds = ",".join('"' + dt.kind + '"' for dt in frame.dtypes.tolist())
        return tag("dataframe", seq(frame.columns.tolist(), depth), "[" + kinds + "]", seq(index, depth),
                   "[" + ",".join(seq(row, depth) for row in frame.to_numpy(dtype=object).tolist()) + "]")
    return other(t.__name__ if isinstance(t.__name__, str) else "object")

def plain_text(x):
    return x if type(x) is str and len(x) <= TEXT else ""

def plain_ids(xs):
    return [x for x in xs if type(x) is str][:50] if type(xs) is list else []

def shown(e):
    # a piece of evidence as [kind, title]: only its type is looked at, never its methods
    t = type(e)
    n, m = type.__getattribute__(t, "__name__"), type.__getattribute__(t, "__module__")
    if n == "Chart" and m == "crossroads.charts" or n == "Map" and str.startswith(str(m), "crossroads.maps"):
        d = object.__getattribute__(e, "__dict__")
        return ["chart" if n == "Chart" else "map", plain_text(dict.get(d, "title", ""))]
    if pd is not None and t in (pd.DataFrame, pd.Series):
        return ["table" if len(e) else "empty table", ""]
    if t is int or t is float and v_ok(e) or np is not None and isinstance(e, np.number):
        return ["number", ""]
    if t is str:
        return ["figure in words" if any(c.isdigit() for c in e) else "text without a figure", ""]
    return ["other " + str(n), ""]

def v_ok(x):
    return x == x

def brief(v):
    # a Brief's form as plain data: its texts, source ids and the kinds of its evidence
    d = object.__getattribute__(v, "__dict__")
    claims = []
    for c in (dict.get(d, "claims") or [])[:20]:
        cd = object.__getattribute__(c, "__dict__")
        evidence = dict.get(cd, "evidence") if type(dict.get(cd, "evidence")) is list else []
        claims.append([plain_text(dict.get(cd, "text")), [shown(e) for e in evidence[:20]],
                       plain_ids(dict.get(cd, "sources"))])
    counter = dict.get(d, "counter")
    if counter is not None:
        cd = object.__getattribute__(counter, "__dict__")
        answers = [a for a in (dict.get(cd, "answers") or []) if type(a) is int][:20]
        counter = [plain_text(dict.get(cd, "text")), plain_ids(dict.get(cd, "sources")), answers]
    attached = dict.get(d, "attachments") if type(dict.get(d, "attachments")) is list else []
    return {"question": plain_text(dict.get(d, "question")), "claims": claims, "counter": counter,
            "recommendation": plain_text(dict.get(d, "recommendation_text")),
            "limits": plain_text(dict.get(d, "limits_text")), "attachments": [shown(e) for e in attached[:20]]}

parts = []
for name in names:
    if dict.__contains__(ns, name):
        try:
            parts.append(hexs(name) + ":" + enc(dict.__getitem__(ns, name)))
        except BaseException as err:
            parts.append(hexs(name) + ":" + '["other",' + hexs("could not be read (%s)" % type(err).__name__) + "]")
found = 0
for name in list(dict.keys(ns)):
    v = dict.__getitem__(ns, name)
    t = type(v)
    if (type(name) is str and not str.startswith(name, "_") and found < 5
            and type.__getattribute__(t, "__name__") == "Brief"
            and type.__getattribute__(t, "__module__") == "crossroads.brief"):
        found += 1
        try:
            parts.append(hexs("brief:" + name) + ":" + tag("brief", enc(brief(v), 1)))
        except BaseException as err:
            parts.append(hexs("brief:" + name) + ":" + '["other",' + hexs("could not be read (%s)"
                                                                         % type(err).__name__) + "]")
out["text"] = marker + "{" + ",".join(parts) + "}" + marker
'''


def extraction_code(names: list[str], marker: str, token: str) -> tuple[str, str]:
    """Code to run silently in the kernel, and the expression whose value is the result text.

    >>> code, expression = extraction_code(["answer_q1"], "M1", "abc")
    >>> expression
    "_crossroads_answers_abc['text']"
    """
    holder = f"_crossroads_answers_{token}"
    code = (f"{holder} = {{}}\n"
            f"__import__('builtins').exec({_KERNEL_SOURCE!r}, {{'__builtins__': __import__('builtins'), "
            f"'ns': globals(), 'names': {names!r}, 'out': {holder}, 'marker': {marker!r}}})")
    return code, f"{holder}['text']"


_SAFE = re.compile(r"[0-9A-Za-z_\-+.\"'\[\]{},:]*")


def unwrap(text_plain: str, marker: str) -> str | None:
    """The tagged JSON inside a kernel's ``text/plain`` reply, or None if it is not ours.

    >>> unwrap("'M{}M'", "M")
    '{}'
    """
    if not isinstance(text_plain, str) or len(text_plain) > MAX_PAYLOAD or not _SAFE.fullmatch(text_plain):
        return None
    inner = text_plain[1:-1] if len(text_plain) >= 2 and text_plain[0] == text_plain[-1] == "'" else ""
    if not (inner.startswith(marker) and inner.endswith(marker) and len(inner) >= 2 * len(marker)):
        return None
    return inner[len(marker):len(inner) - len(marker)]


class CannotGrade:
    """A value that was not read: ``why`` says what it was ("an object of type Foo").

    >>> CannotGrade("generator")
    CannotGrade('generator')
    """

    def __init__(self, why: str) -> None:
        self.why = why

    def __repr__(self) -> str:
        return f"CannotGrade({self.why!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CannotGrade) and other.why == self.why


class BriefForm(dict):
    """A learner's ``Brief`` read out as plain data (texts, source ids, kinds of evidence), for form checks."""


def decode(payload: str) -> dict[str, Any]:
    """Rebuild ``{variable: value}`` from tagged JSON; unreadable values become :class:`CannotGrade`.

    Raises ``ValueError`` when the text is not tagged JSON at all.

    >>> decode('{"616e737765725f7131":["int","13"]}')
    {'answer_q1': 13}
    """
    try:
        raw = json.loads(payload)
    except (ValueError, RecursionError) as err:
        raise ValueError(f"not readable: {type(err).__name__}") from None
    if not isinstance(raw, dict):
        raise ValueError("not readable: expected an object")
    values = {}
    for key, tagged in raw.items():
        try:
            values[_text(key)] = _value(tagged)
        except (ValueError, TypeError, IndexError, KeyError, RecursionError, OverflowError) as err:
            values[_text(key)] = CannotGrade(f"could not be read ({type(err).__name__})")
    return values


def _text(hexed: Any) -> str:
    if not isinstance(hexed, str):
        raise TypeError("text expected")
    return bytes.fromhex(hexed).decode("utf-8", "replace")


_KINDS = {"i": "int64", "u": "uint64", "f": "float64", "b": "bool"}


def _value(tagged: Any) -> Any:
    if not isinstance(tagged, list) or not tagged or not isinstance(tagged[0], str):
        raise TypeError("tagged value expected")
    kind, args = tagged[0], tagged[1:]
    if kind == "none":
        return None
    if kind == "ellipsis":
        return Ellipsis
    if kind == "bool":
        if not isinstance(args[0], bool):
            raise TypeError("boolean expected")
        return args[0]
    if kind == "int":
        if not isinstance(args[0], str) or not re.fullmatch(r"-?\d{1,4001}", args[0]):
            raise ValueError("whole number expected")
        return int(args[0])
    if kind == "float":
        if not isinstance(args[0], str) or len(args[0]) > 40:
            raise ValueError("number expected")
        return float(args[0])
    if kind == "str":
        return _text(args[0])
    if kind == OTHER:
        return CannotGrade(_text(args[0]))
    if kind in ("list", "tuple", "set", "frozenset", "ndarray", "series"):
        items = [_value(item) for item in _items(args[0])]
        inner = next((item for item in items if isinstance(item, CannotGrade)), None)
        if inner is not None:
            return CannotGrade(f"a {kind} holding {inner.why}")
        if kind in ("set", "frozenset"):
            if any(isinstance(item, (list, dict, set, CannotGrade)) for item in items):
                return CannotGrade(f"a {kind} of unreadable items")
            return (set if kind == "set" else frozenset)(items)
        if kind == "ndarray":
            import numpy as np

            return np.array(items)
        if kind == "series":
            import pandas as pd

            return pd.Series(items, dtype=object if not items else None)
        return tuple(items) if kind == "tuple" else items
    if kind == "dict":
        pairs = [(_value(k), _value(v)) for k, v in (_pair(p) for p in _items(args[0]))]
        if any(isinstance(k, (list, dict, set, CannotGrade)) or isinstance(v, CannotGrade) for k, v in pairs):
            return CannotGrade("a dict with unreadable keys or values")
        return dict(pairs)
    if kind == "dataframe":
        return _frame(*args[:4])
    if kind == "brief":
        form = _value(args[0])
        return BriefForm(form) if isinstance(form, dict) else CannotGrade("a brief that could not be read")
    raise ValueError(f"unknown kind {kind[:20]!r}")


def _items(value: Any) -> list:
    if not isinstance(value, list):
        raise TypeError("list expected")
    return value


def _pair(value: Any) -> tuple:
    if not isinstance(value, list) or len(value) != 2:
        raise TypeError("pair expected")
    return value[0], value[1]


def _cell(tagged: Any) -> Any:
    value = _value(tagged)
    return value.why if isinstance(value, CannotGrade) else value


def _frame(columns: Any, kinds: Any, index: Any, rows: Any) -> Any:
    import pandas as pd

    names = [_cell(c) for c in _items(columns)]
    if any(isinstance(n, (list, dict, set)) for n in names):
        return CannotGrade("a DataFrame with unusual column names")
    body = [[_cell(v) for v in _items(row)] for row in _items(rows)]
    if any(len(row) != len(names) for row in body):
        raise ValueError("ragged table")
    frame = pd.DataFrame(body, columns=names) if body else pd.DataFrame(columns=names)
    kinds = _items(kinds)
    if len(set(map(str, names))) == len(names) and len(kinds) == len(names):
        for name, kind in zip(names, kinds):
            if kind in _KINDS:
                try:
                    frame[name] = frame[name].astype(_KINDS[kind])
                except (ValueError, TypeError):
                    pass
    index = [_cell(n) for n in _items(index)]
    if index and all(n in names for n in index):
        frame = frame.set_index(index)
    return frame


def _encode_here(namespace: dict[str, Any], marker: str = "") -> str:
    """Run the kernel-side encoder in this process (for tests and examples)."""
    out: dict[str, str] = {}
    exec(_KERNEL_SOURCE, {"__builtins__": __import__("builtins"), "ns": namespace, "names": list(namespace),
                          "out": out, "marker": marker})
    return out["text"][len(marker):len(out["text"]) - len(marker)]


# ---------------------------------------------------------------------------
# What the stored outputs show: hints and solutions opened
# ---------------------------------------------------------------------------

_HINT = re.compile(r"Hint (\d+) of \d+ for (q\d+[a-z]?)\b")
_SOLUTION = re.compile(r"Solution to (q\d+[a-z]?)\b")


def help_seen(cells: list) -> tuple[dict[str, int], list[str]]:
    """Hints (highest number shown, per question) and solutions visible in cells' outputs.

    Looks at the first line of each ``text/plain`` output, as the engine's ``hint()`` and
    ``solution()`` display them.

    >>> import nbformat
    >>> cell = nbformat.v4.new_code_cell("ex.q1.solution()")
    >>> cell.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "☑ Solution to q1"})]
    >>> help_seen([cell])
    ({}, ['q1'])
    """
    hints: dict[str, int] = {}
    solutions: list[str] = []
    for cell in cells:
        if cell.get("cell_type") != "code":
            continue
        for output in cell.get("outputs", []) or []:
            if not isinstance(output, dict):
                continue
            text = (output.get("data") or {}).get("text/plain", "") if isinstance(output.get("data"), dict) else ""
            text = "".join(text) if isinstance(text, list) else text
            if not isinstance(text, str):
                continue
            first = text[:200].split("\n", 1)[0]
            hint, solution = _HINT.search(first), _SOLUTION.search(first)
            if hint:
                hints[hint.group(2)] = max(hints.get(hint.group(2), 0), int(hint.group(1)))
            if solution and solution.group(1) not in solutions:
                solutions.append(solution.group(1))
    return hints, solutions


_KEY_QUESTION = re.compile(r"\b(q\d+[a-z]?)\s*\.\s*(?:solution|expected|_expected|_answer|code)\b")
_KEY_ANY = re.compile(r"\b(?:solutions_text|instructor|answer_text)\b|\bexec\s*\(|\bsolve\s*\(|"
                      r"\.\s*(?:expected|_expected|_answer)\b|\bq\w*\s*\.\s*code\b|crossroads\s+solve")


def key_use(cells: list) -> tuple[list[str], bool]:
    """Questions whose answer key the cells' code reads, and whether some code reads it generally.

    >>> import nbformat
    >>> key_use([nbformat.v4.new_code_cell("answer_q2 = ex.q2.expected")])
    (['q2'], True)
    """
    qids: list[str] = []
    general = False
    for cell in cells:
        source = cell.get("source", "") if cell.get("cell_type") == "code" else ""
        source = "".join(source) if isinstance(source, list) else str(source)
        for match in _KEY_QUESTION.finditer(source):
            if match.group(1) not in qids:
                qids.append(match.group(1))
        general = general or bool(_KEY_ANY.search(source))
    return qids, general
