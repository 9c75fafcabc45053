"""Maps of Central Asia built from the course data (folium / Leaflet): the learner's API.

Every map has a title, country outlines (so borders show even without internet), a scale bar,
a legend in real text, labels for the places it shows, a layer switcher and a text description
for screen readers (``describe``). Borders are the internationally recognised ones; areas under
Russian occupation in the map's frame are hatched and named in the legend. The same code gives
the same HTML on every run, so stored notebook outputs can be checked byte for byte.

>>> from crossroads import maps
>>> m = maps.region_map("Oil routes")
>>> maps.add_routes(m, category="oil")   # doctest: +ELLIPSIS
<Map: "Oil routes" — 0 places, ... routes>

The layers: ``_folium`` (folium/branca internals, offline assets), ``_legend`` (styles, legend,
frame, description); this module holds the map and the functions a lesson calls.
"""
from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import folium

from crossroads import data, style
from crossroads import geo
from crossroads.geo import path_length_km
from crossroads.maps._folium import (
    CountryOutlines, Group, Label, LayerControl, OccupiedAreas, Page, Tiles, named_colours, page_html, walk,
)
from crossroads.maps._folium import _outline_json  # noqa: F401  (tests/bench_maps.py measures it)
from crossroads.maps._folium import Circle as _Circle
from crossroads.maps._folium import FastMap as _FastMap
from crossroads.maps._folium import Line as _Line
from crossroads.maps._legend import (
    EACH_ROUTE_DASHES, OCCUPATION_LABEL, PLACE_KINDS, POINT_COLOUR, ROUTE_CATEGORIES, SCHEMATIC_NOTE, STATUS_WORDS,
    Frame, RouteLook, Style, describe, occupied_in, route_look,
)
from crossroads.routes import places as _places
from crossroads.routes import route_length_km, route_points
from crossroads.routes import route_row as _route_row
from crossroads.routes import routes as _routes
from crossroads.text import as_list as _as_list
from crossroads.text import cap as _cap
from crossroads.text import citation, closest, country_names, data_folder, escape_text, outline_codes, present, require_known
from crossroads.text import unknown as _unknown

__all__ = [
    "Map", "region_map", "work_offline", "add_places", "add_dry_ports", "add_route", "add_routes", "add_point",
    "add_line", "shade_countries", "shade_by_count", "add_journeys", "journey_map", "event_map", "describe",
    "country_names", "outline_codes", "share_border", "route_points", "route_length_km", "escape_text",
    "CENTRAL_ASIA", "EURASIA", "PLACE_KINDS", "ROUTE_CATEGORIES", "STATUS_WORDS", "OCCUPATION_LABEL", "Style",
]

Bounds = tuple[tuple[float, float], tuple[float, float]]

CENTRAL_ASIA: Bounds = ((35.0, 46.0), (55.5, 88.0))
"""(south, west), (north, east) of the default frame: the five states and their borders."""
EURASIA: Bounds = ((30.0, 30.0), (58.0, 118.0))
"""A wider frame, from the Black Sea to Beijing (for Silk Road and corridor maps)."""

OCCUPIED_MARGIN = (2.0, 5.0)
"""Degrees (lat, lon) added around a map's frame when choosing the occupied areas to hatch: a wide
output shows a little more than the frame, and an area drawn must also be in the legend."""

_walk = walk  # tests count a map's elements with it


# --------------------------------------------------------------------------- the map


