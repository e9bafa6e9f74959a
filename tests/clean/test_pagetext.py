"""PageText: the per-line sums and token hashes it computes page-wide agree with reading each line on its own."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.clean.pagetext import _COUNT_SHIFT, PageText, word_hash

LINES = ["Mayor Ana Petrova said 12 homes", "x", "\u00c9t\u00e9 2023: caf\u00e9s", "\u0130stanbul \u00df", "a_b 3rd"]


def _by_line(texts: list[str]) -> tuple[list[int], list[int], list[int], list[int]]:
    return (
        [sum(c.isalpha() for c in t) for t in texts],
        [sum(c.isupper() for c in t) for t in texts],
        [sum(c.isdigit() for c in t) for t in texts],
        [len(re.findall(r"\w+", t)) for t in texts],
    )


CHARS = list("aZ9 _\u00e9\u00c9\u0130\u01c5\u00b2.,")  # \u01c5 is title case, \u00b2 a digit but not decimal


@given(st.lists(st.text(alphabet=st.sampled_from(CHARS), min_size=1), min_size=1))
@settings(max_examples=100, deadline=None)
def test_class_counts_and_words_agree_with_each_line(texts: list[str]) -> None:
    page = PageText.of(texts)
    letters, uppers, digits, words = _by_line(texts)
    assert [a.tolist() for a in page.class_counts()] == [letters, uppers, digits]
    assert page.words().tolist() == words


def test_class_counts_of_a_line_too_long_to_pack() -> None:
    texts = ["Ab1 " * (1 << _COUNT_SHIFT - 2), *LINES]
    assert [a.tolist() for a in PageText.of(texts).class_counts()] == list(_by_line(texts)[:3])


def test_token_hashes_are_the_word_hashes_of_the_lower_cased_tokens() -> None:
    page = PageText.of([line for line in LINES if "\u0130" not in line])  # İ lower-cases to two characters
    tokens = page.tokens()
    assert tokens is not None
    assert tokens.hash.tolist() == [word_hash(tokens.word(i)) for i in range(len(tokens.start))]
    long_enough = np.flatnonzero(tokens.end - tokens.start >= 3)
    assert tokens.prefix_hash(long_enough, 3).tolist() == [word_hash(tokens.word(i)[:3]) for i in long_enough.tolist()]


def test_find_lines_marks_each_line_holding_a_needle() -> None:
    page = PageText.of(["a | b", "none", "x/y", "WWW.example.org"])
    marks = page.find_lines("|", "/")
    assert marks is not None and marks.tolist() == [True, False, True, False]
    found = page.find_lines("www.", lowered=True)
    assert found is not None and found.tolist() == [False, False, False, True]


def test_no_tokens_when_lower_casing_moves_offsets() -> None:
    assert PageText.of(["\u0130stanbul"]).tokens() is None
