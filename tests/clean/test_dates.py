from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from storyline.clean import dates

TODAY = date(2024, 6, 1)


def test_future_dates_are_rejected() -> None:
    assert dates.find_dates("Published March 3, 2031", TODAY) == []


def test_five_digit_years_are_not_dates() -> None:
    assert dates.parse_iso("20240-01-03", TODAY) is None
    assert dates.find_dates("in the year 20240-01-03", TODAY) == []


def test_impossible_days_are_rejected() -> None:
    assert dates.make(2023, 2, 30, TODAY) is None
    assert dates.find_dates("31.04.2023", TODAY) == []


def test_scraper_date_header_is_read() -> None:
    assert dates.scraper_header(" date 2024-01-03 Skip to content\nMenu") == date(2024, 1, 3)


def test_byline_dates_in_several_languages() -> None:
    assert dates.find_dates("January 3, 2024 8:36 PM", TODAY)[0][1] == date(2024, 1, 3)
    assert dates.find_dates("28. April 2022", TODAY)[0][1] == date(2022, 4, 28)
    assert dates.find_dates("Jueves 28 de Abril de 2022", TODAY)[0][1] == date(2022, 4, 28)


def test_url_dates() -> None:
    assert dates.url_date("https://x.example/2019/11/19/story", TODAY) == date(2019, 11, 19)
    assert dates.url_date("https://x.example/story-2019-11-19.html", TODAY) == date(2019, 11, 19)


def test_lower_bound_skips_announced_future_events() -> None:
    text = "Officials announced on 4 January that the council will meet on 10 January."
    assert dates.infer_lower_bound(text, [2024], TODAY) == date(2024, 1, 4)


@given(st.text(max_size=200))
def test_find_dates_never_returns_an_invalid_day(text: str) -> None:
    for _, day in dates.find_dates(text, TODAY):
        assert dates.EARLIEST <= day <= TODAY


_DATE_PIECES = [
    "12",
    "3",
    "2024",
    "1999",
    "january",
    "jan",
    "mai",
    "may",
    "de",
    "st",
    "th",
    ".",
    ",",
    " ",
    "x",
    "ajan",
    "_",
    "-",
    "31",
    "décembre",
    "août",
    "\n",
]


@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=12).map("".join))
def test_fast_lowercase_date_patterns_match_like_the_originals(text: str) -> None:
    import re

    for original, fast in (
        (dates._MONTH_DY, dates._MONTH_DY_L),
        (dates._D_MONTH_Y, dates._D_MONTH_Y_L),
        (dates._MONTH_D, dates._MONTH_D_L),
        (dates._D_MONTH, dates._D_MONTH_L),
    ):
        plain = re.compile(original.pattern)
        assert [(m.span(), m.groups()) for m in plain.finditer(text)] == [
            (m.span(), m.groups()) for m in fast.finditer(text)
        ]


def test_slash_dates_read_day_first_when_asked() -> None:
    assert dates.find_dates("05/07/2023", TODAY)[0][1] == date(2023, 5, 7)
    assert dates.find_dates("05/07/2023", TODAY, day_first=True)[0][1] == date(2023, 7, 5)
    assert dates.find_dates("25/07/2023", TODAY)[0][1] == date(2023, 7, 25)  # 25 can only be the day


def test_parse_text_reads_the_first_date_of_a_short_text() -> None:
    assert dates.parse_text("Stand: 14.03.2023, 10:12 Uhr", TODAY) == date(2023, 3, 14)
    assert dates.parse_text("no date here", TODAY) is None


def test_utc_timestamp_read_in_a_local_zone() -> None:
    from datetime import timedelta, timezone

    cet = timezone(timedelta(hours=1))
    assert dates.parse_iso("2023-03-13T23:30:00.000Z", TODAY, cet) == date(2023, 3, 14)
    assert dates.parse_iso("2023-03-13T22:30:00+00:00", TODAY, cet) == date(2023, 3, 13)
    assert dates.parse_iso("2023-03-13T23:30:00-05:00", TODAY, cet) == date(2023, 3, 13)  # not UTC: as written
    assert dates.parse_iso("2023-03-13T23:30:00Z", TODAY) == date(2023, 3, 13)


def test_utc_timestamp_moved_into_the_future_is_rejected() -> None:
    from datetime import timedelta, timezone

    assert dates.parse_iso("2024-06-01T23:30:00Z", TODAY, timezone(timedelta(hours=1))) is None


def test_relative_stamps_count_back_from_the_crawl_day() -> None:
    crawled = date(2024, 6, 1)
    assert dates.relative_date("vor 2 Stunden", crawled) == date(2024, 6, 1)
    assert dates.relative_date("vor 30 Stunden", crawled) == date(2024, 5, 31)
    assert dates.relative_date("3 days ago", crawled) == date(2024, 5, 29)
    assert dates.relative_date("hace 2 días", crawled) == date(2024, 5, 30)
    assert dates.relative_date("gestern, 10:12 Uhr", crawled) == date(2024, 5, 31)
    assert dates.relative_date("vor einer Woche", crawled) == date(2024, 5, 25)


def test_relative_stamps_in_unknown_units_are_not_read() -> None:
    assert dates.relative_date("vor 5 Jahren", date(2024, 6, 1)) is None
    assert dates.relative_date("Bridge vote passes", date(2024, 6, 1)) is None


_NUMERIC_PIECES = ["1", "2", "9", "0", "19", "20", "2023", "12", "31", "5", ".", "-", "/", " ", ". ", "x", "\n"]
# the numeric patterns as they read before they were reordered to open with a digit (dates.py)
_LOOKBEHIND_FIRST = (
    (r"(?<!\d)((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)", dates._ISO),
    (r"(?<!\d)((?:19|20)\d{2})[/.](\d{1,2})[/.](\d{1,2})(?!\d)", dates._SLASH_YMD),
    (r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?!\d)", dates._DMY_NUM),
    (r"(?<!\d)(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?!\d)", dates._MDY_SLASH),
)


@given(st.lists(st.sampled_from(_NUMERIC_PIECES), max_size=14).map("".join))
def test_digit_first_numeric_patterns_match_like_lookbehind_first_ones(text: str) -> None:
    import re

    for original, fast in _LOOKBEHIND_FIRST:
        assert [(m.span(), m.groups()) for m in re.finditer(original, text)] == [
            (m.span(), m.groups()) for m in fast.finditer(text)
        ]


def test_date_lines_hold_a_date_and_nothing_else() -> None:
    for text in ("Wednesday November 20, 2019", "20.11.2019, 14:05 Uhr", "Updated: Nov. 20, 2019 at 9:41 am",
                 "Jueves 21 abril, 2022"):  # fmt: skip
        assert dates.is_date_line(text, len(text.split())), text


def test_a_sentence_with_a_date_is_no_date_line() -> None:
    for text in ("The bridge opened on May 3, 2021.", "Published by Ana Lopez on May 3, 2021", "May 2021"):
        assert not dates.is_date_line(text, len(text.split())), text
