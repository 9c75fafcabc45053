"""Data integrity of data/ and the loader's error messages on broken copies."""
from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from crossroads import data

DATA = data.data_dir()
TABLES = [r["name"] for r in json.loads((DATA / "datapackage.json").read_text())["resources"] if r["format"] == "csv"]
SEEDS = DATA.parent.parent / "shared" / "seeds"


# --------------------------------------------------------------------------- the real data


@pytest.mark.parametrize("name", TABLES)
def test_every_table_loads_and_is_not_empty(name):
    table = data.load(name)
    assert len(table) > 0


def test_frictionless_validates_the_package():
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(DATA / "datapackage.json"))
    errors = [e.message for task in report.tasks for e in task.errors] + [e.message for e in report.errors]
    assert report.valid, errors[:5]


@pytest.mark.parametrize("name,minimum", [("places", 40), ("events", 30), ("organizations", 6), ("figures", 40)])
def test_minimum_counts(name, minimum):
    assert len(data.load(name)) >= minimum


def test_every_source_id_resolves_and_every_source_is_used():
    known = set(data.load("sources")["id"])
    used = set()
    for name in TABLES:
        table = data.load(name)
        if "source_id" in table:
            ids = set(table["source_id"].astype(str))
            assert ids <= known, ids - known
            used |= ids
    assert {"src-000", "src-001", "src-002", "src-003", "src-004"} <= used


def test_five_seed_sources():
    assert len(data.load("sources").query("kind == 'seed'")) == 5


def test_seed_sources_point_at_real_files():
    if not SEEDS.exists():  # shared/ sits beside the repo in CI and on developer machines
        pytest.skip("shared/seeds not beside the repository")
    missing = [name for name in data.load("sources").query("kind == 'seed'")["file"] if not (SEEDS / name).exists()]
    assert not missing


def test_figure_quotes_appear_in_their_seed():
    if not SEEDS.exists():
        pytest.skip("shared/seeds not beside the repository")
    files = data.load("sources").set_index("id")["file"].dropna()
    text = {sid: " ".join((SEEDS / f).read_text(encoding="utf-8").split()) for sid, f in files.items()}
    figures = data.load("figures")
    missing = [
        (row.id, row.quote) for row in figures.itertuples()
        if row.source_id in text and _norm(row.quote) not in _norm(text[row.source_id])
    ]
    assert not missing, missing[:5]


def _norm(s: str) -> str:
    return " ".join(str(s).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').split()).lower()


def test_every_event_place_exists_and_dates_are_ordered():
    events = data.load("events")
    places = set(data.load("places")["id"])
    assert set(events["place_id"].dropna()) <= places
    years = events["year"].tolist()
    assert years == sorted(years)
    assert (events["year"] != 0).all()
    zhang = events[events["year"] == -138]
    assert not zhang.empty and zhang["when"].iloc[0] == "138 BCE"


def test_2022_china_trade_disagreement_is_kept():
    figures = data.load("figures")
    versions = figures[(figures["subject"] == "trade_china_kaz") & (figures["year"] == 2022)]
    assert {24.0, 31.0} <= set(versions["value"])
    assert versions["source_id"].nunique() >= 2


def test_route_waypoints_and_countries_agree():
    places = data.load("places").set_index("id")
    for route in data.load("routes").itertuples():
        stops = data.split_list(route.waypoints)
        assert len(stops) >= 2, route.id
        crossed = set(data.split_list(route.countries))
        assert set(places.loc[stops, "country"]) <= crossed, route.id


def _inside(lon: float, lat: float, ring: list) -> bool:
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            hit = not hit
    return hit


def _distance_deg(lon: float, lat: float, ring: list) -> float:
    """Smallest distance in degrees from a point to a ring's vertices and edges (flat approximation)."""
    best = math.inf
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        dx, dy = x2 - x1, y2 - y1
        t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((lon - x1) * dx + (lat - y1) * dy) / (dx * dx + dy * dy)))
        best = min(best, math.hypot(lon - (x1 + t * dx), lat - (y1 + t * dy)))
    return best


def _rings(geometry: dict) -> list:
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [poly[0] for poly in polys]


