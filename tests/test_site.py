"""The course website (``crossroads site``): built once from the stored lessons, then checked as files and,
with the ``e2e`` mark, in Chromium with every outside request refused."""
from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from crossroads import site

pytestmark = pytest.mark.slow  # each run builds the site once (Sphinx, ~10 s)

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted(p.name for p in (ROOT / "lessons").glob("[0-9][0-9]_*.ipynb"))
HUB = "https://hub.example.edu"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> site.SiteReport:
    return site.build(tmp_path_factory.mktemp("site") / "out", root=ROOT, hub=HUB)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for name in ("href", "src"):
            if attrs.get(name) and not (tag == "iframe" and name == "src"):
                self.refs.append((tag, attrs[name]))


def parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_every_page_is_built(built):
    names = {p.name for p in built.outdir.glob("*.html")}
    expected = {"index.html", "teach.html", "sources.html", "data.html", "search.html", "INSTRUCTORS.html"}
    expected |= {nb.replace(".ipynb", ".html") for nb in LESSONS}
    expected |= {md.with_suffix(".html").name for md in (ROOT / "lessons").glob("*.md")}
    assert expected <= names
    assert built.lessons == [nb for nb in LESSONS if nb in built.lessons] and len(built.lessons) == len(LESSONS)
    assert (built.outdir / "searchindex.js").stat().st_size > 10_000  # search covers the lessons' text


def test_every_internal_link_resolves(built):
    broken = []
    for page in built.outdir.rglob("*.html"):
        for tag, ref in parse(page).refs:
            url = urlparse(ref)
            if url.scheme or ref.startswith(("//", "mailto:")):
                continue
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if not target.exists():
                broken.append(f"{page.name}: {tag} {ref}")
            elif url.fragment and target.suffix == ".html" and url.fragment not in parse(target).ids:
                broken.append(f"{page.name}: {ref} (no such anchor)")
    assert not broken, "\n".join(sorted(set(broken))[:30])


def test_lesson_pages_weigh_at_most_2_mb(built):
    assert set(built.pages) == {nb.replace(".ipynb", ".html") for nb in LESSONS}
    heavy = {page: size for page, size in built.pages.items() if size > 2_000_000}
    assert not heavy, heavy
    assert all(size > 200_000 for size in built.pages.values())  # the weight counts the page's assets


def test_pages_load_nothing_from_outside(built):
    for page in built.outdir.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        outside = re.findall(r'<(?:script|link|img)[^>]*(?:src|href)="(https?:[^"]+)"', text)
        outside = [u for u in outside if not u.startswith("https://mybinder.org/badge")]
        assert not outside, (page.name, outside[:3])
        assert "cdn.jsdelivr.net" not in text and "code.jquery.com" not in text, page.name
        assert "fontawesome.js" not in text


