"""Tests for crossroads.maps and crossroads.geo: stable HTML, layers from data/, escaping, learner input."""
from __future__ import annotations

import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import folium
import numpy as np
import pandas as pd
import pytest

from crossroads import data, geo, maps, style

ROOT = Path(__file__).resolve().parents[1]


def page(m: maps.Map) -> str:
    return m.get_root().render()


def legend(m: maps.Map) -> str:
    """The legend as the rendered page shows it."""
    return page(m).split('<section class="crossroads-legend" aria-label="Legend" tabindex="0">')[1].split("</section>")[0]


def standard_map() -> maps.Map:
    m = maps.region_map("Silk Road cities")
    maps.add_places(m, kinds="silk_road_city")
    maps.add_routes(m, category="ancient")
    maps.add_route(m, "power_of_siberia_2")
    return m


# --------------------------------------------------------------------------- determinism


def test_two_renders_are_identical():
    m = standard_map()
    first = m._repr_html_()
    assert m._repr_html_() == first
    assert page(m) == page(m)
    assert standard_map()._repr_html_() == first


def test_rendering_has_no_side_effects_on_the_tree():
    m = standard_map()
    before = len(maps._walk(m.get_root()))
    for _ in range(3):
        m._repr_html_()
    assert len(maps._walk(m.get_root())) == before


def test_adding_layers_after_a_render_gives_the_same_html_as_building_at_once():
    m = maps.region_map("Silk Road cities")
    maps.add_places(m, kinds="silk_road_city")
    m._repr_html_()  # shown once in the notebook, then more layers added
    maps.add_routes(m, category="ancient")
    maps.add_route(m, "power_of_siberia_2")
    assert m._repr_html_() == standard_map()._repr_html_()


@pytest.mark.slow  # a fresh Python process
def test_html_is_identical_across_processes():
    """Another process, with another hash seed, renders the same bytes (one subprocess: it costs 5 s)."""
    script = textwrap.dedent("""
        import hashlib
        from crossroads import maps
        m = maps.region_map("Silk Road cities")
        maps.add_places(m, kinds="silk_road_city")
        maps.add_routes(m)
        maps.add_point(m, 43.24, 76.95, "My school")
        print(hashlib.sha256(m._repr_html_().encode()).hexdigest(), repr(m))
    """)
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    env = dict(os.environ, PYTHONHASHSEED=seed)
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True).stdout
    m = maps.region_map("Silk Road cities")
    maps.add_places(m, kinds="silk_road_city")
    maps.add_routes(m)
    maps.add_point(m, 43.24, 76.95, "My school")
    here = f"{hashlib.sha256(m._repr_html_().encode()).hexdigest()} {m!r}\n"
    assert child == here
    assert "0x" not in child


def test_ids_come_from_the_title_and_no_random_hex_remains():
    html = page(standard_map())
    assert "map_silk_road_cities_1" in html
    import re
    assert not re.search(r"_[0-9a-f]{32}\b", html)


def test_repr_is_stable_and_readable():
    m = standard_map()
    assert repr(m) == '<Map: "Silk Road cities" — %d places, 3 routes>' % len(m.place_ids)
    maps.add_point(m, 43.24, 76.95, "School")
    assert repr(m).endswith("3 routes, 1 point of yours>")


# --------------------------------------------------------------------------- what a map contains


def test_region_map_has_outlines_scale_title_legend_and_layer_control():
    html = page(maps.region_map("Kazakhstan and its neighbours"))
    assert "L.geoJson(" in html and '"iso3":"KAZ"' in html
    assert "L.control.scale()" in html
    assert "L.control.layers(" in html
    assert 'class="crossroads-title"' in html and "Kazakhstan and its neighbours" in html
    assert 'class="crossroads-legend"' in html and "Country border" in html
    assert "tile.openstreetmap.org" in html


def test_tiles_can_be_switched_off():
    html = page(maps.region_map("No tiles", tiles=False))
    assert "L.tileLayer" not in html and "tile.openstreetmap.org" not in html
    assert "L.geoJson(" in html  # borders still show


def test_layer_control_comes_after_every_layer():
    m = maps.region_map("Order")
    maps.add_places(m, kinds="capital")
    html = page(m)
    assert html.index("L.control.layers(") > html.index("L.featureGroup(")


