"""Feedback: traps (a question's well-known wrong answers), common slips (issue 19), look-alike
letters (issue 14), status words and contrast, and answers read back as plain JSON.

Each slip has a test that asserts the sentence a learner reads.
"""
from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest

from crossroads import style
from crossroads.exercises import available_lessons, get_lesson
from crossroads.exercises.core import (
    Choice, Feedback, Hint, Numeric, Ordering, SetAnswer, SourceCritique, TableAnswer, describe,
)


def kw(qid: str = "q1") -> dict:
    return dict(hints=["Gentle."], solution=f"answer_{qid} = 1", explanation="See src-001.", why="It matters.")


pytestmark = pytest.mark.usefixtures("fresh_results")  # each test starts with no recorded results


def text(feedback) -> str:
    return repr(feedback)


# ---------------------------------------------------------------------------
# Traps
# ---------------------------------------------------------------------------


def advice(feedback) -> str:
    return feedback.lines[0] if feedback.lines else ""


def test_numeric_trap_by_value_and_by_range():
    q = Numeric("q1", "Growth, % a year?", 11.1, unit="%", tolerance=0.1,
                traps={3.6: "That is the simple average.", (-100, -98): "Check the brackets."}, **kw())
    simple = q.check(3.6)
    assert simple.status == "wrong" and simple.trapped and advice(simple) == "That is the simple average."
    assert "too small" in simple.message  # the verdict line is kept
    assert advice(q.check(3.65)) == "That is the simple average."  # within the question's tolerance
    assert advice(q.check(-99.2)) == "Check the brackets." and advice(q.check(-100)) == "Check the brackets."
    assert not q.check(3.8).trapped and not q.check(-97).trapped
    assert q.check(11.1).correct and not q.check(11.1).trapped


def test_numeric_trap_wins_over_the_unit_guess():
    # 1.108 is 1,000 times too small; the author knows why, so the trap speaks instead of "check the unit"
    q = Numeric("q1", "km?", 1108, unit="km", traps={1.108: "You wrote thousands of km."}, **kw())
    feedback = q.check(1.108)
    assert advice(feedback) == "You wrote thousands of km." and "1,000 times" not in repr(feedback)


def test_lazy_traps_are_computed_on_first_check_only():
    calls = []

    def traps():
        calls.append(1)
        return {172: "That is the whole route."}

    q = Numeric("q1", "Days?", 60, traps=traps, **kw())
    assert calls == []
    assert advice(q.check(172)) == "That is the whole route." and advice(q.check(172.0)) == "That is the whole route."
    assert calls == [1]


def test_choice_trap_need_not_be_an_option():
    q = Choice("q1", "Capital?", "Astana", options=["Astana", "Almaty"],
               traps={"Nur-Sultan": "That was its name from 2019 to 2022; which name does the source use?",
                      "almaty": "Almaty was the capital until 1997."}, **kw())
    renamed = q.check("nur sultan")
    assert renamed.status == "invalid" and renamed.trapped and advice(renamed).startswith("That was its name")
    assert advice(q.check("ALMATY")) == "Almaty was the capital until 1997."


def test_set_trap_matches_the_same_items_in_any_order_and_form():
    q = SetAnswer("q1", "Towns on the stretch?", {"Taraz", "Otrar"},
                  traps={("Taraz", "Otrar", "Almaty"): "That is the whole route, not the stretch asked for."},
                  **kw())
    for answer in (["almaty", "Otrar", "Taraz"], {"Taraz", "Otrar", "Almaty"}, ("Otrar", "Almaty", "Taraz")):
        assert advice(q.check(answer)) == "That is the whole route, not the stretch asked for."
    assert not q.check(["Taraz", "Almaty"]).trapped


def test_ordering_trap_matches_the_same_order_only():
    q = Ordering("q1", "Order?", ["a", "b", "c"], traps={("c", "b", "a"): "That is newest first."}, **kw())
    assert advice(q.check(["c", "b", "a"])) == "That is newest first."
    assert not q.check(["b", "a", "c"]).trapped


def test_source_critique_trap_is_a_pair():
    q = SourceCritique("q1", "Flaw?", ("B", "2"), figures={"A": "x", "B": "y"}, reasons={"1": "r", "2": "s"},
                       traps={("B", "1"): "A typo would not change the order of magnitude."}, **kw())
    assert advice(q.check(("b", 1))) == "A typo would not change the order of magnitude."


