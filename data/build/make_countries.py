"""Write data/countries.geojson: small, simplified country outlines for the course's maps.

Run: python data/build/make_countries.py

Reads Natural Earth outlines from ../shared/data-sources/ (next to the repository):
1:50m for Central Asia and its big neighbours, 1:110m for the other countries on the map.
Each ring is simplified with Ramer-Douglas-Peucker. A border that two countries share
point for point is cut into the same "arc" for both and simplified once, so they still
meet exactly (no slivers or double lines). That holds within the 1:50m set; a 1:110m
country does not match its 1:50m neighbour exactly (e.g. Ukraine/Russia, Armenia/Azerbaijan).
Small islands are dropped, coordinates are rounded to 2 decimals and the properties are
reduced to iso3 and name. The output is deterministic: the same bytes on every run.

Borders policy: internationally recognised borders. Natural Earth's default outlines draw
Crimea inside Russia (de facto); this script moves that polygon to Ukraine (UN General
Assembly resolution 68/262). It also writes data/occupied.geojson: the areas under Russian
occupation (Crimea, the parts of Donetsk and Luhansk regions Natural Earth draws, Abkhazia,
South Ossetia), from Natural Earth's 1:50m "breakaway and disputed areas" layer
(data/build/ne_50m_occupied_extract.geojson, public domain), simplified the same way. The
maps hatch them; see the ref-naturalearth row of data/sources.csv for the policy.
"""
import json
import math
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO.parent / "shared" / "data-sources"
OUT = REPO / "data" / "countries.geojson"
OCCUPIED_IN = Path(__file__).resolve().parent / "ne_50m_occupied_extract.geojson"
OCCUPIED_OUT = REPO / "data" / "occupied.geojson"
SIMFEROPOL = (34.10, 44.95)  # (lon, lat): a point of Crimea, to find its polygon in Natural Earth's RUS

# id, Natural Earth BRK_A3, name shown, country (ISO3), occupied since, sources (data/sources.csv)
OCCUPIED = [
    ("crimea", "B89", "Crimea", "UKR", "2014", "ref-unga-68-262"),
    ("donetsk_2014", "C02", "Parts of Donetsk region", "UKR", "2014", "ref-indiatoday-spief-2022"),
    ("luhansk_2014", "C03", "Parts of Luhansk region", "UKR", "2014", "ref-indiatoday-spief-2022"),
    ("abkhazia", "B35", "Abkhazia", "GEO", "2008", "ref-civilge-occupied-law-2008"),
    ("south_ossetia", "B37", "South Ossetia / Tskhinvali region", "GEO", "2008", "ref-civilge-occupied-law-2008"),
]
OCCUPIED_TOLERANCE = 0.02

CENTRAL_ASIA = ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
FROM_50M = CENTRAL_ASIA + ["CHN", "RUS", "MNG", "AFG", "IRN", "AZE"]
FROM_110M = ["TUR", "GEO", "ARM", "UKR", "BLR", "PAK", "IND", "IRQ", "SYR"]
ORDER = FROM_50M + FROM_110M  # order of the features in the output

# RDP tolerance (degrees) and the smallest ring kept (square degrees), per country.
# Central Asia keeps its detail and the Fergana Valley enclaves; the rest is coarser.
TOLERANCE = {iso: 0.02 for iso in CENTRAL_ASIA} | {"RUS": 0.12, "CHN": 0.08}
DEFAULT_TOLERANCE = 0.05
MIN_AREA = {iso: 0.003 for iso in CENTRAL_ASIA} | {"RUS": 0.5, "CHN": 0.1}
DEFAULT_MIN_AREA = 0.05


def signed_area(ring):
    """Shoelace area in square degrees; positive when counter-clockwise."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


def seg_dist(p, a, b):
    """Distance from point p to the segment a-b (planar, in degrees)."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def farthest(points, i, j):
    """(distance, index) of the point between i and j farthest from the segment i-j."""
    dists = ((seg_dist(points[k], points[i], points[j]), k) for k in range(i + 1, j))
    return max(dists, default=(0.0, None))


