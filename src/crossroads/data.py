"""Load the course data: typed, validated pandas tables with their sources.

Every file in ``data/`` is described in ``data/datapackage.json`` (a Frictionless
Data Package, written by ``python data/build/make_datapackage.py``). ``load`` reads
a file, converts every column to the type the schema gives, and checks the
schema's rules (required values, allowed values, ranges, unique ids, links to
other files). Anything wrong raises ``DataError`` with the file, the line, the
column and what to fix.

The loader knows no table by name: everything comes from the schema. Besides the
standard Table Schema rules it reads these properties:

- ``"type": "list"`` with ``"delimiter": ";"``: a ``;``-separated list, kept as
  text in the table (split it with :func:`split_list`); a required list may not
  be empty.
- ``"crossroads": {"itemReference": {"resource": "places", "fields": "id"}}`` on
  a list field: every item must be an id of that resource.
- ``"crossroads": {"date": {...}}`` on a string field: a date ``YYYY``,
  ``YYYY-MM`` or ``YYYY-MM-DD`` (BCE years negative, no year 0) that must exist
  in the calendar. Options: ``"precisionField"`` (a field saying year, month or
  day, which must match), ``"notBefore"`` (a field this date may not precede)
  and ``"addColumns": true`` (add ``year``, ``month``, ``day``, ``when`` and sort
  the rows by date).
- ``"crossroads": {"hint": "..."}`` on a field: advice added to an out-of-range message.
- On a GeoJSON resource, ``"crossroads": {"featureProperties": ["iso3", "name"]}``:
  properties every feature must have.

>>> from crossroads import data
>>> places = data.load("places")
>>> places.loc[places["id"] == "almaty", ["name", "country"]].values.tolist()
[['Almaty', 'KAZ']]
"""
from __future__ import annotations

import calendar
import csv
import io
import json
import math
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["DataError", "load", "cite", "sources", "geojson", "year_label", "split_list", "data_dir", "names", "check"]


class DataError(ValueError):
    """A data file is missing or breaks its schema; the message says where and what to fix."""


# --------------------------------------------------------------------------- finding the data

_HERE = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The folder holding ``datapackage.json``.

    Looked for in this order, and nowhere else: the ``CROSSROADS_DATA``
    environment variable; the copy shipped inside an installed wheel
    (``crossroads/_data``); the ``data/`` folder of the source checkout this
    module belongs to (``src/crossroads`` -> ``data``: an editable install).

    >>> (data_dir() / "datapackage.json").exists()
    True
    """
    env = os.environ.get("CROSSROADS_DATA")
    if env:
        return Path(env)
    shipped = _HERE / "_data"
    if (shipped / "datapackage.json").exists():
        return shipped
    if _HERE.parent.name == "src":
        checkout = _HERE.parent.parent / "data"
        if (checkout / "datapackage.json").exists():
            return checkout
    raise DataError(
        "Could not find the course data (datapackage.json). Reinstall the course, "
        "or set CROSSROADS_DATA to the data folder."
    )


def _folder(folder: str | os.PathLike | None) -> Path:
    return Path(folder) if folder is not None else data_dir()


def _stamp(folder: Path) -> tuple:
    """What the folder's files look like now: a changed file gives a new stamp (no stale caches)."""
    try:
        return tuple(sorted((e.name, e.stat().st_mtime_ns, e.stat().st_size) for e in os.scandir(folder) if e.is_file()))
    except OSError:
        return ()


_FIELD_TYPES = {"string", "number", "integer", "boolean", "list"}


def _package(folder: Path) -> dict:
    return _read_package(folder, _stamp(folder))


@lru_cache(maxsize=8)
def _read_package(folder: Path, stamp: tuple) -> dict:
    path = folder / "datapackage.json"
    package = _read_json(path, "the data folder's description")
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list):
        raise DataError(f"{path}: no 'resources' list. Regenerate it: python data/build/make_datapackage.py")
    for index, res in enumerate(resources):
        where = f"{path.name}, resource {index + 1}"
        if not isinstance(res, dict) or not isinstance(res.get("name"), str) or not isinstance(res.get("path"), str):
            raise DataError(f"{where}: needs a 'name' and a 'path'.")
        if res.get("format") != "csv":
            continue
        fields = res.get("schema", {}).get("fields") if isinstance(res.get("schema"), dict) else None
        if not isinstance(fields, list) or not fields:
            raise DataError(f"{where} ({res['name']}): no 'schema' with a 'fields' list.")
        for field in fields:
            if not isinstance(field, dict) or not isinstance(field.get("name"), str):
                raise DataError(f"{where} ({res['name']}): every field needs a 'name'.")
            if field.get("type", "string") not in _FIELD_TYPES:
                raise DataError(f"{where} ({res['name']}): field {field['name']!r} has unknown type "
                                f"{field.get('type')!r}; use one of {', '.join(sorted(_FIELD_TYPES))}.")
    return package


