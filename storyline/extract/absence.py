"""Absences are facts too: "he didn't specify when and where the meeting would take place".

An absence records that an outlet, at the time it wrote, did not know (or was not
told) a value: the meeting's date or place, the number of victims, a name. The
reconciler uses it to tell an update (a later report fills the gap) from a
conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NEG = (
    r"(?:did(?:n['’]t| not)|does(?:n['’]t| not)|has(?:n['’]t| not)|have(?:n['’]t| not)|would(?:n['’]t| not)|"
    r"could(?:n['’]t| not)|declined to|refused to|was(?:n['’]t| not)|were(?:n['’]t| not)|not yet|no)"
)
_VERB = (
    r"(?:specify|specified|say|said|disclose|disclosed|give|given|reveal|revealed|announce|announced|"
    r"release|released|confirm|confirmed|provide|provided|identify|identified|"
    r"immediately (?:known|available|clear))"
)
_WHAT = {
    "date": r"\bwhen\b|\bthe date\b|\bthe time\b|\bthe timing\b",
    "place": r"\bwhere\b|\bthe location\b|\bthe venue\b",
    "number": r"\bhow many\b|\bthe number\b|\bthe toll\b",
    "name": r"\bthe (?:victim|suspect|man|woman|person)['’]?s? (?:name|identity)\b|\bidentities\b|\bnames?\b",
}
_ABSENCE = re.compile(rf"\b{_NEG}\s+(?:\w+\s+){{0,2}}?{_VERB}\b", re.IGNORECASE)
_ABOUT = re.compile(
    r"\b(meeting|summit|talks|session|hearing|trial|funeral|vote|visit|attack|shooting|strike)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Absence:
    start: int
    end: int
    text: str
    what: tuple[str, ...]  # "date", "place", "number", "name"
    about: str | None  # the event noun the sentence is about ("meeting"), when there is one


def find_absences(sentence: str, offset: int = 0) -> list[Absence]:
    """Absences stated in one sentence; offsets are shifted by ``offset``."""
    match = _ABSENCE.search(sentence)
    if not match:
        return []
    tail = sentence[match.start() :]
    what = tuple(kind for kind, pattern in _WHAT.items() if re.search(pattern, tail, re.IGNORECASE))
    if not what:
        return []
    about = _ABOUT.search(tail) or _ABOUT.search(sentence)
    end = len(sentence.rstrip(" .;"))
    return [
        Absence(
            start=offset + match.start(),
            end=offset + end,
            text=sentence[match.start() : end],
            what=what,
            about=about.group(1).lower() if about else None,
        )
    ]
