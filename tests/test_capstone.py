"""Lesson 05, the capstone: its worked example scores full marks, its solutions are right, its brief opens offline.

The browser test (marked ``e2e``) needs Debian's Chromium at /usr/bin/chromium and Playwright from PyPI.
"""
from __future__ import annotations

import contextlib
import html
import io
import os
from pathlib import Path

import nbformat
import pytest

from crossroads.exercises import lesson05

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "lessons" / "05_capstone.ipynb"
CHROMIUM = Path(os.environ.get("CROSSROADS_CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "tests" / ".axe" / "node_modules" / "axe-core" / "axe.min.js"  # npm install --prefix tests/.axe axe-core@4


def _serious_axe_violations(frame) -> list[str]:
    """axe-core's serious and critical violations in a frame (WCAG 2.2 AA, as the lesson browser tests)."""
    frame.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = frame.evaluate("""async () => (await axe.run(document, {iframes: false, resultTypes: ["violations"]}))
        .violations.map(v => ({id: v.id, impact: v.impact, where: v.nodes[0].target.join(" ")}))""")
    return [f"{v['id']} ({v['impact']}) at {v['where']}" for v in found if v["impact"] in ("serious", "critical")]


def _code_cells() -> list[nbformat.NotebookNode]:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    return [c for c in nb.cells if c.cell_type == "code"]


@pytest.fixture(scope="module")
def solved(tmp_path_factory) -> dict:
    """Run the notebook's code in one namespace, answer cells replaced by the solutions (a solved copy)."""
    folder = tmp_path_factory.mktemp("capstone")
    namespace: dict = {}
    cwd = os.getcwd()
    os.chdir(ROOT / "lessons")
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            for cell in _code_cells():
                qid = cell.metadata.get("crossroads", {}).get("question")
                source = lesson05.lesson[qid].code if qid else cell.source
                source = source.replace("tempfile.gettempdir()", repr(str(folder)))
                exec(compile(source, f"<cell {cell.get('id')}>", "exec"), namespace)
    finally:
        os.chdir(cwd)
    namespace["_folder"] = folder
    return namespace


def test_the_stored_notebook_shows_the_worked_example_with_full_marks():
    outputs = [o for c in _code_cells() if "example.check()" in c.source for o in c.outputs]
    text = "".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "checks pass; the form is complete" in text
    assert all(c.execution_count for c in _code_cells()), "the lesson is stored executed"


def test_stored_charts_are_small_images_with_alt_text_and_nothing_else_draws():
    charts_seen = 0
    for cell in _code_cells():
        for output in cell.outputs:
            bundle = output.get("data", {})
            assert "image/png" not in bundle, "a chart leaked through pyplot instead of crossroads.charts"
            page = bundle.get("text/html", "")
            if "data:image/png;base64," in page:
                charts_seen += 1
                assert len(page.encode()) <= 60_000
                assert f'alt="{html.escape(bundle["text/plain"], quote=True)}"' in page
    assert charts_seen >= 4


def test_worked_example_scores_full_marks_and_has_a_map_and_a_chart(solved):
    example = solved["example"]
    feedback = example.check()
    assert feedback.passed, feedback.problems
    assert 3 <= len(example.claims) <= 5 and example.maps() and example.charts()
    assert (solved["_folder"] / "example_brief.html").exists()


def test_solved_copy_answers_every_question_correctly(solved):
    for question in lesson05.lesson:
        feedback = question.check(solved[question.variable])
        assert feedback.correct, (question.qid, repr(feedback))


def test_the_practice_brief_has_exactly_the_fault_q3_names(solved):
    problems = solved["practice"].check().problems
    assert len(problems) == 1 and "counter-argument cites only" in problems[0]


def test_the_learners_template_runs_and_lists_what_is_missing(solved):
    problems = solved["my_brief"].check().problems
    assert any("No question yet" in p for p in problems) and any("No counter-argument" in p for p in problems)


@pytest.mark.e2e
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (apt-get install chromium)")
def test_saved_brief_opens_offline_and_shows_its_map_and_chart(solved, tmp_path):
    from playwright import sync_api

    path = tmp_path / "brief.html"
    solved["example"].save(path)
    requests: list[str] = []
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                    args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                          "--disable-background-networking"])
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 800})
            page.on("pageerror", lambda exc: errors.append(str(exc)))

            def refuse(route):
                requests.append(route.request.url)
                return route.abort()

            page.route("http*://**/*", refuse)
            page.goto(path.as_uri())
            frame = page.frame_locator("iframe").first
            frame.locator(".leaflet-container").wait_for(timeout=15_000)
            assert frame.locator("path.leaflet-interactive").count() > 0
            chart = page.locator("figure.crossroads-chart img").first
            chart.scroll_into_view_if_needed()
            assert chart.evaluate("img => img.complete && img.naturalWidth > 0")
            assert "Bar chart titled" in chart.get_attribute("alt")
            assert page.locator("h1").inner_text().startswith("Can Central Asia's gas reach China")
            if AXE.exists():
                problems = _serious_axe_violations(page.main_frame)
                for frame in page.frames[1:]:
                    problems += [f"map: {p}" for p in _serious_axe_violations(frame)]
                assert not problems, problems
        finally:
            browser.close()
    assert not requests, requests[:3]
    assert not errors, errors
