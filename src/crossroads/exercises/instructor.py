"""Instructor tools behind the ``crossroads`` command: solutions, solved copies and grading.

>>> print(solutions_text("00").splitlines()[0])
Lesson 00 — Start here: 3 questions
"""
from __future__ import annotations

import asyncio
import csv
import io
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from crossroads.exercises import get_lesson

RESULTS_MIME = "application/vnd.crossroads.results+json"
RESULTS_CELL = (
    "import crossroads.exercises as _crossroads_exercises\n"
    "from IPython.display import display as _crossroads_display\n"
    f"_crossroads_display({{{RESULTS_MIME!r}: _crossroads_exercises.results()}}, raw=True)"
)


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
# grade
# ---------------------------------------------------------------------------


@dataclass
class Grade:
    """One graded notebook: status per question, cells that errored, and a note on problems."""

    notebook: str
    lesson: str | None = None
    statuses: dict[str, str] = field(default_factory=dict)  # qid -> solved | attempted | untouched
    errors: list[int] = field(default_factory=list)          # 1-based cell numbers
    note: str = ""
    complete: bool = False                                   # executed to the end and read results

    @property
    def score(self) -> int:
        return sum(status == "solved" for status in self.statuses.values())

    @property
    def total(self) -> int:
        return len(self.statuses)


def _short(err: BaseException) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 120 else text[:117] + "..."


def grade_notebook(path: str | Path, timeout: float = 120, cell_timeout: float = 30,
                   kernel_name: str = "python3") -> Grade:
    """Execute a learner's notebook in a fresh kernel and read which questions it solved.

    Never raises for a bad notebook: problems go into ``Grade.note``.
    Example: ``grade_notebook("submissions/anna.ipynb").score``.
    """
    import nbformat

    from crossroads import notebooks

    path = Path(path)
    row = Grade(str(path))
    try:
        nb = notebooks.read(path)
        nbformat.validate(nb)
    except Exception as err:
        row.note = f"could not read: {_short(err)}"
        return row
    row.lesson = notebooks.lesson_of(nb, path)
    if row.lesson is None:
        row.note = "could not tell which lesson this is (no crossroads lesson metadata, no lesson number in the name)"
        return row
    try:
        les = get_lesson(row.lesson)
    except LookupError as err:
        row.note = _short(err)
        return row
    row.statuses = {qid: "untouched" for qid in les.questions}
    nb.cells.append(nbformat.v4.new_code_cell(RESULTS_CELL))
    problem, interrupted = _run(nb, path.parent.resolve(), timeout, cell_timeout, kernel_name)
    last = len(nb.cells) - 1
    for index, cell in enumerate(nb.cells[:last]):
        if cell.cell_type == "code" and any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            row.errors.append(index + 1)
    notes = [f"cell {i + 1} interrupted after {cell_timeout:g} s" for i in interrupted]
    if problem:
        notes.append(problem)
    else:
        found = [o["data"][RESULTS_MIME] for o in nb.cells[last].get("outputs", [])
                 if o.get("output_type") == "display_data" and RESULTS_MIME in o.get("data", {})]
        if found and isinstance(found[0], dict):
            for qid, entry in found[0].get(row.lesson, {}).items():
                if qid in row.statuses and isinstance(entry, dict):
                    row.statuses[qid] = str(entry.get("status", "untouched"))
            row.complete = True
        else:
            notes.append("could not read the results (the notebook may have replaced crossroads.exercises)")
    row.note = "; ".join(notes)
    return row


