"""Handlers of the dates the calendar names: a day, a month, a year, a decade, a century, a season, a holiday,
"the week of" a day; a bare "May" or "fall" is the month or the season only after a word that makes it so."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from storyline.extract.timex_lex import SEASONS, month_number, spoken_year
from storyline.extract.timex_norm import easter, iso_week, pick_year, safe_date, value_span
from storyline.extract.timex_resolve import (
    Context,
    Resolved,
    ordinal_number,
    relation_of,
    relative_year,
    resolve_month_day,
    two_digit_year,
    year_from_group,
)

if TYPE_CHECKING:
    from storyline.extract.timex_handlers import Handler


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


def _week_of(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the week of March 6": the ISO week that holds the day."""
    day = _day_of(match, ctx)
    if day is None or day[1].startswith("X"):
        return day
    start, _ = value_span(day[1])
    return ("DATE", iso_week(start)) if start else None


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


DATE_HANDLERS: dict[str, Handler] = {
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
    "week_of": _week_of,
    "season": _season,
    "holiday": _holiday,
}
