"""Reading quantities as news writes them: digits, number words, ranges, vague plurals, qualifiers.

Rule for vague words (documented once, used everywhere): a vague plural is read as the
smallest number it allows, as a lower bound (qualifier "at least", ``high`` None), the way
conflict-event coders record "dozens" without inventing a figure: "dozens" = at least 24
(two dozen), "scores" = at least 40, "hundreds" = at least 200, "thousands" = at least 2,000,
"tens of thousands" = at least 20,000, "hundreds of thousands" = at least 200,000.
"several" is at least 3, "a few" about 3, "a handful" about 5, "a couple" 2 (about). Such counts
carry ``vague=True`` so that summaries can prefer a stated figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
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
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# (value, qualifier) of vague quantity words; see the module docstring for the rule.
_VAGUE = {
    "dozens": (24.0, "at least"),
    "scores": (40.0, "at least"),
    "hundreds": (200.0, "at least"),
    "thousands": (2_000.0, "at least"),
    "tens of thousands": (20_000.0, "at least"),
    "hundreds of thousands": (200_000.0, "at least"),
    "millions": (2_000_000.0, "at least"),
    "several": (3.0, "at least"),
    "a few": (3.0, "about"),
    "a handful": (5.0, "about"),
    "a couple": (2.0, "about"),
}
_QUALIFIERS = {
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "a minimum of": "at least",
    "more than": "more than",
    "over": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "up to": "at most",
    "as many as": "at most",
    "at most": "at most",
    "no more than": "at most",
    "fewer than": "fewer than",
    "less than": "fewer than",
    "under": "fewer than",
    "nearly": "about",
    "almost": "about",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "close to": "about",
    "estimated": "about",
}

_WORD = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(k for k in _UNITS if k != "zero") + r"))?"
    r"|" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r")"
)
_WORD_NUM = rf"{_WORD}(?:\s+(?:hundred|thousand|million|billion)(?:\s+(?:and\s+)?{_WORD})?)?"
_DIGIT_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SIMPLE = (
    rf"(?:(?:{_DIGIT_NUM})(?:\s+(?:million|billion|thousand))?|a\s+(?:hundred|thousand|million)"
    rf"|(?:half\s+a|a|{_WORD})\s+dozen|{_WORD_NUM})"
)
_VAGUE_RE = (
    r"tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds|thousands|millions|"
    r"several|a\s+few|a\s+handful|a\s+couple"
)
_QUAL_RE = "|".join(sorted((q.replace(" ", r"\s+") for q in _QUALIFIERS), key=len, reverse=True))

# One quantity: optional qualifier, then a range, a number or a vague word. Word boundaries on both sides.
QUANTITY_RE = re.compile(
    rf"(?<![\w$£€.,-])(?:(?P<qual>{_QUAL_RE})\s+)?"
    rf"(?:(?:between\s+(?P<blo>{_SIMPLE})\s+and\s+(?P<bhi>{_SIMPLE}))"
    rf"|(?P<lo>{_SIMPLE})\s*(?:-|–|—|\bto\b|\bor\b)\s*(?P<hi>{_SIMPLE})|(?P<num>{_SIMPLE})"
    rf"|(?P<vague>{_VAGUE_RE}))(?![\w%])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    low: float | None
    high: float | None
    qualifier: str
    vague: bool


def parse_simple(text: str) -> float | None:
    """The value of one number written in digits or words ("361,500", "twenty-one", "a dozen")."""
    words = re.sub(r"[\s-]+", " ", text.strip().lower()).replace(",", "")
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(?: (million|billion|thousand))?", words)
    if match:
        return float(match.group(1)) * (_SCALES[match.group(2)] if match.group(2) else 1)
    if words.endswith("dozen"):
        head = words[: -len("dozen")].strip()
        if head == "half a":
            return 6.0
        base = 1.0 if head in ("a", "") else parse_simple(head)
        return None if base is None else base * 12
    total, current = 0.0, 0.0
    for word in words.replace(" and ", " ").split():
        if word == "a":
            current = 1.0
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1.0) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0.0
        else:
            return None
    return total + current


def parse_quantity(match: re.Match[str]) -> Quantity | None:
    """A ``QUANTITY_RE`` match as value, bounds and qualifier; None when it does not parse."""
    qual_text = re.sub(r"\s+", " ", (match.group("qual") or "").lower())
    qualifier = _QUALIFIERS.get(qual_text, "exact")
    if match.group("vague"):
        value, vague_qual = _VAGUE[re.sub(r"\s+", " ", match.group("vague").lower())]
        qualifier = qualifier if qual_text else vague_qual
        return Quantity(value, value if qualifier == "at least" else None, None, qualifier, True)
    if match.group("lo") or match.group("blo"):
        low = parse_simple(match.group("lo") or match.group("blo"))
        high = parse_simple(match.group("hi") or match.group("bhi"))
        if low is None or high is None or high <= low:
            return None
        return Quantity(low, low, high, "range", False)
    number = parse_simple(match.group("num"))
    if number is None:
        return None
    value = number
    low = value if qualifier in ("at least", "more than") else None
    high = value if qualifier in ("at most", "fewer than") else None
    return Quantity(value, low, high, qualifier, False)
