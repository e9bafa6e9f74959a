"""Handlers of timex_dates (dates the calendar names), on sentences written for these tests."""

from __future__ import annotations

from tests.extract.conftest import timex_values as values


def test_this_past_season_is_the_latest_one_begun() -> None:
    assert values("Costs ran high this past spring.") == [("this past spring", "2024-SP", "DATE")]


def test_last_season_is_the_one_a_year_before() -> None:
    assert values("Costs ran high last spring.") == [("last spring", "2023-SP", "DATE")]


def test_the_week_of_a_day_is_its_iso_week() -> None:
    assert values("A hearing is set for the week of Dec. 9.") == [("the week of Dec. 9", "2024-W50", "DATE")]
