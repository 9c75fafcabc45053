"""Exercises for lesson 01, The Silk Road, old and new (numbered in the order the lesson meets them).

q1-q3 test src-001's Zhang Qian story and check it against a second source (the *Shiji*), q4 counts a
span across the turn of the era, q5-q6 read the caravan table and the corridor map, q7-q8 read the
land-bridge figures (a unit, a scope), q9-q10 read the timeline, q11-q13 date src-001's text.

>>> from crossroads.exercises import lesson01 as ex
>>> ex.q1.check(-123).correct, ex.q4.check(1600).correct
(True, False)
"""
from __future__ import annotations

from crossroads.exercises.core import Choice, Lesson, Numeric, Ordering, SetAnswer, SourceCritique

# --------------------------------------------------------------------------- helpers (lazy: data is read on first check)

CHRONOLOGY = ["silk_road_begins", "zhang_qian_mission", "zhang_qian_return", "silk_road_ends", "kaz_independence",
              "bri_launch_astana"]
"""The events on the lesson's timeline chart (``charts.chronology(ids=ex.CHRONOLOGY)``)."""


def _events():
    from crossroads import data

    return data.load("events").set_index("id")


def _year(event_id: str) -> int:
    return int(_events().at[event_id, "year"])


def _span(start: int, end: int) -> int:
    """Years from 1 January of ``start`` to 1 January of ``end``; BCE years negative, no year 0."""
    return end - start - (1 if start < 0 < end else 0)


def _silk_road_span() -> int:
    return _span(_year("silk_road_begins"), _year("silk_road_ends"))


def _return_to_belt() -> int:
    return _span(_year("zhang_qian_return"), _year("bri_launch_astana"))


def _earliest_second_return() -> int:
    return _year("zhang_qian_mission") + 13 + 2  # src-001: 13 years held, then two more on the next trip


def _border_km() -> float:
    from crossroads import data

    return data.figure("border_kaz_china_src001") * 1.609344


def _caravan_km(last_stop: str | None = "otrar") -> float:
    from crossroads import data
    from crossroads.geo import path_length_km

    routes = data.load("routes").set_index("id")
    places = data.load("places").set_index("id")
    stops = data.split_list(routes.at["silk_road_northern", "waypoints"])
    if last_stop is not None:
        stops = stops[: stops.index(last_stop) + 1]
    return path_length_km([(places.at[p, "lat"], places.at[p, "lon"]) for p in stops])


def _caravan_traps() -> dict:
    whole = _caravan_km(None) / 30
    return {(whole - 3, whole + 3): "That is the whole northern route as the map draws it, on past Otrar to the "
                                    "Caspian. Stop at Otrar: read the cumulative distance on the row that ends there."}


# --------------------------------------------------------------------------- questions

q1 = Numeric(
    "q1",
    "src-001 says Zhang Qian set out in 138 BC, spent 13 years as a prisoner of the Xiongnu until he got away home, "
    "and on his next trip was held again for two years. Take those numbers at face value and ignore travel time: "
    "what is the earliest year he could have come home from that second trip? Give a year BCE as a negative number "
    "(-100 for 100 BCE).",
    _earliest_second_return,
    tolerance=0,
    title="Zhang Qian's earliest return",
    traps={
        123: "Right number of years, wrong side of the era: the course writes years BCE as negative numbers.",
        -153: "Years BCE count down towards year 1, so time passing makes the negative number smaller in size "
              "(closer to zero), not larger.",
        153: "Years BCE count down towards year 1: later years BCE have smaller numbers. "
             "And write BCE years as negative numbers.",
        -125: "That is the return date the source gives. Does it leave any room for the second captivity?",
        -138: "That is the year he set out. Add the years he spent in captivity.",
        -136: "That adds only the second captivity. Add both: the 13 years and the two.",
    },
    hints=[
        "Time moves towards year 1 in the BCE era: 10 years after 138 BCE is 128 BCE.",
        "In the course's numbers 138 BCE is -138; adding years moves towards zero.",
        "Write the departure year as a negative number and add both captivities to it; let Python do the sum.",
    ],
    solution="""# -138: the year of "Zhang Qian sets out for the Western Regions" in the table `ancient` above
answer_q1 = -138 + 13 + 2   # 13 years held, then 2 more on the second trip""",
    explanation="src-001: departure 138 BC, 13 years held by the Xiongnu, then two more years of captivity on the "
                "next trip. 138 BCE plus 15 years is 123 BCE (-138 + 15 = -123), before any travel time, yet the "
                "same article dates his return to 125 BCE.",
    why="Turning a source's durations into dates is the quickest way to test whether its story holds together.",
)

