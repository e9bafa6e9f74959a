"""Helpers shared by the tests of ``storyline.extract``."""

from __future__ import annotations

from storyline.extract.counts import Count
from storyline.extract.quotes_assemble import Attribution


def only(counts: list[Count], category: str) -> Count:
    found = [c for c in counts if c.category == category]
    assert len(found) == 1, [(c.text, c.category) for c in counts]
    return found[0]


def by_content(found: list[Attribution], words: str) -> Attribution:
    for a in found:
        if words in a.content:
            return a
    raise AssertionError(f"no attribution holds {words!r}: {[a.content for a in found]}")