class Map(_FastMap):
    """A folium map with a title, stable HTML and a short text form; make one with ``region_map``.

    >>> Map("Energy routes")
    <Map: "Energy routes" — 0 places, 0 routes>
    """

    def __init__(self, title: str = "Central Asia", *, tiles: bool = True, offline: bool = False,
                 bounds: Bounds | None = CENTRAL_ASIA, height: int = 450, outlines: bool = True):
        frame = bounds or CENTRAL_ASIA
        centre = [(frame[0][0] + frame[1][0]) / 2, (frame[0][1] + frame[1][1]) / 2]
        super().__init__(location=centre, zoom_start=4, tiles=None, control_scale=True, zoom_snap=0.25,
                         keyboard=True)
        Page().add_child(self)
        self.title = str(title)
        self.offline = bool(offline)
        self.bounds = bounds
        self.height_px = int(height)
        self.place_ids: list[str] = []
        self.route_ids: list[str] = []
        self.route_looks: dict[str, RouteLook] = {}
        self.points: list[tuple[str, float, float]] = []
        self.lines: list[tuple[str, str, str, str | None]] = []  # (group, label, colour, dash)
        self.line_paths: list[list[tuple[float, float]]] = []  # the points of each line, as self.lines
        self.line_points: list[tuple[float, float]] = []
        self.groups: dict[str, folium.FeatureGroup] = {}
        self.tiles_name: str | None = None
        if tiles and not offline:
            self.tiles_name = "OpenStreetMap"
            Tiles("OpenStreetMap", name="Background map (OpenStreetMap)").add_to(self)
        self.outlines = CountryOutlines(filled_land=not self.tiles_name).add_to(self) if outlines else None
        self.occupied = OccupiedAreas([]).add_to(self) if outlines else None
        self.layer_control = LayerControl(collapsed=True).add_to(self)
        Frame().add_to(self)

    @property
    def _prefix(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "_", self.title.lower()).strip("_")[:24].strip("_")
        return slug if slug and not slug[0].isdigit() else f"m_{slug}".rstrip("_")

    @property
    def occupied_ids(self) -> list[str]:
        """Ids of the areas under Russian occupation that this map hatches (those near its frame)."""
        if self.outlines is None:
            return []
        (s, w), (n, e) = self.frame()
        dlat, dlon = OCCUPIED_MARGIN
        return occupied_in([[s - dlat, w - dlon], [n + dlat, e + dlon]])

    def __repr__(self) -> str:
        n_places, n_routes = len(self.place_ids), len(self.route_ids)
        text = f'<Map: "{self.title}" — {n_places} place{"s" * (n_places != 1)}, {n_routes} route{"s" * (n_routes != 1)}'
        if self.points:
            text += f", {len(self.points)} point{'s' * (len(self.points) != 1)} of yours"
        if self.lines:
            text += f", {len(self.lines)} line{'s' * (len(self.lines) != 1)} of yours"
        return text + ">"

    def group(self, name: str) -> folium.FeatureGroup:
        """The layer (FeatureGroup) called ``name``, made on first use.

        >>> Map().group("Silk Road cities").layer_name
        'Silk Road cities'
        """
        if name not in self.groups:
            # Leaflet's layer switcher shows names as HTML, so escape them
            self.groups[name] = Group(name=escape_text(name)).add_to(self)
        return self.groups[name]

    def frame(self) -> list[list[float]]:
        """The [[south, west], [north, east]] the map opens on: ``bounds``, or everything shown if bounds is None."""
        if self.bounds is not None:
            return [list(map(float, self.bounds[0])), list(map(float, self.bounds[1]))]
        places = _places()
        points = [(places[p]["lat"], places[p]["lon"]) for p in self.place_ids]
        for r in self.route_ids:
            points += route_points(r)
        points += [(lat, lon) for _label, lat, lon in self.points] + self.line_points
        if not points:
            return [list(CENTRAL_ASIA[0]), list(CENTRAL_ASIA[1])]
        lats, lons = [float(p[0]) for p in points], [float(p[1]) for p in points]
        pad = 1.0
        return [[min(lats) - pad, min(lons) - pad], [max(lats) + pad, max(lons) + pad]]

    def _before_render(self) -> None:
        if self.occupied is not None:
            self.occupied.ids = self.occupied_ids
            self.occupied.show = self.occupied.control = bool(self.occupied.ids)
        self._children.move_to_end(next(k for k, v in self._children.items() if v is self.layer_control))

    def _repr_html_(self, **kwargs: Any) -> str:
        # A single-quoted attribute only needs & and ' escaped: much smaller than html.escape here.
        srcdoc = page_html(self, **kwargs).replace("&", "&amp;").replace("'", "&#39;")
        hidden = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;"
        return (
            f'<div style="width:100%;"><div style="position:relative;width:100%;height:{self.height_px}px;">'
            '<span style="color:#565656">Make this Notebook Trusted to load map: File -> Trust Notebook</span>'
            f"<iframe srcdoc='{srcdoc}' title=\"Map: {escape_text(self.title)}\" "
            'style="position:absolute;width:100%;height:100%;left:0;top:0;border:none !important;" '
            "allowfullscreen webkitallowfullscreen mozallowfullscreen></iframe>"
            f'<p style="{hidden}">{escape_text(describe(self))}</p></div></div>'
        )