q2 = Choice(
    "q2",
    "What follows from your answer to q1, set beside the return year src-001 itself gives (125 BCE)?",
    "src-001's dates and durations cannot all be right",
    options=[
        "src-001's dates and durations cannot all be right",
        "There is no problem: 13 + 2 = 15 is the same as 138 - 125",
        "The departure year is wrong; the rest must be right",
        "The second capture must have come before the first",
    ],
    title="What the Zhang Qian numbers imply",
    notes={
        "There is no problem: 13 + 2 = 15 is the same as 138 - 125": "Check the subtraction: 138 − 125 is not 15.",
        "The departure year is wrong; the rest must be right": "Any one of the four numbers could be the wrong one; "
                                                               "src-001 alone cannot tell you which.",
        "The second capture must have come before the first": "Nothing in src-001 suggests that; it tells the "
                                                              "captures in order.",
    },
    hints=[
        "138 − 125 = 13. How many years of captivity does the article report in total?",
        "With one source only, can you tell which of its numbers is the wrong one?",
    ],
    solution='''answer_q2 = "src-001's dates and durations cannot all be right"''',
    explanation="src-001 gives 138 BC, 13 years, two more years and 125 BCE. The 13 years alone fill the whole gap "
                "between 138 and 125 BCE, so at least one number is wrong, but the article alone cannot tell us "
                "which. That needs a second, independent source (q3).",
    why="An internal contradiction tells you that a source is careless here, not what the right value is.",
)

SHIJI_STATEMENTS = {
    "A": "Zhang Qian set out in 138 BC to win the Yuezhi as allies against the Xiongnu.",
    "B": "He was a military officer.",
    "C": "The Xiongnu held him for 13 years.",
    "D": "He was captured again on a later, second journey.",
    "E": "Back home, he told the emperor about the lands and peoples of the west.",
}

q3 = SetAnswer(
    "q3",
    "Set the Shiji's account above beside src-001. Which of src-001's statements A to E (listed above, with the "
    "Shiji's account) does the Shiji contradict? Give their letters as a set.",
    ["B", "C", "D"],
    options=list(SHIJI_STATEMENTS),
    title="A second source: the Shiji",
    traps={
        ("C", "D"): "Both captivities are right. Now compare the office the Shiji gives him with src-001's.",
        ("C",): "That is one of them. Where does the Shiji place the second capture, and what was his post?",
        ("B", "C"): "Two of them. When, in the Shiji, was he caught the second time?",
        ("B", "D"): "Two of them. How long does the Shiji say the Xiongnu held him the first time?",
        ("B", "C", "D", "A"): "The Shiji gives no year that contradicts 138 BC, and it tells the same purpose: "
                              "an alliance with the Yuezhi. Leave A out.",
        ("B", "C", "D", "E"): "The Shiji reports at length what he told the emperor. Leave E out.",
    },
    hints=[
        "Take src-001's statements one by one and look for the same point in the Shiji's account.",
        "Three points differ: his post, how long the first captivity lasted, and when the second one happened.",
    ],
    solution='answer_q3 = {"B", "C", "D"}',
    explanation="The Shiji (ch. 123, in Hirth's translation, ref-shiji-123-hirth) makes Zhang Qian a lang, a palace "
                "attendant, not an officer (B); the Xiongnu held him for more than ten years, and thirteen years "
                "was the length of the whole mission (C); the second capture came on the way home from the same "
                "mission, for over a year (D). With those corrections the dates fit: 138 BCE plus thirteen years "
                "brings him home in 126/125 BCE. src-001's departure year and purpose (A) and his report (E) agree "
                "with the Shiji.",
    why="A second, independent source is how you find out which of a careless source's numbers is wrong: here "
        "src-001 turned the length of the mission into the length of the captivity.",
)

