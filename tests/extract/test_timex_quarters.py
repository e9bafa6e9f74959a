"""Handlers of timex_quarters (quarters and report periods), on sentences written for these tests."""

from __future__ import annotations

from tests.extract.conftest import timex_values as values


def test_the_current_quarter_is_the_one_under_way() -> None:
    found = values("Profit rose in the third quarter, and the current quarter began well.")
    assert [v for _, v, _ in found] == ["2024-Q3", "2024-Q4"]


def test_the_latest_quarter_is_the_one_reported() -> None:
    found = values("Profit rose in the third quarter; the latest quarter had more sales.")
    assert [v for _, v, _ in found] == ["2024-Q3", "2024-Q3"]


def test_a_quarter_takes_the_year_of_the_day_it_ended() -> None:
    # DCT 4 Nov 2024: a quarter that ended on Nov. 30 lies a year back
    found = values("In the year-ago period, the second quarter ended Nov. 30, the chain lost money.")
    assert ("the second quarter", "2023-Q2", "DATE") in found