OFFLINE = False
"""Default for ``region_map(offline=None)``; set it with ``work_offline()`` (affects the widgets' maps too)."""


def work_offline(on: bool = True) -> None:
    """Make every new map (widgets included) carry Leaflet inline and use no tiles: for classrooms without internet.

    >>> work_offline(); region_map().offline, work_offline(False)
    (True, None)
    """
    global OFFLINE
    OFFLINE = bool(on)


def region_map(title: str = "Central Asia", tiles: bool = True, offline: bool | None = None,
               bounds: Bounds | None = CENTRAL_ASIA, height: int = 450) -> Map:
    """A map of Central Asia with country outlines, a scale bar, a legend and a layer switcher.

    ``tiles=False`` leaves out the background map (outlines only; they need no internet).
    ``offline=True`` also puts Leaflet itself into the page (about 175 KB more) and drops the
    tiles, for classrooms without internet; ``None`` follows ``work_offline()`` (off by default).
    ``bounds`` is ((south, west), (north, east)); ``EURASIA`` is a wider frame, and ``None``
    frames whatever you add. ``height`` is in pixels.

    >>> region_map("Kazakhstan and its neighbours", tiles=False)
    <Map: "Kazakhstan and its neighbours" — 0 places, 0 routes>
    """
    if not isinstance(title, str) or not title.strip():
        raise ValueError(f"The map needs a title: a short text such as 'Energy routes'; got {title!r}.")
    if bounds is not None:
        try:
            (s, w), (n, e) = bounds
            s, w, n, e = (_number(v, "bounds") for v in (s, w, n, e))
            ok = -90 <= s < n <= 90 and -180 <= w < e <= 180
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise ValueError(
                "bounds should be ((south, west), (north, east)) in degrees, e.g. ((35, 46), (55.5, 88)); "
                f"got {bounds!r}.")
        bounds = ((s, w), (n, e))
    if isinstance(height, bool) or not isinstance(height, numbers.Integral) or not 150 <= height <= 2000:
        raise ValueError(f"height should be a whole number of pixels between 150 and 2000, such as 450; "
                         f"got {height!r}.")
    tiles = _check_bool(tiles, "tiles")
    offline = OFFLINE if offline is None else _check_bool(offline, "offline")
    return Map(title, tiles=tiles, offline=offline, bounds=bounds, height=int(height))


# --------------------------------------------------------------------------- learner input


def _check_map(m: Any) -> Map:
    if not isinstance(m, Map):
        raise ValueError(f"Expected a map made with maps.region_map(...); got {type(m).__name__}.")
    return m


def _number(value: Any, name: str) -> float:
    """A real number (int, float, numpy or Decimal), as float; anything else (bool, text, NaN) gets a ValueError."""
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool)
    if not ok and type(value).__name__ == "Decimal":
        ok = value.is_finite()
    if ok and math.isfinite(float(value)):
        return float(value)
    raise ValueError(f"{name} should be a number; got {value!r} ({type(value).__name__}).")


def _check_coordinate(value: Any, name: str, limit: int, words: str) -> float:
    try:
        number = _number(value, name)
    except ValueError:
        raise ValueError(f"{name} should be a number between -{limit} and {limit} ({words}); "
                         f"got {value!r} ({type(value).__name__}).") from None
    if not -limit <= number <= limit:
        raise ValueError(f"{name} should be between -{limit} and {limit} ({words}); got {value}.")
    return number


def _check_colour(colour: Any) -> str:
    """A colour as ``#rrggbb``: a hex code, or a CSS colour name in any case ('Red', 'darkblue')."""
    if isinstance(colour, str):
        text = colour.strip()
        if re.fullmatch(r"#[0-9a-fA-F]{6}", text):
            return text.lower()
        if text.lower() in named_colours():
            return named_colours()[text.lower()].lower()
    close = closest(colour.strip(), named_colours()) if isinstance(colour, str) else None
    hint = f"Did you mean {close!r}?" if close else ""
    raise ValueError(f"colour should be a code such as '#d7301f' or a CSS colour name such as 'red' or "
                     f"'darkblue'; got {colour!r}.{(' ' + hint) if hint else ''}")


