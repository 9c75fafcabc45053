"""Exercises for lesson 00, Start here: one short question per skill the course needs.

q1 checks an answer (numbers, BCE years), q2 restarting and the NameError, q3 finding a source,
q4 and q5 reading a map, q6 reading a chart, q7 typing a list in order, q8 keeping your work.

>>> from crossroads.exercises import lesson00 as ex
>>> ex.q1.check(13).correct, ex.q1.check((1, 3)).correct
(True, False)
"""
from __future__ import annotations

from crossroads.exercises.core import Choice, Lesson, Numeric, Ordering, SetAnswer

# --------------------------------------------------------------------------- helpers (lazy: data is read on first check)

FOUR_EVENTS = ["bri_launch_astana", "kaz_independence", "zhang_qian_mission", "ca_china_gas_pipeline_opens"]
"""The events of q7, in the order the lesson's table shows them (not in time order)."""


def _events():
    from crossroads import data

    return data.load("events").set_index("id")


def _four_events_in_order() -> list[str]:
    events = _events().loc[FOUR_EVENTS]
    return list(events.sort_values("year")["title"])


def _four_events_shown() -> list[str]:
    return list(_events().loc[FOUR_EVENTS, "title"])


def _gdp_ratio_kaz_uzb() -> float:
    from crossroads import data

    table = data.load("population_gdp")
    gdp = table[table["year"] == 2023].set_index("country")["gdp_usd"]
    return float(gdp["KAZ"] / gdp["UZB"])


def _dry_port_furthest_north() -> str:
    from crossroads import data

    places = data.load("places")
    ports = places[places["kind"] == "dry_port"]
    return str(ports.loc[ports["lat"].idxmax(), "name"])


# --------------------------------------------------------------------------- questions

q1 = Numeric(
    "q1",
    "Zhang Qian, the first Chinese envoy to Central Asia, set out in 138 BCE and came back to China in 125 BCE "
    "(src-001). How many years passed between his departure and his return?",
    13,
    unit="years",
    title="Zhang Qian's years away",
    traps={
        -13: "You subtracted the later year from the earlier one. Later minus earlier gives a positive length.",
        263: "You added the two years. A length of time is a difference: subtract.",
        -263: "With BCE years as negative numbers, 125 BCE is -125 and 138 BCE is -138; subtract the two.",
        14: "That counts both the first and the last year. From 138 BCE to 125 BCE is a difference of years, "
            "as from 2010 to 2023.",
    },
    hints=[
        "Years before the common era (BCE) count down towards year 1, so 125 BCE is later than 138 BCE.",
        "The course writes BCE years as negative numbers: 138 BCE is -138 and 125 BCE is -125.",
        "Type the subtraction and let Python work it out: the later year minus the earlier one, "
        "each written as a negative number.",
    ],
    solution="answer_q1 = -125 - (-138)  # BCE years are negative numbers in the course data",
    explanation="src-001 says Zhang Qian left in 138 BC and was back in China in 125 BCE. With BCE years "
                "written as negative numbers, later minus earlier gives the length of the journey: "
                "-125 - (-138) = 13.",
    why="Negative numbers let Python do date arithmetic with BCE years. Lesson 01 shows the one catch: a "
        "span from a BCE year to a CE year, since there was no year 0.",
)

q2 = Choice(
    "q2",
    "You come back to a notebook after a break. You click *Kernel → Restart Kernel*, then run only the cell "
    "`ex.q1.check(answer_q1)`, and Python answers `NameError: name 'ex' is not defined`. "
    "What is the best explanation?",
    "The restart cleared the kernel's memory",
    options=[
        "The restart cleared the kernel's memory",
        "Your answer to q1 is wrong",
        "The course is broken and must be installed again",
        "ex must be written in quotes",
    ],
    title="After a restart",
    traps={
        "Your answer to q1 is wrong": "A wrong answer gets a ✗ from check(), never a Python error. "
                                      "The error comes before check() runs.",
        "The course is broken and must be installed again": "Nothing is broken: what is missing is a name "
                                                            "that an earlier cell defines.",
        "ex must be written in quotes": "Quotes make a text; `ex` is the name of the lesson's exercises, "
                                        "which the cell `from crossroads.exercises import lesson00 as ex` "
                                        "defines.",
    },
    hints=[
        "A NameError means Python does not know a name. Which cell gave `ex` its meaning?",
        "What happens to the names you defined when the kernel restarts?",
    ],
    solution='answer_q2 = "The restart cleared the kernel\'s memory"',
    explanation="A restart resets the kernel's state: every name it knew is gone, including `ex` (defined by the "
                "import cell) and your answers, as a Jupyter maintainer explains for exactly this error "
                "(ref-jupyter-restart-6142). Run the cells from the top again (*Run → Run All Cells*, or "
                "Shift + Enter cell by cell).",
    why="After a restart, run from the top: most errors a learner meets in this course are names from cells "
        "not yet run.",
)

