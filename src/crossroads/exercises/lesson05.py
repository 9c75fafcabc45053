"""Exercises for lesson 05, the capstone brief, and the practice brief the lesson checks.

The capstone's real work is the learner's own brief (``crossroads.brief``); these questions make sure
they can read a chart, read the form feedback and choose a source that disagrees, before they start.

>>> from crossroads.exercises import lesson05 as ex
>>> ex.q3.check("The counter-argument cites only the source its claim already cites").correct
True
"""
from __future__ import annotations

from crossroads.exercises.core import Choice, Lesson, Numeric

GAS_CAPACITY_IDS = ["ca_china_gas_abc_capacity", "line_d_capacity", "power_of_siberia_1_capacity"]
"""figures.csv ids of the gas pipeline capacities the worked example draws (bcm a year)."""


def _figure(figure_id: str) -> float:
    from crossroads import data

    return data.figure(figure_id)


def _lead_over_power_of_siberia() -> float:
    return _figure("ca_china_gas_abc_capacity") - _figure("power_of_siberia_1_capacity")


def practice_brief():
    """A small brief with exactly one fault of form, for q3: its counter-argument cites only its claim's source.

    >>> practice_brief().check().passed
    False
    """
    from crossroads import charts, data, maps
    from crossroads.brief import Brief

    figures = data.load("figures").set_index("id")
    brief = Brief("Did Kazakhstan's trade with China grow after 2022?", author="A practice brief")
    count_2022 = figures.at["trade_china_kaz_2022_ref_chn_count", "value"]
    count_2023 = figures.at["trade_china_kaz_2023_ref", "value"]
    brief.add_claim("China's customs put China-Kazakhstan trade at USD 31.2 bn in 2022.", evidence=count_2022,
                    sources=["ref-nca-trade-2022"])
    brief.add_claim("Trade between the two reached a record USD 41 bn in 2023.", evidence=count_2023,
                    sources=["ref-interfax-trade-2023"])
    brief.add_claim("From 2022 to 2023 the trade grew by about a third.",
                    evidence=round(100 * (count_2023 / count_2022 - 1), 1),
                    sources=["ref-nca-trade-2022", "ref-interfax-trade-2023"])
    trade_map = maps.region_map("Kazakhstan and China", tiles=False, height=300)
    maps.shade_countries(trade_map, ["KAZ", "CHN"], label="the two partners")
    brief.attach(trade_map)
    brief.attach(charts.trade_shares(partners=["CHN"], start=2010))
    brief.counter_argument("The 2023 figure counts a different way from the 2022 one, so the growth may be "
                           "smaller than it looks.", sources=["ref-interfax-trade-2023"], answers=[3])
    brief.recommendation("Compare the two years only with figures from the same customs office before "
                         "drawing a conclusion about growth.")
    brief.limits("The course has China's count for 2022 and a total for 2023 whose counting office "
                 "the source does not name.")
    return brief


q1 = Numeric(
    "q1",
    "Read the worked example's capacity chart (or `capacities`): by how many bcm a year do the three built lines "
    "of the Central Asia-China gas pipeline together exceed Power of Siberia 1 at full capacity?",
    _lead_over_power_of_siberia,
    unit="bcm",
    tolerance=0.5,
    title="Read the capacity chart",
    traps={85 - 38: "That adds Line D, which is only proposed; the question asks about the built lines."},
    hints=[
        "The chart writes each bar's value at its end; its text description (`charts.describe(...)`) lists them too.",
        "Take the bar of Lines A, B and C and the bar of Power of Siberia 1.",
        "Subtract: `capacities.at[\"ca_china_gas_abc_capacity\", \"bcm_per_year\"] - "
        "capacities.at[\"power_of_siberia_1_capacity\", \"bcm_per_year\"]`.",
    ],
    solution='answer_q1 = (capacities.at["ca_china_gas_abc_capacity", "bcm_per_year"]\n'
             '             - capacities.at["power_of_siberia_1_capacity", "bcm_per_year"])',
    explanation="Lines A, B and C carry up to 55 bcm a year together (ref-ngw-gas-lines-2018); Power of Siberia 1 "
                "is to carry 38 bcm a year at full capacity (ref-moscowtimes-ps1-2019). The difference is "
                "17 bcm a year. These are design capacities, not the gas that flowed.",
    why="A chart is evidence only when you can read a number off it and say where the number comes from.",
)