def _either(colour: Any, color: Any, default: str) -> Any:
    """``colour=`` or its US spelling ``color=`` (not both)."""
    if color is None:
        return colour
    if colour != default and colour != color:
        raise ValueError("Give colour= or color=, not both.")
    return color


def _check_text(value: Any, name: str, example: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} should be a short text such as {example!r}; got {value!r}.")
    return value.strip()


def _check_radius(radius: Any) -> float:
    try:
        value = _number(radius, "radius")
    except ValueError:
        value = -1.0
    if not 1 <= value <= 30:
        raise ValueError(f"radius should be the dot size in pixels, a number from 1 to 30 such as 6; got {radius!r}.")
    return value


def _check_bool(value: Any, name: str) -> bool:
    if not isinstance(value, bool) and type(value).__name__ != "bool_":
        raise ValueError(f"{name} should be True or False; got {value!r}.")
    return bool(value)


# --------------------------------------------------------------------------- places


def _note_and_source(row: dict) -> str:
    """The end of a popup: the row's note in italics and its source, each when present."""
    note = f"<br><i>{escape_text(row['note'])}</i>" if present(row.get("note")) else ""
    source = f"<br><small>Source: {escape_text(citation(row['source_id']))}</small>" \
        if present(row.get("source_id")) else ""
    return note + source


def _place_popup(row: dict, countries: dict[str, str]) -> str:
    kind = PLACE_KINDS[row["kind"]].singular
    parts = [f"<b>{escape_text(row['name'])}</b>",
             f"<br>{escape_text(_cap(kind))}, {escape_text(countries.get(row['country'], row['country']))}"]
    if present(row.get("alt_names")):
        parts.append(f"<br>Also called: {escape_text(', '.join(data.split_list(row['alt_names'])))}")
    return "".join(parts) + _note_and_source(row)


def add_places(m: Map, kinds: str | Iterable[str] | None = None, ids: str | Iterable[str] | None = None,
               radius: float = 6, labels: bool = True) -> Map:
    """Add places from data/places.csv as coloured dots with their names, one layer per kind.

    ``kinds`` picks kinds (e.g. "silk_road_city"), ``ids`` picks places; both None adds them all.
    ``labels=True`` writes each name beside its dot (a label that would cover an earlier one is
    hidden until you zoom in; the places named first win); ``labels=False`` leaves names to hovering.

    >>> add_places(region_map("Cities"), kinds="silk_road_city")  # doctest: +ELLIPSIS
    <Map: "Cities" — ... places, 0 routes>
    """
    _check_map(m)
    places = _places()
    kinds_list, ids_list = _as_list(kinds, "kinds"), _as_list(ids, "ids")
    require_known(kinds_list, "place kind", PLACE_KINDS)
    require_known(ids_list, "place id", places)
    size, labels = _check_radius(radius), _check_bool(labels, "labels")
    chosen = [pid for pid, row in places.items()
              if (kinds_list is None or row["kind"] in kinds_list) and (ids_list is None or pid in ids_list)]
    if ids_list is not None and kinds_list is None:  # keep the order the learner gave
        chosen = list(dict.fromkeys(ids_list))
    countries = country_names()
    for pid in chosen:
        if pid in m.place_ids:
            continue
        row = places[pid]
        style_ = PLACE_KINDS[row["kind"]]
        marker = _Circle(location=[float(row["lat"]), float(row["lon"])], radius=size, color="#ffffff", weight=1.2,
                         fill_color=style_.colour, fill_opacity=0.9)
        marker.options["pane"] = "markerPane"  # dots above lines and outlines
        name = f"{row['name']} ({style_.singular}, {countries.get(row['country'], row['country'])})"
        Label(tooltip=escape_text(row["name"]), popup=_place_popup(row, countries), name=escape_text(name),
              permanent=labels).add_to(marker)
        marker.add_to(m.group(_cap(style_.plural)))
        m.place_ids.append(pid)
    return m


def add_dry_ports(m: Map) -> Map:
    """Add the dry ports (inland container terminals) from data/places.csv.

    >>> add_dry_ports(region_map("Dry ports"))  # doctest: +ELLIPSIS
    <Map: "Dry ports" — ... places, 0 routes>
    """
    return add_places(m, kinds=["dry_port"])


# --------------------------------------------------------------------------- routes


