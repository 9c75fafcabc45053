"""One visual language for every map and chart of the course.

The same actor or category gets the same colour, line style and marker everywhere, so a learner who
has seen "China" in vermillion on a chart finds it in vermillion on a map. Colours come from the
Okabe-Ito palette (Kazakhstan's orange darkened to reach 3:1 against white, WCAG's bar for graphics),
which stays distinct for the common forms of colour blindness; every entry also has a line style and a
marker, so colour is never the only cue.

Example:
    >>> from crossroads import style
    >>> style.ACTORS["CHN"].colour
    '#D55E00'
    >>> style.ROUTE_CATEGORIES["gas"].dash
    '8 6'
"""
from __future__ import annotations

from typing import NamedTuple


class Look(NamedTuple):
    """How one actor or category is drawn: colour, matplotlib line style, Leaflet dash, marker, name."""

    colour: str
    linestyle: str  # matplotlib: "-", "--", "-.", ":"
    dash: str | None  # Leaflet/SVG dash array; None for a solid line
    marker: str  # matplotlib marker
    name: str


# Okabe & Ito (2008), "Color Universal Design": colour-blind-safe qualitative palette.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

ACTORS: dict[str, Look] = {
    "KAZ": Look("#A67C00", "-", None, "D", "Kazakhstan"),
    "CHN": Look("#D55E00", "-", None, "o", "China"),
    "RUS": Look("#0072B2", "--", "8 6", "s", "Russia"),
    "EU": Look("#009E73", "-.", "10 4 2 4", "^", "European Union"),
    "OTHER": Look("#666666", ":", "2 4", "x", "Other"),
}
"""Actors by code: Kazakhstan, China, Russia, the EU and everyone else."""

ROUTE_CATEGORIES: dict[str, Look] = {
    "ancient": Look("#8C510A", "-", None, "o", "ancient trade route"),
    "oil": Look("#000000", "-", None, "s", "oil pipeline"),
    "gas": Look("#0072B2", "--", "8 6", "^", "gas pipeline"),
    "rail": Look("#D55E00", "-.", "10 4 2 4", "D", "rail corridor"),
    "sea": Look("#009E73", ":", "2 5", "v", "sea route"),
    "road": Look("#B3589A", "--", "4 4", "P", "road corridor"),
}
"""Route categories of routes.csv."""

TEXT = "#1f1f1f"
"""Body text: 16:1 on white."""
MUTED_TEXT = "#595959"
"""Secondary text (source lines, notes): 7:1 on white, above WCAG AA's 4.5:1."""
GOOD = "#1a6e2e"
"""Text for a correct answer: 6.4:1 on white; always paired with a word and a symbol."""
BAD = "#a4161a"
"""Text for a wrong answer: 7.4:1 on white; always paired with a word and a symbol."""


def actor(code: str) -> Look:
    """The look of an actor by code (``"CHN"``, ``"RUS"``, ``"EU"``, ``"KAZ"``); anyone else is ``"OTHER"``.

    Example:
        >>> actor("RUS").name
        'Russia'
    """
    return ACTORS.get(str(code).upper(), ACTORS["OTHER"])


def contrast_ratio(foreground: str, background: str = "#ffffff") -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21).

    Example:
        >>> round(contrast_ratio("#000000"), 1)
        21.0
    """
    def luminance(colour: str) -> float:
        channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)
