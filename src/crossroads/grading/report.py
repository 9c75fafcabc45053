"""Grading results for instructors: a text table, CSV (safe in spreadsheets) and an HTML class report.

Names come from learners (file names), so every cell of the CSV that could start a formula
(``=``, ``+``, ``-``, ``@``, tab, CR) is prefixed with ``'``, and control characters
(terminal escapes) are replaced by ``?`` wherever a name is printed.

>>> csv_cell("=HYPERLINK(1)")
"'=HYPERLINK(1)"
>>> clean("red\\x1b[31m.ipynb")
'red?[31m.ipynb'
"""
from __future__ import annotations

import csv
import html
import io
import os
import re
from collections import Counter
from pathlib import Path
from typing import Iterable

from crossroads.grading import Grade, in_question_order

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
MARKS = {"correct": "✓", "wrong": "✗", "invalid": "!", "missing": "-", "error": "?"}
LEGEND = ("✓ correct, ✗ wrong, ! invalid (not an answer of the right kind), - missing, ? error "
          "(the course could not check it); errors lists cells (counted from 1) that raised an error.")


def clean(text: object) -> str:
    """Text with control characters (terminal escapes, bidi overrides) replaced by ``?``."""
    return _CONTROL.sub("?", str(text))


def csv_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return clean(text)


def csv_header(qcols: list[str]) -> list[str]:
    return ["notebook", "lesson", *qcols, "score", "total", "errors", "hints", "solutions", "note", "protections",
            "brief_form"]


def csv_row(row: Grade, qcols: list[str]) -> list[object]:
    """One CSV row: a status word per question (empty if the lesson has no such question)."""
    cells = [row.notebook, row.lesson or "", *[row.statuses.get(q, "") for q in qcols], row.score, row.total,
             " ".join(map(str, row.errors)), " ".join(f"{q}:{n}" for q, n in row.hints.items()),
             " ".join(row.solutions), row.note, "; ".join(row.protections),
             " | ".join(f"{name}: {text}" for name, text in row.briefs.items())]
    return [csv_cell(cell) for cell in cells]


def _columns(rows: list[Grade]) -> list[str]:
    return in_question_order(q for row in rows for q in row.statuses)


def format_csv(rows: list[Grade], qcols: list[str] | None = None) -> str:
    """The results as CSV: one row per notebook, a status word per question.

    >>> print(format_csv([Grade("+a.ipynb", "00", {"q1": "correct"})]).splitlines()[1])
    '+a.ipynb,00,correct,1,1,,,,,,
    """
    qcols = qcols if qcols is not None else _columns(rows)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(csv_header(qcols))
    for row in rows:
        writer.writerow(csv_row(row, qcols))
    return out.getvalue()


class Table:
    """The text table, printed a row at a time as notebooks finish.

    >>> table = Table(["a.ipynb"], ["q1"])
    >>> print(table.row(Grade("a.ipynb", "00", {"q1": "wrong"})))
    a.ipynb   00      ✗    0/1     -
    """

    def __init__(self, names: Iterable[str], qcols: list[str]) -> None:
        self.qcols = qcols
        self.width = max([len(clean(n)) for n in names] + [len("notebook")])

    def header(self) -> str:
        return "  ".join([ "notebook".ljust(self.width), "lesson", *[q.ljust(3) for q in self.qcols],
                           "score ", "errors", "note"]).rstrip()

    def row(self, row: Grade) -> str:
        marks = [MARKS.get(row.statuses.get(q, ""), "").ljust(3) for q in self.qcols]
        score = f"{row.score}/{row.total}" if row.total else "-"
        note = "; ".join([row.note] * bool(row.note) + [f"brief {n}: {t.split(':')[0]}" for n, t in row.briefs.items()])
        return "  ".join([clean(row.notebook).ljust(self.width), (row.lesson or "?").ljust(6), *marks,
                          score.ljust(6), (", ".join(map(str, row.errors)) or "-").ljust(6), clean(note)]).rstrip()

    def footer(self, rows: list[Grade]) -> str:
        lines = ["", LEGEND]
        protections = sorted({"; ".join(r.protections) for r in rows if r.protections})
        for text in protections:
            lines.append(f"Protections in force: {text}.")
        return "\n".join(lines)


def format_table(rows: list[Grade], qcols: list[str] | None = None) -> str:
    """The results as an aligned text table with a legend."""
    qcols = qcols if qcols is not None else _columns(rows)
    table = Table([r.notebook for r in rows], qcols)
    return "\n".join([table.header(), *(table.row(r) for r in rows), table.footer(rows)]) + "\n"


# ---------------------------------------------------------------------------
# HTML class report
# ---------------------------------------------------------------------------

_CSS = """body{font-family:sans-serif;margin:24px;color:#222;max-width:1100px}
table{border-collapse:collapse;margin:8px 0 20px}th,td{border-bottom:1px solid #ddd;padding:4px 8px;
text-align:left;vertical-align:top}th{background:#f4f4f4}.num{text-align:right;white-space:nowrap}.small{color:#555;font-size:90%}
.correct{color:#2e7d32}.wrong,.invalid{color:#c62828}.missing{color:#757575}.error{color:#e65100}"""


def _e(text: object) -> str:
    return html.escape(clean(text), quote=True)


