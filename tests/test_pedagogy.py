"""Pedagogy checks for every lesson notebook (run one lesson with ``-k 02``).

(a) **No answer above its exercise.** For each question, its *window* is every cell after the
    previous exercise's answer cell up to and including its own answer cell, plus the prompt of the
    next exercise (a learner reads it while still working on this one). No markdown and no stored
    output in the window may state the answer. The question's own prompt and its own answer cell
    are left out (the prompt lists the options by design). The detector derives "tells" from the
    question itself:

    - numbers: every number written in the window (``1,599``, ``1599``, ``-123``, ``123 BCE``,
      ``29 %``, ``0.5 million``, ``5e8``) within the question's tolerance of the answer; a value
      below 1,000 counts only when the question's unit follows it (``13 years``, ``9 days``,
      ``60 %``), so that a stray "13" or "9 May" is not taken for an answer;
    - texts: the correct option of a choice (or an item of a set) written out in full when it has at
      least three words, or a sentence holding at least three of its distinctive words (those no
      wrong option has) and three quarters of them;
    - sets: one sentence naming every item, or both ends of a run of consecutive years;
    - hand-written tells (``TELLS`` below) where the answer is a single word or a judgement that
      the generic rules cannot see; each has its reason. Source-criticism tells are also searched
      in every earlier lesson: the course must not solve a critique before the learner meets it.

(b) **Question ids in notebook order**: the first ``ex.qN.check`` a learner meets is q1, then q2, …
(c) **Every lesson links the glossary** (``GLOSSARY.md``) in a markdown cell.
(d) **Hints point to the method, never to the literal answer**: no hint writes the answer's number
    or an arithmetic expression of plain numbers that evaluates to it, nor the full text of the
    correct option.

To try the detector on another copy of the lessons (say, an old commit's), set
``CROSSROADS_LESSONS=/path/to/dir`` (and ``PYTHONPATH`` to that commit's ``src``). Run on commit 13a535a,
before the content revision, it failed on every leak the content review (4.2) and the novice walkthrough
(recommendation 7) list: 01 q8/q9 (and lesson 00's Nur-Sultan note), 02 q1/q6/q10, 03 q2/q7, 03 q10 (lesson 00's
"four trillion tons" note), 04 q1/q5/q6/q8, and the "123 BCE" option under 01 q2; plus the question order of
lessons 01, 02 and 04, the missing glossary links, and the hints that computed 00 q1, 01 q1/q2 and 03 q5.
"""
from __future__ import annotations

import ast
import functools
import importlib
import json
import math
import operator
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest

LESSONS_DIR = Path(os.environ.get("CROSSROADS_LESSONS", Path(__file__).resolve().parents[1] / "lessons"))
LESSONS = sorted(LESSONS_DIR.glob("[0-9][0-9]_*.ipynb"))

STOPWORDS = set("""a an the and or of to in on at by for from with without into onto as is are was were be been it its
its this that these those which who whom than then there their they them he she his her we our you your not no
but so if one two three all any each more most less over under about across through between""".split())


@dataclass
class Ordered:
    """A tell made of several patterns that must all occur, in this order, in the window's text."""

    patterns: list[str]


@dataclass
class Tell:
    """A hand-written sign that a text gives the answer away, with the reason it is one."""

    pattern: str | Ordered
    reason: str
    course_wide: bool = False  # also search every earlier lesson (for source criticism)


