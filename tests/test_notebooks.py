"""crossroads.notebooks: answer cells, lesson metadata, normalisation and deterministic execution."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat import v4

from crossroads import notebooks

WIDGET_STATE = notebooks.WIDGET_STATE
WIDGET_VIEW = notebooks.WIDGET_VIEW


def test_answer_cell_follows_the_convention():
    cell = notebooks.answer_cell("00", "q2")
    assert cell.cell_type == "code" and cell.id == "answer-q2"
    assert cell.source == "answer_q2 = ...  # your answer here\nex.q2.check(answer_q2)"
    assert cell.metadata == {"tags": ["answer"], "crossroads": {"question": "q2"}}
    with pytest.raises(KeyError):
        notebooks.answer_cell("00", "q99")


def test_lesson_metadata_and_file_name_fallback():
    nb = notebooks.set_lesson(v4.new_notebook(), "1")
    assert nb.metadata["crossroads"] == {"lesson": "01"}
    assert notebooks.lesson_of(nb, "whatever.ipynb") == "01"
    bare = v4.new_notebook()
    assert notebooks.lesson_of(bare, "submissions/03_energy_routes-Copy1.ipynb") == "03"
    assert notebooks.lesson_of(bare, "lesson2.ipynb") == "02"
    assert notebooks.lesson_of(bare, "my_notes.ipynb") is None
    nb = v4.new_notebook(cells=[v4.new_markdown_cell("x"), notebooks.answer_cell("00", "q1")])
    assert notebooks.answer_cells(nb) == [(1, "q1")]


def _widget_notebook(a: str, b: str, c: str) -> nbformat.NotebookNode:
    """A notebook as nbclient leaves it: random widget ids, timing metadata, odd counts."""
    nb = v4.new_notebook()
    cell = v4.new_code_cell("s", execution_count=7)
    cell.id = "c1"
    cell.metadata["execution"] = {"iopub.status.busy": "2024-01-01T00:00:00Z"}
    cell.outputs = [v4.new_output("display_data", data={
        "text/plain": "IntSlider(value=0)", WIDGET_VIEW: {"model_id": a, "version_major": 2, "version_minor": 0}})]
    result = v4.new_code_cell("1", execution_count=9)
    result.id = "c2"
    result.outputs = [v4.new_output("execute_result", data={"text/plain": "1"}, execution_count=9)]
    nb.cells = [cell, result]
    nb.metadata["papermill"] = {"duration": 1.5}
    nb.metadata["widgets"] = {WIDGET_STATE: {"version_major": 2, "version_minor": 0, "state": {
        c: {"model_name": "SliderStyleModel", "state": {}},
        b: {"model_name": "LayoutModel", "state": {}},
        a: {"model_name": "IntSliderModel", "state": {"layout": f"IPY_MODEL_{b}", "style": f"IPY_MODEL_{c}"}},
    }}}
    return nb


def test_normalise_renumbers_widgets_and_drops_timing():
    first = notebooks.normalise(_widget_notebook("a" * 32, "b" * 32, "c" * 32))
    second = notebooks.normalise(_widget_notebook("9" * 32, "1" * 32, "5" * 32))
    assert nbformat.writes(first) == nbformat.writes(second)
    assert notebooks.normalise(first) == first  # idempotent
    view = first.cells[0].outputs[0].data[WIDGET_VIEW]
    assert view["model_id"] == "0" * 31 + "1"
    state = first.metadata.widgets[WIDGET_STATE]["state"]
    assert state["0" * 31 + "1"]["state"] == {"layout": "IPY_MODEL_" + "0" * 31 + "2",
                                              "style": "IPY_MODEL_" + "0" * 31 + "3"}
    assert "execution" not in first.cells[0].metadata and "papermill" not in first.metadata
    assert [c.execution_count for c in first.cells] == [1, 2]
    assert first.cells[1].outputs[0].execution_count == 2


def test_write_uses_jupyters_layout(tmp_path):
    nb = v4.new_notebook(cells=[v4.new_markdown_cell("é")])
    nb.cells[0].id = "m1"
    notebooks.write(nb, tmp_path / "a.ipynb")
    text = (tmp_path / "a.ipynb").read_text(encoding="utf-8")
    assert text.endswith("}\n") and '\n "cells": [' in text and "é" in text
    assert json.loads(text)["cells"][0]["id"] == "m1"


@pytest.mark.slow
def test_execute_is_byte_identical_with_widgets(tmp_path):
    nb = v4.new_notebook(cells=[
        v4.new_code_cell("import ipywidgets as w\nslider = w.IntSlider(value=3, description='year')\nslider"),
        v4.new_code_cell("w.VBox([w.Label('Astana'), w.IntSlider()])"),
        v4.new_code_cell("import os\nprint(os.path.basename(os.getcwd()))"),
    ])
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index}"
    folder = tmp_path / "lesson_folder"
    folder.mkdir()
    path = folder / "widgets.ipynb"
    notebooks.write(nb, path)
    notebooks.execute(path, timeout=60)
    first = path.read_bytes()
    notebooks.execute(path, timeout=60)
    assert path.read_bytes() == first
    executed = nbformat.reads(first.decode(), as_version=4)
    assert executed.cells[0].outputs[0].data[WIDGET_VIEW]["model_id"] == "0" * 31 + "1"
    assert "IPY_MODEL_" + "0" * 31 + "2" in first.decode()
    assert executed.cells[2].outputs[0].text == "lesson_folder\n"  # runs from the notebook's folder
    assert [c.execution_count for c in executed.cells] == [1, 2, 3]


def test_normalise_joins_adjacent_streams_of_the_same_name():
    cell = v4.new_code_cell("for i in range(3): print(i)", execution_count=1)
    cell.outputs = [v4.new_output("stream", name="stdout", text="0\n"), v4.new_output("stream", name="stdout", text="1\n"),
                    v4.new_output("stream", name="stderr", text="warning\n"), v4.new_output("stream", name="stdout", text="2\n")]
    nb = notebooks.normalise(v4.new_notebook(cells=[cell]))
    assert [(o.name, o.text) for o in nb.cells[0].outputs] == [("stdout", "0\n1\n"), ("stderr", "warning\n"), ("stdout", "2\n")]


def _print_loop_cells(lesson_paths) -> list[str]:
    """The lessons' cells that print inside a loop and need only the course's imports."""
    sources = []
    for path in lesson_paths:
        for cell in notebooks.read(path).cells:
            if cell.cell_type == "code" and cell.source.startswith("for ") and "print(" in cell.source:
                if cell.source not in sources:
                    sources.append(cell.source)
    return sources


@pytest.mark.slow
def test_print_loops_are_stored_the_same_way_every_time(lesson_paths, tmp_path):
    """The lessons' print loops, run 10 times in one kernel: after normalise, one stream output and the same bytes."""
    loops = _print_loop_cells(lesson_paths)
    assert loops, "no print loop found in the lessons: update this test"
    nb = v4.new_notebook(cells=[v4.new_code_cell("from crossroads import data, maps")] + [v4.new_code_cell(s) for s in loops])
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index}"
    runner = notebooks.client(nb, tmp_path, timeout=60)
    stored = set()
    with runner.setup_kernel():
        for _ in range(10):
            for index, cell in enumerate(nb.cells):
                cell.outputs = []
                runner.execute_cell(cell, index)
            normalised = notebooks.normalise(nb)
            assert all(len(c.outputs) == 1 for c in normalised.cells[1:]), [len(c.outputs) for c in normalised.cells]
            stored.add(nbformat.writes(normalised))
    assert len(stored) == 1


def test_course_tools_skip_the_slow_iri_checker_and_still_validate_notebooks():
    """``crossroads.startup`` keeps jsonschema's 1.8 s IRI parser out; notebook validation is unchanged."""
    code = ("import sys, crossroads.startup, nbformat\n"
            "nb = nbformat.read(sys.argv[1], as_version=4)\n"
            "nbformat.validate(nb)\n"
            "broken = nbformat.from_dict({'nbformat': 4, 'nbformat_minor': 5, 'metadata': {}, 'cells': [{'cell_type': 'nope'}]})\n"
            "try:\n    nbformat.validate(broken)\nexcept nbformat.ValidationError:\n    print('refused')\n"
            "print('rfc3987_syntax' in sys.modules and sys.modules['rfc3987_syntax'] is not None)")
    lesson = sorted((Path(__file__).parents[1] / "lessons").glob("0*.ipynb"))[0]
    done = subprocess.run([sys.executable, "-c", code, str(lesson)], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["refused", "False"]