def test_places_lie_in_their_country():
    """Each place is inside its country's outline, or near it: 0.3 degrees for border posts, coasts and
    simplified lines, 1.5 degrees for offshore fields in the Caspian (their note says so)."""
    outlines = {f["properties"]["iso3"]: _rings(f["geometry"]) for f in data.geojson()["features"]}
    wrong = []
    for p in data.load("places").itertuples():
        rings = outlines.get(p.country)
        if rings is None:
            continue
        offshore = p.kind in ("oil_field", "gas_field") and "offshore" in str(p.note).lower()
        limit = 1.5 if offshore else 0.3
        if not any(_inside(p.lon, p.lat, r) for r in rings) and min(_distance_deg(p.lon, p.lat, r) for r in rings) > limit:
            wrong.append((p.id, p.country, p.lat, p.lon))
    assert not wrong


def test_outlines_are_small_and_cover_the_region():
    geo = data.geojson()
    codes = {f["properties"]["iso3"] for f in geo["features"]}
    assert {"KAZ", "KGZ", "TJK", "TKM", "UZB", "CHN", "RUS"} <= codes
    assert (DATA / "countries.geojson").stat().st_size < 150_000


def test_memberships_show_multi_vector_kazakhstan():
    members = data.load("memberships")
    kaz = set(members.loc[members["country"] == "KAZ", "org_id"])
    assert {"csto", "eaeu", "sco", "osce"} <= kaz


def test_trade_series_has_mirror_figures():
    trade = data.load("trade_series")
    assert {"KAZ", "CHN", "RUS"} <= set(trade["reporter"])
    mirror = trade[(trade["reporter"] == "CHN") & (trade["partner"] == "KAZ")]
    assert mirror["year"].min() <= 1995 and mirror["year"].max() == 2020
    assert set(trade.loc[trade["reporter"] == "KAZ", "partner"]) >= {"WLD", "CHN", "RUS", "EUU", "USA"}


def test_year_label_has_no_year_zero():
    assert data.year_label(-1) == "1 BCE"
    assert data.year_label(1) == "1"


def test_load_returns_a_fresh_copy():
    a = data.load("places")
    a.loc[0, "name"] = "changed"
    assert data.load("places").loc[0, "name"] != "changed"


# --------------------------------------------------------------------------- broken copies
#
# Each case breaks one thing in a copy of data/ (the ``data_copy`` fixture of conftest.py) and
# names the fragments the DataError must contain: the file and line, the column, what is wrong.
# ``frictionless=False`` marks rules Table Schema cannot state, so frictionless accepts the copy.


def _json_edit(file: str, change):
    def breaker(copy):
        document = json.loads(copy.text(file))
        change(document)
        copy.write_text(file, json.dumps(document))
    return breaker


def _resource_of(document: dict, name: str) -> dict:
    return next(r for r in document["resources"] if r["name"] == name)


def _lines(file: str, change):
    """Edit a file as a list of text lines."""
    def breaker(copy):
        lines = copy.text(file).split("\n")
        change(lines)
        copy.write_text(file, "\n".join(lines))
    return breaker


def _cells(file: str, row: int, **values: str):
    def breaker(copy):
        for column, value in values.items():
            copy.set_cell(file, row, column, value)
    return breaker


def _drop_description_and_empty_required(document):
    field = _resource_of(document, "places")["schema"]["fields"][1]  # name: required
    del field["description"]


def _break_name_and_drop_description(copy):
    _json_edit("datapackage.json", _drop_description_and_empty_required)(copy)
    copy.set_cell("places.csv", 2, "name", "")