q3 = Choice(
    "q3",
    "Look at the table of seed sources above. Which of the five carries the most recent date? "
    "Answer with its id, as text in quotes.",
    "src-001",
    options=["src-000", "src-001", "src-002", "src-003", "src-004"],
    title="Finding a source",
    traps={
        "src-003": "src-003 is dated November 2023. Is any seed source dated later?",
        "src-004": "src-004 is dated July 2023 (its blog repost, August 2023). Look for a later date.",
    },
    hints=[
        "The seed sources are the rows whose `kind` is 'seed'. Compare their `date` column.",
        "Dates are written year first (2023-11 is November 2023), so the latest date is the largest "
        "when read from the left.",
    ],
    solution='answer_q3 = "src-001"',
    explanation="The sources table dates src-001 to 23 April 2024 and the other seeds to 2023. That is the date "
                "the page was posted; lesson 01 asks whether its text is as recent.",
    why="Every fact in the course carries an id like src-001; the sources table and `data.cite()` tell you "
        "who said it and when.",
)

q4 = Choice(
    "q4",
    "On the region map, three dry ports sit on Kazakhstan's border with China. Which of them lies "
    "furthest north? (The table under the map gives their latitudes, for anyone who cannot see the map.)",
    _dry_port_furthest_north,
    options=["Khorgos", "Bakhty", "Kalzhat"],
    title="Map reading: the dry ports",
    traps={
        "Khorgos": "Khorgos is the best known of the three, but look at the labels: one port is far higher up "
                   "the map, nearer the Altai.",
        "Kalzhat": "Kalzhat lies furthest south of the three. North is up on the map.",
    },
    hints=[
        "North is up on the map. Find the three dry-port labels along the border with China.",
        "In the table, latitude counts degrees north of the equator: the larger `lat`, the further north.",
    ],
    solution='answer_q4 = "Bakhty"   # the largest lat in the dry_ports table above (46.659)',
    explanation="Bakhty lies at about 46.7° N, on the border east of Lake Balkhash; Khorgos (44.2° N) and "
                "Kalzhat (43.5° N) lie further south, east of Almaty (data/places.csv, after ref-wikidata). "
                "src-003 lists all three as dry ports.",
    why="A map answers 'where' questions at a glance, and the numbers behind it let you check what you see.",
)

q5 = SetAnswer(
    "q5",
    "Use the region map: which countries share a land border with Kazakhstan? Give all of them by name, "
    "as a set. (Without the map, or to check what you see: maps.share_border(\"China\", \"Mongolia\") "
    "answers True or False from the same outlines the map draws.)",
    ["China", "Russia", "Kyrgyzstan", "Uzbekistan", "Turkmenistan"],
    options=["China", "Russia", "Kyrgyzstan", "Uzbekistan", "Turkmenistan", "Tajikistan", "Mongolia",
             "Azerbaijan", "Afghanistan"],
    title="Map reading: Kazakhstan's neighbours",
    traps={
        ("China", "Russia", "Kyrgyzstan", "Uzbekistan", "Turkmenistan", "Mongolia"):
            "Zoom in on the Altai mountains, east of Kazakhstan: Mongolia comes close, but a strip where Russia "
            "meets China keeps it apart.",
        ("China", "Russia", "Kyrgyzstan", "Uzbekistan", "Turkmenistan", "Azerbaijan"):
            "Azerbaijan lies across the Caspian Sea: a neighbour by sea, not by land.",
        ("China", "Russia", "Kyrgyzstan", "Uzbekistan", "Turkmenistan", "Tajikistan"):
            "Tajikistan lies south of Kyrgyzstan and Uzbekistan; it does not touch Kazakhstan.",
        ("China", "Russia"): "China and Russia are the two big neighbours, but Kazakhstan has Central Asian "
                             "neighbours too, to the south.",
    },
    hints=[
        "Follow Kazakhstan's border all the way round: north, east, south, then west to the Caspian Sea.",
        "Three of the neighbours are Central Asian states to the south. Check the ones that only come close.",
    ],
    solution='answer_q5 = {"China", "Russia", "Kyrgyzstan", "Uzbekistan", "Turkmenistan"}',
    explanation="The course's country outlines (Natural Earth, ref-naturalearth) show five land neighbours: "
                "Russia to the north and west, China to the east, Kyrgyzstan, Uzbekistan and Turkmenistan to "
                "the south. Mongolia and Tajikistan come close but do not touch; Azerbaijan and Iran face "
                "Kazakhstan across the Caspian Sea.",
    why="Two great powers and three Central Asian states on its borders: that is the position this course "
        "is about.",
)

