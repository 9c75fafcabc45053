"""Real-browser end-to-end tests: every lesson in JupyterLab, as a learner sees it.

Needs Debian's Chromium at /usr/bin/chromium (``apt-get install chromium``) and
Playwright from PyPI (never ``playwright install``). Run only these with
``pytest -m e2e``. The machine has no internet: Leaflet and jQuery are answered
from the copies in the xstatic packages, and map tiles are refused, so the maps
must stay readable from their country outlines.
"""
from __future__ import annotations

import json
import os
import re
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
AXE_NPM = ROOT / "tests" / ".axe" / "node_modules" / "axe-core" / "axe.min.js"
"""axe-core from npm: ``npm install --prefix tests/.axe axe-core@4`` (the folder is git-ignored);
or ``pip install axe-playwright-python``, whose wheel ships ``axe.min.js``."""
BLOCKING = ("serious", "critical")

REQUIRED = bool(os.environ.get("CROSSROADS_REQUIRE_BROWSER"))  # set by .ci/run: never skip there

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists() and not REQUIRED,
                       reason="Debian chromium is not installed (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _local_assets() -> dict[str, Path]:
    """CDN file name -> local copy from the xstatic packages (Leaflet with its images, jQuery)."""
    import xstatic.pkg.jquery as jquery
    import xstatic.pkg.leaflet as leaflet

    base = Path(leaflet.BASE_DIR)
    assets = {p.name: p for p in [base / "leaflet.js", base / "leaflet.css", *(base / "images").glob("*.png")]}
    assets["jquery-3.7.1.min.js"] = Path(jquery.BASE_DIR) / "jquery.min.js"
    return assets


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
    assert CHROMIUM.exists(), f"no browser at {CHROMIUM}: apt-get install chromium"
    from playwright import sync_api
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
            kind = {"css": "text/css", "png": "image/png"}.get(name.rsplit(".", 1)[-1], "application/javascript")
            return route.fulfill(status=200, body=assets[name].read_bytes(), headers={"content-type": kind})
        return route.abort()

    page.route("**/*", handle)


class KernelTraffic:
    """Counts the kernel messages the page sends and receives over its websockets.

    This is what proves the cells really ran: JupyterLab's idle indicator is
    already "idle" before the kernel has connected.
    """

    def __init__(self, page):
        self.sent: list[bytes] = []
        self.received: list[bytes] = []
        page.on("websocket", self._watch)

    def _watch(self, ws) -> None:
        if "/api/kernels/" in ws.url:
            ws.on("framesent", lambda f: self.sent.append(f if isinstance(f, bytes) else f.encode()))
            ws.on("framereceived", lambda f: self.received.append(f if isinstance(f, bytes) else f.encode()))

    def count(self, msg_type: str, *, received: bool) -> int:
        frames = self.received if received else self.sent
        pattern = re.compile(rb'"msg_type":\s*"' + msg_type.encode() + rb'"')
        return sum(bool(pattern.search(f)) for f in frames)

    def errors(self) -> int:
        reply, error = re.compile(rb'"msg_type":\s*"execute_reply"'), re.compile(rb'"status":\s*"error"')
        return sum(bool(reply.search(f) and error.search(f)) for f in self.received)


def _code_cells(lesson: Path) -> int:
    import nbformat

    return sum(c.cell_type == "code" for c in nbformat.read(lesson, as_version=4).cells)


def _run_all(page, traffic: KernelTraffic, cells: int) -> None:
    """Restart the kernel and run every cell, through the menus as a learner would."""
    deadline = time.time() + 60
    while traffic.count("kernel_info_reply", received=True) == 0:  # the kernel is connected
        assert time.time() < deadline, "the kernel did not connect within 60 s"
        page.wait_for_timeout(250)
    sent_before = traffic.count("execute_request", received=False)
    replies_before = traffic.count("execute_reply", received=True)
    page.get_by_role("menuitem", name="Kernel").click()
    page.get_by_role("menuitem", name="Restart Kernel and Run All Cells…").click()
    page.locator(".jp-Dialog .jp-mod-accept").first.click()
    deadline = time.time() + 120
    while traffic.count("execute_reply", received=True) - replies_before < cells:
        assert time.time() < deadline, (
            f"only {traffic.count('execute_reply', received=True) - replies_before} of {cells} cells "
            f"ran within 120 s ({traffic.count('execute_request', received=False) - sent_before} sent)")
        page.wait_for_timeout(250)
    page.wait_for_timeout(1000)  # let the last outputs render


def _axe(frame, context: object = None) -> list[dict]:
    """axe-core's violations in a frame (or part of it): rule, impact, node count, first node."""
    if not frame.evaluate("() => typeof axe !== 'undefined'"):
        frame.add_script_tag(content=_axe_script())
    return frame.evaluate(
        """async (context) => {
            const result = await axe.run(context || document, {iframes: false, resultTypes: ["violations"]});
            return result.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                                                where: v.nodes[0].target.join(" "), help: v.help}));
        }""", context)