CASES = [
    # (id, breaker, what to load, fragments of the message, frictionless rejects it too)
    ("missing file", lambda c: (c.folder / "places.csv").unlink(), "places", ["places.csv: file not found"], True),
    ("missing column", lambda c: c.edit("places.csv", lambda t: t.drop(columns=["lat"])), "places",
     ["places.csv", "missing column(s) lat"], True),
    ("unknown source id", _cells("places.csv", 3, source_id="src-999"), "places",
     ["places.csv, line 5", "src-999", "sources.csv"], True),
    ("latitude out of range", _cells("places.csv", 0, lat="123.4"), "places",
     ["places.csv, line 2", "'lat'", "out of range", "swapped"], True),
    ("malformed date", _cells("events.csv", 1, date="May 2023"), "events", ["events.csv, line 3", "'date'", "malformed"], True),
    ("year 0", _cells("events.csv", 0, date="0", precision="year", end_date=""), "events",
     ["events.csv, line 2", "'date'", "no year 0"], False),
    ("duplicate id", lambda c: c.edit("places.csv", lambda t: pd.concat([t, t.iloc[[0]]])), "places", ["duplicate id"], True),
    ("unknown waypoint", lambda c: c.set_cell("routes.csv", 0, "waypoints", c.read("routes.csv").loc[0, "waypoints"] + ";atlantis"),
     "routes", ["routes.csv, line 2", "waypoints", "atlantis", "places.csv"], False),
    ("not a number", _cells("figures.csv", 0, value="31 billion"), "figures", ["figures.csv, line 2", "'value'", "should be a number"], True),
    # the reliability review's section 3: values that used to load silently
    ("inf", _cells("figures.csv", 0, value="inf"), "figures", ["figures.csv, line 2", "'value'"], False),
    ("-Infinity", _cells("figures.csv", 1, value="-Infinity"), "figures", ["figures.csv, line 3", "'value'"], False),
    ("1e400", _cells("figures.csv", 0, value="1e400"), "figures", ["figures.csv, line 2", "'value'", "too large"], False),
    ("inf gdp", _cells("population_gdp.csv", 0, gdp_usd="inf"), "population_gdp", ["population_gdp.csv, line 2", "'gdp_usd'"], False),
    ("30 February", _cells("events.csv", 0, date="2023-02-30", precision="day", end_date=""), "events",
     ["events.csv, line 2", "'date'", "February has no day 30"], False),
    ("month 13", _cells("events.csv", 0, date="2023-01-05", precision="day", end_date="2023-13-45"), "events",
     ["events.csv, line 2", "'end_date'", "no month 13"], False),
    ("end before start", _cells("events.csv", 0, date="2023-05-19", precision="day", end_date="2023-05-18"), "events",
     ["events.csv, line 2", "'end_date'", "before date"], False),
    ("empty waypoint list", _cells("routes.csv", 0, waypoints=";;"), "routes",
     ["routes.csv, line 2", "'waypoints'", "empty list"], False),
    ("header-only places", _lines("places.csv", lambda lines: lines.__delitem__(slice(1, None))), "places",
     ["places.csv", "no rows"], False),
    ("header-only sources", _lines("sources.csv", lambda lines: lines.__delitem__(slice(1, None))), "sources",
     ["sources.csv", "no rows"], False),
    ("extra column", lambda c: c.edit("places.csv", lambda t: t.assign(population="1")), "places",
     ["places.csv", "unknown column(s) 'population'"], True),
    ("trailing comma", _lines("places.csv", lambda lines: lines.__setitem__(0, lines[0] + ",")), "places",
     ["places.csv", "unnamed column", "trailing comma"], True),
    ("NUL byte", _cells("places.csv", 2, name="Alma\x00ty"), "places", ["places.csv, line 4", "'name'", "control character"], False),
    ("beyond int64", _cells("figures.csv", 0, year="99999999999999999999"), "figures",
     ["figures.csv, line 2", "'year'", "too large"], False),
    ("decimal in integer", _cells("organizations.csv", 0, founded="2001.5"), "organizations",
     ["organizations.csv, line 2", "'founded'", "whole number"], True),
    ("empty file", lambda c: c.write_text("places.csv", ""), "places", ["places.csv", "empty", "header must be"], True),
    ("no resources", _json_edit("datapackage.json", lambda d: d.pop("resources")), "places",
     ["datapackage.json", "resources"], True),
    ("no schema", _json_edit("datapackage.json", lambda d: _resource_of(d, "places").pop("schema")), "places",
     ["datapackage.json", "places", "schema"], True),
    ("no description", _break_name_and_drop_description, "places", ["places.csv, line 4", "'name'", "empty but required"], True),
    ("geojson without features", _json_edit("countries.geojson", lambda d: d.pop("features")), "countries_geo",
     ["countries.geojson", "features"], False),
    ("unterminated quote", _lines("places.csv", lambda lines: lines.__setitem__(2, lines[2].replace(",", ',"', 1))), "places",
     ["places.csv, line 3", "quote"], True),
    ("quote never closed", _lines("places.csv", lambda lines: lines.append('new_town,"New town,,city,KAZ,43,77,src-000,')), "places",
     ["places.csv, line", "never closed"], True),
]


