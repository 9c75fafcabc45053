"""Maps of Central Asia built from the course data (folium / Leaflet).

Every map has a title, country outlines (so borders show even without
internet), a scale bar, a legend listing what the map shows, a layer switcher
and a text description for screen readers. The same code gives the same HTML
on every run, so stored notebook outputs can be checked byte for byte.

>>> from crossroads import maps
>>> m = maps.region_map("Oil routes")
>>> maps.add_routes(m, category="oil")   # doctest: +ELLIPSIS
<Map: "Oil routes" — 0 places, ... routes>
"""
from __future__ import annotations

import base64
import difflib
import html
import json
import math
import os
import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import folium
import pandas as pd
from branca.element import Element, Figure, MacroElement
from branca.utilities import _camelify
from folium.elements import ElementAddToElement
from folium.map import Layer
from folium.template import Template

from crossroads import data
from crossroads.geo import path_length_km

__all__ = [
    "Map", "region_map", "work_offline", "add_places", "add_dry_ports", "add_route", "add_routes", "add_point", "add_line",
    "shade_countries", "describe", "country_names", "outline_codes", "route_points", "route_length_km", "escape_text",
    "CENTRAL_ASIA", "EURASIA", "PLACE_KINDS", "ROUTE_CATEGORIES",
]

Bounds = tuple[tuple[float, float], tuple[float, float]]

CENTRAL_ASIA: Bounds = ((35.0, 46.0), (55.5, 88.0))
"""(south, west), (north, east) of the default frame: the five states and their borders."""
EURASIA: Bounds = ((30.0, 30.0), (58.0, 118.0))
"""A wider frame, from the Black Sea to Beijing (for Silk Road and corridor maps)."""


class Style(NamedTuple):
    colour: str
    singular: str
    plural: str


PLACE_KINDS: dict[str, Style] = {
    "silk_road_city": Style("#b35806", "Silk Road city", "Silk Road cities"),
    "capital": Style("#c51b7d", "capital", "capitals"),
    "city": Style("#4d4d4d", "city", "cities"),
    "dry_port": Style("#6a3d9a", "dry port", "dry ports"),
    "border_crossing": Style("#e66101", "border crossing", "border crossings"),
    "sea_port": Style("#0571b0", "sea port", "sea ports"),
    "oil_field": Style("#1a1a1a", "oil field", "oil fields"),
    "gas_field": Style("#2c7fb8", "gas field", "gas fields"),
    "pipeline_node": Style("#878787", "pipeline node", "pipeline nodes"),
    "waypoint": Style("#bababa", "waypoint", "waypoints"),
}
"""Colour and English name of every place kind in places.csv."""

ROUTE_CATEGORIES: dict[str, Style] = {
    "ancient": Style("#a6611a", "ancient trade route", "ancient trade routes"),
    "oil": Style("#1a1a1a", "oil pipeline", "oil pipelines"),
    "gas": Style("#2166ac", "gas pipeline", "gas pipelines"),
    "rail": Style("#b2182b", "rail corridor", "rail corridors"),
    "sea": Style("#01857a", "sea route", "sea routes"),
    "road": Style("#762a83", "road corridor", "road corridors"),
}
"""Colour and English name of every route category in routes.csv."""

_STATUS_WORDS = {"historic": "historic", "built": "built", "proposed": "proposed",
                 "planned": "planned", "under_construction": "under construction"}
_DASHES = {"proposed": "10 8", "planned": "10 8", "under_construction": "3 7"}
_POINT_COLOUR = "#d7301f"
_SCHEMATIC_NOTE = "Schematic lines join the waypoints; they do not follow the real track."


# --------------------------------------------------------------------------- small helpers


