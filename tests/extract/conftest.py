"""Helpers shared by the tests of ``storyline.extract``."""

from __future__ import annotations

from datetime import date

from storyline.extract.counts import Count
from storyline.extract.quotes_assemble import Attribution
from storyline.extract.timex import tag_times


def only(counts: list[Count], category: str) -> Count:
    found = [c for c in counts if c.category == category]
    assert len(found) == 1, [(c.text, c.category) for c in counts]
    return found[0]


def by_content(found: list[Attribution], words: str) -> Attribution:
    for a in found:
        if words in a.content:
            return a
    raise AssertionError(f"no attribution holds {words!r}: {[a.content for a in found]}")


# The document date of the timex handler tests: a Monday.
HANDLER_DCT = date(2024, 11, 4)


def timex_values(sentence: str, dct: date | None = HANDLER_DCT) -> list[tuple[str, str, str]]:
    """(text, value, type) of each time expression ``tag_times`` finds in ``sentence``."""
    return [(t.text, t.value, t.type) for t in tag_times(sentence, dct)]
