"""Time expressions: one behaviour per test, on sentences written for these tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.extract.timex import Timex, tag_times
from storyline.extract.timex_lex import spoken_year, words_to_number
from storyline.extract.timex_norm import value_span

DCT = date(2024, 1, 3)  # a Wednesday
REPO = Path(__file__).resolve().parents[2]
EVAL_DIR = Path(os.environ.get("STORYLINE_EVAL_DIR", REPO.parent / "shared" / "eval"))


def one(sentence: str, dct: date | None = DCT) -> Timex:
    found = tag_times(sentence, dct)
    assert len(found) == 1, found
    return found[0]


def values(sentence: str, dct: date | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.type) for t in tag_times(sentence, dct)]


# --- relative weeks, days and weekdays -------------------------------------------------------------


def test_next_week_is_the_following_iso_week() -> None:
    t = one("The ministers plan to meet next week in Brussels.")
    assert (t.text, t.value, t.type) == ("next week", "2024-W02", "DATE")
    assert (t.anchor_date, t.end_date) == (date(2024, 1, 8), date(2024, 1, 14))


def test_weekday_in_a_past_sentence_is_the_last_one() -> None:
    assert one("The mayor resigned on Monday.").value == "2024-01-01"


def test_weekday_in_a_future_sentence_is_the_next_one() -> None:
    assert one("The mayor will resign on Friday.").value == "2024-01-05"


def test_weekday_of_the_document_date_is_that_day() -> None:
    assert one("The council met on Wednesday.").value == "2024-01-03"


def test_weekday_with_part_of_day_is_a_time() -> None:
    t = one("The blast hit the depot Tuesday morning.")
    assert (t.text, t.value, t.type) == ("Tuesday morning", "2024-01-02TMO", "TIME")


def test_yesterday_today_tomorrow() -> None:
    assert values("Yesterday it rained, today it snows and tomorrow it clears.") == [
        ("Yesterday", "2024-01-02", "DATE"),
        ("today", "2024-01-03", "DATE"),
        ("tomorrow", "2024-01-04", "DATE"),
    ]


def test_possessive_today_is_tagged() -> None:
    assert one("The plan is in today's paper.").text == "today"


def test_last_night_is_a_time_of_the_day_before() -> None:
    assert one("Sirens sounded last night.").value == "2024-01-02TNI"


def test_the_next_day_follows_the_last_named_day() -> None:
    assert values("The talks ended on Jan. 2. The next day, he flew home.")[1][1] == "2024-01-03"


def test_a_day_prior_counts_back_from_the_last_named_day() -> None:
    assert values("He spoke on Jan. 3. A day prior, he wrote a letter.")[1][:2] == ("A day prior", "2024-01-02")


# --- calendar dates and the year they fall in -----------------------------------------------------


def test_month_day_without_year_takes_the_nearest_year() -> None:
    assert one("On Dec. 29, the dam broke.").value == "2023-12-29"


def test_month_day_is_the_extent_without_the_modifier_before_on() -> None:
    t = one("Shelling started early on Jan. 2, officials said.")
    assert (t.text, t.value) == ("Jan. 2", "2024-01-02")


def test_day_month_year() -> None:
    assert one("The treaty was signed on 10 January 2024.").value == "2024-01-10"


def test_month_day_year_with_comma() -> None:
    assert one("The plant closed on March 5, 1996.").value == "1996-03-05"


def test_bare_month_takes_the_tense_when_far_from_the_document_date() -> None:
    assert one("The summit was held in July.").value == "2023-07"
    assert one("The summit will be held in July.").value == "2024-07"


def test_may_the_verb_is_not_a_month() -> None:
    assert tag_times("Officials May resign soon, and they may not.", DCT) == []


def test_may_after_a_preposition_is_a_month() -> None:
    assert one("The vote is due in May.").value == "2024-05"


def test_last_month_name_is_the_previous_occurrence() -> None:
    assert one("Prices fell last December.").value == "2023-12"


def test_month_and_year() -> None:
    assert one("The alliance was founded in July 2023 at a summit.").value == "2023-07"


def test_iso_and_numeric_dates() -> None:
    assert values("Filed 2023-11-05 and amended 12/24/2023.") == [
        ("2023-11-05", "2023-11-05", "DATE"),
        ("12/24/2023", "2023-12-24", "DATE"),
    ]


def test_impossible_dates_are_skipped_not_raised() -> None:
    assert [t.value for t in tag_times("Due Feb. 30, or 31/02/2024, or in the year 20240.", DCT)] == ["2024"]


# --- years, decades, seasons, quarters -------------------------------------------------------------


def test_last_year_and_next_year() -> None:
    assert [t.value for t in tag_times("Sales fell last year and will rise next year.", DCT)] == ["2023", "2025"]


def test_a_year_with_a_modifier_keeps_the_modifier_in_the_extent() -> None:
    t = one("Output should recover early next year.")
    assert (t.text, t.value) == ("early next year", "2025")


def test_four_digit_quantity_is_not_a_year() -> None:
    assert tag_times("The army sent 1500 troops and $2000 in aid.", DCT) == []


def test_decade() -> None:
    t = one("Rents soared in the 1990s.")
    assert (t.text, t.value, t.anchor_date, t.end_date) == ("the 1990s", "199", date(1990, 1, 1), date(1999, 12, 31))


def test_years_ago_is_a_date_of_year_granularity() -> None:
    assert one("The bridge collapsed three years ago.").value == "2021"


def test_season() -> None:
    assert one("The offensive stalled last winter.").value == "2023-WI"


def test_spoken_year() -> None:
    assert one("It began in nineteen ninety-six.").value == "1996"


def test_quarter_with_ordinal() -> None:
    t = one("Profit rose in the third quarter.")
    assert (t.text, t.value, t.anchor_date, t.end_date) == (
        "the third quarter",
        "2023-Q3",
        date(2023, 7, 1),
        date(2023, 9, 30),
    )


def test_year_ago_compares_with_the_quarter_the_report_is_about() -> None:
    found = values("Net income rose in the third quarter from a year earlier.")
    assert found == [("the third quarter", "2023-Q3", "DATE"), ("a year earlier", "2022-Q3", "DATE")]


def test_fiscal_year() -> None:
    assert one("The company earned $3 million in fiscal 2023.").value == "2023"


def test_half_year() -> None:
    assert one("Growth slowed in the first half of 2023.").value == "2023-H1"


# --- durations, sets, clock times, vague references ------------------------------------------------


def test_the_past_week_is_a_duration() -> None:
    t = one("Russia launched 500 missiles over the past week.")
    assert (t.text, t.value, t.type, t.anchor_date) == ("the past week", "P1W", "DURATION", None)


def test_duration_keeps_its_approximator() -> None:
    assert values("It fired 500 drones in just five days.") == [("just five days", "P5D", "DURATION")]


def test_duration_in_words_and_with_a_half() -> None:
    assert one("They talked for twenty four hours.").value == "PT24H"
    assert one("He waited for a year and a half.").value == "P1Y6M"


def test_adjectival_duration_leaves_the_article_out() -> None:
    assert values("Crews worked a 16-hour shift.") == [("16-hour", "PT16H", "DURATION")]


def test_ages_are_not_durations() -> None:
    assert tag_times("A 34-year-old man was hurt.", DCT) == []


def test_vague_duration() -> None:
    assert one("The siege lasted several months.").value == "PXM"


def test_recent_weeks_is_a_vague_duration_and_recent_years_a_past_ref() -> None:
    assert values("Prices fell in recent weeks, as in recent years.") == [
        ("recent weeks", "PXW", "DURATION"),
        ("recent years", "PAST_REF", "DATE"),
    ]


def test_every_week_is_a_set() -> None:
    t = one("Inspectors visit every week.")
    assert (t.value, t.type) == ("P1W", "SET")


def test_rate_after_an_amount_is_a_set() -> None:
    assert values("He earns $50,000 a year.") == [("a year", "P1Y", "SET")]


def test_clock_time_with_weekday() -> None:
    assert values("Polls will close at 8 p.m. Friday.") == [("8 p.m. Friday", "2024-01-05T20:00", "TIME")]


def test_clock_time_drops_the_sentence_final_dot() -> None:
    assert one("The vote ended at 10 p.m. Turnout was low.").text == "10 p.m"


def test_now_is_present_ref() -> None:
    assert one("The town is now quiet.").value == "PRESENT_REF"


def test_holiday() -> None:
    assert one("The shops closed on Christmas Day.").value == "2023-12-25"


# --- without a document date ----------------------------------------------------------------------


def test_no_document_date_keeps_what_the_text_says() -> None:
    assert [t.value for t in tag_times("On Friday he said Jan. 2 mattered, unlike last year.", None)] == [
        "XXXX-WXX-5",
        "XXXX-01-02",
    ]


def test_no_document_date_keeps_explicit_dates() -> None:
    assert one("The law passed on 4 July 1990.", None).value == "1990-07-04"


# --- helpers and robustness -----------------------------------------------------------------------


def test_number_words() -> None:
    assert words_to_number("twenty four") == 24
    assert words_to_number("a hundred") == 100
    assert words_to_number("2 1/2") == 2.5
    assert words_to_number("several") is None


def test_spoken_years() -> None:
    assert spoken_year("nineteen ninety-six") == 1996
    assert spoken_year("two thousand") == 2000


def test_value_span_of_a_week_and_a_bad_value() -> None:
    assert value_span("2024-W02") == (date(2024, 1, 8), date(2024, 1, 14))
    assert value_span("2024-13") == (None, None)
    assert value_span("PRESENT_REF") == (None, None)


def test_offsets_point_at_the_text() -> None:
    text = "Officials said on Tuesday that talks resume next week, two days after the strikes."
    for t in tag_times(text, DCT):
        assert text[t.start : t.end] == t.text


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("0123456789 -/.,:'aAmpMJFDSNOTWeekdayQuartnsofhlyi")), max_size=80),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
)
def test_any_text_and_any_date_never_raise(text: str, dct: date) -> None:
    for t in tag_times(text, dct):
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=1, max_value=99999),
    st.integers(min_value=0, max_value=40),
    st.sampled_from(["Jan.", "February", "Sept.", "December"]),
)
def test_written_dates_never_raise(year: int, day: int, month: str) -> None:
    tag_times(f"It was signed on {month} {day}, {year}, and {day} {month} {year}.", date(2024, 1, 3))


# --- tense cues, possessive weekdays, fiscal years, reference quarters ------------------------------


def test_a_name_in_ed_is_not_a_past_tense_cue() -> None:
    # "United" must not pull a weekday into the past when "would" points ahead
    t = one("The delegation would be flying to the United Kingdom Thursday.", date(2024, 1, 3))
    assert t.value == "2024-01-04"


def test_a_possessive_weekday_is_the_past_one() -> None:
    t = one("Lawyers will try to overturn Tuesday's decision.", date(2024, 1, 4))
    assert t.value == "2024-01-02"


def test_the_year_ended_on_a_day_is_a_duration() -> None:
    found = values("Sales rose in the year ended March 31.", date(2024, 5, 2))
    assert found[0] == ("the year", "P1Y", "DURATION")


def test_year_ago_counts_from_the_last_full_quarter_the_report_names() -> None:
    text = (
        "The maker expects a weak fourth quarter. Net income in the third quarter rose to $5 million "
        "from $4 million a year earlier."
    )
    found = values(text, date(2024, 10, 28))
    assert found[-1] == ("a year earlier", "2023-Q3", "DATE")


def test_year_ago_counts_from_the_first_quarter_named_otherwise() -> None:
    text = "In the second quarter profit fell. A year earlier it had risen; the fourth quarter looks better."
    found = dict((t, v) for t, v, _ in values(text, date(2024, 5, 20)))
    assert found["A year earlier"] == "2023-Q2"


def test_year_earlier_beside_a_nine_month_period_is_the_year() -> None:
    text = (
        "Profit rose in the third quarter. For the first nine months, net income was $9 million, "
        "compared with $7 million a year earlier."
    )
    found = values(text, date(2024, 10, 28))
    assert found[-1] == ("a year earlier", "2023", "DATE")


# --- evaluation gate --------------------------------------------------------------------------------


@pytest.mark.skipif(not (EVAL_DIR / "data" / "timex-dev.jsonl").exists(), reason="timex dev set not present")
def test_timex_dev_set_gate(tmp_path: Path) -> None:
    """Floors just below the figures measured on timex-dev (relaxed F1 0.943, value F1 0.8235).

    Takes about 3 s, so it is not marked slow. Do not lower the floors to make a change pass: fix the
    change, or say in the commit why the floor moves.
    """
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "eval_timex.py"),
            "--data",
            str(EVAL_DIR / "data"),
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    relaxed = float(lines["relaxed"].split("F1")[1].split()[0])
    value = float(lines["value"].split()[2])
    assert relaxed >= 0.94, result.stdout
    assert value >= 0.82, result.stdout
    assert json.loads((tmp_path / "facts.jsonl").read_text().splitlines()[0])["type"] == "time"


def test_a_deadline_without_tense_cues_looks_ahead() -> None:
    # DCT is a Wednesday: "until Tuesday" in a sentence with no tense cue is the coming Tuesday
    assert one("The relatives have until 9 a.m. Tuesday to sign the paper.").value == "2024-01-09T09:00"


def test_up_until_a_weekday_looks_back() -> None:
    assert one("Up until Tuesday, nobody answered.").value == "2024-01-02"
