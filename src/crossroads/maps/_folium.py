"""Everything that depends on folium's and branca's internals: the fast render path, stable ids,
the page around a map, offline assets and the Leaflet elements the maps draw.

A folium or branca upgrade should only touch this file (tests/test_maps.py says whether it still works).

>>> el = _Raw("<b>as is</b>")
>>> el.render()
'<b>as is</b>'
"""
from __future__ import annotations

import base64
import json
import re
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from branca.utilities import _camelify
from folium.elements import ElementAddToElement
from folium.map import Layer
from folium.template import Template

from crossroads import data
from crossroads.text import country_names, data_folder, escape_text

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


def offline_header(tree: list[Element]) -> str:
    """The inline assets a map needs offline: folium's own popups need jQuery, its default markers their icon."""
    needs_jquery = any(isinstance(el, folium.Popup) for el in tree)
    needs_icons = any(type(el) is folium.Marker and el.icon is None for el in tree)
    return _offline_assets(needs_jquery, needs_icons)


# Online: only Leaflet and jQuery (folium's own popups need it); no Bootstrap, no icon fonts.
ONLINE_JS = [(name, url) for name, url in folium.Map.default_js if name in ("leaflet", "jquery")]
ONLINE_CSS = [(name, url) for name, url in folium.Map.default_css if name == "leaflet_css"]


# --------------------------------------------------------------------------- the fast render path


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


class Group(_FastLayer, folium.FeatureGroup):
    pass


class Tiles(_FastLayer, folium.TileLayer):
    pass


class Circle(folium.CircleMarker, _Fast):
    pass


class Line(folium.PolyLine, _Fast):
    pass


class LayerControl(folium.LayerControl, _Fast):
    pass


class FastMap(folium.Map, _Fast):
    """folium.Map on the fast path; ``_before_render`` and ``_prefix`` come from the subclass."""

    def render(self, **kwargs: Any) -> str:
        page = self.get_root()
        if getattr(self, "offline", False):
            self.default_js, self.default_css = [], []
            page.header.add_child(_Raw(offline_header(walk(self))), name="crossroads_offline_assets")
        else:
            self.default_js, self.default_css = list(ONLINE_JS), list(ONLINE_CSS)
        return super().render(**kwargs)


# --------------------------------------------------------------------------- deterministic ids


def walk(root: Element) -> list[Element]:
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


def stable_ids(root: Element, prefix: str) -> list[Element]:
    """Give every element an id made of prefix + a counter in tree order (and fix names that refer to ids)."""
    elements = walk(root)
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


# folium's viewport forbids zooming the page (WCAG 1.4.4); ours allows it.
_FOLIUM_VIEWPORT = re.compile(r'<meta name="viewport" content="width=device-width,\s*initial-scale=1.0, '
                              r'maximum-scale=1.0, user-scalable=no" />')
_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1.0" />'


class Page(Figure):
    """The HTML page holding one of our maps: a language, a title, a zoomable viewport, stable ids, no side effects."""

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="en">\n'
        "<head>\n"
        "<title>{{ this.page_title() }}</title>\n"
        "    {{this.header.render(**kwargs)}}\n"
        "</head>\n"
        "<body>\n"
        "    {{this.html.render(**kwargs)}}\n"
        "</body>\n"
        "<script>\n"
        "    {{this.script.render(**kwargs)}}\n"
        "</script>\n"
        "</html>\n",
    )

    def _maps(self) -> list[Any]:
        return [c for c in self._children.values() if hasattr(c, "_before_render")]

    def page_title(self) -> str:
        maps = self._maps()
        return escape_text("Map: " + maps[0].title) if maps else "Map"

    def render(self, **kwargs: Any) -> str:
        maps = self._maps()
        for m in maps:
            m._before_render()
        elements = stable_ids(self, maps[0]._prefix if maps else "page")
        saved = [(el, el._children.copy()) for el in elements]
        try:
            return _FOLIUM_VIEWPORT.sub(_VIEWPORT, super().render(**kwargs), count=1)
        finally:  # rendering adds children (header links, "addTo" calls); drop them again
            for el, children in saved:
                el._children = children

    def _repr_html_(self, **kwargs: Any) -> str:
        maps = self._maps()
        return maps[0]._repr_html_(**kwargs) if maps else super()._repr_html_(**kwargs)


