"""Real-browser end-to-end tests: every lesson in JupyterLab, as a learner sees it.

Needs Debian's Chromium at /usr/bin/chromium (``apt-get install chromium``) and
Playwright from PyPI (never ``playwright install``). Run only these with
``pytest -m e2e``. The machine has no internet: Leaflet and jQuery are answered
from the copies in the xstatic packages, and map tiles are refused, so the maps
must stay readable from their country outlines.
"""
from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "lessons").glob("[0-9][0-9]_*.ipynb"))
CHROMIUM = Path(os.environ.get("CROSSROADS_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = ROOT / "tests" / "artifacts"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _local_assets() -> dict[str, Path]:
    """CDN file name -> local copy from the xstatic packages."""
    import xstatic.pkg.jquery as jquery
    import xstatic.pkg.leaflet as leaflet

    return {
        "leaflet.js": Path(leaflet.BASE_DIR) / "leaflet.js",
        "leaflet.css": Path(leaflet.BASE_DIR) / "leaflet.css",
        "jquery-3.7.1.min.js": Path(jquery.BASE_DIR) / "jquery.min.js",
    }


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on loopback serving a throw-away copy of the lessons."""
    work = tmp_path_factory.mktemp("lab")
    for lesson in LESSONS:
        shutil.copy(lesson, work / lesson.name)
    subprocess.run([sys.executable, "-m", "jupyter", "trust", *[str(p) for p in work.glob("*.ipynb")]],
                   check=True, capture_output=True)
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(work / ".config"), JUPYTER_RUNTIME_DIR=str(work / ".runtime"))
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}",
         "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         *(["--allow-root"] if os.geteuid() == 0 else [])],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("JupyterLab did not start within 60 s")
    yield base, token
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield chromium
        chromium.close()


def _route_offline(page, allowed_prefix: str | None) -> None:
    """Answer CDN requests for Leaflet/jQuery locally; refuse everything else outside the lab server."""
    assets = _local_assets()

    def handle(route):
        url = route.request.url
        if allowed_prefix and url.startswith(allowed_prefix) or url.startswith(("data:", "blob:", "about:")):
            return route.continue_()
        name = url.split("?")[0].rsplit("/", 1)[-1]
        if name in assets:
            kind = "text/css" if name.endswith(".css") else "application/javascript"
            return route.fulfill(status=200, body=assets[name].read_bytes(), headers={"content-type": kind})
        return route.abort()

    page.route("**/*", handle)


def _run_all(page) -> None:
    """Restart the kernel and run every cell, through the menus as a learner would."""
    page.get_by_role("menuitem", name="Kernel").click()
    page.get_by_role("menuitem", name="Restart Kernel and Run All Cells…").click()
    page.locator(".jp-Dialog .jp-mod-accept").first.click()
    page.wait_for_timeout(1500)
    deadline = time.time() + 120
    while time.time() < deadline:
        busy = page.locator(".jp-InputPrompt", has_text="[*]").count()
        idle = page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").count()
        if busy == 0 and idle:
            return
        page.wait_for_timeout(500)
    pytest.fail("the lesson did not finish running within 120 s")


def _map_frames(page):
    return [f for f in page.frames if f != page.main_frame and f.locator(".leaflet-container").count()]


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_runs_in_jupyterlab(lab, browser, lesson):
    base, token = lab
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    _route_offline(page, base)
    try:
        # a workspace of its own, so no other lesson's tab is open
        page.goto(f"{base}/lab/workspaces/{lesson.stem}/tree/{lesson.name}?reset&token={token}")
        page.locator(".jp-Notebook").first.wait_for(timeout=60_000)
        page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first.wait_for(timeout=60_000)
        _run_all(page)

        # no error output anywhere
        assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0

        # every map renders Leaflet with vector layers drawn and a visible legend
        for cell in page.locator(".jp-OutputArea-output iframe").all():
            if cell.is_visible():
                cell.scroll_into_view_if_needed(timeout=5_000)
        page.wait_for_timeout(1500)
        frames = _map_frames(page)
        assert frames, "no folium map rendered"
        for frame in frames:
            assert frame.locator("path.leaflet-interactive").count() > 0, "map has no vector layers drawn"
            legend = frame.locator(".crossroads-legend")
            shown = "e => getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden'"
            assert legend.count() == 1 and legend.first.evaluate(shown), "legend missing or hidden"

        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        first = page.locator(".jp-OutputArea-output iframe").first
        first.scroll_into_view_if_needed()
        first.screenshot(path=str(ARTIFACTS / f"{lesson.stem}_map.png"))

        # at least one widget responds to input
        assert _widget_responds(page), "no widget reacted to input"
    finally:
        page.close()


def _widget_responds(page) -> bool:
    """Pick another value in a drop-down or move a slider; the widget's shown text must change."""
    for box in page.locator(".jp-OutputArea-output .widget-vbox").all():
        box.scroll_into_view_if_needed()  # JupyterLab skips rendering cells out of view
        page.wait_for_timeout(800)
        before = box.text_content()
        select = box.locator(".widget-dropdown select")
        slider = box.locator(".noUi-target")
        if select.count():
            count = select.first.locator("option").count()
            current = select.first.evaluate("s => s.selectedIndex")
            if count < 2:
                continue
            select.first.select_option(index=(current + 1) % count)
        elif slider.count():
            track = slider.first.bounding_box()
            page.mouse.click(track["x"] + track["width"] * 0.2, track["y"] + track["height"] / 2)
        else:
            continue
        for _ in range(10):
            page.wait_for_timeout(300)
            if box.text_content() != before:
                return True
    return False


def test_offline_map_renders_with_no_network(browser, tmp_path):
    from crossroads import maps

    m = maps.region_map(title="Offline check", offline=True)
    maps.add_places(m)
    path = tmp_path / "offline.html"
    m.save(str(path))
    page = browser.new_page()
    requests: list[str] = []

    def refuse(route):
        requests.append(route.request.url)
        return route.abort()

    page.route("http*://**/*", refuse)
    try:
        page.goto(path.as_uri())
        page.locator(".leaflet-container").wait_for(timeout=10_000)
        assert page.locator("path.leaflet-interactive").count() > 0
        assert page.locator(".crossroads-legend").is_visible()
        assert not requests, requests[:3]
    finally:
        page.close()
