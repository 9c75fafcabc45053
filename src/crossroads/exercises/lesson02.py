"""Exercises for lesson 02, Multi-vector foreign policy: balancing Russia, China and the West.

Question ids follow the notebook order (q1 is the first exercise a learner meets).

>>> from crossroads.exercises import lesson02 as ex
>>> ex.q1.check({"SCO"}).correct
True
>>> ex.q4.check("R2").correct
True
"""
from __future__ import annotations

from crossroads.exercises.core import Choice, Lesson, Numeric, SetAnswer, SourceCritique, TableAnswer

BLOCS: list[str] = ["csto", "eaeu", "sco", "osce", "nato_pfp", "ots", "cis"]
"""organizations.csv ids of the blocs the lesson compares (Kazakhstan belongs to all of them)."""

SEED_STATEMENTS: dict[str, str] = {
    "S1": "src-001: the CSTO is one of the 'Western-led security organizations'.",
    "S2": "src-001: the OSCE is one of the 'Western-led security organizations'.",
    "S3": "src-001: NATO's Partnership for Peace is one of the 'Western-led security organizations'.",
    "S4": "src-001: the EAEU is a customs union 'between Central Asia and Russia'.",
    "S5": "src-000: Kazakhstan belongs to all the Russia-led regional bodies.",
    "S6": "src-002: Kazakhstan belongs to the Organization of Turkic States.",
}
"""Statements from the seeds that q2 asks learners to test against the membership data."""

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
"""The steps learners sort by vector in q14 (the same list as ``to_sort`` in the notebook)."""

VECTORS: list[str] = ["Russia", "China", "West", "Turkic"]
"""The labels allowed in q14."""

_VECTORS: list[str] = ["Russia", "China", "West", "Turkic", "China", "West", "Russia", "Turkic"]

EXTERNAL_DEBT_ID = "kaz_external_debt_2019_ref"
"""figures.csv id of Kazakhstan's gross external debt in 2019 (USD bn), used in q6."""


def _data():
    from crossroads import data

    return data


def _full_members():
    members = _data().load("memberships")
    return members[members["role"] == "member"]


def _both_blocs() -> set[str]:
    orgs = _data().load("organizations").set_index("id")
    full = _full_members()
    both = set(full.loc[full["country"] == "RUS", "org_id"]) & set(full.loc[full["country"] == "CHN", "org_id"])
    return {orgs.at[org, "short_name"] for org in BLOCS if org in both}


def _shares():
    """China's, Russia's and the EU's share (%) of Kazakhstan's total trade, Kazakhstan's own figures, 1995-2020."""
    trade = _data().load("trade_series")
    kaz = trade[(trade["reporter"] == "KAZ") & (trade["year"] >= 1995)]
    total = kaz.groupby(["year", "partner"])["value_usd_m"].sum().unstack()
    return total[["CHN", "RUS", "EUU"]].div(total["WLD"], axis=0) * 100


def _largest_2019() -> str:
    row = _shares().loc[2019]
    return {"CHN": "China", "RUS": "Russia", "EUU": "The European Union"}[row.idxmax()]


def _china_ahead_years() -> set[int]:
    shares = _shares()
    return {int(year) for year in shares.index[shares["CHN"] > shares["RUS"]]}


def _flow(reporter: str, partner: str, direction: str):
    trade = _data().load("trade_series")
    rows = trade[(trade["reporter"] == reporter) & (trade["partner"] == partner) & (trade["flow"] == direction)]
    return rows.set_index("year")["value_usd_m"]


def _mirror():
    ratio = (_flow("CHN", "KAZ", "exports") / _flow("KAZ", "CHN", "imports")).loc[2010:2020]
    table = ratio.reset_index()
    table.columns = ["year", "ratio"]
    return table


def _figure(figure_id: str) -> float:
    return _data().figure(figure_id)


