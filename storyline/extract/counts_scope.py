"""Which casualty counts of an article are about its own event, and its killed/injured tolls.

A local news page about one shooting also carries figures that belong to other events: round-ups
("17 dead, 41 wounded in weekend shootings"), running tallies ("the city's 40th homicide so far this
year"), background ("he was shot last year") and the teasers of related stories. ``roundup`` marks
the sentences that state such figures; ``article_tolls`` sums up the rest of one article's counts
into its killed and injured figures (``counts.casualty_summary``), with the fact that states each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from storyline.extract.counts import casualty_summary

# Categories the summary reads: what happened to people in the event.
CASUALTY_CATEGORIES = frozenset({"killed", "injured", "wounded", "shot", "hospitalized"})

_NUMBER = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|separate|other|more)"
# Words that make a sentence a tally of many events or of another time, not the article's event.
ROUNDUP = re.compile(
    r"\b(?:so\s+far\s+(?:this|in)|this\s+(?:year|month)|since\s+(?:january|the\s+(?:start|beginning))|"
    r"year\s+to\s+date|(?:last|this\s+past)\s+(?:year|month)|a\s+year\s+ago|in\s+(?:19|20)\d\d\b|"
    r"(?:this|over\s+the|last|holiday|memorial\s+day|labor\s+day|july\s+4(?:th)?)\s+weekend|"
    r"weekend\s+(?:of\s+)?(?:violence|shootings|gunfire|bloodshed)|"
    rf"in\s+{_NUMBER}\s+(?:separate\s+|different\s+|unrelated\s+)?(?:shootings|incidents|attacks)|"
    r"(?:separate|unrelated|other)\s+(?:shootings|incidents)|across\s+the\s+(?:city|county|state|country)|"
    r"(?:another|a\s+separate|an\s+unrelated|an\s+earlier|a\s+previous|a\s+similar)\s+(?:shooting|incident|attack)|"
    r"citywide|nationwide|homicides?\s+(?:in|this|so)|(?:mass\s+)?shootings\s+(?:in|across)\s+(?:the\s+)?u\.?s|"
    r"(?:per|a|each)\s+year|every\s+year|annually|record\s+number|previous(?:ly)?\s+(?:shootings|incidents)|"
    r"throughout\s+the\s+(?:city|county|state|region|area)|across\s+the\s+(?:five\s+boroughs|region|area|metro)|"
    r"incidents\s+spanning|\d+-hour\s+(?:span|period|stretch)|(?:separate|multiple)\s+incidents)",
    re.IGNORECASE,
)
_VAGUE_WORDS = re.compile(r"\b(?:dozens|scores|hundreds|thousands|millions|several|few|handful|couple)\b", re.I)
_SINGLE_START = re.compile(
    r"^(?:(?:a|an|another|the|this|that|his|her|their)\s|[Hh]e\b|[Ss]he\b|\d+-year-old\b|[A-Z][a-z])"
)


# The teaser of another story: "RELATED: Man killed in drive-by", "► Related: ...", "More Stories: ...". gva-dev
# --stories rules: without it killed 0.8940 -> 0.8920, injured 0.8196 -> 0.8186.
TEASERS = True
_TEASER = re.compile(
    r"(?:^|[►•|]\s*)(?:related(?:\s+(?:stories|story|coverage|links?|news|articles?|content))?|see\s+also|also\s+read|"
    r"read\s+(?:more|also)|more\s+(?:stories|news|from)|trending(?:\s+now)?|top\s+stories|most\s+(?:read|popular)|"
    r"you\s+may\s+also\s+like|recommended)\s*[:|]",
    re.IGNORECASE,
)


def roundup(sentence: str) -> bool:
    """True when a sentence tallies many events or another period ("so far this year"), or is the teaser of
    another story ("RELATED: ...")."""
    return ROUNDUP.search(sentence) is not None or (TEASERS and _TEASER.search(sentence) is not None)


@dataclass(slots=True)
class Mention:
    """One casualty count as the summary reads it (a ``counts.Count`` or a stored ``Fact``)."""

    text: str
    value: float
    category: str
    single: bool
    vague: bool
    ref: Any = None  # the fact or count it was read from


def mention_of(text: str, value: float, category: str, attrs: dict[str, Any] | None = None, ref: Any = None) -> Mention:
    """A Mention from a stored fact: ``single``/``vague`` from its attrs, else read from its words."""
    attrs = attrs or {}
    single = attrs.get("single")
    if single is None:
        single = value == 1 and bool(_SINGLE_START.match(text)) and not re.match(r"(?i)one\b", text)
    vague = attrs.get("vague")
    if vague is None:
        vague = not re.search(r"\d", text.split(" ", 1)[0]) and bool(_VAGUE_WORDS.search(text))
    category = "injured" if category == "wounded" else category
    return Mention(text, float(value), category, bool(single), bool(vague), ref)


def article_tolls(mentions: Iterable[Mention]) -> dict[str, tuple[float, Any]]:
    """Killed/injured figures of one article's mentions, each with the mention that best supports it."""
    items = [m for m in mentions if m.category in CASUALTY_CATEGORIES]
    summary = casualty_summary(items)
    out: dict[str, tuple[float, Any]] = {}
    for slot, value in summary.items():
        same = [m for m in items if m.category == slot and m.value == value]
        shot = [m for m in items if m.category in ("shot", "hospitalized")]
        either = [m for m in items if m.category == slot]
        ref = (same or either or shot or items)[0].ref
        out[slot] = (value, ref)
    return out
