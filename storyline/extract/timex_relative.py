"""Handlers of times counted from the document date or from the last date the text named: "yesterday",
"Friday", "last month", "the following year", "10:35 a.m.", "this morning", "now", "recently"."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from storyline.extract.timex_lex import WEEKDAY_RE, month_number, weekday_number
from storyline.extract.timex_norm import iso_week, resolve_weekday, shift_value, value_span
from storyline.extract.timex_resolve import (
    Context,
    Resolved,
    duration_value,
    granular_value,
    move,
    part_suffix,
    relation_of,
    resolve_month_day,
    unit_code,
)

if TYPE_CHECKING:
    from storyline.extract.timex_handlers import Handler


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


def _yearend(match: re.Match[str], ctx: Context) -> Resolved | None:
    return ("DATE", f"{ctx.dct.year:04d}") if ctx.dct else None


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


RELATIVE_HANDLERS: dict[str, Handler] = {
    "relday": _relday,
    "weekday": _weekday,
    "clock": _clock,
    "part_of_day": _part_of_day,
    "relunit": _relunit,
    "yearend": _yearend,
    "refword": _refword,
}
