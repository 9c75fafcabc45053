"""Exercises for lesson 01, The Silk Road, old and new.

>>> from crossroads.exercises import lesson01 as ex
>>> ex.q2.check(-123).correct
True
"""
from __future__ import annotations

import math
from typing import Any

from crossroads.exercises.core import (
    Choice,
    Feedback,
    Lesson,
    Numeric,
    Ordering,
    SetAnswer,
    SourceCritique,
)


class _NumericWithTraps(Numeric):
    """A Numeric question that recognises a few typical wrong answers and says what went wrong.

    ``traps`` maps a wrong value to a sentence of advice; the advice never states the answer.
    """

    def __init__(self, qid: str, prompt: str, answer: Any, *, traps: dict[float, str] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(qid, prompt, answer, **kwargs)
        self.traps = {float(value): advice for value, advice in (traps or {}).items()}

    def _judge(self, answer: Any, expected: float) -> Feedback:
        feedback = super()._judge(answer, expected)
        if feedback.status != "wrong":
            return feedback
        value = self._as_number(answer)
        if isinstance(value, Feedback):  # pragma: no cover - _judge already handled it
            return feedback
        for trap, advice in self.traps.items():
            if math.isclose(value, trap, abs_tol=max(self.tolerance, 1e-9)):
                return self._wrong(feedback.message, advice)
        return feedback


# --------------------------------------------------------------------------- helpers (lazy: data is read on first check)


def _events():
    from crossroads import data

    return data.load("events").set_index("id")


def _silk_road_span() -> int:
    events = _events()
    start, end = int(events.at["silk_road_begins", "year"]), int(events.at["silk_road_ends", "year"])
    return end - start - 1  # from a year BCE to a year CE: there is no year 0


def _earliest_second_return() -> int:
    departs = int(_events().at["zhang_qian_mission", "year"])
    return departs + 13 + 2  # src-001: 13 years held, then two more on the next trip


def _border_km() -> float:
    from crossroads import data

    figures = data.load("figures").set_index("id")
    return float(figures.at["border_kaz_china_src001", "value"]) * 1.609344


def _caravan_days() -> float:
    from crossroads import data
    from crossroads.geo import path_length_km

    routes = data.load("routes").set_index("id")
    places = data.load("places").set_index("id")
    stops = data.split_list(routes.at["silk_road_northern", "waypoints"])
    stops = stops[: stops.index("otrar") + 1]
    km = path_length_km([(places.at[p, "lat"], places.at[p, "lon"]) for p in stops])
    return km / 30


# --------------------------------------------------------------------------- questions

q1 = _NumericWithTraps(
    "q1",
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
        1300: "That treats 150 BCE as if it were 150 CE. Years before the common era lie on the other side of year 1.",
        1301: "That treats 150 BCE as if it were 150 CE. Years before the common era lie on the other side of year 1.",
    },
    hints=[
        "Split the span at the turn of the era: the years BCE, then the years CE.",
        "From 1 January 150 BCE to 1 January 1 CE there are 150 years (150 BCE, 149 BCE, … 1 BCE). "
        "How many years from 1 January 1 CE to 1 January 1450 CE?",
        "150 + 1449. With negative years for BCE, that is 1450 − (−150) − 1: subtract one because there is no year 0.",
    ],
    solution="""from crossroads import data
events_by_id = data.load("events").set_index("id")
start = events_by_id.at["silk_road_begins", "year"]   # -150, the course's stand-in for the mid-2nd century BC
end = events_by_id.at["silk_road_ends", "year"]       # 1450, the stand-in for the mid-15th century
answer_q1 = int(end - start - 1)                # minus 1: there is no year 0 between 1 BCE and 1 CE""",
    explanation="src-001 says the routes were active for 'more than 1,600 years', from the middle of the second "
                "century BC to the middle of the 15th century. With 150 BCE and 1450 CE as stand-ins, the span "
                "is 150 + 1449 = 1,599 years: just under 1,600. 'More than 1,600' holds only if the start is "
                "put a little earlier or the end a little later, so read it as a round figure.",
    why="Any span that crosses from BCE to CE needs the correction for the missing year 0; "
        "negative years make the subtraction easy but add one year too many.",
)

q2 = _NumericWithTraps(
    "q2",
    "src-001 says Zhang Qian set out in 138 BC, was held by the Xiongnu for 13 years before he escaped back "
    "to China, and on his next trip was held again for two years. Take those numbers at face value and ignore "
    "travel time: what is the earliest year he could have come home from the second trip? "
    "Give a year BCE as a negative number (e.g. -100 for 100 BCE).",
    _earliest_second_return,
    unit="",
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
    },
    hints=[
        "Time moves towards year 1 in the BCE era: 10 years after 138 BCE is 128 BCE.",
        "In the course's numbers 138 BCE is -138; adding years moves towards zero.",
        "Compute -138 + 13 + 2.",
    ],
    solution="""from crossroads import data
events_by_id = data.load("events").set_index("id")
departs = events_by_id.at["zhang_qian_mission", "year"]   # -138
answer_q2 = int(departs + 13 + 2)                   # 13 years held, then 2 more on the second trip""",
    explanation="src-001: departure 138 BC, 13 years held by the Xiongnu, then two more years of captivity on the "
                "next trip. 138 BCE plus 15 years is 123 BCE (-138 + 15 = -123), even before any travel time, "
                "yet the same article dates his return to 125 BCE.",
    why="Turning a source's durations into dates is the quickest way to test whether its story holds together.",
)

