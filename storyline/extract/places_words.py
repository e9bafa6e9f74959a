"""The words around a capitalised name that show it names no town: a street, a person, a brand, a ward.

Read by ``places.find_places`` before a name found after a place word ("in", "near", "at") or before "police" or a
person noun is looked up in the gazetteer, where the biggest town of that name would otherwise win: "near Craig and
Lamb" (streets of Las Vegas), "according to Clayton" (the spokeswoman), "the Circle K" (a shop), "Lower 9th Ward".
"""

from __future__ import annotations

import re

from storyline.extract.places_gazetteer import Gazetteer, key
from storyline.extract.places_patterns import (
    CROSSING_AFTER,
    CROSSING_TRIGGER,
    DIRECTION,
    NOT_PLACES,
    ON_STREET_AFTER,
    ON_STREET_BEFORE,
    POLICE,
    STREET_AFTER,
    STREET_BEFORE,
)

# A name with a street beside it is a street, not a town ("on Broadway and West 136th Street", "near Thompson and
# Colorado avenues", "near Craig and Lamb", "on Baldwin near Greenwood"). gva-dev rules mode (eval_gva.py --stories
# rules), city half A 0.8223 -> 0.8244 (Kansas City over Thompson, Connecticut; Craig and Baldwin gone, their stories
# still missed), held-out B 0.8419 unchanged, region A 0.8967 -> 0.9008; no incident lost. Over gva-dev's 1,893 texts,
# 70 readings fewer, all streets by reading ("near Clay and Jacob streets", "on Laguna near Page").
STREETS = True
_AND = re.compile(r"[^\S\n]+(?:and|&)[^\S\n]")
# A word opening a sentence is capitalised whatever it is: before a person noun ("Young child shot", "Happy family")
# it is read as a town only where a US town of that name has this many people (gazetteer, which lists towns from 500).
# gva-dev rules mode (eval_gva.py --stories rules), city held-out B 0.8476 -> 0.8495 (St. Louis over Young, Arizona),
# A 0.8285 unchanged, region B 0.8971 -> 0.8990; over gva-dev's texts 9 readings fewer ("Young boy", "Young woman",
# "Happy family", "Foreman's family"), none a town. Hand-set: Young, Arizona has 666 people.
OPENING_WORD_POPULATION = 1_000
_SENTENCE_START = re.compile(r"(?:^|[.!?:\n][\"”’']?[^\S\n]*)$")
# A name after an ordinal numbers a part of a city ("Lower 9th Ward shooting", "5th District police"), not a town.
# gva-dev rules mode (eval_gva.py --stories rules), city half A 0.8264 -> 0.8285 (New Orleans over Ward, Arkansas),
# held-out B 0.8419 unchanged (no "Nth Ward" there), region A 0.9008 -> 0.9029; none lost.
ORDINAL_BEFORE = True
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)[^\S\n]+$")
# "according to" names a source, a person or an office, not a place ("according to Clayton", the spokeswoman named
# before); the police of a town after it are still read ("according to Memphis police"). gva-dev rules mode
# (eval_gva.py --stories rules): no incident changed alone (Clayton, North Carolina no longer read in an Orlando
# report); with the police too, city A 0.8285 -> 0.8264 (a Cocoa Beach report lost a mention).
ACCORDING_TO = True
# A name with a lone capital letter after it is a brand or a designation ("the Circle K on West Colonial Drive",
# "Lot B"), not a town ("A" and "I" open a sentence). gva-dev rules mode (eval_gva.py --stories rules): city unchanged
# (A 0.8285, B 0.8419; Circle, Montana no longer read in an Orlando report whose story names no town).
LETTER_AFTER = True
_LETTER = re.compile(r"[^\S\n]+[B-HJ-Z](?![\w.])")
# A one-word town named after a person of that surname ("Lourdes Clayton, spokeswoman ... according to Clayton",
# "Matthew Mitchell ... mad at Mitchell") is the person. A full name is two capitalised words after a word written
# small or a comma (not a Title Case headline's), not a town's ("Rocky Mount"), not after a place word ("North",
# "Port"), not an institution's ("Abraham Lincoln High School"); and a name after "in" stays a town ("lived in
# Chicago"). gva-dev's 1,893 texts: 53 readings fewer, each a surname by reading ("at Mitchell", "the Smith brothers",
# "of Green"); rules mode (eval_gva.py --stories rules) city A 0.8285 / B 0.8419 unchanged. Without the "in" and
# two-word limits, 86 fewer, Chicago, Cincinnati and Portland among them ("Fox Chicago reported", "Don't Shoot
# Portland").
SURNAMES = True
_FIRST_NAME = re.compile(r"(?:(?<![\w'’])[a-z]+,?|,)[^\S\n]+(?P<first>[A-Z][a-z]+)[^\S\n]+$")
_LAST_NAME_END = re.compile(r"\b(?![^\S\n]+[A-Z])")
_IN_BEFORE = re.compile(r"\bin\s+(?:the\s+)?$")
_NOT_FIRST = frozenset(
    [
        *DIRECTION,
        *NOT_PLACES,
        "new",
        "fort",
        "port",
        "mount",
        "lake",
        "saint",
        "san",
        "santa",
        "los",
        "las",
        "el",
        "la",
        "glen",
        "palm",
        "upper",
        "lower",
        "little",
        "great",
        "old",
        "grand",
        "cape",
        "point",
        "bay",
        "rocky",
        "mid",
        "in",
        "at",
        "on",
        "of",
        "to",
        "from",
        "near",
        "for",
        "by",
        "with",
        "and",
        "after",
        "before",
        "outside",
        "into",
        "over",
    ]
)
_INSTITUTION = re.compile(
    r"[^\S\n]+(?i:high|middle|elementary|school|academy|university|college|state|memorial|park|bridge|hospital|"
    r"center|street|avenue|road|boulevard|drive|county|parish)\b"
)


