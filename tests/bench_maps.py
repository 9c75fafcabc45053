"""Benchmark the maps and widgets (not a test): run ``python tests/bench_maps.py``.

Reports the HTML size and render time of each standard map, the median update
time of each widget (many updates through different values), and the size of
the country-outline GeoJSON. Targets on a 2-core machine: every online standard
map under 250 KB; median widget update under 50 ms.
"""
from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from crossroads import data, maps, widgets

MAP_TARGET_KB = 250
UPDATE_TARGET_MS = 50


def region_only() -> maps.Map:
    return maps.region_map("Central Asia")


def with_places() -> maps.Map:
    return maps.add_places(maps.region_map("All places"))


def with_all_routes() -> maps.Map:
    return maps.add_routes(maps.region_map("All routes", bounds=maps.EURASIA))


def everything() -> maps.Map:
    return maps.add_places(with_all_routes())


def offline_region() -> maps.Map:
    return maps.region_map("Offline", offline=True)


def offline_everything() -> maps.Map:
    return maps.add_places(maps.add_routes(maps.region_map("Offline, everything", offline=True)))


STANDARD_MAPS: list[tuple[str, Callable[[], maps.Map], bool]] = [
    ("region_map alone", region_only, True),
    ("+ all places", with_places, True),
    ("+ all routes", with_all_routes, True),
    ("+ all places and routes", everything, True),
    ("offline region_map", offline_region, False),
    ("offline, places + routes", offline_everything, False),
]

WIDGETS = [
    ("timeline", widgets.timeline, "year", [-150, -100, 1450, 1991, 2009, 2013, 2016, 2021, 2022, 2023]),
    ("trade_explorer", widgets.trade_explorer, "partner", ["RUS", "EU", "CHN", "none"]),
    ("membership_explorer", widgets.membership_explorer, "organization",
     ["csto", "eaeu", "sco", "osce", "nato_pfp", "ots", "cis", "c5_china"]),
    ("route_explorer", widgets.route_explorer, "route",
     ["middle_corridor", "power_of_siberia_2", "silk_road_northern", "kz_china_oil_pipeline", "cpc_pipeline"]),
]


def time_ms(fn: Callable[[], object], repeat: int = 7) -> tuple[float, object]:
    """Median wall time of fn() in ms, and its last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def bench_maps() -> list[tuple[str, float, float, str]]:
    rows = []
    for name, build, has_target in STANDARD_MAPS:
        m = build()
        m._repr_html_()  # warm the caches once, as a lesson does
        build_ms, _ = time_ms(build)
        render_ms, html = time_ms(m._repr_html_)
        kb = len(html.encode()) / 1000
        verdict = ("ok" if kb < MAP_TARGET_KB else "OVER") if has_target else "(no target)"
        rows.append((name, kb, build_ms + render_ms, verdict))
    return rows


def bench_widgets(rounds: int = 5) -> list[tuple[str, float, float, float, str]]:
    rows = []
    for name, make, control, values in WIDGETS:
        start = time.perf_counter()
        w = make()
        first_ms = (time.perf_counter() - start) * 1000
        ctrl, times = getattr(w, control), []
        for _ in range(rounds):
            for value in values:
                start = time.perf_counter()
                ctrl.value = value
                times.append(time.perf_counter() - start)
        median = statistics.median(times) * 1000
        rows.append((name, first_ms, median, max(times) * 1000, "ok" if median < UPDATE_TARGET_MS else "OVER"))
    return rows


def main() -> None:
    print("Standard maps (HTML = what the notebook stores: the map's _repr_html_)")
    print(f"{'map':<28}{'HTML KB':>10}{'build+render ms':>18}  target <{MAP_TARGET_KB} KB")
    for name, kb, ms, verdict in bench_maps():
        print(f"{name:<28}{kb:>10.1f}{ms:>18.1f}  {verdict}")
    print()
    print("Widget updates (one control set to a new value; kernel side, maps included)")
    print(f"{'widget':<22}{'build ms':>10}{'median ms':>11}{'max ms':>9}  target <{UPDATE_TARGET_MS} ms median")
    for name, first, median, worst, verdict in bench_widgets():
        print(f"{name:<22}{first:>10.1f}{median:>11.1f}{worst:>9.1f}  {verdict}")
    print()
    geo_path = Path(data.data_dir()) / "countries.geojson"
    embedded = len(maps._outline_json(data.data_dir())[0].encode())
    print(f"Country outlines: {geo_path.stat().st_size / 1000:.1f} KB on disk, {embedded / 1000:.1f} KB embedded per map, "
          f"{len(maps.outline_codes())} countries")


if __name__ == "__main__":
    main()
