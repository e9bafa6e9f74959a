"""The rules that read the counts of one sentence: what is counted and what happened to it.

``read_counts(sentence)`` finds quantities (``counts_numbers``) that are counts (not a date, an age, an
address: ``_excluded``), one-person subjects (``counts_people``: "a 25-year-old man", "the victim", "he",
a name) and lists of people (``counts_lists``), then reads the words after them (``counts_after``: noun,
auxiliaries, verb phrase) and before them (``counts_before``: an active verb, "killed 53 people"), and
adds the counts told by event words (``counts_events``: "a double shooting"). Offsets are relative to
the sentence. Periods are attached later, in ``counts``.
"""

from __future__ import annotations

import re

from storyline.extract.counts_after import NUMBER_WORDS, read_right
from storyline.extract.counts_events import add_events
from storyline.extract.counts_lists import person_lists
from storyline.extract.counts_numbers import QUANTITY_RE, Quantity, parse_quantity
from storyline.extract.counts_people import ANOTHER_ADDS, NOT_NAMES, PERSON_SG_ALT, SINGLE, add_another
from storyline.extract.counts_raw import RawCount, to_count

# Cheap tests (these stems and counts_after.NUMBER_WORDS) that let a sentence skip the costly patterns (speed: the
# extract stage must run >= 50 articles/s per core; these cut counts' time on gva-dev by more than half).
_CASUALTY_STEMS = (
    "shot",
    "kill",
    "dead",
    "die",
    "wound",
    "injur",
    "hurt",
    "hospital",
    "struck",
    "hit",
    "arrest",
    "custody",
    "charged",
    "slain",
    "murder",
    "missing",
    "fatal",
    "gunfire",
    "suffer",
    "sustain",
    "graz",
    "gunned",
    "lost",
    "succumb",
    "detain",
    "kidnap",
    "abduct",
    "hostage",
    "evacuat",
    "taken",
    "airlift",
    "transport",
    "rush",
    "flown",
    "driven",
    "treat",
    "receiv",
    "shoot",
    "wound",
    "hurting",
    "body",
    "death",
    "life",
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# text right before a number that makes it an address, a date, an identifier or money
_LEFT_EXCLUDE = re.compile(
    rf"(?:\b{_MONTH}|\b(?:no|nos|number|route|rt|highway|hwy|interstate|sr|apt|unit|suite|room|channel|"
    r"section|chapter|article|page|pages|age|aged|ages|precinct|district|ward|grade|class|level|title|count|"
    r"counts|year|game|week|season|phase|exit|mile|episode|vol|volume|"
    r"number|code|flight|bus|ch|mm|caliber|calibre|block)\.?|[#$£€/(])\s*$|:$",
    re.IGNORECASE,
)
# text right after a number that makes it a unit, a time, a date, a percentage or an ordinal
_RIGHT_EXCLUDE = re.compile(
    r"(?:-[a-z]|\s+year[- ]old|\s*(?:%|percent|per\s+cent|pct)\b|[:/]\d|\s*(?:a\.?m\b|p\.?m\b|o'clock)|,?\s+\d{4}\b|"
    r"\s*(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|decades?|centuries|"
    r"times|feet|foot|ft|inch|inches|miles?|mph|yards?|meters?|metres?|kilomet(?:er|re)s?|km|pounds?|lbs?|"
    r"ounces?|grams?|kilograms?|kg|degrees?|dollars?|cents?|points?|acres?|square|caliber|calibre|mm|"
    r"blocks?|millimet(?:er|re)s?|rounds?\s+of\s+golf|games?|shots?\s+per)\b)",
    re.IGNORECASE,
)
# "this one hurt, a lot" is a pronoun, not a count of one; see counts_after.MURDER_SUICIDE for the figures.
DEMONSTRATIVE_ONE = True
_DEMONSTRATIVE = re.compile(r"\b(?:this|that)\s+$", re.IGNORECASE)


# "he and three others were shot", "a 12-year-old and two others": the person before "and" is one more than the
# number of the others. gva-dev --stories rules: without it injured 0.8196 -> 0.8186.
AND_OTHERS = True
_PERSON_AND = re.compile(
    rf"(?:\b(?:[Hh]e|[Ss]he)|\b(?i:{PERSON_SG_ALT})|\d+-year-old|\b[A-Z][a-z]+,\s*\d{{1,2}},?)\s+and\s+$"
)


# "Shot" after a number is the gunshot itself when it was fired, heard or rang out ("one shot was fired", "he fired
# one shot", "two shots rang out"): no person was counted; see counts_after.RELATIVE_WHO for the figures.
SHOT_NOUN = True
_SHOT_FIRED = re.compile(
    r"\s+shots?\s+(?:(?:was|were|had\s+been|has\s+been|is|are|being)\s+)?(?:fired|heard|discharged|rang|ring|went\s+off)\b",
    re.IGNORECASE,
)
_SHOT_WORD = re.compile(r"\s+shots?\b", re.IGNORECASE)
_FIRED_BEFORE = re.compile(
    r"\b(?:fired|fires|fire|firing|heard|hearing|hear|discharged|squeezed\s+off|let\s+off|got\s+off)\s+"
    r"(?:(?:at\s+least|only|just|about|another)\s+)?$",
    re.IGNORECASE,
)


# A list of the people hit, read as one count (``counts_lists``): "Two men and a boy were injured", "killed his wife
# and two young sons". gva-dev --stories rules: without it killed 0.8900 -> 0.8880, injured 0.8127 -> 0.8097.
PERSON_LISTS = True
_ONE_OF = re.compile(r"\b(?:one|two|three|four|five|\d+)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _excluded(text: str, start: int, end: int, quantity: Quantity) -> bool:
    if _LEFT_EXCLUDE.search(text, max(0, start - 14), start) or _RIGHT_EXCLUDE.match(text, end):
        return True
    raw = text[start:end]
    if re.fullmatch(r"(?:1[89]|20)\d\d", raw.strip()):
        return True  # a year
    return quantity.qualifier == "exact" and text[max(0, start - 2) : start] == ", " and text[end : end + 1] == ","


def read_counts(text: str) -> list[RawCount]:
    """Counts in one sentence (offsets relative to ``text``), before periods are attached."""
    found: list[RawCount] = []
    taken: list[tuple[int, int]] = []
    lower = text.lower()
    has_number = any(c.isdigit() for c in text) or not NUMBER_WORDS.isdisjoint(re.findall(r"[a-z]+", lower))
    if not has_number and not any(stem in lower for stem in _CASUALTY_STEMS):
        return found
    for match in QUANTITY_RE.finditer(text) if has_number else ():
        quantity = parse_quantity(match)
        if quantity is None or _excluded(text, match.start(), match.end(), quantity):
            continue
        num_start = match.start("num") if match.group("num") else match.start()
        if (
            DEMONSTRATIVE_ONE
            and _DEMONSTRATIVE.search(text, max(0, match.start() - 6), match.start())
            and (text[match.start() : match.end()].strip().lower() == "one")
        ):
            continue  # "this one hurt": a pronoun, not a count of one
        if match.group("num") and _LEFT_EXCLUDE.search(text, max(0, num_start - 14), num_start):
            continue
        right = read_right(text, match.end(), singular=False, one=quantity.value == 1)
        shot_word = _SHOT_WORD.match(text, match.end()) if SHOT_NOUN else None
        fired = shot_word and _FIRED_BEFORE.search(text, max(0, match.start() - 24), match.start())
        if SHOT_NOUN and (_SHOT_FIRED.match(text, match.end()) or fired):
            # "one shot was fired", "he fired one shot": the gunshots, not people shot
            right.noun_category, right.verb_category = "shots", None
            right.subject_end = right.end = shot_word.end() if shot_word else match.end()
        if right.died_later and _ONE_OF.search(text, max(0, match.start() - 20), match.start()):
            right.verb_category = "shot"  # "one of four women wounded ... has died": four hit, one dead
        if AND_OTHERS and right.subject.lower().startswith("other") and _PERSON_AND.search(text, 0, match.start()):
            # "he and three others were shot": one person more than the number
            up = [None if b is None else b + 1 for b in (quantity.low, quantity.high)]
            quantity = Quantity(quantity.value + 1, up[0], up[1], quantity.qualifier, quantity.vague)
        count = to_count(text, match.start(), match.end(), quantity, right)
        if count is not None:
            found.append(count)
            taken.append((match.start(), match.end()))
    for match in SINGLE.finditer(text) if any(stem in lower for stem in _CASUALTY_STEMS) else ():
        if any(s <= match.start() < e for s, e in taken):
            continue
        name = match.group("name")
        if name and name.split()[0].lower() in NOT_NAMES:
            continue
        det = (match.group("det") or match.group("pron") or "").lower()
        value = 2.0 if det == "both" else 1.0
        right = read_right(text, match.end(), singular=True)
        if match.group("pron") or name:
            right.subject = match.group(0)
            if right.verb_category is None:
                continue
        quantity = Quantity(value + right.extra_people, None, None, "exact", False)
        count = to_count(text, match.start(), match.end(), quantity, right, single=True)
        if count is not None:
            found.append(count)
            taken.append((count.start, count.end))
    if ANOTHER_ADDS:
        add_another(found)
    for people in person_lists(text) if PERSON_LISTS and " and " in lower else ():
        # "two adults and three children were found dead", "killed his wife and two young sons"
        right = read_right(text, people.end, singular=True, one=False)
        quantity = Quantity(float(people.people + right.extra_people), None, None, "exact", False)
        count = to_count(text, people.start, people.end, quantity, right)
        if count is not None and count.category != "people":
            found.append(count)
    add_events(text, lower, found, taken)
    return found