def _route_popup(row: dict, countries: dict[str, str]) -> str:
    style_ = ROUTE_CATEGORIES[row["category"]]
    status = STATUS_WORDS[row["status"]]
    parts = [f"<b>{escape_text(row['name'])}</b>", f"<br>{escape_text(_cap(style_.singular))}, {status}"]
    if present(row.get("opened")):
        parts.append(f", opened {escape_text(data.year_label(int(row['opened'])))}")
    crossed = [countries.get(c, c) for c in data.split_list(row["countries"])]
    parts.append(f"<br>Crosses: {escape_text(', '.join(crossed))}")
    parts.append(f"<br>Length along its waypoints: {route_length_km(row['id']):,.0f} km (great-circle legs)")
    if bool(row["schematic"]):
        parts.append(f"<br><i>{SCHEMATIC_NOTE}</i>")
    return "".join(parts) + _note_and_source(row)


def _draw_route(m: Map, row: dict, look: RouteLook, label: bool) -> None:
    style_ = ROUTE_CATEGORIES[row["category"]]
    status = STATUS_WORDS[row["status"]]
    line = _Line(route_points(row["id"]), color=look.colour, weight=look.weight, opacity=look.opacity,
                 dash_array=look.dash)
    tip = f"{escape_text(row['name'])} — {escape_text(style_.singular)}, {status}"
    tip += " (schematic line)" if bool(row["schematic"]) else ""
    Label(tooltip=escape_text(row["name"]) if label else tip, popup=_route_popup(row, country_names()), name=tip,
          permanent=label).add_to(line)
    line.add_to(m.group(_cap(style_.plural)))
    m.route_ids.append(row["id"])
    m.route_looks[row["id"]] = look


def add_route(m: Map, route_id: str, label: bool = False) -> Map:
    """Draw one route from data/routes.csv through its waypoints, in its category's colour and dash
    (thinner and paler if only proposed or planned); ``label=True`` writes its name on the line.

    >>> add_route(region_map("CPC"), "cpc_pipeline")
    <Map: "CPC" — 0 places, 1 route>
    """
    _check_map(m)
    row = _route_row(route_id)
    label = _check_bool(label, "label")
    if route_id not in m.route_ids:
        _draw_route(m, row, route_look(row), label)
    return m


def add_routes(m: Map, category: str | Iterable[str] | None = None, ids: str | Iterable[str] | None = None,
               each: bool = False, labels: bool = False, categories: str | Iterable[str] | None = None) -> Map:
    """Draw several routes: a category ("oil", "gas", "ancient", "rail", "sea", "road"), a list of ids, or all.

    ``each=True`` gives every route its own legend entry with its name and its own dash (the colour
    stays its category's), to tell apart routes of one kind; ``labels=True`` writes each name on its line.
    ``categories=`` is another spelling of ``category=``.

    >>> add_routes(region_map("Oil outlets"), ids=["cpc_pipeline", "kz_china_oil_pipeline"], each=True)
    <Map: "Oil outlets" — 0 places, 2 routes>
    """
    _check_map(m)
    if categories is not None:
        if category is not None:
            raise ValueError("Give category= or categories=, not both.")
        category = categories
    routes = _routes()
    cats, ids_list = _as_list(category, "category"), _as_list(ids, "ids")
    require_known(cats, "route category", ROUTE_CATEGORIES)
    require_known(ids_list, "route id", routes)
    each, labels = _check_bool(each, "each"), _check_bool(labels, "labels")
    chosen = [rid for rid, row in routes.items()
              if (cats is None or row["category"] in cats) and (ids_list is None or rid in ids_list)]
    if ids_list is not None and cats is None:  # keep the order the learner gave
        chosen = list(dict.fromkeys(ids_list))
    used: dict[str, int] = {}
    for rid in chosen:
        if rid in m.route_ids:
            continue
        row = routes[rid]
        look = route_look(row)
        if each:
            cat = ROUTE_CATEGORIES[row["category"]]
            dashes = [cat.dash] + [d for d in EACH_ROUTE_DASHES if d != cat.dash]
            n = used[row["category"]] = used.get(row["category"], -1) + 1
            look = route_look(row, dash=dashes[n % len(dashes)], own_entry=True)
        _draw_route(m, row, look, labels)
    return m


# --------------------------------------------------------------------------- your own points and lines