def test_bad_traps_are_refused_when_the_question_is_defined():
    with pytest.raises(ValueError, match="trap"):
        Numeric("q1", "?", 1, traps={"twelve": "advice"}, **kw())
    with pytest.raises(ValueError, match="trap"):
        Numeric("q1", "?", 1, traps={2: ""}, **kw())
    with pytest.raises(TypeError, match="traps"):
        Choice("q1", "?", "a", options=["a", "b"], traps=["b"], **kw())
    with pytest.raises(ValueError, match="trap"):
        TableAnswer("q1", "?", None, traps={"x": "advice"}, **kw())


@pytest.mark.parametrize("number", available_lessons())
def test_no_lesson_trap_is_the_right_answer(number):
    for q in get_lesson(number):
        for wrong in q.traps:
            answer = list(wrong) if isinstance(wrong, (tuple, frozenset)) and q.kind != "numeric" else wrong
            if isinstance(wrong, tuple) and q.kind == "numeric":
                answer = (wrong[0] + wrong[1]) / 2
            feedback = q.check(answer)
            assert not feedback.correct, f"lesson {number} {q.qid}: trap {wrong!r} is the right answer"


# ---------------------------------------------------------------------------
# Common slips
# ---------------------------------------------------------------------------

BORDER_KM = Numeric("q1", "How long is the border, in km?", 1783, unit="km", tolerance=1, **kw())


# ---------------------------------------------------------------------------
# How a number was typed
# ---------------------------------------------------------------------------


def test_thousands_comma_makes_a_tuple():
    feedback = BORDER_KM.check((1, 108))  # what Python makes of `answer = 1,108`
    assert feedback.status == "invalid"
    assert "Did you type a comma as a thousands separator? Python reads `1,108` as a tuple of 2 numbers; " \
           "write 1108, without the comma." in text(feedback)
    assert "write 12000000" in text(BORDER_KM.check((12, 0, 0)))  # 12,000,000
    assert "write 1.80, with a point" in text(BORDER_KM.check((1, 80)))  # `1,080` is a SyntaxError, so `1,80`
    assert "write 1108.5" in text(BORDER_KM.check((1, 108.5)))


def test_decimal_comma_makes_a_tuple():
    feedback = BORDER_KM.check((3, 6))  # `answer = 3,6` for 3.6
    assert "Did you type a decimal comma? Python reads `3,6` as a tuple of 2 numbers; write 3.6, with a point." \
        in text(feedback)


def test_a_real_tuple_is_not_called_a_comma_slip():
    assert "comma" not in text(BORDER_KM.check((1, 2, 3)))
    assert "comma" not in text(BORDER_KM.check(("a", 108)))


def test_thousands_comma_on_a_choice_of_numbers():
    q = Choice("q1", "Which year?", 2013, options=[1991, 2009, 2013], **kw())
    assert "Python reads `2,000` as a tuple of 2 numbers; write 2000, without the comma" in text(q.check((2, 0)))


def test_number_given_as_text():
    assert "You gave the number as a text, in quotes: write 1108 without the quotes." in text(BORDER_KM.check("1108"))
    assert "write 1108 without the quotes and without separators" in text(BORDER_KM.check("1,108"))
    assert "with a decimal comma: write 3.6" in text(BORDER_KM.check("3,6"))
    assert "without quotes or units" in text(BORDER_KM.check("1108 km"))


def test_mt_where_t_was_meant_and_the_reverse():
    tonnes = Numeric("q1", "Kazakhstan could supply 6.5 million tonnes a year. How many tonnes a day?",
                     6.5e6 / 365, unit="t", tolerance=1, **kw())
    for slip in (6.5 / 365, 6.5e12 / 365):
        feedback = tonnes.check(slip)
        assert "about a million times too" in feedback.message
        assert "did you use Mt where t is needed, or the reverse? 1 Mt = 1,000,000 t." in text(feedback)
    # the same factor on a question with no mass in it gets the general advice
    people = Numeric("q1", "How many people?", 19e6, unit="people", **kw())
    assert "Check the unit: the answer is in people." in text(people.check(19))


