"""The crossroads command: solutions, solve, grade (with broken notebooks) and the lessons' answer key."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
import time
from pathlib import Path

import pytest
from nbformat import v4

from crossroads import notebooks
from crossroads.cli import main
from crossroads.exercises import get_lesson
from crossroads.exercises.instructor import format_csv, format_table, grade, solve

ROOT = Path(__file__).resolve().parents[1]
LESSON_NOTEBOOKS = [p for p in sorted((ROOT / "lessons").glob("*.ipynb"))
                    if notebooks.read(p).metadata.get("crossroads", {}).get("lesson")]
CELL_TIMEOUT, TIMEOUT = 3, 8


def demo_notebook(folder: Path, name: str = "demo.ipynb", extra: dict[int, str] | None = None) -> Path:
    """A small lesson-00 notebook built the way lesson authors build theirs."""
    nb = notebooks.set_lesson(v4.new_notebook(), "00")
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [v4.new_markdown_cell("# Demo"), v4.new_code_cell("from crossroads.exercises import lesson00 as ex"),
                *(notebooks.answer_cell("00", q) for q in ("q1", "q2", "q3")), v4.new_code_cell("ex.progress()")]
    for index, source in sorted((extra or {}).items(), reverse=True):
        nb.cells.insert(index, v4.new_code_cell(source))
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index}"
    folder.mkdir(parents=True, exist_ok=True)
    notebooks.write(nb, folder / name)
    return folder / name


def test_solutions_lists_every_question(capsys):
    assert main(["solutions", "00"]) == 0
    out = capsys.readouterr().out
    for q in get_lesson("00"):
        assert q.code in out and q.explanation in out
    assert "Options: 'Astana'" in out
    assert main(["solutions", "0", "--markdown"]) == 0
    assert "```python\nanswer_q1 =" in capsys.readouterr().out
    assert main(["solutions", "97"]) == 2
    assert "no exercises for lesson 97" in capsys.readouterr().err


def test_command_line_entry_points_and_light_import():
    out = subprocess.run([sys.executable, "-m", "crossroads", "--help"], capture_output=True, text=True, check=True)
    for command in ("solutions", "solve", "grade", "execute"):
        assert command in out.stdout
    code = "import sys, crossroads, crossroads.cli; print(sorted(m for m in ('nbclient', 'nbformat', 'jupyter_client') if m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"


def test_grade_reports_unreadable_files_and_exits_normally(tmp_path, capsys):
    (tmp_path / "corrupt.ipynb").write_text("{not json", encoding="utf-8")
    assert main(["grade", str(tmp_path / "corrupt.ipynb"), str(tmp_path / "missing.ipynb")]) == 0
    out = capsys.readouterr().out
    assert out.count("could not read:") == 2
    assert main(["grade", str(tmp_path / "corrupt.ipynb"), "--strict", "--csv"]) == 1
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows[0]["note"].startswith("could not read:") and rows[0]["score"] == "0"


def test_solve_without_execution_fills_answer_cells(tmp_path):
    done = solve(demo_notebook(tmp_path / "in"), tmp_path / "out", execute=False)
    assert done.filled == ["q1", "q2", "q3"] and not done.without_cell and done.seconds is None
    cells = notebooks.read(done.path).cells
    assert cells[2].source == get_lesson("00")["q1"].code
    assert cells[2].metadata["crossroads"] == {"question": "q1"}  # still an answer cell


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Solve and execute a demo notebook, then grade it next to broken ones, in one run."""
    folder = tmp_path_factory.mktemp("grade")
    untouched = demo_notebook(folder, "untouched.ipynb")
    assert main(["solve", str(untouched), "-o", str(folder / "solved")]) == 0
    solved = folder / "solved" / "untouched.ipynb"
    crash = demo_notebook(folder, "crash.ipynb", {3: "1 / 0", 4: "answer_q1 = 13\nex.q1.check(answer_q1)"})
    loop = demo_notebook(folder, "loop.ipynb", {2: "answer_q2 = 'Astana'\nex.q2.check(answer_q2)",
                                                4: "while True:\n    pass"})
    stubborn = demo_notebook(folder, "stubborn.ipynb", {
        3: "while True:\n    try:\n        while True:\n            pass\n    except KeyboardInterrupt:\n        pass"})
    deleted = demo_notebook(folder, "deleted.ipynb")
    nb = notebooks.read(deleted)
    del nb.cells[3]  # the learner deleted the answer cell of q2
    nb.cells[2].source = "answer_q1 = 12\nex.q1.check(answer_q1)"
    notebooks.write(nb, deleted)
    corrupt = folder / "corrupt.ipynb"
    corrupt.write_text('{"cells": [', encoding="utf-8")
    start = time.monotonic()
    rows = grade([solved, untouched, crash, loop, stubborn, deleted, corrupt], timeout=TIMEOUT,
                 cell_timeout=CELL_TIMEOUT, jobs=2)
    return {Path(row.notebook).stem if "solved" not in row.notebook else "solved": row for row in rows}, \
        time.monotonic() - start, solved


