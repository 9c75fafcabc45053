"""Helpers for the per-lesson exercise tests: run a lesson's own cells, paste a solution, try bad answers.

>>> cells = notebook_cells(LESSONS / "00_start_here.ipynb")
>>> "cell-02" in cells
True
"""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LESSONS = ROOT / "lessons"
MALFORMED = (..., None, "", [], {}, float("nan"), object(), (1, 2, 3), lambda: 1)


def notebook_cells(path: Path) -> dict[str, str]:
    """The notebook's cell sources by cell id."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    return {c.get("id"): "".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in nb["cells"]}


def answer_order(path: Path) -> list[str]:
    """The question ids of the notebook's answer cells, in notebook order."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    return [c["metadata"]["crossroads"]["question"] for c in nb["cells"]
            if c.get("metadata", {}).get("crossroads", {}).get("question")]


def lesson_namespace(path: Path, *cell_ids: str, start: dict | None = None) -> dict:
    """A namespace as the learner's kernel has it after the named cells of the lesson ran, in that order."""
    namespace = dict(start or {})
    cells = notebook_cells(path)
    for cell_id in cell_ids:
        exec(cells[cell_id], namespace)
    return namespace


def paste_solution(question, namespace: dict) -> None:
    """Run the question's solution in the namespace (as a learner pasting it would), then check it.

    Fails if the answer is wrong or if the solution rebinds a name the lesson had already defined.
    """
    before = {name: value for name, value in namespace.items() if name != "__builtins__"}
    exec(question.code.replace(question.check_line, ""), namespace)
    assert question.check(namespace[question.variable]).correct, question.qid
    for name, value in before.items():
        assert namespace[name] is value, f"{question.qid}'s solution reassigns {name}"


def assert_malformed_answers_are_refused(question) -> None:
    """Empty and malformed answers get a verdict, never an exception and never 'correct'."""
    for answer in MALFORMED:
        feedback = question.check(answer)
        assert not feedback.correct and feedback.status in {"unanswered", "invalid", "wrong"}, (answer, feedback)


def assert_named_slip(question, wrong, advice: str, trapped: bool = False) -> None:
    """A well-known wrong answer is refused with its own advice (``trapped``: from the question's ``traps=``)."""
    feedback = question.check(wrong)
    assert not feedback.correct, (question.qid, wrong)
    assert feedback.trapped or not trapped, (question.qid, wrong, "not caught by a trap")
    assert advice in repr(feedback), repr(feedback)