def test_percentage_given_as_a_fraction_and_the_reverse():
    percent = Numeric("q1", "What share?", 29, unit="%", tolerance=0.5, **kw())
    assert "looks like a fraction" in text(percent.check(0.29))
    assert "multiply a fraction by 100" in text(percent.check(0.29))
    fraction = Numeric("q1", "What share (a fraction)?", 0.29, tolerance=0.005, **kw())
    feedback = fraction.check(29)
    assert "looks like a percentage" in feedback.message
    assert "50 % is written 0.5 here, so divide a percentage by 100" in text(feedback)


def test_whole_numbers_are_required_when_the_question_says_so():
    loads = Numeric("q1", "How many train loads? Give a whole number.", 188, unit="loads", tolerance=1, whole=True,
                    **kw())
    feedback = loads.check(187.5)
    assert feedback.status == "invalid" and "Expected a whole number (in loads)" in feedback.message
    assert "Round it to a whole number" in text(feedback)
    assert loads.check(188.0).correct and loads.check(np.int64(187)).correct


# ---------------------------------------------------------------------------
# Tables and collections
# ---------------------------------------------------------------------------

RATIOS = pd.DataFrame({"year": [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017],
                       "ratio": [1.5, 1.6, 1.9, 2.0, 2.1, 2.3, 2.2, 2.4]})


def _table(**extra) -> TableAnswer:
    return TableAnswer("q9", "Build the table.", RATIOS, columns=["year", "ratio"], tolerance=0.01, **kw("q9"),
                       **extra)


def test_a_column_named_by_the_number_0_is_shown_as_a_number_with_how_to_rename_it():
    series = RATIOS.set_index("year")["ratio"]
    feedback = _table().check(series.reset_index(drop=False).rename(columns={"ratio": 0}))
    assert feedback.status == "invalid"
    assert "columns 'year', 0 (a number, not a text)" in feedback.message  # not '0'
    assert "a column named 0 (a number, not a text)" in text(feedback)
    assert '`answer_q9.columns = ["year", "ratio"]`' in text(feedback)
    assert '`pd.DataFrame({"year": ..., "ratio": ...})`' in text(feedback)


def test_which_row_of_a_table_differs_without_the_whole_answer():
    wrong = RATIOS.assign(ratio=[1.5, 1.6, 1.9, 2.0, 2.1, 2.3, 2.2, 4.4]).iloc[::-1]  # any row order
    feedback = _table().check(wrong)
    assert "received a table in which 1 of 8 rows differs." in feedback.message
    assert "In the row where 'year' is 2017, column 'ratio' holds 4.4 in your table; expected 2.4." in text(feedback)
    for value in (1.5, 1.9, 2.3):  # the other rows' values are not given away
        assert str(value) not in text(feedback)
    two = RATIOS.assign(ratio=[9, 1.6, 1.9, 2.0, 2.1, 2.3, 2.2, 9])
    assert "2 of 8 rows differ." in text(_table().check(two))
    assert "(1 other row also differs.)" in text(_table().check(two))


def test_rows_in_order_are_named_by_position():
    q = TableAnswer("q1", "In order", RATIOS, ordered=True, **kw())
    feedback = q.check(RATIOS.iloc[::-1])
    assert "In row 1, column 'year' holds 2017 in your table; expected 2010." in text(feedback)


def test_labels_that_are_not_allowed_are_named():
    expected = pd.DataFrame({"step": ["a", "b"], "vector": ["West", "China"]})
    q = TableAnswer("q1", "Sort by vector", expected, labels={"vector": ["Russia", "China", "West", "Turkic"]}, **kw())
    assert "Labels for column 'vector': 'Russia', 'China', 'West', 'Turkic'" in text(q.prompt())
    feedback = q.check(expected.assign(vector=["the West", "China"]))
    assert "'the West' is not one of the labels for column 'vector'" in text(feedback)


def test_numbers_written_as_text_in_a_table():
    feedback = _table().check(RATIOS.astype({"ratio": str}))
    assert "Column 'ratio' holds numbers written as text (such as '1.5')" in text(feedback)
    assert "pd.to_numeric" in text(feedback)


def test_column_names_that_differ_only_in_case_or_spaces():
    assert "Column names must match exactly: 'Ratio ' should be 'ratio'." in text(
        _table().check(RATIOS.rename(columns={"ratio": "Ratio "})))


