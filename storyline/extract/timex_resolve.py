"""Turning a matched rule into a TIMEX3 type and value, against the document date and tense.

Ambiguous cases and the choice made (TimeBank practice unless said otherwise):
- A month or day without a year takes the year that puts it nearest the document date; a past-tense
  sentence takes the latest one on or before it, a future-tense one the earliest on or after it, unless
  the nearest one lies within a few months (``timex_norm.AHEAD_IN_PAST_DAYS``: "payable Dec. 7" in a
  past-tense sentence of 30 Oct).
  A verb right before the date decides alone: "ended Jan. 31" and "since the Oct. 23 fire" are past,
  "will meet on June 8" future, "will be paid Dec. 14" neither.
- A bare weekday is the one in the seven days up to the document date, unless the sentence looks
  forward ("will", "would", "scheduled"), then the one in the seven days after it.
- "a year ago/earlier" and "the year-ago quarter" move the report's quarter back one year (financial
  reports compare quarters: "1989-Q3" becomes "1988-Q3"); without one, the year. The report's quarter
  is the last full quarter before the document date when the text names it, else the first quarter it
  names (timex-dev value F1 on the half of the documents used for tuning: last named 0.801, first
  named 0.805, this rule 0.807).
- "the quarter"/"the latest quarter" is the report's quarter, else the quarter before the document
  date's; "the current quarter" is the document date's own.
- "last/this/next week" are ISO weeks (2024-W02); "the past week"/"the next two weeks" are durations;
  "the past/next year" is the year before/after the document's, as "last/next year" is.
- Without a document date, relative expressions keep their resolvable parts ("Jan. 2" gives
  XXXX-01-02, "Friday" XXXX-WXX-5) and purely relative ones ("last year") are left unresolved
  (value "" and the tagger drops them, except PRESENT_REF/PAST_REF/FUTURE_REF and durations).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from storyline.extract.timex_lex import (
    ORDINALS,
    PARTS_OF_DAY,
    spoken_year,
    words_to_number,
)
from storyline.extract.timex_norm import (
    Tense,
    governing_tense,
    iso_week,
    pick_year,
    safe_date,
    shift_months,
)

Resolved = tuple[str, str]  # (type, value)


@dataclass(slots=True)
class Context:
    """What a rule may look at besides its match: the document date, the sentence, earlier values."""

    text: str
    dct: date | None
    tense: Tense = "none"
    last_quarter: str | None = None  # last "YYYY-Qn" the document named
    last_date: str | None = None  # last DATE value with a year
    sentence: str = ""  # the sentence the match is in
    at: int = 0  # where the match starts

    def governing_tense(self) -> Tense:
        """The tense of a verb right before the match ("ended Jan. 31"), else "none"."""
        return governing_tense(self.text, self.at)

    def preceding_word(self, start: int) -> str:
        match = re.search(r"([A-Za-z$%\d]+)\W*$", self.text[max(0, start - 30) : start])
        return match.group(1).lower() if match else ""


_DUR_UNIT = {
    "S": "S",
    "MIN": "M",
    "H": "H",
    "D": "D",
    "W": "W",
    "FN": "W",
    "M": "M",
    "Q": "Q",
    "Y": "Y",
    "DE": "Y",
    "CE": "Y",
}
_UNIT_FACTOR = {"FN": 2, "DE": 10, "CE": 100}
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60), "MIN": ("S", 60)}
_VAGUE_UNIT = {
    "S": "S",
    "MIN": "M",
    "H": "H",
    "D": "D",
    "W": "W",
    "FN": "W",
    "M": "M",
    "Q": "Q",
    "Y": "Y",
    "DE": "DE",
    "CE": "CE",
}
_TIME_UNITS = {"S", "MIN", "H"}
_MONTH_AFTER = r"(?:\s+(?:of\s+)?(?:\d{4}|this|last|next))"


def unit_code(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "CE"
    for prefix, code in (
        ("sec", "S"),
        ("min", "MIN"),
        ("hour", "H"),
        ("day", "D"),
        ("night", "D"),
        ("weekend", "WE"),
        ("week", "W"),
        ("fortnight", "FN"),
        ("month", "M"),
        ("quarter", "Q"),
        ("year", "Y"),
        ("decade", "DE"),
    ):
        if w.startswith(prefix):
            return code
    return "X"


def duration_value(amount: float | None, unit: str) -> str:
    """P5D, PT2H, P2Y6M, PXY ..."""
    t = "T" if unit in _TIME_UNITS else ""
    if amount is None:
        return f"P{t}X{_VAGUE_UNIT.get(unit, unit)}"
    amount *= _UNIT_FACTOR.get(unit, 1)
    whole = int(amount)
    frac = amount - whole
    letter = _DUR_UNIT.get(unit, unit)
    if frac and unit in _SMALLER:
        small, factor = _SMALLER[unit]
        rest = round(frac * factor)
        small_t = "T" if small in ("H", "S") or (unit in _TIME_UNITS) else ""
        if whole == 0:
            return f"P{small_t}{rest}{small}"
        if small_t and not t:
            return f"P{whole}{letter}T{rest}{small}"
        return f"P{t}{whole}{letter}{rest}{small}"
    return f"P{t}{whole}{letter}"


def granular_value(day: date, unit: str) -> str:
    """The calendar stretch of one unit that holds ``day``."""
    if unit == "D":
        return day.isoformat()
    if unit in ("W", "FN"):
        return iso_week(day)
    if unit == "WE":
        return iso_week(day) + "-WE"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def move(day: date, unit: str, amount: int) -> date | None:
    """``day`` moved by whole units; None when it leaves the calendar."""
    try:
        if unit == "D":
            return day + timedelta(days=amount)
        if unit in ("W", "WE"):
            return day + timedelta(weeks=amount)
        if unit == "FN":
            return day + timedelta(weeks=2 * amount)
        months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
        if months is None:
            return None
        y, m = shift_months(day.year, day.month, months * amount)
        return safe_date(y, m, min(day.day, 28))
    except OverflowError:
        return None


def resolve_month_day(month: int, day: int | None, year: int | None, ctx: Context) -> str | None:
    if not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    if year is None:
        if ctx.dct is None:
            return f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
        governed = ctx.governing_tense()
        year = pick_year(month, day, ctx.dct, governed if governed != "none" else ctx.tense, governed != "none")
    if day is None:
        return f"{year:04d}-{month:02d}"
    if safe_date(year, month, day) is None:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def two_digit_year(yy: int, dct: date | None) -> int:
    """'98 -> 1998, '05 -> 2005: the century that puts the year at most 20 years after the document."""
    base = (dct.year if dct else 2000) + 20
    year = (base // 100) * 100 + yy
    return year - 100 if year > base else year


def relative_year(word: str, dct: date | None) -> int | None:
    if dct is None:
        return None
    return dct.year + {"last": -1, "this": 0, "next": 1}.get(word.lower(), 0)


def part_suffix(part: str | None) -> str:
    return f"T{PARTS_OF_DAY[part.lower()]}" if part and part.lower() in PARTS_OF_DAY else ""


def ordinal_number(word: str) -> int | None:
    return ORDINALS.get(word.lower().rstrip("-")) or (int(word[:-2]) if word[:-2].isdigit() else None)


def relation_of(rel: str | None) -> str:
    return re.sub(r"\s+", " ", (rel or "").lower()).removeprefix("the ").strip()


def year_from_group(text: str, dct: date | None) -> int | None:
    text = text.strip()
    if text.startswith("'"):
        return two_digit_year(int(text[1:]), dct)
    if text.isdigit():
        return int(text)
    return spoken_year(text)


def numeric_amount(num: str | None) -> float | None:
    return words_to_number(num) if num else 1.0