q3 = Choice(
    "q3",
    "You found that src-001's durations lead past 125 BCE. What is the soundest conclusion?",
    "src-001's dates and durations cannot all be right",
    options=[
        "src-001's dates and durations cannot all be right",
        "Zhang Qian came home in 123 BCE",
        "There is no problem: 13 + 2 = 15 is the same as 138 - 125",
        "BCE years count upwards, so 125 BCE is after 123 BCE",
    ],
    title="What the Zhang Qian numbers imply",
    notes={
        "Zhang Qian came home in 123 BCE": "No source in the course gives that year; it only follows if the "
                                           "durations are right and the date is wrong, which we cannot tell "
                                           "from src-001 alone.",
        "There is no problem: 13 + 2 = 15 is the same as 138 - 125": "Check the subtraction: 138 − 125 is not 15.",
        "BCE years count upwards, so 125 BCE is after 123 BCE": "BCE years count down towards year 1: "
                                                                "123 BCE comes after 125 BCE.",
    },
    hints=[
        "138 − 125 = 13. How many years of captivity does the article report in total?",
        "With one source only, can you tell which of its numbers is the wrong one?",
    ],
    solution='''answer_q3 = "src-001's dates and durations cannot all be right"''',
    explanation="src-001 gives 138 BC, 13 years, two more years and 125 BCE. The 13 years alone fill the whole "
                "gap between 138 and 125 BCE, so at least one number is wrong, but the article alone does not "
                "tell us which: checking it needs another source.",
    why="An internal contradiction tells you that a source is careless here, not what the right value is.",
)

q4 = _NumericWithTraps(
    "q4",
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
        "Multiply the miles by 1.609344.",
    ],
    solution="""from crossroads import data
figures_by_id = data.load("figures").set_index("id")
miles = figures_by_id.at["border_kaz_china_src001", "value"]   # 1108, as src-001 gives it
answer_q4 = miles * 1.609344""",
    explanation="src-001 gives the border as 1,108 miles; 1,108 × 1.609344 ≈ 1,783 km. An American outlet wrote "
                "in miles; Kazakh and Chinese readers would expect kilometres.",
    why="Unit conversions are where figures quietly go wrong; always check the unit before comparing sources.",
)

q5 = Ordering(
    "q5",
    "Put these events in time order, earliest first. Use the timeline widget or the events table.",
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
        "The renaming to Nur-Sultan came in 2019, the return to Astana in September 2022, the twinning in May 2023.",
        "src-001 was posted in April 2024, after all the others.",
    ],
    solution="""answer_q5 = [
    "Zhang Qian returns to the Han court",          # 125 BCE (src-001)
    "Silk Road trade fades",                        # mid-15th century (src-001)
    "Silk Road Economic Belt launched in Astana",   # 2013 (src-001)
    "Capital renamed Nur-Sultan",                   # March 2019 (ref-wikidata)
    "Capital takes back the name Astana",           # September 2022 (ref-wikidata)
    "Shymkent and Xi'an become twin cities",        # May 2023 (src-002)
    "src-001 posted by New York Weekly",            # 23 April 2024 (sources.csv)
]""",
    explanation="src-001 dates Zhang Qian's return (125 BCE), the end of the Silk Road (mid-15th century) and the "
                "2013 launch; ref-wikidata gives the two renamings of the capital (2019, 2022); src-002 reports "
                "the Shymkent-Xi'an twinning of May 2023; src-001 itself was posted on 23 April 2024.",
    why="Putting the article's posting date on the same timeline as the renamings shows at once that its "
        "wording was out of date when it appeared.",
)