def page_html(m: Any, **kwargs: Any) -> str:
    """The full HTML document of a map (its page), rendered with stable ids even when placed in a plain Figure."""
    page = m.get_root()
    if not isinstance(page, Page):  # placed in a folium Figure by hand: still make ids stable
        m._before_render()
        stable_ids(page, m._prefix)
    return page.render(**kwargs)


# --------------------------------------------------------------------------- map elements


class Label(_Fast):
    """Tooltip, popup and accessible name for its parent layer; texts are already escaped HTML (no jQuery needed).

    ``permanent`` shows the tooltip as a label at the default view; ``name`` is the plain-text accessible
    name given to the drawn SVG path (``aria-label``), so screen readers can name markers and lines.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        {%- if this.tooltip %}
            {{ this._parent.get_name() }}.bindTooltip({{ this.tooltip|tojson }}, {{ this.tooltip_options()|tojson }});
        {%- endif %}
        {%- if this.popup %}
            {{ this._parent.get_name() }}.bindPopup({{ this.popup|tojson }}, {"maxWidth": 320});
        {%- endif %}
        {%- if this.name %}
            {{ this._parent.get_name() }}.on("add", function (e) { crossroadsName(e.target, {{ this.name|tojson }}); });
        {%- endif %}
        {% endmacro %}
    """)

    def __init__(self, tooltip: str = "", popup: str = "", name: str = "", permanent: bool = False):
        super().__init__()
        self._name = "Label"
        self.tooltip = tooltip
        self.popup = popup
        self.name = name
        self.permanent = permanent

    def tooltip_options(self) -> dict:
        if self.permanent:
            return {"permanent": True, "direction": "right", "offset": [6, 0], "className": "crossroads-label"}
        return {"sticky": True}


