"""Notebook helpers: deterministic execution for lessons and answer cells for lesson authors.

``crossroads execute lessons/*.ipynb`` calls :func:`execute` on each lesson: it runs the
notebook in a fresh kernel from the notebook's folder and writes it back so that running it
again gives the same bytes (widget ids renumbered, timing metadata dropped).

>>> answer_cell("00", "q1").source
'answer_q1 = ...  # your answer here\\nex.q1.check(answer_q1)'
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import nbformat
from nbformat import NotebookNode

__all__ = ["read", "write", "normalise", "client", "execute", "answer_cell", "set_lesson", "lesson_of", "answer_cells"]

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
_TIMING_KEYS = ("execution", "ExecuteTime", "papermill")


def read(path: str | Path) -> NotebookNode:
    """Read a notebook as nbformat v4. Example: ``nb = read("lessons/00_start_here.ipynb")``."""
    return nbformat.read(str(path), as_version=4)


def write(nb: NotebookNode, path: str | Path) -> None:
    """Write a notebook the way Jupyter does: 1-space indent, sorted keys, trailing newline.

    Example: ``write(nb, "lessons/00_start_here.ipynb")``.
    """
    nbformat.write(nb, str(path))


def _merge_streams(outputs: list) -> list:
    """Join adjacent stream outputs of the same name (stdout, stderr) into one.

    The kernel flushes a ``print`` loop's text when it likes, so the same cell can come back
    as one stream output or as several; merged, it is the same every time.

    >>> out = nbformat.v4.new_output
    >>> merged = _merge_streams([out("stream", name="stdout", text="a\\n"), out("stream", name="stdout", text="b\\n")])
    >>> [o.text for o in merged]
    ['a\\nb\\n']
    """
    merged: list = []
    for output in outputs:
        last = merged[-1] if merged else None
        if (output.get("output_type") == "stream" and last is not None and last.get("output_type") == "stream"
                and last.get("name") == output.get("name")):
            last["text"] = _joined(last.get("text", "")) + _joined(output.get("text", ""))
        else:
            merged.append(output)
    return merged


def _joined(text: str | list[str]) -> str:
    return "".join(text) if isinstance(text, list) else text


def _references(value: Any) -> list[str]:
    """Widget ids referenced as ``IPY_MODEL_<id>`` anywhere inside a widget's state."""
    if isinstance(value, str):
        return [value[len("IPY_MODEL_"):]] if value.startswith("IPY_MODEL_") else []
    if isinstance(value, dict):
        return [ref for key in sorted(value) for ref in _references(value[key])]
    if isinstance(value, list):
        return [ref for item in value for ref in _references(item)]
    return []


def _widget_ids(nb: NotebookNode) -> list[str]:
    """Widget model ids in order of first appearance: displayed widgets first, then what they use."""
    state = nb.get("metadata", {}).get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    order: list[str] = []

    def visit(model_id: str) -> None:
        if model_id not in order:
            order.append(model_id)
            for ref in _references(state.get(model_id, {})):
                visit(ref)

    for cell in nb.cells:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if isinstance(view, dict) and isinstance(view.get("model_id"), str):
                visit(view["model_id"])
    for model_id in state:
        visit(model_id)
    return order


def normalise(nb: NotebookNode) -> NotebookNode:
    """Make an executed notebook reproducible byte for byte; returns a new notebook.

    Renumbers widget model ids (``0000…0001``, ``0000…0002`` … in order of first appearance),
    drops execution timing metadata, numbers executed cells 1, 2, 3 …, fills missing cell ids and
    joins adjacent stream outputs (a ``print`` loop is stored as one output however the kernel sent it).

    >>> normalise(nbformat.v4.new_notebook()).cells
    []
    """
    ids = {old: f"{number:032x}" for number, old in enumerate(_widget_ids(nb), start=1)}
    text = json.dumps(nb)
    if ids:
        pattern = re.compile("|".join(re.escape(old) for old in sorted(ids, key=len, reverse=True)))
        text = pattern.sub(lambda match: ids[match.group(0)], text)
    nb = nbformat.from_dict(json.loads(text))
    for key in _TIMING_KEYS:
        nb.metadata.pop(key, None)
    count, seen = 0, set()
    for index, cell in enumerate(nb.cells):
        for key in _TIMING_KEYS:
            cell.metadata.pop(key, None)
        if (nb.nbformat, nb.nbformat_minor) >= (4, 5) and (not cell.get("id") or cell.id in seen):
            cell.id = f"cell-{index + 1}"
        seen.add(cell.get("id"))
        if cell.cell_type == "code":
            if cell.execution_count is not None:
                count += 1
                cell.execution_count = count
            cell.outputs = _merge_streams(cell.outputs)
            for output in cell.outputs:
                if output.get("output_type") == "execute_result":
                    output.execution_count = cell.execution_count
    return nb


