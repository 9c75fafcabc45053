"""The course as a static website: every lesson readable, maps included, without a kernel.

``crossroads site OUTDIR`` builds plain HTML files from the *stored, executed* lessons (nothing is
re-executed) with Sphinx, MyST-NB and the Sphinx Book Theme (the stack of Jupyter Book 1), which build
offline from PyPI packages alone. The pages: a home page with the lesson table, one page per lesson with
its stored maps, charts, tables and exercise feedback, the instructors' guide, the glossary, a "Teach with
this course" page, a sources page from ``data/sources.csv``, a data page from ``data/datapackage.json``,
and search. Launch buttons (Binder, and a class JupyterHub through nbgitpuller) come from ``lessons/site.toml``.

On the site, maps draw country outlines only: background tiles come from a tile server that refuses pages
opened from disk, so the site never asks for them, and Leaflet itself is served from the site's own files.
Widgets cannot run without a kernel: each is shown as a note with its stored state and a launch button.

Example (a build takes about half a minute):
    >>> from crossroads import site
    >>> report = site.build("_site")                 # doctest: +SKIP
    >>> report.pages["02_multi_vector.html"] < 2e6   # doctest: +SKIP
    True
"""
from __future__ import annotations

import csv
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

from crossroads.text import and_list

SPHINX_DIR = Path(__file__).parent / "sphinx"
"""Sphinx's configuration folder (conf.py and the site's own CSS and JS)."""

DEFAULTS = {
    "title": "Crossroads: Kazakhstan between China and Russia",
    "short_title": "Crossroads",
    "repository_url": "https://github.com/crossroads-course/crossroads",
    "branch": "main",
    "binderhub_url": "https://mybinder.org",
    "jupyterhub_url": "",
}
"""Settings used where ``lessons/site.toml`` says nothing."""

_WIDGET = "application/vnd.jupyter.widget-view+json"
_LEAFLET_JS = re.compile(r'<script src="https://cdn\.jsdelivr\.net/npm/leaflet@[\d.]+/dist/leaflet\.js"></script>')
_CDN = {
    re.compile(r"https://cdn\.jsdelivr\.net/npm/leaflet@[\d.]+/dist/leaflet\.css"): "_static/vendor/leaflet/leaflet.css",
    re.compile(r"https://code\.jquery\.com/jquery-[\d.]+\.min\.js"): "_static/vendor/jquery/jquery.min.js",
}


@dataclass
class SiteReport:
    """What a build made: where, how long it took, and each lesson page's weight with its assets (bytes)."""

    outdir: Path
    seconds: float
    lessons: list[str]
    pages: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        weights = ", ".join(f"{name} {size / 1e6:.2f} MB" for name, size in self.pages.items())
        return (f"built {self.outdir} in {self.seconds:.1f} s: {len(self.lessons)} lessons; "
                f"lesson pages with their assets: {weights}")


def load_settings(root: Path, overrides: dict | None = None) -> dict:
    """The site's settings: DEFAULTS, then ``lessons/site.toml``, then ``overrides``.

    >>> load_settings(Path("/nonexistent"), {"jupyterhub_url": "https://hub.example.edu"})["jupyterhub_url"]
    'https://hub.example.edu'
    """
    settings = dict(DEFAULTS)
    config = root / "lessons" / "site.toml"
    if config.is_file():
        try:
            import tomllib
        except ImportError:  # Python 3.10
            import tomli as tomllib
        with config.open("rb") as handle:
            settings.update({k: v for k, v in tomllib.load(handle).get("site", {}).items() if v is not None})
    settings.update({k: v for k, v in (overrides or {}).items() if v is not None})
    for key in ("repository_url", "binderhub_url", "jupyterhub_url"):
        settings[key] = str(settings.get(key) or "").rstrip("/")
    return settings


def binder_url(settings: dict, notebook: str) -> str:
    """The Binder link that opens one lesson in JupyterLab.

    >>> binder_url(DEFAULTS, "00_start_here.ipynb")
    'https://mybinder.org/v2/gh/crossroads-course/crossroads/main?urlpath=lab/tree/lessons/00_start_here.ipynb'
    """
    repo = settings["repository_url"].removeprefix("https://github.com/")
    return f"{settings['binderhub_url']}/v2/gh/{repo}/{settings['branch']}?urlpath=lab/tree/lessons/{notebook}"


