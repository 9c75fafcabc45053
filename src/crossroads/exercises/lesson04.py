"""Exercises for lesson 04, Summit diplomacy, 2022–2023.

>>> from crossroads.exercises import lesson04 as ex
>>> ex.q3.check(9).correct
True
"""
from __future__ import annotations

from crossroads.exercises.core import Choice, Lesson, Numeric, Ordering, SetAnswer, SourceCritique, TableAnswer

CALENDAR: dict[str, str] = {
    "china_central_asia_summit_2022_01": "C5+1 summit (online)",
    "xi_visit_kazakhstan_2022_src000": "bilateral visit",
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


def _events():
    from crossroads import data

    return data.load("events").set_index("id")


def _day(event_id: str):
    import pandas as pd

    return pd.Timestamp(str(_events().at[event_id, "date"]))


def _venue_counts():
    from crossroads import data

    events = data.load("events")
    places = data.load("places").set_index("id")
    calendar = events[events["id"].isin(list(CALENDAR))].copy()
    calendar["venue_country"] = calendar["place_id"].map(places["country"])
    return calendar.groupby("venue_country").size().reset_index(name="meetings")


def _gap_victory_day_xian() -> int:
    return int((_day("xian_summit_ref") - _day("victory_day_moscow_2023")).days)


def _shortest_gap_october() -> int:
    import pandas as pd

    events = _events()
    year, month = int(events.at["russia_central_asia_summit_2022_10", "year"]), int(
        events.at["russia_central_asia_summit_2022_10", "month"])
    last_day = pd.Timestamp(year=year, month=month, day=1) + pd.offsets.MonthEnd(0)
    return int((_day("xian_summit_ref") - last_day).days)


def _xian_countries() -> set[str]:
    from crossroads import data

    names = dict(zip(data.load("countries")["iso3"], data.load("countries")["name"]))
    actors = data.split_list(_events().at["xian_summit_ref", "actors"])
    return {names[a] for a in actors if a in names}


q1 = Ordering(
    "q1",
    "Put these meetings of 2022 and 2023 in time order, earliest first. The story above gives "
    "their dates (or use `data.load(\"events\")`).",
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
    title="The summit calendar in order",
    hints=[
        "Three of the meetings happened in 2022 and four in 2023.",
        "In 2022: January, then September, then October. In 2023: March, then two in May, then November.",
        "Of the two May 2023 meetings, Moscow came first, then Xi'an.",
    ],
    solution="""answer_q1 = [
    "Online China-Central Asia summit",     # 25 January 2022 (src-001)
    "Xi's state visit to Kazakhstan",       # September 2022 (src-000)
    "Russia-Central Asia summit",           # October 2022 (src-004)
    "Xi-Putin summit",                      # 20-22 March 2023 (src-004)
    "Victory Day parade in Moscow",         # 9 May 2023 (src-004)
    "China-Central Asia summit in Xi'an",   # 18-19 May 2023 (src-000 gives 19 May)
    "Putin's visit to Astana",              # 9 November 2023 (src-003)
]""",
    explanation="src-001 dates the online summit to 25 January 2022; src-000 puts Xi's state visit in "
                "September 2022; src-004 gives the Russia-Central Asia summit (October 2022), the Xi-Putin "
                "summit (20-22 March 2023) and Victory Day (9 May 2023), and says the leaders flew to Xi'an "
                "within a couple of weeks; src-000 dates Xi'an to 19 May 2023; src-003 dates Putin's visit "
                "to Astana to 9 November.",
    why="The order is the argument: each side answered the other's meeting with one of its own, often "
        "within weeks.",
)

q2 = TableAnswer(
    "q2",
    "Count the meetings in `calendar` by the country of their venue: a DataFrame with the columns "
    "`venue_country` and `meetings` (one row per country; meetings without a venue are left out).",
    _venue_counts,
    columns=["venue_country", "meetings"],
    title="Meetings by venue country",
    hints=[
        "Group the rows of `calendar` by the column `venue_country` and count the rows of each group.",
        "`calendar.groupby(\"venue_country\").size()` gives a Series; turn it into a table with two columns.",
        "`.reset_index(name=\"meetings\")` turns the Series into a DataFrame and names the count column.",
    ],
    solution="""from crossroads import data
events = data.load("events")
places = data.load("places").set_index("id")
calendar = events[events["id"].isin(list(ex.CALENDAR))].copy()   # as built in the lesson
calendar["venue_country"] = calendar["place_id"].map(places["country"])
answer_q2 = calendar.groupby("venue_country").size().reset_index(name="meetings")""",
    explanation="Kazakhstan hosted three of the meetings (Xi in September 2022, src-000; the Russia-Central "
                "Asia summit, whose venue, Astana, comes from a general reference, ref-wikidata; Putin in "
                "November 2023, src-003), Russia two (Xi-Putin and Victory Day, src-004) and China two (the "
                "Xi'an summit and Tokayev's state visit there, src-002). The online summit of January 2022 "
                "and the talks with Wang Huning (src-003 names no place) have no venue.",
    why="Kazakhstan is not only a guest: both great powers came to Astana, and the country hosted as often "
        "as Russia and China did.",
)

q3 = Numeric(
    "q3",
    "How many days passed between the Victory Day gathering in Moscow and the opening day of the "
    "Xi'an summit? Use the events `victory_day_moscow_2023` and `xian_summit_ref`.",
    _gap_victory_day_xian,
    unit="days",
    tolerance=0,
    title="Moscow to Xi'an: the day gap",
    hints=[
        "Turn both dates into pandas timestamps with `pd.Timestamp(...)` and subtract them.",
        "The difference is a Timedelta; its `.days` attribute is a whole number.",
        "Both events are in May 2023: the 18th minus the 9th.",
    ],
    solution="""import pandas as pd
from crossroads import data
events = data.load("events").set_index("id")
gap = pd.Timestamp(events.at["xian_summit_ref", "date"]) - pd.Timestamp(events.at["victory_day_moscow_2023", "date"])
answer_q3 = gap.days""",
    explanation="Victory Day was on 9 May 2023 (src-004); the Xi'an summit opened on 18 May 2023 (general "
                "reference, ref-wikidata): 9 days. With src-000's date, 19 May, you get 10: src-000 names "
                "the summit's main day, not its first. src-004's 'within a couple of weeks' fits both.",
    why="The same five presidents stood beside Putin and then beside Xi within nine days: the sources read "
        "the timing as a message.",
)

q4 = Numeric(
    "q4",
    "src-004 dates the Russia-Central Asia summit only to 'October 2022'. Assume nothing more. What is "
    "the SHORTEST number of days it can have been before the opening of the Xi'an summit (18 May 2023)?",
    _shortest_gap_october,
    unit="days",
    tolerance=0,
    title="A month-precision date: the shortest gap",
    hints=[
        "If you only know the month, the summit could have been on any day from 1 to 31 October.",
        "The gap is shortest when the earlier event is as late as possible: take 31 October 2022.",
        "Compute `pd.Timestamp(\"2023-05-18\") - pd.Timestamp(\"2022-10-31\")` and take `.days`.",
    ],
    solution="""import pandas as pd
answer_q4 = (pd.Timestamp("2023-05-18") - pd.Timestamp("2022-10-31")).days  # the latest possible October day""",
    explanation="src-004 gives only the month, so every day of October 2022 is possible. The latest, "
                "31 October, gives 199 days before 18 May 2023; the earliest, 1 October, gives 229. "
                "A month-precision date gives a range, never a single day gap.",
    why="A gap in days needs both dates to the day; with a month you can only give the shortest and the "
        "longest possible gap.",
)

q5 = Choice(
    "q5",
    "src-004 reports that Russian commentators said Putin 'had a six-month lead on Xi'. Using the reference "
    "date of the Russia-Central Asia summit (`russia_central_asia_summit_ref`) and the opening day of the "
    "Xi'an summit, how long was the lead?",
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
        "Subtract the two dates: the reference date of the Russia-Central Asia summit and 18 May 2023.",
        "Divide the days by 30.4, the average number of days in a month.",
        "14 October 2022 to 18 May 2023 is 216 days.",
    ],
    solution='answer_q5 = "More than seven months: the phrase understates the lead"',
    explanation="The reference date (ref-wikidata) puts the Russia-Central Asia summit on 14 October 2022: "
                "216 days, about 7.1 months, before Xi'an opened on 18 May 2023. Even src-004's own month "
                "alone gives 199 to 229 days, more than six and a half months. The commentators quoted by "
                "src-004 rounded down; their point that Putin met the five leaders first stands.",
    why="Round figures in quotations ('six months', 'a couple of weeks') are claims to check, not data.",
)

