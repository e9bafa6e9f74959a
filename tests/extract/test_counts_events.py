"""Counts told by event words (``counts_events``): a shooting of someone, a person who shot himself, a double shooting,
a death named as a noun, a shooter who killed himself. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from storyline.extract.counts import casualty_summary, find_counts
from tests.extract.conftest import only


def test_murder_suicide_counts_the_shooter() -> None:
    counts = find_counts("Police said the man shot four relatives, killing two, then himself.")
    assert casualty_summary(counts)["killed"] == 3


def test_killed_several_and_himself_counts_the_shooter() -> None:
    summary = casualty_summary(find_counts("The student killed four classmates and himself."))
    assert summary == {"killed": 5.0}


def test_a_person_who_shot_himself_is_one_victim_hit() -> None:
    counts = find_counts("A 13-year-old boy accidentally shot himself in the foot while hunting.")
    assert casualty_summary(counts) == {"injured": 1.0}
    counts = find_counts("The gunman killed two people and then shot himself, police said.")
    assert casualty_summary(counts).get("injured", 0) == 0


def test_a_quadruple_shooting_hit_four_people() -> None:
    counts = find_counts("Police are investigating a quadruple shooting in Chinatown.")
    assert casualty_summary(counts) == {"injured": 4.0}
    assert [c for c in find_counts("Police investigated double shootings overnight.") if c.category == "shot"] == []


def test_a_shooter_who_kills_himself_after_the_dead_is_one_more_dead() -> None:
    counts = find_counts("Two boys were killed, and their father committed suicide.")
    assert casualty_summary(counts) == {"killed": 3.0}
    assert casualty_summary(find_counts("He killed two children, then shot himself.")) == {"killed": 3.0}


def test_a_fatal_shooting_named_as_a_noun_is_one_dead() -> None:
    counts = find_counts("Her neighbour was charged on Monday in the fatal shooting of the cook.")
    assert casualty_summary(counts) == {"killed": 1}


def test_a_non_fatal_shooting_is_no_death() -> None:
    assert casualty_summary(find_counts("The man was charged in a non-fatal shooting of his cousin.")) == {}


def test_a_death_noun_does_not_add_to_the_dead_counted() -> None:
    counts = find_counts("Two men were killed in the deadly shooting at the depot.")
    assert casualty_summary(counts) == {"killed": 2}


def test_the_objects_of_a_fatal_shooting_and_the_shooter_who_died() -> None:
    counts = find_counts("The driver fatally shot his brother and two sons before killing himself.")
    assert casualty_summary(counts) == {"killed": 4}


def test_a_shooter_who_killed_himself_was_not_among_those_he_shot() -> None:
    counts = find_counts("A man shot three neighbors, killing one, then himself.")
    assert casualty_summary(counts) == {"killed": 2, "injured": 2}


@pytest.mark.parametrize(
    "text",
    [
        "The crash claimed the life of a local grocer.",
        "The hunter was found with a fatal gunshot wound.",
        "Rescuers said the body was found near the river.",
        "Officers are looking into the death of Mara Quill.",
        "A clerk fatally shot himself at the range.",
    ],
)
def test_more_words_for_one_death(text: str) -> None:
    assert casualty_summary(find_counts(text)) == {"killed": 1}


def test_a_body_camera_is_no_death() -> None:
    assert casualty_summary(find_counts("A body camera was found in the car.")) == {}


def test_the_shooting_of_a_person_names_one_person_hit() -> None:
    count = only(find_counts("Deputies are investigating the accidental shooting of a 52-year-old hunter."), "shot")
    assert (count.value, count.single) == (1, True)


def test_the_shooting_of_a_list_names_each_person_hit() -> None:
    count = only(find_counts("Police are looking into the shooting of a woman and two men on Main Street."), "shot")
    assert count.value == 3


def test_a_fatal_shooting_of_a_person_is_a_death_not_a_wound() -> None:
    counts = find_counts("Police are investigating the fatal shooting of a 30-year-old man.")
    assert [(c.category, c.value) for c in counts] == [("killed", 1)]


def test_the_shooting_of_nobody_named_is_no_count() -> None:
    assert find_counts("The shooting of the film resumed on Monday.") == []