def _target_ratio() -> float:
    return _figure("trade_china_kaz_target_src002") / _figure("trade_china_kaz_2022_src002")


def _growth_pct() -> float:
    return (_target_ratio() - 1) * 100


def _cagr_pct(years: int = 2030 - 2022) -> float:
    return (_target_ratio() ** (1 / years) - 1) * 100


def _debt_china_external_bn() -> float:
    return _figure(EXTERNAL_DEBT_ID) * _figure("debt_china_share_2019_src001") / 100


def _debt_traps() -> dict:
    external, share = _figure(EXTERNAL_DEBT_ID), _figure("debt_china_share_2019_src001")
    reading_1 = _figure("debt_share_gdp_2019_src001") * share / 100
    return {
        external / share: "You divided the debt by 6.2; 6.2 % of a total is the total times 6.2 / 100.",
        reading_1: "That is the first reading (a percentage of GDP). The question asks for USD bn on the "
                   "second reading, a share of the external debt.",
    }


def _cagr_traps() -> dict:
    total = _growth_pct()
    return {
        total / (2030 - 2022): "That is the total growth divided by 8, a simple average. Growth compounds: "
                               "each year's growth is on top of the last, so use ** as in the worked example.",
        (-100.0, -98.0): "A result near -99 usually means missing brackets: ** and - come before * 100. "
                         "Put brackets around the whole rate before multiplying by 100.",
        _cagr_pct(2030 - 2023): "That uses 7 years. From 2022 to 2030 there are 2030 - 2022 = 8 years of growth.",
    }


def _vector_table():
    import pandas as pd

    return pd.DataFrame({"event": VECTOR_EVENTS, "vector": _VECTORS})


class _Statements:
    """Mixin for a question whose options are labels: the prompt lists the labelled statements first."""

    statements: dict[str, str] = {}

    def _prompt_extra(self) -> list[str]:
        return [f"{label}: {text}" for label, text in self.statements.items()] + super()._prompt_extra()


class _LetterChoice(_Statements, Choice):
    """A Choice whose options are the labels of ``statements``.

    >>> q4.prompt().lines[1].startswith("R1: ")
    True
    """

    def __init__(self, qid: str, prompt: str, answer, *, statements: dict[str, str], **common) -> None:
        super().__init__(qid, prompt, answer, options=list(statements), **common)
        self.statements = dict(statements)


class _LetterSet(_Statements, SetAnswer):
    """A SetAnswer whose items are the labels of ``statements``."""

    def __init__(self, qid: str, prompt: str, answer, *, statements: dict[str, str], **common) -> None:
        super().__init__(qid, prompt, answer, options=list(statements), **common)
        self.statements = dict(statements)


class _VectorTable(TableAnswer):
    """q14: a TableAnswer that rejects labels outside :data:`VECTORS` with a message naming the four labels.

    >>> import pandas as pd
    >>> bad = pd.DataFrame({"event": VECTOR_EVENTS, "vector": ["the West"] * 8})
    >>> "not one of the four labels" in str(q14.check(bad))
    True
    """

    def _judge(self, answer, expected):
        import pandas as pd

        if isinstance(answer, pd.DataFrame) and "vector" in answer.columns:
            allowed = {label.casefold() for label in VECTORS}
            strangers = [str(v) for v in answer["vector"] if str(v).strip().casefold() not in allowed]
            if strangers:
                return self._invalid(answer, f"The label \"{strangers[0][:40]}\" is not one of the four labels: "
                                             + ", ".join(f'"{label}"' for label in VECTORS) + ".")
        return super()._judge(answer, expected)   # the engine names the first row that differs


