"""One function per rule of ``timex_rules``: a match and its context in, (type, value) or None out.

The ambiguous choices are listed in ``timex_resolve``'s docstring.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from storyline.extract.timex_lex import MONTH_RE, SEASONS, WEEKDAY_RE, month_number, spoken_year, weekday_number
from storyline.extract.timex_norm import (
    easter,
    iso_week,
    pick_year,
    resolve_weekday,
    safe_date,
    shift_value,
    value_span,
)
from storyline.extract.timex_resolve import (
    Context,
    Resolved,
    duration_value,
    granular_value,
    move,
    numeric_amount,
    ordinal_number,
    part_suffix,
    relation_of,
    relative_year,
    resolve_month_day,
    two_digit_year,
    unit_code,
    year_from_group,
)

Handler = Callable[[re.Match[str], Context], Resolved | None]

# words before a bare "May"/"March" that make it the month, not the verb
_MONTH_CUES = {
    "in",
    "since",
    "until",
    "till",
    "by",
    "of",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "during",
    "through",
    "before",
    "after",
    "from",
    "to",
    "between",
    "and",
    "or",
    "each",
    "every",
    "on",
    "end",
    "beginning",
    "middle",
    "into",
    "throughout",
}
# words before a bare season that make it the season, not the verb or "the fall of ..."
_SEASON_CUES = {
    "in",
    "since",
    "until",
    "till",
    "by",
    "during",
    "through",
    "before",
    "after",
    "this",
    "last",
    "next",
    "over",
    "throughout",
    "early",
    "late",
    "mid",
}
# nouns after a four-digit number that make it a quantity, not a year
_QUANTITY_NOUNS = re.compile(
    r"\s*(?:-\s*)?(?:shares|people|tons|troops|soldiers|feet|miles|meters|metres|kilometers|acres|cars|units"
    r"|points|workers|employees|jobs|students|members|yen|marks|francs|dollars|pounds|barrels|ounces|homes"
    r"|households|cases|deaths|votes|copies|pages|calories|rooms|beds|pieces|times|words|km|kg|mph|hp"
    r"|[a-z]+-[a-z]+s\b)\b",
    re.IGNORECASE,
)


def _day_of(match: re.Match[str], ctx: Context) -> Resolved | None:
    month = month_number(match["mon"])
    year = int(match["y"]) if match["y"] else None
    if month is None:
        return None
    value = resolve_month_day(month, int(match["d"]), year, ctx)
    return ("DATE", value) if value else None


def _date_numeric(match: re.Match[str], ctx: Context) -> Resolved | None:
    year = int(match["y"])
    if year < 100:
        year = two_digit_year(year, ctx.dct)
    day = safe_date(year, int(match["m"]), int(match["d"]))
    return ("DATE", day.isoformat()) if day else None


def _month_year(match: re.Match[str], ctx: Context) -> Resolved | None:
    month = month_number(match["mon"])
    year = year_from_group(match["y"], ctx.dct)
    if month is None or year is None:
        return None
    return "DATE", f"{year:04d}-{month:02d}"


def _month_rel(match: re.Match[str], ctx: Context) -> Resolved | None:
    month = month_number(match["mon"])
    if month is None:
        return None
    rel = relation_of(match["rel"])
    bare = not rel and not match["pre"] and not match["rely"]
    if bare and match["mon"].lower() in ("may", "march") and ctx.preceding_word(match.start()) not in _MONTH_CUES:
        return None
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}"
    if match["rely"]:
        year = relative_year(match["rely"], ctx.dct) or ctx.dct.year
    elif rel in ("last", "past", "this past", "previous"):
        year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
    elif rel in ("next", "coming", "this coming", "following"):
        year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
    elif rel == "this":
        year = ctx.dct.year
    else:
        governed = ctx.governing_tense()
        year = pick_year(month, None, ctx.dct, governed if governed != "none" else ctx.tense, governed != "none")
    return "DATE", f"{year:04d}-{month:02d}"


def _year(match: re.Match[str], ctx: Context) -> Resolved | None:
    if not match["fy"] and not match["pre"]:
        if _QUANTITY_NOUNS.match(match.string, match.end()):
            return None
        before = match.string[max(0, match.start() - 12) : match.start()].lower()
        if re.search(r"(?:no\.|number|route|flight|room|page|\$|#)\s*$", before):
            return None
    return "DATE", match["y"]


def _year_spoken(match: re.Match[str], ctx: Context) -> Resolved | None:
    year = spoken_year(match["sy"])
    if year is None or not 1000 <= year <= 2100:
        return None
    return "DATE", f"{year:04d}"


_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def _decade(match: re.Match[str], ctx: Context) -> Resolved | None:
    if match["c"]:
        return "DATE", f"{match['c']}{match['dd']}"
    digit = int(match["d2"]) if match["d2"] else _DECADE_WORDS[match["dw"].lower()]
    century = (
        19
        if ctx.dct is None
        else (ctx.dct.year // 100 if digit * 10 <= ctx.dct.year % 100 else ctx.dct.year // 100 - 1)
    )
    return "DATE", f"{century:02d}{digit}"


_CENTURY_WORDS = {
    "twentieth": 20,
    "twenty-first": 21,
    "nineteenth": 19,
    "eighteenth": 18,
    "seventeenth": 17,
    "sixteenth": 16,
    "fifteenth": 15,
    "fourteenth": 14,
    "thirteenth": 13,
}


def _century(match: re.Match[str], ctx: Context) -> Resolved | None:
    word = match["n"].lower()
    n = _CENTURY_WORDS.get(word) or ordinal_number(word)
    if not n:
        return None
    return "DATE", f"{n - 1:02d}"


def previous_quarter(dct: date) -> str:
    q = (dct.month - 1) // 3  # 0-based current quarter
    return f"{dct.year - 1:04d}-Q4" if q == 0 else f"{dct.year:04d}-Q{q}"


def _quarter(match: re.Match[str], ctx: Context) -> Resolved | None:
    ord_word = match["ord"].lower()
    half = match["unit"].lower() == "half"
    n = ordinal_number(ord_word)
    if half and n not in (1, 2) and ord_word not in ("last", "final"):
        return None
    year: int | None = None
    for group in ("y1", "y2", "y3"):
        if match[group]:
            digits = re.search(r"\d{4}", match[group])
            year = int(digits.group(0)) if digits else relative_year(match[group].split()[0], ctx.dct)
    own = (match["own"] or "").lower()
    if year is None and own.endswith("year's"):
        year = relative_year(own.split()[0], ctx.dct)
    if half:
        if year is None and ctx.dct is None:
            return "DATE", "XXXX-H" + ("1" if n == 1 else "2")
        year = year if year is not None else ctx.dct.year if ctx.dct else 0
        return "DATE", f"{year:04d}-H{1 if n == 1 else 2}"
    if n is None and ord_word in ("final", "last") and not own.startswith("the") and year is None:
        n = None  # "last quarter": the one before the document's
    elif n is None and ord_word == "final":
        n = 4
    if n is not None:
        ended = _ENDED.match(match.string, match.end())
        if year is None and ended and ctx.dct is not None and month_number(ended["mon"]):
            # "the second quarter ended Oct. 31": the year of the day it ended, read in the past
            past = "ended" in ended.group(0).lower()
            month = month_number(ended["mon"]) or 1
            day = int(ended["d"]) if ended["d"] else None
            year = pick_year(month, day, ctx.dct, "past" if past else ctx.tense, governed=past)
        if year is None:
            if ctx.dct is None:
                return "DATE", f"XXXX-Q{n}"
            current = (ctx.dct.month - 1) // 3 + 1
            year = ctx.dct.year - 1 if (ctx.tense == "past" and n > current) else ctx.dct.year
        if match["shift"]:
            year -= 1
        return "DATE", f"{year:04d}-Q{n}"
    if ctx.dct is None:
        return None
    if ord_word in ("year-earlier", "year-ago", "same"):
        base = ctx.last_quarter or previous_quarter(ctx.dct)
        return "DATE", shift_value(base, years=-1) or base
    if ord_word == "current":
        return "DATE", granular_value(ctx.dct, "Q")  # the quarter under way, not the last one reported
    if ord_word in ("latest", "recent"):
        return "DATE", ctx.last_quarter or previous_quarter(ctx.dct)
    if ord_word in ("next", "coming"):
        return "DATE", shift_value(granular_value(ctx.dct, "Q"), months=3) or ""
    return "DATE", previous_quarter(ctx.dct)


_ENDED = re.compile(rf"\s+(?:ended|ending|that\s+ended|which\s+ended)\s+(?P<mon>{MONTH_RE})\s*(?P<d>\d{{1,2}})?")


def sets_reference_quarter(match: re.Match[str]) -> bool:
    """Whether a quarter match names the quarter a report is about ("the third quarter").

    Quarters moved back a year, or with a year of their own ("the third quarter of 1990"), do not:
    "a year earlier" after them still means a year before the report's quarter.
    """
    if match["shift"] or match["y1"] or match["y2"] or match["y3"] or match["unit"].lower() == "half":
        return False
    own = (match["own"] or "").lower()
    return not own.endswith("year's") and ordinal_number(match["ord"].lower()) is not None


def _quarter_ref(match: re.Match[str], ctx: Context) -> Resolved | None:
    ago = (match["ago"] or "").lower()
    unit = match["unit"].lower()
    if not match["det"] and not ago:
        return None
    if unit == "period" and not ago:
        return None
    if ctx.dct is None:
        return None
    ended = _ENDED.match(match.string, match.end())
    if ended and unit == "quarter":
        month = month_number(ended["mon"]) or 0
        value = resolve_month_day(month, int(ended["d"]) if ended["d"] else None, None, ctx)
        if value:
            return "DATE", f"{value[:4]}-Q{(month - 1) // 3 + 1}"
    base = ctx.last_quarter or previous_quarter(ctx.dct)
    if ago in ("year-ago", "year-earlier", "prior-year", "corresponding", "comparable") or match["back"]:
        return "DATE", shift_value(base, years=-1) or base
    if ago == "same" and not match["back"]:
        return None
    return "DATE", base


def _year_ago_adj(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "year-earlier profit", "the year-ago quarter": the quarter the report is about, a year back."""
    if ctx.dct is None:
        return None
    if match["ord"]:
        n = ordinal_number(match["ord"]) or 1
        return "DATE", f"{ctx.dct.year - 1:04d}-Q{n}"
    if ctx.last_quarter and not (match["unit"] is None and _longer_period_named(ctx)):
        return "DATE", shift_value(ctx.last_quarter, years=-1) or ""
    return "DATE", f"{ctx.dct.year - 1:04d}"


