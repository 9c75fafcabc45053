"""The crossroads command: solutions, solve, grade (with broken notebooks) and the lessons' answer key."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from nbformat import v4

from crossroads import notebooks
from crossroads.cli import main
from crossroads.exercises import get_lesson
from crossroads.exercises.instructor import format_table, grade, solve

ROOT = Path(__file__).resolve().parents[1]
LESSON_NOTEBOOKS = [p for p in sorted((ROOT / "lessons").glob("*.ipynb"))
                    if notebooks.read(p).metadata.get("crossroads", {}).get("lesson")]


def demo_notebook(folder: Path, name: str = "demo.ipynb", extra: dict[int, str] | None = None) -> Path:
    """A small lesson-00 notebook built the way lesson authors build theirs."""
    nb = notebooks.set_lesson(v4.new_notebook(), "00")
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [v4.new_markdown_cell("# Demo"), v4.new_code_cell("from crossroads.exercises import lesson00 as ex"),
                *(notebooks.answer_cell("00", q.qid) for q in list(get_lesson("00"))[:3]),
                v4.new_code_cell("ex.progress()")]
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
    if any(q.kind == "choice" for q in get_lesson("00")):
        assert "Options: '" in out
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


def test_grade_names_cannot_inject_formulas_or_terminal_escapes(tmp_path, capsys):
    names = ["=HYPERLINK(1).ipynb", "+x.ipynb", "@x.ipynb", "term\x1b[2J.ipynb"]
    for name in names:
        (tmp_path / name).write_text("{", encoding="utf-8")
    paths = [str(tmp_path / name) for name in names]
    assert main(["grade", *paths]) == 0
    assert "\x1b" not in capsys.readouterr().out
    os_cwd = Path.cwd()
    try:  # as in `crossroads grade *.ipynb --csv` run inside the folder
        import os

        os.chdir(tmp_path)
        assert main(["grade", *names, "--csv", "--html", "report.html"]) == 0
    finally:
        os.chdir(os_cwd)
    records = list(csv.reader(io.StringIO(capsys.readouterr().out)))[1:]
    assert [r[0][0] for r in records] == ["'", "'", "'", "t"] and "\x1b" not in records[3][0]
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Not graded" in page and "\x1b" not in page


def test_solve_without_execution_fills_answer_cells(tmp_path):
    done = solve(demo_notebook(tmp_path / "in"), tmp_path / "out", execute=False)
    first_three = list(get_lesson("00"))[:3]
    assert done.filled == [q.qid for q in first_three] and done.seconds is None
    cells = notebooks.read(done.path).cells
    assert cells[2].source == first_three[0].code
    assert cells[2].metadata["crossroads"] == {"question": first_three[0].qid}  # still an answer cell


@pytest.mark.slow
def test_grade_command_keeps_answers_after_errors_and_streams_rows(tmp_path, capsys):
    first = list(get_lesson("00"))[0]
    right = first._answer() if callable(first._answer) else first._answer
    untouched = demo_notebook(tmp_path, "00_untouched.ipynb")
    crash = demo_notebook(tmp_path, "00_crash.ipynb", {2: "1 / 0", 3: f"{first.variable} = {right!r}"})
    assert main(["grade", str(untouched), str(crash), "--csv", "--timeout", "60", "--html",
                 str(tmp_path / "report.html"), "--jsonl", str(tmp_path / "rows.jsonl")]) == 0
    rows = {Path(r["notebook"]).stem: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert rows["00_untouched"]["score"] == "0" and rows["00_untouched"][first.qid] == "missing"
    assert rows["00_crash"][first.qid] == "correct" and rows["00_crash"]["errors"] == "3"
    assert "no network" in rows["00_crash"]["protections"] or "nobody" not in rows["00_crash"]["protections"]
    assert (tmp_path / "rows.jsonl").read_text().count("\n") == 2
    assert "Lesson 00" in (tmp_path / "report.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# The course's answer key can never drift from its notebooks
# ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSON_NOTEBOOKS, ids=lambda p: p.stem)
def test_lesson_solved_copy_scores_full_marks_and_untouched_zero(lesson, tmp_path):
    done = solve(lesson, tmp_path, execute=False)
    assert not done.without_cell, f"questions without an answer cell: {done.without_cell}"
    solved, untouched = grade([done.path, lesson], timeout=300, cell_timeout=120, jobs=2)
    assert solved.complete and not solved.errors, format_table([solved])
    assert solved.score == solved.total == len(get_lesson(solved.lesson)), format_table([solved])
    assert untouched.complete and untouched.score == 0, format_table([untouched])
    assert set(untouched.statuses.values()) == {"missing"}, format_table([untouched])
