"""The prefilters of the line patterns never change a count: every pattern, run with its candidate
lines, counts exactly what a scan of the whole page counts."""

from __future__ import annotations

import gzip
import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.clean import patterns
from storyline.clean.lines import slug_overlap, split_lines
from storyline.clean.pagetext import PagePattern, PageText, word_hash

from .conftest import BODY, FOOTER, NAV, eval_dir, make_page

PATTERNS = {name: getattr(patterns, name) for name in dir(patterns) if name.endswith("_M")}
# words and marks the patterns look for, mixed with ordinary words, in both cases
PIECES = [
    "Read",
    "more",
    "also",
    "sign",
    "up",
    "in",
    "log",
    "login",
    "e-mail",
    "email",
    "E",
    "mail",
    "Share",
    "share",
    "comments",
    "3",
    "12",
    "replies",
    "Reply",
    "said:",
    "says",
    "at",
    "10:45",
    "PM",
    "p.m.",
    "ago",
    "2 days",
    "Leave",
    "a",
    "comment",
    "Photo:",
    "(AP Photo/Jane Doe)",
    "©",
    "2023",
    "1999",
    "www.example.com",
    "@desk",
    "https://x.example/a",
    "|",
    "·",
    "/",
    "•",
    "-",
    "1.",
    "By",
    "by",
    "Von",
    "written",
    "Authors:",
    "Support",
    "us",
    "our",
    "we",
    "use",
    "cookies",
    "Donate",
    "donations",
    "disabled",
    "your",
    "ad",
    "blocker",
    "adblocker",
    "Unser",
    "unsere",
    "Datenschutzerklärung",
    "s'abonner",
    "Lea",
    "también",
    "iniciar",
    "sesión",
    "related",
    "Related:",
    "Most",
    "popular",
    "read",
    "the",
    "council",
    "voted",
    "Tuesday.",
    "bridgeTo",
    "NewsHome",
    "mayor",
    "“Quote.”",
    "...",
    "…",
    "Straße",
    "İstanbul",
    "ǅ",
    "_",
    "x_y",
    "(Photo)",
    "said.”",
    "end.)",
    "”",
    "?!",
    "WWW.Example.org",
    "[email protected]",
    "Watch:",
    "Trending",
    "• item",
    "12) item",
    "Door",
    "Tuesday. The",
    "done!\u201d \u201cNext",
    "iPhone",
    "3Com",
    "a)Bcd",
    "x.?Yes",
    "\u00c4rger",
]
line_strategy = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map(" ".join)


def _full_count(page: PageText, pattern: PagePattern, first: bool = False) -> np.ndarray:
    return page.count(PagePattern(pattern.regex, pattern.lowered, None), first=first)


def _check(texts: list[str]) -> None:
    for name, pattern in PATTERNS.items():
        fast = PageText.of(texts).count(pattern)
        full = _full_count(PageText.of(texts), pattern)
        assert fast.tolist() == full.tolist(), name
        found = PageText.of(texts).has(pattern)
        assert found.tolist() == (_full_count(PageText.of(texts), pattern, first=True) > 0).tolist(), name
    page = PageText.of(texts)
    assert patterns.you_we_count(page).tolist() == _full_count(PageText.of(texts), patterns._YOU_WE_M).tolist()


@given(st.lists(line_strategy, min_size=1, max_size=8))
@settings(max_examples=150, deadline=None)
def test_prefiltered_counts_equal_full_scans(texts: list[str]) -> None:
    _check(texts)


def test_prefiltered_counts_on_a_page_with_furniture() -> None:
    lines = [line.text for line in split_lines(make_page("Eastbrook votes to rebuild the river bridge", BODY))]
    _check(lines)
    assert NAV[0] in lines and FOOTER[-1] in lines


def test_slug_overlap_counts_each_slug_word_once_per_line() -> None:
    page = PageText.of(["River bridge: the bridge over the river", "Nothing here", "RIVER"])
    assert slug_overlap(page, {"river", "bridge", "vote"}).tolist() == pytest.approx([2 / 3, 0.0, 1 / 3])


def test_word_hash_tells_vocabulary_words_apart() -> None:
    words = {w for line in PIECES for w in line.lower().split()}
    assert len({word_hash(w) for w in words}) == len(words)


def test_prefiltered_counts_on_zyte_text_dev() -> None:
    feed = eval_dir() / "data" / "zyte-text-dev.jsonl.gz"
    if not feed.exists():
        pytest.skip(f"{feed} not present")
    with gzip.open(feed, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    for row in rows[:40]:
        texts = [line.text for line in split_lines(row["text"])]
        if texts:
            _check(texts)


def test_patterns_tried_at_their_vocabulary_tokens_count_as_full_scans_on_chosen_lines() -> None:
    texts = [
        "Sign up for our newsletter and share it",
        "The council voted. Share: Facebook, Twitter",
        "Please disable your ad blocker, we use cookies",
        "townHall voted.Then NewsHome",
        "Nothing here",
    ]
    only = np.array([True, False, True, True, False])
    for pattern in (patterns._BOILER_M, patterns._APPEAL_M, patterns._GLUED_M):
        assert pattern.starts is not None
        full = PagePattern(pattern.regex, pattern.lowered, None)
        for first in (False, True):
            fast = PageText.of(texts).count(pattern, only, first)
            assert fast.tolist() == PageText.of(texts).count(full, only, first).tolist()
    assert PageText.of(texts).count(patterns._BOILER_M).tolist()[:2] == [3, 3]
