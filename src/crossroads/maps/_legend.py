"""How the maps look and read: styles, the legend, the title and frame, and the text description.

The legend and the screen-reader description are two views of the same inventory of a map,
so they live together and change together.

>>> ROUTE_CATEGORIES["gas"].dash
'8 6'
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from folium.template import Template

from crossroads import data, style
from crossroads.geo import along, feature_at
from crossroads.maps._folium import HATCH, _Fast
from crossroads.routes import places, route_towns, routes
from crossroads.text import and_list, cap, country_names, data_folder, escape_text, name_list

if TYPE_CHECKING:
    from crossroads.maps import Map


class Style(NamedTuple):
    """Colour, English names and line dash (None: solid) of a place kind or route category."""

    colour: str
    singular: str
    plural: str
    dash: str | None = None


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
    cat: Style(look.colour, look.name, look.name + "s", look.dash) for cat, look in style.ROUTE_CATEGORIES.items()
}
"""Colour, dash and English name of every route category in routes.csv (from ``crossroads.style``)."""

STATUS_WORDS = {"historic": "historic", "built": "built", "proposed": "proposed",
                "planned": "planned", "under_construction": "under construction"}
NOT_BUILT = {"proposed", "planned", "under_construction"}
"""Statuses drawn thinner and paler than built routes (the dash stays the category's)."""

EACH_ROUTE_DASHES = [None, "12 6", "3 5", "12 4 3 4", "6 3", "1 4"]
"""Dashes that tell routes of one category apart when each route gets its own legend entry."""

POINT_COLOUR = "#d7301f"
SCHEMATIC_NOTE = "Schematic lines join the waypoints; they do not follow the real track."
OCCUPATION_LABEL = "Under Russian occupation"
BORDER_NOTE = ("Borders as recognised internationally (UN General Assembly resolution 68/262 for Crimea); "
               "hatched areas are under Russian occupation.")


class RouteLook(NamedTuple):
    colour: str
    dash: str | None
    weight: float
    opacity: float
    own_entry: bool  # a legend entry of its own (named), not one per category


def route_look(row: dict, dash: str | None = "category", own_entry: bool = False) -> RouteLook:
    """How a route is drawn: its category's colour and dash; thinner and paler if not built."""
    cat = ROUTE_CATEGORIES[row["category"]]
    faint = row["status"] in NOT_BUILT
    return RouteLook(cat.colour, cat.dash if dash == "category" else dash,
                     (2.5 if faint else 4.0) if row["category"] != "ancient" else 4.5, 0.6 if faint else 0.9, own_entry)


# --------------------------------------------------------------------------- occupied areas


@lru_cache(maxsize=4)
def _occupied(folder: Path) -> tuple[dict, ...]:
    out = []
    try:
        features = data.geojson("occupied_geo", folder=folder)["features"]
    except data.DataError:  # a data copy from before the borders policy: nothing to hatch
        features = []
    for feature in features:
        p = dict(feature["properties"])
        coords = feature["geometry"]["coordinates"]
        rings = [poly[0] for poly in coords] if feature["geometry"]["type"] == "MultiPolygon" else [coords[0]]
        lons = [pt[0] for ring in rings for pt in ring]
        lats = [pt[1] for ring in rings for pt in ring]
        p["box"] = ((min(lats), min(lons)), (max(lats), max(lons)))
        p["tip"] = f"{p['name']} ({country_names().get(p['country'], p['country'])}): under Russian occupation since {p['since']}"
        p["geometry"] = feature["geometry"]
        out.append(p)
    return tuple(out)


def occupied_areas() -> tuple[dict, ...]:
    """The areas under Russian occupation (data/occupied.geojson): id, name, country, since, tip, box, geometry.

    >>> "crimea" in [a["id"] for a in occupied_areas()]
    True
    """
    return _occupied(data_folder())


def occupied_in(frame: list[list[float]]) -> list[str]:
    """Ids of the occupied areas whose box meets a [[south, west], [north, east]] frame.

    >>> occupied_in([[40, 30], [50, 40]])[:1]
    ['crimea']
    """
    (s, w), (n, e) = frame
    return [a["id"] for a in occupied_areas()
            if a["box"][0][0] <= n and a["box"][1][0] >= s and a["box"][0][1] <= e and a["box"][1][1] >= w]


@lru_cache(maxsize=4)
def _outline_boxes(folder: Path) -> tuple[tuple[dict, tuple[float, float, float, float]], ...]:
    """Each outline with its box (south, west, north, east), to skip the outlines a point is far from."""
    out = []
    for feature in data.geojson(folder=folder)["features"]:
        coords = feature["geometry"]["coordinates"]
        polygons = coords if feature["geometry"]["type"] == "MultiPolygon" else [coords]
        lons = [p[0] for poly in polygons for p in poly[0]]
        lats = [p[1] for poly in polygons for p in poly[0]]
        out.append((feature, (min(lats), min(lons), max(lats), max(lons))))
    return tuple(out)


def countries_along(points: list[tuple[float, float]]) -> list[str]:
    """ISO3 codes of the outlines a drawn line passes through, in order (the sea and unknown land left out).

    >>> countries_along([(51.17, 71.45), (43.24, 76.95)])
    ['KAZ']
    """
    return list(_countries_along(data_folder(), tuple((float(a), float(b)) for a, b in points)))


@lru_cache(maxsize=512)
def _countries_along(folder: Path, points: tuple[tuple[float, float], ...]) -> tuple[str, ...]:
    boxes = _outline_boxes(folder)
    out: list[str] = []
    for lat, lon in along(points, step_km=40):
        near = [f for f, (s, w, n, e) in boxes if s <= lat <= n and w <= lon <= e]
        hit = feature_at(lat, lon, near)
        code = hit["properties"]["iso3"] if hit else None
        if code and code not in out:
            out.append(code)
    return tuple(out)


# --------------------------------------------------------------------------- what a map holds


def places_by_kind(m: Map) -> dict[str, list[str]]:
    rows = places()
    out: dict[str, list[str]] = {}
    for pid in m.place_ids:
        out.setdefault(rows[pid]["kind"], []).append(str(rows[pid]["name"]))
    return dict(sorted(out.items(), key=lambda kv: list(PLACE_KINDS).index(kv[0])))


def shade_groups(m: Map) -> list[tuple[str, str]]:
    if m.outlines is None:
        return []
    return list(dict.fromkeys((label, colour) for colour, label in m.outlines.fills.values()))


def route_styles(m: Map) -> list[tuple[str, RouteLook, list[str], bool]]:
    """Legend rows for routes: (text, look, statuses, schematic), one per category look or per own-entry route."""
    rows = routes()
    groups: dict[Any, tuple[int, str, RouteLook, list[str], list[bool]]] = {}
    order = list(ROUTE_CATEGORIES)
    for rid in m.route_ids:
        row, look = rows[rid], m.route_looks[rid]
        key = (rid,) if look.own_entry else (row["category"], row["status"] in NOT_BUILT)
        text = str(row["name"]) if look.own_entry else cap(ROUTE_CATEGORIES[row["category"]].singular)
        _, _, _, statuses, schematic = groups.setdefault(key, (order.index(row["category"]), text, look, [], []))
        if row["status"] not in statuses:
            statuses.append(row["status"])
        schematic.append(bool(row["schematic"]))
    ranked = sorted(groups.values(), key=lambda v: v[0])  # by category; within one, in the order drawn
    return [(text, look, sorted(st, key=list(STATUS_WORDS).index), any(sch)) for _r, text, look, st, sch in ranked]


# --------------------------------------------------------------------------- legend


def swatch_line(colour: str, dash: str | None, opacity: float = 0.9, weight: float = 3) -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<svg width="34" height="10" aria-hidden="true" focusable="false"><line x1="1" y1="5" x2="33" y2="5" '
            f'stroke="{colour}" stroke-opacity="{opacity}" stroke-width="{weight}"{dash_attr}/></svg>')