def _read_json(path: Path, what: str) -> Any:
    """Parse a JSON file, or raise a DataError naming it."""
    if not path.exists():
        raise DataError(f"{path}: file not found. Restore {what} from the course repository.")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise DataError(f"{path}: not valid JSON ({err}). Fix the file or restore it from the course repository.") from None


def _resource(name: str, folder: Path) -> dict:
    for res in _package(folder)["resources"]:
        if res["name"] == name:
            return res
    raise DataError(f"No data set called {name!r}. Known names: {', '.join(names(folder))}.")


def names(folder: str | os.PathLike | None = None) -> list[str]:
    """Names ``load`` (tables) and ``geojson`` (outlines) accept.

    >>> "places" in names()
    True
    """
    return [r["name"] for r in _package(_folder(folder))["resources"]]


def check(folder: str | os.PathLike | None = None) -> int:
    """Load every data set (tables and outlines); return how many, or raise the first DataError.

    >>> check() == len(names())
    True
    """
    path = _folder(folder)
    for res in _package(path)["resources"]:
        if res.get("format") == "csv":
            _load(res["name"], path, _stamp(path))
        else:
            _geojson(res["name"], path, _stamp(path))
    return len(_package(path)["resources"])


# --------------------------------------------------------------------------- reading and checking