q1 = SetAnswer(
    "q1",
    "Kazakhstan belongs to all seven blocs in `blocs`. In which of them are BOTH Russia and China full members? "
    "Give the short name of each such bloc (there may be one or several).",
    _both_blocs,
    options=["CSTO", "EAEU", "SCO", "OSCE", "PfP", "OTS", "CIS"],
    title="Where Russia and China sit together",
    hints=[
        "Use the membership explorer: pick Russia in the Country menu and note its blocs; then do the same "
        "for China.",
        "Count only the role 'member'; observers, partners and participants do not count.",
        "Keep the blocs that appear in both lists, and write their short names in curly brackets, "
        "like {\"CSTO\", \"OTS\"}.",
    ],
    traps={("SCO", "CIS"): "Look again at China's list: is China a member of the CIS, the club of former "
                           "Soviet republics?"},
    solution="""full_members = members[members["role"] == "member"]                         # full members only
with_russia = set(full_members[full_members["country"] == "RUS"]["org_id"])   # the blocs Russia is in
with_china = set(full_members[full_members["country"] == "CHN"]["org_id"])    # the blocs China is in
in_both = with_russia & with_china                                            # the ids in both sets
answer_q1 = {blocs["short_name"][org] for org in in_both if org in ex.BLOCS}  # their short names""",
    explanation="Russia is a full member of the CSTO, the EAEU, the SCO, the OSCE and the CIS; China of the SCO "
                "alone (memberships.csv, ref-org-sites). src-001 lists Kazakhstan in the SCO, the EAEU, the "
                "OSCE, NATO's Partnership for Peace and the CSTO; src-002 adds the Organization of Turkic States.",
    why="The SCO is the one table where Kazakhstan sits with both neighbours at once; Wishnick (src-004) notes "
        "that Russia long resisted using it for economic integration.",
)

q2 = _LetterSet(
    "q2",
    "Source criticism. Test each statement below against `blocs` and `members`. Which statements do the "
    "membership data clearly contradict? Give their labels.",
    {"S1", "S4"},
    statements=SEED_STATEMENTS,
    title="Checking the seeds' labels",
    hints=[
        "For each body, list its full members as in the worked example and ask: who leads it, and where are "
        "its members?",
        "A body led by Russia, with no Western member, cannot be 'Western-led'; a union with members outside "
        "Central Asia and Russia is not 'between Central Asia and Russia'.",
        "Run `members[members[\"org_id\"] == \"csto\"]`, then the same with \"osce\", \"nato_pfp\", \"eaeu\", "
        "\"ots\" and \"cis\", and compare each list with its statement.",
    ],
    traps={
        ("S1", "S2", "S4"): "Statement S2 is debatable rather than contradicted: Western states are OSCE members, "
                         "but so are Russia and all five Central Asian states, and `blocs` names no lead power. "
                         "Keep S2 for the discussion and leave it out here.",
        ("S1",): "One more statement is contradicted: compare the EAEU's members with 'Central Asia and Russia'.",
        ("S4",): "One more statement is contradicted: who leads the CSTO, and is any member Western?",
    },
    solution="""for org in ["csto", "osce", "nato_pfp", "eaeu"]:
    print(org, sorted(members.loc[(members["org_id"] == org) & (members["role"] == "member"), "country"]))
answer_q2 = {"S1", "S4"}""",
    explanation="S1: the CSTO is Russia-led (lead power RUS) and its members are Russia, Belarus, Armenia, "
                "Kazakhstan, Kyrgyzstan and Tajikistan: no Western state. S4: the EAEU's members are Armenia, "
                "Belarus, Kazakhstan, Kyrgyzstan and Russia, so only two of the five Central Asian states, plus "
                "two states outside the region; and it is an economic union built on a customs union "
                "(memberships.csv, ref-org-sites). S2 is debatable: the OSCE has no lead power, and Russia and "
                "Central Asia belong to it. S3, S5 and S6 hold up.",
    why="A label such as 'Western-led' carries a judgement; a membership list is a quick, neutral check of it.",
)

