"""Small helpers shared by maps, widgets and charts: safe text, "did you mean" errors, names, citations.

One home for what several modules need, so none of them reaches into another's private names.

>>> escape_text("<b>Almaty</b>")
'&lt;b&gt;Almaty&lt;/b&gt;'
>>> country_name("KAZ")
'Kazakhstan'
"""
from __future__ import annotations

import difflib
import html
import math
import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from crossroads import data

__all__ = [
    "escape_text", "closest", "unknown", "require_known", "as_list", "present", "name_list", "and_list", "cap",
    "data_folder", "country_names", "country_name", "outline_codes", "citation",
]


def escape_text(value: Any) -> str:
    """Make any text safe inside HTML and inside JavaScript template strings.

    >>> escape_text("<script>alert(1)</script>")
    '&lt;script&gt;alert(1)&lt;/script&gt;'
    """
    return (html.escape(str(value), quote=True)
            .replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;"))


def closest(value: Any, known: Iterable[str]) -> str | None:
    """The known name equal to ``value`` in any case, else the nearest spelling, else None.

    >>> closest("kaz", ["KAZ", "RUS"]), closest("Rusia", ["KAZ", "Russia"]), closest("xyz", ["KAZ"])
    ('KAZ', 'Russia', None)
    """
    known = list(known)
    by_lower = {k.lower(): k for k in known}
    if str(value).lower() in by_lower:
        return by_lower[str(value).lower()]
    close = difflib.get_close_matches(str(value), known, n=1)
    return close[0] if close else None


def unknown(what: str, value: Any, known: Iterable[str], plural: str | None = None) -> ValueError:
    """A learner-readable error for an unknown name, with the closest known name (any case) and the full list.

    >>> print(unknown("country code", "kaz", ["KAZ", "RUS"]))
    Unknown country code 'kaz'. Did you mean 'KAZ'? Known country codes: KAZ, RUS.
    """
    known = list(known)
    close = closest(value, known)
    hint = f" Did you mean {close!r}?" if close else ""
    plural = plural or (what[:-1] + "ies" if what.endswith("y") else what + "s")
    return ValueError(f"Unknown {what} {value!r}.{hint} Known {plural}: {', '.join(known)}.")


def require_known(values: Iterable[Any] | None, what: str, known: Iterable[str]) -> None:
    """Raise ``unknown(...)`` for the first value not in ``known``.

    >>> require_known(["KAZ"], "country code", ["KAZ", "RUS"])
    """
    known = list(known)
    for value in values or []:
        if value not in known:
            raise unknown(what, value, known)


def as_list(value: str | Iterable[str] | None, what: str) -> list[str] | None:
    """A name or several names as a list (None stays None); anything else gets a clear ValueError.

    >>> as_list("oil", "category"), as_list(("a", "b"), "ids")
    (['oil'], ['a', 'b'])
    """
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    if isinstance(value, (dict, bytes)) or not isinstance(value, Iterable):
        raise ValueError(f"{what} should be a name or a list of names such as ['a', 'b']; "
                         f"got {value!r} ({type(value).__name__}).")
    return [str(v) for v in value]


def present(value: Any) -> bool:
    """False for None, pandas' NA and NaN; True for anything else.

    >>> present(float("nan")), present("x")
    (False, True)
    """
    if value is None or value is pd.NA:
        return False
    return not (isinstance(value, float) and math.isnan(value))


def cap(text: str) -> str:
    """First letter in upper case, the rest untouched.

    >>> cap("dry ports")
    'Dry ports'
    """
    return text[:1].upper() + text[1:]


def name_list(names: Sequence[str], limit: int = 8) -> str:
    """Names joined by commas (semicolons if a name has a comma), cut after ``limit`` with "and N more".

    >>> name_list(["Almaty", "Astana", "Aktau"], limit=2)
    'Almaty, Astana and 1 more'
    """
    names = list(names)
    sep = "; " if any("," in n for n in names) else ", "
    if len(names) > limit:
        return sep.join(names[:limit]) + f" and {len(names) - limit} more"
    return sep.join(names)


def and_list(items: Iterable[str]) -> str:
    """Items as a phrase: "a", "a and b", "a, b and c".

    >>> and_list(["a map"]), and_list(["a map", "a chart", "a figure"])
    ('a map', 'a map, a chart and a figure')
    """
    items = list(items)
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else "".join(items)


def data_folder() -> Path:
    """``data.data_dir()``, looked up once per CROSSROADS_DATA setting (it walks the file system).

    >>> data_folder().name
    'data'
    """
    return _data_folder_for(os.environ.get("CROSSROADS_DATA"))


@lru_cache(maxsize=8)
def _data_folder_for(env: str | None) -> Path:
    return data.data_dir()


def country_names() -> dict[str, str]:
    """English names of the countries in the course data, by ISO3 code.

    >>> country_names()["KAZ"]
    'Kazakhstan'
    """
    return _country_names_in(data_folder())


def country_name(code: Any) -> str:
    """The English name of an ISO3 code, or the code itself when unknown.

    >>> country_name("CHN"), country_name("XYZ")
    ('China', 'XYZ')
    """
    return country_names().get(str(code), str(code))


def outline_codes() -> list[str]:
    """ISO3 codes of the countries whose outlines the maps draw.

    >>> "KAZ" in outline_codes()
    True
    """
    return list(_outline_codes(data_folder()))


@lru_cache(maxsize=4)
def _outline_codes(folder: Path) -> tuple[str, ...]:
    return tuple(f["properties"]["iso3"] for f in data.geojson(folder=folder)["features"])


@lru_cache(maxsize=4)
def _country_names_in(folder: Path) -> dict[str, str]:
    names = {f["properties"]["iso3"]: f["properties"]["name"] for f in data.geojson(folder=folder)["features"]}
    try:
        countries = data.load("countries", folder)
        names.update(zip(countries["iso3"], countries["name"]))
    except data.DataError:
        pass
    return names


def citation(source_id: Any) -> str:
    """``data.cite(source_id)`` cached per data folder; "" for a missing id, the id itself if unknown.

    >>> citation("src-000")[:10] != "src-000"
    True
    """
    if not present(source_id):
        return ""
    return _citation(data_folder(), str(source_id))


@lru_cache(maxsize=256)
def _citation(folder: Path, source_id: str) -> str:
    try:
        return data.cite(source_id, folder)
    except data.DataError:
        return source_id
