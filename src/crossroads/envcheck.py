"""Check that a learner's environment has what the course needs, in plain words.

>>> from crossroads.envcheck import check_environment
>>> report = check_environment()
>>> report.ok
True
"""
from __future__ import annotations

import html
import importlib.util
import sys
from dataclasses import dataclass, field

# (module to import, what it is for, how to get it)
NEEDED = [
    ("pandas", "tables and calculations", "pip install pandas"),
    ("folium", "the interactive maps", "pip install folium"),
    ("matplotlib", "the charts", "pip install matplotlib"),
    ("ipywidgets", "sliders and drop-downs", "pip install ipywidgets"),
    ("jupyterlab_widgets", "showing widgets in JupyterLab", "pip install jupyterlab_widgets"),
]


@dataclass
class Report:
    """The result of ``check_environment``: a list of (passed, sentence) lines."""

    lines: list[tuple[bool, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(passed for passed, _ in self.lines)

    def __repr__(self) -> str:
        marks = [f"{'✓' if passed else '✗'} {text}" for passed, text in self.lines]
        verdict = "Everything the course needs is here." if self.ok else "Something is missing: see the ✗ lines."
        return "\n".join(marks + [verdict])

    def _repr_html_(self) -> str:
        rows = "".join(
            f'<li style="color:{"#1b7f3b" if passed else "#b00020"}">{"✓" if passed else "✗"} {html.escape(text)}</li>'
            for passed, text in self.lines
        )
        verdict = "Everything the course needs is here." if self.ok else "Something is missing: see the ✗ lines."
        return f'<ul style="list-style:none;padding-left:0">{rows}</ul><p><b>{verdict}</b></p>'


def check_environment() -> Report:
    """Check Python, the packages and the course data; never raises.

    >>> isinstance(check_environment(), Report)
    True
    """
    report = Report()
    version_ok = sys.version_info >= (3, 10)
    report.lines.append((version_ok, "Python is 3.10 or newer." if version_ok else
                         "Python is older than 3.10: start the course from a newer Python."))
    for module, purpose, fix in NEEDED:
        found = importlib.util.find_spec(module) is not None
        report.lines.append((found, f"{module} is installed ({purpose})." if found else
                             f"{module} is missing, so {purpose} will not work. Install it with: {fix}"))
    try:
        from crossroads import data

        count = data.check()  # every table and outline, so a broken file shows here, not mid-lesson
        report.lines.append((True, f"The course data loads ({count} data sets, all checked)."))
    except Exception as err:  # the learner needs a sentence, not a traceback
        report.lines.append((False, f"The course data did not load: {err}"))
    return report