def _year_period(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the 1988 quarter": the quarter the report is about, in that year."""
    if ctx.last_quarter:
        return "DATE", match["y"] + ctx.last_quarter[4:]
    return ("DATE", match["y"]) if match["unit"].lower() == "period" else None


def _relday(match: re.Match[str], ctx: Context) -> Resolved | None:
    word = re.sub(r"\s+", " ", match["w"].lower())
    part = match["part"]
    if word in ("this", "last") and not part:
        return None
    offset = {
        "today": 0,
        "tonight": 0,
        "this": 0,
        "yesterday": -1,
        "last": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[word]
    if word == "last" and part and part.lower() != "night":
        return None
    if word == "tonight":
        part = "night"
    if ctx.dct is None:
        return ("DATE", "PRESENT_REF") if offset == 0 and not part else None
    day = ctx.dct + timedelta(days=offset)
    if part:
        return "TIME", day.isoformat() + part_suffix(part)
    return "DATE", day.isoformat()


def _weekday(match: re.Match[str], ctx: Context) -> Resolved | None:
    wd = weekday_number(match["wd"])
    if wd is None:
        return None
    if match["pl"]:
        return "SET", f"XXXX-WXX-{wd + 1}" + part_suffix(match["part"])
    if ctx.dct is None:
        return ("TIME" if match["part"] else "DATE"), f"XXXX-WXX-{wd + 1}" + part_suffix(match["part"])
    tense = ctx.tense
    if match.string.startswith(("'s", "’s"), match.end()):
        tense = "past"  # "Friday's ruling": on timex-dev all 21 possessive weekdays are past or today
    rel = relation_of(match["rel"])
    anchor = ctx.dct
    if rel in ("previous", "following") and match["rel"].lower().startswith("the") and ctx.last_date:
        # "down 4.5% from the previous Friday": the Friday before the day the text last named
        named = value_span(ctx.last_date)[0] if len(ctx.last_date) == 10 else None
        anchor = named or anchor
    day = resolve_weekday(wd, anchor, tense, rel)
    if match["part"]:
        return "TIME", day.isoformat() + part_suffix(match["part"])
    return "DATE", day.isoformat()


# the day of a clock time written past an aside: "10:35 a.m. (0735 GMT) Friday", "4 in the morning
# (4 a.m. EDT Thursday)"
_DAY_BEYOND_ASIDE = re.compile(
    rf"\s*\((?:[^()]{{0,25}}?\b(?P<in>{WEEKDAY_RE}|(?i:today|yesterday|tomorrow)))?[^()]{{0,25}}\)"
    rf"(?:,?\s+(?:(?i:on)\s+)?(?P<after>{WEEKDAY_RE}|(?i:today|yesterday|tomorrow))(?![\w]))?"
)


def _clock(match: re.Match[str], ctx: Context) -> Resolved | None:
    if match["noon"]:
        word = match["noon"].lower()
        hh, mm = (24, 0) if word == "midnight" else (12, 0)
    else:
        hour = match["h"] or match["h2"] or match["h3"] or match["h4"]
        hh, mm = int(hour), int(match["mi"] or match["mi2"] or 0)
        ap = (match["ap"] or "").lower()
        if ap.startswith("p") and hh < 12:
            hh += 12
        elif ap.startswith("a") and hh == 12:
            hh = 0
        if match["part4"] and match["part4"].lower() != "morning" and hh < 12:
            hh += 12
        if match["h2"] and not match["day"] and not match["tz"]:
            return None  # a bare "3:15" is more often a score or a ratio than a time
        if hh > 24 or (match["h"] is None and match["h4"] is None and hh == 0 and mm == 0 and not match["h2"]):
            return None
    clock = f"T{hh:02d}:{mm:02d}" if not (hh == 24 and mm == 0) else "T24:00"
    day: date | None = ctx.dct
    aside = None if match["day"] else _DAY_BEYOND_ASIDE.match(match.string, match.end())
    day_word = (match["day"] or (aside and (aside["in"] or aside["after"])) or "").lower()
    if day_word:
        if match["day"] and match["cmon"]:
            value = resolve_month_day(month_number(match["cmon"]) or 0, int(match["cd"]), None, ctx)
            return ("TIME", value + clock) if value else None
        if day_word in ("today", "yesterday", "tomorrow"):
            day = ctx.dct + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[day_word]) if ctx.dct else None
        else:
            wd = weekday_number(day_word)
            if wd is None:
                return None
            if ctx.dct is None:
                return "TIME", f"XXXX-WXX-{wd + 1}{clock}"
            day = resolve_weekday(wd, ctx.dct, ctx.tense)
    if day is None:
        return "TIME", f"XXXX-XX-XX{clock}"
    return "TIME", day.isoformat() + clock


def _part_of_day(match: re.Match[str], ctx: Context) -> Resolved | None:
    if match["the"].lower() != "this" or ctx.dct is None:
        return None
    return "TIME", ctx.dct.isoformat() + part_suffix(match["part"])


_ENDING = re.compile(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends)\b")
_DURATION_RELS = {"past", "last", "next", "coming", "previous", "following", "latest", "recent"}


def _relunit(match: re.Match[str], ctx: Context) -> Resolved | None:
    rel = relation_of(match["rel"])
    unit = unit_code(match["u"])
    raw_rel = re.sub(r"\s+", " ", match["rel"].lower())
    if unit == "D":
        return _relday_unit(raw_rel, ctx)
    # "over the past year" is the year before the document's, as "last year" is (timex-dev: 3 of 3
    # "the past/next year" are so); "the past week" stays the seven days up to the document date
    # (the one "the last week" there is the document's own week, not the one before)
    past_year = unit == "Y" and rel in ("past", "last", "next", "coming") and ctx.dct is not None
    if raw_rel.startswith("the ") and rel in _DURATION_RELS - {"previous", "following"} and not past_year:
        return "DURATION", duration_value(1.0, "D" if unit == "WE" else unit) if unit != "WE" else "P2D"
    ending = _ENDING.match(match.string, match.end())
    # a report's "sales for the full year" and "for the year, volume was flat" are the document's year (a
    # calendar stretch, timex-dev: 5 of 5); "the year ended Sept. 30" and "throughout the year" are spans
    calendar = unit in ("Y", "M", "W") and not ending and ctx.dct is not None
    if rel in ("entire", "whole") or (rel == "full" and not calendar):
        return "DURATION", duration_value(1.0, unit) if unit != "WE" else "P2D"
    if raw_rel == "the" and unit in ("Y", "M", "W") and ending:
        return "DURATION", duration_value(1.0, unit)  # "the year ended Sept. 30": 7 of 8 on timex-dev
    if ctx.dct is None:
        return None
    if raw_rel in ("the", "that"):
        before = ctx.preceding_word(match.start())
        if unit != "WE" and (before in ("over", "throughout", "a") or (before == "for" and not calendar)):
            return "DURATION", duration_value(1.0, unit)
        if raw_rel == "that" and ctx.last_date and unit == "Y":
            return "DATE", ctx.last_date[:4]
        if unit in ("DE", "CE"):
            return None
    if rel in ("this", "current", "the", "that", "same", "full") or raw_rel == "the current":
        step = 0
    elif rel in ("last", "previous", "this past", "past"):
        step = -1
    else:
        step = 1
    if rel in ("following", "previous") and raw_rel.startswith("the"):
        if ctx.last_date and unit == "Y":
            return "DATE", shift_value(ctx.last_date[:4], years=step) or ""
        if ctx.last_date and unit == "M" and len(ctx.last_date) >= 7:
            return "DATE", shift_value(ctx.last_date[:7], months=step) or ""
        return "DURATION", duration_value(1.0, unit) if unit != "WE" else "P2D"
    if unit == "WE":
        if step == 0 and ctx.tense == "past" and ctx.dct.weekday() < 5:
            step = -1
        moved = move(ctx.dct, "W", step)
        return ("DATE", iso_week(moved) + "-WE") if moved else None
    moved = move(ctx.dct, unit, step)
    return ("DATE", granular_value(moved, unit)) if moved else None


def _relday_unit(raw_rel: str, ctx: Context) -> Resolved | None:
    """ "the past day" is a duration; "the next day" the day after the last date the text named."""
    if raw_rel in ("the past", "the last", "past"):
        return "DURATION", "P1D"
    step = {"the next": 1, "the following": 1, "the previous": -1}.get(raw_rel)
    if step is None or ctx.last_date is None or len(ctx.last_date) != 10:
        return None
    return "DATE", shift_value(ctx.last_date, days=step) or ""


def _week_of(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the week of March 6": the ISO week that holds the day."""
    day = _day_of(match, ctx)
    if day is None or day[1].startswith("X"):
        return day
    start, _ = value_span(day[1])
    return ("DATE", iso_week(start)) if start else None


def _yearend(match: re.Match[str], ctx: Context) -> Resolved | None:
    return ("DATE", f"{ctx.dct.year:04d}") if ctx.dct else None


_MODALS = {"will", "would", "could", "might", "may", "can", "shall", "should", "must"}


def _duration(match: re.Match[str], ctx: Context) -> Resolved | None:
    unit = unit_code(match["u"])
    after = (match["after"] or "").strip().lower()
    det = (match["det"] or "").lower()
    rel = (match["rel"] or "").lower()
    num = match["num"]
    plural = (match["u"].lower().endswith("s") and unit not in ("S",)) or match["u"].lower().endswith("ies")
    if after in ("-old", "old"):
        return None
    if num is None and not det and not rel:
        before = ctx.preceding_word(match.start())
        if not plural or before not in (
            "for",
            "in",
            "within",
            "over",
            "after",
            "lasted",
            "took",
            "spent",
            "recent",
            "past",
            "coming",
            "of",
        ):
            return None
    elif num is None and det in ("a", "an"):
        if unit in ("S", "Q") or match["u"].lower().startswith("night"):
            return None  # "a second time", "a quarter of", "a night out"
    elif num is None and rel == "recent" and plural and unit in ("W", "M", "Q"):
        pass  # "recent weeks": a vague duration ("recent years" and "recent days" are PAST_REF)
    elif num is None:
        return None  # "last week", "the past year": left to the relunit rule
    if num is not None and match["hy"] == "-" and plural:
        return None
    if (
        num is not None
        and num.strip().lower() in ("a", "an")
        and (unit in ("S", "Q") or match["u"].lower().startswith("night"))
    ):
        return None
    amount = numeric_amount(match["low"] or num)  # "two to three weeks": the lower bound, as TimeBank does
    if num is not None and num.strip().lower() in ("a", "an") and match["hy"] == "-":
        return None
    if num is None and det in ("a", "an"):
        amount = 1.0
    if num is None and plural:
        amount = None
    if match["half"] and amount is not None:
        amount += 0.5
    if after in ("ago", "earlier", "prior", "from now", "hence", "back"):
        return _shifted(amount, unit, after, ctx)
    if unit == "D" and (num or "").lower() == "one" and not after and ctx.preceding_word(match.start()) in _MODALS:
        return "DATE", "FUTURE_REF"  # "Islam will one day be ...": some day, not a day long
    if det in ("a", "an") or (num and num.strip().lower() in ("a", "an")):
        before = ctx.text[max(0, match.start() - 25) : match.start()]
        if re.search(r"(?:\d|percent|%|\$|dollars?|cents?|times|twice|once)\S*\s+$", before, re.IGNORECASE):
            return "SET", duration_value(1.0, unit)
    return "DURATION", duration_value(amount, unit)


_LONGER_PERIOD = re.compile(
    r"\b(?:nine|six|\d+|first|latest|past)[\s-]+months\b|\bfirst\s+half\b|\bfor\s+the\s+year\b", re.IGNORECASE
)


def _longer_period_named(ctx: Context) -> bool:
    """Whether the sentence compares a period longer than a quarter ("the first nine months ... a year
    earlier"): then "a year earlier" is that year, not the report's quarter a year back."""
    return bool(_LONGER_PERIOD.search(ctx.sentence))


def _shifted(amount: float | None, unit: str, direction: str, ctx: Context) -> Resolved | None:
    """ "three years ago", "a year earlier": the document date (or, for quarters, the quarter) moved back."""
    if ctx.dct is None:
        return None
    if amount is None:
        return "DATE", "PAST_REF" if direction in ("ago", "earlier", "prior", "back") else "FUTURE_REF"
    sign = 1 if direction in ("later", "from now", "hence") else -1
    steps = int(amount) * sign
    if direction in ("earlier", "prior") and unit in ("D", "W") and ctx.last_date and len(ctx.last_date) == 10:
        # "Kuleba said on Jan. 3 ... A day prior, he urged": counted from the day the text last named
        return "DATE", shift_value(ctx.last_date, days=steps * (7 if unit == "W" else 1)) or ""
    if (
        unit == "Y"
        and ctx.last_quarter
        and direction in ("ago", "earlier")
        and abs(steps) == 1
        and not _longer_period_named(ctx)
    ):
        return "DATE", shift_value(ctx.last_quarter, years=steps) or ""
    if unit in ("S", "MIN", "H"):
        return None
    moved = move(ctx.dct, unit, steps)
    return ("DATE", granular_value(moved, unit)) if moved else None


_REFS = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "the present time": "PRESENT_REF",
    "the moment": "PRESENT_REF",
    "current": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "previously": "PAST_REF",
    "formerly": "PAST_REF",
    "recent": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the distant future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "soon": "FUTURE_REF",
    "shortly": "FUTURE_REF",
    "future": "FUTURE_REF",
    "a later date": "FUTURE_REF",
}


def _refword(match: re.Match[str], ctx: Context) -> Resolved | None:
    word = re.sub(r"\s+", " ", match["w"].lower())
    if word in _REFS:
        return "DATE", _REFS[word]
    if word.startswith("recent"):
        return "DATE", "PAST_REF"
    return "DATE", "FUTURE_REF"  # "coming months"


_SET_ADVERBS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
    "biweekly": "P2W",
    "semiannually": "P6M",
}


