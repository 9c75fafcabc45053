"""Exercises for lesson 03, Energy routes: pipelines, the Caspian and the Middle Corridor.

Questions are numbered in the order a learner meets them in the notebook.

>>> from crossroads.exercises import lesson03 as ex
>>> ex.q1.check(188).correct
True
>>> ex.q1.check(187.5).correct
False
"""
from __future__ import annotations

from crossroads.exercises.core import Choice, Lesson, Numeric, SetAnswer, SourceCritique, TableAnswer

OIL_MAP_ROUTES: list[str] = [
    "cpc_pipeline", "atyrau_samara_pipeline", "kz_china_oil_pipeline", "russia_china_oil_via_kazakhstan",
    "middle_corridor", "middle_corridor_caspian_crossing", "btc_pipeline",
]
"""routes.csv ids drawn on Map 1 (oil out of Kazakhstan)."""

MAP_ROUTES: list[str] = [
    "cpc_pipeline", "atyrau_samara_pipeline", "kz_china_oil_pipeline", "russia_china_oil_via_kazakhstan",
    "middle_corridor_caspian_crossing", "btc_pipeline",
    "ca_china_gas_line_a", "ca_china_gas_line_b", "ca_china_gas_line_c", "ca_china_gas_line_d",
    "power_of_siberia_1", "power_of_siberia_2", "kz_russia_china_gas_plan",
]
"""routes.csv ids drawn on Map 2 (every oil and gas route of the lesson, and the Caspian crossing)."""

ENERGY_FIGURES: list[str] = [
    "share_oil_exports_via_russia_src003", "oil_middle_corridor_2023_src000", "oil_middle_corridor_longrun_src000",
    "oil_supply_to_china_src003", "shymkent_refinery_src003", "kashagan_gas_plant_src003", "tankers_acquired_src003",
]
"""figures.csv ids shown in the lesson's table of energy figures (q4)."""

CPC_2022_EVENTS: list[str] = [
    "cpc_storm_2022_03", "cpc_mine_survey_2022_06", "tokayev_spief_2022_06", "cpc_mine_destroyed_2022_06",
    "cpc_court_halt_2022_07", "cpc_halt_overturned_2022_07",
]
"""events.csv ids of the CPC's disruptions in 2022 and Tokayev's remarks at SPIEF (q7, q8)."""

ASSUMED_BARRELS_PER_TONNE: float = 7.3
"""ASSUMPTION, not from the course sources: a common rule of thumb for typical crude oil (a light crude
gives more barrels per tonne, a heavy one fewer; Kazakhstan's export crudes are light). Used in q3."""


def _figures():
    from crossroads import data

    return data.load("figures").set_index("id")


def _figure(figure_id: str) -> float:
    from crossroads import data

    return data.figure(figure_id)


def _tanker_loads() -> int:
    import math

    return math.ceil(_figure("oil_middle_corridor_2023_src000") * 1e6 / _figure("tanker_capacity_src003"))


def _barrels_per_day() -> float:
    return _figure("oil_supply_to_china_src003") * 1e6 * ASSUMED_BARRELS_PER_TONNE / 365


def _not_yet_happened() -> set[str]:
    figures = _figures().loc[ENERGY_FIGURES]
    return set(figures.index[figures["kind"] != "actual"])


def _plan_delivered_pct() -> float:
    return _figure("btc_kaz_oil_2023_actual") / _figure("oil_middle_corridor_2023_src000") * 100


def _scenario_share() -> float:
    from crossroads import scenario

    return scenario.share_via_russia(50, corridor_mt=6, tanker_trips=scenario.trips_needed(6), china_shift_mt=4)


def _days(later: str, earlier: str) -> int:
    import pandas as pd
    from crossroads import data

    events = data.load("events").set_index("id")
    return int((pd.Timestamp(events.at[later, "date"]) - pd.Timestamp(events.at[earlier, "date"])).days)


def _avoid_russia() -> set[str]:
    from crossroads import data

    routes = data.load("routes").set_index("id")
    return {rid for rid in MAP_ROUTES if "RUS" not in data.split_list(routes.at[rid, "countries"])}