# Hand-written tells: answers a generic rule cannot recognise. Key: (lesson, question id).
TELLS: dict[tuple[str, str], list[Tell]] = {
    ("00", "q2"): [Tell(r"launch\w*[^.]{0,80}\bAstana|\bAstana[^.]{0,40}\blaunch",
                        "a one-word answer: a sentence placing the launch in Astana states it")],
    ("01", "q9"): [Tell(r"posted[^.]{0,120}Nur.Sultan|Nur.Sultan[^.]{0,120}(posted|really written|when the text was)",
                        "the critique's conclusion (a stale name dates the text before its posting)",
                        course_wide=True)],
    ("02", "q1"): [Tell(r"China shares (exactly|only|just) one|only the SCO|SCO is the only",
                        "a one-item answer stated as a count or as 'only'")],
    ("03", "q2"): [Tell(r"Aktau[^.]{0,60}(crosses|across) the Caspian|Caspian to Baku",
                        "the direction of the corridor's oil leg, stated in words")],
    ("03", "q7"): [Tell(r"Line D[^.]{0,120}(Xi|China)[^.]{0,40}(favours|favors|prefers)|"
                        r"(Xi|China)[^.]{0,40}(favours|favors|prefers)[^.]{0,40}Line D",
                        "src-004's verdict on which line Xi prefers")],
    ("03", "q10"): [Tell(r"(impossible|cannot be right|absurd|too large|wrong unit)[^.]{0,80}four trillion|"
                         r"four trillion[^.]{0,80}(impossible|cannot be right|absurd|wrong unit)",
                         "the flawed figure named as flawed", course_wide=True)],
    ("04", "q1"): [Tell(Ordered([r"online|25 January 2022", r"September 2022|state visit to Kazakhstan",
                                 r"October 2022", r"March 2023", r"9 May|Victory Day", r"Xi.an",
                                 r"9 November|November 2023"]),
                        "a narrative that walks through the seven meetings in order")],
    ("04", "q5"): [Tell(r"\b7\.\d\s*months|\bseven months|\b21\d\s*days",
                        "the length of the lead, which decides the option")],
    ("04", "q6"): [Tell(r"all five Central Asian[^.]{0,80}(so does|and) Xi.an|Xi.an[^.]{0,40}all five",
                        "who was in Xi'an, stated in words")],
    ("04", "q8"): [Tell(r"(calls|called)[^.]{0,40}presidents[^.]{0,20}.premiers|premiers.[^.]{0,60}(presidents|wrong office)",
                        "the critique's flaw (presidents called premiers) stated", course_wide=True)],
}

# Questions where a generic rule would flag text that does not give the answer away.
ALLOWED: dict[tuple[str, str], str] = {
}


# --------------------------------------------------------------------------- reading notebooks


@dataclass
class Cell:
    index: int
    kind: str
    source: str
    text: str  # what a learner reads: markdown, or the code cell's stored text output
    checks: list[str] = field(default_factory=list)   # question ids checked in this cell
    prompts: list[str] = field(default_factory=list)  # question ids prompted in this cell
    answer_of: str | None = None                      # question whose answer cell this is


def _output_text(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            text = out.get("text", "")
            parts.append(text if isinstance(text, str) else "".join(text))
        elif "data" in out:
            plain = out["data"].get("text/plain", "")
            parts.append(plain if isinstance(plain, str) else "".join(plain))
    return "\n".join(parts)


@functools.lru_cache(maxsize=None)
def read_cells(path: Path) -> list[Cell]:
    """The notebook's cells as :class:`Cell` objects, in order (read as JSON: validation is slow)."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    cells = []
    for i, c in enumerate(nb["cells"]):
        c.setdefault("source", "")
        source = c["source"] if isinstance(c["source"], str) else "".join(c["source"])
        c["cell_type"] = c.get("cell_type")
        # outputs are read line by line (a table row is not a sentence that runs on into the next)
        text = source if c["cell_type"] == "markdown" else "\n\n".join(_output_text(c).splitlines())
        cell = Cell(i, c["cell_type"], source, text)
        if c["cell_type"] == "code":
            cell.checks = re.findall(r"\bex\.(q\d+)\.check\(", source)
            cell.prompts = re.findall(r"\bex\.(q\d+)\.prompt\(", source)
            meta = c.get("metadata", {}).get("crossroads", {})
            answer = re.search(r"\bex\.(q\d+)\.check\(answer_\1\)", source)
            if isinstance(meta, dict) and isinstance(meta.get("question"), str):
                cell.answer_of = meta["question"]
            elif answer:
                cell.answer_of = answer.group(1)
        cells.append(cell)
    return cells


def lesson_number(path: Path) -> str:
    return path.name[:2]


def lesson_module(number: str):
    return importlib.import_module(f"crossroads.exercises.lesson{number}")


def windows(cells: list[Cell]) -> dict[str, list[Cell]]:
    """For each question, the cells a learner has read when they answer it (see module docstring)."""
    answer_cells = [c for c in cells if c.answer_of]
    found: dict[str, list[Cell]] = {}
    start = 0
    for n, answer in enumerate(answer_cells):
        qid = answer.answer_of
        end = answer_cells[n + 1].index if n + 1 < len(answer_cells) else len(cells)
        window = [c for c in cells[start:answer.index] if qid not in c.prompts]
        following = next((c for c in cells[answer.index + 1:end] if c.prompts and qid not in c.prompts), None)
        if following is not None:
            window.append(following)
        found[qid] = window
        start = answer.index + 1
    return found


# --------------------------------------------------------------------------- text helpers


def _clean(text: str) -> str:
    text = text.replace("−", "-").replace("–", "-").replace("—", "-").replace("’", "'").replace("\u202f", " ")
    return re.sub(r"[*`_]", "", text)


def sentences(text: str) -> list[str]:
    """Split a cell's text into sentences (markdown) and lines (tables), cleaned of formatting."""
    out = []
    for block in re.split(r"\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.|#|\|))", _clean(text)):
        block = " ".join(block.split())
        out += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(\"'])", block) if s]
    return out