q4 = Numeric(
    "q4",
    "The course dates the start of the Silk Road to 150 BCE and its end to 1450 CE, stand-ins for src-001's "
    "'middle of the second century BC' and 'middle of the 15th century'. How many years lie between "
    "1 January 150 BCE and 1 January 1450 CE? Remember that there was no year 0: 1 BCE was followed by 1 CE.",
    _silk_road_span,
    unit="years",
    tolerance=0,
    title="The Silk Road's span (no year 0)",
    traps={
        1600: "Close: that is 1450 − (−150), which counts a year 0 that never existed. "
              "Count the BCE years and the CE years separately.",
        (1300, 1301): "That treats 150 BCE as if it were 150 CE. Years before the common era lie on the other side "
                      "of year 1.",
        1601: "That counts a year 0 and adds one more. Count the BCE years, then the CE years.",
    },
    hints=[
        "Split the span at the turn of the era: the years BCE, then the years CE.",
        "From 1 January 150 BCE to 1 January 1 CE there are 150 years (150 BCE, 149 BCE, … 1 BCE). "
        "How many years from 1 January 1 CE to 1 January 1450 CE?",
        "With negative years for BCE: the end year minus the start year, then take away one for the year 0 "
        "that never existed.",
    ],
    solution="""# From the table `ancient` above: "Silk Road trade takes shape" -150, "Silk Road trade fades" 1450
answer_q4 = 1450 - (-150) - 1   # end minus start, minus 1: there is no year 0 between 1 BCE and 1 CE""",
    explanation="src-001 says the routes were active for 'more than 1,600 years', from the middle of the second "
                "century BC to the middle of the 15th century. With 150 BCE and 1450 CE as stand-ins, the span "
                "is 150 + 1449 = 1,599 years: just under 1,600. 'More than 1,600' holds only if the start is "
                "put a little earlier or the end a little later, so read it as a round figure.",
    why="Any span that crosses from BCE to CE needs the correction for the missing year 0; "
        "negative years make the subtraction easy but add one year too many.",
)

q5 = Numeric(
    "q5",
    "Assume a caravan covered 30 km a day (an assumption for this exercise, not a figure from the sources). "
    "Along the northern route as drawn (great-circle legs from Xi'an to Otrar), how many days would it need? "
    "Use the legs table above.",
    lambda: _caravan_km() / 30,
    unit="days",
    tolerance=3,
    title="Caravan days from Xi'an to Otrar",
    traps=_caravan_traps,
    hints=[
        "The column `cumulative_km` is a running total: on each row, the distance from Xi'an to the end of that leg.",
        "Find the row whose leg ends at otrar and read its cumulative distance.",
        "Divide that distance by `km_per_day`, the speed the lesson set above.",
    ],
    solution="""to_end = legs.set_index("to")["cumulative_km"]   # km from Xi'an, labelled by the stop each leg ends at
answer_q5 = to_end["otrar"] / km_per_day           # ASSUMPTION: 30 km a day""",
    explanation="The waypoints come from data/routes.csv (schematic, after ref-unesco-silkroads) and the "
                "coordinates from data/places.csv (ref-wikidata). Great-circle legs give about 3,740 km to Otrar, "
                "so at an assumed 30 km a day some 125 days, about four months; real tracks bend round "
                "deserts and mountains, so the true distance and time were larger.",
    why="A quick estimate shows why few caravans went end to end: goods changed hands from oasis to oasis.",
)

