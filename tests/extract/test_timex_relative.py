"""Handlers of timex_relative (times counted from the document date or the last date named), on sentences
written for these tests."""

from __future__ import annotations

from tests.extract.conftest import timex_values as values


def test_sales_for_the_full_year_are_the_document_year() -> None:
    assert values("Sales for the full year rose 4%.") == [("the full year", "2024", "DATE")]


def test_for_the_year_alone_is_the_document_year() -> None:
    assert values("For the year, shipments of the tool were flat.") == [("the year", "2024", "DATE")]


def test_the_year_ended_a_date_stays_a_duration() -> None:
    found = values("For the year ended Sept. 30, the mill earned $4 million.")
    assert found[0] == ("the year", "P1Y", "DURATION")


def test_throughout_the_year_stays_a_duration() -> None:
    assert values("Prices should rise throughout the year.") == [("the year", "P1Y", "DURATION")]


def test_the_entire_year_stays_a_duration() -> None:
    assert values("The plant was shut for the entire year.") == [("the entire year", "P1Y", "DURATION")]


def test_a_clock_time_takes_the_weekday_after_an_aside() -> None:
    # DCT is a Monday: the blast on the Friday before
    found = values("The blast hit at about 10:35 a.m. (0735 GMT) Friday, toppling a wall.")
    assert found[0][1] == "2024-11-01T10:35"


def test_a_clock_time_takes_the_weekday_inside_an_aside() -> None:
    found = values("The plane will leave at 4 in the morning (4 a.m. EST Tuesday), he said.")
    assert found[0][:2] == ("4 in the morning", "2024-11-05T04:00")


def test_a_clock_time_with_an_aside_but_no_day_is_on_the_document_date() -> None:
    assert values("Polls opened at 7 a.m. (1200 GMT).")[0][1] == "2024-11-04T07:00"


def test_the_previous_weekday_counts_from_the_day_last_named() -> None:
    found = values("The index fell on Friday, down 4% from the previous Friday.")
    assert [v for _, v, _ in found] == ["2024-11-01", "2024-10-25"]