def load(name: str, folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """Return the data set ``name`` as a typed, validated DataFrame (a fresh copy).

    Events get extra columns: ``year``, ``month``, ``day`` (BCE years negative)
    and ``when`` (a readable label such as ``"138 BCE"`` or ``"19 May 2023"``).

    >>> load("events")[["date", "when"]].head(1).shape
    (1, 2)
    """
    path = _folder(folder)
    return _load(str(name), path, _stamp(path)).copy()


def _options(field: dict) -> dict:
    extra = field.get("crossroads")
    return extra if isinstance(extra, dict) else {}


@lru_cache(maxsize=64)
def _load(name: str, folder: Path, stamp: tuple) -> pd.DataFrame:
    res = _resource(name, folder)
    if res.get("format") != "csv":
        raise DataError(f"{name!r} is not a table; use data.geojson({name!r}) instead.")
    path = folder / res["path"]
    schema = res["schema"]
    fields = schema["fields"]
    raw, lines = _read_csv(path, [f["name"] for f in fields])
    where = _Where(path.name, lines)
    table = pd.DataFrame({f["name"]: _convert(raw[f["name"]], f, where) for f in fields})
    _check_unique(table, schema.get("primaryKey", []), where)
    for key in schema.get("foreignKeys", []):
        _check_links(table, key, where, folder)
    timeline = None
    for field in fields:
        options = _options(field)
        if "itemReference" in options:
            _check_list_links(table, field["name"], options["itemReference"], where, folder)
        if isinstance(options.get("date"), dict):
            parsed = _check_dates(table, field["name"], options["date"], where)
            if options["date"].get("addColumns"):
                timeline = parsed
    return table if timeline is None else _add_date_columns(table, timeline)


class _Where:
    """Names a place in a file for messages: ``places.csv, line 6``."""

    def __init__(self, file: str, lines: list[int]):
        self.file, self.lines = file, lines

    def __call__(self, row: int) -> str:
        return f"{self.file}, line {self.lines[row]}"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _read_csv(path: Path, expected: list[str]) -> tuple[pd.DataFrame, list[int]]:
    """The cells of a CSV file as text, and the line each row starts on; checks the header and row lengths."""
    if not path.exists():
        raise DataError(f"{path}: file not found. Restore it from the course repository.")
    header_help = f"The header must be: {','.join(expected)}"
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise DataError(f"{path.name}: not UTF-8 text (byte {err.start} is {err.object[err.start]:#x}). "
                        "Save the file as UTF-8.") from None
    if not text.strip():
        raise DataError(f"{path.name}: the file is empty. {header_help}")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows, lines, start = [], [], 1
    try:
        for row in reader:
            if row:  # blank lines are skipped
                rows.append(row)
                lines.append(start)
            start = reader.line_num + 1
    except csv.Error as err:
        hint = ("a quoted value is never closed (a missing closing quote)" if "end of data" in str(err) else
                "a quoted value goes on after its closing quote (double a quote inside a value: \"\")"
                if "expected after" in str(err) else str(err))
        raise DataError(f"{path.name}, line {start}: cannot be read as CSV: {hint}.") from None
    header, rows, lines = rows[0], rows[1:], lines[1:]
    problems = []
    missing = [c for c in expected if c not in header]
    if missing:
        problems.append(f"missing column(s) {', '.join(missing)}")
    unknown = [repr(c) if c.strip() else f"an unnamed column (position {i + 1}: a trailing comma?)"
               for i, c in enumerate(header) if c not in expected]
    if unknown:
        problems.append(f"unknown column(s) {', '.join(unknown)} (a new column must first be described in "
                        "data/build/make_datapackage.py; then run that script)")
    doubled = sorted({c for c in header if header.count(c) > 1 and c in expected})
    if doubled:
        problems.append(f"column(s) {', '.join(doubled)} appear twice")
    if problems:
        raise DataError(f"{path.name}: {'; '.join(problems)}. {header_help}")
    if not rows:
        raise DataError(f"{path.name}: has a header but no rows. Restore the file from the course repository.")
    for row, line in zip(rows, lines):
        if len(row) != len(header):
            broken = any("\n" in cell for cell in row)
            why = ("a quoted value runs over several lines (a missing '\"'?)" if broken else
                   "a missing comma, or an unquoted comma inside a value?")
            raise DataError(f"{path.name}, line {line}: {len(row)} values but the header has {len(header)} columns ({why}).")
        for name, cell in zip(header, row):
            bad = _CONTROL.search(cell)
            if bad:
                raise DataError(f"{path.name}, line {line}: column {name!r} contains the control character "
                                f"{bad.group()!r}. Remove it.")
    return pd.DataFrame(rows, columns=header, dtype=str), lines


_NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
_INTEGER = r"[+-]?[0-9]+"
_INT64 = 2**63


def _first(mask: pd.Series) -> int | None:
    """Position of the first True in a boolean Series, or None."""
    mask = mask.fillna(False).astype(bool).to_numpy()
    return int(mask.argmax()) if mask.any() else None


def _convert(col: pd.Series, field: dict, where: _Where) -> pd.Series:
    rules = field.get("constraints", {})
    name, kind = field["name"], field.get("type", "string")
    about = f" ({field['description']})" if field.get("description") else ""
    text = col.str.strip().reset_index(drop=True)
    empty = text == ""
    i = _first(empty)
    if rules.get("required") and i is not None:
        raise DataError(f"{where(i)}: column {name!r} is empty but required{about}.")
    if kind in ("integer", "number"):
        values = _numbers(text, empty, name, kind, where)
        hint = _options(field).get("hint")
        for bound, test in (("minimum", values.lt), ("maximum", values.gt)):
            if bound in rules:
                i = _first(test(rules[bound]))
                if i is not None:
                    raise DataError(f"{where(i)}: column {name!r} = {text[i]} is out of range "
                                    f"({bound} {rules[bound]}).{' ' + hint if hint else ''}")
        return values
    if kind == "boolean":
        mapping = {"true": True, "false": False, "1": True, "0": False, "yes": True, "no": False}
        lowered = text.str.lower()
        i = _first(~lowered.isin(list(mapping)) & ~empty)
        if i is not None:
            raise DataError(f"{where(i)}: column {name!r} should be true or false, got {text[i]!r}.")
        return lowered.map(mapping).astype("boolean")
    if kind == "list" and rules.get("required"):
        i = _first(text.map(lambda cell: not split_list(cell)))
        if i is not None:
            raise DataError(f"{where(i)}: column {name!r} = {text[i]!r} is an empty list but required{about}.")
    if "pattern" in rules:
        i = _first(~text.str.fullmatch(rules["pattern"]) & ~empty)
        if i is not None:
            raise DataError(f"{where(i)}: column {name!r} = {text[i]!r} is malformed{about}.")
    if rules.get("unique"):
        i = _first(text.duplicated() & ~empty)
        if i is not None:
            raise DataError(f"{where(i)}: column {name!r} = {text[i]!r} appears twice; each row needs its own.")
    if "enum" in rules:
        i = _first(~text.isin(rules["enum"]) & ~empty)
        if i is not None:
            raise DataError(f"{where(i)}: column {name!r} = {text[i]!r} is not allowed; "
                            f"use one of {', '.join(rules['enum'])}.")
        return pd.Series(pd.Categorical(text.where(~empty), categories=rules["enum"]))
    return text.where(~empty).astype("string")


def _numbers(text: pd.Series, empty: pd.Series, name: str, kind: str, where: _Where) -> pd.Series:
    """Parse a number or integer column: plain decimal digits only, finite, integers exact and within int64."""
    pattern = _INTEGER if kind == "integer" else _NUMBER
    i = _first(~text.str.fullmatch(pattern) & ~empty)
    if i is not None:
        what = "a whole number written with the digits 0-9" if kind == "integer" else "a number written with the digits 0-9"
        raise DataError(f"{where(i)}: column {name!r} should be {what}, got {text[i]!r}.")
    if kind == "integer":
        ints = [None if blank else int(cell) for cell, blank in zip(text, empty)]
        i = next((k for k, v in enumerate(ints) if v is not None and not -_INT64 <= v < _INT64), None)
        if i is not None:
            raise DataError(f"{where(i)}: column {name!r} = {text[i]} is too large for a whole-number column.")
        return pd.Series(pd.array(ints, dtype="Int64"))
    values = pd.to_numeric(text.where(~empty), errors="coerce").astype("float64")
    i = _first(values.abs() == math.inf)
    if i is not None:
        raise DataError(f"{where(i)}: column {name!r} = {text[i]} is too large to be a finite number.")
    return values


def _check_unique(table: pd.DataFrame, key: list[str], where: _Where) -> None:
    if not key:
        return
    i = _first(table.duplicated(subset=key, keep="first"))
    if i is not None:
        shown = ", ".join(f"{k}={table.at[i, k]}" for k in key)
        raise DataError(f"{where(i)}: duplicate id ({shown}); every row needs its own.")


def _known(reference: dict, folder: Path) -> tuple[set[str], str]:
    """The ids a reference points at, and the file they live in."""
    target = reference["resource"]
    other = _load(target, folder, _stamp(folder))
    return set(other[reference["fields"]].dropna().astype(str)), _resource(target, folder)["path"]


def _check_links(table: pd.DataFrame, key: dict, where: _Where, folder: Path) -> None:
    col = key["fields"]
    known, target_file = _known(key["reference"], folder)
    values = table[col].astype("string")
    i = _first(values.notna() & ~values.isin(known))
    if i is not None:
        raise DataError(f"{where(i)}: {col} {values[i]!r} is not in {target_file} "
                        f"(column {key['reference']['fields']}). Add it there or fix the id.")


def _check_list_links(table: pd.DataFrame, col: str, reference: dict, where: _Where, folder: Path) -> None:
    known, target_file = _known(reference, folder)
    for i, cell in enumerate(table[col]):
        unknown = [item for item in split_list(cell) if item not in known]
        if unknown:
            raise DataError(f"{where(i)}: {col} {', '.join(unknown)} not in {target_file} "
                            f"(column {reference['fields']}). Add it there or fix the id.")


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


def _date_problem(year: int, month: int | None, day: int | None) -> str | None:
    """Why a date cannot exist, or None. BCE leap years follow the proleptic Gregorian calendar (1 BCE is leap)."""
    if year == 0:
        return "there is no year 0; 1 BCE is followed by 1 CE"
    if month is not None and not 1 <= month <= 12:
        return f"there is no month {month}"
    if day is not None:
        days = calendar.monthrange(2000 if calendar.isleap(year + 1 if year < 0 else year) else 2001, month)[1]
        if not 1 <= day <= days:
            return f"{_MONTHS[month - 1]} has no day {day}"
    return None


def _date_label(year: int, month: int | None, day: int | None) -> str:
    label = year_label(year)
    if month:
        label = f"{_MONTHS[month - 1]} {label}"
    if day:
        label = f"{day} {label}"
    return label


def _check_dates(table: pd.DataFrame, col: str, options: dict, where: _Where) -> list[tuple]:
    """Check a date column (see the module docstring); returns (year, month, day, label) per row."""
    parsed = []
    for i, text in enumerate(table[col]):
        if pd.isna(text):
            parsed.append((None, None, None, None))
            continue
        date = _parse_date(text)
        problem = _date_problem(*date)
        if problem:
            raise DataError(f"{where(i)}: column {col!r} = {text!r} is impossible: {problem}.")
        precision = options.get("precisionField")
        if precision:
            wanted = {"year": 1, "month": 2, "day": 3}.get(str(table.at[i, precision]))
            if wanted != 1 + (date[1] is not None) + (date[2] is not None):
                raise DataError(f"{where(i)}: date {text!r} does not match {precision} {table.at[i, precision]!r}.")
        before = options.get("notBefore")
        if before and pd.notna(table.at[i, before]):
            start = _parse_date(table.at[i, before])
            if tuple(p or 0 for p in date) < tuple(p or 0 for p in start):
                raise DataError(f"{where(i)}: column {col!r} = {text!r} is before {before} {table.at[i, before]!r}.")
        parsed.append((*date, _date_label(*date)))
    return parsed


def _add_date_columns(table: pd.DataFrame, parsed: list[tuple]) -> pd.DataFrame:
    """Add year, month, day and when, and sort the rows by date (ties keep file order)."""
    out = table.copy()
    for index, (column, dtype) in enumerate([("year", "Int64"), ("month", "Int64"), ("day", "Int64"), ("when", "string")]):
        out[column] = pd.array([p[index] for p in parsed], dtype=dtype)
    return out.sort_values(["year", "month", "day"], na_position="first", kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- sources and geometry


def figure(figure_id: str, folder: str | os.PathLike | None = None) -> float:
    """One value of the figures table, by its id (a KeyError names an unknown id).

    >>> figure("tanker_capacity_src003")
    8000.0
    """
    return float(load("figures", folder).set_index("id").at[figure_id, "value"])


def sources(folder: str | os.PathLike | None = None) -> pd.DataFrame:
    """All sources of the course, with a ready-made ``citation`` column.

    >>> sources().loc[0, "id"]
    'src-000'
    """
    table = load("sources", folder)
    table["citation"] = [cite(i, folder) for i in table["id"]]
    return table


def cite(source_id: str, folder: str | os.PathLike | None = None) -> str:
    """A short citation for a source id (looked up in a cached dictionary, so it is cheap to call often).

    >>> cite("data-imf-dots").endswith("[data-imf-dots]")
    True
    """
    path = _folder(folder)
    found = _citations(path, _stamp(path)).get(str(source_id))
    if found is None:
        raise DataError(f"Unknown source id {source_id!r}. See data.sources() for the list.")
    return found


@lru_cache(maxsize=8)
def _citations(folder: Path, stamp: tuple) -> dict[str, str]:
    out = {}
    for r in _load("sources", folder, stamp).itertuples():
        title = str(r.title) if str(r.title).startswith("[") else f'"{r.title}"'
        parts = [str(v) for v in (r.author, r.outlet) if pd.notna(v)] + [title]
        if pd.notna(r.date):
            parts.append(str(r.date))
        out[str(r.id)] = ", ".join(parts) + f" [{r.id}]"
    return out


def geojson(name: str = "countries_geo", folder: str | os.PathLike | None = None) -> dict[str, Any]:
    """The country outlines (or another GeoJSON resource) as a dict.

    >>> geojson()["type"]
    'FeatureCollection'
    """
    path = _folder(folder)
    return json.loads(json.dumps(_geojson(name, path, _stamp(path))))  # a fresh copy


@lru_cache(maxsize=4)
def _geojson(name: str, folder: Path, stamp: tuple) -> dict:
    res = _resource(name, folder)
    path = folder / res["path"]
    geo = _read_json(path, "the outlines")
    features = geo.get("features") if isinstance(geo, dict) else None
    if not isinstance(features, list) or geo.get("type") != "FeatureCollection":
        raise DataError(f"{path.name}: not a GeoJSON FeatureCollection with a 'features' list. "
                        "Rebuild it (data/build/) or restore it from the course repository.")
    wanted = res.get("crossroads", {}).get("featureProperties", [])
    for number, feature in enumerate(features, start=1):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        props = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(geometry, dict) or not isinstance(geometry.get("coordinates"), list) or not isinstance(props, dict):
            raise DataError(f"{path.name}, feature {number}: needs a 'geometry' with 'coordinates' and 'properties'.")
        missing = [p for p in wanted if not props.get(p)]
        if missing:
            raise DataError(f"{path.name}, feature {number}: property {', '.join(missing)} missing or empty.")
    return geo


_WAYPOINT_SPLIT = re.compile(r"\s*;\s*")


def split_list(text: Any) -> list[str]:
    """Split a ``;``-separated cell into a list (empty cell -> empty list).

    >>> split_list("KAZ; CHN")
    ['KAZ', 'CHN']
    """
    if text is None or (isinstance(text, float) and pd.isna(text)) or text is pd.NA:
        return []
    return [p for p in _WAYPOINT_SPLIT.split(str(text).strip()) if p]
