"""Shared test set-up: the repository's paths and a writable copy of the course data.

Fixtures:

- ``repo_root``: the repository folder; ``lesson_paths``: the lesson notebooks, in order.
- ``fresh_results``: no exercise results recorded before or after a test.
- ``data_copy``: a writable copy of ``data/`` (build scripts left out) with helpers to break
  one thing at a time; see :class:`DataCopy`.

It also lets ``pytest tests/test_x.py -p no:nbval`` run (the quick loop without notebooks):
the ``--nbval`` options in pyproject's ``addopts`` are then accepted and ignored.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
collect_ignore = ["bench_course.py", "bench_maps.py", "fresh_binder_check.py"]  # scripts, not tests


def pytest_addoption(parser, pluginmanager):
    if pluginmanager.is_blocked("nbval"):
        group = parser.getgroup("nbval (disabled with -p no:nbval)")
        group.addoption("--nbval", action="store_true", help="ignored: nbval is disabled")
        group.addoption("--nbval-lax", action="store_true", help="ignored: nbval is disabled")
        group.addoption("--nbval-sanitize-with", help="ignored: nbval is disabled")


def pytest_collection_modifyitems(items):
    """Every ``slow`` test (a whole notebook graded in a sandbox, a site build, a fresh Python process) is
    end-to-end too, so the quick loop ``pytest -m "not e2e"`` leaves it to the full run."""
    for item in items:
        if item.get_closest_marker("slow") and not item.get_closest_marker("e2e"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
def fresh_results():
    """No exercise results recorded before or after the test (``pytest.mark.usefixtures("fresh_results")``)."""
    from crossroads.exercises.core import reset_results

    reset_results()
    yield
    reset_results()


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository folder (where pyproject.toml is)."""
    return ROOT


@pytest.fixture(scope="session")
def lesson_paths() -> list[Path]:
    """The lesson notebooks ``lessons/NN_*.ipynb``, in lesson order."""
    return sorted((ROOT / "lessons").glob("[0-9][0-9]_*.ipynb"))


class DataCopy:
    """A writable copy of the course data at ``self.folder`` (use it as ``data.load(name, copy.folder)``
    or through ``CROSSROADS_DATA``). Example: ``data_copy.set_cell("places.csv", 0, "lat", "123.4")``.
    """

    def __init__(self, folder: Path):
        self.folder = folder

    def read(self, file: str) -> pd.DataFrame:
        """A CSV of the copy as text cells."""
        return pd.read_csv(self.folder / file, dtype=str, keep_default_na=False)

    def edit(self, file: str, change) -> Path:
        """Rewrite a CSV with ``change(table) -> table``; returns the folder."""
        change(self.read(file)).to_csv(self.folder / file, index=False)
        return self.folder

    def set_cell(self, file: str, row: int, column: str, value: str) -> Path:
        """Change one cell (``row`` counts data rows from 0, so it sits on line ``row + 2``)."""

        def change(table: pd.DataFrame) -> pd.DataFrame:
            table.loc[row, column] = value
            return table

        return self.edit(file, change)

    def write_text(self, file: str, text: str) -> Path:
        """Replace a file's bytes with ``text`` (UTF-8)."""
        (self.folder / file).write_text(text, encoding="utf-8", newline="")
        return self.folder

    def text(self, file: str) -> str:
        return (self.folder / file).read_text(encoding="utf-8")


@pytest.fixture
def data_copy(tmp_path: Path) -> DataCopy:
    """A fresh writable copy of the course data for one test."""
    from crossroads import data

    folder = tmp_path / "data"
    shutil.copytree(data.data_dir(), folder, ignore=shutil.ignore_patterns("build", "__pycache__"))
    return DataCopy(folder)
