"""Distances on the globe: the great-circle (haversine) formula, in plain Python.

>>> round(great_circle_km(51.51, -0.13, 48.86, 2.35))  # London to Paris
343
"""
from __future__ import annotations

import math
from collections.abc import Iterable

__all__ = ["EARTH_RADIUS_KM", "great_circle_km", "path_length_km"]

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
