"""Counting questions over the event base: how many events of a type, in a place, in a period.

"How many killing incidents happened in Memphis, Tennessee in 2017-01?" is
``EventQuery(event_type="killing", city="Memphis", state="Tennessee", period="2017-01")``.
A period is a day, month or year of the story's *event date* (not the publication
date); ``killing`` means at least one person killed, ``injuring`` at least one injured.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from storyline.errors import InputError
from storyline.model import Story
from storyline.store import Store, StoryFilter

_PERIOD = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
TOLL_SLOT = {"killing": "killed", "injuring": "injured"}


def _us_state_names() -> dict[str, str]:
    try:
        import us
    except ImportError:
        return {}
    return {s.abbr.lower(): s.name for s in us.states.STATES_AND_TERRITORIES} | {"dc": "District of Columbia"}


_STATES = _us_state_names()
_ABBREV = re.compile(r"^(st|ft|mt)\.?\s", re.I)
_LONG = {"st": "saint", "ft": "fort", "mt": "mount"}


def normalise_place(name: str | None) -> str | None:
    """Case, US postal codes and St./Ft./Mt. folded, so "St. Louis, MO" matches "Saint Louis, Missouri"."""
    if not name:
        return None
    name = name.strip()
    if name.lower() in _STATES:
        name = _STATES[name.lower()]
    name = _ABBREV.sub(lambda m: _LONG[m.group(1).lower()] + " ", name)
    return " ".join(name.lower().split())


def period_bounds(period: str) -> tuple[date, date]:
    """First and last day of ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
    if not _PERIOD.match(period):
        raise InputError(f"period {period!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        parts = [int(p) for p in period.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
            return first, date.fromordinal(nxt.toordinal() - 1)
        day = date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise InputError(f"period {period!r} is not a real date") from exc
    return day, day


@dataclass(frozen=True, slots=True)
class EventQuery:
    event_type: str | None = None
    city: str | None = None
    state: str | None = None  # region: a US state, a province, an oblast
    country: str | None = None
    period: str | None = None

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> EventQuery:
        """A question line as in gva-*-questions.jsonl; an ``answer`` field is ignored."""
        return cls(
            event_type=record.get("event_type"),
            city=record.get("city"),
            state=record.get("state"),
            country=record.get("country"),
            period=record.get("period"),
        )


@dataclass(slots=True)
class QueryAnswer:
    answer: int
    story_ids: list[str] = field(default_factory=list)
    participants: dict[str, float] = field(default_factory=dict)  # killed / injured summed over the events
    sources: dict[str, list[str]] = field(default_factory=dict)  # story id -> article ids


def _claim_value(story: Story, slot: str) -> float:
    for claim in story.claims:
        if claim.slot == slot and claim.value is not None:
            try:
                return float(claim.value)
            except (TypeError, ValueError):
                return 0.0
    return 0.0


def matches(story: Story, q: EventQuery, bounds: tuple[date, date] | None) -> bool:
    if q.event_type:
        slot = TOLL_SLOT.get(q.event_type)
        if slot is not None:
            if _claim_value(story, slot) <= 0:
                return False
        elif q.event_type not in story.event_types:
            return False
    loc = story.location
    for wanted, have in ((q.city, loc.city), (q.state, loc.region), (q.country, loc.country)):
        if wanted and normalise_place(wanted) != normalise_place(have):
            return False
    return bounds is None or (story.event_date is not None and bounds[0] <= story.event_date <= bounds[1])


def answer_query(store: Store, q: EventQuery) -> QueryAnswer:
    """Count the stories (events) that match; with their tolls and sources."""
    bounds = period_bounds(q.period) if q.period else None
    # the store narrows by date and place where it can; the exact test is ``matches``
    where = StoryFilter(
        since=bounds[0] if bounds else None,
        until=bounds[1] if bounds else None,
        limit=10**9,
    )
    found = [s for s in store.stories(where) if matches(s, q, bounds)]
    found.sort(key=lambda s: (s.event_date or date.min, s.story_id))
    return QueryAnswer(
        answer=len(found),
        story_ids=[s.story_id for s in found],
        participants={
            "killed": sum(_claim_value(s, "killed") for s in found),
            "injured": sum(_claim_value(s, "injured") for s in found),
        },
        sources={s.story_id: s.article_ids for s in found},
    )
