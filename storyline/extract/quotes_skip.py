"""What the attribution rules step over between a speaker, its cue and its content.

Auxiliaries, adverbs and time phrases between a subject and its cue ("Trump this past week said"),
the time, manner and venue phrases after a cue ("said in a statement on Monday") and the listener
of a verb of telling ("told reporters that …"). Each function returns where the rules go on reading.
"""

from __future__ import annotations

import re

from storyline.extract.quotes_words import AUX_WORDS, BE_WORDS, Tok
from storyline.extract.timex_lex import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES

_DAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# Time and manner phrases that sit between a subject and its cue, or between a cue and its content.
_SKIP_TAIL = re.compile(
    rf"(?:\s*,?\s*(?:on\s+)?{_DAYS}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\s*,?\s*(?:last|this|earlier this|late last|on)\s+(?:week|month|year|morning|night|spring|summer|fall)"
    r"|\s*,?\s*(?:in\s+(?:a|an|his|her|their|its)\s+(?:\w+\s+){0,2}(?:statement|interview|speech|"
    r"tweet|post|letter|email|op-ed|essay|memo|release|video|appearance|call|conference|rally|remarks))"
    r"|\s*,?\s*(?:in|on)\s+\w+ly"
    r"|\s*,?\s*(?:(?:earlier|later|early|late)\s+)?(?:at|in|during|by|for|over)\s+(?:the|that)\s+(?:time|day|moment|end|past))"
    r"\s*$"
)
SKIP_HEAD = re.compile(
    rf"\s*,?\s*(?:(?:on\s+)?{_DAYS}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:last|this|earlier this|late last)\s+(?:week|month|year|morning|night|January|February|March|April|May|June"
    r"|July|August|September|October|November|December)"
    r"|(?:in|during|at|on|via|through)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w’'\-]+\s+){0,4}?"
    r"(?:statement|interview|speech|tweet|post|letter|email|op-ed|essay|memo|release|video|appearance|"
    r"call|conference|rally|remarks|debate|hearing|briefing|event|show|broadcast|town hall|message|address)"
    r"(?:\s+(?:message|address|interview|statement|post|call|conference))?"  # "in a video message"
    r"(?:\s+(?:on|with|to)\s+(?:[A-Z][\w’'\-.]*\s*)+)?"
    r"|on\s+(?:Twitter|X|Facebook|Instagram|Telegram|Fox|CNN|MSNBC|NBC|ABC|CBS|Sunday|national television|"
    r"television|air|radio)(?:\s+News|’s\s+\S+|'s\s+\S+)?(?:\s*\([^)]{1,40}\))?"
    r"|to\s+(?:reporters|supporters|the\s+crowd|a\s+crowd|the\s+audience|an?\s+audience|the\s+press|"
    r"(?:[A-Z][\w’'\-.]*\s*)+)"
    r"|(?:in|at|from)\s+(?:the\s+)?(?:[A-Z][\w’'\-.]*\s*)+"
    r"|\w+ly|again|too|also|flatly|instead|recently|earlier|later|publicly|privately)\s*,?\s*"
)
_TIME_WORDS = {
    *WEEKDAY_NAMES,
    "week",
    "weekend",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "today",
    "yesterday",
    "tonight",
    *(m for m in MONTH_NAMES if m != "may"),  # "may" is the modal here
    *MONTH_ABBREVIATIONS,
    "ago",
    "spring",
    "summer",
    "fall",
    "winter",
}
_TIME_MODIFIERS = {
    "this",
    "past",
    "last",
    "next",
    "early",
    "late",
    "in",
    "on",
    "earlier",
    "later",
    "that",
    "the",
    "same",
    "a",
    "few",
    "days",
    "weeks",
    "months",
    "years",
    "two",
    "three",
    ",",
}
# Characters before a cue searched for a time or manner phrase (the longest phrase is shorter).
_SKIP_WINDOW = 80
# The last words of those phrases: the search runs only before a cue that follows one of them.
_TAIL_LAST_WORDS = {
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "month",
    "year",
    "spring",
    "summer",
    "fall",
    "statement",
    "interview",
    "speech",
    "tweet",
    "post",
    "letter",
    "email",
    "op-ed",
    "essay",
    "memo",
    "release",
    "video",
    "appearance",
    "call",
    "conference",
    "rally",
    "remarks",
    "time",
    "moment",
    "end",
    "past",
}


def skip_left(s: str, toks: list[Tok], i: int) -> int:
    """Index of the token before cue ``i`` once auxiliaries, adverbs and time phrases are skipped."""
    j = i - 1
    progressive = toks[i].low.endswith("ing")
    while j >= 0:
        low = toks[j].low
        if progressive and low in BE_WORDS:  # "Trump is telling …", "she has been saying …"
            j -= 1
            continue
        if low in _TIME_WORDS and j > 0:  # "Trump this past week said", "the report in June found"
            k = j - 1
            while k >= 0 and (toks[k].low in _TIME_MODIFIERS or toks[k].low in _TIME_WORDS or toks[k].low.isdigit()):
                k -= 1
            if k < j - 1 or toks[j - 1].low in _TIME_MODIFIERS or toks[k + 1].low != low:
                j = k
                continue
        if low == ")":  # "Rep. Trey Gowdy (R-S.C.) said"
            k = j - 1
            while k >= 0 and toks[k].text != "(" and j - k < 12:
                k -= 1
            if k > 0 and toks[k].text == "(":
                j = k - 1
                continue
        if low in AUX_WORDS or (
            low.endswith("ly") and low not in ("only", "family", "italy", "early") and toks[j].text.islower()
        ):  # "Jolly said": a name, not an adverb
            j -= 1
            continue
        m = (
            _SKIP_TAIL.search(s, max(0, toks[j].end - _SKIP_WINDOW), toks[j].end)
            if (low in _TAIL_LAST_WORDS or low.endswith("day"))
            else None
        )
        if m is not None and m.end() == toks[j].end and m.start() < toks[j].end:
            k = j
            while k >= 0 and toks[k].start >= m.start():
                k -= 1
            if k < j:
                j = k
                continue
        break
    return j


_OBJECT_PRONOUNS = {"him", "her", "them", "me", "us", "you"}


def skip_listener(s: str, toks: list[Tok], i: int, default: int) -> int:
    """After "told", the listener runs to "that", a comma, a colon or a quote; a pronoun listener is one word
    ("assured him it was done")."""
    if i < len(toks) and toks[i].low in _OBJECT_PRONOUNS:
        return toks[i + 1].start if i + 1 < len(toks) and toks[i + 1].low == "that" else toks[i].end
    k = i
    while k < len(toks) and k - i < 9:
        t = toks[k]
        if t.low == "that" or t.text in ',:“"' or t.low in ("to", "about", "in", "on", "if", "whether", "why"):
            if t.low in ("to", "in", "on") and k == i:
                return default
            return t.start
        k += 1
    return toks[i].end if i < len(toks) and toks[i].text[:1].isupper() and i + 1 < len(toks) else default


def closes_after(s: str, at: int) -> bool:
    """A time, venue or medium phrase (``SKIP_HEAD``) at ``at`` that runs to the clause's end."""
    m = SKIP_HEAD.match(s, at)
    return m is not None and m.end() > at and re.match(r"\s*(?:[,.;:!?—–()]|$)", s[m.end() :]) is not None
