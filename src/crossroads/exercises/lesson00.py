"""Exercises for lesson 00, Start here: three gentle questions that show how exercises work.

>>> from crossroads.exercises import lesson00 as ex
>>> ex.q1.check(13).correct
True
"""
from __future__ import annotations

from crossroads.exercises.core import Choice, Lesson, Numeric, Ordering

q1 = Numeric(
    "q1",
    "Zhang Qian, the first Chinese envoy to Central Asia, set out in 138 BCE and returned to "
    "China in 125 BCE. How many years passed between his departure and his return?",
    13,
    unit="years",
    title="Zhang Qian's years away",
    hints=[
        "Years before the common era (BCE) count down towards year 1, so 125 BCE is later than 138 BCE.",
        "The course's data stores BCE years as negative numbers: 138 BCE is -138. "
        "Subtract the earlier year from the later one.",
        "Compute `-125 - (-138)`.",
    ],
    solution="answer_q1 = -125 - (-138)  # BCE years are negative numbers in the course data",
    explanation="src-001 says Zhang Qian left in 138 BC and was back in China in 125 BCE. "
                "With BCE years written as negative numbers, later minus earlier gives the length "
                "of the journey, just as for years CE.",
    why="The course writes BCE years as negative numbers, so every date difference is the "
        "same subtraction.",
)

q2 = Choice(
    "q2",
    "In which city was the Silk Road Economic Belt, today called the Belt and Road Initiative, "
    "launched in 2013?",
    "Astana",
    options=["Astana", "Beijing", "Almaty", "Xi'an"],
    title="Where the Silk Road Economic Belt was launched",
    notes={
        "Xi'an": "Xi'an hosted a later event: the first in-person China–Central Asia summit, in May 2023.",
        "Beijing": "The project is Chinese, but src-001 says it was not launched in China.",
        "Almaty": "Almaty is in Kazakhstan, but it is not the city src-001 names.",
    },
    hints=[
        "The launch did not take place in China.",
        "src-001 says the launch took place in the Kazakh capital.",
    ],
    solution='answer_q2 = "Astana"',
    explanation="src-001 places the 2013 launch in the Kazakh capital, Astana, and adds that the city "
                "is 'nowadays re-named Nur-Sultan'. That was true when the article was written "
                "(Nur-Sultan was the name from 2019 to 2022); the capital is called Astana again "
                "(see the note on src-001 in data/sources.csv).",
    why="China announced its flagship project in Kazakhstan's capital, a sign of how central "
        "Kazakhstan is to it. The article's outdated city name is a first lesson in reading sources "
        "critically: check when a text was written.",
)

q3 = Ordering(
    "q3",
    "Put these events from src-001 in time order, earliest first.",
    [
        "Zhang Qian sets out",
        "Kazakhstan becomes independent",
        "China-Central Asia gas pipeline opens",
        "Silk Road Economic Belt launched",
    ],
    title="Four events in time order",
    hints=[
        "One event happened more than two thousand years ago; start with it.",
        "The other three happened in 1991, 2009 and 2013.",
        "Independence came with the fall of the Soviet Union; the pipeline opened four years "
        "before the Economic Belt was launched.",
    ],
    solution="""answer_q3 = [
    "Zhang Qian sets out",                     # 138 BCE
    "Kazakhstan becomes independent",          # 1991
    "China-Central Asia gas pipeline opens",   # 2009
    "Silk Road Economic Belt launched",        # 2013
]""",
    explanation="src-001 gives the dates: Zhang Qian's mission in 138 BC, Kazakhstan's independence "
                "in 1991, the opening of the China-Central Asia Gas Pipeline in 2009 and the launch "
                "of the Silk Road Economic Belt in 2013.",
    why="Two thousand years separate the first Chinese mission from the Belt and Road; the course "
        "follows the routes across that whole span.",
)

lesson = Lesson("00", "Start here", [q1, q2, q3])
progress = lesson.progress
