"""Exercises for lesson 04, Summit diplomacy, 2022–2023, and the helpers the lesson calls.

Questions are numbered in the order a learner meets them in the notebook.

>>> from crossroads.exercises import lesson04 as ex
>>> ex.q5.check(9).correct
True
>>> len(ex.journeys(ex.calendar())) > 0
True
"""
from __future__ import annotations

from crossroads.exercises.core import Choice, Lesson, Numeric, Ordering, SetAnswer, SourceCritique, TableAnswer

CALENDAR: dict[str, str] = {
    "china_central_asia_summit_2022_01": "C5+1 summit (online)",
    "xi_visit_kazakhstan_2022_src000": "bilateral visit",
    "cica_summit_astana_2022": "multilateral summit",
    "cis_summit_astana_2022": "multilateral summit",
    "russia_central_asia_summit_ref": "C5+1 summit",
    "xi_putin_summit_2023_03": "bilateral summit",
    "victory_day_moscow_2023": "commemoration",
    "xian_summit_ref": "C5+1 summit",
    "tokayev_state_visit_china_2023": "bilateral visit",
    "tokayev_wang_huning_talks_2023_10": "bilateral talks",
    "putin_visits_astana_2023_11": "bilateral visit",
}
"""The lesson's summit calendar: events.csv ids of the leaders' meetings of 2022–2023 and their format
(the same dictionary as ``formats`` in the notebook)."""

XIAN_OUTPUTS: list[str] = ["xian_declaration_2023", "xian_financing_pledge_2023", "line_d_acceleration_2023",
                           "xi_colour_revolutions_2023"]
"""events.csv ids of what the Xi'an summit produced, as the references report it (q9)."""


def _events():
    from crossroads import data

    return data.load("events").set_index("id")


def _day(event_id: str):
    import pandas as pd

    return pd.Timestamp(str(_events().at[event_id, "date"]))


def calendar(formats: dict[str, str] | None = None):
    """The lesson's calendar table: one row per meeting, its tidied title, format and venue country.

    >>> calendar().loc["xian_summit_ref", "venue_country"]
    'CHN'
    """
    from crossroads import data

    formats = CALENDAR if formats is None else formats
    places = data.load("places").set_index("id")
    table = _events().loc[list(formats)].copy()
    table["title"] = table["title"].str.replace(r" \(exact dates?\)", "", regex=True)
    table["format"] = table.index.map(formats)
    table["venue_country"] = table["place_id"].map(places["country"])
    return table.sort_values("date", kind="stable")


def journeys(calendar_table):
    """One row per leader who travelled to a meeting: the capitals of the countries taking part (from
    ``actors``), except the venue's own country, to the venue. Meetings without a venue are left out.

    Columns: year, meeting, from_country, from_capital, venue (place ids, ready for ``maps.journey_map``).

    >>> trips = journeys(calendar())
    >>> sorted(trips.loc[trips["meeting"].str.startswith("Xi Jinping's state"), "from_capital"])
    ['beijing']
    """
    import pandas as pd
    from crossroads import data

    places = data.load("places").set_index("id")
    capitals = places[places["kind"] == "capital"].reset_index().set_index("country")["id"]
    rows = []
    for meeting in calendar_table.dropna(subset=["place_id"]).itertuples():
        venue_country = places.at[meeting.place_id, "country"]
        for country in data.split_list(meeting.actors):
            if country in capitals.index and country != venue_country:
                rows.append({"year": int(meeting.year), "meeting": meeting.title, "from_country": country,
                             "from_capital": capitals[country], "venue": meeting.place_id})
    return pd.DataFrame(rows, columns=["year", "meeting", "from_country", "from_capital", "venue"])


def _venue_counts():
    import pandas as pd

    counts = calendar()["venue_country"].value_counts()
    return pd.DataFrame({"venue_country": counts.index, "meetings": counts.values})


def _month_only() -> set[str]:
    table = calendar()
    return set(table.loc[table["precision"] == "month", "title"])


def _xian_countries() -> set[str]:
    from crossroads import data

    countries = data.load("countries")
    names = dict(zip(countries["iso3"], countries["name"]))
    actors = data.split_list(_events().at["xian_summit_ref", "actors"])
    return {names[a] for a in actors if a in names}


