"""Counts scope: round-up sentences are set aside; one article's tolls from its mentions."""

from __future__ import annotations

import pytest

from storyline.extract.counts import find_counts
from storyline.extract.counts_scope import Mention, article_tolls, mention_of, roundup


@pytest.mark.parametrize(
    "sentence",
    [
        "Police say 14 people have been shot in the city so far this year.",
        "At least 17 people were shot across the city over the weekend.",
        "Nine people were wounded in three separate shootings on Saturday night.",
        "It was the 41st homicide in 2016, police said.",
        "Last year, 300 people were killed in the county.",
    ],
)
def test_roundup_sentences_are_recognised(sentence: str) -> None:
    assert roundup(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Two men were shot and killed Tuesday night outside a bar on Elm Street.",
        "A 19-year-old woman was wounded in the leg, police said.",
        "The shooting happened around 2 a.m. Sunday, officers said.",
    ],
)
def test_sentences_about_one_event_are_not_roundups(sentence: str) -> None:
    assert not roundup(sentence)


def _mentions(text: str) -> list[Mention]:
    return [Mention(c.text, c.value, c.category, c.single, c.vague, c) for c in find_counts(text)]


def test_shot_victims_beyond_the_dead_count_as_injured() -> None:
    tolls = article_tolls(_mentions("Four people were shot, one fatally, early Sunday."))
    assert {k: v for k, (v, _) in tolls.items()} == {"killed": 1.0, "injured": 3.0}


def test_each_toll_names_a_supporting_count() -> None:
    tolls = article_tolls(_mentions("Two people were killed and five were wounded in the attack."))
    assert tolls["killed"][0] == 2.0 and tolls["killed"][1].category == "killed"
    assert tolls["injured"][0] == 5.0 and tolls["injured"][1].category == "injured"


def test_stored_fact_words_tell_one_person_from_a_number() -> None:
    assert mention_of("a 25-year-old man was shot", 1.0, "shot").single
    assert not mention_of("one man was shot", 1.0, "shot").single
    assert mention_of("dozens of people were hurt", 24.0, "injured").vague
    assert not mention_of("24 people were hurt", 24.0, "injured").vague


def test_wounded_is_read_as_injured() -> None:
    assert mention_of("three were wounded", 3.0, "wounded").category == "injured"


def test_stored_attrs_win_over_the_words() -> None:
    assert not mention_of("a man was shot", 1.0, "shot", {"single": False}).single


def test_tallies_over_a_span_of_hours_or_a_whole_city_are_roundups() -> None:
    assert roundup("At least 21 people were shot in incidents spanning each of the five boroughs.")
    assert roundup("Eighteen people were shot in Philadelphia in a 48-hour span.")
    assert roundup("Fifteen were wounded overnight in shootings throughout the city.")
    assert not roundup("Four people were shot outside a bar on Main Street early Sunday.")


def test_the_teaser_of_another_story_is_not_the_event() -> None:
    from storyline.extract.counts_scope import roundup

    assert roundup("RELATED: Woman killed in crash on the bypass")
    assert not roundup("A woman was killed in a crash on the bypass.")
