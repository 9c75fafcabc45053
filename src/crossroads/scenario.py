"""Lesson 03's oil-export scenario: how much of Kazakhstan's oil would still cross Russia?

A deliberately small model with every number labelled:

1. before any change, ``SHARE_VIA_RUSSIA_PCT`` (80 %, src-003) of the exports cross Russia;
2. the Middle Corridor volume is taken from the Russian routes, but it crosses the Caspian in
   tanker loads of ``TANKER_T`` (8,000 t, src-003), so what moves is the smaller of the corridor
   volume and *trips x 8,000 t*;
3. a shift to the pipeline to China is also taken from the Russian routes;
4. the total of the exports is an ASSUMPTION: no course source gives it.

>>> from crossroads import scenario
>>> scenario.share_via_russia(50, corridor_mt=6, tanker_trips=750, china_shift_mt=4)
60.0
>>> scenario.trips_needed(1.5)
188
>>> w = scenario.oil_scenario()
>>> w
<OilScenario: 77.5 % via Russia of an assumed 60 Mt; corridor 1.5 Mt (188 trips), China +0.0 Mt>
"""
from __future__ import annotations

import html
import math
import numbers
from typing import Any

import ipywidgets as W
import pandas as pd

from crossroads import data

__all__ = ["share_via_russia", "carried_mt", "trips_needed", "oil_scenario", "OilScenario",
           "SHARE_VIA_RUSSIA_PCT", "TANKER_T"]


SHARE_VIA_RUSSIA_PCT: float = data.figure("share_oil_exports_via_russia_src003")
"""Share of Kazakhstan's oil exports that cross Russia before any change, in percent (src-003)."""
TANKER_T: float = data.figure("tanker_capacity_src003")
"""Tonnes one of Kazakhstan's new Caspian tankers carries (src-003)."""


