"""Start the course's own tools faster (the CLI, the grader's workers and the test run).

``import nbformat`` imports ``jsonschema``, which eagerly imports ``rfc3987_syntax``; that
package builds about 35 Earley parsers at import time and takes about 1.8 s on a small machine
(python-jsonschema/jsonschema#1428; opendatahub-io/notebooks#3532). It only checks the
``iri`` and ``iri-reference`` formats, which no notebook schema uses, so the course's own
processes skip it. Nothing else changes: the learner's kernel and JupyterLab are untouched,
and a process that imported ``jsonschema`` already keeps what it has.

Loaded as a pytest plugin (``-p crossroads.startup`` in ``pyproject.toml``) so that it runs
before nbval imports nbformat.

>>> from crossroads import startup
>>> startup.skip_slow_imports()  # then ``import nbformat`` as usual
"""
from __future__ import annotations

import sys


def skip_slow_imports() -> None:
    """Make ``jsonschema`` skip its slow IRI checker in this process (before it is imported)."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # its ``import`` then fails fast; jsonschema allows that


skip_slow_imports()