q6 = Choice(
    "q6",
    "Look at the map of old routes and new corridors (or its text description). Which of these Kazakh towns on "
    "the ancient northern route is NOT on either Middle Corridor line as the map draws them?",
    "Otrar",
    options=["Almaty", "Taraz", "Shymkent", "Otrar"],
    title="Map reading: old town, new corridor",
    notes={
        "Almaty": "The southern Middle Corridor line runs through Almaty: its label sits on the line.",
        "Taraz": "The southern Middle Corridor line runs through Taraz on its way west.",
        "Shymkent": "The southern Middle Corridor line runs through Shymkent before it turns north-west to Kyzylorda.",
    },
    hints=[
        "Follow the southern Middle Corridor line west from Khorgos and note the towns it touches. The text "
        "description lists them in order.",
        "After Shymkent the drawn corridor heads for Kyzylorda; the ancient route goes on down the Syr Darya "
        "by way of a ruined oasis town.",
    ],
    solution="""from crossroads import data
routes_by_id = data.load("routes").set_index("id")
on_corridors = data.split_list(routes_by_id.at["middle_corridor", "waypoints"]) + \\
    data.split_list(routes_by_id.at["middle_corridor_central", "waypoints"])
answer_q6 = [town for town in ["Almaty", "Taraz", "Shymkent", "Otrar"] if town.lower() not in on_corridors][0]""",
    explanation="In data/routes.csv the southern Middle Corridor line (after src-002) is drawn Khorgos-Almaty-"
                "Taraz-Shymkent-Kyzylorda and the central line Dostyk-Zhezkazgan-Beineu (ref-railturkey-rail-2014); "
                "the ancient northern route (ref-unesco-silkroads) goes on from Shymkent to Otrar. The lines are "
                "schematic: the real southern railway follows the Syr Darya past the Otrar ruins, while the "
                "straight drawn segment misses them.",
    why="A schematic line shows which places a route links, not its track: read what a map draws before you "
        "read geography into it.",
)

q7 = Numeric(
    "q7",
    "src-001 says Kazakhstan shares a 1,108-mile border with China. How long is that in kilometres? "
    "(1 mile = 1.609344 km.)",
    _border_km,
    unit="km",
    tolerance=5,
    title="The border with China in km",
    traps={1108 / 1.609344: "You divided. A kilometre is shorter than a mile, so the border is more kilometres "
                            "than miles: multiply."},
    hints=[
        "One mile is longer than one kilometre, so the answer is bigger than 1,108.",
        "Multiply the miles by 1.609344. Type 1108 without its thousands comma.",
    ],
    solution="""from crossroads import data
figures_by_id = data.load("figures").set_index("id")
miles = figures_by_id.at["border_kaz_china_src001", "value"]   # 1108, as src-001 gives it
answer_q7 = miles * 1.609344""",
    explanation="src-001 gives the border as 1,108 miles; 1,108 × 1.609344 ≈ 1,783 km. An American outlet wrote "
                "in miles; Kazakh and Chinese readers would expect kilometres.",
    why="Unit conversions are where figures quietly go wrong; always check the unit before comparing sources.",
)

q8 = Choice(
    "q8",
    "src-003, quoting the president's office, says about 85 % of overland transit from China to Europe passes "
    "through Kazakhstan. Which statement does that figure support?",
    "Most overland China-Europe transit crosses Kazakhstan",
    options=[
        "Most overland China-Europe transit crosses Kazakhstan",
        "85 % of all China-Europe trade crosses Kazakhstan",
        "Kazakhstan carries more freight than the sea routes",
        "85 % of Kazakhstan's own exports go to Europe",
    ],
    title="What the 85 % measures",
    traps={
        "85 % of all China-Europe trade crosses Kazakhstan": "The figure is a share of overland "
            "transit only: freight by sea is not in it, and src-003 gives no share of all China-Europe trade.",
        "Kazakhstan carries more freight than the sea routes": "A share of one flow (overland "
            "transit) says nothing about how big that flow is next to sea freight.",
        "85 % of Kazakhstan's own exports go to Europe": "Transit is freight crossing Kazakhstan from China to "
            "Europe, not Kazakhstan's own exports.",
    },
    hints=[
        "Read the claim word by word: 85 % of what?",
        "Which option keeps both limits of the claim: overland only, and transit from China to Europe?",
    ],
    solution='answer_q8 = "Most overland China-Europe transit crosses Kazakhstan"',
    explanation="src-003's figure (share_land_transit_china_europe_src003) is a share of overland, 'land-based', "
                "transit from China to Europe. It says nothing about sea freight, about the size of the overland "
                "flow, or about Kazakhstan's own trade.",
    why="A percentage is only as good as its base: always ask '85 % of what?'",
)

