"""Exercises for lesson 03, Energy routes: pipelines, the Caspian and the Middle Corridor.

>>> from crossroads.exercises import lesson03 as ex
>>> ex.q1.check(188).correct
True
"""
from __future__ import annotations

from crossroads.exercises.core import Choice, Lesson, Numeric, SetAnswer, SourceCritique, TableAnswer

MAP_ROUTES: list[str] = [
    "cpc_pipeline", "kz_china_oil_pipeline",
    "ca_china_gas_line_a", "ca_china_gas_line_b", "ca_china_gas_line_c", "ca_china_gas_line_d",
    "power_of_siberia_2", "kz_russia_china_gas_plan",
    "middle_corridor", "middle_corridor_caspian_crossing",
]
"""routes.csv ids drawn on the lesson's map of energy routes (Map 2), used by q6 and q8."""

ENERGY_FIGURES: list[str] = [
    "share_oil_exports_via_russia_src003", "oil_middle_corridor_2023_src000", "oil_middle_corridor_longrun_src000",
    "oil_supply_to_china_src003", "shymkent_refinery_src003", "kashagan_gas_plant_src003", "tankers_acquired_src003",
]
"""figures.csv ids shown in the lesson's table of energy figures (q4)."""

ASSUMED_BARRELS_PER_TONNE: float = 7.3
"""ASSUMPTION, not from the course sources: a common rule of thumb for typical crude oil (a light crude
gives more barrels per tonne, a heavy one fewer). Used in q3; the learner may change it."""


def _figure(figure_id: str) -> float:
    from crossroads import data

    return float(data.load("figures").set_index("id").at[figure_id, "value"])


def _tanker_loads() -> int:
    import math

    return math.ceil(_figure("oil_middle_corridor_2023_src000") * 1e6 / _figure("tanker_capacity_src003"))


def _avoid_russia() -> set[str]:
    from crossroads import data

    routes = data.load("routes").set_index("id")
    return {rid for rid in MAP_ROUTES if "RUS" not in data.split_list(routes.at[rid, "countries"])}


def _barrels_per_day() -> float:
    return _figure("oil_supply_to_china_src003") * 1e6 * ASSUMED_BARRELS_PER_TONNE / 365


def _not_yet_happened() -> set[str]:
    from crossroads import data

    figures = data.load("figures").set_index("id").loc[ENERGY_FIGURES]
    return set(figures.index[figures["kind"] != "actual"])


def _scenario_share() -> float:
    total, corridor, china = 50.0, 6.0, 4.0
    via_russia = total * _figure("share_oil_exports_via_russia_src003") / 100 - corridor - china
    return via_russia / total * 100


def _routes_per_country():
    from crossroads import data

    routes = data.load("routes")
    mine = routes[routes["id"].isin(MAP_ROUTES)].copy()
    mine["country"] = mine["countries"].map(data.split_list)
    return mine.explode("country").groupby("country").size().rename("routes").reset_index()


def _loads_for_claim() -> float:
    return _figure("gas_exports_kaz_china_jan_nov_2021_src001") / _figure("tanker_capacity_src003")


q1 = Numeric(
    "q1",
    "src-000 says 1.5 million tonnes of oil are to move along the Middle Corridor from January 2023; src-003 says "
    "each of Kazakhstan's new Caspian tankers carries 8,000 tonnes. How many full or part tanker loads does it take "
    "to carry the 1.5 million tonnes? Give a whole number of loads.",
    _tanker_loads,
    unit="loads",
    tolerance=0.5,
    title="Tanker loads for 1.5 Mt",
    hints=[
        "Put both amounts in the same unit first: 1.5 million tonnes is 1,500,000 tonnes.",
        "Divide the cargo by the size of one load. A part load still needs a trip, so round up.",
        "1,500,000 / 8,000 is a little over 187.",
    ],
    solution="""import math
answer_q1 = math.ceil(1.5e6 / 8000)""",
    explanation="1,500,000 t / 8,000 t = 187.5, so 188 loads: 187 full ones and one half load (src-000 for the "
                "1.5 Mt, src-003 for the 8,000-t tankers). With the two tankers src-003 reports, each would have "
                "to make about 94 crossings.",
    why="Small ships mean many trips: turning a headline tonnage into loads shows how much shipping a "
        "diversion plan really needs.",
)