def client(nb: NotebookNode, folder: str | Path, **options: Any):
    """An ``nbclient.NotebookClient`` that runs ``nb`` from ``folder`` and kills its kernel at the end.

    The kernel talks over local sockets (IPC) on POSIX, so no TCP port is opened.
    Example: ``client(nb, "lessons", timeout=60).execute()``.
    """
    import os
    import tempfile
    import uuid

    from nbclient import NotebookClient
    from traitlets.config import Config

    config = Config()
    if os.name == "posix":  # an absolute socket path: the kernel runs in another folder than we do
        config.KernelManager.transport = "ipc"
        config.KernelManager.ip = os.path.join(tempfile.gettempdir(), f"crossroads-{uuid.uuid4().hex[:12]}-ipc")
    options = {"record_timing": False, "shutdown_kernel": "immediate", **options}
    return NotebookClient(nb, config=config, resources={"metadata": {"path": str(Path(folder).resolve())}},
                          **options)


def execute(path: str | Path, timeout: int = 600, kernel_name: str = "python3",
            allow_errors: bool = False) -> NotebookNode:
    """Execute a notebook in place from its own folder, then normalise and write it.

    ``timeout`` is the limit per cell in seconds. Raises ``nbclient`` errors on a failing cell
    (cells tagged ``raises-exception`` may fail) and leaves the file untouched then.
    Example: ``execute("lessons/00_start_here.ipynb")``.
    """
    path = Path(path)
    nb = read(path)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    client(nb, path.parent, timeout=timeout, kernel_name=kernel_name, allow_errors=allow_errors).execute()
    nb = normalise(nb)
    write(nb, path)
    return nb


# ---------------------------------------------------------------------------
# Lesson notebooks: lesson metadata and answer cells
# ---------------------------------------------------------------------------


def answer_cell(lesson: str, qid: str) -> NotebookNode:
    """The unsolved answer cell of a question, tagged ``answer``, with id ``answer-<qid>``.

    >>> answer_cell("00", "q2").metadata["crossroads"]
    {'question': 'q2'}
    """
    from crossroads.exercises import get_lesson

    question = get_lesson(lesson)[qid]
    cell = nbformat.v4.new_code_cell(question.placeholder_code)
    cell.id = f"answer-{qid}"
    cell.metadata = {"tags": ["answer"], "crossroads": {"question": qid}}
    return cell


def set_lesson(nb: NotebookNode, lesson: str) -> NotebookNode:
    """Mark a notebook as lesson ``lesson`` (``{"crossroads": {"lesson": "01"}}``); returns it.

    >>> set_lesson(nbformat.v4.new_notebook(), "1").metadata["crossroads"]
    {'lesson': '01'}
    """
    from crossroads.exercises import lesson_id

    nb.metadata["crossroads"] = {**nb.metadata.get("crossroads", {}), "lesson": lesson_id(lesson)}
    return nb


def lesson_of(nb: NotebookNode, path: str | Path | None = None) -> str | None:
    """Which lesson a notebook is: its metadata, else a file name like ``01_silk_road.ipynb``.

    >>> lesson_of(nbformat.v4.new_notebook(), "02_multi_vector.ipynb")
    '02'
    """
    from crossroads.exercises import lesson_id

    meta = nb.get("metadata", {}).get("crossroads", {})
    if isinstance(meta, dict) and meta.get("lesson") is not None:
        try:
            return lesson_id(meta["lesson"])
        except LookupError:
            return None
    match = re.match(r"(?:lesson[_-]?)?(\d{1,2})(?:[_\-. ]|$)", Path(path).name.lower()) if path else None
    return f"{int(match.group(1)):02d}" if match else None


def answer_cells(nb: NotebookNode) -> list[tuple[int, str]]:
    """``(cell index, question id)`` of every answer cell.

    >>> nb = nbformat.v4.new_notebook(cells=[answer_cell("00", "q1")])
    >>> answer_cells(nb)
    [(0, 'q1')]
    """
    found = []
    for index, cell in enumerate(nb.cells):
        meta = cell.get("metadata", {}).get("crossroads", {})
        if cell.cell_type == "code" and isinstance(meta, dict) and isinstance(meta.get("question"), str):
            found.append((index, meta["question"]))
    return found