def hub_url(settings: dict, notebook: str) -> str:
    """The nbgitpuller link that copies the course to a class JupyterHub and opens one lesson ('' if no hub is set).

    >>> hub_url(dict(DEFAULTS, jupyterhub_url="https://hub.example.edu"), "01_silk_road.ipynb")  # doctest: +ELLIPSIS
    'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fcrossroads-course...'
    """
    if not settings["jupyterhub_url"]:
        return ""
    repo_name = settings["repository_url"].rstrip("/").split("/")[-1]
    query = urlencode({"repo": settings["repository_url"], "branch": settings["branch"],
                       "urlpath": f"lab/tree/{repo_name}/lessons/{notebook}"}, quote_via=quote)
    return f"{settings['jupyterhub_url']}/hub/user-redirect/git-pull?{query}"


# --------------------------------------------------------------------------- lessons


def _widget_note(state: str, settings: dict, notebook: str) -> str:
    links = [f"<a class='crossroads-launch' href='{html.escape(binder_url(settings, notebook))}'>"
             "Launch this lesson on Binder</a>"]
    if settings["jupyterhub_url"]:
        links.append(f"<a class='crossroads-launch' href='{html.escape(hub_url(settings, notebook))}'>"
                     "Open on the class JupyterHub</a>")
    return ("<div class='crossroads-widget-note' role='note'><p><b>Interactive explorer.</b> It needs a running "
            "notebook, so on this page you see the state it was saved in: "
            f"<code>{html.escape(state)}</code></p><p>{' '.join(links)}</p></div>")


def _offline_map(text: str) -> str:
    """A stored folium map that loads Leaflet from the site's own files and draws no tiles."""
    text = _LEAFLET_JS.sub('<script src="_static/vendor/leaflet/leaflet.js"></script>'
                           '<script src="_static/site-maps.js"></script>', text)
    for pattern, local in _CDN.items():
        text = pattern.sub(local, text)
    return text


def prepare_notebook(nb: dict, settings: dict, notebook: str) -> dict:
    """A stored lesson made ready for the site: maps offline, widgets as notes, widget state dropped.

    >>> nb = {"metadata": {"widgets": {}}, "cells": [{"cell_type": "code", "source": "w", "outputs": [
    ...     {"output_type": "execute_result", "data": {_WIDGET: {}, "text/plain": "<Timeline: 2023>"}}]}]}
    >>> "Launch this lesson" in prepare_notebook(nb, DEFAULTS, "01_silk_road.ipynb")["cells"][0]["outputs"][0][
    ...     "data"]["text/html"]
    True
    """
    nb = json.loads(json.dumps(nb))
    nb.get("metadata", {}).pop("widgets", None)
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "markdown":
            cell["source"] = _fix_links("".join(cell.get("source", "")), settings)
        for output in cell.get("outputs", []):
            data = output.get("data")
            if not data:
                continue
            if _WIDGET in data:
                state = "".join(data.get("text/plain", "interactive explorer"))
                output["data"] = {"text/html": _widget_note(state, settings, notebook), "text/plain": state}
            elif "text/html" in data:
                text = "".join(data["text/html"])
                if "srcdoc=" in text and "leaflet" in text:
                    data["text/html"] = _offline_map(text)
    return nb


def _lesson_rows(root: Path) -> list[tuple[str, str, str, str]]:
    """(number, title, what you learn, time) for each lesson in the README's lesson table."""
    rows = []
    for line in (root / "README.md").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\|\s*(\d\d)\s*\|\s*\[([^\]]+)\]\(lessons/([^)]+\.ipynb)\)\s*\|([^|]*)\|([^|]*)\|", line)
        if match:
            rows.append((match[3], match[2].strip(), match[4].strip(), match[5].strip()))
    return rows