def swatch_dot(colour: str) -> str:
    return (f'<svg width="34" height="12" aria-hidden="true" focusable="false"><circle cx="17" cy="6" r="5" '
            f'fill="{colour}" fill-opacity="0.85" stroke="#ffffff" stroke-width="1.2"/></svg>')


def swatch_fill(colour: str, opacity: float = 0.55, dash: str | None = None) -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<svg width="34" height="12" aria-hidden="true" focusable="false"><rect x="3" y="1" width="28" height="10" '
            f'fill="{colour}" fill-opacity="{opacity}" stroke="#333333" stroke-width="1"{dash_attr}/></svg>')


def legend_html(m: Map) -> str:
    """The legend as real text: one row per thing drawn, each with a swatch that shows colour and dash."""
    rows = ['<details open><summary>Legend</summary>']
    if m.outlines is not None:
        rows.append(f"<div>{swatch_fill('#f4f1ea', 0.6)}Country border</div>")
    for label, colour in shade_groups(m):
        rows.append(f"<div>{swatch_fill(colour)}{escape_text(label)}</div>")
    if m.occupied_ids:
        rows.append(f"<div>{swatch_fill(HATCH, 1, '4 3')}{OCCUPATION_LABEL}</div>")
    for kind in places_by_kind(m):
        rows.append(f"<div>{swatch_dot(PLACE_KINDS[kind].colour)}{escape_text(cap(PLACE_KINDS[kind].plural))}</div>")
    if m.points:
        rows.append(f"<div>{swatch_dot(POINT_COLOUR)}Your points</div>")
    for group, colour, dash in dict.fromkeys((g, c, d) for g, _label, c, d in m.lines):
        rows.append(f"<div>{swatch_line(colour, dash)}{escape_text(group)}</div>")
    any_schematic = False
    for text, look, statuses, schematic in route_styles(m):
        any_schematic |= schematic
        words = " or ".join(STATUS_WORDS[s] for s in statuses)
        mark = " (schematic)" if schematic else ""
        rows.append(f"<div>{swatch_line(look.colour, look.dash, look.opacity, min(look.weight, 4))}"
                    f"{escape_text(text)}, {escape_text(words)}{mark}</div>")
    if any_schematic:
        rows.append(f"<small>{SCHEMATIC_NOTE}</small>")
    if m.occupied_ids:
        rows.append(f"<small>{BORDER_NOTE}</small>")
    return "".join(rows) + "</details>"