def known(gaz: Gazetteer, name: str) -> bool:
    """Whether ``name`` is a town, a county, a state or a country of the gazetteer."""
    k = key(name)
    return bool(gaz.cities.get(k) or gaz.countries.get(k) or gaz.state_code(name))


def after_ordinal(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows an ordinal ("Lower 9th Ward shooting"), ORDINAL_BEFORE."""
    return ORDINAL_BEFORE and _ORDINAL.search(text, max(0, start - 8), start) is not None


def opening_hamlet(gaz: Gazetteer, text: str, name: str, start: int) -> bool:
    """Whether ``name`` opens a sentence as one word that only hamlets bear (OPENING_WORD_POPULATION)."""
    if " " in name or not _SENTENCE_START.search(text, max(0, start - 3), start):
        return False
    towns = gaz.cities.get(key(name), ())
    return bool(towns) and all(e.population < OPENING_WORD_POPULATION for e in towns if e.country == "US")


def no_town_here(gaz: Gazetteer, text: str, start: int, end: int, source: str) -> bool:
    """Whether the name at ``start:end`` is a street or a source (read after a place word, ``source`` "context") or
    a brand."""
    if source == "context":
        if STREETS and _street(gaz, text, start, end):
            return True
        according = text[max(0, start - 13) : start].lower() == "according to "
        if ACCORDING_TO and according and not POLICE.match(text, start):
            return True  # "according to Clayton": a source, a person ("according to Memphis police" reads as before)
    return LETTER_AFTER and _LETTER.match(text, end) is not None  # "the Circle K", "Plan B": a brand, a designation


def surname(gaz: Gazetteer, text: str, word: str, start: int) -> bool:
    """Whether ``word`` at ``start`` closed a person's name earlier in the text ("Lourdes Clayton"), SURNAMES."""
    if not SURNAMES or _IN_BEFORE.search(text, max(0, start - 8), start):
        return False  # "lived in Chicago": "in" is a town's word ("in Williams' shooting" is rare)
    at = text.find(word, 0, start)
    while at != -1:
        first = _FIRST_NAME.search(text, max(0, at - 40), at)
        if (
            first is not None
            and _LAST_NAME_END.match(text, at + len(word))
            and first.group("first").lower() not in _NOT_FIRST
            and not known(gaz, f"{first.group('first')} {word}")
            and not _INSTITUTION.match(text, at + len(word))  # "Abraham Lincoln High School"
        ):
            return True
        at = text.find(word, at + 1, start)
    return False


def _street(gaz: Gazetteer, text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is a street by the names beside it (STREETS)."""
    before = text[max(0, start - 60) : start]
    joined_after = _AND.match(text, end) is not None
    if joined_after and STREET_AFTER.match(text, end):
        return True  # "on Broadway and West 136th Street"
    if before.endswith((" and ", " & ")) and STREET_BEFORE.search(before):
        return True  # "near 136th Street and Broadway"
    if not CROSSING_TRIGGER.search(before[-8:]):
        return False
    if before.endswith((" near ", " at ")):
        on = ON_STREET_BEFORE.search(before)
        if on is not None and on.group("street").lower() not in NOT_PLACES:
            return True  # "on Baldwin near Greenwood": the cross street
    if before[-3:] == "on " and ON_STREET_AFTER.match(text, end):
        return True  # "on Baldwin near Greenwood"
    other = CROSSING_AFTER.match(text, end) if joined_after else None
    if other is None:
        return False
    words = other.group("other").split()
    return not any(known(gaz, " ".join(words[:size])) for size in range(len(words), 0, -1))
