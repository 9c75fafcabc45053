"""Exercises for lesson 02, Multi-vector foreign policy: balancing Russia, China and the West.

>>> from crossroads.exercises import lesson02 as ex
>>> ex.q1.check({"SCO"}).correct
True
"""
from __future__ import annotations

from crossroads.exercises.core import Choice, Lesson, Numeric, SetAnswer, SourceCritique, TableAnswer

BLOCS: list[str] = ["csto", "eaeu", "sco", "osce", "nato_pfp", "ots", "cis"]
"""organizations.csv ids of the blocs the lesson compares (Kazakhstan belongs to all of them)."""

VECTOR_EVENTS: list[str] = [
    "Calls in CSTO troops during the January unrest (2022)",
    "Hosts the launch of the Silk Road Economic Belt (2013)",
    "Becomes a NATO Partnership for Peace partner (1994)",
    "Turkic Council founded at Kazakhstan's initiative (2009)",
    "Central Asia-China gas pipeline opens (2009)",
    "Halts exports of 106 mostly military-related products to Russia (2023)",
    "Signs a bilateral agreement with Russia for additional gas (2023)",
    "Organization of Turkic States created on the basis of the Turkic Council (2021)",
]
"""The steps learners sort by vector in q9 (the same list as ``to_sort`` in the notebook)."""

_VECTORS: list[str] = ["Russia", "China", "West", "Turkic", "China", "West", "Russia", "Turkic"]


def _bloc_table():
    """One row per bloc: its short name and whether Russia and China are full members."""
    from crossroads import data

    orgs = data.load("organizations").set_index("id")
    members = data.load("memberships")
    full = members[members["role"] == "member"]
    rows = []
    for org in BLOCS:
        countries = set(full.loc[full["org_id"] == org, "country"])
        rows.append({"bloc": orgs.at[org, "short_name"], "russia": "RUS" in countries, "china": "CHN" in countries})
    import pandas as pd

    return pd.DataFrame(rows)


def _both_blocs() -> set[str]:
    table = _bloc_table()
    return set(table.loc[table["russia"] & table["china"], "bloc"])


def _shares():
    """China's and Russia's share (%) of Kazakhstan's total trade, Kazakhstan's own figures, 1995-2020."""
    from crossroads import data

    trade = data.load("trade_series")
    kaz = trade[(trade["reporter"] == "KAZ") & (trade["year"] >= 1995)]
    total = kaz.groupby(["year", "partner"])["value_usd_m"].sum().unstack()
    return (total[["CHN", "RUS"]].div(total["WLD"], axis=0) * 100)


def _china_ahead_years() -> set[int]:
    shares = _shares()
    return {int(year) for year in shares.index[shares["CHN"] > shares["RUS"]]}


def _mirror():
    from crossroads import data

    trade = data.load("trade_series")
    kaz_imports = trade[(trade["reporter"] == "KAZ") & (trade["partner"] == "CHN") & (trade["flow"] == "imports")]
    chn_exports = trade[(trade["reporter"] == "CHN") & (trade["partner"] == "KAZ") & (trade["flow"] == "exports")]
    table = (kaz_imports.set_index("year")["value_usd_m"].rename("kaz_imports").to_frame()
             .join(chn_exports.set_index("year")["value_usd_m"].rename("chn_exports")))
    table = table.loc[2010:2020]
    table["ratio"] = table["chn_exports"] / table["kaz_imports"]
    return table.reset_index()[["year", "ratio"]]


def _figure(figure_id: str) -> float:
    from crossroads import data

    return float(data.load("figures").set_index("id").at[figure_id, "value"])


def _growth_pct() -> float:
    return (_figure("trade_china_kaz_target_src002") / _figure("trade_china_kaz_2022_src002") - 1) * 100


def _cagr_pct() -> float:
    years = 2030 - 2022
    return ((_figure("trade_china_kaz_target_src002") / _figure("trade_china_kaz_2022_src002")) ** (1 / years) - 1) * 100