q9 = Numeric(
    "q9",
    "Read the timeline chart (or its description). How many years passed between Zhang Qian's return to the Han "
    "court and the launch of the Silk Road Economic Belt in Astana? Count from 1 January of one year to "
    "1 January of the other, as in q4.",
    _return_to_belt,
    unit="years",
    tolerance=0,
    title="Chart reading: from Zhang Qian to the Belt",
    traps={
        2138: "That counts a year 0 that never existed. Count the BCE years and the CE years separately.",
        1888: "That treats 125 BCE as if it were 125 CE. The return lies on the other side of year 1.",
        1887: "That treats 125 BCE as if it were 125 CE. The return lies on the other side of year 1.",
    },
    hints=[
        "Find the two events on the chart: one left of the BCE | CE mark, one far to the right.",
        "The span crosses from BCE to CE, as in q4: the BCE years, then the CE years.",
        "With negative years for BCE: the later year minus the earlier one, then take away one for the missing "
        "year 0.",
    ],
    solution="""from crossroads import data
events_by_id = data.load("events").set_index("id")
back = events_by_id.at["zhang_qian_return", "year"]    # -125
launch = events_by_id.at["bri_launch_astana", "year"]  # 2013
answer_q9 = int(launch - back - 1)                    # minus 1: no year 0""",
    explanation="src-001 dates Zhang Qian's return to 125 BCE and the launch of the Silk Road Economic Belt to 2013: "
                "125 years BCE plus 2,012 years CE make 2,137 years. The name of the modern programme reaches back "
                "across more than two thousand years.",
    why="A timeline puts far-apart dates on one line; the arithmetic across the turn of the era is the same as "
        "for the Silk Road's span.",
)

q10 = Ordering(
    "q10",
    "Put these events in time order, earliest first. Use the timeline widget or the events table; for the "
    "article's posting date, the sources table (`data.sources()`).",
    [
        "Zhang Qian returns to the Han court",
        "Silk Road trade fades",
        "Silk Road Economic Belt launched in Astana",
        "Capital renamed Nur-Sultan",
        "Capital takes back the name Astana",
        "Shymkent and Xi'an become twin cities",
        "src-001 posted by New York Weekly",
    ],
    title="From Zhang Qian to the twin cities",
    hints=[
        "Two events are ancient or medieval; the rest happened after 2010.",
        "Move the timeline's slider to 2010 and then to 2023 to see the recent events appear in order.",
        "The posting date of src-001 is in the `date` column of `data.sources()`.",
    ],
    solution="""answer_q10 = [
    "Zhang Qian returns to the Han court",          # 125 BCE (src-001)
    "Silk Road trade fades",                        # mid-15th century (src-001)
    "Silk Road Economic Belt launched in Astana",   # 2013 (src-001)
    "Capital renamed Nur-Sultan",                   # 23 March 2019 (ref-tass-astana-rename-2022)
    "Capital takes back the name Astana",           # 17 September 2022 (ref-tass-astana-rename-2022)
    "Shymkent and Xi'an become twin cities",        # May 2023 (src-002)
    "src-001 posted by New York Weekly",            # 23 April 2024 (sources.csv)
]""",
    explanation="src-001 dates Zhang Qian's return (125 BCE), the end of the Silk Road (mid-15th century) and the "
                "2013 launch; TASS (ref-tass-astana-rename-2022) dates the two renamings of the capital (2019, "
                "2022); src-002 reports the Shymkent-Xi'an twinning of May 2023; src-001 itself was posted on "
                "23 April 2024.",
    why="Putting the article's posting date on the same timeline as the renamings shows at once that its "
        "wording was out of date when it appeared.",
)

q11 = SetAnswer(
    "q11",
    "src-001 speaks of 'Astana, nowadays re-named Nur-Sultan'. Judging by the capital's name alone, in which "
    "of these years could that sentence have been written? Give all that fit: a year counts if the capital was "
    "called Nur-Sultan for at least part of it.",
    [2019, 2020, 2021, 2022],
    options=list(range(2013, 2025)),
    title="Dating src-001 by a name",
    traps={
        (2020, 2021): "Include the two years in which the name changed: the capital was Nur-Sultan for part of each.",
        (2019, 2020, 2021): "In the year the name Astana came back, the capital was still Nur-Sultan for most of the "
                            "year.",
        (2020, 2021, 2022): "In the year the capital became Nur-Sultan, it carried that name for most of the year.",
        (2019, 2020, 2021, 2022, 2023, 2024): "By 2023 the capital was Astana again: 'nowadays re-named Nur-Sultan' "
                                              "was no longer true.",
    },
    hints=[
        "Find the two renaming events in the table above: when did the name Nur-Sultan start, and when did it end?",
        "Count every year from the first renaming to the second, both included.",
    ],
    solution="""from crossroads import data
events_by_id = data.load("events").set_index("id")
first = events_by_id.at["capital_renamed_nur_sultan_2019", "year"]
last = events_by_id.at["capital_renamed_astana_2022", "year"]
answer_q11 = list(range(first, last + 1))""",
    explanation="TASS (ref-tass-astana-rename-2022): Astana was renamed Nur-Sultan on 23 March 2019 and took back "
                "the name Astana on 17 September 2022. src-001's wording fits 2019-2022 only, although it was "
                "posted on 23 April 2024.",
    why="A place name is a clock: it can date a text that carries a misleading date.",
)