# --------------------------------------------------------------------------- pages


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def _home(root: Path, settings: dict, lessons: list[tuple[str, str, str, str]], extra_pages: list[str]) -> str:
    table = "\n".join(f"| [{title}]({nb}) | {_md_cell(what)} | {_md_cell(minutes)} |"
                      for nb, title, what, minutes in lessons)
    toc = "\n".join([nb.removesuffix(".ipynb") for nb, *_ in lessons] + extra_pages)
    first = lessons[0][0] if lessons else "00_start_here.ipynb"
    names = {"GLOSSARY": "the [glossary](GLOSSARY.md) of terms and abbreviations",
             "INSTRUCTORS": "the [instructors' guide](INSTRUCTORS.md)"}
    also = [names[p] for p in extra_pages if p in names] + ["the [sources](sources.md)", "the [data tables](data.md)"]
    also = "Also here: " + and_list(also) + "."
    return f"""# {settings['title']}

An open course on Kazakhstan's place between its two great neighbours: the Silk Road and its modern
revival, the country's multi-vector foreign policy, its oil and gas routes, and the summit diplomacy of
2022–2023. Learners read sources critically, compute with real data and read maps; every fact and figure
traces to a source on the [sources page](sources.md).

This site shows every lesson as it was last run, maps included, so you can read the whole course on any
device. To run the code, answer the exercises and use the interactive explorers, open a lesson in
JupyterLab: [launch the course on Binder]({binder_url(settings, first)}) (nothing to install), or see
[Teach with this course](teach.md) for a class JupyterHub and for your own computer.

## Lessons

| Lesson | What you learn | Time |
|---|---|---|
{table}

{also}

```{{toctree}}
:hidden:
:maxdepth: 1

{toc}
```

Code: MIT. Course text, exercises and compiled data: CC BY 4.0. Third-party data keep their own terms
(see the [data page](data.md)).
"""


def _teach(settings: dict, lessons: list[tuple[str, str, str, str]]) -> str:
    first = lessons[0][0] if lessons else "00_start_here.ipynb"
    hub = settings["jupyterhub_url"]
    hub_text = (f"This site is set up for the hub at `{hub}`: each lesson page's launch menu has a *JupyterHub* "
                f"button, for example [lesson 00 on the class hub]({hub_url(settings, first)})."
                if hub else
                "No class hub is set for this copy of the site, so lesson pages show only the Binder button.")
    return f"""# Teach with this course

Three ways to give learners a running copy of the course. All of them use the same notebooks; the
[instructors' guide](INSTRUCTORS.md) has the objectives, a minute-by-minute plan and the answers for every
lesson.

## Binder: nothing to install

[Launch the course on Binder]({binder_url(settings, first)}). Binder builds the course's environment from
`binder/` in the repository and opens JupyterLab in the browser. A session is deleted when idle, so lesson 00
shows learners how to download their notebook. Binder is free and shared: for a class of more than a dozen
learners starting at once, a class hub is steadier.

## A class JupyterHub

If your institution runs a JupyterHub with the course's packages installed, an
[nbgitpuller](https://nbgitpuller.readthedocs.io/) link copies the course into each learner's home folder and
opens a lesson; learners' own changes are kept when the link is clicked again.

Set the hub's address once, in `lessons/site.toml`:

```toml
[site]
jupyterhub_url = "https://hub.example.edu"
```

then rebuild the site (`crossroads site OUTDIR`); every lesson page's launch menu then has a *JupyterHub*
button. You can also pass it for one build: `crossroads site OUTDIR --hub https://hub.example.edu`.
{hub_text}

## Learners' own computers

With Python 3.10 or newer:

```bash
python3 -m venv .venv && . .venv/bin/activate && pip install -e . && jupyter trust lessons/*.ipynb && jupyter lab lessons/00_start_here.ipynb
```

## Handing out and checking work

The notebooks in `lessons/` are the student versions. `crossroads solve` writes a solved copy to show in
class, and `crossroads grade` runs learners' notebooks and reports each question; the instructors' guide says
what a grade means and what the grader protects against.

## This website

`crossroads site OUTDIR` builds this site from the stored lessons (nothing is re-executed). The output is plain
files: copy them to any static host, or open `index.html` from disk. Maps on the site draw country outlines
without a background map, because tile servers refuse pages opened from disk.
"""