def _debt_china_pct_gdp() -> float:
    return _figure("debt_share_gdp_2019_src001") * _figure("debt_china_share_2019_src001") / 100


def _vector_table():
    import pandas as pd

    return pd.DataFrame({"event": VECTOR_EVENTS, "vector": _VECTORS})


q1 = SetAnswer(
    "q1",
    "Kazakhstan belongs to all seven blocs in `blocs`. In which of them are BOTH Russia and China full members? "
    "Give their short names.",
    _both_blocs,
    options=["CSTO", "EAEU", "SCO", "OSCE", "PfP", "OTS", "CIS"],
    title="Where Russia and China sit together",
    hints=[
        "Use the membership explorer: pick Russia, then China, in the Country menu and compare the two lists.",
        "Count only the role 'member'; observers, partners and participants do not count.",
        "China is a full member of only one of the seven blocs.",
    ],
    solution="""from crossroads import data
members = data.load("memberships")
full = members[members["role"] == "member"]
with_russia = set(full.loc[full["country"] == "RUS", "org_id"])
with_china = set(full.loc[full["country"] == "CHN", "org_id"])
orgs = data.load("organizations").set_index("id")
answer_q1 = {orgs.at[org, "short_name"] for org in with_russia & with_china if org in ex.BLOCS}""",
    explanation="Russia is a full member of the CSTO, the EAEU, the SCO, the OSCE and the CIS; China of the SCO "
                "alone (memberships.csv, ref-org-sites). src-001 lists Kazakhstan in the SCO, the EAEU, the "
                "OSCE, NATO's Partnership for Peace and the CSTO; src-002 adds the Organization of Turkic States.",
    why="The SCO is the one table where Kazakhstan sits with both neighbours at once; src-004 notes that Russia "
        "kept China from using it for economic integration.",
)

q2 = Choice(
    "q2",
    "Read the map of oil pipelines. Which of Kazakhstan's two export pipelines drawn there avoids Russian "
    "territory?",
    "Kazakhstan-China oil pipeline",
    options=["Caspian Pipeline Consortium (CPC) oil pipeline", "Kazakhstan-China oil pipeline", "Both", "Neither"],
    notes={
        "Caspian Pipeline Consortium (CPC) oil pipeline":
            "Follow the line to its end: where is the port of Novorossiysk?",
        "Both": "One of the two lines ends at a port on the Black Sea coast of Russia.",
        "Neither": "One line runs east, from western Kazakhstan to the Chinese border.",
    },
    title="Which pipeline avoids Russia?",
    hints=[
        "Follow each line from Atyrau or Tengiz to its far end and note the countries it crosses.",
        "`maps.route_points(\"cpc_pipeline\")` lists the points of the CPC line; the last one is Novorossiysk.",
    ],
    solution='answer_q2 = "Kazakhstan-China oil pipeline"',
    explanation="The CPC pipeline runs from the Tengiz field through Russia to Novorossiysk on the Black Sea; "
                "src-000 says the Russian side tends to stop it when Astana displeases Moscow, and src-003 "
                "reports that 80 % of Kazakhstan's oil exports pass through pipelines running through Russia. "
                "The Kazakhstan-China pipeline runs east to the Chinese border and stays outside Russia "
                "(routes.csv; the lines are schematic).",
    why="Geography is leverage: a landlocked exporter whose main outlet crosses one neighbour looks for a "
        "second outlet through another.",
)

