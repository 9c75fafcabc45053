"""Benchmark the course (not a test): run ``python tests/bench_course.py``.

Per lesson: execution time in a fresh kernel (median of 3), peak kernel memory
(RSS), saved notebook size and total map HTML bytes; then the wall time of the
test command split in two (without the browser tests, and the browser tests alone),
and the time of ``import crossroads``. Prints a table, flags every missed target
and writes ``bench.json``.

Targets on a 2-core machine: each lesson < 10 s and < 250 MB; each saved
lesson < 2 MB; the fast loop ``pytest -m "not e2e"`` < 30 s.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import psutil

from crossroads import notebooks

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "lessons").glob("[0-9][0-9]_*.ipynb"))


def run_once(path: Path) -> tuple[float, int]:
    """Execute a lesson in a fresh kernel; return (seconds, peak kernel RSS in bytes)."""
    nb = nbformat.read(path, as_version=4)
    client = notebooks.client(nb, path.parent, timeout=120, kernel_name="python3")
    peak = 0
    done = threading.Event()

    def watch() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                proc = psutil.Process(client.km.provisioner.process.pid)
                rss = proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children(recursive=True))
                peak = max(peak, rss)
            except (AttributeError, psutil.Error):
                pass
            time.sleep(0.05)

    start = time.perf_counter()
    with client.setup_kernel():
        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        done.set()
        watcher.join()
    return time.perf_counter() - start, peak


def map_bytes(path: Path) -> int:
    """Bytes of stored map HTML (folium iframes) in a lesson."""
    nb = nbformat.read(path, as_version=4)
    total = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            html = out.get("data", {}).get("text/html", "")
            html = "".join(html) if isinstance(html, list) else html
            if "leaflet" in html or "folium" in html:
                total += len(html.encode())
    return total


def import_time() -> float:
    code = "import time; t=time.perf_counter(); import crossroads; print(time.perf_counter()-t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(5)]
    return statistics.median(runs)


TARGETS = {"exec_s_median": 10, "peak_rss_mb": 250, "saved_kb": 2048}
FAST_LOOP_S = 30


def pytest_time(marker: str) -> tuple[float, int]:
    """Wall time and exit code of ``pytest -m MARKER``."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-m", marker], cwd=ROOT,
                            capture_output=True, text=True)
    return time.perf_counter() - start, result.returncode


def misses(row: dict) -> list[str]:
    """The targets a lesson row misses, e.g. ['exec_s_median 12.1 >= 10']."""
    return [f"{key} {row[key]} >= {limit}" for key, limit in TARGETS.items() if row[key] >= limit]


def main() -> None:
    rows = []
    for path in LESSONS:
        runs = [run_once(path) for _ in range(3)]
        rows.append({
            "lesson": path.name,
            "exec_s_median": round(statistics.median(r[0] for r in runs), 2),
            "peak_rss_mb": round(max(r[1] for r in runs) / 2**20, 1),
            "saved_kb": round(path.stat().st_size / 1024, 1),
            "map_html_kb": round(map_bytes(path) / 1024, 1),
        })
    print(f"{'lesson':32} {'exec s':>7} {'RSS MB':>7} {'saved KB':>9} {'maps KB':>8}  targets")
    for r in rows:
        r["misses"] = misses(r)
        print(f"{r['lesson']:32} {r['exec_s_median']:7.2f} {r['peak_rss_mb']:7.1f} {r['saved_kb']:9.1f} "
              f"{r['map_html_kb']:8.1f}  {'MISSED: ' + ', '.join(r['misses']) if r['misses'] else 'met'}")
    imp = import_time()
    print(f"import crossroads: {imp * 1000:.1f} ms (median of 5)")
    wall, code = pytest_time("not e2e")
    verdict = "met" if wall < FAST_LOOP_S and code == 0 else f"MISSED (target: passes in under {FAST_LOOP_S} s)"
    print(f"pytest -m 'not e2e': {wall:.1f} s (exit {code}) {verdict}")
    e2e_wall, e2e_code = pytest_time("e2e")
    print(f"pytest -m e2e (browser tests, no target): {e2e_wall:.1f} s (exit {e2e_code})")
    result = {"lessons": rows, "import_crossroads_s": round(imp, 4),
              "pytest_not_e2e_s": round(wall, 1), "pytest_exit": code,
              "pytest_e2e_s": round(e2e_wall, 1), "pytest_e2e_exit": e2e_code}
    (ROOT / "bench.json").write_text(json.dumps(result, indent=2) + "\n")
    print("wrote bench.json")


if __name__ == "__main__":
    main()