def add_point(m: Map, lat: float, lon: float, label: str, colour: str = POINT_COLOUR, *, color: str | None = None) -> Map:
    """Add your own point (a red dot with your label); latitude first, then longitude, in degrees.
    (``color=`` is another spelling of ``colour=``.)

    >>> add_point(region_map("My map"), 43.24, 76.95, "Almaty")
    <Map: "My map" — 0 places, 0 routes, 1 point of yours>
    """
    _check_map(m)
    try:
        swapped = abs(_number(lat, "lat")) > 90 and abs(_number(lon, "lon")) <= 90
    except ValueError:
        swapped = False
    if swapped:
        raise ValueError(f"lat should be between -90 and 90; got {lat}. Did you swap latitude and longitude? "
                         f"Try add_point(m, {lon}, {lat}, ...).")
    lat = _check_coordinate(lat, "lat", 90, "degrees north")
    lon = _check_coordinate(lon, "lon", 180, "degrees east")
    text = _check_text(label, "label", "Almaty")
    colour = _check_colour(_either(colour, color, POINT_COLOUR))
    marker = _Circle(location=[lat, lon], radius=7, color="#ffffff", weight=1.5, fill_color=colour,
                     fill_opacity=0.95)
    marker.options["pane"] = "markerPane"
    Label(tooltip=escape_text(text), popup=f"<b>{escape_text(text)}</b><br>{lat:.4f}° N, {lon:.4f}° E (your point)",
          name=escape_text(f"{text} (your point)"), permanent=True).add_to(marker)
    marker.add_to(m.group("Your points"))
    m.points.append((text, lat, lon))
    return m


def add_line(m: Map, points: Sequence[tuple[float, float]], label: str, colour: str = "#d7301f",
             group: str = "Your lines", dashed: bool = False, dash: str | None = None, *,
             color: str | None = None) -> Map:
    """Draw your own line through (lat, lon) points; ``group`` names it in the legend and the layer switcher.

    ``dashed=True`` draws it dashed; ``dash`` sets the pattern itself (e.g. "8 6": 8 px drawn, 6 px gap).

    >>> add_line(region_map("Trip"), [(43.24, 76.95), (51.17, 71.45)], "Almaty to Astana")
    <Map: "Trip" — 0 places, 0 routes, 1 line of yours>
    """
    _check_map(m)
    try:
        pairs = [tuple(p) for p in points]
    except TypeError:
        pairs = []
    if len(pairs) < 2 or any(len(p) != 2 for p in pairs):
        raise ValueError(f"points should be a list of at least two (lat, lon) pairs, e.g. [(43.2, 76.9), (51.2, 71.4)]; "
                         f"got {points!r}.")
    checked = [(_check_coordinate(lat, "lat", 90, "degrees north"), _check_coordinate(lon, "lon", 180, "degrees east"))
               for lat, lon in pairs]
    label = _check_text(label, "label", "Almaty to Astana")
    group = _check_text(group, "group", "Your lines")
    colour = _check_colour(_either(colour, color, "#d7301f"))
    if dash is not None and not (isinstance(dash, str) and re.fullmatch(r"\d+( \d+)+", dash)):
        raise ValueError(f"dash should be numbers of pixels drawn and left out, such as '8 6'; got {dash!r}.")
    dash = dash or ("10 8" if _check_bool(dashed, "dashed") else None)
    line = _Line(checked, color=colour, weight=3, opacity=0.85, dash_array=dash)
    km = path_length_km(checked)
    Label(tooltip=escape_text(label), popup=f"<b>{escape_text(label)}</b><br>{km:,.0f} km along great circles",
          name=escape_text(f"{label} ({group})")).add_to(line)
    line.add_to(m.group(group))
    m.lines.append((group, label, colour, dash))
    m.line_paths.append(checked)
    m.line_points.extend(checked)
    return m


# --------------------------------------------------------------------------- countries


