"""People named in a list: "two adults and three children", "his wife and their four children".

Reports often count the victims of one event as a list of groups and persons rather than as one
figure: "Two men and a boy were injured", "A man and his 11-year-old son were found dead", "killed
his wife and two young sons". ``person_lists(sentence)`` finds such lists (at least two members, the
last one joined by "and") and how many people they name; ``counts_rules`` reads the verb before or
after each list, as it does for a number ("were shot", "killing").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.extract.counts_lexicon import NOUN_CATEGORY, PERSON_CATEGORIES, PERSON_SINGULAR, STOP
from storyline.extract.counts_numbers import parse_simple

_PLURAL = frozenset(w for w, c in NOUN_CATEGORY.items() if c in PERSON_CATEGORIES and c == "people") - {"others"}
_SINGULAR = frozenset(PERSON_SINGULAR) - {"security"}
_NOUN = "|".join(sorted(_PLURAL | _SINGULAR, key=len, reverse=True))
_NUMBER = r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
# Words that may stand between a member's determiner and its noun ("26-year-old", "young", "adult", "unborn"):
# not a word that ends a noun phrase or starts a clause.
_MOD = rf"(?:(?!(?:{'|'.join(sorted(STOP))})\b)[\w'’-]+\s+)"
_MEMBER = (
    rf"(?:(?P<det>a|an|the|his|her|their|another)|(?P<num>{_NUMBER}))\s+(?:other\s+)?{_MOD}{{0,3}}?"
    rf"(?P<noun>{_NOUN})\b(?![-'’])"
)
_MEMBER_RE = re.compile(_MEMBER, re.IGNORECASE)
_PLAIN = _MEMBER.replace("?P<det>", "?:").replace("?P<num>", "?:").replace("?P<noun>", "?:")
# Two members or more, the last after "and": "a man, two women and a small child".
_LIST = re.compile(
    rf"(?<![\w-])(?:{_PLAIN})(?:\s*,\s*(?:{_PLAIN}))*\s*,?\s+and\s+(?:{_PLAIN})",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PersonList:
    start: int
    end: int
    people: int


def person_lists(text: str) -> list[PersonList]:
    """Lists of people in one sentence, with how many people each names (offsets into ``text``)."""
    out: list[PersonList] = []
    for match in _LIST.finditer(text):
        people = 0
        for member in _MEMBER_RE.finditer(match.group(0)):
            noun = member.group("noun").lower()
            if member.group("num"):
                value = parse_simple(member.group("num"))
                if value is None or (noun in _SINGULAR and value != 1):
                    break
                people += int(value)
            elif noun in _PLURAL:
                break  # "the children": how many is not said
            else:
                people += 1
        else:
            out.append(PersonList(match.start(), match.end(), people))
    return out