@pytest.mark.slow
def test_solved_copy_scores_full_marks(graded):
    rows, _, solved = graded
    row = rows["solved"]
    assert (row.score, row.total, row.errors, row.note, row.complete) == (3, 3, [], "", True)
    outputs = [c.outputs for c in notebooks.read(solved).cells if c.metadata.get("crossroads")]
    assert all(o[0]["data"]["text/plain"].startswith("✓") for o in outputs)


@pytest.mark.slow
def test_untouched_copy_scores_zero(graded):
    row = graded[0]["untouched"]
    assert (row.score, row.total, row.complete) == (0, 3, True)
    assert set(row.statuses.values()) == {"untouched"}


@pytest.mark.slow
def test_crashing_cells_do_not_stop_grading(graded):
    row = graded[0]["crash"]
    assert row.errors == [4] and row.complete
    assert row.statuses["q1"] == "solved" and row.score == 1


@pytest.mark.slow
def test_infinite_loops_are_reported_within_the_time_limit(graded):
    rows, seconds, _ = graded
    loop, stubborn = rows["loop"], rows["stubborn"]
    assert loop.complete and loop.statuses["q2"] == "solved"  # interrupted, then went on
    assert f"cell 6 interrupted after {CELL_TIMEOUT} s" in loop.note and 6 in loop.errors
    assert not stubborn.complete and stubborn.note == f"timed out after {TIMEOUT} s at cell 4"
    assert stubborn.score == 0
    assert seconds < TIMEOUT * 3  # every notebook had its limit; the loops did not hold up the rest


@pytest.mark.slow
def test_deleted_answer_cells_and_corrupt_files_still_get_a_row(graded):
    rows = graded[0]
    deleted, corrupt = rows["deleted"], rows["corrupt"]
    assert list(deleted.statuses) == ["q1", "q2", "q3"]
    assert deleted.statuses == {"q1": "attempted", "q2": "untouched", "q3": "untouched"}
    assert corrupt.note.startswith("could not read:") and corrupt.lesson is None
    table = format_table(list(rows.values()))
    assert "timed out after" in table and "could not read:" in table and "3/3" in table
    records = list(csv.DictReader(io.StringIO(format_csv(list(rows.values())))))
    assert [r["q1"] for r in records][:2] == ["1", "0"] and records[0]["score"] == "3"


# ---------------------------------------------------------------------------
# The course's answer key can never drift from its notebooks
# ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSON_NOTEBOOKS, ids=lambda p: p.stem)
def test_lesson_solved_copy_scores_full_marks_and_untouched_zero(lesson, tmp_path):
    done = solve(lesson, tmp_path, execute=False)
    assert not done.without_cell, f"questions without an answer cell: {done.without_cell}"
    solved, untouched = grade([done.path, lesson], timeout=300, cell_timeout=120, jobs=2)
    assert solved.complete and not solved.errors and not solved.note, format_table([solved])
    assert solved.score == solved.total == len(get_lesson(solved.lesson)), format_table([solved])
    assert untouched.complete and untouched.score == 0, format_table([untouched])