# --------------------------------------------------------------------------- title, legend box and framing


FRAME_CSS = """
.crossroads-title { position: absolute; top: 10px; left: 50%; transform: translateX(-50%); z-index: 1100;
  max-width: 60%; margin: 0; padding: 4px 12px; border-radius: 4px; background: rgba(255,255,255,0.92);
  box-shadow: 0 1px 4px rgba(0,0,0,0.3); font: 600 15px/1.3 system-ui, -apple-system, "Segoe UI", sans-serif;
  text-align: center; pointer-events: none; color: #1f1f1f; }
.crossroads-legend { position: absolute; bottom: 26px; right: 10px; z-index: 1100; max-width: 290px;
  max-height: 55%; overflow-y: auto; padding: 6px 10px; border-radius: 4px; background: rgba(255,255,255,0.94);
  box-shadow: 0 1px 4px rgba(0,0,0,0.3); font: 12px/1.35 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: #1f1f1f; }
.crossroads-legend summary { font-weight: 600; cursor: pointer; }
.crossroads-legend div { display: flex; align-items: center; }
.crossroads-legend svg { flex-shrink: 0; margin-right: 5px; }
.crossroads-legend small { display: block; white-space: normal; color: #444444; margin-top: 3px; }
.crossroads-sr { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.leaflet-popup-content { font-size: 13px; line-height: 1.4; }
.leaflet-tooltip { font-size: 12px; }
.leaflet-tooltip.crossroads-label { padding: 0 4px; border: 0; border-radius: 3px; box-shadow: none;
  background: rgba(255,255,255,0.85); color: #1f1f1f; font: 600 11px/1.35 system-ui, -apple-system, sans-serif; }
.leaflet-tooltip.crossroads-label:before { display: none; }
.leaflet-tooltip.crossroads-country { background: transparent; font-weight: 400; font-style: italic;
  text-shadow: 0 0 2px #ffffff, 0 0 3px #ffffff, 0 0 4px #ffffff; }
.leaflet-container { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
.leaflet-container:focus-visible, .leaflet-container:focus { outline: 3px solid #1f1f1f; outline-offset: -3px; }
.crossroads-legend:focus-visible, .crossroads-legend summary:focus-visible, .leaflet-control a:focus-visible { outline: 2px solid #1f1f1f;
  outline-offset: 1px; }
"""

# Names drawn shapes for screen readers (before any layer is added, hence in the header).
NAME_SCRIPT = """<script>
function crossroadsName(layer, text) {
  var el = layer.getElement && layer.getElement();
  if (!el) { return; }
  var box = document.createElement("div");
  box.innerHTML = text;
  el.setAttribute("role", "img");
  el.setAttribute("aria-label", box.textContent);
}
</script>"""