def _lines(text: str) -> list[str]:
    return [line for line in _clean(text).splitlines() if line.strip()]


_NUMBER = re.compile(
    r"(?<![\w.\-])(?P<sign>-)?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?(?:e(?P<exp>\d+))?"
    r"(?P<after>\s*(?:BCE|BC|million|billion|bn|trillion|thousand)\b)?")
_SCALE = {"million": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12, "thousand": 1e3}


def numbers_in(text: str) -> list[tuple[float, str]]:
    """Numbers written in ``text``, with the text that follows each one.

    >>> [v for v, _ in numbers_in("from 2019-2022, 1,108 miles, 123 BCE, 0.5 million, 5e8, src-001")]
    [2019.0, 2022.0, 1108.0, -123.0, 500000.0, 500000000.0]
    """
    text = re.sub(r"(\d)\s*-\s*(?=\d)", r"\1 to ", _clean(text))
    found = []
    for m in _NUMBER.finditer(text):
        value = float(m["int"].replace(",", "") + (m["frac"] or ""))
        if m["exp"]:
            value *= 10 ** int(m["exp"])
        after = (m["after"] or "").strip()
        if after in ("BCE", "BC"):
            value = -value
        elif after:
            value *= _SCALE[after]
        if m["sign"]:
            value = -value
        found.append((value, text[m.end():m.end() + 12]))
    return found


def _unit_pattern(unit: str) -> str | None:
    unit = unit.strip()
    if not unit:
        return None
    if unit == "%":
        return r"\s*(%|per ?cent)"
    words = unit.split()
    stem = re.escape(words[0].rstrip("s"))
    return rf"\s*{stem}"


def numeric_tells(question) -> list:
    """A function that finds the question's numeric answer in a text, or None if it is not numeric."""
    if question.kind != "numeric":
        return []
    expected = float(question.expected)
    tolerance = max(question.tolerance, abs(expected) * 1e-9, 1e-9)
    unit = _unit_pattern(question.unit)

    def close(value: float) -> bool:
        return math.isclose(value, expected, abs_tol=tolerance)

    def find(text: str) -> str | None:
        for sentence in sentences(text):
            for value, after in numbers_in(sentence):
                if not close(value):
                    continue
                if abs(expected) < 1000 and question.unit:
                    if not re.match(unit, after):
                        continue
                elif abs(expected) < 100 and not question.unit:
                    continue
                return sentence
        return None
    return [find]


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w%]+", " ", _clean(str(text)).casefold()).split())


def _content(text: str) -> set[str]:
    return {w for w in _norm(text).split() if len(w) > 2 and w not in STOPWORDS}


def text_tells(question) -> list:
    """Finders for the correct option's (or item's) text, where it is distinctive."""
    finders = []
    kind = question.kind
    if kind == "choice":
        answers = [question.expected]
        others = [o for o in question.options if _norm(o) != _norm(question.expected)]
    elif kind == "set":
        answers = list(question.expected.values()) if isinstance(question.expected, dict) else list(question.expected)
        others = [o for o in getattr(question, "options", None) or [] if o not in answers]
    else:
        return []
    wrong = [_norm(o) for o in others if len(_norm(o).split()) >= 2]
    wrong_words = [_content(o) - set().union(*map(_content, answers)) for o in others]

    def names_a_wrong_option(sentence: str) -> bool:  # a list naming the options is not an answer
        words = _content(sentence)
        return (any(f" {w} " in f" {_norm(sentence)} " for w in wrong)
                or any(len(w) >= 2 and len(w & words) >= 0.5 * len(w) for w in wrong_words))

    for answer in answers:
        norm = _norm(answer)
        if len(norm.split()) >= 3:
            finders.append(lambda text, norm=norm: next(
                (s for s in sentences(text) if f" {norm} " in f" {_norm(s)} " and not names_a_wrong_option(s)),
                None))
        if kind == "choice":
            distinctive = _content(answer) - set().union(*(map(_content, others))) if others else _content(answer)
            if len(distinctive) >= 3:
                def fuzzy(text, distinctive=distinctive):
                    for s in sentences(text):
                        hit = distinctive & _content(s)
                        if len(hit) >= 3 and len(hit) >= 0.75 * len(distinctive):
                            return s
                    return None
                finders.append(fuzzy)
    return finders