q2 = Choice(
    "q2",
    "src-000 says the 1.5 Mt of oil will be shipped through the Middle Corridor 'to China'. Read Map 1: from "
    "Kazakhstan's oil region on the Caspian, in which direction does the Middle Corridor lead?",
    "West, across the Caspian to Azerbaijan, Georgia and Turkey",
    options=[
        "West, across the Caspian to Azerbaijan, Georgia and Turkey",
        "East, to the Chinese border",
        "North, through Russia to the Black Sea",
        "South, through Turkmenistan to Iran",
    ],
    notes={
        "East, to the Chinese border": "The corridor does start at the Chinese border, but oil loaded at Aktau "
                                       "goes the other way: follow the line from Aktau.",
        "North, through Russia to the Black Sea": "That describes the CPC pipeline, the route the corridor is "
                                                  "meant to bypass.",
        "South, through Turkmenistan to Iran": "No route on Map 1 goes to Iran.",
    },
    title="Middle Corridor oil: to China?",
    hints=[
        "Find Aktau on Map 1, on the Caspian coast, and follow the Middle Corridor line from there.",
        "Which port is on the other side of the Caspian crossing, and which countries does the line cross after it?",
    ],
    solution='answer_q2 = "West, across the Caspian to Azerbaijan, Georgia and Turkey"',
    explanation="The Middle Corridor crosses the Caspian from Aktau to Baku and goes on through Georgia to Turkey "
                "(routes.csv; src-002 calls it the segment 'from Turkey and the South Caucasus across the Caspian "
                "Sea into Kazakhstan'). Oil for China goes east by the Kazakhstan-China pipeline (src-003). "
                "src-000's 'to China' is probably a slip; the destination of the westbound oil is not given in "
                "the seeds.",
    why="A map can test a sentence: when a route and a destination do not fit together, one of them is wrong.",
)

q3 = Numeric(
    "q3",
    "src-003 says Kazakhstan could raise oil supplies to China to 6.5 million tonnes a year. Oil markets often "
    "count in barrels per day. Using the lesson's ASSUMPTION of 7.3 barrels per tonne (`ex.ASSUMED_BARRELS_PER_TONNE`), "
    "how many barrels per day is that? Use 365 days.",
    _barrels_per_day,
    unit="barrels per day",
    tolerance=1000,
    title="Tonnes a year to barrels a day",
    hints=[
        "Two conversions: tonnes to barrels (multiply by barrels per tonne), then per year to per day.",
        "6,500,000 t x 7.3 barrels/t gives barrels per year; divide by 365.",
        "The answer is a little over a hundred thousand.",
    ],
    solution="answer_q3 = 6.5e6 * ex.ASSUMED_BARRELS_PER_TONNE / 365",
    explanation="6,500,000 x 7.3 / 365 = 130,000 barrels a day (6.5 Mt a year from src-003). The factor 7.3 is an "
                "assumption, not from the course sources: a light crude gives more barrels per tonne, a heavy one "
                "fewer, so quote the result as 'about 130,000'.",
    why="Tonnes a year and barrels a day describe the same oil; comparing figures from different sources "
        "means converting them first, and saying which factor you used.",
)

q4 = SetAnswer(
    "q4",
    "Look at the table `energy` (its column `kind`). Which of these figures describe something that had NOT yet "
    "happened when the article was written (a plan, target or projection)? Give their ids.",
    _not_yet_happened,
    options=ENERGY_FIGURES,
    title="Happened, or only planned?",
    hints=[
        "Read each claim and the `kind` column: 'actual' means the article reports it as done or measured.",
        "Watch the verbs: 'will be shipped', 'could raise', 'aims to'.",
        "Two of the seven are actual; select the rest with `energy.index[energy[\"kind\"] != \"actual\"]`.",
    ],
    solution="""from crossroads import data
energy = data.load("figures").set_index("id").loc[ex.ENERGY_FIGURES]
answer_q4 = set(energy.index[energy["kind"] != "actual"])""",
    explanation="Only the 80 % share of oil exports through Russia (src-003) and the two tankers already acquired "
                "(src-003) are reported as fact. The 1.5 Mt and 6 Mt of the Middle Corridor (src-000), the "
                "6.5 Mt a year to China, the 12 Mt Shymkent refinery and the 4 bcm Kashagan gas plant (src-003) "
                "are plans, targets or capacities still to be reached.",
    why="Energy news is full of capacities and targets; a capacity is what a pipe or plant could carry, not "
        "what it does carry.",
)