q3 = SetAnswer(
    "q3",
    "Using `shares` (Kazakhstan's own figures, 1995-2020), in which years was China's share of Kazakhstan's "
    "trade larger than Russia's? Give the years as numbers.",
    _china_ahead_years,
    title="When China overtook Russia",
    hints=[
        "Compare the two columns row by row: `shares[\"CHN\"] > shares[\"RUS\"]` gives True or False for each year.",
        "Use that comparison to select rows of `shares`, then take the index (the years).",
        "There are two such years, both between 2009 and 2013.",
    ],
    solution="""from crossroads import data
trade = data.load("trade_series")
kaz = trade[(trade["reporter"] == "KAZ") & (trade["year"] >= 1995)]
total = kaz.groupby(["year", "partner"])["value_usd_m"].sum().unstack()
shares = total[["CHN", "RUS"]].div(total["WLD"], axis=0) * 100
answer_q3 = set(shares.index[shares["CHN"] > shares["RUS"]])""",
    explanation="In Kazakhstan's own figures (data-imf-dots) China's share passes Russia's only in 2010 "
                "(17.5 % against 9.6 %) and 2012 (17.5 % against 17.4 %). In every other year from 1995 to 2020 "
                "Russia's share is larger. src-001's claim that China has overtaken Russia as Kazakhstan's "
                "largest trading partner does not show in these figures up to 2020.",
    why="A 'crossing' can be one odd year: 2010 depends on a sudden drop in recorded imports from Russia, "
        "so check the parts of a ratio before you believe a trend.",
)

q4 = TableAnswer(
    "q4",
    "Mirror statistics: for 2010-2020 build a DataFrame with the columns `year` and `ratio`, where ratio is "
    "China's reported exports to Kazakhstan divided by Kazakhstan's reported imports from China.",
    _mirror,
    columns=["year", "ratio"],
    tolerance=0.01,
    title="Two customs services, one border",
    hints=[
        "Select the rows reporter KAZ, partner CHN, flow imports, and reporter CHN, partner KAZ, flow exports.",
        "Index both selections by year (`.set_index(\"year\")[\"value_usd_m\"]`) so that dividing one by the other "
        "lines the years up.",
        "Keep the years 2010 to 2020 (`.loc[2010:2020]`) and turn the result into a table with `.reset_index()`.",
    ],
    solution="""from crossroads import data
trade = data.load("trade_series").set_index("year")
kaz_imports = trade[(trade["reporter"] == "KAZ") & (trade["partner"] == "CHN") & (trade["flow"] == "imports")]["value_usd_m"]
chn_exports = trade[(trade["reporter"] == "CHN") & (trade["partner"] == "KAZ") & (trade["flow"] == "exports")]["value_usd_m"]
ratio = (chn_exports / kaz_imports).loc[2010:2020]
answer_q4 = ratio.rename("ratio").reset_index()""",
    explanation="Every year from 2010 to 2020 China reports about 1.5 to 2.5 times as much exported to Kazakhstan as "
                "Kazakhstan reports imported from China (data-imf-dots). The other direction roughly agrees "
                "(ratios 0.9 to 1.4). The gap is in one direction only: goods leaving China are counted far "
                "more fully than the same goods arriving in Kazakhstan. The sources do not say why; that "
                "is a question for discussion.",
    why="The same trade measured at two ends of a border gives two numbers; whenever a figure is quoted, ask "
        "whose statistics it comes from.",
)