def set_tells(question) -> list:
    """Finders for a whole set named in one sentence (or a year range by its two ends)."""
    if question.kind != "set":
        return []
    items = list(question.expected.values()) if isinstance(question.expected, dict) else list(question.expected)
    if len(items) < 2:
        return []
    numeric = all(isinstance(i, (int, float)) or re.fullmatch(r"-?\d+", str(i)) for i in items)
    if numeric:
        values = sorted(int(i) for i in items)
        consecutive = values == list(range(values[0], values[-1] + 1))
        needed = {values[0], values[-1]} if consecutive and len(values) >= 3 else set(values)

        def find(text):
            for s in sentences(text):
                if needed <= {int(v) for v, _ in numbers_in(s) if v == int(v)}:
                    return s
            return None
        return [find]
    keys = [_norm(i) for i in items]
    return [lambda text: next((s for s in sentences(text)
                               if all(f" {k} " in f" {_norm(s)} " for k in keys)), None)]


def hand_tells(number: str, qid: str, course_wide_only: bool = False) -> tuple[list, list]:
    """Finders for the question's hand-written tells: (sentence finders, ordered finders)."""
    plain, ordered = [], []
    for tell in TELLS.get((number, qid), []):
        if course_wide_only and not tell.course_wide:
            continue
        if isinstance(tell.pattern, Ordered):
            def find(text, patterns=tell.pattern.patterns):
                text = _clean(text)
                position, start = 0, None
                for p in patterns:
                    m = re.compile(p, re.I).search(text, position)
                    if not m:
                        return None
                    start = m.start() if start is None else start
                    position = m.end()
                return text[start:position][:200]
            ordered.append(find)
        else:
            def find(text, pattern=tell.pattern):
                return next((s for s in sentences(text) + _lines(text) if re.search(pattern, s, re.I)), None)
            plain.append(find)
    return plain, ordered


def leaks(number: str, question, window: list[Cell], above: list[Cell] | None = None) -> list[str]:
    """Where the text gives the question's answer away: 'cell [k]: sentence'.

    Generic tells are searched in ``window``; hand-written tells, which are statements of the
    answer wherever they stand, in every cell ``above`` the answer cell (default: the window).
    """
    found = []
    plain, ordered = hand_tells(number, question.qid)
    generic = numeric_tells(question) + text_tells(question) + set_tells(question)
    for cells, finders in ((window, generic), (above if above is not None else window, plain)):
        for cell in cells:
            for find in finders:
                hit = find(cell.text)
                if hit:
                    found.append(f"cell [{cell.index}]: {hit[:160]}")
                    break
    joined = "\n\n".join(c.text for c in window if c.kind == "markdown")
    for find in ordered:
        hit = find(joined)
        if hit:
            found.append(f"the markdown above it, in order: {hit[:160]}")
    return sorted(set(found), key=found.index)


def course_wide_leaks(number: str, question) -> list[str]:
    """Source-criticism tells found in any earlier lesson."""
    finders, _ = hand_tells(number, question.qid, course_wide_only=True)
    found = []
    for path in LESSONS:
        if lesson_number(path) >= number:
            continue
        for cell in read_cells(path):
            if cell.answer_of:
                continue
            for find in finders:
                hit = find(cell.text)
                if hit:
                    found.append(f"lesson {lesson_number(path)} cell [{cell.index}]: {hit[:160]}")
    return found


# --------------------------------------------------------------------------- hints


_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
        ast.Pow: operator.pow, ast.USub: operator.neg, ast.UAdd: operator.pos}


def _evaluate(node):
    if isinstance(node, ast.Expression):
        return _evaluate(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_evaluate(node.left), _evaluate(node.right))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_evaluate(node.operand))
    raise ValueError("not plain arithmetic")


def expressions_in(text: str) -> list[float]:
    """Values of the arithmetic expressions of plain numbers written in ``text``.

    >>> expressions_in("Compute -138 + 13 + 2, or `(40 − 6 − 4) / 50`; 1,108 is a number.")
    [-123, 0.6]
    """
    text = _clean(text).replace("×", "*").replace("÷", "/")
    values = []
    for m in re.finditer(r"[-(]*\s*\d[\d.\s()+\-*/]*", text):
        candidate = m.group().strip().rstrip(".").strip()
        if not re.search(r"\d\s*[-+*/]\s*[-(]*\d", candidate):
            continue
        while candidate.count("(") > candidate.count(")") and candidate.startswith("("):
            candidate = candidate[1:]
        try:
            values.append(_evaluate(ast.parse(candidate, mode="eval")))
        except (SyntaxError, ValueError, ZeroDivisionError, TypeError):
            continue
    return values


