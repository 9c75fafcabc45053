"""Load the course data: typed, validated pandas tables with their sources.

Every file in ``data/`` is described in ``data/datapackage.json`` (a Frictionless
Data Package). ``load`` reads a file, converts every column to the type the
schema gives, and checks the schema's rules (required values, allowed values,
ranges, unique ids, links to other files). Anything wrong raises ``DataError``
with the file, the line and what to fix.

>>> from crossroads import data
>>> places = data.load("places")
>>> data.cite("src-003")[:45]
'Eurasia Daily Monitor, Volume 20, Issue 181, '
"""
from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["DataError", "load", "cite", "sources", "geojson", "year_label", "split_list", "data_dir", "names"]


class DataError(ValueError):
    """A data file is missing or breaks its schema; the message says where and what to fix."""


# --------------------------------------------------------------------------- finding the data


def data_dir() -> Path:
    """The folder holding ``datapackage.json``.

    Looked for in this order: the ``CROSSROADS_DATA`` environment variable, a
    ``data/`` folder above this file (a source checkout or editable install),
    then the copy shipped inside an installed wheel.

    >>> (data_dir() / "datapackage.json").exists()
    True
    """
    env = os.environ.get("CROSSROADS_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "data" / "datapackage.json").exists():
            return parent / "data"
    shipped = here.parent / "_data"
    if (shipped / "datapackage.json").exists():
        return shipped
    raise DataError(
        "Could not find the course data (data/datapackage.json). "
        "Run the lessons from a clone of the course, or set CROSSROADS_DATA to the data folder."
    )


def _folder(folder: str | os.PathLike | None) -> Path:
    return Path(folder) if folder is not None else data_dir()


@lru_cache(maxsize=8)
def _package(folder: Path) -> dict:
    path = folder / "datapackage.json"
    if not path.exists():
        raise DataError(f"{path}: file not found. The data folder needs its datapackage.json.")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise DataError(f"{path}: not valid JSON ({err}). Fix the file or restore it from the course repository.") from None


def _resource(name: str, folder: Path) -> dict:
    for res in _package(folder)["resources"]:
        if res["name"] == name:
            return res
    raise DataError(f"No data set called {name!r}. Known names: {', '.join(names(folder))}.")


def names(folder: str | os.PathLike | None = None) -> list[str]:
    """Names ``load`` accepts.

    >>> "places" in names()
    True
    """
    return [r["name"] for r in _package(_folder(folder))["resources"]]


# --------------------------------------------------------------------------- reading and checking


def load(name: str, folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """Return the data set ``name`` as a typed, validated DataFrame (a fresh copy).

    Events get extra columns: ``year``, ``month``, ``day`` (BCE years negative)
    and ``when`` (a readable label such as ``"138 BCE"`` or ``"19 May 2023"``).

    >>> load("events")[["date", "when"]].head(1).shape
    (1, 2)
    """
    return _load(str(name), _folder(folder)).copy()


@lru_cache(maxsize=64)
def _load(name: str, folder: Path) -> pd.DataFrame:
    res = _resource(name, folder)
    if res.get("format") != "csv":
        raise DataError(f"{name!r} is not a table; use data.geojson({name!r}) instead.")
    path = folder / res["path"]
    if not path.exists():
        raise DataError(f"{path}: file not found. Restore it from the course repository.")
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError) as err:
        raise DataError(f"{path}: cannot be read as CSV ({err}).") from None
    schema = res["schema"]
    expected = [f["name"] for f in schema["fields"]]
    missing = [c for c in expected if c not in raw.columns]
    if missing:
        raise DataError(f"{path.name}: missing column(s) {', '.join(missing)}. The header must be: {','.join(expected)}")
    table = pd.DataFrame({f["name"]: _convert(raw[f["name"]], f, path.name) for f in schema["fields"]})
    _check_unique(table, schema.get("primaryKey", []), path.name)
    for key in schema.get("foreignKeys", []):
        _check_links(table, key, path.name, folder)
    if name == "events":
        table = _add_event_dates(table, path.name)
    if name == "routes":
        _check_list_links(table, "waypoints", "places", "id", path.name, folder)
        _check_list_links(table, "countries", "countries", "iso3", path.name, folder)
    return table


def _where(file: str, index: int) -> str:
    return f"{file}, line {index + 2}"  # line 1 is the header


def _convert(col: pd.Series, field: dict, file: str) -> pd.Series:
    rules = field.get("constraints", {})
    name, kind = field["name"], field["type"]
    text = col.str.strip()
    empty = text == ""
    if rules.get("required") and empty.any():
        i = int(empty.idxmax())
        raise DataError(f"{_where(file, i)}: column {name!r} is empty but required ({field['description']})")
    if kind in ("integer", "number"):
        values = pd.to_numeric(text.where(~empty), errors="coerce")
        bad = values.isna() & ~empty
        if bad.any():
            i = int(bad.idxmax())
            raise DataError(f"{_where(file, i)}: column {name!r} should be a {kind}, got {col[i]!r}")
        if kind == "integer":
            if (values.dropna() % 1 != 0).any():
                i = int(((values % 1) != 0).idxmax())
                raise DataError(f"{_where(file, i)}: column {name!r} should be a whole number, got {col[i]!r}")
            values = values.astype("Int64")
        for bound, test in (("minimum", values.lt), ("maximum", values.gt)):
            if bound in rules:
                out = test(rules[bound]).fillna(False).astype(bool)
                if out.any():
                    i = int(out.idxmax())
                    raise DataError(
                        f"{_where(file, i)}: column {name!r} = {col[i]} is out of range "
                        f"({bound} {rules[bound]}). Check the value (latitude and longitude swapped?)."
                    )
        return values
    if kind == "boolean":
        mapping = {"true": True, "false": False, "1": True, "0": False, "yes": True, "no": False}
        lowered = text.str.lower()
        bad = ~lowered.isin(list(mapping)) & ~empty
        if bad.any():
            i = int(bad.idxmax())
            raise DataError(f"{_where(file, i)}: column {name!r} should be true or false, got {col[i]!r}")
        return lowered.map(mapping).astype("boolean")
    # strings
    if "pattern" in rules:
        bad = ~text.str.fullmatch(rules["pattern"]) & ~empty
        if bad.any():
            i = int(bad.idxmax())
            raise DataError(f"{_where(file, i)}: column {name!r} = {col[i]!r} is malformed ({field['description']})")
    if "enum" in rules:
        bad = ~text.isin(rules["enum"]) & ~empty
        if bad.any():
            i = int(bad.idxmax())
            raise DataError(
                f"{_where(file, i)}: column {name!r} = {col[i]!r} is not allowed; use one of {', '.join(rules['enum'])}"
            )
        return pd.Categorical(text.where(~empty), categories=rules["enum"])
    return text.where(~empty).astype("string")


def _check_unique(table: pd.DataFrame, key: list[str], file: str) -> None:
    if not key:
        return
    dup = table.duplicated(subset=key, keep="first")
    if dup.any():
        i = int(dup.idxmax())
        shown = ", ".join(f"{k}={table.at[i, k]}" for k in key)
        raise DataError(f"{_where(file, i)}: duplicate id ({shown}); every row needs its own.")


def _check_links(table: pd.DataFrame, key: dict, file: str, folder: Path) -> None:
    col, target = key["fields"], key["reference"]
    other = _load(target["resource"], folder)
    known = set(other[target["fields"]].dropna().astype(str))
    values = table[col].astype("string")
    bad = values.notna() & ~values.isin(known)
    if bad.any():
        i = int(bad.idxmax())
        target_file = _resource(target["resource"], folder)["path"]
        raise DataError(
            f"{_where(file, i)}: {col} {values[i]!r} is not in {target_file} "
            f"(column {target['fields']}). Add it there or fix the id."
        )


def _check_list_links(table: pd.DataFrame, col: str, target: str, target_col: str, file: str, folder: Path) -> None:
    known = set(_load(target, folder)[target_col].dropna().astype(str))
    for i, cell in enumerate(table[col]):
        unknown = [item for item in split_list(cell) if item not in known]
        if unknown:
            target_file = _resource(target, folder)["path"]
            raise DataError(f"{_where(file, i)}: {col} {', '.join(unknown)} not in {target_file}. Add it there or fix the id.")


_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"]


def year_label(year: int) -> str:
    """Readable year: BCE years are negative and there is no year 0.

    >>> year_label(-138), year_label(2023)
    ('138 BCE', '2023')
    """
    year = int(year)
    return f"{-year} BCE" if year < 0 else str(year)


def _parse_date(text: str) -> tuple[int, int | None, int | None]:
    sign = -1 if text.startswith("-") else 1
    parts = text.lstrip("-").split("-")
    year = sign * int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else None
    day = int(parts[2]) if len(parts) > 2 else None
    return year, month, day


def _date_label(year: int, month: int | None, day: int | None) -> str:
    label = year_label(year)
    if month:
        label = f"{_MONTHS[month - 1]} {label}"
    if day:
        label = f"{day} {label}"
    return label


def _add_event_dates(table: pd.DataFrame, file: str) -> pd.DataFrame:
    parsed = []
    for i, (text, precision) in enumerate(zip(table["date"], table["precision"])):
        year, month, day = _parse_date(text)
        if year == 0:
            raise DataError(f"{_where(file, i)}: there is no year 0; 1 BCE is followed by 1 CE.")
        if (month and not 1 <= month <= 12) or (day and not 1 <= day <= 31):
            raise DataError(f"{_where(file, i)}: date {text!r} has an impossible month or day.")
        wanted = {"year": 1, "month": 2, "day": 3}[precision]
        have = 1 + (month is not None) + (day is not None)
        if wanted != have:
            raise DataError(f"{_where(file, i)}: date {text!r} does not match precision {precision!r}.")
        parsed.append((year, month, day, _date_label(year, month, day)))
    out = table.copy()
    out["year"] = pd.array([p[0] for p in parsed], dtype="Int64")
    out["month"] = pd.array([p[1] for p in parsed], dtype="Int64")
    out["day"] = pd.array([p[2] for p in parsed], dtype="Int64")
    out["when"] = pd.array([p[3] for p in parsed], dtype="string")
    return out.sort_values(["year", "month", "day"], na_position="first", kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- sources and geometry


def sources(folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """All sources of the course, with a ready-made ``citation`` column.

    >>> sources().loc[0, "id"]
    'src-000'
    """
    table = load("sources", folder)
    table["citation"] = [cite(i, folder) for i in table["id"]]
    return table


def cite(source_id: str, folder: str | os.PathLike | None = None) -> str:
    """A short citation for a source id.

    >>> cite("src-004")
    'Erhan Yalvaç, "A New Stan-dard? Sino-Russian Recalibration in Central Asia", 2023-08-11 [src-004]'
    """
    table = _load("sources", _folder(folder))
    row = table[table["id"] == str(source_id)]
    if row.empty:
        raise DataError(f"Unknown source id {source_id!r}. See data.sources() for the list.")
    r = row.iloc[0]
    title = str(r["title"])
    if not title.startswith("["):
        title = f'"{title}"'
    parts = [str(r[c]) for c in ("author", "outlet") if pd.notna(r[c])]
    parts.append(title)
    if pd.notna(r["date"]):
        parts.append(str(r["date"]))
    return ", ".join(parts) + f" [{source_id}]"


def geojson(name: str = "countries_geo", folder: str | os.PathLike | None = None) -> dict[str, Any]:
    """The country outlines (or another GeoJSON resource) as a dict.

    >>> geojson()["type"]
    'FeatureCollection'
    """
    return json.loads(json.dumps(_geojson(name, _folder(folder))))  # a fresh copy


@lru_cache(maxsize=4)
def _geojson(name: str, folder: Path) -> dict:
    res = _resource(name, folder)
    path = folder / res["path"]
    if not path.exists():
        raise DataError(f"{path}: file not found. Restore it from the course repository.")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise DataError(f"{path}: not valid GeoJSON ({err}).") from None


_WAYPOINT_SPLIT = re.compile(r"\s*;\s*")


def split_list(text: Any) -> list[str]:
    """Split a ``;``-separated cell into a list (empty cell -> empty list).

    >>> split_list("KAZ; CHN")
    ['KAZ', 'CHN']
    """
    if text is None or (isinstance(text, float) and pd.isna(text)) or text is pd.NA:
        return []
    return [p for p in _WAYPOINT_SPLIT.split(str(text).strip()) if p]
