"""The active verb before a number (``counts_before``). Sentences written for these tests."""

from __future__ import annotations

from storyline.extract.counts import casualty_summary, find_counts


def test_active_verbs_before_numbers() -> None:
    counts = find_counts("The blast killed 14 people and wounded another 60 in the market.")
    assert casualty_summary(counts) == {"killed": 14, "injured": 60}


def test_killing_and_injuring_is_not_killed() -> None:
    counts = find_counts("The raids ended up killing and injuring dozens of residents.")
    assert "killed" not in casualty_summary(counts)
    assert counts[0].category == "killed_or_injured"


def test_an_intent_to_kill_is_no_death() -> None:
    assert casualty_summary(find_counts("Prosecutors say he tried to kill another man.")) == {}


def test_a_shooting_after_a_determiner_is_a_noun() -> None:
    text = "Police said that in that shooting a 9-year-old found the gun in a closet."
    assert not [c for c in find_counts(text) if c.category == "shot"]


def test_people_a_shooting_sent_to_the_hospital_are_hospitalized() -> None:
    for text, value in (
        ("The shooting early Sunday sent four people to the hospital, police said.", 4),
        ("A birthday party ended with three guests in the hospital.", 3),
        ("The crash left two men in Riverside Regional Medical Center.", 2),
        ("The blast sent 12 to area hospitals.", 12),
    ):
        count = next(c for c in find_counts(text) if c.category == "hospitalized")
        assert count.value == value, text
        assert "hospital" in count.text.lower() or "medical center" in count.text.lower()


def test_people_sent_elsewhere_or_things_sent_to_a_hospital_are_not() -> None:
    for text in ("He left two children with his mother.", "The club sent three letters to the hospital."):
        assert not [c for c in find_counts(text) if c.category == "hospitalized"], text
