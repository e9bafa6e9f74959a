"""Word lists, number words and regex fragments shared by the time-expression rules.

Everything here is static data: the rules live in ``timex_rules`` and the calendar
arithmetic in ``timex_norm``.
"""

from __future__ import annotations

import re

# The full English names, shared by every rule that must not take a day or a month for a name, a place or a
# speaker (counts_verbs, places_patterns, quotes_names, quotes_skip, quotes).
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# The months AP style abbreviates before a day ("Sept. 5"), with their dots: not names either.
MONTH_ABBREVIATIONS = ("jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.")
MONTHS: dict[str, int] = {
    **{name: number for number, name in enumerate(MONTH_NAMES, 1)},
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {name: number for number, name in enumerate(WEEKDAY_NAMES)}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "mid-afternoon": "AF",
    "midafternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "midday": "MI",
}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

UNITS: dict[str, str] = {
    "second": "S",
    "minute": "MIN",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "fortnight": "FN",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
}
# unit word -> (plural regex form); "century" pluralises irregularly
UNIT_RE = (
    r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?=y|ies))"
    r"(?:y|ies|s)?"
)
UNIT_WORD_RE = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?"
    r"|decades?|century|centuries)"
)

UNIT_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
VAGUE = {"several", "few", "a few", "many", "some", "a number of", "numerous", "a couple of"}

_U = "|".join(sorted(UNIT_WORDS, key=len, reverse=True))
_T = "|".join(TENS_WORDS)
_SMALL = rf"(?:(?:{_T})(?:[- ](?:{_U}))?|{_U})"
# a number as digits or words, up to the hundreds ("twenty four", "a hundred", "2 1/2", "1.5")
NUM_RE = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:\s+1/2|\s+and\s+(?:a|one)[- ]half)?"
    rf"|(?:a|an|one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+(?:and\s+)?{_SMALL})?"
    rf"|{_SMALL}(?:\s+and\s+(?:a|one)[- ]half)?"
    rf"|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|several|few|many|a\s+number\s+of|numerous|some"
    rf"|a\s+half|half\s+a|half\s+an|a|an)"
)

_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_YY = rf"(?:(?:{_T})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|{_TEEN}|oh[- ](?:{_U}))"
# a spoken year: "nineteen ninety-six", "two thousand", "two thousand and one"
SPOKEN_YEAR_RE = (
    rf"(?:(?:eighteen|nineteen|twenty)\s+(?:hundred\s+(?:and\s+)?)?{_YY}"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_U}|{_TEEN}))?)"
)

_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]


def _cases(word: str) -> str:
    return f"(?:{word}|{word.upper()})"


# a month name as written in running text (capitalised or upper case); abbreviations take an optional dot
MONTH_RE = (
    "(?:"
    + "|".join(_cases(m) for m in _MONTH_NAMES)
    + "|"
    + "|".join(_cases(a) + r"\.?" for a in _MONTH_ABBR)
    + r")(?![a-zA-Z])"
)
MONTH_FULL_RE = "(?:" + "|".join(_cases(m) for m in _MONTH_NAMES) + r")(?![a-zA-Z])"
WEEKDAY_RE = "(?:" + "|".join(_cases(d.capitalize()) for d in WEEKDAYS) + r")(?![a-zA-Z])"


def month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip(".").strip())


def weekday_number(word: str) -> int | None:
    return WEEKDAYS.get(word.lower().strip())


def words_to_number(text: str) -> float | None:
    """The value of a number written in digits or words; None for vague amounts ("several")."""
    s = re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()
    if s in VAGUE or s.startswith("a number") or s.startswith("couple") or s == "a couple":
        return 2.0 if "couple" in s else None
    if s in ("a half", "half a", "half an"):
        return 0.5
    half = 0.0
    for tail in (" 1/2", " and a half", " and one half"):
        if s.endswith(tail):
            s, half = s[: -len(tail)], 0.5
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", s):
        return float(s.replace(",", "")) + half
    total, current = 0, 0
    for word in s.replace(" and ", " ").split():
        if word in ("a", "an"):
            current += 1
        elif word in UNIT_WORDS:
            current += UNIT_WORDS[word]
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return float(total + current) + half


def spoken_year(text: str) -> int | None:
    """1996 for "nineteen ninety-six", 2000 for "two thousand"."""
    s = re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()
    if s.startswith("two thousand"):
        rest = s[len("two thousand") :].replace("and", "").strip()
        tail = words_to_number(rest) if rest else 0.0
        return None if tail is None else 2000 + int(tail)
    head, _, rest = s.partition(" ")
    century = UNIT_WORDS.get(head) or TENS_WORDS.get(head)
    rest = rest.replace("hundred", "").replace(" and ", " ").replace("oh ", "").strip()
    tail = words_to_number(rest) if rest else 0.0
    if century is None or tail is None:
        return None
    return century * 100 + int(tail)