q3 = Choice(
    "q3",
    "Read the map of oil pipelines (or its text description). Which of Kazakhstan's two export pipelines drawn "
    "there avoids Russian territory?",
    "The eastern pipeline, to Dushanzi",
    options=["The CPC pipeline, to Novorossiysk", "The eastern pipeline, to Dushanzi", "Both", "Neither"],
    notes={
        "The CPC pipeline, to Novorossiysk":
            "Follow the line to its end: where is the port of Novorossiysk?",
        "Both": "One of the two lines ends at a port on the Black Sea coast of Russia.",
        "Neither": "src-003's sentence suggests it, but follow the line that runs east: which countries does it "
                   "cross?",
    },
    title="Which pipeline avoids Russia?",
    hints=[
        "Follow each line from Atyrau or Tengiz to its far end and note the countries it crosses.",
        "The text description under the map names each line's end points; look up where Novorossiysk and "
        "Dushanzi are.",
        "`maps.route_points(\"cpc_pipeline\")` lists the points of the CPC line, and "
        "`maps.route_points(\"kz_china_oil_pipeline\")` those of the other line.",
    ],
    solution='answer_q3 = "The eastern pipeline, to Dushanzi"',
    explanation="The CPC pipeline runs from the Tengiz field through Russia to Novorossiysk on the Black Sea; "
                "src-000 says the Russian side tends to stop it when Astana displeases Moscow. The "
                "Kazakhstan-China pipeline runs east to the Chinese border and stays outside Russia "
                "(routes.csv; the lines are schematic). So src-003's 'EU and China through pipelines that cross "
                "Russia' is loose for China; lesson 03 shows that the line to China does carry Russian oil in "
                "transit.",
    why="Geography is leverage: a landlocked exporter whose main outlet crosses one neighbour looks for a "
        "second outlet through another.",
)

BYLINE_REASONS: dict[str, str] = {
    "R1": "Wishnick is the better-known scholar, so citing her makes the article more credible.",
    "R2": "The same text appeared a month before the blog page, in a journal issue under Wishnick's name; the "
         "blog page only copied it, so the name it shows is not evidence of authorship.",
    "R3": "The blog is based outside Central Asia, so the names it shows cannot be trusted.",
    "R4": "The seed file shows no name at all, so the course had to find one.",
}
"""The reasons q4 offers for crediting src-004 to Wishnick."""

q4 = _LetterChoice(
    "q4",
    "Source criticism: who wrote src-004? Our seed file is a page of a blog (strategicstudyindia.com) dated "
    "11 August 2023; the page shows the name \"Erhan Yalvaç\". The same text, word for word, was published on "
    "12 July 2023 in the Russian Analytical Digest, no. 296, pages 5-8, under the name Elizabeth Wishnick, and "
    "a library record (SSOAR 87746) lists her as its author. `data.cite(\"src-004\")` now credits Wishnick. "
    "Which reason justifies that choice? Give its label.",
    "R2",
    statements=BYLINE_REASONS,
    notes={
        "R1": "Fame is not evidence: a course should credit whoever wrote the text, famous or not.",
        "R3": "Where a blog is based says nothing about who wrote a text; compare the dates and the places "
             "the text appeared instead.",
        "R4": "Read the question again: the blog page does show a name.",
    },
    title="Who wrote src-004?",
    hints=[
        "Which version came first, and where did it appear: in a journal or on a blog?",
        "A blog that reposts a text copies it; the name on the copy may be whoever posted it.",
        "Pick the reason that compares the dates and places of the two versions.",
    ],
    solution='answer_q4 = "R2"',
    explanation="The text first appeared on 12 July 2023 in the Russian Analytical Digest (no. 296, pp. 5-8) "
                "under Elizabeth Wishnick's name; SSOAR record 87746 confirms author, issue and pages. The "
                "blog page of 11 August 2023 is a repost, and a repost's byline is not an author. sources.csv "
                "gives Wishnick as the author of src-004 and keeps the repost's details in its note.",
    why="Cite the original publication, and say where your copy came from.",
)