def _transit_ratio() -> float:
    return _figure("kz_china_pipeline_transit_2022") / _figure("kz_china_pipeline_export_2022")


def _routes_per_country():
    import pandas as pd
    from crossroads import data

    routes = data.load("routes").set_index("id")
    lists = routes.loc[MAP_ROUTES, "countries"].map(data.split_list)
    counts = lists.explode().value_counts()
    return pd.DataFrame({"country": counts.index, "routes": counts.values})


def _loads_for_claim() -> float:
    return _figure("gas_exports_kaz_china_jan_nov_2021_src001") / _figure("tanker_capacity_src003")


q1 = Numeric(
    "q1",
    "src-000 says 1.5 million tonnes of oil are to move along the Middle Corridor from January 2023; the Eurasia "
    "Daily Monitor piece (src-003) says each of Kazakhstan's new Caspian tankers carries 8,000 tonnes. How many "
    "tanker trips does it take to carry the 1.5 million tonnes? A part load still needs a trip, so give a whole "
    "number.",
    _tanker_loads,
    unit="trips",
    tolerance=0,
    title="Tanker trips for 1.5 Mt",
    traps={
        187.5: "That is the exact quotient, and a tanker cannot make half a trip: the last, part-filled load "
               "still needs a whole trip. Round up.",
        187: "187 full loads leave some oil on the quay: the part load needs one more trip.",
        (0.0001, 0.001): "Check the units: 1.5 million tonnes is 1,500,000 tonnes before you divide by 8,000.",
    },
    hints=[
        "Put both amounts in the same unit first: 1.5 million tonnes is 1,500,000 tonnes.",
        "Divide the cargo by the size of one load.",
        "A part load still needs a trip: round the quotient up (`math.ceil(...)` rounds up).",
    ],
    solution="""import math
answer_q1 = math.ceil(1.5e6 / 8000)""",
    explanation="1,500,000 t / 8,000 t = 187.5, so 188 trips: 187 full loads and one half load (src-000 for the "
                "1.5 Mt, src-003 for the 8,000-t tankers). With the two tankers src-003 reports, each would have "
                "to make about 94 crossings.",
    why="Small ships mean many trips: turning a headline tonnage into loads shows how much shipping a "
        "diversion plan really needs.",
)

q2 = Choice(
    "q2",
    "Heenan (src-000) writes that the 1.5 Mt of oil is to travel along the Middle Corridor 'to China'. Read Map 1: from "
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
        "Find Aktau on Map 1 (or in the map's text description), on the Caspian coast.",
        "Follow the sea line that leaves Aktau: which port is on the other side of the Caspian?",
        "From that port, which countries does the line cross next?",
    ],
    solution='answer_q2 = "West, across the Caspian to Azerbaijan, Georgia and Turkey"',
    explanation="The Middle Corridor crosses the Caspian from Aktau to Baku and goes on through Georgia to Turkey "
                "(routes.csv; src-002 calls it the segment 'from Turkey and the South Caucasus across the Caspian "
                "Sea into Kazakhstan'). Oil that crosses the Caspian mostly goes on by the BTC pipeline to the "
                "Mediterranean (Interfax, ref-interfax-btc-2023). Oil for China goes east by the Kazakhstan-China "
                "pipeline (src-003). src-000's 'to China' is probably a slip.",
    why="A map can test a sentence: when a route and a destination do not fit together, one of them is wrong.",
)