def test_online_maps_load_only_leaflet_and_jquery():
    html = page(maps.region_map("Light"))
    assert "leaflet@1.9.3/dist/leaflet.js" in html and "leaflet.css" in html
    for heavy in ("bootstrap", "awesome-markers", "fontawesome", "glyphicons"):
        assert heavy not in html


def test_offline_map_carries_leaflet_inline_and_needs_no_network():
    from xstatic.pkg import leaflet as xs_leaflet

    assert xs_leaflet.VERSION in dict(folium.Map.default_js)["leaflet"]  # the same Leaflet folium pins
    html = page(maps.region_map("Offline", offline=True))
    assert "Leaflet 1.9.3" in html
    assert "<script src=" not in html and "<link rel=" not in html
    assert "L.tileLayer" not in html
    assert "url(images/" not in html  # layer-control icons are data URIs
    assert "jQuery" not in html  # our popups need no jQuery


def test_offline_map_adds_jquery_only_for_folium_popups():
    m = maps.region_map("Offline with a folium popup", offline=True)
    folium.CircleMarker([43.2, 76.9], popup=folium.Popup("hello")).add_to(m)
    assert "jQuery" in page(m)


def test_every_route_resolves_and_draws():
    routes = data.load("routes")
    places = data.load("places").set_index("id")
    m = maps.region_map("All routes", bounds=None)
    for row in routes.itertuples():
        ids = data.split_list(row.waypoints)
        points = maps.route_points(row.id)
        assert len(points) == len(ids) >= 2
        assert points[0] == (float(places.loc[ids[0], "lat"]), float(places.loc[ids[0], "lon"]))
        maps.add_route(m, row.id)
    assert len(m.route_ids) == len(routes)
    html = page(m)
    assert html.count("L.polyline(") == len(routes)


def test_add_places_by_kind_and_by_id():
    m = maps.region_map("Places")
    maps.add_places(m, kinds=["silk_road_city"])
    kinds = set(data.load("places").set_index("id").loc[m.place_ids, "kind"])
    assert kinds == {"silk_road_city"}
    maps.add_places(m, ids=["almaty", "astana", "xian"])  # xian already there: not twice
    assert m.place_ids.count("xian") == 1 and {"almaty", "astana"} <= set(m.place_ids)
    maps.add_dry_ports(m)
    assert "khorgos" in m.place_ids
    html = page(m)
    assert html.count("L.circleMarker(") == len(m.place_ids)
    assert "font-awesome" not in html and "L.AwesomeMarkers" not in html  # no icon fonts


def test_popups_cite_their_source():
    m = maps.add_places(maps.region_map("Cite"), ids=["otrar"])
    source = data.load("places").set_index("id").loc["otrar", "source_id"]
    expected = maps.escape_text(data.cite(source))
    assert expected.split(" [")[0][:30].replace("&", "\\u0026").replace("<", "\\u003c") in page(m)
    assert f"[{source}]" in page(m)


def test_legend_lists_only_what_the_map_shows():
    m = maps.region_map("Gas")
    maps.add_route(m, "ca_china_gas_line_a")
    maps.add_route(m, "power_of_siberia_2")
    maps.add_places(m, kinds="capital")
    shown = legend(m)
    assert "Gas pipeline, built (schematic)" in shown
    assert "Gas pipeline, proposed (schematic)" in shown
    gas = style.ROUTE_CATEGORIES["gas"]
    assert f'stroke="{gas.colour}"' in shown and f'stroke-dasharray="{gas.dash}"' in shown  # the category's look
    assert 'stroke-opacity="0.6"' in shown  # proposed drawn paler
    assert "Capitals" in shown
    assert "Oil pipeline" not in shown and "Dry ports" not in shown
    assert "Schematic lines join the waypoints" in shown


def test_routes_carry_their_category_dash_and_proposed_ones_are_paler():
    m = maps.add_route(maps.region_map("PoS2"), "power_of_siberia_2")
    maps.add_route(m, "cpc_pipeline")
    html = page(m)
    assert f'"dashArray": "{style.ROUTE_CATEGORIES["gas"].dash}"' in html  # never colour alone
    assert '"opacity": 0.6' in html and '"opacity": 0.9' in html
    assert "schematic line" in html


