"""Reconcile: each story's facts across outlets into claims and one event record."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from storyline.extract.places import Place, find_places, main_location
from storyline.model import Article, Location, Story
from storyline.reconcile.claims import reconcile_claims, source_of
from storyline.reconcile.slots import SlotValue, article_event_date, slot_values

__all__ = ["reconcile_story"]

# Event vocabulary read in titles and leads; killing/injuring come from the reconciled tolls.
EVENT_WORDS = {
    "shooting": r"\bshoot(?:ing|ings|s)?\b|\bshot\b|\bgunfire\b|\bgunman\b|\bgunshot",
    "attack": r"\battack(?:s|ed)?\b|\bstrikes?\b|\bmissiles?\b|\bdrones?\b|\bbomb(?:ing)?s?\b|\bshelling\b",
    "meeting": r"\bmeeting\b|\bconvene[sd]?\b|\bsummit\b|\btalks\b|\bcouncil\b",
    "protest": r"\bprotests?\b|\bdemonstrat(?:ion|ors)\b|\brall(?:y|ies)\b",
    "arrest": r"\barrest(?:ed|s)?\b|\bcharged\b|\bin custody\b",
    "disaster": r"\bearthquake\b|\bflood(?:s|ing)?\b|\bwildfire\b|\bhurricane\b|\btornado\b|\bstorm\b",
    "accident": r"\bcrash(?:ed|es)?\b|\bcollision\b|\bderail",
    "election": r"\belections?\b|\bvote[sd]?\b|\bballots?\b|\bprimary\b",
}
_EVENT_RE = {name: re.compile(pattern, re.I) for name, pattern in EVENT_WORDS.items()}
LEAD_CHARS = 600  # title plus roughly the first three sentences


def _event_types(articles: list[Article], tolls: dict[str, float]) -> list[str]:
    votes: Counter[str] = Counter()
    for a in articles:
        lead = f"{a.title or ''}\n{(a.body or '')[:LEAD_CHARS]}"
        for name, pattern in _EVENT_RE.items():
            if pattern.search(lead):
                votes[name] += 1
    need = max(1, len(articles) // 3)  # a type read in at least a third of the articles
    types = [name for name, n in votes.most_common() if n >= need]
    if tolls.get("killed", 0) > 0:
        types.append("killing")
    if tolls.get("injured", 0) > 0:
        types.append("injuring")
    return types


TITLE_WEIGHT = 1.5  # a place in the headline weighs as much as 1.5 mentions (gva-dev half A city accuracy)


def _article_location(article: Article) -> tuple[str | None, str | None, str | None] | None:
    """The article's main place from its headline and its body's places (the extractor's facts)."""
    places: list[Place] = []
    if article.title:
        for p in find_places(article.title, url=article.url):
            p.start, p.end = p.start - 10_000, p.end - 10_000  # the headline comes before the body
            p.confidence *= TITLE_WEIGHT
            places.append(p)
    for f in article.facts:
        if f.type == "location" and f.attrs.get("kind") != "main":
            places.append(
                Place(
                    f.text,
                    f.start,
                    f.end,
                    str(f.value),
                    str(f.attrs.get("kind")),
                    f.attrs.get("city"),
                    f.attrs.get("region"),
                    f.attrs.get("country"),
                    float(f.attrs.get("confidence") or 0.5),
                )
            )
    if not places:
        main = next((f for f in article.facts if f.type == "location" and f.attrs.get("kind") == "main"), None)
        return (main.attrs.get("city"), main.attrs.get("region"), main.attrs.get("country")) if main else None
    where = main_location(places)
    return where if any(where) else None


def _location(articles: list[Article]) -> Location:
    votes: Counter[tuple[str | None, str | None, str | None]] = Counter()
    for a in articles:
        where = _article_location(a)
        if where is not None:
            votes[where] += 1
    if not votes:
        return Location()
    (city, region, country), _ = votes.most_common(1)[0]
    return Location(city=city, region=region, country=country)


def _actors(articles: list[Article], limit: int = 8) -> list[str]:
    seen: Counter[str] = Counter()
    names: dict[str, str] = {}
    for a in articles:
        keys: set[str] = set()
        for f in a.facts:
            if f.type == "entity" and f.attrs.get("label") in ("PERSON", "ORG", "NORP"):
                key = str(f.attrs.get("key") or f.value)
                keys.add(key)
                if len(str(f.value)) > len(names.get(key, "")):
                    names[key] = str(f.value)
        seen.update(keys)
    return [names[k] for k, _ in seen.most_common(limit)]


def _event_day(articles: list[Article], by_id: dict[str, Article]) -> date | None:
    votes: Counter[date] = Counter()
    for a in articles:
        day = article_event_date(a)
        if day is not None and source_of(a, by_id) == a.id:
            votes[day] += 1
    if votes:
        return max(votes, key=lambda d: (votes[d], -d.toordinal()))
    published = [a.best_published for a in articles if a.best_published]
    return min(published) if published else None


def reconcile_story(story_id: str, articles: list[Article]) -> Story:
    """The event record and claims of one story from all its articles (stored and new)."""
    articles = sorted(articles, key=lambda a: (a.best_published or date.min, a.id))
    by_id = {a.id: a for a in articles}
    event_day = _event_day(articles, by_id)
    values: list[SlotValue] = []
    for a in articles:
        values += slot_values(a, event_day)
    claims = reconcile_claims(story_id, values, articles)
    tolls = {
        c.slot: float(c.value) for c in claims if c.slot in ("killed", "injured") and c.value is not None
    }
    published = [a.best_published for a in articles if a.best_published]
    title = next((a.title for a in articles if a.title and not a.duplicate_of), None) or next(
        (a.title for a in articles if a.title), ""
    )
    return Story(
        story_id=story_id,
        title=title or "",
        article_ids=[a.id for a in articles],
        event_date=event_day,
        location=_location(articles),
        event_types=_event_types(articles, tolls),
        actors=_actors(articles),
        claims=claims,
        first_published=min(published) if published else None,
        last_published=max(published) if published else None,
    )