class Frame(_Fast):
    """Title, legend, screen-reader description, keyboard access and framing of a map (computed at render time)."""

    _template = Template("""
        {% macro header(this, kwargs) %}
            <style>{{ this.css() }}</style>
            {{ this.name_script() }}
        {% endmacro %}
        {% macro html(this, kwargs) %}
            <header><h1 class="crossroads-title">{{ this.title_html() }}</h1></header>
            <section class="crossroads-legend" aria-label="Legend" tabindex="0">{{ this.legend_html() }}</section>
            <aside class="crossroads-sr" aria-label="Description of the map">{{ this.description_html() }}</aside>
        {% endmacro %}
        {% macro script(this, kwargs) %}
            (function (map, bounds, options) {
                // Frame the map whenever its size changes, until the learner moves it. An output not yet
                // laid out is 0 px wide, and fitting then would give a NaN view; narrow maps drop the
                // padding kept for the legend.
                var moved = false;
                function declutter() {
                    // Place each label right of its dot, else left, above or below; hide it if every spot
                    // would cover an earlier label (places come before country names), the title or the legend.
                    var shown = Array.from(document.querySelectorAll(".crossroads-legend, .crossroads-title")).map(function (el) { return el.getBoundingClientRect(); })
                        .filter(function (r) { return r.width > 0; });
                    var labels = map.getContainer().querySelectorAll(".crossroads-label:not(.crossroads-country)");
                    var countries = map.getContainer().querySelectorAll(".crossroads-country");
                    Array.prototype.concat.call([], Array.from(labels), Array.from(countries)).forEach(function (el) {
                        el.style.visibility = "";
                        el.style.marginLeft = el.style.marginTop = "";
                        var r = el.getBoundingClientRect();
                        var moves = el.classList.contains("crossroads-country") ? [[0, 0]] :
                            [[0, 0], [-r.width - 16, 0], [-r.width / 2 - 8, -r.height], [-r.width / 2 - 8, r.height]];
                        var spot = moves.find(function (d) {
                            return !shown.some(function (s) {
                                return r.left + d[0] < s.right && r.right + d[0] > s.left &&
                                       r.top + d[1] < s.bottom && r.bottom + d[1] > s.top;
                            });
                        });
                        if (!spot) { el.style.visibility = "hidden"; return; }
                        el.style.marginLeft = spot[0] + "px";
                        el.style.marginTop = spot[1] + "px";
                        shown.push({left: r.left + spot[0], right: r.right + spot[0],
                                    top: r.top + spot[1], bottom: r.bottom + spot[1]});
                    });
                }
                function frame() {
                    var size = map.getSize();
                    if (moved || size.x < 50 || size.y < 50) { return; }
                    var fit = {animate: false, paddingTopLeft: options.paddingTopLeft,
                               paddingBottomRight: options.paddingBottomRight.slice()};
                    var legend = document.querySelector(".crossroads-legend");
                    if (fit.paddingBottomRight[0] && legend) {  // keep what the map shows beside its legend
                        fit.paddingBottomRight[0] = legend.offsetWidth + 20;
                    }
                    if (size.x < 2 * (fit.paddingTopLeft[0] + fit.paddingBottomRight[0]) + 60) {
                        fit.paddingTopLeft = fit.paddingBottomRight = [0, 0];
                    }
                    map.fitBounds(bounds, fit);
                }
                frame();
                map.on("resize", frame);
                map.on("zoomend moveend resize", declutter);
                setTimeout(declutter, 0);
                document.querySelectorAll(".crossroads-legend details").forEach(function (el) {
                    el.addEventListener("toggle", declutter);  // a folded legend frees its corner
                });
                ["mousedown", "touchstart", "wheel", "keydown"].forEach(function (name) {
                    map.getContainer().addEventListener(name, function () { moved = true; });
                });
            })({{ this._parent.get_name() }}, {{ this._parent.frame()|tojson }}, {{ this.fit_options()|tojson }});
            (function (container) {
                container.setAttribute("role", "main");  // the page's main content, a landmark
                container.setAttribute("aria-label", {{ this.label()|tojson }});
                container.setAttribute("aria-describedby", "crossroads-description");
                if (container.tabIndex < 0) { container.tabIndex = 0; }  // arrows pan, + and - zoom
            })({{ this._parent.get_name() }}.getContainer());
        {% endmacro %}
    """)

    def __init__(self) -> None:
        super().__init__()
        self._name = "Frame"

    def css(self) -> str:
        m = self._parent
        sea = "" if m.tiles_name else f"#{m.get_name()} {{ background: #e4edf2; }}"
        return FRAME_CSS + sea

    @staticmethod
    def name_script() -> str:
        return NAME_SCRIPT

    def title_html(self) -> str:
        return escape_text(self._parent.title)

    def label(self) -> str:
        return f"Map: {self._parent.title}. Arrow keys pan, plus and minus zoom."

    def fit_options(self) -> dict:
        """No zoom animation; room for the title and the legend (280 px until the page measures it)."""
        return {"animate": False, "paddingTopLeft": [10, 40], "paddingBottomRight": [280, 10]}

    def legend_html(self) -> str:
        return legend_html(self._parent)

    def description_html(self) -> str:
        return f'<span id="crossroads-description">{escape_text(describe(self._parent))}</span>'