def _axe_script() -> str:
    """axe.min.js from tests/.axe (npm) or from the axe-playwright-python package, whichever is there."""
    import importlib.util

    spec = importlib.util.find_spec("axe_playwright_python")
    for path in [AXE_NPM, Path(spec.origin).parent / "axe.min.js" if spec and spec.origin else None]:
        if path and path.exists():
            return path.read_text(encoding="utf-8")
    pytest.fail(f"axe-core is missing: npm install --prefix {AXE_NPM.parents[2]} axe-core@4 "
                "(or pip install axe-playwright-python)")


def _blocking(violations: list[dict]) -> list[str]:
    return [f"{v['id']} ({v['impact']}, {v['nodes']}x, e.g. {v['where']}): {v['help']}"
            for v in violations if v["impact"] in BLOCKING]


def _map_frames(page):
    return [f for f in page.frames if f != page.main_frame and f.locator(".leaflet-container").count()]


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_runs_in_jupyterlab(lab, browser, lesson):
    base, token = lab
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    traffic = KernelTraffic(page)
    _route_offline(page, base)
    try:
        # a workspace of its own, so no other lesson's tab is open
        page.goto(f"{base}/lab/workspaces/{lesson.stem}/tree/{lesson.name}?reset&token={token}")
        page.locator(".jp-Notebook").first.wait_for(timeout=60_000)
        page.add_style_tag(content=".Toastify { display: none !important; }")  # JupyterLab's news prompt
        page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first.wait_for(timeout=60_000)
        _run_all(page, traffic, _code_cells(lesson))

        # no error output anywhere
        assert traffic.errors() == 0, "a cell raised an error in the kernel"
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

        # labels readable without hovering: every map with places shows some of their names
        for frame in frames:
            labels = frame.locator(".crossroads-label")
            if labels.count():
                shown = labels.evaluate_all("els => els.filter(e => getComputedStyle(e).visibility !== 'hidden'"
                                            " && e.getBoundingClientRect().width > 0).length")
                assert shown > 0, "a map with places shows none of their names"

        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        first = page.locator(".jp-OutputArea-output iframe").first
        first.scroll_into_view_if_needed()
        page.mouse.move(0, 0)  # no hover tooltip in the picture: only what shows without hovering
        page.wait_for_timeout(500)  # the labels settle after the frame is laid out
        first.screenshot(path=str(ARTIFACTS / f"{lesson.stem}_map.png"))

        # WCAG 2.2 AA: axe-core over what the course puts on the page (rendered text and every output;
        # JupyterLab's own editors and buttons are not ours) and inside every map's frame
        problems = _blocking(_axe(page.main_frame, {"include": [[".jp-MarkdownOutput"], [".jp-OutputArea-output"]],
                                                    "exclude": [["iframe"]]}))
        for n, frame in enumerate(frames):
            problems += [f"map {n + 1}: {p}" for p in _blocking(_axe(frame))]
        assert not problems, "axe-core finds serious or critical problems:\n" + "\n".join(problems)

        # at least one widget responds to input (the capstone has none: learners build their own brief there)
        nb = json.loads(lesson.read_text(encoding="utf-8"))
        if any("application/vnd.jupyter.widget-view+json" in o.get("data", {})
               for c in nb["cells"] for o in c.get("outputs", [])):
            assert _widget_responds(page), "no widget reacted to input"
        assert not errors, f"JavaScript errors on the page: {errors[:3]}"
    except Exception:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{lesson.stem}_failed.png"))
        raise
    finally:
        page.close()


def _widget_responds(page) -> bool:
    """Pick another value in a drop-down, step a number box with the keyboard or press a button; the widget's
    shown text must change."""
    for box in page.locator(".jp-OutputArea-output .widget-vbox").all():
        box.scroll_into_view_if_needed()  # JupyterLab skips rendering cells out of view
        page.wait_for_timeout(800)
        before = box.text_content()
        select = box.locator(".widget-dropdown select")
        slider = box.locator(".noUi-target")
        number = box.locator("input[type=number]")
        button = box.locator("button.jupyter-button")
        if button.count() and number.count():  # the timeline: "◀ Earlier event" steps back from the last year
            button.first.click()
        elif number.count():
            number.first.focus()
            page.keyboard.press("ArrowUp")
        elif select.count():
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