q2 = Choice(
    "q2",
    "Claim 1 of the worked example says the gas lines to China avoid Russia. Which source in the course "
    "could give the strongest counter-argument to it? Look at the events and figures tagged `gas` or `energy`.",
    "src-004, on the gas Kazakhstan and Uzbekistan agreed to buy from Russia",
    options=[
        "ref-ngw-gas-lines-2018, on the capacity of the lines",
        "ref-moscowtimes-ps1-2019, on Power of Siberia 1",
        "ref-cgtn-line-d-2023, on the call to speed up Line D",
        "src-004, on the gas Kazakhstan and Uzbekistan agreed to buy from Russia",
    ],
    notes={
        "ref-ngw-gas-lines-2018, on the capacity of the lines": "Claim 1 already cites this source: it cannot "
                                                                  "disagree with itself.",
        "ref-moscowtimes-ps1-2019, on Power of Siberia 1": "Russia's own line to China competes with the "
                                                           "Central Asian ones, but it does not touch the "
                                                           "region's dependence on Russia.",
        "ref-cgtn-line-d-2023, on the call to speed up Line D": "This supports the eastern route rather than "
                                                                "questioning it.",
    },
    title="Choose a source that disagrees",
    hints=[
        "A counter-argument needs a source that points the other way, not one that adds detail.",
        "Filter the events: `events[events[\"category\"].isin([\"energy\", \"society\"])]` and read the ones "
        "from 2022 and 2023.",
    ],
    solution='answer_q2 = "src-004, on the gas Kazakhstan and Uzbekistan agreed to buy from Russia"',
    explanation="Wishnick (src-004) reports gas shortages and protests in Kazakhstan and Uzbekistan in 2023, and "
                "gas deals with Russia to cover them: pipes to China avoid Russian territory, but the region "
                "still leans on Russian gas at home. The other three sources describe the lines themselves.",
    why="A brief is stronger when it meets the best case against it, from a source that really disagrees.",
)

q3 = Choice(
    "q3",
    "Run `practice.check()` on the practice brief. Which single problem of form does it report?",
    "The counter-argument cites only the source its claim already cites",
    options=[
        "A claim cites no source",
        "A claim cites a source id that does not exist",
        "The counter-argument cites only the source its claim already cites",
        "No map is attached",
        "There are too few claims",
    ],
    notes={
        "A claim cites no source": "Every claim of the practice brief cites at least one id: look for a line "
                                   "marked 'to fix'.",
        "A claim cites a source id that does not exist": "All its ids are in data.sources(); look again at the "
                                                         "line marked 'to fix'.",
        "No map is attached": "A map of Kazakhstan and China is attached; the check says so.",
        "There are too few claims": "It has three claims, the fewest a brief may have.",
    },
    title="Read the form check",
    hints=[
        "Run `practice.check()` and look for the line marked '✗ to fix'.",
        "The line names a part of the brief and a source id.",
    ],
    solution='answer_q3 = "The counter-argument cites only the source its claim already cites"',
    explanation="The counter-argument answers claim 3 but cites ref-interfax-trade-2023, which claim 3 already "
                "cites. A counter-argument needs a source that disagrees, so a different one. check() reports "
                "form only: it says nothing on whether the trade really grew.",
    why="The form check is the same one your own brief gets; reading it quickly saves time.",
)

lesson = Lesson("05", "Capstone: a sourced brief", [q1, q2, q3])
progress = lesson.progress