def _bar(share: float, width: int = 160, colour: str = "#2e7d32") -> str:
    """An inline SVG bar for a share between 0 and 1."""
    filled = round(max(0.0, min(1.0, share)) * width)
    return (f'<svg width="{width}" height="14" role="img" aria-label="{share:.0%}">'
            f'<rect width="{width}" height="14" fill="#eeeeee"/><rect width="{filled}" height="14" fill="{colour}"/>'
            "</svg>")


def _lesson_title(lesson: str) -> str:
    try:
        from crossroads.exercises import get_lesson

        return get_lesson(lesson).title
    except Exception:
        return ""


def _question_titles(lesson: str) -> dict[str, str]:
    try:
        from crossroads.exercises import get_lesson

        return {q.qid: q.title for q in get_lesson(lesson)}
    except Exception:
        return {}


def format_html(rows: list[Grade]) -> str:
    """A self-contained HTML class report (no server, no scripts, no outside files).

    Per lesson: per question the share correct, the most common wrong answers, hints and
    solutions seen; per learner the score and each question's status.
    """
    parts = ["<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
             "<title>Crossroads class report</title>", f"<style>{_CSS}</style></head><body>",
             "<h1>Crossroads class report</h1>",
             f"<p>{len(rows)} notebook{'s' if len(rows) != 1 else ''}. A score records practice with "
             "the course's exercises, whose solutions ship with the course: it is not proof of skill. "
             "Hints and solutions are counted from what the notebook's outputs show, so they can be hidden.</p>"]
    protections = sorted({"; ".join(r.protections) for r in rows if r.protections})
    for text in protections:
        parts.append(f'<p class="small">Protections in force: {_e(text)}.</p>')
    lessons = sorted({r.lesson for r in rows if r.lesson and r.statuses})
    for lesson in lessons:
        group = [r for r in rows if r.lesson == lesson and r.statuses]
        titles = _question_titles(lesson)
        qids = in_question_order(q for r in group for q in r.statuses)
        parts.append(f"<h2>Lesson {_e(lesson)} — {_e(_lesson_title(lesson))}</h2>")
        parts.append("<h3>Questions</h3><table><tr><th>Question</th><th>Correct</th><th></th>"
                     "<th>Wrong / invalid / missing</th><th>Most common wrong answers</th>"
                     "<th>Used hints</th><th>Saw the solution</th></tr>")
        for qid in qids:
            statuses = [r.statuses.get(qid) for r in group]
            right = statuses.count("correct")
            wrong = Counter(r.answers[qid] for r in group if r.statuses.get(qid) in ("wrong", "invalid")
                            and qid in r.answers).most_common(3)
            common = "<br>".join(f"{_e(text)} ({count})" for text, count in wrong) or "—"
            hinted = sum(1 for r in group if r.hints.get(qid))
            solved = sum(1 for r in group if qid in r.solutions)
            parts.append(
                f"<tr><td><b>{_e(qid)}</b> <span class='small'>{_e(titles.get(qid, ''))}</span></td>"
                f"<td>{_bar(right / len(group))}</td><td class='num'>{right} of {len(group)}</td>"
                f"<td class='num'>{statuses.count('wrong')} / {statuses.count('invalid')} / "
                f"{statuses.count('missing')}</td><td>{common}</td>"
                f"<td class='num'>{hinted}</td><td class='num'>{solved}</td></tr>")
        parts.append("</table><h3>Learners</h3><table><tr><th>Notebook</th><th>Score</th><th></th>"
                     + "".join(f"<th>{_e(q)}</th>" for q in qids) + "<th>Hints</th><th>Solutions seen</th><th>Note</th></tr>")
        for r in sorted(group, key=lambda r: clean(r.notebook)):
            cells = "".join(f"<td class='{_e(r.statuses.get(q, ''))}' title='{_e(r.statuses.get(q, ''))}'>"
                            f"{MARKS.get(r.statuses.get(q, ''), '')}</td>" for q in qids)
            hints = ", ".join(f"{q} ({n})" for q, n in r.hints.items())
            parts.append(f"<tr><td>{_e(Path(r.notebook).name)}</td><td>{_bar(r.score / r.total if r.total else 0, 100)}</td>"
                         f"<td class='num'>{r.score}/{r.total}</td>{cells}<td>{_e(hints) or '—'}</td>"
                         f"<td>{_e(', '.join(r.solutions)) or '—'}</td><td class='small'>{_e(r.note)}"
                         + "".join(f"<br><b>Brief {_e(name)}</b>: {_e(text)}" for name, text in r.briefs.items())
                         + "</td></tr>")
        parts.append("</table>")
    ungraded = [r for r in rows if not r.statuses]
    if ungraded:
        parts.append("<h2>Not graded</h2><ul>" + "".join(
            f"<li>{_e(r.notebook)}: {_e(r.note)}</li>" for r in ungraded) + "</ul>")
    parts.append(f"<p class='small'>{_e(LEGEND)}</p></body></html>")
    return "\n".join(parts) + "\n"


def write_html(rows: list[Grade], path: str | Path) -> None:
    """Write :func:`format_html` to ``path`` atomically (a killed grader leaves the last full report)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(format_html(rows), encoding="utf-8")
    os.replace(tmp, path)