def crossing(line):
    """The first pair of non-adjacent edges of the line that cross, or None
    (a sweep over the edges sorted by x). A closed line's first and last edges touch."""
    def side(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    last = len(line) - 2 if line[0] == line[-1] else -1
    edges = sorted((min(a[0], b[0]), max(a[0], b[0]), i, a, b)
                   for i, (a, b) in enumerate(zip(line, line[1:])))
    for k, (_, x1, i, a, b) in enumerate(edges):
        for x0, _, j, c, d in edges[k + 1:]:
            if x0 > x1:
                break
            touching = abs(i - j) == 1 or {i, j} == {0, last}
            if not touching and side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0:
                return i, j
    return None


def rdp(points, tol):
    """Ramer-Douglas-Peucker: keep the first and last point and every point needed to
    stay within tol of the original line. Then, while two kept edges cross, put back
    the farthest original point of each, so the simplified line never crosses itself."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        dist, k = farthest(points, i, j)
        if dist > tol:
            keep.add(k)
            stack += [(i, k), (k, j)]
    while True:
        idx = sorted(keep)
        line = [points[k] for k in idx]
        pair = crossing(line)
        added = {farthest(points, idx[e], idx[e + 1])[1] for e in pair or ()} - {None}
        if not added:
            return line
        keep |= added


def load():
    """{iso3: (name, [polygon, ...])}, each polygon a list of rings of (lon, lat) tuples."""
    countries = {}
    for fname, wanted in [("ne_50m_central_asia_neighbours.geojson", FROM_50M),
                          ("ne_110m_admin0_countries.geojson", FROM_110M)]:
        for feat in json.loads((SOURCES / fname).read_text(encoding="utf-8"))["features"]:
            iso, geom = feat["properties"]["iso_a3_eh"], feat["geometry"]
            if iso not in wanted:
                continue
            polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
            polys = [[[tuple(p) for p in ring] for ring in poly] for poly in polys]
            countries[iso] = (feat["properties"]["name"], polys)
    assert sorted(countries) == sorted(ORDER), sorted(countries)
    crimea_to_ukraine(countries)
    return countries


def inside(point, ring):
    """Ray casting: is the (lon, lat) point inside the ring?"""
    x, y = point
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def crimea_to_ukraine(countries):
    """Move the polygon of Russia's outline that holds Crimea to Ukraine's (internationally recognised borders)."""
    rus_name, rus = countries["RUS"]
    ukr_name, ukr = countries["UKR"]
    crimea = [poly for poly in rus if inside(SIMFEROPOL, poly[0])]
    assert len(crimea) == 1, "Crimea not found (or found twice) in Natural Earth's outline of Russia"
    countries["RUS"] = (rus_name, [poly for poly in rus if poly is not crimea[0]])
    countries["UKR"] = (ukr_name, ukr + crimea)


def occupied():
    """The areas under Russian occupation as a FeatureCollection (simplified, rounded like the outlines)."""
    source = {f["properties"]["BRK_A3"]: f for f in json.loads(OCCUPIED_IN.read_text(encoding="utf-8"))["features"]}
    features = []
    for area_id, brk, name, country, since, source_id in OCCUPIED:
        ring = [tuple(p) for p in source[brk]["geometry"]["coordinates"][0]]
        simple = clean(rdp(ring, OCCUPIED_TOLERANCE), ccw=True)
        features.append({"type": "Feature",
                         "properties": {"id": area_id, "name": name, "country": country, "since": since,
                                        "source_id": source_id},
                         "geometry": {"type": "Polygon", "coordinates": [simple]}})
    return {"type": "FeatureCollection", "features": features}


def drop_small(countries):
    """Drop islands (and holes) smaller than the country's MIN_AREA."""
    for iso, (name, polys) in countries.items():
        min_area = MIN_AREA.get(iso, DEFAULT_MIN_AREA)
        polys = [[r for r in poly if abs(signed_area(r)) >= min_area] for poly in polys
                 if abs(signed_area(poly[0])) >= min_area]
        countries[iso] = (name, polys)


def simplify_ring(ring, owners, cache):
    """Cut the ring at junctions (shared points where the set of neighbours changes),
    simplify each arc once in a canonical direction, and glue the arcs back together."""
    pts = ring[:-1]
    n = len(pts)
    cut = [i for i in range(n) if len(owners[pts[i]]) > 1
           and not owners[pts[i - 1]] == owners[pts[i]] == owners[pts[(i + 1) % n]]]
    if not cut:  # a ring with no neighbour change: start it at its smallest point
        cut = [pts.index(min(pts))]
    out = []
    for a, b in zip(cut, cut[1:] + [cut[0] + n]):
        arc = [pts[k % n] for k in range(a, b + 1)]
        key = min(tuple(arc), tuple(reversed(arc)))
        if key not in cache:  # the finest tolerance of the countries along the arc
            isos = set().union(*(owners[p] for p in arc[1:-1])) or owners[arc[0]]
            cache[key] = rdp(list(key), min(TOLERANCE.get(i, DEFAULT_TOLERANCE) for i in isos))
        simple = cache[key] if key == tuple(arc) else cache[key][::-1]
        out += simple[:-1]
    return out + out[:1]


def clean(ring, ccw):
    """Round to 2 decimals, drop repeated points, close the ring and orient it (RFC 7946)."""
    out = []
    for x, y in ring:
        p = [round(x, 2), round(y, 2)]
        if not out or p != out[-1]:
            out.append(p)
    if out[0] != out[-1]:
        out.append(out[0])
    if len(out) >= 4 and (signed_area(out) > 0) != ccw:
        out.reverse()
    return out


def build():
    countries = load()
    drop_small(countries)
    owners = defaultdict(set)  # point -> countries whose outline passes through it
    for iso, (_, polys) in countries.items():
        for poly in polys:
            for ring in poly:
                for p in ring:
                    owners[p].add(iso)
    cache, features, counts = {}, [], {}
    for iso in ORDER:
        name, polys = countries[iso]
        new_polys = []
        for poly in polys:
            rings = []
            for k, ring in enumerate(poly):
                out = clean(simplify_ring(ring, owners, cache), ccw=(k == 0))
                if len(out) < 4:  # collapsed: fall back to the unsimplified ring
                    out = clean(ring, ccw=(k == 0))
                if crossing(out):
                    print(f"warning: a ring of {iso} crosses itself after rounding")
                if len(out) >= 4:
                    rings.append(out)
                elif k == 0:
                    break
            if rings:
                new_polys.append(rings)
        counts[iso] = sum(len(r) for poly in new_polys for r in poly)
        geometry = ({"type": "Polygon", "coordinates": new_polys[0]} if len(new_polys) == 1
                    else {"type": "MultiPolygon", "coordinates": new_polys})
        features.append({"type": "Feature", "properties": {"iso3": iso, "name": name}, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}, counts


def main():
    collection, counts = build()
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False)
    OUT.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}: {len(text.encode()) + 1:,} bytes, {sum(counts.values()):,} points")
    for iso, n in counts.items():
        print(f"  {iso} {n:5d}")
    text = json.dumps(occupied(), separators=(",", ":"), ensure_ascii=False)
    OCCUPIED_OUT.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {OCCUPIED_OUT.relative_to(REPO)}: {len(text.encode()) + 1:,} bytes")


if __name__ == "__main__":
    main()