# --------------------------------------------------------------------------- text description


def _plural(n: int, style_: Style, adjective: str = "") -> str:
    noun = style_.singular if n == 1 else style_.plural
    return f"{n} {adjective + ' ' if adjective else ''}{noun}"


def _route_sentence(row: dict) -> str:
    names = country_names()
    towns = route_towns(row["id"])
    crossed = [names.get(c, c) for c in data.split_list(row["countries"])]
    text = f"{row['name']}:"
    if towns:
        text += f" passes {name_list(towns, 30)} (in this order)"
    if crossed:
        text += f"{';' if towns else ''} crosses {name_list(crossed, 30)}"
    return text + "."


def describe(m: Map) -> str:
    """A description of what the map shows, for screen readers and for notebook text: every layer, the
    towns each route passes and the countries it crosses, so a map question can be answered from text alone.

    >>> from crossroads import maps
    >>> describe(maps.region_map("Empty", tiles=False))[:40]
    'Map titled "Empty". It shows the outline'
    """
    from crossroads.maps import _check_map

    _check_map(m)
    parts = [f'Map titled "{m.title}".']
    shown = []
    if m.outlines is not None:
        shown.append(f"the outlines of {m.outlines.count()} countries around Central Asia")
    names = country_names()
    for label, colour in shade_groups(m):
        codes = [iso for iso, (c, lab) in m.outlines.fills.items() if (lab, c) == (label, colour)]
        shown.append(f"{len(codes)} {'country' if len(codes) == 1 else 'countries'} shaded as {label} "
                     f"({name_list([names.get(c, c) for c in codes], 12)})")
    for kind, place_names in places_by_kind(m).items():
        shown.append(f"{_plural(len(place_names), PLACE_KINDS[kind])} ({name_list(place_names, 20)})")
    rows = routes()
    groups: dict[tuple[str, str], list[str]] = {}
    for rid in m.route_ids:
        row = rows[rid]
        groups.setdefault((row["category"], row["status"]), []).append(str(row["name"]))
    order, statuses = list(ROUTE_CATEGORIES), list(STATUS_WORDS)
    for (cat, status), route_names in sorted(groups.items(),
                                             key=lambda kv: (order.index(kv[0][0]), statuses.index(kv[0][1]))):
        adjective = "" if status in ("built", "historic") else STATUS_WORDS[status]
        shown.append(f"{_plural(len(route_names), ROUTE_CATEGORIES[cat], adjective)} ({name_list(route_names)})")
    line_groups: dict[str, list[str]] = {}
    for group, label, _colour, _dash in m.lines:
        line_groups.setdefault(group, []).append(label)
    for group, labels in line_groups.items():
        shown.append(f"{len(labels)} line{'s' * (len(labels) != 1)} in \"{group}\" ({name_list(labels, 20)})")
    if m.points:
        shown.append(f"{len(m.points)} point{'s' * (len(m.points) != 1)} you added "
                     f"({name_list([p[0] for p in m.points])})")
    if shown:
        parts.append(f"It shows {and_list(shown)}.")
    else:
        parts.append("It shows no layers yet.")
    parts += [_route_sentence(rows[rid]) for rid in m.route_ids]
    for (_group, label, _c, _d), points in zip(m.lines, m.line_paths):
        crossed = [names.get(c, c) for c in countries_along(points)]
        if crossed:
            parts.append(f"The line {label} crosses {name_list(crossed, 20)} as drawn.")
    if m.route_ids:
        schematic = [rid for rid in m.route_ids if bool(rows[rid]["schematic"])]
        if len(schematic) == len(m.route_ids):
            parts.append("Lines are schematic: they join the waypoints and do not follow the real track.")
        elif schematic:
            parts.append(f"{len(schematic)} of the {len(m.route_ids)} lines are schematic "
                         "(they join the waypoints and do not follow the real track).")
    occupied = [a for a in occupied_areas() if a["id"] in m.occupied_ids]
    if occupied:
        parts.append("Hatched areas are under Russian occupation: "
                     + "; ".join(f"{a['name']} ({names.get(a['country'], a['country'])}, since {a['since']})"
                                 for a in occupied)
                     + ". Borders are drawn as recognised internationally.")
    parts.append("Background map: " + (m.tiles_name + " tiles." if m.tiles_name else "none (outlines only)."))
    return " ".join(parts)