q6 = SetAnswer(
    "q6",
    "Read the map of summit journeys: whose leaders were in Xi'an for the China-Central Asia summit? "
    "Give the countries by name.",
    _xian_countries,
    options=["China", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan", "Russia",
             "Mongolia", "Afghanistan"],
    title="Who was in Xi'an",
    hints=[
        "Count the lines that end in Xi'an, and do not forget the host.",
        "The format is called C5+1: five Central Asian states plus one partner.",
        "A Kyrgyzstani official called it 'C5+2 - with Russia in absentia' (src-004): in absentia means "
        "not there.",
    ],
    solution='''answer_q6 = {"China", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"}''',
    explanation="The five Central Asian presidents travelled to Xi'an and Xi Jinping hosted them (src-000, "
                "src-004). Russia was not there; the 'C5+2' quip in src-004 says its interests were present "
                "even though its president was not.",
    why="Who is in the room, and who is present only in everyone's mind, is part of what a summit says.",
)

q7 = Choice(
    "q7",
    "src-002 reports 47 agreements with a projected value of $22 bn; src-004 says the Xi'an summit "
    "'produced no new major economic or security agreements'. Which reading fits both texts best?",
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
    ],
    solution='answer_q7 = "They measure different things"',
    explanation="src-002 counts the 47 agreements of Tokayev's bilateral state visit, with 'a total projected "
                "value' of $22 bn. src-004 (11 August 2023, after the summit) weighs the multilateral summit "
                "and finds no new major economic or security agreement, while noting plans for a permanent "
                "secretariat and a 2025 summit. Both can be right; the verdict depends on what is counted.",
    why="Before you decide which source is right, check that they are measuring the same thing.",
)