def shade_countries(m: Map, countries: str | Iterable[str], colour: str = "#2b8cbe", label: str = "highlighted", *,
                    color: str | None = None, names: bool = True) -> Map:
    """Fill some country outlines with a colour (ISO3 codes, e.g. ["KAZ", "RUS"]); ``label`` goes into the legend.
    ``names=True`` writes each shaded country's name on the map (hidden where it would cover a place's name).

    >>> shade_countries(region_map("EAEU"), ["KAZ", "RUS"], label="EAEU members")
    <Map: "EAEU" — 0 places, 0 routes>
    """
    _check_map(m)
    colour = _check_colour(_either(colour, color, "#2b8cbe"))
    label = _check_text(label, "label", "EAEU members")
    if m.outlines is None:
        raise ValueError("This map has no country outlines to shade; make it with region_map(...).")
    codes = _as_list(countries, "countries") or []
    require_known(codes, "country code", country_names())
    names = _check_bool(names, "names")
    for code in codes:
        m.outlines.fills[code] = (colour, label)
        if names and code not in m.outlines.labelled:
            m.outlines.labelled.append(code)
    return m


BAND_COLOURS = ["#08519c", "#3182bd", "#6baed6", "#bdd7e7", "#eff3ff"]
"""Sequential blues, darkest first, for ``shade_by_count``'s bands (highest band darkest)."""


def shade_by_count(m: Map, counts: Mapping[str, float] | Any, bands: Sequence[tuple[float, float]],
                   label: str = "{low}–{high}") -> Map:
    """Shade countries by a number per country (a pandas Series or dict by ISO3 code) in bands, darkest
    for the highest band; ``label`` names each band in the legend, with ``{low}`` and ``{high}`` filled in.
    Countries without an outline on the map are left out.

    >>> m = region_map("Blocs shared")
    >>> shade_by_count(m, {"RUS": 6, "KGZ": 5, "CHN": 2}, [(5, 6), (1, 4)], label="shares {low}-{high} blocs")
    <Map: "Blocs shared" — 0 places, 0 routes>
    """
    _check_map(m)
    try:
        pairs = list(counts.items())
    except AttributeError:
        raise ValueError("counts should be numbers by country code, e.g. a pandas Series or "
                         f"{{'RUS': 6, 'CHN': 2}}; got {type(counts).__name__}.") from None
    try:
        limits = [(_number(low, "band"), _number(high, "band")) for low, high in bands]
    except (TypeError, ValueError):
        limits = []
    if not limits or any(low > high for low, high in limits) or len(limits) > len(BAND_COLOURS):
        raise ValueError(f"bands should be up to {len(BAND_COLOURS)} (low, high) pairs such as [(5, 6), (3, 4), "
                         f"(1, 2)]; got {bands!r}.")
    if not isinstance(label, str) or "{" not in label and len(limits) > 1:
        raise ValueError("label should be a text with {low} and {high}, such as 'shares {low}-{high} blocs'; "
                         f"got {label!r}.")
    on_map = set(outline_codes())
    ranked = sorted(limits, key=lambda b: -b[1])
    for (low, high), colour in zip(ranked, BAND_COLOURS):
        codes = [str(c) for c, v in pairs if str(c) in on_map and low <= _number(v, "count") <= high]
        if codes:
            text = label.format(low=f"{low:g}", high=f"{high:g}")
            shade_countries(m, codes, colour=colour, label=text)
    return m


# --------------------------------------------------------------------------- journeys and events


JOURNEY_LOOKS = [(style.ACTORS["RUS"].colour, None), (style.ACTORS["CHN"].colour, "8 6"),
                 (style.ACTORS["EU"].colour, "2 5"), (style.ACTORS["KAZ"].colour, "12 4 3 4")]
"""(colour, dash) of the journey groups in order (e.g. one per year): colour-blind safe and dashed differently."""