q5 = Choice(
    "q5",
    "Wishnick (src-004) calls Maria Zakharova a \"Kremlin spokeswoman\". Check this against an independent "
    "reference: which office does Zakharova hold?",
    "Spokeswoman of the Russian Foreign Ministry",
    options=[
        "Spokeswoman of the Russian Foreign Ministry",
        "Spokeswoman of the Kremlin (the Russian president's office)",
        "Russia's ambassador to Kazakhstan",
        "Speaker of the Russian State Duma",
    ],
    notes={
        "Spokeswoman of the Kremlin (the Russian president's office)":
            "That is src-004's description, the claim we are checking. What does an independent reference say?",
        "Russia's ambassador to Kazakhstan": "Nothing in the sources or references says so.",
        "Speaker of the Russian State Duma": "Nothing in the sources or references says so.",
    },
    title="Zakharova's office",
    hints=[
        "An article's description of a person's office is itself a claim; check it in an independent reference.",
        "The course keeps its references in `data.load(\"sources\")`; the one about Zakharova has the id "
        "`ref-zakharova-mfa`.",
        "Run `data.cite(\"ref-zakharova-mfa\")` and read the title of the reference.",
    ],
    solution='answer_q5 = "Spokeswoman of the Russian Foreign Ministry"',
    explanation="Zakharova is the Russian Foreign Ministry's official spokesperson, as Director of its "
                "Information and Press Department (ref-zakharova-mfa). src-004's 'Kremlin "
                "spokeswoman' is loose: the Kremlin is the president's office. Her warning still speaks for "
                "the Russian state, but for its diplomatic service.",
    why="Offices matter: a ministry spokeswoman and the president's spokesman speak with different authority.",
)

q6 = Numeric(
    "q6",
    "src-001 does not say which debt its 6.2 % is a share of. Second reading: suppose it is 6.2 % of Kazakhstan's "
    "gross external debt, which the National Bank put at USD 158.8 bn in 2019 (`figures`, row "
    "kaz_external_debt_2019_ref). How many USD bn would Kazakhstan then owe China? Answer in USD bn.",
    _debt_china_external_bn,
    unit="USD bn",
    tolerance=0.1,
    title="6.2 % of what?",
    hints=[
        "6.2 % of a total is the total times 6.2 / 100.",
        "The total is the external debt, in USD bn; the answer is in USD bn too.",
        "Use the worked example's pattern: `external_debt * china_share / 100`, with "
        "`external_debt = figures.loc[\"kaz_external_debt_2019_ref\", \"value\"]`.",
    ],
    traps=_debt_traps,
    solution="""external_debt = figures.loc["kaz_external_debt_2019_ref", "value"]
answer_q6 = external_debt * china_share / 100""",
    explanation="158.8 x 6.2 / 100 = about USD 9.8 bn, four times the USD 2.5 bn of the first reading "
                "(21.8 % x 6.2 % = 1.35 % of GDP). Which is right? 21.8 % of GDP cannot be the gross external debt, "
                "which the National Bank put at about 90 % of GDP (ref-bm-external-debt-2020), so the 21.8 % "
                "is probably government debt; the 6.2 % may well be a share of another debt. Multiplying two "
                "shares is only valid when both describe the same debt. A creditor-by-country table of the "
                "National Bank (ref-timesca-external-debt lists China among the creditors) would settle it.",
    why="Before multiplying two percentages, ask: percent of what? The same words can describe different totals.",
)