def test_series_is_defined_where_it_appears():
    feedback = _table().check(RATIOS.set_index("year")["ratio"])
    assert "a Series (a single column of a table) of 8 values" in text(feedback)
    assert "`.reset_index()`" in text(feedback)
    assert "a Series (a single column of a table)" in describe(pd.Series([1.0]))


def test_plurals_are_right_everywhere():
    one = SetAnswer("q1", "Which?", {"SCO"}, options=["SCO", "EU"], **kw())
    assert "Correct: the one item." in text(one.check(["SCO"]))
    assert "all 1 items" not in text(one.check(["SCO"]))
    two = SetAnswer("q1", "Which?", {"SCO", "EAEU"}, **kw())
    assert "Correct: both items." in text(two.check(["SCO", "EAEU"]))
    assert "1 item is still missing" in text(two.check(["SCO"]))
    assert "appears twice" in text(two.check(["SCO", "EAEU", "sco"])) and two.check(["SCO", "EAEU", "sco"]).correct
    assert describe([1]) == "a list of 1 item" and describe(list(range(12345))) == "a list of 12,345 items"
    one_row = TableAnswer("q1", "?", RATIOS.head(1), **kw())
    assert "Correct: the one row matches." in text(one_row.check(RATIOS.head(1)))
    assert "1 of 8 rows differs" in text(_table().check(RATIOS.assign(ratio=[9, 1.6, 1.9, 2.0, 2.1, 2.3, 2.2, 2.4])))


# ---------------------------------------------------------------------------
# Look-alike letters and full-width forms
# ---------------------------------------------------------------------------

CAPITAL = Choice("q1", "Where was the Belt launched?", "Astana", options=["Astana", "Beijing", "Almaty"], **kw())


def test_cyrillic_lookalike_is_named_in_a_choice():
    feedback = CAPITAL.check("\u0410stana")  # Cyrillic А
    assert not feedback.correct
    assert ("Your answer contains the Cyrillic letter 'А' where the Latin 'A' is expected (they look alike): "
            "switch the keyboard to the English (Latin) layout and type it again.") in text(feedback)
    several = CAPITAL.check("\u0410st\u0430n\u0430")  # А and а twice
    assert "Cyrillic letters where Latin ones are expected" in text(several)
    assert "'А' for 'A', 'а' for 'a'" in text(several)


def test_misspelt_options_get_a_did_you_mean():
    assert "It is not one of the options; did you mean 'Astana'?" in text(CAPITAL.check("Astna"))
    blocs = SetAnswer("q1", "Which?", {"SCO"}, options=["SCO", "EAEU", "CSTO"], **kw())
    assert "'ЕАЕU' is not one of the options; did you mean 'EAEU'?" in text(blocs.check(["SCO", "ЕАЕU"]))
    order = Ordering("q1", "Order", ["Otrar", "Taraz", "Almaty"], **kw())
    assert "which is not one of the items; did you mean 'Taraz'?" in text(order.check(["Otrar", "Tarz", "Almaty"]))
    assert "did you mean" not in text(CAPITAL.check("Paris"))
    free = SetAnswer("q1", "Which countries?", {"Kazakhstan"}, **kw())  # no options: no hint at the answer
    assert "did you mean" not in text(free.check(["Kazakstan"]))


def test_text_written_in_cyrillic_is_named():
    feedback = CAPITAL.check("Астана")
    assert "Your answer is written in Cyrillic letters (such as 'т')" in text(feedback)


def test_lookalikes_in_sets_labels_and_column_names():
    blocs = SetAnswer("q1", "Which?", {"SCO", "EAEU"}, **kw())
    assert "Cyrillic letter 'С' where the Latin 'C' is expected" in text(blocs.check(["S\u0421O", "EAEU"]))
    critique = SourceCritique("q1", "Flaw?", ("B", "2"), figures={"A": "x", "B": "y"}, reasons={"1": "r", "2": "s"},
                              **kw())
    assert "Cyrillic letter 'В' where the Latin 'B'" in text(critique.check(("\u0412", "2")))
    table = _table().check(RATIOS.rename(columns={"year": "y\u0435ar"}))
    assert "Cyrillic letter 'е' where the Latin 'e'" in text(table)


