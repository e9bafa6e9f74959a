"""Rule handlers of timex_handlers, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from storyline.extract.timex import tag_times

DCT = date(2024, 11, 4)


def values(sentence: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.type) for t in tag_times(sentence, DCT)]


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


def test_this_past_season_is_the_latest_one_begun() -> None:
    assert values("Costs ran high this past spring.") == [("this past spring", "2024-SP", "DATE")]


def test_last_season_is_the_one_a_year_before() -> None:
    assert values("Costs ran high last spring.") == [("last spring", "2023-SP", "DATE")]


def test_the_previous_weekday_counts_from_the_day_last_named() -> None:
    found = values("The index fell on Friday, down 4% from the previous Friday.")
    assert [v for _, v, _ in found] == ["2024-11-01", "2024-10-25"]


def test_a_day_earlier_counts_from_the_weekday_last_named() -> None:
    found = values("The talks ended on Thursday. A day earlier, the envoys had met.")
    assert [v for _, v, _ in found] == ["2024-10-31", "2024-10-30"]


def test_the_week_of_a_day_is_its_iso_week() -> None:
    assert values("A hearing is set for the week of Dec. 9.") == [("the week of Dec. 9", "2024-W50", "DATE")]


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


def test_one_day_after_a_modal_is_some_future_day() -> None:
    assert values("The town will one day be a city.") == [("one day", "FUTURE_REF", "DATE")]


def test_one_day_after_a_preposition_stays_a_duration() -> None:
    assert values("The vote was delayed by one day.") == [("one day", "P1D", "DURATION")]