q6 = Choice(
    "q6",
    "Look at the map of old and new routes. Which of these Kazakh towns on the ancient northern route is NOT "
    "on today's Middle Corridor as the map draws it?",
    "Otrar",
    options=["Almaty", "Taraz", "Shymkent", "Otrar"],
    title="Map reading: old town, new corridor",
    notes={
        "Almaty": "Hover over the Middle Corridor line near Almaty: the line passes through it.",
        "Taraz": "The Middle Corridor line runs through Taraz on its way west.",
        "Shymkent": "The Middle Corridor line runs through Shymkent before it turns north-west to Kyzylorda.",
    },
    hints=[
        "Follow the Middle Corridor line west from Khorgos and note the towns it touches.",
        "After Shymkent the corridor heads for Kyzylorda; the ancient route goes on down the Syr Darya "
        "by way of a ruined oasis town.",
    ],
    solution="""from crossroads import data
routes_by_id = data.load("routes").set_index("id")
middle = data.split_list(routes_by_id.at["middle_corridor", "waypoints"])
answer_q6 = [town for town in ["Almaty", "Taraz", "Shymkent", "Otrar"] if town.lower() not in middle][0]""",
    explanation="In data/routes.csv the Middle Corridor (src-002) runs Khorgos–Almaty–Taraz–Shymkent–Kyzylorda; "
                "the ancient northern route (ref-unesco-silkroads) continues from Shymkent to Otrar, a ruined "
                "oasis city that no modern corridor serves. Both lines are schematic.",
    why="Old and new routes share a corridor along the Tian Shan foothills because the geography (water, "
        "passes, level ground) has not changed, but not every caravan town became a rail town.",
)

q7 = _NumericWithTraps(
    "q7",
    "Assume a caravan covered 30 km a day (an assumption for this exercise, not a figure from the sources). "
    "Along the northern route as drawn (great-circle legs from Xi'an to Otrar), how many days would it need? "
    "Use the legs table from the lesson.",
    _caravan_days,
    unit="days",
    tolerance=3,
    title="Caravan days from Xi'an to Otrar",
    hints=[
        "Find the cumulative distance at Otrar in the legs table.",
        "Divide that distance in km by 30 km a day.",
        "legs.loc[legs['to'] == 'otrar', 'cumulative_km'].item() / 30",
    ],
    solution="""from crossroads import data
from crossroads.geo import great_circle_km
routes_by_id = data.load("routes").set_index("id")
places_by_id = data.load("places").set_index("id")
q7_stops = data.split_list(routes_by_id.at["silk_road_northern", "waypoints"])
q7_stops = q7_stops[: q7_stops.index("otrar") + 1]          # Xi'an ... Otrar
points = [(places_by_id.at[p, "lat"], places_by_id.at[p, "lon"]) for p in q7_stops]
km = sum(great_circle_km(*a, *b) for a, b in zip(points, points[1:]))
answer_q7 = km / 30   # ASSUMPTION: 30 km a day""",
    explanation="The waypoints come from data/routes.csv (schematic, after ref-unesco-silkroads) and the "
                "coordinates from data/places.csv (ref-wikidata). Great-circle legs give about 3,740 km, so "
                "at an assumed 30 km a day some 125 days, about four months; real tracks bend round "
                "deserts and mountains, so the true distance and time were larger.",
    why="A quick estimate shows why few caravans went end to end: goods changed hands from oasis to oasis.",
)

q8 = SetAnswer(
    "q8",
    "src-001 speaks of 'Astana, nowadays re-named Nur-Sultan'. Judging by the capital's name alone, in which "
    "of these years could that sentence have been written? Give all that fit (the capital was Nur-Sultan for "
    "at least part of the year).",
    [2019, 2020, 2021, 2022],
    options=list(range(2013, 2025)),
    title="Dating src-001 by a name",
    hints=[
        "Look up the two renaming events in the events table or on the timeline.",
        "The name Nur-Sultan was given in March 2019 and given up in September 2022: both years count.",
    ],
    solution="""from crossroads import data
events_by_id = data.load("events").set_index("id")
first = events_by_id.at["capital_renamed_nur_sultan_2019", "year"]   # 2019
last = events_by_id.at["capital_renamed_astana_2022", "year"]        # 2022
answer_q8 = list(range(first, last + 1))""",
    explanation="According to ref-wikidata, Astana was renamed Nur-Sultan in March 2019 and took back the name "
                "Astana in September 2022. src-001's wording fits 2019-2022 only, although it was posted "
                "on 23 April 2024; its mention of the summit of 25 January 2022 narrows it to 2022.",
    why="A place name is a clock: it can date a text that carries a misleading date.",
)

q9 = SourceCritique(
    "q9",
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
    title="Source criticism: an outdated name",
    hints=[
        "Which of the four could change between the writing and the posting of the article?",
        "Compare the capital's names with the timeline: what was it called in April 2024?",
    ],
    solution='answer_q9 = ("B", "2")',
    explanation="src-001 was posted on 23 April 2024, but the capital was called Nur-Sultan only from 2019 to "
                "2022 (ref-wikidata) and was Astana again in 2024. The statement was true when the text was "
                "written, around early 2022, and stale when it was posted: a sign of recycled branded content.",
    why="The date on a web page is not always the date of its text; outdated details reveal the difference.",
)

lesson = Lesson("01", "The Silk Road, old and new", [q1, q2, q3, q4, q5, q6, q7, q8, q9])
progress = lesson.progress