def _sources_page(root: Path) -> str:
    with (root / "data" / "sources.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    kinds = {"seed": "Seed articles", "reference": "Public references", "dataset": "Datasets"}
    parts = ["# Sources\n",
             "Every fact, figure and date in the course traces to one of these sources, cited in the lessons by "
             "its id. Generated from `data/sources.csv`.\n"]
    for kind, heading in list(kinds.items()) + [("", "Other sources")]:
        chosen = [r for r in rows if (r.get("kind") == kind) or (not kind and r.get("kind") not in kinds)]
        if not chosen:
            continue
        parts.append(f"\n## {heading}\n\n| Id | Source | Date | Note |\n|---|---|---|---|")
        for r in chosen:
            title = html.escape(r.get("title", ""))
            if r.get("url"):
                title = f"[{title}]({r['url']})"
            who = ", ".join(x for x in (r.get("author", ""), r.get("outlet", "")) if x)
            source = f"{title} ({html.escape(who)})" if who else title
            parts.append(f"| `{r['id']}` | {_md_cell(source)} | {_md_cell(html.escape(r.get('date', '')))} | "
                         f"{_md_cell(html.escape(r.get('note', '')))} |")
    return "\n".join(parts) + "\n"


def _data_page(root: Path) -> str:
    package = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    parts = ["# Data\n",
             f"{html.escape(package.get('description', ''))} Load any table in a lesson with "
             "`data.load(\"name\")`. Generated from `data/datapackage.json`.\n"]
    for resource in package.get("resources", []):
        name = resource.get("name", "")
        parts.append(f"\n## `{name}`\n\n**{html.escape(resource.get('title', name))}** — file "
                     f"`data/{resource.get('path', '')}`.")
        if resource.get("description"):
            parts.append(f"\n{html.escape(resource['description'])}")
        licences = ", ".join(lic.get("title") or lic.get("name", "") for lic in resource.get("licenses", []))
        if licences:
            parts.append(f"\nLicence: {html.escape(licences)}.")
        fields = resource.get("schema", {}).get("fields", [])
        if fields:
            parts.append("\n| Column | Type | Meaning |\n|---|---|---|")
            for f in fields:
                parts.append(f"| `{f.get('name', '')}` | {f.get('type', '')} | "
                             f"{_md_cell(html.escape(f.get('description', '')))} |")
    return "\n".join(parts) + "\n"


def _anchors_as_targets(text: str) -> str:
    """HTML anchors that open a line (``<a id="bcm"></a>**bcm** — ...``) become MyST targets, so that links such
    as ``GLOSSARY.md#bcm`` from the lessons resolve on the site."""
    return re.sub(r'^<a id="([^"]+)"></a>\s*', lambda m: f"({m[1]})=\n", text, flags=re.M)


def _fix_links(text: str, settings: dict) -> str:
    """Links in the lessons' markdown pages that leave ``lessons/`` point to the site's pages or the repository."""
    text = re.sub(r"\]\(\.\./data/sources\.csv\)", "](sources.md)", text)
    text = re.sub(r"\]\(\.\./data/datapackage\.json\)", "](data.md)", text)
    text = re.sub(r"\]\(\.\./README\.md\)", "](index.md)", text)
    repo = settings["repository_url"]
    return re.sub(r"\]\(\.\./([^)\s]+)\)", lambda m: f"]({repo}/blob/{settings['branch']}/{m[1]})", text)


# --------------------------------------------------------------------------- build


def page_weight(outdir: Path, page: str) -> int:
    """Bytes of one page with every local file it loads (scripts, styles, images, fonts its CSS names)."""
    seen: set[Path] = set()

    def add(path: Path) -> int:
        path = path.resolve()
        if path in seen or not path.is_file():
            return 0
        seen.add(path)
        size = path.stat().st_size
        if path.suffix in {".html", ".css"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            refs = re.findall(r'(?:src|href)=["\']([^"\'#?]+)', text) if path.suffix == ".html" else []
            refs += re.findall(r"url\(['\"]?([^'\")#?]+)", text)
            for ref in refs:
                if ref.startswith(("http:", "https:", "data:", "mailto:", "//")) or ref.endswith(".html"):
                    continue
                size += add(path.parent / ref)
        return size

    return add(outdir / page)


def build(outdir: str | os.PathLike, *, root: str | os.PathLike | None = None, hub: str | None = None,
          quiet: bool = True) -> SiteReport:
    """Build the course website into ``outdir`` from the stored lessons; returns a :class:`SiteReport`.

    ``root`` is the course folder (the one holding ``lessons/`` and ``data/``; default: the current folder or
    the repository this package was installed from); ``hub`` overrides ``jupyterhub_url`` of ``lessons/site.toml``.
    """
    start = time.monotonic()
    root = _course_root(root)
    settings = load_settings(root, {"jupyterhub_url": hub})
    outdir = Path(outdir).resolve()
    lessons = [row for row in _lesson_rows(root) if (root / "lessons" / row[0]).is_file()]
    if not lessons:
        raise FileNotFoundError(f"{root}: no lessons found (the README's lesson table lists none that exist).")
    with tempfile.TemporaryDirectory(prefix="crossroads-site-") as tmp:
        src = Path(tmp)
        for nb_name, *_ in lessons:
            nb = json.loads((root / "lessons" / nb_name).read_text(encoding="utf-8"))
            (src / nb_name).write_text(json.dumps(prepare_notebook(nb, settings, nb_name), ensure_ascii=False),
                                       encoding="utf-8")
        extra = []
        for md in sorted((root / "lessons").glob("*.md")):
            text = _anchors_as_targets(_fix_links(md.read_text(encoding="utf-8"), settings))
            (src / md.name).write_text(text, encoding="utf-8")
            extra.append(md.stem)
        pages = {"teach.md": _teach(settings, lessons), "sources.md": _sources_page(root), "data.md": _data_page(root)}
        for name, text in pages.items():
            (src / name).write_text(text, encoding="utf-8")
        order = ["teach"] + [e for e in ("GLOSSARY", "INSTRUCTORS") if e in extra] + \
                [e for e in extra if e not in ("GLOSSARY", "INSTRUCTORS")] + ["sources", "data"]
        (src / "index.md").write_text(_home(root, settings, lessons, order), encoding="utf-8")
        if outdir.exists():
            shutil.rmtree(outdir)
        env = dict(os.environ, CROSSROADS_SITE=json.dumps(settings))
        command = [sys.executable, "-m", "sphinx", "-b", "html", "-c", str(SPHINX_DIR), "-E", "-W", "--keep-going",
                   str(src), str(outdir)] + (["-q"] if quiet else [])
        done = subprocess.run(command, env=env, capture_output=quiet, text=True)
        if done.returncode:
            raise RuntimeError(f"Sphinx could not build the site:\n{(done.stderr or '')[-4000:]}")
    _copy_vendor(outdir / "_static" / "vendor")
    _polish_pages(outdir)
    for leftover in (outdir / ".doctrees", outdir / ".buildinfo", outdir / "_sources", outdir / ".jupyter_cache",
                     *(outdir / "_static").glob("*webpack-macros.html")):
        if leftover.is_dir():
            shutil.rmtree(leftover)
        elif leftover.exists():
            leftover.unlink()
    report = SiteReport(outdir, time.monotonic() - start, [nb for nb, *_ in lessons])
    for nb_name in report.lessons:
        page = nb_name.removesuffix(".ipynb") + ".html"
        report.pages[page] = page_weight(outdir, page)
    return report


def _copy_vendor(target: Path) -> None:
    """Leaflet and jQuery from their xstatic packages, so maps work with no network."""
    import xstatic.pkg.jquery as jquery
    import xstatic.pkg.leaflet as leaflet

    shutil.copytree(leaflet.BASE_DIR, target / "leaflet", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("*.map", "*esm*", "leaflet-src.js"))
    (target / "jquery").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(jquery.BASE_DIR) / "jquery.min.js", target / "jquery" / "jquery.min.js")


_ICON_SCRIPT = re.compile(r'<script[^>]*src="[^"]*scripts/fontawesome\.js[^"]*"[^>]*></script>\s*')
_SEARCH_LABEL = re.compile(r'(<button class="[^"]*search-button-field[^"]*"[^>]*?) aria-label="Search"')


def _polish_pages(outdir: Path) -> None:
    """Two fixes to the theme's pages: drop its 1.5 MB icon script (its stylesheet already draws the same icons
    from web fonts), and let the search button's name be its visible text ("Search Ctrl+K"), as WCAG 2.5.3 asks."""
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        fixed = _SEARCH_LABEL.sub(r"\1", _ICON_SCRIPT.sub("", text))
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
    script = outdir / "_static" / "scripts" / "fontawesome.js"
    for leftover in (script, script.with_suffix(".js.map"), script.with_name("fontawesome.js.LICENSE.txt")):
        if leftover.exists():
            leftover.unlink()


def _course_root(root: str | os.PathLike | None) -> Path:
    if root is not None:
        return Path(root).resolve()
    for candidate in (Path.cwd(), Path(__file__).resolve().parents[3]):
        if (candidate / "lessons").is_dir() and (candidate / "README.md").is_file():
            return candidate
    raise FileNotFoundError("Run `crossroads site` in the course folder (the one holding lessons/ and data/), "
                            "or pass --root.")