q12 = SourceCritique(
    "q12",
    "Four statements from src-001 (posted 23 April 2024). Which one was out of date when the article was "
    "posted, and why?",
    ("B", "2"),
    figures={
        "A": "Zhang Qian's first mission set out in 138 BC.",
        "B": "The 2013 launch took place in 'Astana, nowadays re-named Nur-Sultan'.",
        "C": "Kazakhstan shares a 1,108-mile border with China.",
        "D": "Nurly Zhol is a $9 billion domestic stimulus plan.",
    },
    reasons={
        "1": "It mixes up miles and kilometres.",
        "2": "It was true when written but no longer true when the article was posted.",
        "3": "It counts a year 0.",
        "4": "Another seed article gives a different value.",
    },
    notes={
        "A": "The departure year is not what went stale; the date of an ancient event does not change with time.",
        "C": "The figure is in miles, but 1,108 miles is about 1,783 km: a unit, not an error.",
        "D": "The course's other articles give no other value for Nurly Zhol.",
    },
    traps={("B", "4"): "Figure B is the one, but no other seed gives another 2013 launch city. What changed "
                       "between the writing and the posting?"},
    title="Source criticism: an outdated name",
    hints=[
        "Which of the four could change between the writing and the posting of the article?",
        "Compare the capital's names with the timeline: what was it called in April 2024?",
    ],
    solution='answer_q12 = ("B", "2")',
    explanation="src-001 was posted on 23 April 2024, but the capital was called Nur-Sultan only from March 2019 to "
                "September 2022 (ref-tass-astana-rename-2022) and was Astana again in 2024. The statement was true "
                "when the text was written and stale when it was posted: a sign of recycled branded content.",
    why="The date on a web page is not always the date of its text; outdated details reveal the difference.",
)

q13 = Choice(
    "q13",
    "The sharper clue. src-001 presents Xi Jinping's first trip abroad since the pandemic, to 'Nur Sultan', as "
    "happening now. Use the table above (when Xi arrived, when the capital took back the name Astana): when was "
    "src-001's text most likely written?",
    "In September 2022",
    options=["In January 2022", "In September 2022", "In 2023", "In April 2024"],
    title="Dating src-001 to the month",
    traps={
        "In January 2022": "The meeting of 25 January 2022 is the earliest date src-001 mentions, not the latest: the "
                           "text also treats Xi's trip abroad as current.",
        "In 2023": "By 2023 the capital had been Astana again for months; a text written then would hardly call it "
                   "Nur Sultan.",
        "In April 2024": "That is when the page was posted, not when its text was written.",
    },
    hints=[
        "A text that presents an event as happening now was written around that event.",
        "Compare the day Xi arrived with the day the capital took back the name Astana.",
    ],
    solution='answer_q13 = "In September 2022"',
    explanation="Xi landed in the capital, then Nur-Sultan, on 14 September 2022, his first trip abroad since the "
                "pandemic (ref-bloomberg-xi-visit-2022); the name Astana came back on 17 September 2022 "
                "(ref-tass-astana-rename-2022). A text that treats the visit as current and still says Nur Sultan "
                "was most likely written in mid-September 2022, and its 'Nur Sultan' was correct at the time. It "
                "was posted a year and seven months later.",
    why="The sharpest dating clue is the latest event a text treats as current, checked against a name that "
        "changed soon after.",
)

lesson = Lesson("01", "The Silk Road, old and new", [q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13])
progress = lesson.progress
