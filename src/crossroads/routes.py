"""Places and routes of the course data by id: waypoints, lengths, the towns a route passes.

>>> from crossroads import routes
>>> routes.route_towns("cpc_pipeline")[-1]
'Novorossiysk'
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from crossroads import data
from crossroads.geo import path_length_km
from crossroads.text import data_folder, unknown

__all__ = ["places", "routes", "route_row", "route_points", "route_length_km", "route_towns"]

UNNAMED_KINDS = ("waypoint",)
"""Place kinds that only bend a line (a point at sea, a pass): left out of the towns a route passes."""


def places() -> dict[str, dict]:
    """Rows of data/places.csv by id (cached per data folder).

    >>> places()["almaty"]["name"]
    'Almaty'
    """
    return _lookup("places", data_folder())


def routes() -> dict[str, dict]:
    """Rows of data/routes.csv by id (cached per data folder).

    >>> routes()["cpc_pipeline"]["category"]
    'oil'
    """
    return _lookup("routes", data_folder())


@lru_cache(maxsize=16)
def _lookup(name: str, folder: Path) -> dict[str, dict]:
    return {row["id"]: row for row in data.load(name, folder).to_dict("records")}


def route_row(route_id: Any) -> dict:
    """The row of one route; an unknown id gets a "did you mean" ValueError.

    >>> route_row("cpc_pipeline")["status"]
    'built'
    """
    rows = routes()
    if not isinstance(route_id, str) or route_id not in rows:
        raise unknown("route id", route_id, rows)
    return rows[route_id]


def route_points(route_id: str) -> list[tuple[float, float]]:
    """The ordered (lat, lon) waypoints of a route from data/routes.csv.

    >>> len(route_points("cpc_pipeline")) >= 2
    True
    """
    row, rows = route_row(route_id), places()
    return [(float(rows[p]["lat"]), float(rows[p]["lon"])) for p in data.split_list(row["waypoints"])]


def route_length_km(route_id: str) -> float:
    """Length of a route along its waypoints: great-circle legs summed, in km (rounded to 0.1 km).

    The real track bends more than the straight legs, so this is a lower bound.

    >>> route_length_km("cpc_pipeline") > 1000
    True
    """
    return round(path_length_km(route_points(route_id)), 1)


def route_towns(route_id: str) -> list[str]:
    """Names of the towns, ports, fields and junctions a route passes, in order (bare waypoints left out).

    >>> "Atyrau" in route_towns("cpc_pipeline")
    True
    """
    row, rows = route_row(route_id), places()
    stops = [rows[p] for p in data.split_list(row["waypoints"])]
    return [str(p["name"]) for p in stops if p["kind"] not in UNNAMED_KINDS]