def escape_text(value: Any) -> str:
    """Make any text safe inside HTML and inside JavaScript template strings.

    >>> escape_text("<script>alert(1)</script>")
    '&lt;script&gt;alert(1)&lt;/script&gt;'
    """
    return (html.escape(str(value), quote=True)
            .replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;"))


def _unknown(what: str, value: Any, known: Iterable[str]) -> ValueError:
    known = list(known)
    close = difflib.get_close_matches(str(value), known, n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    return ValueError(f"Unknown {what} {value!r}.{hint} Known {what}s: {', '.join(known)}.")


def _require_known(values: list[str] | None, what: str, known: Iterable[str]) -> None:
    """Raise a learner-readable ValueError for the first value not in ``known``."""
    for value in values or []:
        if value not in known:
            raise _unknown(what, value, known)


def _as_list(value: str | Iterable[str] | None, what: str) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    try:
        return [str(v) for v in value]
    except TypeError:
        raise ValueError(f"{what} should be a name or a list of names; got {value!r}.") from None


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plural(n: int, style: Style, adjective: str = "") -> str:
    noun = style.singular if n == 1 else style.plural
    return f"{n} {adjective + ' ' if adjective else ''}{noun}"


def _name_list(names: Sequence[str], limit: int = 8) -> str:
    names = list(names)
    sep = "; " if any("," in n for n in names) else ", "
    if len(names) > limit:
        return sep.join(names[:limit]) + f" and {len(names) - limit} more"
    return sep.join(names)


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:24].strip("_")
    return slug if slug and not slug[0].isdigit() else f"m_{slug}".rstrip("_")


def _data_folder() -> Path:
    """data.data_dir(), looked up once per CROSSROADS_DATA setting (it walks the file system)."""
    return _data_folder_for(os.environ.get("CROSSROADS_DATA"))


@lru_cache(maxsize=8)
def _data_folder_for(env: str | None) -> Path:
    return data.data_dir()


def _places() -> dict[str, dict]:
    return _lookup("places", _data_folder())


def _routes() -> dict[str, dict]:
    return _lookup("routes", _data_folder())


@lru_cache(maxsize=16)
def _lookup(name: str, folder: Path) -> dict[str, dict]:
    """Rows of a table by id (cached per data folder, like data.load itself)."""
    return {row["id"]: row for row in data.load(name, folder).to_dict("records")}


def country_names() -> dict[str, str]:
    """English names of the countries in the course data, by ISO3 code.

    >>> country_names()["KAZ"]
    'Kazakhstan'
    """
    return _country_names_in(_data_folder())


def outline_codes() -> list[str]:
    """ISO3 codes of the countries whose outlines the maps draw.

    >>> "KAZ" in outline_codes()
    True
    """
    return list(_outline_codes(_data_folder()))


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


def _source_line(source_id: Any) -> str:
    if not _present(source_id):
        return ""
    return f"<br><small>Source: {escape_text(_citation(_data_folder(), str(source_id)))}</small>"


@lru_cache(maxsize=256)
def _citation(folder: Path, source_id: str) -> str:
    try:
        return data.cite(source_id, folder)
    except data.DataError:
        return source_id


def _present(value: Any) -> bool:
    return value is not None and value is not pd.NA and not (isinstance(value, float) and math.isnan(value))


# --------------------------------------------------------------------------- offline assets


@lru_cache(maxsize=4)
def _offline_assets(jquery: bool, marker_icons: bool) -> str:
    """Leaflet inline from the xstatic package, images as data URIs; jQuery and the default marker icon if needed."""
    from xstatic.pkg import leaflet as xs_leaflet

    base = Path(xs_leaflet.BASE_DIR)

    def data_uri(name: str) -> str:
        return "data:image/png;base64," + base64.b64encode((base / "images" / name).read_bytes()).decode()

    css = (base / "leaflet.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"url\(images/([\w.-]+\.png)\)", lambda m: f"url({data_uri(m.group(1))})", css)
    js = (base / "leaflet.js").read_text(encoding="utf-8").replace("//# sourceMappingURL=leaflet.js.map", "")
    icons = json.dumps({"iconUrl": data_uri("marker-icon.png"), "iconRetinaUrl": data_uri("marker-icon-2x.png"),
                        "shadowUrl": data_uri("marker-shadow.png")})
    parts = [f"<style>{css}</style>", f"<script>{js}</script>"]
    if marker_icons:
        parts.append(f"<script>L.Icon.Default.imagePath='';L.Icon.Default.mergeOptions({icons});</script>")
    if jquery:
        from xstatic.pkg import jquery as xs_jquery

        code = (Path(xs_jquery.BASE_DIR) / "jquery.min.js").read_text(encoding="utf-8")
        parts.append("<script>" + code.replace("//# sourceMappingURL=jquery.min.map", "") + "</script>")
    return "\n".join(parts)


class _Raw(Element):
    """Pre-made HTML, inserted as is (never parsed as a template)."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


@lru_cache(maxsize=64)
def _camel(name: str) -> str:
    return _camelify(name)


class _Fast(MacroElement):
    """Renders like folium's MacroElement but keeps the output as plain text.

    branca wraps each rendered piece in a new jinja template: slow (a compile per
    element) and it would evaluate any ``{{ ... }}`` found in data or learner text.
    """

    def get_name(self) -> str:  # same as branca's, with the slow name conversion cached
        return _camel(self._name) + "_" + self._id

    def render(self, **kwargs: Any) -> None:
        page = self.get_root()
        macros = self._template.module.__dict__
        for part in ("header", "html", "script"):
            if part in macros:
                getattr(page, part).add_child(_Raw(macros[part](self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class _AddTo(ElementAddToElement, _Fast):
    pass


class _FastLayer(_Fast):
    def render(self, **kwargs: Any) -> None:  # what folium's Layer.render does, without the slow path
        if self.show:
            self.add_child(_AddTo(self.get_name(), self._parent.get_name()), name=self.get_name() + "_add")
        _Fast.render(self, **kwargs)


class _Group(_FastLayer, folium.FeatureGroup):
    pass


class _Tiles(_FastLayer, folium.TileLayer):
    pass


class _Circle(folium.CircleMarker, _Fast):
    pass


class _Line(folium.PolyLine, _Fast):
    pass


class _LayerControl(folium.LayerControl, _Fast):
    pass


# Online: only Leaflet and jQuery (folium's own popups need it); no Bootstrap, no icon fonts.
_ONLINE_JS = [(name, url) for name, url in folium.Map.default_js if name in ("leaflet", "jquery")]
_ONLINE_CSS = [(name, url) for name, url in folium.Map.default_css if name == "leaflet_css"]


# --------------------------------------------------------------------------- deterministic ids


def _walk(root: Element) -> list[Element]:
    """Every element reachable from root, in a fixed order: children first, then element attributes."""
    seen: set[int] = set()
    order: list[Element] = []
    stack = [root]
    while stack:
        el = stack.pop()
        if id(el) in seen:
            continue
        seen.add(id(el))
        order.append(el)
        nxt = list(el._children.values())
        nxt += [v for k, v in vars(el).items() if isinstance(v, Element) and k != "_parent"]
        stack.extend(reversed(nxt))
    return order


def _stable_ids(root: Element, prefix: str) -> list[Element]:
    """Give every element an id made of prefix + a counter in tree order (and fix names that refer to ids)."""
    elements = _walk(root)
    old = {id(el): el.get_name() for el in elements}
    for n, el in enumerate(elements):
        el._id = f"{prefix}_{n}"
    renamed = {old[id(el)]: el.get_name() for el in elements}
    for el in elements:
        el._children = OrderedDict(
            (renamed.get(key, key) if key == old[id(child)] else key, child) for key, child in el._children.items()
        )
        for attr, value in list(vars(el).items()):
            if isinstance(value, str) and value in renamed and attr != "_name":
                setattr(el, attr, renamed[value])
    return elements


class _Page(Figure):
    """The HTML page holding one of our maps: renders with stable ids and without side effects."""

    def render(self, **kwargs: Any) -> str:
        maps = [c for c in self._children.values() if isinstance(c, Map)]
        for m in maps:
            m._before_render()
        elements = _stable_ids(self, maps[0]._prefix if maps else "page")
        saved = [(el, el._children.copy()) for el in elements]
        try:
            return super().render(**kwargs)
        finally:  # rendering adds children (header links, "addTo" calls); drop them again
            for el, children in saved:
                el._children = children

    def _repr_html_(self, **kwargs: Any) -> str:
        maps = [c for c in self._children.values() if isinstance(c, Map)]
        return maps[0]._repr_html_(**kwargs) if maps else super()._repr_html_(**kwargs)


# --------------------------------------------------------------------------- map elements


class _Label(_Fast):
    """Tooltip and popup for its parent layer; the texts are already escaped HTML (no jQuery needed)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {%- if this.tooltip %}
            {{ this._parent.get_name() }}.bindTooltip({{ this.tooltip|tojson }}, {"sticky": true});
        {%- endif %}
        {%- if this.popup %}
            {{ this._parent.get_name() }}.bindPopup({{ this.popup|tojson }}, {"maxWidth": 320});
        {%- endif %}
        {% endmacro %}
    """)

    def __init__(self, tooltip: str = "", popup: str = ""):
        super().__init__()
        self._name = "Label"
        self.tooltip = tooltip
        self.popup = popup


@lru_cache(maxsize=4)
def _outline_json(folder: Path) -> tuple[str, int]:
    geo = data.geojson(folder=folder)
    text = json.dumps(geo, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")
    return text, len(geo["features"])


class CountryOutlines(_FastLayer, Layer):
    """Country outlines from data/countries.geojson; ``fills`` shades some countries.

    >>> CountryOutlines().layer_name
    'Country outlines'
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }}_styles = {{ this.styles()|tojson }};
            var {{ this.get_name() }}_tips = {{ this.tips()|tojson }};
            var {{ this.get_name() }} = L.geoJson({{ this.geojson_text() }}, {
                "attribution": "Borders: Natural Earth",
                "style": function (feature) {
                    return {{ this.get_name() }}_styles[feature.properties.iso3] || {{ this.base_style|tojson }};
                },
                "onEachFeature": function (feature, layer) {
                    var tip = {{ this.get_name() }}_tips[feature.properties.iso3];
                    if (tip) { layer.bindTooltip(tip, {"sticky": true}); }
                }
            });
        {% endmacro %}
    """)

    def __init__(self, filled_land: bool = False):
        super().__init__(name="Country outlines", overlay=True, control=True, show=True)
        self._name = "CountryOutlines"
        self.base_style = {"color": "#555555", "weight": 1, "opacity": 0.9, "fillColor": "#f4f1ea",
                           "fillOpacity": 0.6 if filled_land else 0.05}
        self.fills: dict[str, tuple[str, str]] = {}  # iso3 -> (colour, label)

    def geojson_text(self) -> str:
        return _outline_json(_data_folder())[0]

    def count(self) -> int:
        return _outline_json(_data_folder())[1]

    def styles(self) -> dict[str, dict]:
        out = {iso: dict(self.base_style, fillColor=colour, fillOpacity=0.55, weight=1.5, color="#333333")
               for iso, (colour, _label) in sorted(self.fills.items())}
        if "KAZ" not in out:  # the course's focus: a slightly stronger border
            out["KAZ"] = dict(self.base_style, weight=2.2, color="#333333")
        return out

    def tips(self) -> dict[str, str]:
        """Country name, then its legend label when shaded (not twice when both are the same)."""
        tips = {}
        for iso, name in sorted(country_names().items()):
            label = self.fills[iso][1] if iso in self.fills else name
            tips[iso] = escape_text(name) + ("" if label == name else f" — {escape_text(label)}")
        return tips


_FRAME_CSS = """
.crossroads-title { position: absolute; top: 10px; left: 50%; transform: translateX(-50%); z-index: 1100;
  max-width: 60%; padding: 4px 12px; border-radius: 4px; background: rgba(255,255,255,0.92);
  box-shadow: 0 1px 4px rgba(0,0,0,0.3); font: 600 15px/1.3 system-ui, -apple-system, "Segoe UI", sans-serif;
  text-align: center; pointer-events: none; }