def _gap_victory_day_xian() -> int:
    return int((_day("xian_summit_ref") - _day("victory_day_moscow_2023")).days)


def _shortest_gap_october() -> int:
    import pandas as pd

    events = _events()
    year, month = int(events.at["russia_central_asia_summit_2022_10", "year"]), int(
        events.at["russia_central_asia_summit_2022_10", "month"])
    last_day = pd.Timestamp(year=year, month=month, day=1) + pd.offsets.MonthEnd(0)
    return int((_day("xian_summit_ref") - last_day).days)


q1 = Ordering(
    "q1",
    "Put these meetings of 2022 and 2023 in time order, earliest first. Section 1 gives their dates in two "
    "threads, China's and Russia's: merge them.",
    [
        "Online China-Central Asia summit",
        "Xi's state visit to Kazakhstan",
        "Russia-Central Asia summit",
        "Xi-Putin summit",
        "Victory Day parade in Moscow",
        "China-Central Asia summit in Xi'an",
        "Putin's visit to Astana",
    ],
    shown=[
        "Xi-Putin summit",
        "Putin's visit to Astana",
        "Online China-Central Asia summit",
        "China-Central Asia summit in Xi'an",
        "Russia-Central Asia summit",
        "Victory Day parade in Moscow",
        "Xi's state visit to Kazakhstan",
    ],
    traps={
        ("Online China-Central Asia summit", "Xi's state visit to Kazakhstan", "China-Central Asia summit in Xi'an",
         "Russia-Central Asia summit", "Xi-Putin summit", "Victory Day parade in Moscow", "Putin's visit to Astana"):
            "That is China's thread and then Russia's: the two threads interleave in time.",
    },
    title="The summit calendar in order",
    hints=[
        "Write each meeting's month and year next to it first; three are in 2022 and four in 2023.",
        "Within one year, order by month; check both threads for each month.",
        "Two meetings fall in May 2023: compare their days (9 May, and 18-19 May).",
    ],
    solution="""answer_q1 = [
    "Online China-Central Asia summit",     # 25 January 2022 (src-001)
    "Xi's state visit to Kazakhstan",       # September 2022 (src-000)
    "Russia-Central Asia summit",           # 14 October 2022 (src-004 gives the month)
    "Xi-Putin summit",                      # 20-22 March 2023 (src-004)
    "Victory Day parade in Moscow",         # 9 May 2023 (src-004)
    "China-Central Asia summit in Xi'an",   # 18-19 May 2023 (src-000 gives 19 May)
    "Putin's visit to Astana",              # 9 November 2023 (src-003)
]""",
    explanation="The branded New York Weekly piece (src-001) dates the online summit to 25 January 2022; Heenan "
                "(src-000) puts Xi's state visit in September 2022; Wishnick (src-004) gives the Russia-Central "
                "Asia summit (October 2022; 14 October in Astana, ref-nca-russia-ca-2022), the Xi-Putin summit "
                "(20-22 March 2023) and Victory Day (9 May 2023); the Xi'an summit ran 18-19 May 2023; the "
                "Eurasia Daily Monitor piece (src-003) dates Putin's visit to Astana to 9 November 2023.",
    why="The sources read the order as a sequence of answers, each side meeting the five soon after the other; "
        "putting the threads together is how you see it.",
)

q2 = TableAnswer(
    "q2",
    "Count the meetings in `calendar` by the country of their venue: a DataFrame with the columns "
    "`venue_country` and `meetings` (one row per country; meetings without a venue are left out), as in the "
    "worked example on formats.",
    _venue_counts,
    columns=["venue_country", "meetings"],
    title="Meetings by venue country",
    hints=[
        "Start from the column `calendar[\"venue_country\"]`, as the worked example starts from `calendar[\"format\"]`.",
        "`.value_counts()` counts each country's meetings; empty venues are left out by itself.",
        "Build the table from the counts: `pd.DataFrame({\"venue_country\": venue_counts.index, \"meetings\": "
        "venue_counts.values})`.",
    ],
    solution="""venue_counts = calendar["venue_country"].value_counts()
answer_q2 = pd.DataFrame({"venue_country": venue_counts.index, "meetings": venue_counts.values})""",
    explanation="Kazakhstan hosted five of the meetings: Xi's visit in September 2022 (src-000), the CICA, CIS and "
                "Russia-Central Asia summits of 13-14 October 2022 in Astana (TASS, ref-tass-astana-summits-2022) "
                "and Putin's visit in November 2023 (src-003). Russia and China hosted two each (src-004, "
                "src-002). The online summit of January 2022 and the talks with Wang Huning (src-003 names no "
                "place) have no venue.",
    why="Kazakhstan is not only a guest: both great powers came to Astana, and it hosted more of these meetings "
        "than either of them.",
)