def _number(name: str, value: Any, *, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or math.isnan(value) or math.isinf(value):
        raise ValueError(f"{name} must be a number, such as 6 or 1.5; received {value!r}.")
    if value < 0 or (positive and value == 0):
        raise ValueError(f"{name} must be {'more than' if positive else 'at least'} 0; received {value}.")
    return float(value)


def trips_needed(corridor_mt: float) -> int:
    """Tanker loads of 8,000 t needed to carry ``corridor_mt`` million tonnes (a part load is a trip).

    >>> trips_needed(6)
    750
    """
    return math.ceil(_number("corridor_mt", corridor_mt) * 1e6 / TANKER_T - 1e-9)


def carried_mt(corridor_mt: float, tanker_trips: int) -> float:
    """Million tonnes that actually cross the Caspian: the corridor volume, unless the tankers are too few.

    >>> carried_mt(6, 188)
    1.504
    """
    corridor = _number("corridor_mt", corridor_mt)
    trips = _number("tanker_trips", tanker_trips)
    return min(corridor, trips * TANKER_T / 1e6)


def share_via_russia(assumed_total_exports_mt: float, corridor_mt: float = 0, tanker_trips: int = 0,
                     china_shift_mt: float = 0) -> float:
    """Percent of the exports still crossing Russia, rounded to 0.1; every shift comes out of the Russian routes.

    ``assumed_total_exports_mt`` is an assumption (no course source gives it); the result never
    goes below 0 %.

    >>> share_via_russia(60)            # no change: src-003's 80 %, whatever total you assume
    80.0
    >>> share_via_russia(50, 6, 188, 4)  # too few tanker trips: only 1.5 Mt crosses the Caspian
    69.0
    """
    total = _number("assumed_total_exports_mt", assumed_total_exports_mt, positive=True)
    china = _number("china_shift_mt", china_shift_mt)
    via_russia = max(total * SHARE_VIA_RUSSIA_PCT / 100 - carried_mt(corridor_mt, tanker_trips) - china, 0.0)
    return round(100 * via_russia / total, 1)


def _scenario_table(total: float, corridor: float, trips: int, china: float) -> pd.DataFrame:
    caspian = carried_mt(corridor, trips)
    before = total * SHARE_VIA_RUSSIA_PCT / 100
    via_russia = max(before - caspian - china, 0.0)
    china = min(china, before - caspian) if before > caspian else 0.0
    rows = [("Crosses Russia (CPC, Atyrau-Samara)", via_russia), ("Across the Caspian (Middle Corridor)", caspian),
            ("Shifted to the pipeline to China", china), (f"Other routes (the {100 - SHARE_VIA_RUSSIA_PCT:.0f} % not via Russia before)", total - before)]
    table = pd.DataFrame(rows, columns=["route", "mt_per_year"])
    table["mt_per_year"] = table["mt_per_year"].round(2)
    table["percent"] = (100 * table["mt_per_year"] / total).round(1)
    return table


class OilScenario(W.VBox):
    """Four labelled number boxes and a text result (a live region, so screen readers hear each change).

    Controls: ``total`` (the ASSUMED total exports, Mt a year), ``corridor`` (Middle Corridor oil,
    Mt a year, src-000), ``trips`` (Caspian tanker trips a year, 8,000 t each, src-003) and ``china``
    (shift to the pipeline to China, Mt a year, up to src-003's 6.5). ``share()`` gives the result,
    ``table()`` the tonnes by route, ``summary()`` one sentence.
    """

    def __init__(self, total: float = 60, corridor: float = 1.5, trips: int = 188, china: float = 0) -> None:
        wide = dict(style={"description_width": "330px"}, layout=W.Layout(width="min(760px, 100%)"))
        # Number boxes, not sliders: ipywidgets' slider handle has no name a screen reader can read
        # (axe-core: aria-input-field-name); a labelled box steps with the arrow keys and takes typing.
        self.total = W.BoundedFloatText(value=total, min=20, max=120, step=5, continuous_update=True,
                                        description="assumed_total_exports_mt (ASSUMPTION)", **wide)
        self.corridor = W.BoundedFloatText(value=corridor, min=0, max=6, step=0.5, continuous_update=True,
                                           description="Middle Corridor oil, Mt a year (src-000)", **wide)
        self.trips = W.BoundedIntText(value=trips, min=0, max=1000, step=2, continuous_update=True,
                                      description="Caspian tanker trips a year, 8,000 t each (src-003)", **wide)
        self.china = W.BoundedFloatText(value=china, min=0, max=6.5, step=0.5, continuous_update=True,
                                        description="Shift to the pipeline to China, Mt a year", **wide)
        self.view = W.HTML()
        note = W.HTML("<p><b>assumed_total_exports_mt is an assumption: no course source gives it.</b> "
                      "The default of 60 is a placeholder, not a figure from any source.</p>")
        super().__init__([note, self.total, self.corridor, self.trips, self.china, self.view])
        for box in (self.total, self.corridor, self.trips, self.china):
            box.observe(self._update, names="value")
        self._update()

    def share(self) -> float:
        """Percent of the exports still crossing Russia with the boxes as they are."""
        return share_via_russia(self.total.value, self.corridor.value, self.trips.value, self.china.value)

    def table(self) -> pd.DataFrame:
        """Million tonnes a year by route, and their percent of the assumed total."""
        return _scenario_table(self.total.value, self.corridor.value, self.trips.value, self.china.value)

    def summary(self) -> str:
        """The result in one sentence."""
        return (f"{self.share():.1f} % of an assumed {self.total.value:.0f} Mt a year still crosses Russia; "
                f"before any change: {SHARE_VIA_RUSSIA_PCT:.0f} % (src-003).")

    def _update(self, change: Any = None) -> None:
        share = self.share()
        carried = carried_mt(self.corridor.value, self.trips.value)
        limit = ("<b>The tankers are the bottleneck:</b> the corridor volume needs "
                 f"{trips_needed(self.corridor.value)} trips. " if carried < self.corridor.value - 1e-9 else "")
        bar = (f"<div aria-hidden='true' style='width:min(600px,100%);height:22px;background:#e0e0e0;"
               f"border:1px solid #555'><div style='width:{share:.1f}%;height:22px;background:#444;"
               f"background-image:repeating-linear-gradient(45deg,#444 0 6px,#888 6px 12px)'></div></div>")
        self.view.value = (
            f"<div role='status' aria-live='polite'><p><b>{html.escape(self.summary())}</b></p>{bar}"
            f"<p>Across the Caspian: {carried:.2f} Mt a year. {limit}With the two tankers of src-003 "
            f"that is {self.trips.value / 2:.0f} crossings each a year.</p></div>")

    def __repr__(self) -> str:
        return (f"<OilScenario: {self.share():.1f} % via Russia of an assumed {self.total.value:.0f} Mt; "
                f"corridor {self.corridor.value:.1f} Mt ({self.trips.value} trips), China +{self.china.value:.1f} Mt>")


def oil_scenario(total: float = 60, corridor: float = 1.5, trips: int = 188, china: float = 0) -> OilScenario:
    """Lesson 03's scenario widget in one call; the arguments are the boxes' starting values.

    >>> oil_scenario(corridor=6, trips=750).share()
    70.0
    """
    return OilScenario(total, corridor, trips, china)