def _set(match: re.Match[str], ctx: Context) -> Resolved | None:
    if match["adv"]:
        return "SET", _SET_ADVERBS[match["adv"].lower()]
    if match["swd"]:
        wd = weekday_number(match["swd"])
        return ("SET", f"XXXX-WXX-{wd + 1}") if wd is not None else None
    if match["smon"]:
        month = month_number(match["smon"])
        return ("SET", f"XXXX-{month:02d}") if month else None
    word = match["u"].lower()
    if word in ("morning", "evening"):
        return "SET", "XXXX-XX-XX" + part_suffix(word)
    unit = unit_code(word)
    return "SET", duration_value(1.0, unit) if unit != "WE" else "XXXX-WXX-WE"


def _season(match: re.Match[str], ctx: Context) -> Resolved | None:
    code = SEASONS[match["s"].lower()]
    rel = relation_of(match["rel"])
    if match["y"]:
        year = year_from_group(match["y"], ctx.dct)
        return ("DATE", f"{year:04d}-{code}") if year else None
    if (
        (not rel or rel in ("early", "late"))
        and not match["pre"]
        and ctx.preceding_word(match.start()) not in _SEASON_CUES
    ):
        return None
    if rel == "" and match["s"].lower() == "fall":
        return None
    if rel == "that" or ctx.dct is None:
        return None
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    year = ctx.dct.year
    if rel == "this past":
        year = year if start_month < ctx.dct.month else year - 1  # the latest one begun before the document
    elif rel in ("last", "past"):
        year -= 1  # TimeBank: "last spring" in October is the spring of the year before
    elif rel in ("next", "coming", "this coming"):
        year = year if start_month > ctx.dct.month else year + 1
    elif ctx.tense == "past" and start_month > ctx.dct.month and rel != "this":
        year -= 1
    return "DATE", f"{year:04d}-{code}"