q3 = Numeric(
    "q3",
    "Read the calendar chart (or its text description): how many of the meetings are drawn with hollow markers, "
    "because the course's source gives only their month?",
    lambda: len(_month_only()),
    unit="meetings",
    tolerance=0,
    title="How many dates are only months?",
    traps=lambda: {len(CALENDAR): "That counts every meeting on the chart; count only the hollow markers.",
                   len(CALENDAR) - len(_month_only()): "Those are the meetings known to the day (filled markers); "
                                                       "count the hollow ones."},
    hints=[
        "The chart's note says what a hollow marker means; its text description lists every meeting with its date.",
        "A date written as a month and a year, such as 'March 2021', has no day.",
        "In the table, the column `precision` says 'month' for these rows: keep the rows where "
        "`calendar[\"precision\"] == \"month\"` and count them with `len(...)`, as in the worked example.",
    ],
    solution="""answer_q3 = len(calendar[calendar["precision"] == "month"])""",
    explanation="Three meetings are known only to the month in the course's sources: Xi's state visit (src-000 "
                "says September 2022), Tokayev's state visit to China (src-002: May 2023) and his talks with Wang "
                "Huning (src-003: October 2023). The chart draws them mid-month with hollow markers.",
    why="A chart can look more exact than its data: know which points are only months before you count days.",
)

q4 = SetAnswer(
    "q4",
    "Read Map 1, the summit journeys (or the `journeys` table): whose leaders were in Xi'an for the "
    "China-Central Asia summit? The host draws no line on the map, because its leader did not travel. Give the "
    "countries by name.",
    _xian_countries,
    options=["China", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "Russia",
             "Mongolia", "Afghanistan"],
    traps={
        ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"):
            "Those are the travellers; the question asks who was there, and the host was there too.",
    },
    title="Who was in Xi'an",
    hints=[
        "Find the lines that end in Xi'an and the capitals they start from.",
        "The format is called C5+1: five Central Asian states plus one partner.",
        "The host's leader is there without travelling; a Kyrgyz official's quip about the summit (section 6) "
        "names a country that was present only in absentia, that is, not there.",
    ],
    solution='''answer_q4 = {"China", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"}''',
    explanation="The five Central Asian presidents travelled to Xi'an and Xi Jinping hosted them (src-000, "
                "src-004; the Xi'an Declaration, ref-xian-declaration-2023). Russia was not there; the 'C5+2' quip "
                "in src-004 says its interests were present even though its president was not.",
    why="Who is in the room, and who is present only in everyone's mind, is part of what a summit says.",
)

q5 = Numeric(
    "q5",
    "How many days passed between the Victory Day gathering in Moscow and the opening day of the "
    "Xi'an summit? Use the events `victory_day_moscow_2023` and `xian_summit_ref`.",
    _gap_victory_day_xian,
    unit="days",
    tolerance=0,
    title="Moscow to Xi'an: the day gap",
    traps={10: "That counts to src-000's date, the summit's main day; the question asks for its opening day "
               "(`xian_summit_ref`)."},
    hints=[
        "Turn both dates into pandas timestamps with `pd.Timestamp(...)` and subtract them.",
        "The difference is a time span; its `.days` is a whole number.",
        "Redo the worked example with `by_id.at[\"xian_summit_ref\", \"date\"]` in place of src-000's date.",
    ],
    solution="""answer_q5 = (pd.Timestamp(by_id.at["xian_summit_ref", "date"]) - victory_day).days""",
    explanation="Victory Day was on 9 May 2023 (src-004); the Xi'an summit opened on 18 May 2023 "
                "(ref-nca-xian-outcomes-2023): 9 days. With src-000's date, 19 May, you get 10: src-000 names "
                "the summit's main day, not its first. src-004's 'within a couple of weeks' fits both.",
    why="The same five presidents stood beside Putin and then beside Xi within nine days: the sources read "
        "the timing as a message.",
)

