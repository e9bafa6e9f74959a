"""The spaCy loader's guard against quadratic tokenizing of long punctuation runs."""

from __future__ import annotations

from storyline.extract.nlp import LONG_RUN, blank_long_runs


def test_a_long_run_of_one_mark_becomes_spaces_of_the_same_length() -> None:
    text = "Before.\n" + "=" * (LONG_RUN + 5) + "\nAfter."
    blanked = blank_long_runs(text)
    assert len(blanked) == len(text)
    assert blanked == "Before.\n" + " " * (LONG_RUN + 5) + "\nAfter."


def test_short_runs_and_words_are_left_alone() -> None:
    text = "Wait -- what?! " + "." * LONG_RUN + " ok " + "a" * 200
    assert blank_long_runs(text) == text
