"""One-person subjects and one person set apart from a figure (``counts_people``). Sentences written for these tests."""

from __future__ import annotations

from storyline.extract.counts import casualty_summary, find_counts
from tests.extract.conftest import only


def test_a_possessive_noun_is_not_the_person_hit() -> None:
    counts = find_counts("Police say the woman's 23-year-old boyfriend was also shot in the leg.")
    assert [(c.category, c.value) for c in counts] == [("shot", 1)]
    assert "boyfriend" in counts[0].text


def test_another_as_a_subject_is_one_more_person() -> None:
    counts = find_counts("One man died and another was wounded in the parking lot.")
    assert casualty_summary(counts) == {"killed": 1, "injured": 1}


def test_a_spelled_out_age_is_one_person() -> None:
    counts = find_counts("The gunman wounded a six-year-old before he fled.")
    assert only(counts, "injured").value == 1


def test_a_name_after_an_age_without_hyphens_is_one_person() -> None:
    counts = find_counts("The coroner said 23 year old Ana Ruiz died at a hospital in the city.")
    assert only(counts, "killed").value == 1


def test_another_after_a_figure_of_the_hurt_is_one_more() -> None:
    counts = find_counts("Two men were wounded in the leg, and another man suffered a graze wound.")
    assert [(c.value, c.category) for c in counts] == [(3, "injured")]


def test_another_person_killed_is_not_added_to_the_hurt() -> None:
    counts = find_counts("Two people were wounded and another was killed.")
    assert casualty_summary(counts) == {"killed": 1, "injured": 2}


def test_a_person_of_another_sex_or_age_after_a_figure_is_one_more() -> None:
    counts = find_counts("Two women were shot, and a 9-year-old boy was hit by a bullet fragment.")
    assert [(c.value, c.category) for c in counts] == [(3, "shot")]


def test_a_person_who_may_be_one_of_the_figure_is_not_added() -> None:
    counts = find_counts("Two people were shot and a man was hit in the leg.")
    assert casualty_summary(counts) == {"injured": 2}