q6 = Numeric(
    "q6",
    "Wishnick (src-004) dates the Russia-Central Asia summit only to 'October 2022'. Assume nothing more. What is "
    "the SHORTEST number of days it can have been before the opening of the Xi'an summit (18 May 2023)?",
    _shortest_gap_october,
    unit="days",
    tolerance=0,
    title="A month-precision date: the shortest gap",
    traps={229: "That is the longest possible gap, from 1 October; the shortest starts from the last day of "
                "October.",
           200: "Check the last day of October: it has 31 days."},
    hints=[
        "If you only know the month, the summit could have been on any day from the first to the last of October.",
        "The gap is shortest when the earlier event is as late as possible.",
        "The worked example computes `last_day`; subtract it from `xian_opening` and take `.days`.",
    ],
    solution="""answer_q6 = (xian_opening - last_day).days  # from the latest possible October day""",
    explanation="src-004 gives only the month, so every day of October 2022 is possible. The latest, "
                "31 October, gives 199 days before 18 May 2023; the earliest, 1 October, gives 229. "
                "A month-precision date gives a range, never a single day gap.",
    why="A gap in days needs both dates to the day; with a month you can only give the shortest and the "
        "longest possible gap.",
)

q7 = Choice(
    "q7",
    "Wishnick (src-004) reports that Russian commentators said Putin 'had a six-month lead on Xi'. Compute the gap "
    "from the reference date of the Russia-Central Asia summit (`russia_central_asia_summit_ref`) to the opening "
    "day of the Xi'an summit, in days and then in months. How long was the lead?",
    "More than seven months: the phrase understates the lead",
    options=[
        "More than seven months: the phrase understates the lead",
        "Under six months: the phrase exaggerates the lead",
        "Exactly six months",
        "It cannot be checked",
    ],
    notes={
        "Under six months: the phrase exaggerates the lead":
            "Count the days again and divide by the average length of a month (about 30.4 days).",
        "Exactly six months":
            "Six months after the reference date would land in mid-April, not in mid-May.",
        "It cannot be checked":
            "With src-004 alone you get a range; the course also has a reference date to the day.",
    },
    title="Checking the 'six-month lead'",
    hints=[
        "Subtract the two dates: `pd.Timestamp(by_id.at[\"russia_central_asia_summit_ref\", \"date\"])` from "
        "`xian_opening`, and take `.days`.",
        "Divide the days by the average month, `365.25 / 12`.",
        "Compare your number of months with six and with seven.",
    ],
    solution='answer_q7 = "More than seven months: the phrase understates the lead"',
    explanation="The reference date puts the Russia-Central Asia summit on 14 October 2022 in Astana "
                "(ref-nca-russia-ca-2022): 216 days, about 7.1 months, before Xi'an opened on 18 May 2023. Even "
                "src-004's own month alone gives 199 to 229 days, more than six and a half months. The "
                "commentators quoted by src-004 rounded down; their point that Putin met the five leaders first "
                "stands.",
    why="Round figures in quotations ('six months', 'a couple of weeks') are claims to check, not data.",
)

q8 = Choice(
    "q8",
    "The unsigned May 2023 article (src-002) stresses that Xi'an was a stand-alone summit, not a side meeting of "
    "another summit. Read Map 2 and the rows of `astana_2022`: which description fits the first Russia-Central "
    "Asia summit best?",
    "Part of a cluster of summits in Astana, on the same day as the CIS summit",
    options=[
        "Part of a cluster of summits in Astana, on the same day as the CIS summit",
        "A stand-alone summit, like Xi'an",
        "A side meeting of an SCO summit",
        "An online meeting, like the China-Central Asia summit of January 2022",
    ],
    notes={
        "A stand-alone summit, like Xi'an": "Look at the dates and places of the other rows in `astana_2022`.",
        "A side meeting of an SCO summit": "None of the rows is an SCO summit; which organizations met in "
                                           "Astana that week?",
        "An online meeting, like the China-Central Asia summit of January 2022":
            "The map marks a venue: the leaders met in person.",
    },
    title="Stand-alone or alongside?",
    hints=[
        "Read the `date` and `place_id` of each row in `astana_2022`.",
        "Which other meetings of leaders took place in the same city on the same day, or the day before?",
        "Compare with how src-002 describes Xi'an: was anything else held there that week?",
    ],
    solution='answer_q8 = "Part of a cluster of summits in Astana, on the same day as the CIS summit"',
    explanation="The first Russia-Central Asia summit met in Astana on 14 October 2022 (nCa, "
                "ref-nca-russia-ca-2022), the day after the CICA summit there (TASS, ref-tass-astana-summits-2022) "
                "and the same day as the CIS summit, held under Kazakhstan's chairmanship (Vestnik Kavkaza, "
                "ref-vestikavkaza-cis-2022). Putin came for three summits at once. Xi'an, by contrast, was held "
                "on its own (src-002): the contrast is part of what src-002 reads as China acting independently.",
    why="A format carries meaning: a summit of its own says the relationship deserves a trip of its own.",
)