def _fixed_holiday(name: str, year: int) -> date | None:
    key = name.lower().split()[0]
    if key == "christmas":
        return safe_date(year, 12, 24 if name.lower().endswith("eve") else 25)
    if key == "new":
        return safe_date(year, 12, 31) if name.lower().endswith("eve") else safe_date(year, 1, 1)
    if key == "independence":
        return safe_date(year, 7, 4)
    if key == "halloween":
        return safe_date(year, 10, 31)
    if key.startswith("valentine"):
        return safe_date(year, 2, 14)
    if key == "easter":
        return easter(year)
    first = {"thanksgiving": (11, 3, 22), "labor": (9, 0, 1), "memorial": (5, 0, 25)}.get(key)
    if first is None:
        return None
    month, weekday, earliest = first
    start = safe_date(year, month, earliest)
    if start is None:
        return None
    return start + timedelta(days=(weekday - start.weekday()) % 7)


def _holiday(match: re.Match[str], ctx: Context) -> Resolved | None:
    name = re.sub(r"\s+", " ", match["h"])
    if match["y"]:
        year = int(match["y"])
    elif ctx.dct is None:
        return None
    else:
        probe = _fixed_holiday(name, ctx.dct.year)
        if probe is None:
            return None
        rel = (match["rel"] or "").lower()
        if rel == "last":
            year = ctx.dct.year if probe < ctx.dct else ctx.dct.year - 1
        elif rel == "next":
            year = ctx.dct.year if probe > ctx.dct else ctx.dct.year + 1
        else:
            year = pick_year(probe.month, probe.day, ctx.dct, ctx.tense)
    day = _fixed_holiday(name, year)
    return ("DATE", day.isoformat()) if day else None


HANDLERS: dict[str, Handler] = {
    "date_mdy": _day_of,
    "date_dmy": _day_of,
    "date_iso": _date_numeric,
    "date_us": _date_numeric,
    "month_year": _month_year,
    "month_rel": _month_rel,
    "year": _year,
    "year_spoken": _year_spoken,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "quarter_ref": _quarter_ref,
    "relday": _relday,
    "weekday": _weekday,
    "clock": _clock,
    "part_of_day": _part_of_day,
    "relunit": _relunit,
    "year_ago_adj": _year_ago_adj,
    "year_period": _year_period,
    "week_of": _week_of,
    "yearend": _yearend,
    "duration": _duration,
    "refword": _refword,
    "set": _set,
    "season": _season,
    "holiday": _holiday,
}