.crossroads-legend { position: absolute; bottom: 26px; right: 10px; z-index: 1100; max-width: 260px;
  max-height: 55%; overflow-y: auto; padding: 6px 10px; border-radius: 4px; background: rgba(255,255,255,0.92);
  box-shadow: 0 1px 4px rgba(0,0,0,0.3); font: 12px/1.35 system-ui, -apple-system, "Segoe UI", sans-serif; }
.crossroads-legend summary { font-weight: 600; cursor: pointer; }
.crossroads-legend div { white-space: nowrap; }
.crossroads-legend svg { vertical-align: middle; margin-right: 5px; }
.crossroads-legend small { display: block; white-space: normal; color: #444; margin-top: 3px; }
.crossroads-sr { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.leaflet-popup-content { font-size: 13px; line-height: 1.4; }
.leaflet-tooltip { font-size: 12px; }
.leaflet-container { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
"""


class _Frame(_Fast):
    """Title, legend, screen-reader description and framing of a map (all computed at render time)."""

    _template = Template("""
        {% macro header(this, kwargs) %}
            <style>{{ this.css() }}</style>
        {% endmacro %}
        {% macro html(this, kwargs) %}
            <div class="crossroads-title" role="heading" aria-level="2">{{ this.title_html() }}</div>
            <div class="crossroads-legend" aria-hidden="true">{{ this.legend_html() }}</div>
            <p class="crossroads-sr">{{ this.description_html() }}</p>
        {% endmacro %}
        {% macro script(this, kwargs) %}
            (function (map, bounds, options) {
                // Frame the map whenever its size changes, until the learner moves it. An output not yet
                // laid out is 0 px wide, and fitting then would give a NaN view; narrow maps drop the
                // padding kept for the legend.
                var moved = false;
                function frame() {
                    var size = map.getSize();
                    if (moved || size.x < 50 || size.y < 50) { return; }
                    var fit = {animate: false, paddingTopLeft: options.paddingTopLeft,
                               paddingBottomRight: options.paddingBottomRight.slice()};
                    var legend = document.querySelector(".crossroads-legend");
                    if (fit.paddingBottomRight[0] && legend) {  // keep what the map shows beside its legend
                        fit.paddingBottomRight[0] = Math.min(fit.paddingBottomRight[0], legend.offsetWidth + 20);
                    }
                    if (size.x < 2 * (fit.paddingTopLeft[0] + fit.paddingBottomRight[0]) + 60) {
                        fit.paddingTopLeft = fit.paddingBottomRight = [0, 0];
                    }
                    map.fitBounds(bounds, fit);
                }
                frame();
                map.on("resize", frame);
                ["mousedown", "touchstart", "wheel", "keydown"].forEach(function (name) {
                    map.getContainer().addEventListener(name, function () { moved = true; });
                });
            })({{ this._parent.get_name() }}, {{ this._parent.frame()|tojson }}, {{ this.fit_options()|tojson }});
            {{ this._parent.get_name() }}.getContainer().setAttribute("role", "region");
            {{ this._parent.get_name() }}.getContainer().setAttribute("aria-label", {{ this.description()|tojson }});
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "Frame"

    def css(self) -> str:
        m = self._parent
        sea = "" if m.tiles_name else f"#{m.get_name()} {{ background: #e4edf2; }}"
        return _FRAME_CSS + sea

    def title_html(self) -> str:
        return escape_text(self._parent.title)

    def fit_options(self) -> dict:
        """No zoom animation; room for the title and the legend (at most 280 px; the page measures it)."""
        return {"animate": False, "paddingTopLeft": [10, 40], "paddingBottomRight": [280, 10]}

    def legend_html(self) -> str:
        return _legend_html(self._parent)

    def description(self) -> str:
        return describe(self._parent)

    def description_html(self) -> str:
        return escape_text(self.description())


def _swatch_line(colour: str, dash: str | None) -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<svg width="28" height="10"><line x1="1" y1="5" x2="27" y2="5" stroke="{colour}" '
            f'stroke-width="3"{dash_attr}/></svg>')


def _swatch_dot(colour: str) -> str:
    return (f'<svg width="28" height="12"><circle cx="14" cy="6" r="5" fill="{colour}" fill-opacity="0.85" '
            f'stroke="#ffffff" stroke-width="1.2"/></svg>')


def _swatch_fill(colour: str, opacity: float = 0.55) -> str:
    return (f'<svg width="28" height="12"><rect x="3" y="1" width="22" height="10" fill="{colour}" '
            f'fill-opacity="{opacity}" stroke="#333333" stroke-width="1"/></svg>')


def _legend_html(m: Map) -> str:
    rows = ["<details open><summary>Legend</summary>"]
    if m.outlines is not None:
        rows.append(f"<div>{_swatch_fill('#f4f1ea', 0.6)}Country border</div>")
    for label, colour in _shade_groups(m):
        rows.append(f"<div>{_swatch_fill(colour)}{escape_text(label)}</div>")
    places = _places_by_kind(m)
    for kind in places:
        rows.append(f"<div>{_swatch_dot(PLACE_KINDS[kind].colour)}{escape_text(_cap(PLACE_KINDS[kind].plural))}</div>")
    if m.points:
        rows.append(f"<div>{_swatch_dot(_POINT_COLOUR)}Your points</div>")
    for group, colour, dashed in dict.fromkeys((g, c, d) for g, _label, c, d in m.lines):
        rows.append(f"<div>{_swatch_line(colour, '10 8' if dashed else None)}{escape_text(group)}</div>")
    any_schematic = False
    for (category, dash), statuses, schematic in _route_styles(m):
        any_schematic |= schematic
        style = ROUTE_CATEGORIES[category]
        words = " or ".join(_STATUS_WORDS[s] for s in statuses)
        mark = " (schematic)" if schematic else ""
        rows.append(f"<div>{_swatch_line(style.colour, dash)}{escape_text(_cap(style.singular))}, "
                    f"{escape_text(words)}{mark}</div>")
    if any_schematic:
        rows.append(f"<small>{_SCHEMATIC_NOTE}</small>")
    return "".join(rows) + "</details>"


# --------------------------------------------------------------------------- the map


class Map(folium.Map, _Fast):
    """A folium map with a title, stable HTML and a short text form; make one with ``region_map``.

    >>> Map("Energy routes")
    <Map: "Energy routes" — 0 places, 0 routes>
    """

    def __init__(self, title: str = "Central Asia", *, tiles: bool = True, offline: bool = False,
                 bounds: Bounds | None = CENTRAL_ASIA, height: int = 450, outlines: bool = True):
        frame = bounds or CENTRAL_ASIA
        centre = [(frame[0][0] + frame[1][0]) / 2, (frame[0][1] + frame[1][1]) / 2]
        super().__init__(location=centre, zoom_start=4, tiles=None, control_scale=True, zoom_snap=0.25)
        _Page().add_child(self)
        self.title = str(title)
        self.offline = bool(offline)
        self.bounds = bounds
        self.height_px = int(height)
        self.place_ids: list[str] = []
        self.route_ids: list[str] = []
        self.points: list[tuple[str, float, float]] = []
        self.lines: list[tuple[str, str, str, bool]] = []  # (group, label, colour, dashed)
        self.line_points: list[tuple[float, float]] = []
        self.groups: dict[str, folium.FeatureGroup] = {}
        self.tiles_name: str | None = None
        if tiles and not offline:
            self.tiles_name = "OpenStreetMap"
            _Tiles("OpenStreetMap", name="Background map (OpenStreetMap)").add_to(self)
        self.outlines = CountryOutlines(filled_land=not self.tiles_name).add_to(self) if outlines else None
        self.layer_control = _LayerControl(collapsed=True).add_to(self)
        _Frame().add_to(self)

    @property
    def _prefix(self) -> str:
        return _slug(self.title)

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
            self.groups[name] = _Group(name=escape_text(name)).add_to(self)
        return self.groups[name]

    def frame(self) -> list[list[float]]:
        """The [[south, west], [north, east]] the map opens on: ``bounds``, or everything shown if bounds is None."""
        if self.bounds is not None:
            return [list(map(float, self.bounds[0])), list(map(float, self.bounds[1]))]
        places = _places()
        points = [(places[p]["lat"], places[p]["lon"]) for p in self.place_ids]
        routes = _routes()
        for r in self.route_ids:
            points += [(places[p]["lat"], places[p]["lon"]) for p in data.split_list(routes[r]["waypoints"])]
        points += [(lat, lon) for _label, lat, lon in self.points] + self.line_points
        if not points:
            return [list(CENTRAL_ASIA[0]), list(CENTRAL_ASIA[1])]
        lats, lons = [float(p[0]) for p in points], [float(p[1]) for p in points]
        pad = 1.0
        return [[min(lats) - pad, min(lons) - pad], [max(lats) + pad, max(lons) + pad]]

    def _before_render(self) -> None:
        self._children.move_to_end(next(k for k, v in self._children.items() if v is self.layer_control))

    def render(self, **kwargs: Any) -> str:
        page = self.get_root()
        if self.offline:
            self.default_js, self.default_css = [], []
            tree = _walk(self)  # folium's own popups need jQuery; its default markers need their icon
            needs_jquery = any(isinstance(el, folium.Popup) for el in tree)
            needs_icons = any(type(el) is folium.Marker and el.icon is None for el in tree)
            page.header.add_child(_Raw(_offline_assets(needs_jquery, needs_icons)), name="crossroads_offline_assets")
        else:
            self.default_js, self.default_css = list(_ONLINE_JS), list(_ONLINE_CSS)
        return super().render(**kwargs)

    def _repr_html_(self, **kwargs: Any) -> str:
        page = self.get_root()
        if not isinstance(page, _Page):  # placed in a folium Figure by hand: still make ids stable
            self._before_render()
            _stable_ids(page, self._prefix)
        # A single-quoted attribute only needs & and ' escaped: much smaller than html.escape here.
        srcdoc = page.render(**kwargs).replace("&", "&amp;").replace("'", "&#39;")
        hidden = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;"
        return (
            f'<div style="width:100%;"><div style="position:relative;width:100%;height:{self.height_px}px;">'
            '<span style="color:#565656">Make this Notebook Trusted to load map: File -> Trust Notebook</span>'
            f"<iframe srcdoc='{srcdoc}' title=\"{escape_text(self.title)}\" "
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
            ok = -90 <= float(s) < float(n) <= 90 and -180 <= float(w) < float(e) <= 180
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise ValueError(
                "bounds should be ((south, west), (north, east)) in degrees, e.g. ((35, 46), (55.5, 88)); "
                f"got {bounds!r}.")
    if isinstance(height, bool) or not isinstance(height, int) or not 150 <= height <= 2000:
        raise ValueError(f"height should be a whole number of pixels such as 450; got {height!r}.")
    return Map(title, tiles=tiles, offline=OFFLINE if offline is None else offline, bounds=bounds, height=height)


def _check_map(m: Any) -> Map:
    if not isinstance(m, Map):
        raise ValueError(f"Expected a map made with maps.region_map(...); got {type(m).__name__}.")
    return m


# --------------------------------------------------------------------------- places


def _place_popup(row: dict, countries: dict[str, str]) -> str:
    kind = PLACE_KINDS[row["kind"]].singular
    parts = [f"<b>{escape_text(row['name'])}</b>",
             f"<br>{escape_text(_cap(kind))}, {escape_text(countries.get(row['country'], row['country']))}"]
    if _present(row.get("alt_names")):
        parts.append(f"<br>Also called: {escape_text(', '.join(data.split_list(row['alt_names'])))}")
    if _present(row.get("note")):
        parts.append(f"<br><i>{escape_text(row['note'])}</i>")
    parts.append(_source_line(row.get("source_id")))
    return "".join(parts)


def add_places(m: Map, kinds: str | Iterable[str] | None = None, ids: str | Iterable[str] | None = None,
               radius: float = 6) -> Map:
    """Add places from data/places.csv as coloured dots, one layer per kind.

    ``kinds`` picks kinds (e.g. "silk_road_city"), ``ids`` picks places; both None adds them all.

    >>> add_places(region_map("Cities"), kinds="silk_road_city")  # doctest: +ELLIPSIS
    <Map: "Cities" — ... places, 0 routes>
    """
    _check_map(m)
    places = _places()
    kinds_list, ids_list = _as_list(kinds, "kinds"), _as_list(ids, "ids")
    _require_known(kinds_list, "place kind", PLACE_KINDS)
    _require_known(ids_list, "place id", places)
    chosen = [pid for pid, row in places.items()
              if (kinds_list is None or row["kind"] in kinds_list) and (ids_list is None or pid in ids_list)]
    if ids_list is not None and kinds_list is None:  # keep the order the learner gave
        chosen = list(dict.fromkeys(ids_list))
    countries = country_names()
    for pid in chosen:
        if pid in m.place_ids:
            continue
        row = places[pid]
        style = PLACE_KINDS[row["kind"]]
        marker = _Circle(
            location=[float(row["lat"]), float(row["lon"])], radius=radius, color="#ffffff", weight=1.2,
            fill_color=style.colour, fill_opacity=0.9)
        marker.options["pane"] = "markerPane"  # dots above lines and outlines
        _Label(tooltip=escape_text(row["name"]), popup=_place_popup(row, countries)).add_to(marker)
        marker.add_to(m.group(_cap(style.plural)))
        m.place_ids.append(pid)
    return m


def add_dry_ports(m: Map) -> Map:
    """Add the dry ports (inland container terminals) from data/places.csv.

    >>> add_dry_ports(region_map("Dry ports"))  # doctest: +ELLIPSIS
    <Map: "Dry ports" — ... places, 0 routes>
    """
    return add_places(m, kinds=["dry_port"])


def _places_by_kind(m: Map) -> dict[str, list[str]]:
    places = _places()
    out: dict[str, list[str]] = {}
    for pid in m.place_ids:
        out.setdefault(places[pid]["kind"], []).append(str(places[pid]["name"]))
    return dict(sorted(out.items(), key=lambda kv: list(PLACE_KINDS).index(kv[0])))


# --------------------------------------------------------------------------- routes


def _route_row(route_id: Any) -> dict:
    routes = _routes()
    if not isinstance(route_id, str) or route_id not in routes:
        raise _unknown("route id", route_id, routes)
    return routes[route_id]


def route_points(route_id: str) -> list[tuple[float, float]]:
    """The ordered (lat, lon) waypoints of a route from data/routes.csv.

    >>> len(route_points("cpc_pipeline")) >= 2
    True
    """
    row, places = _route_row(route_id), _places()
    return [(float(places[p]["lat"]), float(places[p]["lon"])) for p in data.split_list(row["waypoints"])]


def route_length_km(route_id: str) -> float:
    """Length of a route along its waypoints: great-circle legs summed, in km (rounded to 0.1 km).

    The real track bends more than the straight legs, so this is a lower bound.

    >>> route_length_km("cpc_pipeline") > 1000
    True
    """
    return round(path_length_km(route_points(route_id)), 1)


def _route_popup(row: dict, countries: dict[str, str]) -> str:
    style = ROUTE_CATEGORIES[row["category"]]
    status = _STATUS_WORDS[row["status"]]
    parts = [f"<b>{escape_text(row['name'])}</b>", f"<br>{escape_text(_cap(style.singular))}, {status}"]
    if _present(row.get("opened")):
        parts.append(f", opened {escape_text(data.year_label(int(row['opened'])))}")
    crossed = [countries.get(c, c) for c in data.split_list(row["countries"])]
    parts.append(f"<br>Crosses: {escape_text(', '.join(crossed))}")
    parts.append(f"<br>Length along its waypoints: {route_length_km(row['id']):,.0f} km (great-circle legs)")
    if bool(row["schematic"]):
        parts.append(f"<br><i>{_SCHEMATIC_NOTE}</i>")
    if _present(row.get("note")):
        parts.append(f"<br><i>{escape_text(row['note'])}</i>")
    parts.append(_source_line(row.get("source_id")))
    return "".join(parts)


def add_route(m: Map, route_id: str) -> Map:
    """Draw one route from data/routes.csv through its waypoints (dashed if proposed or planned).

    >>> add_route(region_map("CPC"), "cpc_pipeline")
    <Map: "CPC" — 0 places, 1 route>
    """
    _check_map(m)
    row = _route_row(route_id)
    if route_id in m.route_ids:
        return m
    style = ROUTE_CATEGORIES[row["category"]]
    status = _STATUS_WORDS[row["status"]]
    schematic = bool(row["schematic"])
    line = _Line(route_points(route_id), color=style.colour, weight=4 if row["category"] == "ancient" else 3.5,
                           opacity=0.85, dash_array=_DASHES.get(row["status"]))
    tip = f"{escape_text(row['name'])} — {escape_text(style.singular)}, {status}"
    tip += " (schematic line)" if schematic else ""
    _Label(tooltip=tip, popup=_route_popup(row, country_names())).add_to(line)
    line.add_to(m.group(_cap(style.plural)))
    m.route_ids.append(route_id)
    return m


def add_routes(m: Map, category: str | Iterable[str] | None = None, ids: str | Iterable[str] | None = None) -> Map:
    """Draw several routes: a category ("oil", "gas", "ancient", "rail", "sea", "road"), a list of ids, or all.

    >>> add_routes(region_map("Gas"), category="gas")  # doctest: +ELLIPSIS
    <Map: "Gas" — 0 places, ... routes>
    """
    _check_map(m)
    routes = _routes()
    cats, ids_list = _as_list(category, "category"), _as_list(ids, "ids")
    _require_known(cats, "route category", ROUTE_CATEGORIES)
    _require_known(ids_list, "route id", routes)
    for rid, row in routes.items():
        if (cats is None or row["category"] in cats) and (ids_list is None or rid in ids_list):
            add_route(m, rid)
    return m


def _route_styles(m: Map) -> list[tuple[tuple[str, str | None], list[str], bool]]:
    routes = _routes()
    groups: dict[tuple[str, str | None], tuple[list[str], list[bool]]] = {}
    for rid in m.route_ids:
        row = routes[rid]
        key = (row["category"], _DASHES.get(row["status"]))
        statuses, schematic = groups.setdefault(key, ([], []))
        if row["status"] not in statuses:
            statuses.append(row["status"])
        schematic.append(bool(row["schematic"]))
    order = list(ROUTE_CATEGORIES)
    return [(key, sorted(s, key=list(_STATUS_WORDS).index), any(sch))
            for key, (s, sch) in sorted(groups.items(), key=lambda kv: (order.index(kv[0][0]), kv[0][1] or ""))]


# --------------------------------------------------------------------------- learner input


def _check_coordinate(value: Any, name: str, limit: int, words: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(float(value)):
        raise ValueError(f"{name} should be a number between -{limit} and {limit} ({words}); "
                         f"got {value!r} ({type(value).__name__}).")
    if not -limit <= float(value) <= limit:
        raise ValueError(f"{name} should be between -{limit} and {limit} ({words}); got {value}.")
    return float(value)


def add_point(m: Map, lat: float, lon: float, label: str, colour: str = _POINT_COLOUR) -> Map:
    """Add your own point (a red dot with your label); latitude first, then longitude, in degrees.

    >>> add_point(region_map("My map"), 43.24, 76.95, "Almaty")
    <Map: "My map" — 0 places, 0 routes, 1 point of yours>
    """
    _check_map(m)
    if isinstance(lat, (int, float)) and isinstance(lon, (int, float)) and not isinstance(lat, bool) \
            and abs(lat) > 90 and abs(lon) <= 90:
        raise ValueError(f"lat should be between -90 and 90; got {lat}. Did you swap latitude and longitude? "
                         f"Try add_point(m, {lon}, {lat}, ...).")
    lat = _check_coordinate(lat, "lat", 90, "degrees north")
    lon = _check_coordinate(lon, "lon", 180, "degrees east")
    if not isinstance(label, str) or not label.strip():
        raise ValueError(f"label should be a short text such as 'Almaty'; got {label!r}.")
    _check_colour(colour)
    marker = _Circle(location=[lat, lon], radius=7, color="#ffffff", weight=1.5,
                                 fill_color=colour, fill_opacity=0.95)
    marker.options["pane"] = "markerPane"
    text = escape_text(label.strip())
    _Label(tooltip=text, popup=f"<b>{text}</b><br>{lat:.4f}° N, {lon:.4f}° E (your point)").add_to(marker)
    marker.add_to(m.group("Your points"))
    m.points.append((label.strip(), lat, lon))
    return m


def add_line(m: Map, points: Sequence[tuple[float, float]], label: str, colour: str = "#d7301f",
             group: str = "Your lines", dashed: bool = False) -> Map:
    """Draw your own line through (lat, lon) points; ``group`` names it in the legend and the layer switcher.

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
    for name, value in (("label", label), ("group", group)):
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{name} should be a short text such as 'Almaty to Astana'; got {value!r}.")
    _check_colour(colour)
    line = _Line(checked, color=colour, weight=3, opacity=0.85, dash_array="10 8" if dashed else None)
    _Label(tooltip=escape_text(label.strip()), popup=f"<b>{escape_text(label.strip())}</b><br>"
           f"{path_length_km(checked):,.0f} km along great circles").add_to(line)
    line.add_to(m.group(group.strip()))
    m.lines.append((group.strip(), label.strip(), colour, bool(dashed)))
    m.line_points.extend(checked)
    return m


def _check_colour(colour: Any) -> None:
    if not isinstance(colour, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}|[a-z]+", colour):
        raise ValueError(f"colour should be a colour such as '#d7301f' or 'red'; got {colour!r}.")


def shade_countries(m: Map, countries: str | Iterable[str], colour: str = "#2b8cbe", label: str = "highlighted") -> Map:
    """Fill some country outlines with a colour (ISO3 codes, e.g. ["KAZ", "RUS"]); ``label`` goes into the legend.

    >>> shade_countries(region_map("EAEU"), ["KAZ", "RUS"], label="EAEU members")
    <Map: "EAEU" — 0 places, 0 routes>
    """
    _check_map(m)
    _check_colour(colour)
    if m.outlines is None:
        raise ValueError("This map has no country outlines to shade; make it with region_map(...).")
    codes = _as_list(countries, "countries") or []
    known = country_names()
    for code in codes:
        if code not in known:
            raise _unknown("country code", code, known)
    for code in codes:
        m.outlines.fills[code] = (colour, str(label))
    return m


def _shade_groups(m: Map) -> list[tuple[str, str]]:
    if m.outlines is None:
        return []
    return list(dict.fromkeys((label, colour) for colour, label in m.outlines.fills.values()))


# --------------------------------------------------------------------------- text description


def describe(m: Map) -> str:
    """A one-paragraph description of what the map shows (for screen readers and for notebook text).

    >>> describe(region_map("Empty", tiles=False))[:40]
    'Map titled "Empty". It shows the outline'
    """
    _check_map(m)
    parts = [f'Map titled "{m.title}".']
    shown = []
    if m.outlines is not None:
        shown.append(f"the outlines of {m.outlines.count()} countries around Central Asia")
    names = country_names()
    for label, colour in _shade_groups(m):
        codes = [iso for iso, (c, lab) in m.outlines.fills.items() if (lab, c) == (label, colour)]
        shown.append(f"{len(codes)} {'country' if len(codes) == 1 else 'countries'} shaded as {label} "
                      f"({_name_list([names.get(c, c) for c in codes], 12)})")
    for kind, place_names in _places_by_kind(m).items():
        shown.append(f"{_plural(len(place_names), PLACE_KINDS[kind])} ({_name_list(place_names)})")
    routes = _routes()
    groups: dict[tuple[str, str], list[str]] = {}
    for rid in m.route_ids:
        row = routes[rid]
        groups.setdefault((row["category"], row["status"]), []).append(str(row["name"]))
    order, statuses = list(ROUTE_CATEGORIES), list(_STATUS_WORDS)
    def route_order(item: tuple[tuple[str, str], list[str]]) -> tuple[int, int]:
        return order.index(item[0][0]), statuses.index(item[0][1])

    for (cat, status), route_names in sorted(groups.items(), key=route_order):
        adjective = "" if status in ("built", "historic") else _STATUS_WORDS[status]
        shown.append(f"{_plural(len(route_names), ROUTE_CATEGORIES[cat], adjective)} ({_name_list(route_names)})")
    line_groups: dict[str, list[str]] = {}
    for group, label, _colour, _dashed in m.lines:
        line_groups.setdefault(group, []).append(label)
    for group, labels in line_groups.items():
        shown.append(f"{len(labels)} line{'s' * (len(labels) != 1)} in \"{group}\" ({_name_list(labels)})")
    if m.points:
        shown.append(f"{len(m.points)} point{'s' * (len(m.points) != 1)} you added "
                     f"({_name_list([p[0] for p in m.points])})")
    if shown:
        text = ", ".join(shown[:-1]) + (" and " if len(shown) > 1 else "") + shown[-1]
        parts.append(f"It shows {text}.")
    else:
        parts.append("It shows no layers yet.")
    if m.route_ids:
        schematic = [rid for rid in m.route_ids if bool(routes[rid]["schematic"])]
        if len(schematic) == len(m.route_ids):
            parts.append("Lines are schematic: they join the waypoints and do not follow the real track.")
        elif schematic:
            parts.append(f"{len(schematic)} of the {len(m.route_ids)} lines are schematic "
                         "(they join the waypoints and do not follow the real track).")
    parts.append("Background map: " + (m.tiles_name + " tiles." if m.tiles_name else "none (outlines only)."))
    return " ".join(parts)
