"""Sphinx configuration of the course website (used by ``crossroads site``; values come from ``site.toml``).

``crossroads.site.build`` passes the course's settings through ``confoverrides`` and the
``CROSSROADS_SITE`` environment variable (JSON), so this file holds only what never changes.
"""
import json
import os

_site = json.loads(os.environ.get("CROSSROADS_SITE", "{}"))

project = _site.get("title", "Crossroads: Kazakhstan between China and Russia")
author = "Crossroads contributors"
copyright = "Crossroads contributors; text and data CC BY 4.0, code MIT"
language = "en"

extensions = ["myst_nb"]
nb_execution_mode = "off"  # the site shows the stored, executed lessons: nothing is run
nb_merge_streams = True
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]  # no dollarmath: "US$ 24 bn" is money, not maths
suppress_warnings = ["myst.header", "mystnb.unknown_mime_type", "misc.highlighting_failure"]
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
master_doc = "index"

html_theme = "sphinx_book_theme"
html_title = _site.get("short_title", "Crossroads")
html_static_path = ["_static"]
html_css_files = ["crossroads-site.css"]
html_last_updated_fmt = None
html_context = {"default_mode": "light"}  # light by default; readers can switch
html_show_sourcelink = False
html_copy_source = False
html_theme_options = {
    "repository_url": _site.get("repository_url", ""),
    "repository_branch": _site.get("branch", "main"),
    "path_to_docs": "lessons",
    "use_repository_button": bool(_site.get("repository_url")),
    "use_download_button": False,  # the site's copies are made for the site; get notebooks from the repository
    "launch_buttons": {
        "binderhub_url": _site.get("binderhub_url", "https://mybinder.org"),
        "jupyterhub_url": _site.get("jupyterhub_url", ""),
        "notebook_interface": "jupyterlab",
    },
    "show_toc_level": 2,
    "navigation_with_keys": False,
}
