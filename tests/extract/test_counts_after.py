"""What the words after a quantity or a person say (``counts_after``): adverbs, relative clauses, appositives, a later
death. Sentences written for these tests.
"""

from __future__ import annotations

from storyline.extract.counts import casualty_summary, find_counts
from tests.extract.conftest import only


def test_an_adverb_between_auxiliary_and_verb_is_read_through() -> None:
    assert casualty_summary(find_counts("A 16-year-old was accidentally shot in the neck Tuesday night.")) == {
        "injured": 1
    }


def test_a_headline_adverb_without_auxiliary_is_read_through() -> None:
    counts = find_counts("a man accidentally shot in Kennewick")
    assert casualty_summary(counts) == {"injured": 1.0}


def test_the_victim_of_a_shooting_who_died() -> None:
    counts = find_counts("The victim of last week's shooting on Elm Street has died.")
    assert only(counts, "killed").value == 1


def test_shot_in_a_murder_suicide_is_a_death() -> None:
    counts = find_counts("A woman was shot in an apparent murder-suicide on Elm Street.")
    assert casualty_summary(counts) == {"killed": 1}


def test_people_wounded_in_a_murder_suicide_lived() -> None:
    counts = find_counts("Three dead, two wounded in an apparent murder-suicide on Oak Lane.")
    assert casualty_summary(counts) == {"killed": 3, "injured": 2}


def test_relative_clause_after_a_comma_tells_what_happened() -> None:
    count = only(find_counts("The boy, who suffered a graze wound, is not related to the driver."), "injured")
    assert (count.value, count.single) == (1, True)


def test_plural_relative_clause_is_read_for_the_list_not_the_last_person() -> None:
    counts = find_counts("Police found a woman and her 6-year-old son, who were shot in their car.")
    assert [(c.value, c.category, c.single) for c in counts] == [(2, "shot", False)]


def test_appositive_names_the_one_person_hit() -> None:
    count = only(find_counts("One of the teens, a 15-year-old boy, was grazed in the leg."), "shot")
    assert count.value == 1


def test_appositive_after_a_plural_number_is_not_its_toll() -> None:
    counts = find_counts("One of the five, a 30-year-old woman, died at the hospital.")
    assert [c.value for c in counts if c.category == "killed"] == [1]


def test_shot_and_died_is_one_death() -> None:
    count = only(find_counts("The suspect was shot by deputies and died at the scene."), "killed")
    assert (count.value, count.single) == (1, True)


def test_a_number_in_a_station_name_does_not_take_the_next_figure_noun() -> None:
    counts = find_counts("Channel 11 News Two brothers, ages 11 and 16, were shot inside a home.")
    assert [(c.value, c.category) for c in counts] == [(2, "shot")]


def test_next_figure_stops_the_died_chain() -> None:
    summary = casualty_summary(find_counts("Four people were shot, three dead, when a gunman opened fire."))
    assert summary == {"killed": 3.0, "injured": 1.0}


def test_shot_then_died_is_killed_only() -> None:
    text = "A 40-year-old man was shot in the chest. He was rushed to the hospital but died."
    assert casualty_summary(find_counts(text)) == {"killed": 1}
