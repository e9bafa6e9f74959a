"""Handlers of quarters, halves and the period a report is about: "the third quarter", "the year-ago quarter",
"the 1988 period"; and the report's quarter, which "a year earlier" counts back from."""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from storyline.extract.timex_lex import MONTH_RE, month_number
from storyline.extract.timex_norm import pick_year, shift_value
from storyline.extract.timex_resolve import (
    Context,
    Resolved,
    granular_value,
    ordinal_number,
    relative_year,
    resolve_month_day,
)

if TYPE_CHECKING:
    from storyline.extract.timex_handlers import Handler


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
    if ctx.last_quarter and not (match["unit"] is None and longer_period_named(ctx)):
        return "DATE", shift_value(ctx.last_quarter, years=-1) or ""
    return "DATE", f"{ctx.dct.year - 1:04d}"


def _year_period(match: re.Match[str], ctx: Context) -> Resolved | None:
    """ "the 1988 quarter": the quarter the report is about, in that year."""
    if ctx.last_quarter:
        return "DATE", match["y"] + ctx.last_quarter[4:]
    return ("DATE", match["y"]) if match["unit"].lower() == "period" else None


_LONGER_PERIOD = re.compile(
    r"\b(?:nine|six|\d+|first|latest|past)[\s-]+months\b|\bfirst\s+half\b|\bfor\s+the\s+year\b", re.IGNORECASE
)


def longer_period_named(ctx: Context) -> bool:
    """Whether the sentence compares a period longer than a quarter ("the first nine months ... a year
    earlier"): then "a year earlier" is that year, not the report's quarter a year back."""
    return bool(_LONGER_PERIOD.search(ctx.sentence))


QUARTER_HANDLERS: dict[str, Handler] = {
    "quarter": _quarter,
    "quarter_ref": _quarter_ref,
    "year_ago_adj": _year_ago_adj,
    "year_period": _year_period,
}