q7 = Choice(
    "q7",
    "Read the chart of trade shares. In Kazakhstan's own figures for 2019, which partner had the largest share of "
    "Kazakhstan's trade?",
    _largest_2019,
    options=["China", "Russia", "The European Union", "They were about equal"],
    notes={
        "China": "Find 2019 on the horizontal axis and compare the three lines there: is China's the highest?",
        "Russia": "Russia is the largest single country; but look at all three lines in 2019.",
        "They were about equal": "In 2019 the three lines are far apart: read their heights on the axis.",
    },
    title="The biggest partner in 2019",
    hints=[
        "Find 2019 on the horizontal axis and go up to each of the three lines.",
        "The line that is highest in 2019 is the largest share; the legend (and the line style) tells which "
        "line is which.",
        "Check with the table: `shares.loc[2019]` gives the three shares in percent.",
    ],
    solution='answer_q7 = "The European Union"',
    explanation="In 2019 the EU, counted as one bloc, took about 32 % of Kazakhstan's trade in Kazakhstan's own "
                "figures (exports of USD 24.2 bn and imports of USD 6.1 bn), against about 21 % for "
                "Russia and 15 % for China (data-imf-dots). The 'West' vector is large in trade even when the "
                "sources talk only of Russia and China.",
    why="A race between two runners can hide a third: check who else is in the data before naming a leader.",
)

q8 = SetAnswer(
    "q8",
    "Using `shares` (Kazakhstan's own figures, 1995-2020), in which years was China's share of Kazakhstan's "
    "trade larger than Russia's? Give the years as numbers.",
    _china_ahead_years,
    title="When China was ahead of Russia",
    hints=[
        "The worked example found the years in which the EU's share was larger than Russia's.",
        "Change the column: compare `shares[\"CHN\"]` with `shares[\"RUS\"]`.",
        "`set(shares.index[shares[\"CHN\"] > shares[\"RUS\"]])` gives the years as a set.",
    ],
    solution="""answer_q8 = set(shares.index[shares["CHN"] > shares["RUS"]])""",
    explanation="In Kazakhstan's own figures (data-imf-dots) China's share passes Russia's only in 2010 "
                "(17.5 % against 9.6 %) and 2012 (17.5 % against 17.4 %). In every other year from 1995 to 2020 "
                "Russia's share is larger. src-001 says that China now trades more with Kazakhstan than Russia "
                "does; Kazakhstan's own figures up to 2020 do not bear that out.",
    why="A 'crossing' can be one odd year: 2010 depends on a sudden drop in recorded imports from Russia, "
        "so check the parts of a ratio before you believe a trend.",
)

q9 = TableAnswer(
    "q9",
    "Mirror statistics: for 2010-2020 build a DataFrame with the columns `year` and `ratio`, where ratio is "
    "China's reported exports to Kazakhstan divided by Kazakhstan's reported imports from China.",
    _mirror,
    columns=["year", "ratio"],
    tolerance=0.01,
    title="Two customs services, one border",
    hints=[
        "Follow the worked example above, with the two other columns of `mirror`.",
        "Divide `mirror[\"CHN says: exports to Kazakhstan\"]` by `mirror[\"KAZ says: imports from China\"]`, "
        "keep the years with `.loc[2010:2020]`, then `.reset_index()`.",
        "Name the two columns last, as in the worked example: `answer_q9.columns = [\"year\", \"ratio\"]`.",
    ],
    solution="""ratio_q9 = mirror["CHN says: exports to Kazakhstan"] / mirror["KAZ says: imports from China"]
answer_q9 = ratio_q9.loc[2010:2020].reset_index()
answer_q9.columns = ["year", "ratio"]""",
    explanation="Every year from 2010 to 2020 China reports about 1.5 to 2.5 times as much exported to Kazakhstan as "
                "Kazakhstan reports imported from China (data-imf-dots). The other direction roughly agrees "
                "(the worked example: ratios 0.9 to 1.4). The gap is in one direction only: goods leaving China "
                "are counted far more fully than the same goods arriving in Kazakhstan. The sources do not say "
                "why; that is a question for discussion.",
    why="The same trade measured at two ends of a border gives two numbers; whenever a figure is quoted, ask "
        "whose statistics it comes from.",
)