q5 = Numeric(
    "q5",
    "Use the scenario model: suppose (an assumption) Kazakhstan exports 50 Mt of oil a year, 80 % of it through "
    "Russia (src-003). Then 6 Mt a year moves to the Middle Corridor (with enough tanker trips) and 4 Mt a year "
    "moves to the pipeline to China, all taken from the Russian routes. What share of the exports still crosses "
    "Russia? Answer in percent.",
    _scenario_share,
    unit="%",
    tolerance=0.1,
    title="A scenario by hand",
    hints=[
        "First the tonnes through Russia before the change: 80 % of 50 Mt.",
        "Subtract what moves to the other routes, then divide by the total (which stays 50 Mt).",
        "(40 - 6 - 4) / 50, times 100.",
    ],
    solution="answer_q5 = (0.80 * 50 - 6 - 4) / 50 * 100",
    explanation="0.8 x 50 = 40 Mt through Russia; 40 - 6 - 4 = 30 Mt; 30 / 50 = 60 %. The 80 % is src-003's, the "
                "6 Mt is src-000's long-run Middle Corridor figure; the 50 Mt total and the 4 Mt shift are "
                "assumptions, as no course source gives them. Even with both new outlets working, most oil would "
                "still cross Russia.",
    why="A share needs a total: without one, 'up to 6 Mt' cannot be turned into 'less dependence', so state "
        "the total you assume.",
)

q6 = SetAnswer(
    "q6",
    "Of the ten routes in `ex.MAP_ROUTES` (Map 2), which avoid Russian territory entirely? Give their route ids.",
    _avoid_russia,
    options=MAP_ROUTES,
    title="Which routes avoid Russia?",
    hints=[
        "Use the route explorer, or the `countries` column of `data.load(\"routes\")`: it lists the ISO3 codes "
        "each route crosses.",
        "A route avoids Russia when \"RUS\" is not in its list of countries.",
        "Three of the ten routes cross Russia; the proposed ones count too.",
    ],
    solution="""from crossroads import data
routes = data.load("routes").set_index("id").loc[ex.MAP_ROUTES]
answer_q6 = {rid for rid, countries in routes["countries"].items() if "RUS" not in data.split_list(countries)}""",
    explanation="The CPC pipeline (KAZ, RUS; src-000), Power of Siberia 2 (RUS, MNG, CHN; src-004) and the "
                "Russia-Kazakhstan-China gas idea (src-004) cross Russia. The other seven avoid it: the "
                "Kazakhstan-China oil pipeline (src-003), gas Lines A-C (src-001) and the proposed Line D (src-004), "
                "and the Middle Corridor with its Caspian crossing (src-002). Countries crossed come from "
                "routes.csv; the lines are schematic.",
    why="Routes that avoid Russia are Kazakhstan's answer to Moscow's leverage; the ones that cross it show "
        "that Russia also wants a share of the China trade.",
)

q7 = Choice(
    "q7",
    "According to src-004, which proposed gas pipeline to China does Xi Jinping prefer?",
    "Line D from Turkmenistan",
    options=[
        "Line D from Turkmenistan",
        "Power of Siberia 2 through Mongolia",
        "A Russian pipeline across northern Kazakhstan",
        "The CPC pipeline, converted to carry gas",
    ],
    notes={
        "Power of Siberia 2 through Mongolia": "src-004 says this is Putin's project; Xi is described as lukewarm "
                                               "about it.",
        "A Russian pipeline across northern Kazakhstan": "src-004 calls this Putin's plan B, a reply to Xi's "
                                                         "lukewarm attitude.",
        "The CPC pipeline, converted to carry gas": "The CPC line carries oil; no source speaks of converting it.",
    },
    title="Whose gas pipeline?",
    hints=[
        "Read the paragraph of src-004 on 'an additional gas pipeline'.",
        "China, src-004 says, wants to diversify its suppliers and reduce supply risks.",
    ],
    solution='answer_q7 = "Line D from Turkmenistan"',
    explanation="src-004 says Putin backs Power of Siberia 2 through Mongolia, while Xi is keener on a fourth line "
                "from Turkmenistan, Line D, which would support Central Asia's economic integration with China. "
                "Russia's answer is a plan B across northern Kazakhstan and a proposed gas union with Kazakhstan "
                "and Uzbekistan (src-004).",
    why="Pipelines last decades: the choice of route decides who depends on whom, which is why Moscow and "
        "Beijing, partners elsewhere, compete here.",
)

