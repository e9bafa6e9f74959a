"""One-person casualty mentions told apart: how many were hurt when no figure says so."""

from __future__ import annotations

from types import SimpleNamespace

from storyline.extract.counts import casualty_summary, find_counts
from storyline.extract.counts_scope import mention_of


def test_a_woman_injured_beside_a_man_killed_is_a_second_victim() -> None:
    counts = find_counts("A man was killed and a woman was injured Friday evening in a drive-by shooting.")
    assert casualty_summary(counts) == {"killed": 1, "injured": 1}


def test_another_man_wounded_is_not_the_man_killed() -> None:
    counts = find_counts("A man was shot and killed and another man was wounded early Sunday.")
    assert casualty_summary(counts) == {"killed": 1, "injured": 1}


def test_a_man_and_a_woman_hit_are_two_victims() -> None:
    counts = find_counts("A 23-year-old man was shot in the leg and a woman was grazed in the arm.")
    assert casualty_summary(counts) == {"injured": 2}


def test_the_same_man_named_twice_is_one_victim() -> None:
    counts = find_counts("A man was shot in the leg Tuesday. The man, 23, was taken to a hospital.")
    assert casualty_summary(counts) == {"injured": 1}


def test_a_victim_who_died_is_not_also_hurt() -> None:
    counts = find_counts("A woman was shot on Elm Street. She died at the hospital.")
    assert casualty_summary(counts) == {"killed": 1}


def test_a_person_said_not_to_be_injured_is_not_counted() -> None:
    sentence = "Neither the driver nor the other passenger was injured."
    fact = SimpleNamespace(sentence=sentence)
    mentions = [
        mention_of("A man was shot and killed", 1.0, "killed", {"single": True}),
        mention_of("the other passenger was injured", 1.0, "injured", {"single": True}, ref=fact),
    ]
    assert casualty_summary(mentions) == {"killed": 1}


def test_a_figure_of_the_hurt_wins_over_people_described_one_by_one() -> None:
    counts = find_counts("Two people were wounded. A man was shot in the arm and a woman was hit in the leg.")
    assert casualty_summary(counts) == {"injured": 2}


def test_another_man_shot_by_a_man_is_the_one_who_died() -> None:
    counts = find_counts(
        "A Dover man is accused of accidentally shooting another man in the head on Friday. "
        "He faces a charge in the death of Sam Reed, 41, police said."
    )
    assert casualty_summary(counts) == {"killed": 1}


def test_an_uncle_and_a_child_are_two_victims() -> None:
    counts = find_counts("Police say the uncle was shot in the hand, while the child was shot in the leg.")
    assert casualty_summary(counts) == {"injured": 2}


def test_a_wounded_suspect_is_counted_beside_the_victim() -> None:
    counts = find_counts("The victim was shot in the arm. Officers said the suspect was hit in the hand.")
    assert casualty_summary(counts) == {"injured": 2}


def test_an_officer_shot_is_not_the_suspect_who_died() -> None:
    counts = find_counts("An officer was shot in the leg. The suspect was shot by police and died at the scene.")
    assert casualty_summary(counts) == {"killed": 1, "injured": 1}


def test_the_victim_named_twice_is_one_person() -> None:
    counts = find_counts("A clerk was shot in the shoulder. The victim was taken to a hospital.")
    assert casualty_summary(counts) == {"injured": 1}


def test_one_of_the_suspects_hit_is_one_more_person() -> None:
    counts = find_counts(
        "An officer was wounded in the exchange. Police said one of the suspects was struck by return fire."
    )
    assert casualty_summary(counts) == {"injured": 2}


def test_another_person_shot_blocks_away_is_another_event() -> None:
    sentence = "Soon after, another man was shot in the leg a few blocks away."
    mentions = [
        mention_of("A man was killed", 1.0, "killed", {"single": True}),
        mention_of("another man was shot", 1.0, "shot", {"single": True}, ref=SimpleNamespace(sentence=sentence)),
    ]
    assert casualty_summary(mentions) == {"killed": 1}


def test_traits_are_read_from_the_words_that_name_the_person() -> None:
    counts = find_counts("Reed was taken to Our Lady of Mercy Hospital. He died there on Sunday.")
    assert casualty_summary(counts) == {"killed": 1}


def test_a_person_expected_to_recover_is_not_one_of_the_dead() -> None:
    sentence = "Her boyfriend was also shot in the leg and is expected to recover."
    mentions = [
        mention_of("Three people were killed", 3.0, "killed", {"single": False}),
        mention_of(
            "Her boyfriend was also shot", 1.0, "shot", {"single": True}, ref=SimpleNamespace(sentence=sentence)
        ),
    ]
    assert casualty_summary(mentions) == {"killed": 3, "injured": 1}


def test_a_person_shot_may_be_one_of_the_dead_when_nothing_says_he_lives() -> None:
    sentence = "Her boyfriend was also shot in the leg."
    mentions = [
        mention_of("Three people were killed", 3.0, "killed", {"single": False}),
        mention_of(
            "Her boyfriend was also shot", 1.0, "shot", {"single": True}, ref=SimpleNamespace(sentence=sentence)
        ),
    ]
    assert casualty_summary(mentions) == {"killed": 3}


def test_descriptions_that_may_be_one_person() -> None:
    from storyline.extract.counts_victims import one_person

    assert one_person(["a 16-year-old boy", "the teen", "he"])
    assert not one_person(["a man", "a woman"])
    assert not one_person(["the suspect", "the victim"])


def test_another_after_left_is_set_apart_from_the_shooter_not_the_victim() -> None:
    sentence = "A teen was arrested in a shooting that left another teen hospitalized."
    mentions = [
        mention_of("the teen was shot", 1.0, "shot", {"single": True}),
        mention_of(
            "another teen hospitalized", 1.0, "hospitalized", {"single": True}, ref=SimpleNamespace(sentence=sentence)
        ),
    ]
    assert casualty_summary(mentions) == {"injured": 1}