@pytest.mark.parametrize("width", [0, 200, 900])
def test_map_frames_itself_once_it_has_room(browser, tmp_path, width):
    """A map drawn in a hidden (0 px) or narrow output must not break Leaflet, and must frame itself when shown."""
    from crossroads import maps

    m = maps.region_map(title="Hidden at first", offline=True)
    maps.add_places(m)
    (tmp_path / "map.html").write_text(m.get_root().render(), encoding="utf-8")
    (tmp_path / "page.html").write_text(
        f'<iframe id="f" src="map.html" style="width:{width}px;height:{width // 2}px;border:0"></iframe>', encoding="utf-8")
    page = browser.new_page(viewport={"width": 1000, "height": 700})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto((tmp_path / "page.html").as_uri())
        frame = page.frame_locator("#f")
        frame.locator(".leaflet-container").wait_for(state="attached", timeout=10_000)
        page.wait_for_timeout(300)
        page.locator("#f").evaluate("f => { f.style.width = '900px'; f.style.height = '500px'; }")
        page.wait_for_timeout(800)
        view = page.frames[1].evaluate(
            "() => { const map = Object.keys(window).filter(k => k.startsWith('map_')).map(k => window[k])[0];"
            " const c = map.getCenter(); return [map.getZoom(), c.lat, c.lng]; }")
        assert not errors, errors
        zoom, lat, lon = view
        assert 2 <= zoom <= 8, view
        assert 30 < lat < 60 and 40 < lon < 100, f"the map is not framed on Central Asia: {view}"
    finally:
        page.close()


@pytest.mark.parametrize("width", [830, 1000])
def test_no_place_label_starts_under_the_legend(browser, tmp_path, width):
    """As lesson 01 draws it: the Silk Road's eastern end (Xi'an) once sat under the legend."""
    from crossroads import maps

    m = maps.region_map("The Silk Road: two strands of the network", bounds=maps.EURASIA, offline=True)
    maps.add_routes(m, category="ancient")
    maps.add_places(m, kinds="silk_road_city")
    (tmp_path / "map.html").write_text(m.get_root().render(), encoding="utf-8")
    (tmp_path / "page.html").write_text(
        f'<iframe id="f" src="map.html" style="width:{width}px;height:{m.height_px}px;border:0"></iframe>',
        encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto((tmp_path / "page.html").as_uri())
        frame = page.frame_locator("#f")
        frame.locator(".crossroads-label").first.wait_for(state="attached", timeout=10_000)
        page.wait_for_timeout(800)
        labels = """() => {
            const box = document.querySelector(".crossroads-legend").getBoundingClientRect();
            const shown = Array.from(document.querySelectorAll(".crossroads-label"))
                .filter(e => getComputedStyle(e).visibility !== "hidden");
            const under = e => { const r = e.getBoundingClientRect();
                return r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top; };
            return [shown.filter(under).map(e => e.textContent.trim()), shown.map(e => e.textContent.trim())]; }"""
        covered, shown = page.frames[1].evaluate(labels)
        assert covered == [], f"labels under the legend: {covered}"
        assert {"Xi'an", "Lanzhou", "Dunhuang", "Kashgar"} <= set(shown), f"the route's eastern towns lost their names: {shown}"
        page.frames[1].locator(".crossroads-legend summary").click()  # fold the legend: names under it come back
        page.wait_for_timeout(300)
        covered_folded, shown_folded = page.frames[1].evaluate(labels)
        assert covered_folded == [] and set(shown) <= set(shown_folded)
    finally:
        page.close()


def test_map_pans_and_zooms_from_the_keyboard_with_a_visible_focus_ring(browser, tmp_path):
    from crossroads import maps

    m = maps.add_places(maps.region_map(title="Keyboard", offline=True), ids=["almaty", "astana"])
    path = tmp_path / "keyboard.html"
    m.save(str(path))
    page = browser.new_page(viewport={"width": 900, "height": 500})
    try:
        page.goto(path.as_uri())
        page.locator(".leaflet-container").wait_for(timeout=10_000)
        view = ("() => { const map = Object.keys(window).filter(k => k.startsWith('map_')).map(k => window[k])[0];"
                " const c = map.getCenter(); return [map.getZoom(), c.lat, c.lng]; }")
        page.keyboard.press("Tab")  # the first stop is the map itself
        focused = page.evaluate("() => document.activeElement.classList.contains('leaflet-container')")
        ring = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert focused and ring == "solid"
        zoom, lat, lon = page.evaluate(view)
        page.keyboard.press("ArrowRight")  # pans east; let the pan finish before zooming (slow under load)
        page.wait_for_function(f"() => ({view})()[2] > {lon}", timeout=10_000)
        zoom2, lat2, lon2 = page.evaluate(view)
        page.keyboard.press("Equal")  # the + key
        page.wait_for_function(f"() => ({view})()[0] > {zoom}", timeout=10_000)
        zoom3, _lat3, _lon3 = page.evaluate(view)
        assert zoom3 > zoom and lon2 > lon, (zoom, lon, zoom3, lon2)
        assert page.locator(".crossroads-label").first.is_visible()  # names without hovering
        problems = _blocking(_axe(page.main_frame))
        assert not problems, problems
    finally:
        page.close()
