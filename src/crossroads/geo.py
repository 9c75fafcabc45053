"""Distances on the globe: the great-circle (haversine) formula, in plain Python.

>>> round(great_circle_km(51.51, -0.13, 48.86, 2.35))  # London to Paris
343
"""
from __future__ import annotations

import math
from collections.abc import Iterable

__all__ = ["EARTH_RADIUS_KM", "great_circle_km", "path_length_km", "in_geometry", "feature_at", "along"]

EARTH_RADIUS_KM = 6371.0
"""Mean Earth radius used for every distance in the course (km)."""


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Shortest distance over the Earth's surface between two points, in km.

    >>> round(great_circle_km(0, 0, 0, 1), 1)  # one degree along the equator
    111.2
    """
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def path_length_km(points: Iterable[tuple[float, float]]) -> float:
    """Length of a path through ``(lat, lon)`` points: the sum of great-circle legs, in km.

    >>> round(path_length_km([(0, 0), (0, 1), (0, 2)]), 1)
    222.4
    """
    points = list(points)
    return sum(great_circle_km(*a, *b) for a, b in zip(points, points[1:]))


def _in_ring(lat: float, lon: float, ring: list) -> bool:
    """Ray casting: is the point inside one GeoJSON ring of [lon, lat] pairs?"""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def in_geometry(lat: float, lon: float, geometry: dict) -> bool:
    """Is the point inside a GeoJSON Polygon or MultiPolygon (holes respected)?

    >>> square = {"type": "Polygon", "coordinates": [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]}
    >>> in_geometry(1, 1, square), in_geometry(3, 1, square)
    (True, False)
    """
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return any(_in_ring(lat, lon, poly[0]) and not any(_in_ring(lat, lon, hole) for hole in poly[1:])
               for poly in polygons)


def feature_at(lat: float, lon: float, features: list[dict]) -> dict | None:
    """The first GeoJSON feature whose geometry contains the point, or None.

    >>> sq = {"type": "Feature", "properties": {"iso3": "SQ"},
    ...       "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]}}
    >>> feature_at(1, 1, [sq])["properties"]["iso3"], feature_at(5, 5, [sq])
    ('SQ', None)
    """
    return next((f for f in features if in_geometry(lat, lon, f["geometry"])), None)


def _vertices(geometry: dict) -> set[tuple[float, float]]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return {(float(x), float(y)) for polygon in polygons for ring in polygon for x, y in ring}


def _corners_near(corners: set, others: set, tolerance: float) -> int:
    """How many of ``corners`` lie within ``tolerance`` degrees of one of ``others`` (a grid keeps it fast)."""
    cells: dict[tuple[int, int], list] = {}
    for x, y in others:
        cells.setdefault((math.floor(x / tolerance), math.floor(y / tolerance)), []).append((x, y))
    return sum(1 for x, y in corners
               if any(math.dist((x, y), q) <= tolerance
                      for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                      for q in cells.get((math.floor(x / tolerance) + dx, math.floor(y / tolerance) + dy), ())))


def share_border(a: dict, b: dict, tolerance: float = 0.1) -> bool:
    """Do two GeoJSON outlines share a stretch of border?

    Outlines simplified one by one (as the course's Natural Earth outlines are) do not always use
    the same corner points, so corners within ``tolerance`` degrees (0.1°, about 11 km) count as
    common, and a border needs two of them: one close corner is not a border. On the course's
    outlines the nearest non-neighbours are 0.19° apart (Pakistan and Tajikistan).

    >>> left = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}
    >>> right = {"type": "Polygon", "coordinates": [[[1.01, 0], [2, 0], [2, 1], [1.01, 1], [1.01, 0]]]}
    >>> far = {"type": "Polygon", "coordinates": [[[5, 5], [6, 5], [6, 6], [5, 5]]]}
    >>> share_border(left, right), share_border(left, far)
    (True, False)
    """
    corners_a, corners_b = _vertices(a), _vertices(b)
    return _corners_near(corners_a, corners_b, tolerance) + _corners_near(corners_b, corners_a, tolerance) >= 2


def along(points: Iterable[tuple[float, float]], step_km: float = 25.0) -> list[tuple[float, float]]:
    """Points every ``step_km`` or so along a path's straight legs (in degrees, as drawn on a flat map).

    >>> along([(0, 0), (0, 1)], step_km=60)
    [(0.0, 0.0), (0.0, 0.5), (0.0, 1.0)]
    """
    points = [(float(a), float(b)) for a, b in points]
    out = points[:1]
    for (lat1, lon1), (lat2, lon2) in zip(points, points[1:]):
        n = max(1, math.ceil(great_circle_km(lat1, lon1, lat2, lon2) / step_km))
        out += [(lat1 + (lat2 - lat1) * k / n, lon1 + (lon2 - lon1) * k / n) for k in range(1, n + 1)]
    return out