def hint_leaks(question) -> list[str]:
    found = []
    finders = numeric_tells(question) + [f for f in text_tells(question)]
    for n, hint in enumerate(question.hints, 1):
        for find in finders:
            if find(hint):
                found.append(f"hint {n}: {hint[:160]}")
                break
        else:
            if question.kind == "numeric":
                expected = float(question.expected)
                tolerance = max(question.tolerance, abs(expected) * 1e-6, 1e-9)
                for value in expressions_in(hint):
                    scaled = [value, value * 100] if question.unit == "%" else [value]
                    if any(math.isclose(v, expected, abs_tol=tolerance) for v in scaled):
                        found.append(f"hint {n} computes the answer: {hint[:160]}")
                        break
    return found


# --------------------------------------------------------------------------- the tests

ids = [p.name[:2] for p in LESSONS]


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_no_answer_above_its_exercise(path):
    number = lesson_number(path)
    module = lesson_module(number)
    cells = read_cells(path)
    problems = []
    answer_index = {c.answer_of: c.index for c in cells if c.answer_of}
    for qid, window in windows(cells).items():
        if (number, qid) in ALLOWED:
            continue
        question = module.lesson[qid]
        above = [c for c in cells[:answer_index[qid]] if qid not in c.prompts]
        for where in leaks(number, question, window, above) + course_wide_leaks(number, question):
            problems.append(f"{number} {qid} answer given away in {where}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_question_ids_in_notebook_order(path):
    module = lesson_module(lesson_number(path))
    met = []
    for cell in read_cells(path):
        for qid in cell.checks:
            if qid not in met:
                met.append(qid)
    expected = [f"q{n}" for n in range(1, len(module.lesson) + 1)]
    assert met == expected, f"checks met in the order {met}; the learner should meet {expected}"
    assert [q.qid for q in module.lesson] == expected, "the lesson module lists its questions out of order"


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_lesson_links_the_glossary(path):
    markdown = [c.text for c in read_cells(path) if c.kind == "markdown"]
    assert any(re.search(r"\]\((\./)?GLOSSARY\.md(#[\w-]+)?\)", text) for text in markdown), \
        f"{path.name} has no [glossary](GLOSSARY.md) link"


@pytest.mark.parametrize("path", LESSONS, ids=ids)
def test_hints_point_to_the_method_not_the_answer(path):
    module = lesson_module(lesson_number(path))
    problems = [f"{lesson_number(path)} {q.qid} {where}" for q in module.lesson for where in hint_leaks(q)]
    assert not problems, "\n".join(problems)


def test_glossary_anchors_that_lessons_link_exist():
    glossary = (LESSONS_DIR / "GLOSSARY.md")
    if not glossary.exists():
        pytest.fail("lessons/GLOSSARY.md is missing")
    anchors = set(re.findall(r'<a id="([\w-]+)"', glossary.read_text(encoding="utf-8")))
    missing = []
    for path in LESSONS + [LESSONS_DIR / "INSTRUCTORS.md"]:
        if path.suffix == ".ipynb":
            text = "\n".join(c.text for c in read_cells(path) if c.kind == "markdown")
        else:
            text = path.read_text(encoding="utf-8")
        for anchor in re.findall(r"GLOSSARY\.md#([\w-]+)", text):
            if anchor not in anchors:
                missing.append(f"{path.name}: #{anchor}")
    assert not missing, "links to glossary terms that do not exist: " + ", ".join(missing)


# --------------------------------------------------------------------------- the detector itself


def _notebook(tmp_path, cells):
    nb = nbformat.v4.new_notebook()
    for kind, text in cells:
        if kind == "md":
            nb.cells.append(nbformat.v4.new_markdown_cell(text))
        else:
            cell = nbformat.v4.new_code_cell(kind)
            if text:
                cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]
            nb.cells.append(cell)
    path = tmp_path / f"99_demo_{len(list(tmp_path.iterdir()))}.ipynb"  # a new file each time (read_cells caches)
    nbformat.write(nb, path)
    return read_cells(path)