q5 = SourceCritique(
    "q5",
    "The seeds give four figures for China-Kazakhstan trade. Which figure is the odd one out, and which "
    "reason explains it most plausibly, given the mirror statistics you computed?",
    ("A", "1"),
    figures={
        "A": "USD 24 bn of China-Kazakhstan trade in 2022 (src-000).",
        "B": "Over USD 31 bn of China-Kazakhstan trade in 2022 (src-000, src-002; a record USD 31 bn in src-003).",
        "C": "A target of USD 40 bn of annual China-Kazakhstan trade (src-000, src-002, src-003).",
        "D": "29 % growth is needed from the 2022 level to reach USD 40 bn (src-002).",
    },
    reasons={
        "1": "It probably comes from the other side of the border: Kazakhstan's own statistics record much "
             "less trade with China than China's statistics do.",
        "2": "It covers only part of the year, like src-001's eleven-month figure for 2021.",
        "3": "It is a target, not trade that took place.",
        "4": "It must be a misprint, because no trade statistic could be that low.",
    },
    notes={
        "B": "Three articles agree on it, and it fits China's way of counting (China reported about 1.4-1.5 "
             "times Kazakhstan's figure for total trade in 2019-2020).",
        "C": "The target is the same USD 40 bn in all three articles; only the year varies.",
        "D": "Check it: 40 / 31 = 1.29, so the growth figure is consistent with the higher base.",
    },
    title="USD 24 bn or USD 31 bn?",
    hints=[
        "Three of the figures agree with each other; one figure cannot be squared with the rest.",
        "If a twelfth of the year were missing, how far below USD 31 bn would the total fall? Is that enough to reach 24?",
        "Compare 31 / 24 with the ratio of China's to Kazakhstan's reported total trade in 2019 and 2020.",
    ],
    solution='answer_q5 = ("A", "1")',
    explanation="src-000 gives both USD 24 bn and 'over USD 31 bn' for 2022; src-002 and src-003 give USD 31 bn. "
                "31 / 24 is about 1.3, a gap of the same size as the one between China's and Kazakhstan's "
                "reported totals in 2019 (22.1 against 14.4, 1.53) and 2020 (21.4 against 15.4, 1.40) in data-imf-dots. A plausible "
                "reading is that USD 24 bn follows Kazakhstan's count and USD 31 bn China's. Neither src-000 nor the "
                "others say so, so this is an explanation, not a proof. A missing month would cut a total by "
                "about a twelfth, not by more than a fifth.",
    why="When two careful sources disagree, look for two honest ways of measuring before deciding that one "
        "of them is wrong.",
)

q6 = Numeric(
    "q6",
    "src-002 puts China-Kazakhstan trade at over USD 31 bn in 2022 and Tokayev's target at USD 40 bn by 2030. By how "
    "many percent must trade grow from 2022 to reach the target? Answer in percent.",
    _growth_pct,
    unit="%",
    tolerance=0.5,
    title="Growth to the USD 40 bn target",
    hints=[
        "Growth in percent is (new / old - 1) x 100.",
        "new = 40, old = 31.",
    ],
    solution="answer_q6 = (40 / 31 - 1) * 100",
    explanation="(40 / 31 - 1) x 100 = 29.0 %: src-002's '29 percent' checks out. Because 2022 trade was 'over' "
                "USD 31 bn, the growth needed is at most about 29 %.",
    why="Always redo an article's own arithmetic: here it holds, which makes the USD 31 bn base more credible.",
)

q7 = Numeric(
    "q7",
    "What constant yearly growth rate (compound annual growth rate, CAGR) takes trade from USD 31 bn in 2022 to "
    "USD 40 bn in 2030? Answer in percent per year.",
    _cagr_pct,
    unit="%",
    tolerance=0.05,
    title="The yearly rate behind the target",
    hints=[
        "From 2022 to 2030 there are 2030 - 2022 = 8 years of growth.",
        "CAGR = (end / start) ** (1 / years) - 1; multiply by 100 for percent.",
        "(40 / 31) ** (1 / 8) is about 1.03.",
    ],
    solution="answer_q7 = ((40 / 31) ** (1 / 8) - 1) * 100",
    explanation="(40 / 31) ** (1 / 8) - 1 = 3.24 % a year (src-002's figures). src-001 reports that trade grew "
                "16 % a year on average over the five years before 2022: at that pace USD 40 bn would come in about "
                "two years. The target is modest, or the sources expect growth to slow.",
    why="A percentage over several years hides the yearly pace; the CAGR makes targets comparable with past "
        "growth.",
)

