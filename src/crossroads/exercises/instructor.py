"""Instructor tools behind the ``crossroads`` command: solutions and solved copies.

Grading lives in :mod:`crossroads.grading`; its main names are re-exported here.

>>> solutions_text("00").startswith("Lesson 00 — Start here: ")
True
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from crossroads.exercises import get_lesson

# ---------------------------------------------------------------------------
# solutions
# ---------------------------------------------------------------------------


def solutions_text(lesson: str, markdown: bool = False) -> str:
    """Every solution of a lesson as plain text (or Markdown). Example: ``solutions_text("01")``."""
    les = get_lesson(lesson)
    head = f"Lesson {les.number} — {les.title}: {len(les)} questions"
    parts = [f"# {head}" if markdown else head]
    for q in les:
        prompt = "\n".join(q.prompt().lines[:-1])  # the question, its options or items
        if markdown:
            prompt = prompt.replace("\n", "\n\n")
            parts.append(f"## {q.qid} ({q.kind}): {q.title}\n\n{prompt}\n\n**Answer:** {q.answer_text()}\n\n"
                         f"```python\n{q.code}\n```\n\n{q.explanation}")
        else:
            rule = "-" * 72
            parts.append(f"{rule}\n{q.qid} ({q.kind}): {q.title}\n{prompt}\nAnswer: {q.answer_text()}\n\n"
                         f"{q.code}\n\n{q.explanation}")
    return "\n\n".join(parts) + "\n"


# ---------------------------------------------------------------------------
# solve
# ---------------------------------------------------------------------------


@dataclass
class Solved:
    """What :func:`solve` did: the solved copy, the questions filled in and those with no cell."""

    path: Path
    filled: list[str]
    without_cell: list[str]
    seconds: float | None = None


def solve(path: str | Path, outdir: str | Path, execute: bool = True, timeout: int = 600) -> Solved:
    """Write a copy of a lesson with every answer cell solved, and execute it.

    Example: ``solve("lessons/00_start_here.ipynb", "solved/")``.
    """
    from crossroads import notebooks

    path, outdir = Path(path), Path(outdir)
    nb = notebooks.read(path)
    lesson = notebooks.lesson_of(nb, path)
    if lesson is None:
        raise LookupError(f"{path}: no lesson metadata ({{'crossroads': {{'lesson': '01'}}}}) and "
                          "the file name does not start with a lesson number")
    les = get_lesson(lesson)
    filled = []
    for index, qid in notebooks.answer_cells(nb):
        if qid not in les.questions:
            raise LookupError(f"{path}: cell {index + 1} is an answer cell for {qid}, "
                              f"which lesson {lesson} does not have")
        cell = nb.cells[index]
        cell.source, cell.outputs, cell.execution_count = les[qid].code, [], None
        filled.append(qid)
    outdir.mkdir(parents=True, exist_ok=True)
    out = outdir / path.name
    notebooks.write(nb, out)
    result = Solved(out, filled, [qid for qid in les.questions if qid not in filled])
    if execute:
        start = time.monotonic()
        notebooks.execute(out, timeout=timeout)
        result.seconds = time.monotonic() - start
    return result


# ---------------------------------------------------------------------------
# grade: lives in crossroads.grading (sandboxed kernels, answers judged outside them)
# ---------------------------------------------------------------------------

from crossroads.grading import Grade, grade, grade_notebook  # noqa: E402  (kept importable from here)
from crossroads.grading.report import format_csv, format_table  # noqa: E402
