"""Crossroads: Kazakhstan between China and Russia - helpers for the course notebooks.

Submodules are imported on first use, so ``import crossroads`` stays light:

>>> import crossroads
>>> crossroads.data.split_list("KAZ; CHN")
['KAZ', 'CHN']
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"  # the one place the version is written (pyproject reads it)
__all__ = ["data", "maps", "widgets", "charts", "brief", "exercises", "__version__"]
_SUBMODULES = {"data", "maps", "widgets", "charts", "brief", "exercises", "notebooks", "envcheck", "scenario",
               "style", "text", "routes", "geo", "site", "grading"}


def __getattr__(name: str):
    """Import ``crossroads.data``, ``.maps``, ... lazily on first attribute access."""
    if name in _SUBMODULES:
        return importlib.import_module(f"crossroads.{name}")
    raise AttributeError(f"module 'crossroads' has no attribute {name!r}")
