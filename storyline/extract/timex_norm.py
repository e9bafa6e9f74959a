"""Calendar arithmetic for TIMEX3 values: resolving against the document date, tense, value spans.

Values follow TimeML/TIMEX3: ``2024-01-02``, ``2024-01``, ``2024-W02``, ``2024-Q1``, ``2024-SU``,
``2024-W02-WE``, ``202`` (a decade), ``20`` (a century), ``2024-01-02TMO``, ``2024-01-02T22:00``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Literal

Tense = Literal["past", "future", "none"]

# Future cues win over past cues: "said it would meet next week" looks forward from a past sentence.
_FUTURE_RE = re.compile(
    r"\b(?:will|won't|shall|'ll|going\s+to|plans?\s+to|planned\s+to|intends?\s+to|expects?\s+to"
    r"|expected\s+to|is\s+to|are\s+to|scheduled|set\s+to|would|wo|due\s+to\s+be|upcoming|planned|planning"
    r"|as\s+soon\s+as)\b",
    re.IGNORECASE,
)
_PAST_RE = re.compile(
    r"\b(?:was|were|had|did|ago|said|told|came|went|took|made|saw|gave|got|fell|rose|lost|won|left|met"
    r"|began|paid|sold|bought|spent|led|ran|became|announced|reported|since|(?:has|have)\s+been"
    # a lower-case word in -ed, but not a name ("United", "Ahmed") nor "-eed" ("exceed", "hundred" is "-red")
    r"|(?<!\bbe\s)(?<!been\s)(?-i:[a-z]\w{2,}(?<![^r]e)ed)(?<!hundred))\b",
    re.IGNORECASE,
)


def tense_cues(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, Tense]]:
    """Offsets of the tense cue words in ``text[start:end]`` (one sentence)."""
    end = len(text) if end is None else end
    cues: list[tuple[int, Tense]] = [(m.start(), "future") for m in _FUTURE_RE.finditer(text, start, end)]
    cues += [(m.start(), "past") for m in _PAST_RE.finditer(text, start, end)]
    return cues


_GOVERNING_RE = re.compile(
    # a modal with its verb ("will meet on June 8") or a past verb ("ended Jan. 31"), then a preposition
    # or a past passive of any verb, irregular ones too ("was shot June 8", "were found on May 2")
    rf"(?:{_PAST_RE.pattern}|\b(?:was|were)\s+(?-i:[a-z]+)|(?P<future>{_FUTURE_RE.pattern})(?:\s+[a-z]+)?)"
    r"\s+(?:(?:on|in|by|until|till|through|since|from)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)


_BE_BEFORE = re.compile(r"\b(?:be|being|is|are|am)\s+$", re.IGNORECASE)


def governing_tense(text: str, at: int) -> Tense:
    """The tense of a verb right before offset ``at`` ("ended Jan. 31", "will meet on June 8"), else "none".

    A date such a verb governs takes its tense even when it lies within ``AHEAD_IN_PAST_DAYS``.
    """
    match = _GOVERNING_RE.search(text, max(0, at - 40), at)
    if match is None or match.end() != at:
        return "none"
    if match["future"]:
        return "future"
    # a participle after "be" is no past: "will be paid Dec. 14", "is expected to be completed by June"
    return "none" if _BE_BEFORE.search(text, max(0, match.start() - 12), match.start()) else "past"


# A cue after the expression counts as this many times farther than one before it: the verb a time
# adverbial belongs to mostly comes first ("Qantas will double its flights by August in the search for
# markets untouched by the crisis"). Tuned on timex-dev half A value F1: 1 0.7961, 2 0.7973, 4 to 10
# 0.7984 (held-out half B 0.8431 at 1 to 4).
LATER_CUE_WEIGHT = 4


def nearest_tense(cues: list[tuple[int, Tense]], at: int) -> Tense:
    """The tense of the cue nearest to offset ``at``, a later cue counting ``LATER_CUE_WEIGHT`` times
    farther: in "announced Friday that holders would receive" the verb before "Friday" wins over the
    later "would"; "none" without cues."""
    if not cues:
        return "none"
    return min(cues, key=lambda cue: (_cue_distance(cue[0], at), cue[1] != "future"))[1]


def _cue_distance(cue: int, at: int) -> int:
    return at - cue if cue < at else (cue - at) * LATER_CUE_WEIGHT


def sentence_tense(sentence: str, at: int | None = None) -> Tense:
    """A rough tense of a sentence from cue words, at offset ``at`` or (None) over the whole of it."""
    cues = tense_cues(sentence)
    if at is not None or not cues:
        return nearest_tense(cues, at or 0)
    return "future" if any(kind == "future" for _, kind in cues) else "past"


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (Feb 30, year 20240)."""
    if not (1 <= year <= 9999 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    if day > calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def iso_week(day: date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y:04d}-W{w:02d}"


def day_value(day: date) -> str:
    return day.isoformat()


# A date this close to the document date is taken as is, whatever the tense: "payable Dec. 7" in a
# past-tense sentence of 30 Oct is still 7 Dec (timex-dev value F1, all documents, one window for both
# directions: 0 days 0.766, 60 days 0.785, 120 days 0.788, 183 days 0.784; a month without a day: 1
# month 0.795, 3 months 0.798). Separately for a date ahead in a past-tense sentence ("said the vote is
# set for June 8") and one behind in a future-tense one ("will fly a mission in December", written in
# March), on half A: ahead 0/30/60/90/120 days 0.771/0.775/0.781/0.782/0.782; behind 30 to 120 days all
# 0.787, behind 3 months 0.786, 1 or 2 months 0.787 (held-out half B 0.840 for each).
AHEAD_IN_PAST_DAYS = 120
AHEAD_IN_PAST_MONTHS = 3
BEHIND_IN_FUTURE_DAYS = 120
BEHIND_IN_FUTURE_MONTHS = 2


def pick_year(month: int, day: int | None, dct: date, tense: Tense, governed: bool = False) -> int:
    """The year of a month (and day) written without one, relative to the document date.

    Past tense takes the latest such date on or before the document date, future tense the earliest
    on or after it, and no tense the nearest one (ties go to the past, news reports mostly look back).
    """
    target_day = day or 15
    candidates: list[tuple[int, int]] = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        moment = safe_date(year, month, min(target_day, calendar.monthrange(year, month)[1]))
        if moment is None:
            continue
        if day is None:  # month granularity: the document's own month counts as now
            distance = (year * 12 + month) - (dct.year * 12 + dct.month)
            distance *= 30
        else:
            distance = (moment - dct).days
        candidates.append((distance, year))
    if not candidates:
        return dct.year
    nearest = min(candidates, key=lambda c: (abs(c[0]), c[0] > 0))
    if tense == "past" and (governed or nearest[0] > (AHEAD_IN_PAST_DAYS if day else AHEAD_IN_PAST_MONTHS * 30)):
        past = [c for c in candidates if c[0] <= 0]
        if past:
            return max(past)[1]
    elif tense == "future" and (
        governed or -nearest[0] > (BEHIND_IN_FUTURE_DAYS if day else BEHIND_IN_FUTURE_MONTHS * 30)
    ):
        future = [c for c in candidates if c[0] >= 0]
        if future:
            return min(future)[1]
    return nearest[1]


# A weekday in a sentence without tense cues ("Polls close Friday") is taken as the past one: news
# mostly reports what happened. Tuned on timex-dev value F1: back 0.800, ahead 0.798.
BARE_WEEKDAY_AHEAD = False


def resolve_weekday(weekday: int, dct: date, tense: Tense, relation: str = "") -> date:
    """The date of a weekday named near the document date ("Friday", "last Friday", "next Friday")."""
    delta = weekday - dct.weekday()
    if relation in ("last", "previous", "this past", "past"):
        back = delta if delta < 0 else delta - 7
        return dct + timedelta(days=back)
    if relation in ("next", "following", "coming", "this coming"):
        ahead = delta if delta > 0 else delta + 7
        return dct + timedelta(days=ahead)
    if delta == 0:
        return dct
    if tense == "future" or (tense == "none" and BARE_WEEKDAY_AHEAD):
        return dct + timedelta(days=delta if delta > 0 else delta + 7)
    return dct + timedelta(days=delta if delta < 0 else delta - 7)


_VALUE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d)|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|(?P<s>SP|SU|FA|WI)))?(?:-WE|T.*)?$"
)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def value_span(value: str) -> tuple[date | None, date | None]:
    """First and last day that a DATE/TIME value covers, when it names a calendar stretch."""
    if re.fullmatch(r"\d{3}", value):  # decade
        start = safe_date(int(value) * 10, 1, 1)
        last = safe_date(int(value) * 10 + 9, 12, 31)
        return start, last
    if re.fullmatch(r"\d{2}", value):  # century
        return safe_date(int(value) * 100, 1, 1), safe_date(int(value) * 100 + 99, 12, 31)
    match = _VALUE_RE.match(value)
    if not match:
        return None, None
    year = int(match["y"])
    if year < 1:
        return None, None
    if match["d"]:
        day = safe_date(year, int(match["m"]), int(match["d"]))
        return day, day
    if match["m"]:
        month = int(match["m"])
        if not 1 <= month <= 12:
            return None, None
        return safe_date(year, month, 1), safe_date(year, month, calendar.monthrange(year, month)[1])
    if match["w"]:
        try:
            monday = date.fromisocalendar(year, int(match["w"]), 1)
        except ValueError:
            return None, None
        if value.endswith("-WE"):
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if match["q"]:
        q = int(match["q"])
        first = safe_date(year, 3 * q - 2, 1)
        return first, safe_date(year, 3 * q, calendar.monthrange(year, 3 * q)[1])
    if match["h"]:
        h = int(match["h"])
        return safe_date(year, 6 * h - 5, 1), safe_date(year, 6 * h, 30 if h == 1 else 31)
    if match["s"]:
        first_m, last_m = _SEASON_MONTHS[match["s"]]
        last_y = year + 1 if match["s"] == "WI" else year
        return safe_date(year, first_m, 1), safe_date(
            last_y, last_m, calendar.monthrange(last_y, last_m)[1] if 1 <= last_y <= 9999 else 28
        )
    return safe_date(year, 1, 1), safe_date(year, 12, 31)


def shift_value(value: str, years: int = 0, months: int = 0, days: int = 0) -> str | None:
    """A DATE value moved by a calendar offset, keeping its granularity (1989-Q3 - 1 year = 1988-Q3)."""
    match = _VALUE_RE.match(value)
    if not match or re.fullmatch(r"\d{4}T.*", value):
        return None
    year = int(match["y"]) + years
    if not 1 <= year <= 9999:
        return None
    rest = value[4:]
    if match["d"]:
        start = safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
        if start is None:
            return None
        y, m = shift_months(start.year + years, start.month, months)
        if not 1 <= y <= 9999:
            return None
        moved = date(y, m, min(start.day, calendar.monthrange(y, m)[1])) + timedelta(days=days)
        return moved.isoformat()
    if match["m"] and (months or days):
        y, m = shift_months(year, int(match["m"]), months)
        return f"{y:04d}-{m:02d}"
    if match["q"] and months:
        index = year * 4 + int(match["q"]) - 1 + months // 3
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    return f"{year:04d}{rest}"


def easter(year: int) -> date | None:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    if not 1583 <= year <= 9999:
        return None
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    day = (h + el - 7 * m + 114) % 31 + 1
    return date(year, month, day)
