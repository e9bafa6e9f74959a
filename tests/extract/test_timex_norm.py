"""Calendar and tense rules of timex_norm, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from storyline.extract.timex import tag_times
from storyline.extract.timex_norm import governing_tense, nearest_tense, pick_year


def at(text: str, word: str) -> int:
    return text.index(word)


def test_a_past_verb_right_before_a_date_governs_it() -> None:
    text = "The fiscal year ended Jan. 31 with a loss."
    assert governing_tense(text, at(text, "Jan.")) == "past"


def test_a_past_verb_before_a_preposition_and_a_date_governs_it() -> None:
    text = "The plant was closed on June 8 after the storm."
    assert governing_tense(text, at(text, "June")) == "past"


def test_a_past_passive_of_an_irregular_verb_governs_its_date() -> None:
    text = "A man was shot June 8 outside a bar on Elm Street."
    assert governing_tense(text, at(text, "June")) == "past"
    (found,) = tag_times(text, date(2024, 2, 10))
    assert found.value == "2023-06-08"  # not the June four months after the report
    scheduled = "The hearing was set for June 8."  # 'for' is no preposition of a past event's day
    assert governing_tense(scheduled, at(scheduled, "June")) == "none"


def test_since_governs_a_date_as_past() -> None:
    text = "Police have searched for him since the Oct. 23 fire."
    assert governing_tense(text, at(text, "Oct.")) == "past"


def test_a_participle_after_be_does_not_govern_as_past() -> None:
    text = "The dividend will be paid Dec. 14 to holders."
    assert governing_tense(text, at(text, "Dec.")) == "none"


def test_a_future_verb_right_before_a_date_governs_it() -> None:
    text = "The panel will meet on March 2."
    assert governing_tense(text, at(text, "March")) == "future"


def test_a_distant_verb_does_not_govern() -> None:
    text = "The board said the dividend is payable Dec. 7."
    assert governing_tense(text, at(text, "Dec.")) == "none"


def test_a_near_date_ahead_stays_ahead_in_a_past_sentence() -> None:
    assert pick_year(6, 8, date(2024, 2, 15), "past") == 2024


def test_a_governed_date_ahead_in_a_past_sentence_is_last_year() -> None:
    assert pick_year(6, 8, date(2024, 2, 15), "past", governed=True) == 2023


def test_a_governed_date_behind_in_a_future_sentence_is_next_year() -> None:
    assert pick_year(12, 1, date(2024, 2, 15), "future", governed=True) == 2024
    assert pick_year(1, 20, date(2024, 2, 15), "future", governed=True) == 2025


def test_a_month_and_day_that_a_past_verb_governs_is_read_in_the_past() -> None:
    found = tag_times("The shooting happened June 8 near the school.", date(2024, 2, 15))
    assert [t.value for t in found] == ["2023-06-08"]


def test_a_month_abbreviation_does_not_end_the_sentence_for_tense() -> None:
    # "Oct." is no sentence end, so "were" after the date still gives the sentence its tense
    found = tag_times("On Oct. 30 the two sides were far apart.", date(2024, 2, 15))
    assert [t.value for t in found] == ["2023-10-30"]


def test_a_month_three_months_back_in_a_future_sentence_is_the_coming_one() -> None:
    found = tag_times("She will command a shuttle mission in December.", date(2024, 3, 4))
    assert [t.value for t in found] == ["2024-12"]


def test_the_past_year_is_the_year_before_the_document() -> None:
    found = tag_times("Hate groups grew over the past year.", date(2024, 3, 4))
    assert [(t.value, t.type) for t in found] == [("2023", "DATE")]


def test_the_past_week_stays_a_duration() -> None:
    found = tag_times("Hate groups grew over the past week.", date(2024, 3, 4))
    assert [(t.value, t.type) for t in found] == [("P1W", "DURATION")]


def test_a_verb_before_the_date_outweighs_a_participle_after_it() -> None:
    text = "The airline will double its flights by August to reach markets untouched by the slump."
    assert [t.value for t in tag_times(text, date(2024, 2, 13))] == ["2024-08"]


def test_nearest_tense_counts_a_later_cue_as_farther() -> None:
    # a past cue 10 characters before beats a future cue 5 characters after
    assert nearest_tense([(90, "past"), (105, "future")], 100) == "past"
