"""The body ends where the page takes over: appeals, section markers and teasers after the last paragraph."""

from __future__ import annotations

import numpy as np

from storyline.clean.bodyend import close_body, is_appeal, is_marker, is_tail_furniture, trim_tail
from storyline.clean.lines import split_lines

from .conftest import BODY

APPEAL = (
    "Reporting like this costs money. Become a member today and support independent journalism: "
    "you can help us keep every story free to read."
)


def _close(parts: list[str], keep: list[bool]) -> list[bool]:
    lines = split_lines("\n\n".join(parts))
    return list(map(bool, close_body(lines, np.array(keep))))


def test_donation_appeal_is_an_appeal() -> None:
    assert is_appeal(APPEAL, len(APPEAL.split()))


def test_a_news_sentence_about_subscribers_is_not_an_appeal() -> None:
    text = "The streaming service signed up two million new subscribers in the quarter, analysts said."
    assert not is_appeal(text, len(text.split()))


def test_payment_card_names_in_a_short_line_are_an_appeal() -> None:
    assert is_appeal("visa mastercard amex", 3)


def test_appeal_after_the_body_closes_it() -> None:
    parts = [*BODY, APPEAL, "Will the lake freeze this winter?", "A short teaser line for later."]
    assert _close(parts, [True] * len(parts)) == [True] * len(BODY) + [False] * 3


def test_appeal_before_most_of_the_body_does_not_close_it() -> None:
    parts = [BODY[0], APPEAL, *BODY[1:]]
    assert _close(parts, [True] * len(parts)) == [True] * len(parts)


def test_standalone_marker_closes_the_body_when_little_follows() -> None:
    parts = [*BODY, "Read also:", "Storm closes the mountain pass again."]
    assert _close(parts, [True] * 4 + [False, True]) == [True] * 4 + [False, False]


def test_inline_marker_with_the_body_going_on_does_not_close_it() -> None:
    parts = [BODY[0], "Read also:", *BODY[1:]]
    keep = [True, False, True, True, True]
    assert _close(parts, keep) == keep


def test_markers_are_short_standalone_lines() -> None:
    assert is_marker("Authors: Ana Lopez, Marc Weber", 5)
    assert is_marker("Most popular", 2)
    assert not is_marker("Comments from the mayor were brief and to the point, residents said.", 12)


def test_credit_and_related_links_after_the_story_are_trimmed() -> None:
    tail = [
        "Reporting by Ana Lopez; editing by Marc Weber",
        "Related: Storm closes the mountain pass",
        "Storm closes mountain pass again",
    ]
    assert trim_tail([*BODY, *tail]) == BODY


def test_trailing_furniture_longer_than_a_quarter_of_the_body_is_kept() -> None:
    links = [f"Another headline about the valley number {k}" for k in range(40)]
    assert trim_tail([BODY[0], *links]) == [BODY[0], *links]


def test_a_story_ending_in_a_sentence_keeps_its_last_paragraph() -> None:
    assert not is_tail_furniture(BODY[-1], len(BODY[-1].split()))