def test_lesson_pages_keep_their_maps_and_turn_widgets_into_notes(built):
    for nb_name in built.lessons:
        nb = json.loads((ROOT / "lessons" / nb_name).read_text(encoding="utf-8"))
        outputs = [o for c in nb["cells"] for o in c.get("outputs", [])]
        maps_stored = sum("srcdoc=" in "".join(o.get("data", {}).get("text/html", "")) for o in outputs)
        widgets_stored = sum("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
        images_stored = sum("image/png" in o.get("data", {}) for o in outputs)
        page = (built.outdir / nb_name.replace(".ipynb", ".html")).read_text(encoding="utf-8")
        assert page.count("<iframe srcdoc=") == maps_stored >= 1, nb_name
        assert page.count("_static/site-maps.js") == maps_stored  # no tiles: outlines only
        assert page.count("class='crossroads-widget-note'") == widgets_stored, nb_name
        assert page.count(".png\"") + page.count("data:image/png") >= images_stored, nb_name
        binder = site.binder_url(site.load_settings(ROOT), nb_name).replace("&", "&amp;")
        assert binder in page or site.binder_url(site.load_settings(ROOT), nb_name) in page, nb_name
        assert "/hub/user-redirect/git-pull?" in page, nb_name  # the class hub button (hub set for this build)


def test_sources_and_data_pages_are_generated_from_the_data(built):
    import csv

    sources = (built.outdir / "sources.html").read_text(encoding="utf-8")
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            assert row["id"] in sources
    data_page = (built.outdir / "data.html").read_text(encoding="utf-8")
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert resource["name"] in data_page


def test_hub_links_only_when_a_hub_is_set():
    plain = site.load_settings(ROOT, {"jupyterhub_url": ""})
    assert site.hub_url(plain, "00_start_here.ipynb") == ""
    link = site.hub_url(site.load_settings(ROOT, {"jupyterhub_url": HUB + "/"}), "02_multi_vector.ipynb")
    assert link.startswith(HUB + "/hub/user-redirect/git-pull?repo=")
    assert "urlpath=lab%2Ftree%2Fcrossroads%2Flessons%2F02_multi_vector.ipynb" in link


def test_cli_builds_the_site(tmp_path, capsys):
    from crossroads.cli import main

    assert main(["site", str(tmp_path / "out"), "--root", str(ROOT)]) == 0
    assert "lessons" in capsys.readouterr().out and (tmp_path / "out" / "index.html").is_file()
    assert main(["site", str(tmp_path / "x"), "--root", str(tmp_path)]) == 1  # no course there: a message


# --------------------------------------------------------------------------- in the browser


def _serve(folder: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def browser_page(built):
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        if os.environ.get("CROSSROADS_REQUIRE_BROWSER"):  # set by .ci/run: never skip there
            pytest.fail("Debian's chromium is missing (sudo apt-get install chromium)")
        pytest.skip("Debian's chromium is missing (sudo apt-get install chromium)")
    playwright = pytest.importorskip("playwright.sync_api")
    server = _serve(built.outdir)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith((base, "data:", "about:"))
                   else route.abort())
        yield page, base
        browser.close()
    server.shutdown()


@pytest.mark.e2e
def test_every_page_loads_without_a_console_error(built, browser_page):
    page, base = browser_page
    for html_file in sorted(built.outdir.glob("*.html")):
        errors: list[str] = []
        on_console = lambda m: errors.append(m.text) if m.type == "error" else None  # noqa: E731
        on_error = lambda e: errors.append(str(e))  # noqa: E731
        page.on("console", on_console)
        page.on("pageerror", on_error)
        page.goto(base + html_file.name, wait_until="load")
        page.wait_for_timeout(300)
        page.remove_listener("console", on_console)
        page.remove_listener("pageerror", on_error)
        assert not errors, (html_file.name, errors[:3])


@pytest.mark.e2e
@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_page_shows_maps_and_charts_and_prints_them(built, browser_page, lesson, tmp_path):
    page, base = browser_page
    page.goto(base + lesson.replace(".ipynb", ".html"), wait_until="load")
    frames = page.locator("iframe")
    assert frames.count() >= 1
    for i in range(frames.count()):
        frames.nth(i).scroll_into_view_if_needed()
        inner = frames.nth(i).content_frame
        inner.locator(".leaflet-container").wait_for(timeout=15_000)
        assert inner.locator("path.leaflet-interactive").count() > 0, f"map {i} of {lesson} drew nothing"
    charts = page.locator(".cell_output img")
    for i in range(charts.count()):
        assert page.evaluate("img => img.complete && img.naturalWidth > 0", charts.nth(i).element_handle())
    page.emulate_media(media="print")
    assert not page.locator(".bd-sidebar-primary").is_visible()  # no navigation chrome on paper
    assert frames.first.is_visible() and frames.first.bounding_box()["height"] > 200
    pdf = tmp_path / "lesson.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    page.emulate_media(media="screen")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        title = frames.first.content_frame.locator(".crossroads-title, .leaflet-control .title, h4").first
        assert "Legend" in text or (title.count() and title.inner_text()[:20] in text), "the PDF lacks the map"
    assert pdf.stat().st_size > 50_000


AXE = ROOT / "tests" / ".axe" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.e2e
def test_no_serious_accessibility_problem_on_any_page(built, browser_page):
    """axe-core (npm, the same copy as the lesson tests) over every page and inside every map's frame."""
    assert AXE.exists(), f"axe-core is missing: npm install --prefix {AXE.parents[2]} axe-core@4"
    page, base = browser_page
    problems = []
    for html_file in sorted(built.outdir.glob("*.html")):
        page.goto(base + html_file.name, wait_until="load")
        frames = [page.main_frame] + [f for f in page.frames if f != page.main_frame]
        for n, frame in enumerate(frames):
            frame.add_script_tag(content=AXE.read_text(encoding="utf-8"))
            found = frame.evaluate("""async () => (await axe.run(document, {iframes: false,
                resultTypes: ["violations"]})).violations.map(v => [v.id, v.impact, v.nodes[0].target.join(" ")])""")
            problems += [f"{html_file.name} {'page' if n == 0 else f'map {n}'}: {rule} ({impact}) at {where}"
                         for rule, impact, where in found if impact in ("serious", "critical")]
    assert not problems, "\n".join(problems[:20])