def _open(name: str, folder: Path):
    return data.geojson(name, folder) if name == "countries_geo" else data.load(name, folder)


@pytest.mark.parametrize("breaker,name,fragments", [c[1:4] for c in CASES], ids=[c[0] for c in CASES])
def test_broken_copy_raises_a_clear_data_error(data_copy, breaker, name, fragments):
    breaker(data_copy)
    with pytest.raises(data.DataError) as err:
        _open(name, data_copy.folder)
    missing = [f for f in fragments if f not in str(err.value)]
    assert not missing, f"{missing} not in: {err.value}"


@pytest.mark.parametrize("breaker,name", [c[1:3] for c in CASES if c[4]], ids=[c[0] for c in CASES if c[4]])
def test_frictionless_rejects_the_same_broken_copy(data_copy, breaker, name):
    frictionless = pytest.importorskip("frictionless")
    package = data_copy.folder / "datapackage.json"  # valid before (test_frictionless_validates_the_package)
    breaker(data_copy)
    try:
        report = frictionless.Package(str(package)).get_resource(name).validate()
    except (frictionless.FrictionlessException, KeyError, TypeError):
        return  # the descriptor itself is refused
    assert not report.valid


def test_huge_but_exact_integers_load_exactly(data_copy):
    """2**53 + 1 would be rounded through a float; it is parsed as an integer instead."""
    data_copy.set_cell("figures.csv", 0, "year", str(2**53 + 1))
    assert data.load("figures", data_copy.folder)["year"].dropna().tolist().count(2**53 + 1) == 1


def test_byte_order_mark_blank_lines_and_crlf_are_harmless(data_copy):
    text = data_copy.text("places.csv")
    data_copy.write_text("places.csv", "\ufeff" + text.replace("\n", "\r\n", 3).replace("\n", "\n\n", 2))
    pd.testing.assert_frame_equal(data.load("places", data_copy.folder), data.load("places"))


def test_error_lines_count_blank_lines(data_copy):
    lines = data_copy.text("places.csv").split("\n")
    lines.insert(1, "")
    lat = lines[0].split(",").index("lat")
    row = lines[2].split(",")
    row[lat] = "123.4"
    lines[2] = ",".join(row)
    data_copy.write_text("places.csv", "\n".join(lines))
    with pytest.raises(data.DataError, match="places.csv, line 3"):
        data.load("places", data_copy.folder)


def test_an_edited_file_is_read_again(data_copy):
    """The loader's cache notices a changed file: no stale data within a kernel session."""
    first = data.load("places", data_copy.folder).loc[0, "name"]
    data_copy.set_cell("places.csv", 0, "name", first + " (edited)")
    assert data.load("places", data_copy.folder).loc[0, "name"] == first + " (edited)"


def test_unknown_name_and_unknown_source():
    with pytest.raises(data.DataError, match="Known names"):
        data.load("dragons")
    with pytest.raises(data.DataError, match="Unknown source id"):
        data.cite("src-999")


def test_missing_package_file(tmp_path):
    with pytest.raises(data.DataError, match="datapackage.json"):
        data.load("places", tmp_path)


# --------------------------------------------------------------------------- finding the data folder


def _plant_foreign_package(folder: Path) -> None:
    """An unrelated Frictionless package, the way a data-science folder often has one."""
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "datapackage.json").write_text(json.dumps({"name": "rainfall", "resources": [
        {"name": "rainfall", "path": "rainfall.csv", "format": "csv", "schema": {"fields": [{"name": "mm", "type": "number"}]}}]}))


