"""Lists of people: how many each names. Sentences written for these tests."""

from __future__ import annotations

import pytest

from storyline.extract.counts_lists import person_lists


def _people(text: str) -> list[tuple[str, int]]:
    return [(text[p.start : p.end], p.people) for p in person_lists(text)]


@pytest.mark.parametrize(
    ("text", "words", "people"),
    [
        ("Three workers and a guard were hurt.", "Three workers and a guard", 4),
        ("A driver and his 9-year-old daughter were found dead.", "A driver and his 9-year-old daughter", 2),
        ("A woman, two men and a small boy were struck.", "A woman, two men and a small boy", 4),
        ("Two women, and three men were shot.", "Two women, and three men", 5),
    ],
)
def test_members_are_summed(text: str, words: str, people: int) -> None:
    assert _people(text) == [(words, people)]


def test_a_plural_without_a_number_is_no_figure() -> None:
    assert _people("He shot the neighbors and a cousin.") == []


def test_one_member_is_no_list() -> None:
    assert _people("A teacher was wounded and taken away.") == []


def test_a_clause_after_and_is_no_member() -> None:
    assert _people("The clerk said a man and the police arrived.") == []