def _numeric(expected, unit="", tolerance=0.0):
    from crossroads.exercises.core import Numeric
    return Numeric("q1", "How many?", expected, unit=unit, tolerance=tolerance, hints=["Subtract."],
                   solution="answer_q1 = 0", explanation="src-001", why="w")


def test_detector_finds_numbers_in_their_written_forms(tmp_path):
    cells = _notebook(tmp_path, [("md", "The span is 1,599 years."), ("answer_q1 = ...\nex.q1.check(answer_q1)", "")])
    window = windows(cells)["q1"]
    assert leaks("99", _numeric(1599, "years"), window)
    bce = _notebook(tmp_path, [("md", "He came home in 123 BCE."), ("answer_q1 = ...\nex.q1.check(answer_q1)", "")])
    assert leaks("99", _numeric(-123), windows(bce)["q1"])
    assert not leaks("99", _numeric(123), windows(bce)["q1"])


def test_detector_needs_the_unit_for_small_numbers(tmp_path):
    cells = _notebook(tmp_path, [("md", "Victory Day is on 9 May."), ("answer_q1 = ...\nex.q1.check(answer_q1)", "")])
    assert not leaks("99", _numeric(9, "days"), windows(cells)["q1"])
    said = _notebook(tmp_path, [("print(x)", "The gap is 9 days.\n"), ("answer_q1 = ...\nex.q1.check(answer_q1)", "")])
    assert leaks("99", _numeric(9, "days"), windows(said)["q1"])
    percent = _notebook(tmp_path, [("md", "src-002 calls this 29 % growth."),
                                   ("answer_q1 = ...\nex.q1.check(answer_q1)", "")])
    assert leaks("99", _numeric(29.03, "%", 0.5), windows(percent)["q1"])


def test_detector_reads_the_next_prompt_but_not_the_text_after_the_answer(tmp_path):
    cells = _notebook(tmp_path, [
        ("md", "Zhang Qian set out in 138 BCE."),
        ("answer_q1 = ...\nex.q1.check(answer_q1)", ""),
        ("md", "After you answer: the earliest return is 123 BCE, later than the source's 125 BCE."),
        ("answer_q2 = ...\nex.q2.check(answer_q2)", ""),
    ])
    assert not leaks("99", _numeric(-123), windows(cells)["q1"])
    prompt_below = _notebook(tmp_path, [
        ("answer_q1 = ...\nex.q1.check(answer_q1)", ""),
        ("ex.q2.prompt()", "Options: 'Zhang Qian came home in 123 BCE', 'Something else'\n"),
        ("answer_q2 = ...\nex.q2.check(answer_q2)", ""),
    ])
    assert leaks("99", _numeric(-123), windows(prompt_below)["q1"])


def test_detector_finds_choice_texts_and_set_ranges(tmp_path):
    from crossroads.exercises.core import Choice, SetAnswer
    choice = Choice("q1", "What is his alternative?", "Greater integration with the Turkic countries",
                    options=["Greater integration with the Turkic countries", "A closer military alliance with Russia"],
                    hints=["h"], solution='answer_q1 = "x"', explanation="src-004", why="w")
    cells = _notebook(tmp_path, [("md", "His alternative is closer integration with the Turkic countries."),
                                 ("answer_q1 = ...\nex.q1.check(answer_q1)", "")])
    assert leaks("99", choice, windows(cells)["q1"])
    years = SetAnswer("q1", "Which years?", [2019, 2020, 2021, 2022], options=list(range(2013, 2025)),
                      hints=["h"], solution="answer_q1 = {1}", explanation="ref-wikidata", why="w")
    ranged = _notebook(tmp_path, [("md", "The city was called Nur-Sultan from 2019 to 2022."),
                                  ("answer_q1 = ...\nex.q1.check(answer_q1)", "")])
    assert leaks("99", years, windows(ranged)["q1"])
    table = _notebook(tmp_path, [("print(t)", "March 2019   renamed\nSeptember 2022   renamed back\n"),
                                 ("answer_q1 = ...\nex.q1.check(answer_q1)", "")])
    assert not leaks("99", years, windows(table)["q1"])


def test_hint_check_sees_literal_expressions():
    assert hint_leaks(_numeric(-123)) == []
    leaky = _numeric(-123)
    leaky.hints = ["Compute -138 + 13 + 2."]
    assert hint_leaks(leaky)
    method = _numeric(-123)
    method.hints = ["Add the years of captivity to the departure year: `departs + 13 + 2`."]
    assert not hint_leaks(method)