@lru_cache(maxsize=8)
def _geojson_text(folder: Path, name: str) -> tuple[str, int]:
    geo = data.geojson(name, folder=folder)
    text = json.dumps(geo, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")
    return text, len(geo["features"])


@lru_cache(maxsize=16)
def _occupied_json(folder: Path, ids: tuple[str, ...]) -> str:
    geo = data.geojson("occupied_geo", folder=folder)
    geo["features"] = [f for f in geo["features"] if f["properties"]["id"] in ids]
    return json.dumps(geo, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


@lru_cache(maxsize=64)
def _label_point(folder: Path, iso3: str) -> tuple[float, float]:
    """Where a country's name goes: the area centroid of the outer ring of its largest polygon."""
    feature = next(f for f in data.geojson(folder=folder)["features"] if f["properties"]["iso3"] == iso3)
    coords = feature["geometry"]["coordinates"]
    rings = [poly[0] for poly in coords] if feature["geometry"]["type"] == "MultiPolygon" else [coords[0]]

    def parts(ring: list) -> tuple[float, float, float]:
        pairs = list(zip(ring, ring[1:]))
        cross = [x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairs]
        area = sum(cross) / 2
        cx = sum((x0 + x1) * c for ((x0, _), (x1, _)), c in zip(pairs, cross)) / (6 * area)
        cy = sum((y0 + y1) * c for ((_, y0), (_, y1)), c in zip(pairs, cross)) / (6 * area)
        return abs(area), cy, cx

    _area, lat, lon = max(parts(ring) for ring in rings)
    return round(lat, 3), round(lon, 3)


def _outline_json(folder: Path) -> tuple[str, int]:
    """The country outlines as compact JSON safe inside a script, and their number (cached)."""
    return _geojson_text(folder, "countries_geo")


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
                    if (tip) {
                        layer.bindTooltip(tip, {"sticky": true});
                        layer.on("add", function (e) { crossroadsName(e.target, tip); });
                    }
                }
            });
            {%- if this.labelled %}
            (function (map, labels) {  // names of the shaded countries, readable without hovering
                labels.forEach(function (l) {
                    map.openTooltip(L.tooltip({"permanent": true, "direction": "center", "interactive": false,
                                               "className": "crossroads-label crossroads-country"})
                        .setLatLng([l[0], l[1]]).setContent(l[2]));
                });
            })({{ this._parent.get_name() }}, {{ this.label_points()|tojson }});
            {%- endif %}
        {% endmacro %}
    """)

    def __init__(self, filled_land: bool = False):
        super().__init__(name="Country outlines", overlay=True, control=True, show=True)
        self._name = "CountryOutlines"
        self.base_style = {"color": "#555555", "weight": 1, "opacity": 0.9, "fillColor": "#f4f1ea",
                           "fillOpacity": 0.6 if filled_land else 0.05}
        self.fills: dict[str, tuple[str, str]] = {}  # iso3 -> (colour, label)
        self.labelled: list[str] = []  # iso3 codes whose name is written on the map

    def label_points(self) -> list[tuple[float, float, str]]:
        """(lat, lon, escaped name) for each labelled country: the centre of its largest part."""
        names = country_names()
        return [(*_label_point(data_folder(), iso), escape_text(names.get(iso, iso))) for iso in self.labelled]

    def geojson_text(self) -> str:
        return _outline_json(data_folder())[0]

    def count(self) -> int:
        return _outline_json(data_folder())[1]

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


HATCH = "url(#crossroads-hatch)"
"""SVG fill of the areas under occupation: diagonal hatching (the pattern is defined in the page)."""


class OccupiedAreas(_FastLayer, Layer):
    """Areas under Russian occupation (data/occupied.geojson), hatched over the country outlines.

    Only the areas whose box meets the map's frame are drawn (``ids``).

    >>> OccupiedAreas(["crimea"]).layer_name
    'Under Russian occupation'
    """

    _template = Template("""
        {% macro html(this, kwargs) %}
            <svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false"><defs>
              <pattern id="crossroads-hatch" width="6" height="6" patternUnits="userSpaceOnUse"
                       patternTransform="rotate(45)">
                <rect width="6" height="6" fill="#ffffff" fill-opacity="0.35"/>
                <line x1="0" y1="0" x2="0" y2="6" stroke="#4d4d4d" stroke-width="2"/>
              </pattern></defs></svg>
        {% endmacro %}
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.geoJson({{ this.geojson_text() }}, {
                "style": function () { return {{ this.area_style()|tojson }}; },
                "onEachFeature": function (feature, layer) {
                    var tip = {{ this.tips()|tojson }}[feature.properties.id];
                    layer.bindTooltip(tip, {"sticky": true});
                    layer.on("add", function (e) { crossroadsName(e.target, tip); });
                }
            });
        {% endmacro %}
    """)

    def __init__(self, ids: list[str]):
        super().__init__(name="Under Russian occupation", overlay=True, control=True, show=True)
        self._name = "OccupiedAreas"
        self.ids = list(ids)

    @staticmethod
    def area_style() -> dict:
        return {"color": "#1f1f1f", "weight": 1.5, "dashArray": "4 3", "opacity": 1, "fillColor": HATCH,
                "fillOpacity": 1}

    def render(self, **kwargs: Any) -> None:
        if self.ids:  # nothing in the frame: nothing drawn, no entry in the layer switcher
            super().render(**kwargs)

    def geojson_text(self) -> str:
        return _occupied_json(data_folder(), tuple(self.ids))

    def tips(self) -> dict[str, str]:
        from crossroads.maps._legend import occupied_areas  # the texts live with the legend

        return {a["id"]: escape_text(a["tip"]) for a in occupied_areas() if a["id"] in self.ids}


@lru_cache(maxsize=1)
def named_colours() -> dict[str, str]:
    """CSS colour names (lower case) and their ``#rrggbb`` values, from the list branca ships.

    >>> named_colours()["red"]
    '#FF0000'
    """
    import branca

    return {k.lower(): v for k, v in json.loads((Path(branca.__file__).parent / "_cnames.json").read_text()).items()}