def test_describe_says_what_the_map_shows():
    m = maps.region_map("Energy")
    maps.add_routes(m, category="oil")
    maps.add_route(m, "power_of_siberia_2")
    text = maps.describe(m)
    n_oil = int((data.load("routes")["category"] == "oil").sum())
    assert text.startswith('Map titled "Energy". It shows the outlines of ')
    assert f"{n_oil} oil pipeline" in text
    assert "1 proposed gas pipeline (Power of Siberia 2" in text
    assert "schematic" in text
    assert "\n" not in text
    html = page(m)
    assert '"aria-label"' in html and 'class="crossroads-sr"' in html  # on the map container too
    assert 'title="Map: Energy"' in m._repr_html_()


def test_shade_countries_fills_outlines_and_names_them():
    m = maps.shade_countries(maps.region_map("EAEU"), ["KAZ", "RUS"], "#2b8cbe", "EAEU members")
    html = page(m)
    assert '"fillColor": "#2b8cbe"' in html
    assert "EAEU members" in legend(m)
    assert "2 countries shaded as EAEU members (Kazakhstan, Russia)" in maps.describe(m)
    with pytest.raises(ValueError, match="Unknown country code 'XYZ'"):
        maps.shade_countries(m, ["XYZ"])


def test_country_tooltips_name_the_shading_once():
    m = maps.shade_countries(maps.region_map("Blocs"), ["RUS"], label="EAEU members")
    maps.shade_countries(m, ["KAZ"], colour="#d7301f", label="Kazakhstan")
    tips = m.outlines.tips()
    assert tips["RUS"] == "Russia — EAEU members"
    assert tips["KAZ"] == "Kazakhstan"  # not "Kazakhstan — Kazakhstan"
    assert tips["CHN"] == "China"


# --------------------------------------------------------------------------- escaping


MALICIOUS = '<script>alert("x")</script>'


def test_learner_label_stays_text():
    m = maps.add_point(maps.region_map("Escaping"), 43.2, 76.9, MALICIOUS)
    for html in (page(m), m._repr_html_(), legend(m)):  # describe() is plain text, not HTML
        assert "<script>alert" not in html
    assert "alert(" in page(m)  # the text is there, as text


def test_title_stays_text_and_no_template_syntax_is_evaluated():
    m = maps.add_point(maps.region_map(MALICIOUS), 43.2, 76.9, "{{ 7*7 }} ${alert(1)} `x`")
    html = page(m)
    assert "<script>alert" not in html and "<script>alert" not in m._repr_html_()
    assert "{{ 7*7 }}" in html  # not run through a template engine
    # $ and ` become entities in tooltips and popups, so they are safe even inside JS template strings
    assert "\\u0026#36;{alert(1)} \\u0026#96;x\\u0026#96;" in html