def _run(nb, folder: Path, timeout: float, cell_timeout: float, kernel_name: str) -> tuple[str, list[int]]:
    """Execute all cells with a per-cell and an overall limit; return (problem, interrupted cells)."""
    from crossroads import notebooks

    client = notebooks.client(
        nb, folder, timeout=max(1, int(cell_timeout)), kernel_name=kernel_name, allow_errors=True,
        interrupt_on_timeout=True, startup_timeout=max(1, int(timeout)),
    )
    state = {"cell": None, "interrupted": []}

    async def run_cells() -> None:
        async with client.async_setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                state["cell"] = index
                start = time.monotonic()
                await client.async_execute_cell(cell, index)
                if time.monotonic() - start >= cell_timeout:
                    state["interrupted"].append(index)
            state["cell"] = None

    async def main() -> str:
        start = time.monotonic()
        try:
            await asyncio.wait_for(run_cells(), timeout)
            return ""
        except Exception as err:
            where = "while starting the kernel" if state["cell"] is None else f"at cell {state['cell'] + 1}"
            if time.monotonic() - start >= timeout or isinstance(err, asyncio.TimeoutError):
                return f"timed out after {timeout:g} s {where}"
            if type(err).__name__ == "DeadKernelError":
                return f"the kernel died {where}"
            return f"could not run {where}: {type(err).__name__}: {_short(err)}"
        finally:
            await _kill(client)

    return _run_coroutine(main), state["interrupted"]


async def _kill(client) -> None:
    """Make sure the kernel is gone (after a timeout the client may not have stopped it)."""
    km = getattr(client, "km", None)
    try:
        if km is not None and await _maybe_await(km.is_alive()):
            await _maybe_await(km.shutdown_kernel(now=True))
    except Exception:
        pass


async def _maybe_await(value):
    return await value if asyncio.iscoroutine(value) or isinstance(value, asyncio.Future) else value


def _run_coroutine(factory):
    """Run ``factory()`` to completion, also when called from inside a running event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(factory())
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(factory())).result()


def grade(paths: Iterable[str | Path], timeout: float = 120, cell_timeout: float = 30,
          kernel_name: str = "python3", jobs: int = 1) -> list[Grade]:
    """Grade notebooks, ``jobs`` at a time, each in its own kernel; rows keep the order of ``paths``.

    Example: ``grade(["a.ipynb", "b.ipynb"], jobs=2)``.
    """
    from concurrent.futures import ThreadPoolExecutor

    def one(path: str | Path) -> Grade:
        return grade_notebook(path, timeout=timeout, cell_timeout=cell_timeout, kernel_name=kernel_name)

    paths = list(paths)
    if jobs <= 1 or len(paths) <= 1:
        return [one(p) for p in paths]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(one, paths))


def _question_columns(rows: list[Grade]) -> list[str]:
    columns: list[str] = []
    for row in rows:
        columns += [qid for qid in row.statuses if qid not in columns]
    return sorted(columns, key=lambda qid: (len(qid), qid))


_POINTS = {"solved": "1", "attempted": "0", "untouched": "-"}


def format_table(rows: list[Grade]) -> str:
    """The score table as aligned text, with a legend line."""
    qcols = _question_columns(rows)
    header = ["notebook", "lesson", *qcols, "score", "errors", "note"]
    body = []
    for row in rows:
        body.append([
            row.notebook, row.lesson or "?", *[_POINTS.get(row.statuses.get(q, ""), "") for q in qcols],
            f"{row.score}/{row.total}" if row.total else "-",
            ", ".join(map(str, row.errors)) or "-", row.note,
        ])
    widths = [max(len(str(line[i])) for line in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(line, widths)).rstrip()
             for line in [header, *body]]
    lines.append("")
    lines.append("1 = solved, 0 = attempted but not solved, - = untouched; errors lists cells "
                 "(counted from the top, starting at 1) that raised an error.")
    return "\n".join(lines) + "\n"


def format_csv(rows: list[Grade]) -> str:
    """The score table as CSV: one row per notebook, 1/0 per question."""
    qcols = _question_columns(rows)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["notebook", "lesson", *qcols, "score", "total", "errors", "note"])
    for row in rows:
        writer.writerow([
            row.notebook, row.lesson or "",
            *[("1" if row.statuses[q] == "solved" else "0") if q in row.statuses else "" for q in qcols],
            row.score, row.total, " ".join(map(str, row.errors)), row.note,
        ])
    return out.getvalue()
