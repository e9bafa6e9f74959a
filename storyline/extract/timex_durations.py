"""Handlers of durations and sets: "three weeks", "a year earlier" (a duration moved back from the document
date), "daily", "every Monday"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.extract.timex_lex import month_number, weekday_number
from storyline.extract.timex_norm import shift_value
from storyline.extract.timex_quarters import longer_period_named
from storyline.extract.timex_resolve import (
    Context,
    Resolved,
    duration_value,
    granular_value,
    move,
    numeric_amount,
    part_suffix,
    unit_code,
)

if TYPE_CHECKING:
    from storyline.extract.timex_handlers import Handler


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
        and not longer_period_named(ctx)
    ):
        return "DATE", shift_value(ctx.last_quarter, years=steps) or ""
    if unit in ("S", "MIN", "H"):
        return None
    moved = move(ctx.dct, unit, steps)
    return ("DATE", granular_value(moved, unit)) if moved else None


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


DURATION_HANDLERS: dict[str, Handler] = {
    "duration": _duration,
    "set": _set,
}