q10 = SourceCritique(
    "q10",
    "The seeds give several figures for China-Kazakhstan trade. Which figure stands apart from the others for "
    "2022, and which reason explains it most plausibly, given the mirror statistics you computed?",
    ("A", "1"),
    figures={
        "A": "USD 24 bn of China-Kazakhstan trade in 2022 (src-000).",
        "B": "Over USD 31 bn of China-Kazakhstan trade in 2022 (src-000, src-002; a record USD 31 bn in src-003).",
        "C": "A target of USD 40 bn of annual China-Kazakhstan trade (src-000, src-002, src-003).",
        "D": "USD 22.94 bn of China-Kazakhstan trade in January-November 2021 (src-001).",
    },
    reasons={
        "1": "It probably comes from the other side of the border: Kazakhstan's own statistics record much "
             "less trade with China than China's statistics do.",
        "2": "It covers only part of the year.",
        "3": "It is a target, not trade that took place.",
        "4": "It must be a misprint, because no trade statistic could be that low.",
    },
    notes={
        "B": "Three articles agree on it, and it fits China's way of counting (China reported about 1.4-1.5 "
             "times Kazakhstan's figure for total trade in 2019-2020).",
        "C": "The target is about a future year, not about 2022.",
        "D": "It is about 2021, and its eleven months are stated openly; the question is about 2022.",
    },
    traps={("A", "2"): "A missing month would cut a year's total by about a twelfth; is 24 only a twelfth "
                       "below 31?"},
    title="USD 24 bn or USD 31 bn?",
    hints=[
        "Two figures are about 2022; which of them do the other articles support?",
        "If a twelfth of the year were missing, how far below USD 31 bn would the total fall? Is that enough to reach 24?",
        "Compare 31 / 24 with `both_sides[\"China / Kazakhstan\"]` for 2019 and 2020.",
    ],
    solution='answer_q10 = ("A", "1")',
    explanation="src-000 gives both USD 24 bn and 'over USD 31 bn' for 2022; src-002 and src-003 give USD 31 bn. "
                "31 / 24 is about 1.3, a gap of the same size as the one between China's and Kazakhstan's "
                "reported totals in 2019 (22.1 against 14.4, 1.53) and 2020 (21.4 against 15.4, 1.40) in "
                "data-imf-dots. Two public reports confirm the reading: Kazakhstan's trade minister put 2022 "
                "trade with China at over USD 24 bn (ref-astanatimes-trade-2022), China's customs at USD 31.2 bn "
                "(ref-nca-trade-2022). So USD 24 bn is not wrong: it is the other customs count.",
    why="When two careful sources disagree, look for two honest ways of measuring before deciding that one "
        "of them is wrong.",
)

q11 = Numeric(
    "q11",
    "src-002 puts China-Kazakhstan trade at over USD 31 bn in 2022 and Tokayev's target at USD 40 bn by 2030. By how "
    "many percent must trade grow from 2022 to reach the target? Answer in percent.",
    _growth_pct,
    unit="%",
    tolerance=0.5,
    title="Growth to the USD 40 bn target",
    hints=[
        "Growth in percent is (new / old - 1) x 100, as in the worked example.",
        "Here the old value is the 2022 trade and the new value is the target.",
        "`(target / base_2022 - 1) * 100`, with the two numbers from the question.",
    ],
    traps={9: "That is the growth in USD bn. The question asks for percent: divide by the starting value.",
           (77.0, 78.0): "That is the target as a percentage of the 2022 trade; the growth is what lies above 100 %."},
    solution="""target_q11, base_q11 = 40, 31
answer_q11 = (target_q11 / base_q11 - 1) * 100""",
    explanation="(40 / 31 - 1) x 100 = 29.0 %, the '29 percent' src-002 gives. Because 2022 trade was 'over' "
                "USD 31 bn, the growth needed is at most about 29 %.",
    why="Always redo an article's own arithmetic: here it holds, which makes the USD 31 bn base more credible.",
)