q8 = SourceCritique(
    "q8",
    "Four statements from src-002. Which one is flawed, and why?",
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
    title="Presidents or premiers?",
    hints=[
        "Compare the title of src-002 with the first sentence of its text.",
        "Tokayev and Xi Jinping each hold the office of president; what is a premier?",
    ],
    solution='answer_q8 = ("B", "1")',
    explanation="The body of src-002 speaks of 'President Kassym-Jomart Tokayev' and 'China's President Xi "
                "Jinping', yet its title calls them 'premiers'. A premier (prime minister) heads a government; "
                "both men are heads of state. The slip does not make the article's facts wrong, but it shows "
                "the title was written with less care: a reason to check its other claims (see the note on "
                "src-002 in data/sources.csv).",
    why="Titles are often written by someone other than the author; an error in a headline is a cue to "
        "read the body closely.",
)

q9 = Choice(
    "q9",
    "At the joint press conference with the Russian delegation in Astana on 9 November 2023, Tokayev "
    "spoke Kazakh. How does src-003 read this choice?",
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
        "Find the paragraph about Putin's visit in src-003.",
        "The sentence after it begins 'This move can be considered…'.",
    ],
    solution='answer_q9 = "A reply to Russian dismissiveness about Kazakh"',
    explanation="src-003 calls Tokayev's use of Kazakh 'unprecedented', says the Russian officials scrambled "
                "for translation, and reads it as Astana's response to Moscow's dismissive attitude towards "
                "the Kazakh language and to claims that Kazakh statehood lacks historical roots. That is "
                "src-003's interpretation, in an article arguing that relations were cooling.",
    why="In diplomacy the language spoken, the order of a photo line-up and who attends can carry a message "
        "that no communiqué states.",
)

lesson = Lesson("04", "Summit diplomacy, 2022–2023", [q1, q2, q3, q4, q5, q6, q7, q8, q9])
progress = lesson.progress
