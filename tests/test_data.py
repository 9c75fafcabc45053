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


def test_seed_sources_point_at_real_files():
    seeds = data.load("sources").query("kind == 'seed'")
    assert len(seeds) == 5
    if SEEDS.exists():  # shared/ sits beside the repo in CI and on developer machines
        for name in seeds["file"]:
            assert (SEEDS / name).exists(), name


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


@pytest.fixture
def broken(tmp_path: Path):
    """A writable copy of data/ and a helper to edit one of its files."""
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy, ignore=shutil.ignore_patterns("build"))

    def edit(file: str, change):
        table = pd.read_csv(copy / file, dtype=str, keep_default_na=False)
        table = change(table)
        table.to_csv(copy / file, index=False)
        return copy

    return copy, edit


def _replace(column: pd.Series, row: int, value: str) -> pd.Series:
    """A copy of ``column`` with one cell changed."""
    column = column.copy()
    column.iloc[row] = value
    return column


def _error(folder, name="places") -> str:
    with pytest.raises(data.DataError) as err:
        data.load(name, folder)
    return str(err.value)


def test_missing_file(broken):
    folder, _ = broken
    (folder / "places.csv").unlink()
    assert "places.csv: file not found" in _error(folder)


def test_missing_column(broken):
    folder, edit = broken
    edit("places.csv", lambda t: t.drop(columns=["lat"]))
    assert "missing column(s) lat" in _error(folder)


def test_unknown_source_id(broken):
    folder, edit = broken

    edit("places.csv", lambda t: t.assign(**{"source_id": _replace(t["source_id"], 3, "src-999")}))
    msg = _error(folder)
    assert "places.csv, line 5" in msg and "src-999" in msg and "sources.csv" in msg


def test_latitude_out_of_range(broken):
    folder, edit = broken

    edit("places.csv", lambda t: t.assign(**{"lat": _replace(t["lat"], 0, "123.4")}))
    msg = _error(folder)
    assert "line 2" in msg and "'lat'" in msg and "out of range" in msg


def test_malformed_date(broken):
    folder, edit = broken

    edit("events.csv", lambda t: t.assign(**{"date": _replace(t["date"], 1, "May 2023")}))
    msg = _error(folder, "events")
    assert "events.csv, line 3" in msg and "malformed" in msg


def test_year_zero_is_rejected(broken):
    folder, edit = broken

    def change(t):
        t.loc[0, "date"], t.loc[0, "precision"] = "0", "year"
        return t

    edit("events.csv", change)
    assert "no year 0" in _error(folder, "events")


def test_duplicate_id(broken):
    folder, edit = broken
    edit("places.csv", lambda t: pd.concat([t, t.iloc[[0]]]))
    assert "duplicate id" in _error(folder)


def test_unknown_waypoint(broken):
    folder, edit = broken

    edit("routes.csv", lambda t: t.assign(**{"waypoints": _replace(t["waypoints"], 0, t.loc[0, "waypoints"] + ";atlantis")}))
    assert "atlantis" in _error(folder, "routes")


def test_not_a_number(broken):
    folder, edit = broken

    edit("figures.csv", lambda t: t.assign(**{"value": _replace(t["value"], 0, "31 billion")}))
    assert "should be a number" in _error(folder, "figures")


def test_unknown_name_and_unknown_source():
    with pytest.raises(data.DataError, match="Known names"):
        data.load("dragons")
    with pytest.raises(data.DataError, match="Unknown source id"):
        data.cite("src-999")


def test_missing_package_file(tmp_path):
    with pytest.raises(data.DataError, match="datapackage.json"):
        data.load("places", tmp_path)