q12 = Numeric(
    "q12",
    "What constant yearly growth rate (compound annual growth rate, CAGR) takes trade from USD 31 bn in 2022 to "
    "USD 40 bn in 2030? Answer in percent per year.",
    _cagr_pct,
    unit="%",
    tolerance=0.05,
    title="The yearly rate behind the target",
    hints=[
        "From 2022 to 2030 there are 2030 - 2022 = 8 years of growth.",
        "Use the worked example's formula: ((end / start) ** (1 / years) - 1) * 100.",
        "Put in end = 40, start = 31 and years = 8; keep every bracket.",
    ],
    traps=_cagr_traps,
    solution="answer_q12 = ((40 / 31) ** (1 / 8) - 1) * 100",
    explanation="((40 / 31) ** (1 / 8) - 1) x 100 = 3.24 % a year (src-002's figures), a little less than 29 / 8 = "
                "3.6 %, because growth compounds. src-001 reports that trade grew 16 % a year on average over the "
                "five years before it was written: at that pace USD 40 bn would come in about two years.",
    why="A percentage over several years hides the yearly pace; the CAGR makes targets comparable with past "
        "growth.",
)

q13 = Choice(
    "q13",
    "Kazakhstani analyst Dosym Satpayev compares one great power to a boa constrictor (quoted by Wishnick, "
    "src-004). What does he offer as an alternative to being pulled into the orbit of the two great powers?",
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
        "Satpayev wants a balance towards both Russia and China; his alternative is a third group of "
        "countries, not a great power.",
        "Think of the bloc Kazakhstan helped to found in 2009 (src-002), and of the vectors in `blocs`.",
        "Among the options, pick the one that is neither Russia, China nor NATO.",
    ],
    solution='answer_q13 = "Greater integration with the Turkic countries"',
    explanation="Wishnick (src-004) quotes Satpayev calling for a balance of power towards both Russia and China "
                "and reports his view that integration with the Turkic countries offers an alternative. src-002 "
                "says Kazakhstan initiated both the Turkic Council (2009) and the OTS (2021).",
    why="Central Asian voices are not only objects of the great powers' plans: they argue for their own "
        "balance.",
)

q14 = _VectorTable(
    "q14",
    "Sort Kazakhstan's steps by the vector each one serves. Give a DataFrame with the columns `event` "
    "(as in `to_sort`) and `vector`, one of \"Russia\", \"China\", \"West\" or \"Turkic\".",
    _vector_table,
    columns=["event", "vector"],
    title="Which vector does each step serve?",
    hints=[
        "Start from `to_sort` and add a column: `to_sort.assign(vector=[...])` with eight labels in the same order.",
        "Two steps belong to each vector. Ask who leads the body or builds the project, and whose demands a "
        "step meets.",
        "The export ban answers Western sanctions (src-003); the Partnership for Peace is a NATO programme "
        "(organizations.csv). Use only the four labels, spelled as in the question.",
    ],
    solution="""answer_q14 = to_sort.assign(vector=["Russia", "China", "West", "Turkic",
                                       "China", "West", "Russia", "Turkic"])""",
    explanation="Russia: the CSTO call of January 2022 (src-000) and the 2023 gas agreement (src-004). China: the "
                "2013 launch in Astana (src-001) and the gas pipeline of 2009 (src-001). West: the Partnership "
                "for Peace (ref-org-sites) and the export ban linked to Western sanctions (src-003). "
                "Turkic: the Turkic Council of 2009 and the OTS of 2021, both at Kazakhstan's initiative (src-002).",
    why="Multi-vector policy is visible in the record: in the same years Kazakhstan took steps towards every "
        "partner, including Russia after 2022.",
)

lesson = Lesson("02", "Multi-vector foreign policy: balancing Russia, China and the West",
                [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14])
progress = lesson.progress
