"""From one article's facts to slot values: what each source says about each slot of its story.

A slot is one question a story answers: ``killed``, ``injured``, ``missiles``,
``meeting_date``, ``event_date``, ``location``, ``quote:<speaker>``. Counts whose
period is a day other than the story's event date get a dated slot
(``killed@2023-12-29``), so figures of two different attacks are never merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from storyline.extract.counts_scope import CASUALTY_CATEGORIES, Mention, article_tolls, mention_of, roundup
from storyline.model import Article, Fact

# Words that make a sentence about a scheduled meeting rather than about what happened.
MEETING = re.compile(
    r"\b(meet(?:ing|s)?|convene[sd]?|summit|talks|council session|session|conference|hearing|vote)\b", re.I
)
SPEECH = re.compile(
    r"\b(said|says|announced|told|stated|wrote|reported|according|highlighted|urged|called)\b", re.I
)
FUTURE = re.compile(
    r"\b(will|would|shall|plans? to|planned|upcoming|next|scheduled|to be held|is to|are to)\b", re.I
)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Counts that describe an event's toll or size; other categories (ages, years) never become slots.
COUNT_SLOTS = {
    "killed",
    "injured",
    "missing",
    "arrested",
    "missiles",
    "drones",
    "missiles_and_drones",
    "people",
    "troops",
    "shots",
    "evacuated",
    "displaced",
    "hostages",
    "wounded",
}
CASUALTY = {"killed", "injured", "missing", "wounded"}


@dataclass(slots=True)
class SlotValue:
    slot: str
    value: Any
    fact: Fact | None
    article: Article
    low: float | None = None
    high: float | None = None
    absent: bool = False  # the source says the value is not known (yet)
    strength: float = 0.0  # how informative, to pick one value per source


def day_of(value: str | None) -> date | None:
    if value and _DAY.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def article_event_date(article: Article) -> date | None:
    """When the article's main event happened: the first past day named in its lead, else None."""
    published = article.best_published
    for fact in article.facts:
        if fact.type != "time" or fact.timex_type not in ("DATE", "TIME"):
            continue
        if fact.sentence_start > 600:  # the lead: about the first three sentences of a news body
            break
        day = day_of(str(fact.value)[:10]) if fact.value else None
        if day is None:
            continue
        if published and not (published - timedelta(days=31) <= day <= published):
            continue
        if MEETING.search(fact.sentence) and FUTURE.search(fact.sentence):
            continue
        return day
    return None


def _meeting_date(fact: Fact, published: date | None) -> date | None:
    """The day a time fact gives for a scheduled meeting, or None when it is about something else."""
    if fact.timex_type != "DATE" or not MEETING.search(fact.sentence):
        return None
    day = day_of(str(fact.value))
    if day is None:
        return None
    if published and day < published:
        return None  # a meeting date announced in advance lies ahead of the report
    local = fact.start - fact.sentence_start
    meet = [m.start() for m in MEETING.finditer(fact.sentence)]
    speech = [m.start() for m in SPEECH.finditer(fact.sentence)]
    d_meet = min(abs(local - m) for m in meet)
    d_speech = min((abs(local - s) for s in speech), default=10**6)
    return day if d_meet <= d_speech else None


def _count_slot(fact: Fact, event_day: date | None) -> str | None:
    category = fact.category
    if category not in COUNT_SLOTS:
        return None
    if category == "wounded":
        category = "injured"
    period = fact.period
    day = day_of(period) if period else None
    if day is not None and event_day is not None and day != event_day:
        return f"{category}@{day.isoformat()}"
    return category


def _toll_values(article: Article, event_day: date | None) -> list[SlotValue]:
    """One killed and one injured figure per event day the article covers, not one per mention.

    The casualty counts of each day (the story's own day, or ``killed@<day>`` for another) are
    summed up by ``counts.casualty_summary``: "four people were shot, one fatally" gives killed 1
    and injured 3. Counts in round-up sentences ("17 shot this weekend") are left out.
    """
    groups: dict[str, list[Mention]] = {}
    for fact in article.facts:
        if fact.type != "count" or fact.value is None or fact.category not in CASUALTY_CATEGORIES:
            continue
        if roundup(fact.sentence):
            continue
        fact_day = day_of(fact.period) if fact.period else None
        suffix = f"@{fact_day.isoformat()}" if fact_day and event_day and fact_day != event_day else ""
        mention = mention_of(fact.text, float(fact.value), fact.category or "", fact.attrs, ref=fact)
        groups.setdefault(suffix, []).append(mention)
    out: list[SlotValue] = []
    for suffix, mentions in groups.items():
        for slot, (value, fact) in article_tolls(mentions).items():
            out.append(
                SlotValue(
                    slot + suffix,
                    value,
                    fact,
                    article,
                    low=fact.low if fact.value == value else None,
                    high=fact.high if fact.value == value else None,
                    strength=value + (0.5 if fact.qualifier == "exact" else 0.0),
                )
            )
    return out


def _quote_key(fact: Fact) -> str:
    from storyline.extract.entities import entity_key

    return entity_key(fact.speaker or "unknown")


def slot_values(article: Article, event_day: date | None) -> list[SlotValue]:
    """Every slot value this article states, absences included."""
    out: list[SlotValue] = []
    published = article.best_published
    out += _toll_values(article, event_day)
    for fact in article.facts:
        if fact.type == "count" and fact.value is not None and fact.category not in CASUALTY_CATEGORIES:
            slot = _count_slot(fact, event_day)
            if slot:
                value = float(fact.value)
                out.append(
                    SlotValue(
                        slot,
                        value,
                        fact,
                        article,
                        low=fact.low,
                        high=fact.high,
                        strength=value + (0.5 if fact.qualifier == "exact" else 0.0),
                    )
                )
        elif fact.type == "time":
            day = _meeting_date(fact, published)
            if day is not None:
                out.append(SlotValue("meeting_date", day.isoformat(), fact, article, strength=2.0))
        elif fact.type == "quote" and fact.content and fact.speaker:
            out.append(SlotValue(f"quote:{_quote_key(fact)}", fact.content, fact, article, strength=1.0))
        elif fact.type == "absence" and fact.attrs.get("about") in ("meeting", "summit", "talks", "session"):
            for what in fact.attrs.get("what", []):
                if what in ("date", "place"):
                    out.append(SlotValue(f"meeting_{what}", None, fact, article, absent=True))
    day = article_event_date(article)
    if day is not None:
        out.append(SlotValue("event_date", day.isoformat(), None, article, strength=1.0))
    loc = next((f for f in article.facts if f.type == "location" and f.attrs.get("kind") == "main"), None)
    if loc is not None:
        parts = [loc.attrs.get(k) for k in ("city", "region", "country")]
        out.append(SlotValue("location", ", ".join(p for p in parts if p), loc, article, strength=1.0))
    return out