q9 = Choice(
    "q9",
    "Wishnick (src-004) says the Xi'an summit 'produced no new major economic or security agreements'; Chinese "
    "officials called it a 'milestone'. Read the table `xian_outputs`. Which statement is fairest?",
    "It produced a declaration, a standing mechanism and pledges, but no treaty: both verdicts have grounds",
    options=[
        "It produced a declaration, a standing mechanism and pledges, but no treaty: both verdicts have grounds",
        "src-004 is wrong: the summit signed a security treaty",
        "src-004 is right: the summit produced nothing at all",
        "The 26 billion yuan was money already paid out",
    ],
    notes={
        "src-004 is wrong: the summit signed a security treaty":
            "Read the security row again: is it a treaty, or an offer made in a speech?",
        "src-004 is right: the summit produced nothing at all": "Count the rows of `xian_outputs`.",
        "The 26 billion yuan was money already paid out": "Read the row's verb: 'pledges'. A pledge is a promise.",
    },
    title="What Xi'an produced",
    hints=[
        "Read the `title` and `description` of each row of `xian_outputs`, and note what kind of thing each is.",
        "Sort them: a document, a standing arrangement, a promise of money, a call, an offer. Is any of them a "
        "treaty that binds the states?",
        "Then ask whether 'no major agreements' and 'milestone' can both describe that list.",
    ],
    solution='answer_q9 = "It produced a declaration, a standing mechanism and pledges, but no treaty: both verdicts have grounds"',
    explanation="The six presidents signed the Xi'an Declaration, which makes the summit a mechanism meeting every "
                "two years and orders a study of a permanent secretariat (ref-xian-declaration-2023); Xi pledged "
                "26 billion yuan (about USD 3.7 bn) in loans and grants (NHK, ref-nhk-xian-2023), called for "
                "faster work on Line D (CGTN, ref-cgtn-line-d-2023) and, in Reuters' report, offered to help "
                "build Central Asian law-enforcement, security and defence capacity against 'colour revolutions' "
                "(ref-reuters-xian-2023). That is a standing format and promises, not a new treaty: src-004's "
                "'no major agreements' and the officials' 'milestone' each describe part of it.",
    why="Before judging whether a summit 'produced' anything, list what it produced and of what kind: "
        "mechanisms and pledges are not treaties, but they are not nothing.",
)

q10 = Choice(
    "q10",
    "The unsigned May 2023 article (src-002) reports 47 agreements with a projected value of $22 bn; Wishnick "
    "(src-004) says the Xi'an summit 'produced no new major economic or security agreements'. Which reading fits "
    "both texts best?",
    "They measure different things",
    options=[
        "They measure different things",
        "src-004 was written before the summit",
        "The $22 bn is a trade figure",
        "One of the articles invents its facts",
    ],
    notes={
        "src-004 was written before the summit": "Check the date of src-004 in `data.sources()`.",
        "The $22 bn is a trade figure":
            "Look up which figure src-002 gives for 2022 trade, and what it says the $22 bn is.",
        "One of the articles invents its facts":
            "Two accurate texts can reach different verdicts; look at what each one counts.",
    },
    title="Two verdicts on Xi'an",
    hints=[
        "Read who signed the 47 agreements in src-002, and in which setting.",
        "Is $22 bn money spent or a projection? And does src-004 speak of bilateral deals or of the summit "
        "of six?",
        "Compare with q9: what kind of thing did the summit of six produce?",
    ],
    solution='answer_q10 = "They measure different things"',
    explanation="src-002 counts the 47 agreements of Tokayev's bilateral state visit, with 'a total projected "
                "value' of $22 bn. src-004 (2023, after the summit) weighs the multilateral summit and finds no "
                "new major economic or security agreement; what the summit of six did produce was a declaration, "
                "mechanisms and pledges (q9), which nCa counts as 54 agreements and initiatives "
                "(ref-nca-xian-outcomes-2023). Both can be right; the verdict depends on what is counted.",
    why="Before you decide which source is right, check that they are measuring the same thing.",
)

