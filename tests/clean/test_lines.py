"""Splitting a page dump into lines: whitespace collapsed the way ``str.split`` sees it, blank lines noted."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.clean.lines import _ODD_SPACES, split_lines


def _reference(text: str) -> list[tuple[str, bool]]:
    """Each non-blank line with its whitespace collapsed, and whether a blank line (or the start) is above it."""
    out: list[tuple[str, bool]] = []
    blank = True
    for chunk in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        collapsed = " ".join(chunk.split())
        if collapsed:
            out.append((collapsed, blank))
        blank = not collapsed
    return out


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000")), max_size=60))
def test_split_lines_collapses_whitespace_like_str_split(text: str) -> None:
    assert [(line.text, line.blank_before) for line in split_lines(text)] == _reference(text)


def test_table_cells_split_by_tabs_read_as_one_line() -> None:
    assert [line.text for line in split_lines("Team\tWins\t Losses\n\nAshford\t 3\t1\n")] == [
        "Team Wins Losses",
        "Ashford 3 1",
    ]


def test_odd_space_class_is_whitespace_other_than_space_and_line_break() -> None:
    negated = re.compile(r"[^\S \n]")
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert "".join(m.group(0) for m in negated.finditer(every)) == _ODD_SPACES