def add_journeys(m: Map, journeys: Any, start: str = "from_capital", end: str = "venue", by: str = "year",
                 label: str = "meeting") -> Map:
    """Draw journeys from a table: one line per (``by``, ``start``, ``end``) from the ``start`` place to the
    ``end`` place (place ids), labelled with the ``label`` values joined; one legend entry per ``by`` value.
    The places themselves are added with their names.

    >>> import pandas as pd
    >>> trips = pd.DataFrame({"year": [2023], "meeting": ["Xi'an summit"], "from_capital": ["astana"],
    ...                       "venue": ["xian"]})
    >>> add_journeys(region_map("Trips", bounds=EURASIA), trips)
    <Map: "Trips" — 2 places, 0 routes, 1 line of yours>
    """
    _check_map(m)
    columns = [start, end, by, label]
    missing = [c for c in columns if c not in getattr(journeys, "columns", [])]
    if missing:
        raise ValueError(f"journeys should be a table (DataFrame) with the columns {columns}; "
                         f"missing: {missing}.")
    places = _places()
    require_known(journeys[start].tolist() + journeys[end].tolist(), "place id", places)
    add_places(m, ids=list(dict.fromkeys(journeys[start].tolist() + journeys[end].tolist())))
    lines = journeys.groupby([by, start, end], as_index=False, sort=True)[label].agg(
        lambda s: "; ".join(dict.fromkeys(map(str, s))))
    looks = {key: JOURNEY_LOOKS[n % len(JOURNEY_LOOKS)] for n, key in enumerate(sorted(lines[by].unique()))}
    for row in lines.itertuples(index=False):
        key, a, b, text = getattr(row, by), places[getattr(row, start)], places[getattr(row, end)], getattr(row, label)
        colour, dash = looks[key]
        add_line(m, [(a["lat"], a["lon"]), (b["lat"], b["lon"])], f"{a['name']} → {b['name']} ({text})",
                 colour=colour, group=f"Journeys {key}", dash=dash)
    return m


def journey_map(journeys: Any, title: str = "Journeys", bounds: Bounds | None = None, height: int = 500,
                tiles: bool = True, start: str = "from_capital", end: str = "venue", by: str = "year",
                label: str = "meeting") -> Map:
    """A map of journeys from a table (see ``add_journeys`` for the columns), framed on them by default.

    >>> import pandas as pd
    >>> trips = pd.DataFrame({"year": [2022], "meeting": ["Astana summit"], "from_capital": ["moscow"],
    ...                       "venue": ["astana"]})
    >>> journey_map(trips, "Summit journeys")
    <Map: "Summit journeys" — 2 places, 0 routes, 1 line of yours>
    """
    m = region_map(title, tiles=tiles, bounds=bounds, height=height)
    return add_journeys(m, journeys, start=start, end=end, by=by, label=label)


def event_map(event_id: str, title: str | None = None, bounds: Bounds | None = EURASIA, height: int = 450,
              tiles: bool = True, capitals: bool = True) -> Map:
    """A map of one event from data/events.csv: the countries taking part shaded, the venue marked and
    named, and (``capitals=True``) the capitals of the countries taking part.

    >>> event_map("russia_central_asia_summit_2022_10")  # doctest: +ELLIPSIS
    <Map: "Russia-Central Asia summit (2022)" — ... places, 0 routes>
    """
    events = data.load("events").set_index("id")
    if not isinstance(event_id, str) or event_id not in events.index:
        raise _unknown("event id", event_id, list(events.index))
    event = events.loc[event_id]
    date = str(event["date"])
    year = data.year_label(int(re.match(r"-?\d+", date).group()))
    m = region_map(title or f"{event['title']} ({year})", tiles=tiles, bounds=bounds, height=height)
    on_map = set(outline_codes())
    taking_part = [a for a in data.split_list(event["actors"]) if a in on_map]
    if taking_part:
        shade_countries(m, taking_part, colour="#6baed6", label="taking part")
    if present(event.get("place_id")):
        add_places(m, ids=[event["place_id"]])
    if _check_bool(capitals, "capitals"):
        add_places(m, ids=[pid for pid, row in _places().items()
                           if row["kind"] == "capital" and row["country"] in taking_part])
    return m


def share_border(country: str, other: str) -> bool:
    """Whether two countries share a land border on the course's outlines (the ones every map draws):
    the same question as looking at the map, answered in text. Names or ISO3 codes.

    >>> share_border("China", "Mongolia"), share_border("Russia", "Turkey")
    (True, False)
    """
    names = country_names()
    on_map = set(outline_codes())
    by_name = {name.lower(): code for code, name in names.items() if code in on_map}
    codes = []
    for value in (country, other):
        if not isinstance(value, str):
            raise ValueError(f"Give a country as text in quotes, such as \"China\"; received {value!r}.")
        code = value if value in on_map else by_name.get(value.strip().lower())
        if code is None:
            raise _unknown("country", value, sorted(names[c] for c in on_map), plural="countries on the maps")
        codes.append(code)
    outlines = {f["properties"]["iso3"]: f["geometry"] for f in data.geojson(folder=data_folder())["features"]}
    return codes[0] != codes[1] and geo.share_border(outlines[codes[0]], outlines[codes[1]])
