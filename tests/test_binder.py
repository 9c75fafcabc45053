"""binder/ pins every runtime dependency of pyproject.toml and trusts the lessons."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_binder_pins_every_runtime_dependency():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pins = {}
    for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            assert "==" in line, f"not pinned exactly: {line}"
            pins[_name(line)] = line
    missing = [d for d in deps if _name(d) not in pins]
    assert not missing, f"binder/requirements.txt does not pin: {missing}"


def test_postbuild_installs_the_package_and_trusts_lessons():
    post = (ROOT / "binder" / "postBuild").read_text()
    assert "pip install" in post and "-e ." in post
    assert "jupyter trust lessons/*.ipynb" in post
    assert "jupyter lab build" not in post