def test_greek_lookalike_is_named():
    assert "Greek letter 'Α' where the Latin 'A'" in text(CAPITAL.check("\u0391stana"))


def test_full_width_letters_are_accepted_with_a_note():
    """Decision: full-width forms are read in NFKC form (as Python reads names) and accepted."""
    feedback = CAPITAL.check("Ａｓｔａｎａ")
    assert feedback.correct
    assert "full-width characters" in text(feedback)
    assert SetAnswer("q1", "?", {"SCO", "EAEU"}, **kw()).check(["ＳＣＯ", "EAEU"]).correct
    assert "full-width" not in text(CAPITAL.check("Astana"))


def test_a_trap_still_wins_over_the_generic_advice():
    q = Choice("q1", "?", "Astana", options=["Astana", "Almaty"], traps={"Almaty": "It was the capital until 1997."},
               **kw())
    assert "It was the capital until 1997." in text(q.check("almaty"))


# ---------------------------------------------------------------------------
# Status words, symbols and contrast
# ---------------------------------------------------------------------------


def _feedbacks() -> dict[str, Feedback]:
    return {"correct": BORDER_KM.check(1783), "wrong": BORDER_KM.check(1500), "invalid": BORDER_KM.check("x"),
            "unanswered": BORDER_KM.check(...)}


def test_every_status_has_a_word_and_a_symbol():
    words = {"correct": "✓ q1 — Correct:", "wrong": "✗ q1 — Not yet:", "invalid": "✗ q1 — Check your input:",
             "unanswered": "○ q1 — Not answered yet:"}
    for status, feedback in _feedbacks().items():
        assert feedback.status == status
        assert text(feedback).startswith(words[status])
        assert html_text(feedback._repr_html_()).startswith(words[status])


def html_text(page: str) -> str:
    return re.sub(r"<[^>]+>", "", page).replace("&#x27;", "'").replace("&quot;", '"')


def test_feedback_text_colours_reach_4_5_to_1_on_their_background():
    displays = list(_feedbacks().values()) + [BORDER_KM.hint(), BORDER_KM.solution(), BORDER_KM.prompt(),
                                              get_lesson("00").progress()]
    for display in displays:
        page = display._repr_html_()
        backgrounds = re.findall(r"background:(#[0-9a-fA-F]{6})", page)
        colours = re.findall(r"(?<![-\w])color:(#[0-9a-fA-F]{6})", page)
        assert backgrounds and colours, page[:120]
        for background in backgrounds:
            for colour in colours:
                assert style.contrast_ratio(colour, background) >= 4.5, (type(display).__name__, colour, background)
    page = _feedbacks()["correct"]._repr_html_()
    assert f"color:{style.GOOD}" in page and f"color:{style.BAD}" in _feedbacks()["wrong"]._repr_html_()


# ---------------------------------------------------------------------------
# The grader's path: answers read out of a kernel as plain JSON values
# ---------------------------------------------------------------------------


def _plain(q):
    """The question's right answer as it comes back from a kernel as JSON."""
    expected = q.expected
    if q.kind == "table":
        value = expected.to_dict(orient="records")
    elif q.kind == "set":
        value = list(expected.values())
    elif q.kind in ("ordering", "critique"):
        value = list(expected)
    else:
        value = expected
    return json.loads(json.dumps(value))


@pytest.mark.parametrize("number", available_lessons())
def test_check_works_on_plain_json_values(number):
    for q in get_lesson(number):
        value = _plain(q)
        if q.kind == "table":
            value = pd.DataFrame.from_records(value)
        assert q.check(value).correct, f"{number}/{q.qid}: {q.check(value)!r}"


def test_hint_numbers_from_json_and_numpy():
    assert isinstance(BORDER_KM.hint(json.loads("1")), Hint) and BORDER_KM.hint(np.int64(1)).title.startswith("Hint 1")
    assert "Expected a hint number" in repr(BORDER_KM.hint(1.0))


def test_ordering_and_set_feedback_use_plain_words():
    q = Ordering("q1", "Order", ["a", "b", "c"], **kw())
    assert "Correct: all 3 items in order." in text(q.check(["a", "b", "c"]))
    assert "A set has no order" in text(q.check({"a", "b", "c"}))
