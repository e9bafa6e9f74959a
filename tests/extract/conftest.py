"""Helpers shared by the tests of ``storyline.extract``."""

from __future__ import annotations

from storyline.extract.counts import Count


def only(counts: list[Count], category: str) -> Count:
    found = [c for c in counts if c.category == category]
    assert len(found) == 1, [(c.text, c.category) for c in counts]
    return found[0]