def test_malicious_place_name_in_data_stays_text(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    shutil.copytree(data.data_dir(), folder)
    places = (folder / "places.csv").read_text(encoding="utf-8")
    places = places.replace("\nxian,Xi'an,", '\nxian,"<script>alert(""x"")</script>",', 1)
    (folder / "places.csv").write_text(places, encoding="utf-8")
    monkeypatch.setenv("CROSSROADS_DATA", str(folder))
    assert data.load("places").set_index("id").loc["xian", "name"] == MALICIOUS
    m = maps.add_places(maps.region_map("Evil data"), ids=["xian"])
    maps.add_route(m, "silk_road_central")
    for html in (page(m), m._repr_html_(), legend(m)):
        assert "<script>alert" not in html
    assert "\\u0026lt;script\\u0026gt;alert" in page(m)  # escaped HTML inside a JSON string


# --------------------------------------------------------------------------- learner input


@pytest.mark.parametrize("lat, lon, label, message", [
    ("43.2", 76.9, "x", r"lat should be a number between -90 and 90 .*got '43.2' \(str\)"),
    (float("nan"), 76.9, "x", "lat should be a number"),
    (True, 76.9, "x", "lat should be a number"),
    (43.2, 200, "x", "lon should be between -180 and 180"),
    (76.9, 43.2, "x", None),  # fine: Almaty's numbers swapped still lie on Earth
    (143.2, 76.9, "x", "Did you swap latitude and longitude"),
    (43.2, 76.9, "", "label should be a short text"),
    (43.2, 76.9, None, "label should be a short text"),
])
def test_add_point_checks_its_input(lat, lon, label, message):
    m = maps.region_map("Input")
    if message is None:
        maps.add_point(m, lat, lon, label)
        return
    with pytest.raises(ValueError, match=message):
        maps.add_point(m, lat, lon, label)


def test_unknown_names_get_a_helpful_message():
    m = maps.region_map("Errors")
    with pytest.raises(ValueError, match="Unknown route id 'cpc_pipline'. Did you mean 'cpc_pipeline'"):
        maps.add_route(m, "cpc_pipline")
    with pytest.raises(ValueError, match="Unknown place kind 'capitals'. Did you mean 'capital'"):
        maps.add_places(m, kinds="capitals")
    with pytest.raises(ValueError, match="Unknown route category"):
        maps.add_routes(m, category="pipeline")
    with pytest.raises(ValueError, match="Expected a map made with maps.region_map"):
        maps.add_route("not a map", "cpc_pipeline")
    with pytest.raises(ValueError, match="bounds should be"):
        maps.region_map("Bad", bounds=((50, 80), (40, 60)))
    with pytest.raises(ValueError, match="needs a title"):
        maps.region_map("")


# --------------------------------------------------------------------------- distances


def haversine_km(lat1, lon1, lat2, lon2, r=6371.0):
    """Textbook haversine, written out independently of crossroads.geo."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * r * math.atan2(math.sqrt(h), math.sqrt(1 - h))


def test_two_point_route_length_matches_haversine():
    routes = data.load("routes")
    two = routes[routes["waypoints"].map(lambda w: len(data.split_list(w)) == 2)]
    assert len(two), "expected at least one route with exactly two waypoints"
    places = data.load("places").set_index("id")
    for row in two.itertuples():
        a, b = data.split_list(row.waypoints)
        expected = haversine_km(places.loc[a, "lat"], places.loc[a, "lon"], places.loc[b, "lat"], places.loc[b, "lon"])
        assert maps.route_length_km(row.id) == pytest.approx(expected, abs=0.1)


def test_known_distances():
    assert geo.great_circle_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.01)  # 1 degree of the equator
    assert geo.great_circle_km(0, 0, 90, 0) == pytest.approx(math.pi * 6371 / 2)
    places = data.load("places").set_index("id")
    atyrau, novo = places.loc["atyrau"], places.loc["novorossiysk"]
    # Atyrau to Novorossiysk is about 1,120 km as the crow flies (any distance calculator).
    assert 1080 < geo.great_circle_km(atyrau.lat, atyrau.lon, novo.lat, novo.lon) < 1170
    # The CPC pipeline joins Tengiz, Atyrau and Novorossiysk: longer than the direct leg,
    # shorter than the real pipe (about 1,500 km), since the legs are straight.
    assert 1100 < maps.route_length_km("cpc_pipeline") < 1511


def test_import_crossroads_alone_stays_light():
    code = "import sys, crossroads; print('folium' in sys.modules, 'ipywidgets' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_standard_maps_stay_small():
    m = maps.region_map("All routes")
    maps.add_routes(m)
    maps.add_places(m)
    assert len(m._repr_html_().encode()) < 250_000
    again = maps.region_map("All routes")  # built anew, it renders to the same bytes (ids fixed at render time)
    maps.add_routes(again)
    maps.add_places(again)
    assert hashlib.sha256(again._repr_html_().encode()).digest() == hashlib.sha256(m._repr_html_().encode()).digest()


def test_add_line_draws_a_learner_line_with_legend_and_description():
    m = maps.region_map("Trips")
    maps.add_line(m, [(43.24, 76.95), (51.17, 71.45)], "Almaty to Astana", "#1b9e77", group="Journeys 2023")
    assert repr(m) == '<Map: "Trips" — 0 places, 0 routes, 1 line of yours>'
    assert "Journeys 2023" in legend(m) and "#1b9e77" in legend(m)
    assert '1 line in "Journeys 2023" (Almaty to Astana)' in maps.describe(m)
    assert page(m).count("L.polyline(") == 1
    with pytest.raises(ValueError, match="at least two"):
        maps.add_line(m, [(43.2, 76.9)], "one point")
    with pytest.raises(ValueError, match="colour should be"):
        maps.add_line(m, [(43.2, 76.9), (51.2, 71.4)], "x", colour='red" onload="alert(1)')


def test_learner_group_names_are_escaped_in_the_layer_switcher():
    m = maps.add_line(maps.region_map("Groups"), [(43.2, 76.9), (51.2, 71.4)], "x", group=MALICIOUS)
    html = page(m)
    assert "<script>alert" not in html
    assert "\\u0026lt;script\\u0026gt;" in html  # the layer name, escaped inside JSON


def test_offline_map_embeds_the_default_marker_icon_only_when_used():
    m = maps.region_map("Offline marker", offline=True)
    assert "L.Icon.Default.mergeOptions" not in page(m)
    folium.Marker([43.2, 76.9]).add_to(m)
    assert "L.Icon.Default.mergeOptions" in page(m)


# --------------------------------------------------------------------------- borders policy

SIMFEROPOL = (44.95, 34.10)


def _outline(iso3: str) -> dict:
    return next(f for f in data.geojson()["features"] if f["properties"]["iso3"] == iso3)


def test_simferopol_lies_in_ukraine_and_not_in_russia():
    assert geo.in_geometry(*SIMFEROPOL, _outline("UKR")["geometry"])
    assert not geo.in_geometry(*SIMFEROPOL, _outline("RUS")["geometry"])
    assert geo.feature_at(*SIMFEROPOL, data.geojson()["features"])["properties"]["iso3"] == "UKR"


def test_the_occupied_layer_holds_crimea_and_the_georgian_areas():
    areas = data.geojson("occupied_geo")["features"]
    crimea = geo.feature_at(*SIMFEROPOL, areas)
    assert crimea is not None and crimea["properties"]["country"] == "UKR"
    assert geo.feature_at(43.00, 41.02, areas)["properties"]["country"] == "GEO"  # Sukhumi
    assert geo.feature_at(42.23, 43.97, areas)["properties"]["country"] == "GEO"  # Tskhinvali
    assert geo.feature_at(43.24, 76.95, areas) is None  # Almaty
    for area in areas:  # every area sits inside the country it belongs to, as drawn
        ring = area["geometry"]["coordinates"][0]
        lon, lat = sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
        assert geo.in_geometry(lat, lon, _outline(area["properties"]["country"])["geometry"]), area["properties"]
    sources = set(data.load("sources")["id"])
    assert {a["properties"]["source_id"] for a in areas} <= sources


def test_a_map_whose_frame_holds_crimea_hatches_it_and_says_so():
    m = maps.region_map("Black Sea to Beijing", bounds=maps.EURASIA)
    html = page(m)
    assert maps.OCCUPATION_LABEL in html and "crossroads-hatch" in html
    assert "Crimea" in maps.describe(m) and "Abkhazia" in maps.describe(m)
    assert "Under Russian occupation" in html.split('class="crossroads-legend"')[1].split("</section>")[0]


def test_a_map_far_from_the_occupied_areas_has_no_such_legend_entry():
    m = maps.region_map("Central Asia", bounds=((36, 60), (50, 88)))
    html = page(m)
    assert maps.OCCUPATION_LABEL not in html and "occupation" not in maps.describe(m)


def test_a_map_framed_on_its_contents_hatches_what_it_reaches():
    m = maps.add_route(maps.region_map("CPC", bounds=None), "cpc_pipeline")  # Tengiz to Novorossiysk
    assert "crimea" in m.occupied_ids  # Novorossiysk's frame reaches the Kerch strait


# --------------------------------------------------------------------------- accessibility of the map page


def test_map_page_has_a_language_a_title_and_a_zoomable_viewport():
    doc = page(standard_map())
    assert doc.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<title>Map: Silk Road cities</title>" in doc
    viewports = [line for line in doc.splitlines() if 'name="viewport"' in line]
    assert len(viewports) == 1
    assert "maximum-scale" not in doc and "user-scalable" not in doc


def test_legend_is_real_text_and_nothing_focusable_is_hidden():
    doc = page(standard_map())
    assert "Silk Road cities" in legend(standard_map()) and "Ancient trade route" in legend(standard_map())
    hidden = re.findall(r'<[^>]*aria-hidden="true"[^>]*>', doc)
    assert hidden and all(tag.startswith("<svg") and 'focusable="false"' in tag for tag in hidden)


def test_markers_lines_and_countries_get_accessible_names():
    m = maps.add_places(maps.region_map("Names", bounds=maps.EURASIA), ids=["almaty"])
    maps.add_route(m, "cpc_pipeline")
    doc = page(m)
    assert "function crossroadsName(layer, text)" in doc.split("</head>")[0]  # defined before any layer is added
    assert 'crossroadsName(e.target, "Almaty (city, Kazakhstan)")' in doc
    assert 'crossroadsName(e.target, "Caspian Pipeline Consortium (CPC) oil pipeline' in doc
    assert 'crossroadsName(e.target, tip)' in doc  # country outlines and occupied areas


def test_keyboard_pan_and_zoom_and_a_visible_focus_ring():
    doc = page(standard_map())
    assert '"keyboard": true' in doc
    assert "container.tabIndex = 0" in doc
    assert ".leaflet-container:focus-visible" in doc and "outline: 3px solid" in doc
    assert 'setAttribute("aria-label", "Map: Silk Road cities. Arrow keys pan, plus and minus zoom.")' in doc


def test_places_are_labelled_at_the_default_view_unless_asked_not_to():
    m = maps.add_places(maps.region_map("Labels"), ids=["almaty", "astana"])
    doc = page(m)
    assert doc.count('"permanent": true') == 2 and "crossroads-label" in doc
    quiet = page(maps.add_places(maps.region_map("Quiet"), ids=["almaty"], labels=False))
    assert '"permanent": true' not in quiet
    assert "function declutter()" in doc  # a label that would cover an earlier one is hidden


def test_describe_lists_the_towns_a_route_passes_and_the_countries_it_crosses():
    m = maps.add_route(maps.region_map("CPC"), "cpc_pipeline")
    text = maps.describe(m)
    row = data.load("routes").set_index("id").loc["cpc_pipeline"]
    places = data.load("places").set_index("id")
    towns = [places.at[p, "name"] for p in data.split_list(row["waypoints"]) if places.at[p, "kind"] != "waypoint"]
    assert ", ".join(towns) + " (in this order)" in text
    names = maps.country_names()
    assert "crosses " + ", ".join(names[c] for c in data.split_list(row["countries"])) in text


def test_describe_says_which_countries_a_learner_line_crosses():
    m = maps.add_line(maps.region_map("Trip", bounds=maps.EURASIA), [(51.17, 71.45), (34.34, 108.94)], "Astana to Xi'an")
    assert "The line Astana to Xi'an crosses Kazakhstan, " in maps.describe(m) and "China as drawn" in maps.describe(m)


# --------------------------------------------------------------------------- one-line builders


def test_each_route_gets_its_own_legend_entry_and_dash():
    m = maps.add_routes(maps.region_map("Oil"), ids=["cpc_pipeline", "kz_china_oil_pipeline"], each=True)
    shown = legend(m)
    assert "Caspian Pipeline Consortium (CPC) oil pipeline, built" in shown
    assert "Kazakhstan-China oil pipeline, built" in shown
    looks = {m.route_looks[r] for r in m.route_ids}
    assert len({look.dash for look in looks}) == 2 and len({look.colour for look in looks}) == 1


def test_shade_by_count_puts_each_country_in_its_band():
    m = maps.region_map("Blocs", bounds=((30, 25), (62, 125)))
    maps.shade_by_count(m, pd.Series({"RUS": 6, "KGZ": 5, "CHN": 2, "XXX": 6, "TJK": 0}),
                        [(5, 6), (3, 4), (1, 2)], label="shares {low}-{high} blocs")
    fills = m.outlines.fills
    assert fills["RUS"][1] == fills["KGZ"][1] == "shares 5-6 blocs"
    assert fills["CHN"][1] == "shares 1-2 blocs" and "TJK" not in fills and "XXX" not in fills
    assert fills["RUS"][0] != fills["CHN"][0]
    with pytest.raises(ValueError, match="bands should be"):
        maps.shade_by_count(m, {"RUS": 6}, [(6, 5)])
    with pytest.raises(ValueError, match="counts should be numbers by country code"):
        maps.shade_by_count(m, [6, 5], [(5, 6)])


def test_journey_map_draws_one_line_per_trip_grouped_by_year():
    trips = pd.DataFrame({"year": [2022, 2023, 2023], "meeting": ["A", "B", "C"],
                          "from_capital": ["moscow", "astana", "astana"], "venue": ["astana", "xian", "xian"]})
    m = maps.journey_map(trips, "Trips")
    assert [line[:2] for line in m.lines] == [("Journeys 2022", "Moscow → Astana (A)"),
                                              ("Journeys 2023", "Astana → Xi'an (B; C)")]
    assert m.lines[0][3] != m.lines[1][3]  # years differ by dash, not colour alone
    with pytest.raises(ValueError, match="missing: \\['venue'\\]"):
        maps.journey_map(trips.drop(columns="venue"))


# --------------------------------------------------------------------------- learner input


@pytest.mark.parametrize("lat, lon", [(np.int64(43), np.float32(76.9)), (np.float64(43.2), 77),
                                      (Decimal("43.2"), Decimal("76.9"))])
def test_numpy_and_decimal_numbers_are_coordinates(lat, lon):
    m = maps.add_point(maps.region_map("Numbers"), lat, lon, "Almaty")
    assert m.points[0][1:] == (float(lat), float(lon))
    maps.add_line(m, [(lat, lon), (np.float64(51.1), 71)], "trip")


@pytest.mark.parametrize("colour, expected", [("Red", "#ff0000"), ("darkblue", "#00008b"), ("#D7301F", "#d7301f")])
def test_colour_names_and_codes_are_accepted_in_any_case(colour, expected):
    m = maps.add_point(maps.region_map("Colours"), 43.2, 76.9, "Almaty", colour=colour)
    assert f'"fillColor": "{expected}"' in page(m)


@pytest.mark.parametrize("colour", ["notacolour", "red;background:url(x)", "#12345", 255, None])
def test_bad_colours_are_refused_with_an_example(colour):
    with pytest.raises(ValueError, match="colour should be a code such as '#d7301f' or a CSS colour name"):
        maps.add_point(maps.region_map("Colours"), 43.2, 76.9, "Almaty", colour=colour)


@pytest.mark.parametrize("typo,meant", [("ornage", "orange"), ("re?d", "red"), ("dark.blue", "darkblue")])
def test_a_misspelt_colour_gets_a_suggestion(typo, meant):
    """Punctuation in the typo once broke the suggestion into an IndexError or a garbled sentence."""
    with pytest.raises(ValueError, match=rf"; got {re.escape(repr(typo))}\. Did you mean '{meant}'\?$"):
        maps.shade_countries(maps.region_map("Colours"), ["KAZ"], colour=typo)


@pytest.mark.parametrize("radius", ["big", -5, float("nan"), 0, 500, True, None])
def test_radius_must_be_a_dot_size(radius):
    with pytest.raises(ValueError, match="radius should be the dot size in pixels"):
        maps.add_places(maps.region_map("Dots"), ids=["almaty"], radius=radius)


@pytest.mark.parametrize("call, message", [
    (lambda m: maps.add_routes(m, category=123), "category should be a name or a list of names"),
    (lambda m: maps.add_places(m, ids={"almaty": 1}), "ids should be a name or a list of names"),
    (lambda m: maps.add_route(m, ["cpc_pipeline"]), "Unknown route id \\['cpc_pipeline'\\]"),
    (lambda m: maps.shade_countries(m, "kaz"), "Did you mean 'KAZ'"),
    (lambda m: maps.shade_countries(m, ["KAZ"], label=None), "label should be a short text"),
    (lambda m: maps.add_places(m, ids=["almaty"], labels="yes"), "labels should be True or False"),
    (lambda m: maps.add_line(m, [(43, 76), (51, 71)], "x", dash="dotted"), "dash should be numbers"),
    (lambda m: maps.region_map("x", height=450.5), "height should be a whole number"),
    (lambda m: maps.region_map("x", tiles="no"), "tiles should be True or False"),
])
def test_wrong_types_get_clear_value_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call(maps.region_map("Input"))


def test_numpy_bounds_and_height_are_accepted():
    m = maps.region_map("Numpy", bounds=((np.float64(35), np.int64(46)), (55.5, 88)), height=np.int64(400))
    assert m.frame() == [[35.0, 46.0], [55.5, 88.0]] and m.height_px == 400


def test_color_is_another_spelling_of_colour():
    m = maps.add_point(maps.region_map("Spelling"), 43.2, 76.9, "Almaty", color="navy")
    maps.shade_countries(m, ["KAZ"], color="gold", label="Kazakhstan")
    assert '"fillColor": "#000080"' in page(m) and m.outlines.fills["KAZ"][0] == "#ffd700"
    with pytest.raises(ValueError, match="not both"):
        maps.add_line(m, [(43, 76), (51, 71)], "trip", colour="red", color="blue")


def test_event_map_shades_the_countries_taking_part_and_marks_the_venue():
    events = data.load("events").set_index("id")
    event_id = next(i for i, row in events.iterrows()
                    if isinstance(row["place_id"], str) and len(data.split_list(row["actors"])) >= 3)
    m = maps.event_map(event_id)
    actors = set(data.split_list(events.at[event_id, "actors"])) & set(maps.outline_codes())
    assert set(m.outlines.fills) == actors and events.at[event_id, "place_id"] in m.place_ids
    assert events.at[event_id, "title"] in m.title
    with pytest.raises(ValueError, match="Unknown event id"):
        maps.event_map("no_such_event")


def test_shaded_countries_are_named_on_the_map_unless_asked_not_to():
    m = maps.shade_countries(maps.region_map("Named"), ["KAZ", "RUS"], label="EAEU members")
    doc = page(m)
    assert '"Kazakhstan"]' in doc and '"Russia"]' in doc and "crossroads-country" in doc
    lat, lon, _name = next(p for p in m.outlines.label_points() if p[2] == "Kazakhstan")
    assert geo.in_geometry(lat, lon, _outline("KAZ")["geometry"])  # the name sits inside the country
    quiet = page(maps.shade_countries(maps.region_map("Quiet"), ["KAZ"], names=False))
    assert "openTooltip" not in quiet


def test_map_styles_cover_the_schema_vocabulary():
    """A new place kind, route category or status in datapackage.json needs a look here too."""
    package = json.loads((data.data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    fields = {(r["name"], f["name"]): f.get("constraints", {}).get("enum")
              for r in package["resources"] for f in r.get("schema", {}).get("fields", [])}
    assert set(fields[("places", "kind")]) == set(maps.PLACE_KINDS)
    assert set(fields[("routes", "category")]) == set(maps.ROUTE_CATEGORIES) == set(style.ROUTE_CATEGORIES)
    assert set(fields[("routes", "status")]) == set(maps.STATUS_WORDS)


def test_unknown_category_message_spells_the_plural():
    with pytest.raises(ValueError, match="Known route categories: ancient"):
        maps.add_routes(maps.region_map("Typo"), category="pipelines")


# --------------------------------------------------------------------------- share_border (the map in text)


def test_share_border_finds_exactly_kazakhstans_five_land_neighbours():
    """The text alternative to reading lesson 00's map; Mongolia (about 37 km away) and the Caspian's far shore are not."""
    touching = {"China", "Russia", "Kyrgyzstan", "Uzbekistan", "Turkmenistan"}
    for name in touching | {"Tajikistan", "Mongolia", "Azerbaijan", "Afghanistan", "Iran"}:
        assert maps.share_border("Kazakhstan", name) is (name in touching), name
        assert maps.share_border(name, "Kazakhstan") is (name in touching), name


def test_share_border_takes_codes_and_any_case_and_refuses_the_rest():
    assert maps.share_border("KAZ", "china") and maps.share_border("  russia ", "UKR")
    assert not maps.share_border("Kazakhstan", "KAZ")  # a country is not its own neighbour
    # short borders and near misses elsewhere on the outlines: Nakhchivan-Turkey, China-Pakistan, the Wakhan strip
    assert maps.share_border("Azerbaijan", "Turkey") and maps.share_border("China", "Pakistan")
    assert not maps.share_border("Pakistan", "Tajikistan")
    with pytest.raises(ValueError, match="Did you mean 'Kazakhstan'"):
        maps.share_border("Kazakstan", "China")
    for bad in (None, 3, ["China"], ""):
        with pytest.raises(ValueError):
            maps.share_border("Kazakhstan", bad)