q8 = TableAnswer(
    "q8",
    "For the ten routes in `ex.MAP_ROUTES`, build a DataFrame with the columns `country` (ISO3 code) and `routes` "
    "(how many of the ten routes cross that country).",
    _routes_per_country,
    columns=["country", "routes"],
    title="Routes per transit country",
    hints=[
        "Start from `data.load(\"routes\")` and keep the rows whose id is in `ex.MAP_ROUTES`.",
        "Turn the `countries` text into lists with `data.split_list`, then `.explode()` them into one row per "
        "route and country.",
        "`.groupby(\"country\").size()` counts the rows; `.rename(\"routes\").reset_index()` makes the table.",
    ],
    solution="""from crossroads import data
routes = data.load("routes")
mine = routes[routes["id"].isin(ex.MAP_ROUTES)].copy()
mine["country"] = mine["countries"].map(data.split_list)
answer_q8 = mine.explode("country").groupby("country").size().rename("routes").reset_index()""",
    explanation="Kazakhstan is crossed by eight of the ten routes, China by seven, Russia by three "
                "(routes.csv, drawn from src-000 to src-004). Turkmenistan and Uzbekistan carry the four "
                "Central Asia-China gas lines (src-001, src-004).",
    why="Counting routes per country shows who sits on whose energy flows: transit is leverage, for Russia and "
        "for Kazakhstan alike.",
)

q9 = Numeric(
    "q9",
    "How many 8,000-tonne tanker loads (src-003) would src-001's 'four trillion tons' of gas fill? Give the number "
    "of loads (write it with `e`, e.g. 3e6 for three million).",
    _loads_for_claim,
    unit="loads",
    rel_tolerance=0.01,
    title="The impossible figure in tanker loads",
    hints=[
        "Four trillion is 4e12 (a 4 followed by twelve zeros).",
        "Divide 4e12 tonnes by 8000 tonnes per load.",
    ],
    solution="answer_q9 = 4e12 / 8000",
    explanation="4e12 / 8,000 = 5e8: five hundred million loads in eleven months (src-001's figure, src-003's "
                "tankers), more than a million loads a day. For comparison the 1.5 Mt of the Middle Corridor "
                "(src-000) is 188 loads.",
    why="Scale comparisons are the quickest plausibility test; they need no outside facts, only arithmetic.",
)

q10 = SourceCritique(
    "q10",
    "One of these figures from the seeds cannot be right. Which one, and what is the most likely explanation?",
    ("B", "2"),
    figures={
        "A": "Kazakhstan could raise oil supplies to China to 6.5 million tons a year (src-003).",
        "B": "From January to November 2021 China imported four trillion tons of natural gas from Kazakhstan "
             "(src-001).",
        "C": "A new gas plant at Kashagan is planned to process 4 billion cubic meters a year (src-003).",
        "D": "Two new Caspian tankers each carry 8,000 tons (src-003).",
    },
    reasons={
        "1": "It is a plan, not something that happened, so it cannot be checked.",
        "2": "Gas is normally counted by volume (cubic metres), not by weight; the writer probably mixed up the "
             "unit, and perhaps the size word too.",
        "3": "It covers only eleven months, so it is too small to compare with a full year.",
        "4": "It should be oil, not gas: gas is not traded between these countries.",
    },
    notes={
        "A": "6.5 Mt a year is a plan, but a plausible one: it is about 800 loads of the 8,000-t tankers.",
        "C": "Billions of cubic metres (bcm) is the usual unit for gas; a plant of this size is plausible.",
        "D": "Small tankers, but nothing impossible about a ship of 8,000 t.",
    },
    title="Four trillion tons of gas?",
    hints=[
        "Compare each figure with something you can picture, such as the number of tanker loads it would fill.",
        "Four trillion is 4,000,000,000,000. Divide by the 8,000-t tanker size, or by the number of people in China.",
        "Look at the unit src-003 uses for the Kashagan gas plant.",
    ],
    solution='answer_q10 = ("B", "2")',
    explanation="Four trillion tonnes would fill 500 million of src-003's 8,000-t tankers, and would be about 2,800 "
                "tonnes of gas for every person in China in eleven months (China's population from data-wb-wdi). "
                "src-003 measures gas in cubic metres ('4 billion cubic meters' at Kashagan), as the trade "
                "normally does. The writer of src-001 probably meant a volume in cubic metres, and perhaps "
                "'billion' rather than 'trillion'; the seeds give no corrected figure, so this is a likely "
                "reading, not a fact.",
    why="A figure can be checked without outside knowledge: convert it into something countable, and an "
        "impossible number shows itself.",
)

lesson = Lesson("03", "Energy routes: pipelines, the Caspian and the Middle Corridor",
                [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10])
progress = lesson.progress
