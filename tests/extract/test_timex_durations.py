"""Handlers of timex_durations (durations and sets), on sentences written for these tests."""

from __future__ import annotations

from tests.extract.conftest import timex_values as values


def test_a_day_earlier_counts_from_the_weekday_last_named() -> None:
    found = values("The talks ended on Thursday. A day earlier, the envoys had met.")
    assert [v for _, v, _ in found] == ["2024-10-31", "2024-10-30"]


def test_one_day_after_a_modal_is_some_future_day() -> None:
    assert values("The town will one day be a city.") == [("one day", "FUTURE_REF", "DATE")]


def test_one_day_after_a_preposition_stays_a_duration() -> None:
    assert values("The vote was delayed by one day.") == [("one day", "P1D", "DURATION")]