q8 = Numeric(
    "q8",
    "src-001 says Kazakhstan's debt was 21.8 % of GDP at the end of 2019 and that debts to China were 6.2 % of "
    "that total. What was debt owed to China as a percentage of Kazakhstan's GDP? Answer in percent.",
    _debt_china_pct_gdp,
    unit="%",
    tolerance=0.02,
    title="How big is the debt to China?",
    hints=[
        "6.2 % of the debt is a share of a share: multiply the two fractions.",
        "0.218 x 0.062 gives a fraction of GDP; multiply by 100 for percent.",
    ],
    solution="answer_q8 = 21.8 * 6.2 / 100",
    explanation="21.8 % x 6.2 % = 1.35 % of GDP (src-001). With the World Bank's GDP for 2019 (data-wb-wdi) that "
                "is roughly USD 2.5 bn. src-001 uses the figure to argue that Kazakhstan is not over-reliant on "
                "China; it does not say which debt (government or external) it means.",
    why="A share of a share is small: putting a figure in proportion is the first step in judging a claim "
        "of dependence, in either direction.",
)

q9 = TableAnswer(
    "q9",
    "Sort Kazakhstan's steps by the vector each one serves. Give a DataFrame with the columns `event` "
    "(as in `to_sort`) and `vector`, one of \"Russia\", \"China\", \"West\" or \"Turkic\".",
    _vector_table,
    columns=["event", "vector"],
    title="Which vector does each step serve?",
    hints=[
        "Start from `to_sort` and add a column: `to_sort.assign(vector=[...])` with eight labels in the same order.",
        "Two steps belong to each vector. Ask who leads the body or builds the project, and whose demands a "
        "step meets.",
        "src-003 links the export ban to Kazakhstan's compliance with Western sanctions; src-001 counts "
        "NATO's Partnership for Peace among 'Western-led' security bodies.",
    ],
    solution="""import pandas as pd
answer_q9 = pd.DataFrame({"event": ex.VECTOR_EVENTS,
                          "vector": ["Russia", "China", "West", "Turkic", "China", "West", "Russia", "Turkic"]})""",
    explanation="Russia: the CSTO call of January 2022 (src-000) and the 2023 gas agreement (src-004). China: the "
                "2013 launch in Astana (src-001) and the gas pipeline of 2009 (src-001). West: the Partnership "
                "for Peace (src-001, ref-org-sites) and the export ban linked to Western sanctions (src-003). "
                "Turkic: the Turkic Council of 2009 and the OTS of 2021, both at Kazakhstan's initiative (src-002).",
    why="Multi-vector policy is visible in the record: in the same years Kazakhstan took steps towards every "
        "partner, including Russia after 2022.",
)

q10 = Choice(
    "q10",
    "Kazakhstani analyst Dosym Satpayev compares one great power to a boa constrictor (src-004). What does he "
    "offer as an alternative to being pulled into the orbit of the two great powers?",
    "Greater integration with the Turkic countries",
    options=[
        "Greater integration with the Turkic countries",
        "A closer military alliance with Russia",
        "Leaving the Shanghai Cooperation Organisation",
        "Full membership of NATO",
    ],
    notes={
        "A closer military alliance with Russia": "Satpayev asks for balance 'both in relation to Russia and in "
                                                  "relation to China'.",
        "Leaving the Shanghai Cooperation Organisation": "src-004 reports no call to leave any organization.",
        "Full membership of NATO": "None of the sources reports such a proposal.",
    },
    title="Satpayev's alternative",
    hints=[
        "Read the paragraph of src-004 that quotes Satpayev, to its end.",
        "Think of the bloc Kazakhstan helped to found in 2009 (src-002).",
    ],
    solution='answer_q10 = "Greater integration with the Turkic countries"',
    explanation="src-004 quotes Satpayev calling for a balance of power towards both Russia and China and reports "
                "his view that integration with Turkic countries offers an alternative. src-002 says Kazakhstan "
                "initiated both the Turkic Council (2009) and the OTS (2021).",
    why="Central Asian voices are not only objects of the great powers' plans: they argue for their own "
        "balance.",
)

lesson = Lesson("02", "Multi-vector foreign policy: balancing Russia, China and the West",
                [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10])
progress = lesson.progress