q6 = Numeric(
    "q6",
    "Read the chart of the region's people and economy. Kazakhstan has fewer people than Uzbekistan. "
    "How many times as large was Kazakhstan's economy (its GDP) in 2023? Read the two GDP values from "
    "the chart and divide.",
    _gdp_ratio_kaz_uzb,
    tolerance=0.1,
    title="Chart reading: two economies",
    traps={
        (0.3, 0.4): "You divided Uzbekistan's GDP by Kazakhstan's. Put Kazakhstan's value on top.",
        (0.5, 0.65): "That compares the populations. The question asks about GDP, the right-hand chart.",
        (1.6, 1.9): "That compares the populations. The question asks about GDP, the right-hand chart.",
    },
    hints=[
        "The chart has two panels; GDP (US$ bn) is the right-hand one. Each bar carries its value.",
        "'How many times as large' is a division: Kazakhstan's value divided by Uzbekistan's.",
        "Type the two numbers as the chart prints them, without commas, with `/` between them.",
    ],
    solution="""from crossroads import data
table = data.load("population_gdp")
gdp_2023 = table[table["year"] == 2023].set_index("country")["gdp_usd"]
answer_q6 = gdp_2023["KAZ"] / gdp_2023["UZB"]""",
    explanation="World Bank figures (data-wb-wdi) for 2023: Kazakhstan's GDP was about US$ 261 bn and "
                "Uzbekistan's about US$ 91 bn, so Kazakhstan's economy was nearly three times as large, "
                "with little more than half as many people.",
    why="Population and GDP tell different stories: Kazakhstan is the region's largest economy, "
        "not its most populous state.",
)

q7 = Ordering(
    "q7",
    "Put the four events of the table `four` above in time order, earliest first. Copy each title "
    "exactly, in quotes, inside one pair of square brackets.",
    _four_events_in_order,
    title="Four events in time order",
    hints=[
        "The table gives each event's `year`; BCE years are negative numbers, so they come first.",
        "You can let pandas order the table, as section 6 did for the population: "
        "`four.sort_values(\"year\")`. Then copy the titles in that order.",
    ],
    solution="""answer_q7 = list(four.sort_values("year")["title"])   # earliest first""",
    explanation="From data/events.csv: Zhang Qian's mission (138 BCE, src-001), independence (1991, src-001), "
                "the opening of the Central Asia-China gas pipeline (2009, src-001) and the launch of the Silk Road "
                "Economic Belt in Astana (2013, src-001).",
    why="Two thousand years separate the first Chinese mission from the Belt and Road; the course follows "
        "the routes across that whole span.",
)

q8 = Choice(
    "q8",
    "You are studying on Binder and must stop for the day. Which of these keeps your answers for next time?",
    "Download the notebook to your computer",
    options=[
        "Download the notebook to your computer",
        "Press Ctrl + S in the Binder tab",
        "Restart the kernel before closing the tab",
        "Nothing: Binder keeps every notebook for a month",
    ],
    title="Keeping your work",
    traps={
        "Press Ctrl + S in the Binder tab": "That saves the notebook on the Binder server, which is deleted "
                                            "with your session. Keep a copy off the server.",
        "Restart the kernel before closing the tab": "A restart clears the kernel's memory; it saves nothing.",
        "Nothing: Binder keeps every notebook for a month": "Section 8 says how soon an idle Binder session is "
                                                            "deleted.",
    },
    hints=[
        "Where does a Binder notebook live, and what happens to that place when the session ends?",
        "Which option puts a copy somewhere that outlives the session?",
    ],
    solution='answer_q8 = "Download the notebook to your computer"',
    explanation="Binder shuts a session down after about ten minutes without activity, and nothing in it is "
                "kept (ref-binder-user-guide). Downloading (or saving to browser storage) keeps a copy you can "
                "upload next time.",
    why="Five minutes of saving saves an hour of redoing.",
)

lesson = Lesson("00", "Start here", [q1, q2, q3, q4, q5, q6, q7, q8])
progress = lesson.progress
