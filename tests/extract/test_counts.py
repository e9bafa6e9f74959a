"""Counts: numbers, qualifiers, categories, casualty phrasing, periods. Sentences written for these tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.extract.counts import casualty_summary, find_counts
from storyline.extract.counts_numbers import parse_simple
from tests.extract.conftest import only


@dataclass
class FakeTimex:
    start: int
    end: int
    text: str
    value: str
    type: str
    anchor_date: date | None = None
    end_date: date | None = None


def timex_for(text: str, words: str, value: str, kind: str = "DATE") -> FakeTimex:
    start = text.index(words)
    return FakeTimex(start, start + len(words), words, value, kind)


def test_qualified_combined_category() -> None:
    count = only(find_counts("The army fired at least 320 rockets and drones at the port."), "rockets_and_drones")
    assert (count.value, count.low, count.qualifier, count.text) == (
        320,
        320,
        "at least",
        "at least 320 rockets and drones",
    )


def test_killed_and_more_injured_in_one_sentence() -> None:
    counts = find_counts("Seven people died, and 45 more were hurt, the mayor said.")
    assert casualty_summary(counts) == {"killed": 7, "injured": 45}


def test_shot_and_killed_one_person() -> None:
    assert casualty_summary(find_counts("A woman was shot and killed late Friday.")) == {"killed": 1}


def test_plural_wounded() -> None:
    assert casualty_summary(find_counts("Three boys were wounded near the park.")) == {"injured": 3}


def test_dead_and_injured_list() -> None:
    counts = find_counts("The crash left one person dead and four injured.")
    assert casualty_summary(counts) == {"killed": 1, "injured": 4}


def test_vague_plural_is_a_lower_bound() -> None:
    count = find_counts("They fired dozens of missiles overnight.")[0]
    assert (count.value, count.low, count.high, count.qualifier, count.vague) == (24, 24, None, "at least", True)


def test_left_dead() -> None:
    assert casualty_summary(find_counts("The gunfire left a teenager dead.")) == {"killed": 1}


def test_pronounced_dead() -> None:
    assert casualty_summary(find_counts("He was pronounced dead at the scene.")) == {"killed": 1}


def test_died_at_hospital() -> None:
    assert casualty_summary(find_counts("The victim died at the hospital on Monday.")) == {"killed": 1}


def test_non_life_threatening_injuries_of_one_victim() -> None:
    text = "A 19-year-old man was found in a car. The victim suffered non-life-threatening injuries."
    assert casualty_summary(find_counts(text)) == {"injured": 1}


def test_described_victim_who_survived_is_injured() -> None:
    assert casualty_summary(find_counts("A 31-year-old man was shot in the leg Sunday.")) == {"injured": 1}


def test_shot_one_fatally() -> None:
    assert casualty_summary(find_counts("Four people were shot, one fatally, police said.")) == {
        "killed": 1,
        "injured": 3,
    }


def test_two_described_victims_are_two() -> None:
    assert casualty_summary(find_counts("A man and a 2-year-old boy were killed on Tuesday.")) == {"killed": 2}


def test_nobody_died() -> None:
    assert "killed" not in casualty_summary(find_counts("Nobody died in the fire."))


def test_largest_total_not_a_sum() -> None:
    text = "Five people were wounded in the shooting. Two of the wounded were taken to hospital in a helicopter."
    assert casualty_summary(find_counts(text)) == {"injured": 5}


@pytest.mark.parametrize(
    "text",
    [
        "The 52-year-old told reporters about it.",
        "He asked for missiles with 250-kilometer ranges.",
        "It happened at 3:15 p.m. on Jan. 5, 2016.",
        "Prices rose 12 percent and cost $40 million.",
        "She finished 3rd in the 2019 race.",
        "Martin Lopez, 23, said he was at home.",
        "Officers searched the 3200 block of Elm Street for 10 minutes.",
    ],
)
def test_numbers_that_are_not_counts(text: str) -> None:
    assert find_counts(text) == []


def test_range() -> None:
    count = find_counts("Witnesses heard 10 to 15 shots.")[0]
    assert (count.qualifier, count.low, count.high, count.category) == ("range", 10, 15, "shots")
    count = find_counts("Witnesses heard 10-15 shots.")[0]
    assert (count.low, count.high) == (10, 15)


def test_troops_count() -> None:
    assert only(find_counts("The army said it has lost 12,400 soldiers so far."), "troops").value == 12400


def test_period_from_duration_ends_at_publication() -> None:
    text = "The army fired at least 200 drones over the past week."
    timex = timex_for(text, "the past week", "P1W", "DURATION")
    count = find_counts(text, [timex], date(2024, 3, 8))[0]
    assert (count.period, count.period_text) == ("2024-03-01/2024-03-08", "the past week")


def test_period_from_date_in_sentence() -> None:
    text = "Rebels fired at least 40 rockets early on March 3."
    count = find_counts(text, [timex_for(text, "March 3", "2024-03-03")], date(2024, 3, 5))[0]
    assert count.period == "2024-03-03"


def test_period_carried_from_previous_sentence() -> None:
    text = "On Feb. 11, the city was shelled for hours. The shelling killed 9 people and wounded another 30."
    counts = find_counts(text, [timex_for(text, "Feb. 11", "2024-02-11")], date(2024, 2, 12))
    assert {c.category: c.period for c in counts} == {"killed": "2024-02-11", "injured": "2024-02-11"}


def test_period_not_carried_two_sentences() -> None:
    text = "On Feb. 11, the city was shelled. Crews worked all night. Nine people were killed."
    counts = find_counts(text, [timex_for(text, "Feb. 11", "2024-02-11")], date(2024, 2, 12))
    assert counts[0].period is None


def test_offsets_point_at_the_words() -> None:
    text = "Intro line.\n\nLater, 12 people were wounded."
    count = find_counts(text)[0]
    assert text[count.start : count.end] == count.text == "12 people were wounded"


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_with_commas_round_trip(value: int) -> None:
    assert parse_simple(f"{value:,}") == value


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("twenty-one", 21),
        ("a dozen", 12),
        ("two dozen", 24),
        ("three hundred and five", 305),
        ("one thousand two hundred", 1200),
        ("4 million", 4_000_000),
        ("half a dozen", 6),
    ],
)
def test_number_words(words: str, value: float) -> None:
    assert parse_simple(words) == value


@given(st.text(max_size=200))
def test_never_raises(text: str) -> None:
    for count in find_counts(text):
        assert 0 <= count.start <= count.end <= len(text)


def test_one_of_several_wounded_who_died_leaves_the_rest_injured() -> None:
    summary = casualty_summary(find_counts("One of four women wounded in a late night shooting has died."))
    assert summary == {"killed": 1.0, "injured": 3.0}


def test_other_people_shot_besides_the_dead_are_all_injured() -> None:
    text = "One man died at the scene. Six other people were treated for gunshot wounds."
    assert casualty_summary(find_counts(text)) == {"killed": 1.0, "injured": 6.0}


def test_a_duration_longer_than_the_calendar_has_no_period() -> None:
    from datetime import date as _date

    from storyline.extract.counts import _period

    class _T:
        start, end, text, value, type = 0, 5, "x", "P9000000Y", "DURATION"

    assert _period(_T(), _date(2019, 11, 19)) is None


def test_a_headline_number_after_a_colon_is_read() -> None:
    counts = find_counts("Police: 4 people shot in southeast Fresno")
    assert [(c.value, c.category) for c in counts] == [(4.0, "shot")]


def test_a_figure_of_one_does_not_hide_people_described_one_by_one() -> None:
    text = "Two men were killed and another man was critically injured. One person was taken to the hospital."
    assert casualty_summary(find_counts(text)) == {"killed": 2.0, "injured": 1.0}


def test_a_victim_shot_in_a_fatal_shooting_is_not_also_injured() -> None:
    text = "A woman was shot in the chest at her home. Her husband was charged in the shooting death on Tuesday."
    assert casualty_summary(find_counts(text)) == {"killed": 1}


def test_a_list_of_victims_is_one_count() -> None:
    counts = find_counts("Two customers and a clerk were wounded outside the store.")
    assert casualty_summary(counts) == {"injured": 3}


def test_a_person_and_others_is_one_more_than_the_others() -> None:
    counts = find_counts("She said her son and two others were wounded near the park.")
    assert casualty_summary(counts) == {"injured": 3}


@pytest.mark.parametrize(
    "text", ["A stray bullet went through a wall, grazing a child inside.", "A round grazed a man."]
)
def test_grazed_is_hit(text: str) -> None:
    assert casualty_summary(find_counts(text)) == {"injured": 1}


def test_everyone_taken_to_hospital_is_hurt_when_nobody_died() -> None:
    counts = find_counts(
        "A man was arrested for accidentally shooting his nephew. "
        "Both the boy and the man were taken to Mercy Hospital, police said."
    )
    assert casualty_summary(counts) == {"injured": 2}


def test_other_people_taken_to_hospital_beside_the_dead_are_hurt() -> None:
    counts = find_counts("A man was fatally wounded and at least eight other people were hospitalized on Sunday.")
    assert casualty_summary(counts) == {"killed": 1, "injured": 8}


def test_this_one_is_a_pronoun() -> None:
    assert find_counts('"This one hurt, a lot," the coach said.') == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Deputies said one shot was fired through the kitchen window.",
        "The clerk fired one shot before the robber ran off.",
        "Neighbors heard two shots around midnight.",
        "At least one shot rang out in the parking lot.",
    ],
)
def test_a_shot_fired_is_a_gunshot_not_a_person_shot(sentence: str) -> None:
    assert [c.category for c in find_counts(sentence)] == ["shots"]


def test_a_number_of_people_shot_is_still_read_beside_a_shot_fired() -> None:
    counts = find_counts("One shot was fired and two men were shot in the legs.")
    assert [(c.value, c.category) for c in counts] == [(1, "shots"), (2, "shot")]
