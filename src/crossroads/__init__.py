"""Crossroads: Kazakhstan between China and Russia - helpers for the course notebooks.

Submodules are imported on first use, so ``import crossroads`` stays light:

>>> import crossroads
>>> crossroads.data.split_list("KAZ; CHN")
['KAZ', 'CHN']
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"  # the one place the version is written (pyproject reads it)
__all__ = ["data", "maps", "widgets", "exercises", "__version__"]


def __getattr__(name: str):
    """Import ``crossroads.data``, ``.maps``, ... lazily on first attribute access."""
    if name in {"data", "maps", "widgets", "exercises", "notebooks", "envcheck"}:
        return importlib.import_module(f"crossroads.{name}")
    raise AttributeError(f"module 'crossroads' has no attribute {name!r}")