def _module_copy(target: Path):
    """Import a copy of crossroads/data.py placed at ``target`` (as an install would place it)."""
    import importlib.util

    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(Path(data.__file__), target)
    spec = importlib.util.spec_from_file_location(f"copy_of_data_{abs(hash(target))}", target)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_data_folder_above_the_install_is_ignored(tmp_path, monkeypatch):
    monkeypatch.delenv("CROSSROADS_DATA", raising=False)
    _plant_foreign_package(tmp_path)
    installed = _module_copy(tmp_path / "venv" / "lib" / "site-packages" / "crossroads" / "data.py")
    shutil.copytree(DATA, tmp_path / "venv" / "lib" / "site-packages" / "crossroads" / "_data",
                    ignore=shutil.ignore_patterns("build"))
    assert installed.data_dir() == tmp_path / "venv" / "lib" / "site-packages" / "crossroads" / "_data"
    assert len(installed.load("places")) > 0
    # with no shipped copy, the planted folder is still not taken
    bare = _module_copy(tmp_path / "other" / "crossroads" / "data.py")
    with pytest.raises(bare.DataError, match="Could not find the course data"):
        bare.data_dir()


def test_a_source_checkout_uses_exactly_its_own_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("CROSSROADS_DATA", raising=False)
    _plant_foreign_package(tmp_path)
    checkout = tmp_path / "clone"
    shutil.copytree(DATA, checkout / "data", ignore=shutil.ignore_patterns("build"))
    module = _module_copy(checkout / "src" / "crossroads" / "data.py")
    assert module.data_dir() == checkout / "data"
    monkeypatch.setenv("CROSSROADS_DATA", str(tmp_path / "data"))
    assert module.data_dir() == tmp_path / "data"  # the environment variable still wins


# --------------------------------------------------------------------------- the schema contract


def test_generated_datapackage_equals_the_committed_one():
    """datapackage.json is generated: a hand edit would be lost at the next run of the script."""
    import runpy

    script = DATA / "build" / "make_datapackage.py"
    if not script.exists():
        pytest.skip("build scripts are not shipped with an installed course")
    generated = runpy.run_path(str(script))["TEXT"]
    assert generated == (DATA / "datapackage.json").read_text(encoding="utf-8"), \
        "data/datapackage.json is out of date: run python data/build/make_datapackage.py"


def test_a_new_table_gets_list_links_and_dates_from_its_schema_alone(data_copy):
    """What a table needs comes from datapackage.json: a table the loader has never heard of gets
    the same checks and date columns as events and routes."""
    package = json.loads(data_copy.text("datapackage.json"))
    package["resources"].append({"name": "trips", "path": "trips.csv", "format": "csv", "schema": {"fields": [
        {"name": "stops", "type": "list", "delimiter": ";", "constraints": {"required": True},
         "crossroads": {"itemReference": {"resource": "places", "fields": "id"}}},
        {"name": "day", "type": "string", "constraints": {"required": True},
         "crossroads": {"date": {"addColumns": True}}},
    ]}})
    data_copy.write_text("datapackage.json", json.dumps(package))
    data_copy.write_text("trips.csv", "stops,day\nalmaty;astana,2023-05-19\nalmaty,-138\n")
    trips = data.load("trips", data_copy.folder)
    assert trips["when"].tolist() == ["138 BCE", "19 May 2023"]
    data_copy.write_text("trips.csv", "stops,day\nalmaty;atlantis,2023-05-19\n")
    with pytest.raises(data.DataError, match="trips.csv, line 2: stops atlantis not in places.csv"):
        data.load("trips", data_copy.folder)
    data_copy.write_text("trips.csv", "stops,day\nalmaty,2023-02-29\n")
    with pytest.raises(data.DataError, match="February has no day 29"):
        data.load("trips", data_copy.folder)


def test_environment_check_names_any_broken_file(data_copy, monkeypatch):
    """check_environment loads every data set, so a broken route shows in lesson 00, not mid-lesson 03."""
    from crossroads.envcheck import check_environment

    data_copy.set_cell("routes.csv", 0, "waypoints", ";;")
    monkeypatch.setenv("CROSSROADS_DATA", str(data_copy.folder))
    report = check_environment()
    assert not report.ok and "routes.csv, line 2" in repr(report)
    monkeypatch.delenv("CROSSROADS_DATA")
    assert check_environment().ok
