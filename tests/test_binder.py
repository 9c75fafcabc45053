"""Packaging: pyproject declares what the code imports; binder/requirements.txt is a full lock of it.

The Binder environment itself (requirements, then postBuild, then a lesson) is built and run by
``tests/fresh_binder_check.py``, which ``.ci/run`` calls; the wheel is checked there too.
"""
from __future__ import annotations

import ast
import re
import sys
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
BINDER_PYTHON = re.search(r"python-(\d+\.\d+)", (ROOT / "binder" / "runtime.txt").read_text()).group(1)
BINDER_ENV = {**default_environment(), "python_version": BINDER_PYTHON, "python_full_version": BINDER_PYTHON + ".0",
              "sys_platform": "linux", "platform_system": "Linux", "os_name": "posix", "extra": ""}


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "binder" / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            req = Requirement(line)
            spec = list(req.specifier)
            assert len(spec) == 1 and spec[0].operator == "==", f"not pinned exactly: {line}"
            assert _key(req.name) not in pins, f"pinned twice: {req.name}"
            pins[_key(req.name)] = spec[0].version
    return pins


def _runtime_requirements() -> list[Requirement]:
    reqs = [Requirement(r) for r in PROJECT["dependencies"]]
    return [r for r in reqs if r.marker is None or r.marker.evaluate(BINDER_ENV)]


def test_binder_pins_every_runtime_dependency_within_pyproject_ranges():
    pins = _pins()
    missing = [str(r) for r in _runtime_requirements() if _key(r.name) not in pins]
    assert not missing, f"binder/requirements.txt does not pin: {missing}"
    outside = [f"{r.name}=={pins[_key(r.name)]} (pyproject: {r})" for r in _runtime_requirements()
               if not r.specifier.contains(pins[_key(r.name)], prereleases=True)]
    assert not outside, outside


def test_binder_pins_are_a_full_lock():
    """Every requirement of every pinned package is pinned too (checked for the packages installed
    here at the pinned version: their metadata says what they need)."""
    pins = _pins()
    checked, unpinned = 0, []
    for name, version in pins.items():
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        if dist.version != version:
            continue
        checked += 1
        for text in dist.requires or []:
            req = Requirement(text)
            if (req.marker is None or req.marker.evaluate(BINDER_ENV)) and _key(req.name) not in pins:
                unpinned.append(f"{req.name} (needed by {name})")
    assert checked >= len(pins) // 2, f"only {checked} of {len(pins)} pins are installed here at their version"
    assert not unpinned, sorted(set(unpinned))


def _imported_top_level_modules() -> dict[str, str]:
    """Top-level modules that src/crossroads imports (outside the standard library), with one file each."""
    found = {}
    for path in sorted((ROOT / "src" / "crossroads").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module else [])
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "crossroads":
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


def test_every_imported_package_is_declared():
    declared = {_key(Requirement(r).name) for r in PROJECT["dependencies"]}
    owners = metadata.packages_distributions()
    undeclared = []
    for module, where in _imported_top_level_modules().items():
        dists = {_key(d) for d in owners.get(module, [])} or {_key(module)}  # not installed here: e.g. tomli on 3.11
        if not dists & declared:
            undeclared.append(f"{module} ({where}): add {' or '.join(sorted(dists))} to pyproject dependencies")
    assert not undeclared, undeclared


def test_test_extra_installs_what_the_tests_and_scripts_import():
    """pip install -e ".[test]" brings pytest, nbval, xdist, frictionless, the browser, site and bench tools."""
    extras = PROJECT["optional-dependencies"]
    test = {_key(Requirement(r).name) for r in extras["test"]}
    included = set()
    for req in map(Requirement, extras["test"]):
        if _key(req.name) == "crossroads":
            for extra in req.extras:
                included |= {_key(Requirement(r).name) for r in extras[extra]}
    assert {"pytest", "pytest-xdist", "nbval", "frictionless"} <= test
    assert {"playwright", "psutil", "sphinx"} <= included
    learner = {_key(Requirement(r).name) for r in PROJECT["dependencies"]}
    assert not learner & (test | included), "a learner's install would pull test tools"


def test_deprecations_from_libraries_fail_the_tests():
    """pyproject's filterwarnings turn deprecations into errors even when a library raises them: the blanket
    ignore this replaced hid that ipywidgets 8 ignores ``Layout(overflow_y=...)`` (the timeline never scrolled)."""
    import ipywidgets as W

    with pytest.raises(DeprecationWarning, match="overflow_y"):
        W.Layout(overflow_y="auto")