q3 = Numeric(
    "q3",
    "src-003 says Kazakhstan could raise oil supplies to China to 6.5 million tonnes a year. Oil markets often "
    "count in barrels per day. Using the lesson's ASSUMPTION of 7.3 barrels per tonne (`barrels_per_tonne`), "
    "how many barrels per day is that? Use 365 days.",
    _barrels_per_day,
    unit="barrels per day",
    tolerance=1000,
    title="Tonnes a year to barrels a day",
    traps=lambda: {
        6.5 * ASSUMED_BARRELS_PER_TONNE / 365: "You used 6.5 as if it were tonnes: it is 6.5 million tonnes "
                                               "(Mt), so write 6.5e6 or 6500000 first.",
        6.5e6 * ASSUMED_BARRELS_PER_TONNE: "That is barrels a year: divide by the 365 days.",
        6.5e6 * ASSUMED_BARRELS_PER_TONNE * 365: "You multiplied by 365; a year has 365 days, so a daily amount "
                                                 "is the yearly one divided by 365.",
        6.5e6 / ASSUMED_BARRELS_PER_TONNE / 365: "Barrels per tonne means more barrels than tonnes: multiply by "
                                                 "the factor, don't divide.",
    },
    hints=[
        "Two conversions: tonnes to barrels, then per year to per day.",
        "6.5 million tonnes is 6.5e6 tonnes; tonnes times barrels per tonne gives barrels.",
        "Barrels a year divided by 365 gives barrels a day: `6.5e6 * barrels_per_tonne / 365`.",
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
    "Read the claims in the table `energy`. Which of these figures describe something that had NOT yet "
    "happened when the article was written (a plan, target or projection)? Give their ids.",
    _not_yet_happened,
    options=ENERGY_FIGURES,
    title="Happened, or only planned?",
    hints=[
        "Read each claim: does the article report it as done or measured, or as something intended?",
        "Watch the verbs: 'will be shipped', 'could raise', 'aims to'.",
        "Put in your set every claim worded as an aim, a plan, a possibility or a planned size ('is to', "
        "'could', 'aims to', 'planned'); leave out the claims that report a fact.",
    ],
    solution="""answer_q4 = {
    "oil_middle_corridor_2023_src000",     # "is to be shipped"
    "oil_middle_corridor_longrun_src000",  # "could move"
    "oil_supply_to_china_src003",          # "could raise"
    "shymkent_refinery_src003",            # "aims to double"
    "kashagan_gas_plant_src003",           # "a planned gas-processing plant"
}""",
    explanation="Only the 80 % share of oil exports through Russia (src-003) and the two tankers already acquired "
                "(src-003) are reported as fact. The 1.5 Mt and 6 Mt of the Middle Corridor (src-000), the "
                "6.5 Mt a year to China, the 12 Mt Shymkent refinery and the 4 bcm Kashagan gas plant (src-003) "
                "are plans, targets or capacities still to be reached.",
    why="Energy news is full of capacities and targets; a capacity is what a pipe or plant could carry, not "
        "what it does carry.",
)

q5 = Numeric(
    "q5",
    "src-000 expected 1.5 Mt of oil to travel across the Caspian from January 2023. The table `btc` gives what "
    "KazMunayGas reports was actually shipped from Aktau for the BTC route in 2023. What percent of the 1.5 Mt "
    "plan was delivered in 2023?",
    _plan_delivered_pct,
    unit="%",
    tolerance=0.5,
    title="Plan against delivery",
    traps=lambda: {
        _plan_delivered_pct() / 100: "That is a fraction; multiply by 100 for percent.",
        (1.5 / 1.057) * 100: "You divided the plan by the delivery; divide what was delivered by what was planned.",
        (1.5 - 1.057) / 1.5 * 100: "That is the share that was NOT delivered.",
    },
    hints=[
        "Find the 2023 figure of kind 'actual' in the table `btc`.",
        "A share of a plan is delivered / planned.",
        "Multiply the fraction by 100: `btc.at[\"btc_kaz_oil_2023_actual\", \"value\"] / 1.5 * 100`.",
    ],
    solution="""answer_q5 = btc.at["btc_kaz_oil_2023_actual", "value"] / 1.5 * 100""",
    explanation="1.057 Mt / 1.5 Mt = about 70 %. KazMunayGas reports 1.057 Mt shipped from Aktau in 2023 "
                "(ref-nsn-kmg-socar-2024) against an agreement for 1.5 Mt a year (ref-interfax-btc-2023), "
                "probably the same 1.5 Mt that src-000 puts on the Middle Corridor. Deliveries began only in late "
                "March 2023 (ref-azernews-btc-2023), so 'from January' did not happen either.",
    why="A plan stated in the future tense is not a flow: check it against what was delivered, when you can.",
)

q6 = Numeric(
    "q6",
    "Use the scenario model: suppose (an ASSUMPTION) Kazakhstan exports 50 Mt of oil a year, 80 % of it through "
    "Russia (src-003). Then 6 Mt a year moves to the Middle Corridor, with enough tanker trips for all of it, and "
    "4 Mt a year moves to the pipeline to China, all taken from the Russian routes. What share of the exports "
    "still crosses Russia? Answer in percent.",
    _scenario_share,
    unit="%",
    tolerance=0.1,
    title="A scenario by hand",
    traps={
        70: "You took 6 and 4 (million tonnes) away from 80 (percent): turn the 80 % into tonnes first.",
        69: "That is what the model gives with 188 tanker trips, which carry only about 1.5 Mt: 6 Mt needs "
            "750 trips ('enough tanker trips').",
        0.6: "That is a fraction; multiply by 100 for percent.",
        30: "That is in million tonnes; the question asks for a share of the 50 Mt, in percent.",
        68: "You moved the corridor oil but forgot the 4 Mt that move to the pipeline to China.",
    },
    hints=[
        "First the tonnes through Russia before the change: 80 % of 50 Mt.",
        "Subtract the two shifts (to the Middle Corridor and to China) from those tonnes.",
        "Divide what is left by the total, which stays 50 Mt, and multiply by 100; "
        "`scenario.share_via_russia(...)` with enough trips gives the same.",
    ],
    solution="""answer_q6 = (0.80 * 50 - 6 - 4) / 50 * 100""",
    explanation="0.8 x 50 = 40 Mt through Russia; 40 - 6 - 4 = 30 Mt; 30 / 50 = 60 %. The 80 % is src-003's, the "
                "6 Mt is src-000's long-run Middle Corridor figure; the 50 Mt total and the 4 Mt shift are "
                "assumptions, as no course source gives them. Even with both new outlets working, most oil would "
                "still cross Russia.",
    why="A share needs a total: without one, 'up to 6 Mt' cannot be turned into 'less dependence', so state "
        "the total you assume.",
)

q7 = Numeric(
    "q7",
    "How many days after Tokayev's remarks at the St Petersburg forum (`tokayev_spief_2022_06`) did the Russian "
    "court order the 30-day halt of the CPC (`cpc_court_halt_2022_07`)?",
    lambda: _days("cpc_court_halt_2022_07", "tokayev_spief_2022_06"),
    unit="days",
    tolerance=0,
    title="From the remarks to the court order",
    traps={5: "That is the gap between the court order and the appeal ruling; count from Tokayev's remarks."},
    hints=[
        "Find the two dates in the table `cpc_2022` (column `date`).",
        "Turn each date into a `pd.Timestamp(...)` and subtract the earlier from the later, as in the worked "
        "example above.",
        "`.days` gives the whole number of days: `(pd.Timestamp(cpc_2022.at[\"cpc_court_halt_2022_07\", \"date\"])"
        " - pd.Timestamp(cpc_2022.at[\"tokayev_spief_2022_06\", \"date\"])).days`.",
    ],
    solution="""answer_q7 = (pd.Timestamp(cpc_2022.at["cpc_court_halt_2022_07", "date"])
             - pd.Timestamp(cpc_2022.at["tokayev_spief_2022_06", "date"])).days""",
    explanation="17 June 2022 (SPIEF, India Today, ref-indiatoday-spief-2022) to 6 July 2022 (the court order, "
                "The Moscow Times, ref-moscowtimes-cpc-2022) is 19 days. Five days later an appeal court replaced "
                "the halt with a fine (The Astana Times, ref-astanatimes-cpc-2022).",
    why="Timing is the first test of a claim of cause and effect; it is not the last.",
)

q8 = Choice(
    "q8",
    "src-000 says the Russian side 'tends to stop' the CPC pipeline when Astana steps out of line. Read the table "
    "`cpc_2022` and its notes. Which statement does the 2022 record support best?",
    "The record fits the claim but does not prove it",
    options=[
        "The record fits the claim but does not prove it",
        "The record proves that Russia stopped the CPC to punish Kazakhstan",
        "Nothing happened to the CPC in 2022",
        "Every disruption came after Tokayev's remarks",
    ],
    notes={
        "The record proves that Russia stopped the CPC to punish Kazakhstan":
            "Proof would need evidence of intent. Russian authorities gave technical and legal reasons, and "
            "look at how long the oil actually stopped.",
        "Nothing happened to the CPC in 2022": "Count the rows of `cpc_2022` that disrupted the terminal.",
        "Every disruption came after Tokayev's remarks": "Compare the dates of the storm and of the mine survey "
                                                         "with 17 June.",
    },
    title="Does Russia 'tend to stop' the CPC?",
    hints=[
        "Put the rows in date order and mark which came before 17 June 2022 and which after.",
        "For each disruption, read the reason the operator or the court gave, and who doubted it (the `note` "
        "column).",
        "Did the court's halt stop the oil, and for how long did it stand? A pattern in timing is evidence, not "
        "proof of intent.",
    ],
    solution='answer_q8 = "The record fits the claim but does not prove it"',
    explanation="Two disruptions came before the SPIEF remarks of 17 June 2022: the March storm damage "
                "(TradeWinds, ref-tradewinds-cpc-2022) and the mine survey announced for 15 June (Upstream, "
                "ref-upstream-cpc-mines-2022). The court's 30-day halt came 19 days after the remarks and stood "
                "five days, while loadings went on (ref-moscowtimes-cpc-2022, ref-astanatimes-cpc-2022). Each had "
                "an official reason (weather, wartime mines, paperwork); commentators and an investigation by "
                "Handelsblatt and Correctiv read them as pressure. The record is consistent with src-000's claim "
                "of a lever Moscow can pull, but timing alone does not prove intent.",
    why="To test 'tends to' you need dated events, the reasons each side gave, and the difference between a "
        "pattern and a proof.",
)

q9 = SetAnswer(
    "q9",
    "Of the routes in `ex.MAP_ROUTES` (Map 2), which avoid Russian territory entirely? Give their route ids.",
    _avoid_russia,
    options=MAP_ROUTES,
    title="Which routes avoid Russia?",
    hints=[
        "Use the table `table` below Map 2, or the route explorer: the column `countries` lists the ISO3 codes "
        "(three-letter country codes) each route crosses.",
        "A route avoids Russia when \"RUS\" is not in its list of countries; the proposed routes count too.",
        "Do as the worked example did for Kyrgyzstan, with \"RUS\": keep the rows where "
        "`table[\"countries\"].str.contains(\"RUS\") == False`, and take their `.index`.",
    ],
    solution="""avoid_russia = table[table["countries"].str.contains("RUS") == False]
answer_q9 = set(avoid_russia.index)""",
    explanation="Six routes cross Russia: the CPC (src-000), Atyrau-Samara (ref-kmg-ar2020), the Russian oil "
                "that reaches China through Kazakhstan (ref-intellinews-transit-2025), Power of Siberia 1 "
                "(ref-moscowtimes-ps1-2019), Power of Siberia 2 and the Russia-Kazakhstan-China gas idea (src-004). "
                "The others avoid it: the Kazakhstan-China oil pipeline (src-003), the Caspian crossing (src-002) "
                "and BTC (ref-interfax-btc-2023), gas Lines A-C (src-001) and the proposed Line D (src-004). "
                "Countries crossed come from routes.csv; the lines are schematic.",
    why="Routes that avoid Russia are Kazakhstan's answer to Moscow's leverage; the ones that cross it show "
        "that Russia also wants a share of the China trade.",
)

q10 = Choice(
    "q10",
    "src-004 says China wants to diversify its gas suppliers and reduce supply risks. Russia already sells gas to "
    "China through Power of Siberia 1. Which proposed pipeline fits that Chinese aim best?",
    "Line D from Turkmenistan",
    options=[
        "Line D from Turkmenistan",
        "Power of Siberia 2 through Mongolia",
        "A Russian pipeline across northern Kazakhstan",
        "The CPC pipeline, converted to carry gas",
    ],
    notes={
        "Power of Siberia 2 through Mongolia": "It would bring more gas from the supplier China already buys from "
                                               "by pipe: is that diversifying?",
        "A Russian pipeline across northern Kazakhstan": "Whose gas would it carry? Compare with Power of Siberia 1.",
        "The CPC pipeline, converted to carry gas": "The CPC line carries oil to the Black Sea; no source speaks of "
                                                    "converting it.",
    },
    title="Which gas line diversifies?",
    hints=[
        "For each option, ask which country's gas it would carry.",
        "Diversifying means adding a supplier or a route that is not the one you already depend on.",
        "Compare each option's supplier with Power of Siberia 1's (routes.csv, column `countries`).",
    ],
    solution='answer_q10 = "Line D from Turkmenistan"',
    explanation="Line D would add Turkmen gas by a new route through Uzbekistan, Tajikistan and Kyrgyzstan "
                "(CGTN, ref-cgtn-line-d-2023); Power of Siberia 2 and the plan B across Kazakhstan would add more "
                "Russian gas. src-004 says Putin backs Power of Siberia 2 while Xi is lukewarm and keener on Line D; "
                "at Xi'an in May 2023 Xi called for faster work on Line D (ref-cgtn-line-d-2023).",
    why="Pipelines last decades: the choice of route decides who depends on whom, which is why Moscow and "
        "Beijing, partners elsewhere, compete here.",
)

q11 = Numeric(
    "q11",
    "Read the chart of oil by route: in 2022, how many times more transit oil (Russian oil bound for China) than "
    "Kazakh export oil did the Kazakhstan-China pipeline company carry? Give the ratio (for example 2.5).",
    _transit_ratio,
    unit="times",
    tolerance=0.1,
    title="Whose oil in the pipeline to China?",
    traps=lambda: {
        1 / _transit_ratio(): "You divided the Kazakh oil by the Russian oil; the question asks how many times "
                              "more transit oil.",
        _figure("kz_china_pipeline_transit_2022") - _figure("kz_china_pipeline_export_2022"):
            "That is the difference in million tonnes; 'how many times' asks for a division.",
    },
    hints=[
        "Find the two 2022 bars of the Kazakhstan-China oil pipeline on the chart (or in its text description).",
        "One is transit oil, one is Kazakh export oil; each bar is labelled with its value. In `figs` their ids "
        "are `kz_china_pipeline_transit_2022` and `kz_china_pipeline_export_2022`.",
        "Divide the transit bar's value by the export bar's value; the chart rounds them, "
        "`figs.at[..., \"value\"]` gives them in full.",
    ],
    solution="""transit_mt = figs.at["kz_china_pipeline_transit_2022", "value"]   # the transit bar
export_mt = figs.at["kz_china_pipeline_export_2022", "value"]     # the Kazakh export bar
answer_q11 = transit_mt / export_mt""",
    explanation="9.98 Mt / 1.29 Mt = about 7.7 (KazMunayGas's 2024 report, ref-kmg-ar2024): most oil in the "
                "'Kazakhstan-China' pipeline is Russian oil in transit, which joins at Atasu "
                "(ref-intellinews-transit-2025). That is why src-003's 6.5 Mt a year of Kazakh oil to China would "
                "be a big step, and why a pipeline that avoids Russia can still tie Kazakhstan to Russia.",
    why="A route's name says where it runs, not whose oil it carries.",
)

q12 = TableAnswer(
    "q12",
    "For the routes in `ex.MAP_ROUTES`, build a DataFrame with the columns `country` (ISO3 code) and `routes` "
    "(how many of these routes cross that country), as in the worked example on the gas lines.",
    _routes_per_country,
    columns=["country", "routes"],
    title="Routes per transit country",
    hints=[
        "Start from `routes.loc[ex.MAP_ROUTES, \"countries\"]`, like `gas_lines` in the worked example.",
        "Turn each text into a list with `.map(data.split_list)`, then `.explode()` to get one row per route and "
        "country, and count with `.value_counts()`.",
        "Make the table from the counts: `pd.DataFrame({\"country\": counts.index, \"routes\": counts.values})`.",
    ],
    solution="""all_lists = routes.loc[ex.MAP_ROUTES, "countries"].map(data.split_list)
all_counts = all_lists.explode().value_counts()
answer_q12 = pd.DataFrame({"country": all_counts.index, "routes": all_counts.values})""",
    explanation="Kazakhstan and China sit on most of the routes (routes.csv, drawn from the seeds and the "
                "references of sources.csv); Russia on six, Uzbekistan and Turkmenistan on the gas lines from "
                "Turkmenistan (src-001, src-004).",
    why="Counting routes per country shows who sits on whose energy flows: transit is leverage, for Russia and "
        "for Kazakhstan alike.",
)

q13 = Numeric(
    "q13",
    "How many 8,000-tonne tanker loads (src-003) would src-001's 'four trillion tons' of gas fill? Give the number "
    "of loads (write it with `e`, e.g. 3e6 for three million).",
    _loads_for_claim,
    unit="loads",
    rel_tolerance=0.01,
    title="The impossible figure in tanker loads",
    traps={5e5: "Count the zeros again: a trillion is 1e12, a million million.",
           5e11: "A trillion is 1e12, not 1e15: count the zeros again."},
    hints=[
        "Four trillion is 4e12 (a 4 followed by twelve zeros).",
        "Divide the claimed tonnes by the tonnes in one load, as in q1.",
        "`claimed_t / 8000` uses the figure stored in the lesson.",
    ],
    solution="answer_q13 = claimed_t / 8000",
    explanation="4e12 / 8,000 = 5e8: five hundred million loads in eleven months (src-001's figure, src-003's "
                "tankers), more than a million loads a day. For comparison the 1.5 Mt of the Middle Corridor "
                "(src-000) is 188 loads.",
    why="Scale comparisons are the quickest plausibility test; they need no outside facts, only arithmetic.",
)

q14 = SourceCritique(
    "q14",
    "One of these figures from the seeds cannot be right. Which one, and what is the most likely explanation?",
    ("B", "2"),
    figures={
        "A": "Kazakhstan could raise oil supplies to China to 6.5 million tons a year (src-003).",
        "B": "China imported 'four trillion tons of natural gas' from Kazakhstan from January to November 2021 "
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
    traps={("B", "4"): "Gas is traded between them: Kazakhstan has sold its own gas to China since 2017. Look at "
                       "the unit instead."},
    title="Four trillion tons of gas?",
    hints=[
        "Compare each figure with something you can picture, such as the number of tanker loads it would fill.",
        "Four trillion is 4,000,000,000,000. Divide by the 8,000-t tanker size, or by the number of people in China.",
        "Look at the unit src-003 uses for the Kashagan gas plant.",
    ],
    solution='answer_q14 = ("B", "2")',
    explanation="Four trillion tonnes would fill 500 million of src-003's 8,000-t tankers, and would be about 2,800 "
                "tonnes of gas for every person in China in eleven months (China's population from data-wb-wdi). "
                "src-003 measures gas in cubic metres ('4 billion cubic meters' at Kashagan), as the trade "
                "normally does. The writer of src-001 probably meant a volume in cubic metres, and perhaps "
                "'billion' rather than 'trillion': Kazakhstan's own gas sales to China started in 2017 and were "
                "to grow towards 10 bcm a year (Kazinform, ref-kazinform-gas-2018), so a few billion cubic metres "
                "fits. The seeds give no corrected figure, so this is a likely reading, not a fact.",
    why="A figure can be checked without outside knowledge: convert it into something countable, and an "
        "impossible number shows itself.",
)

lesson = Lesson("03", "Energy routes: pipelines, the Caspian and the Middle Corridor",
                [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14])
progress = lesson.progress