q11 = SourceCritique(
    "q11",
    "Four statements from the unsigned May 2023 article (src-002). Which one is flawed, and why?",
    ("B", "1"),
    figures={
        "A": "Xi'an is a former capital of several Chinese dynasties, including the Tang.",
        "B": "The title: 'Kazakhstan and Chinese Premiers Meet to Discuss the New Silk Road'.",
        "C": "47 agreements were signed, with a total projected value of $22 bn.",
        "D": "The summit was a stand-alone event, not a sidebar of an SCO meeting.",
    },
    reasons={
        "1": "It names the wrong office: the article itself calls both men presidents, and a premier is a "
             "head of government, a different post.",
        "2": "Another seed gives a different number for the same thing.",
        "3": "It is a projection presented as money already spent.",
        "4": "It uses a city name that was out of date when the article was written.",
    },
    notes={
        "A": "Chang'an, today's Xi'an, was the Han and Tang capital (see its entry in places.csv).",
        "C": "The article itself says 'projected', and no other seed counts the same set of agreements.",
        "D": "src-002 makes this point on purpose, as evidence of China acting on its own.",
    },
    title="One flawed statement",
    hints=[
        "Compare the title of src-002 with the way its text names the two men.",
        "Look up what a premier is in the glossary or a dictionary, and what office each man holds.",
    ],
    solution='answer_q11 = ("B", "1")',
    explanation="The body of src-002 speaks of 'President Kassym-Jomart Tokayev' and 'China's President Xi "
                "Jinping', yet its title calls them 'premiers'. A premier (prime minister) heads a government; "
                "both men are heads of state. In May 2023 the premiers were Li Qiang in China (Union Leader, "
                "ref-unionleader-xian-2023) and Alikhan Smailov in Kazakhstan (Interfax, ref-interfax-btc-2023). "
                "Xi's first post is General Secretary of the Communist Party, the title the Eurasia Daily Monitor "
                "piece (src-003) uses; President is his state office. The slip does not make the article's facts "
                "wrong, but it shows the title was written with less care: a reason to check its other claims.",
    why="Titles are often written by someone other than the author; an error in a headline is a cue to "
        "read the body closely.",
)

q12 = Choice(
    "q12",
    "At the joint press conference with the Russian delegation in Astana on 9 November 2023, Tokayev "
    "spoke Kazakh. How does the Eurasia Daily Monitor piece (src-003) read this choice?",
    "A reply to Russian dismissiveness about Kazakh",
    options=[
        "A reply to Russian dismissiveness about Kazakh",
        "A courtesy the Russian side had asked for",
        "A sign of warmer relations with Russia",
        "src-003 gives no interpretation",
    ],
    notes={
        "A courtesy the Russian side had asked for": "src-003 says the Russian officials were unprepared for it.",
        "A sign of warmer relations with Russia":
            "Look at the title of src-003 and at how it describes relations in November 2023.",
        "src-003 gives no interpretation": "Read the sentence that follows the report of the press conference.",
    },
    title="The language of a press conference",
    hints=[
        "Find the row `tokayev_speaks_kazakh_2023_11` in `data.load(\"events\")` and read its description.",
        "src-003's title says how it sees relations with Russia in late 2023.",
    ],
    solution='answer_q12 = "A reply to Russian dismissiveness about Kazakh"',
    explanation="src-003 calls Tokayev's use of Kazakh 'unprecedented', says the Russian officials scrambled "
                "for translation, and reads it as Astana's response to Moscow's dismissive attitude towards "
                "the Kazakh language and to claims that Kazakh statehood lacks historical roots. That is "
                "src-003's interpretation, in an article arguing that relations were cooling.",
    why="In diplomacy the language spoken, the order of a photo line-up and who attends can carry a message "
        "that no communiqué states.",
)

lesson = Lesson("04", "Summit diplomacy, 2022–2023", [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12])
progress = lesson.progress
