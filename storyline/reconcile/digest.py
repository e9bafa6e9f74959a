"""A story's timeline (what happened and when it was reported) and a short extractive digest.

The digest picks sentences from the articles themselves and cites every outlet that states
the same thing, so each line can be checked against its sources; nothing is generated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from storyline.extract.sentences import split_sentences
from storyline.model import Article, Story
from storyline.reconcile.slots import day_of

_WORD = re.compile(r"\w+")
SAME_SENTENCE = 0.5  # token Jaccard at which two outlets' sentences say the same thing (set by hand)
LEAD_SENTENCES = 6  # candidate sentences per article: news puts what matters first


@dataclass(slots=True)
class TimelineEntry:
    day: date
    kind: str  # "event" (a dated fact from the text) or "report" (an article's publication)
    text: str
    article_ids: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DigestLine:
    sentence: str
    article_ids: list[str]
    outlets: list[str]


def timeline(story: Story, articles: list[Article]) -> list[TimelineEntry]:
    """Dated events read from the text (counts with a day, dated claims) and the reports, in date order."""
    entries: dict[tuple[date, str], TimelineEntry] = {}
    for a in articles:
        for f in a.facts:
            day = day_of(f.period) if f.type == "count" and f.period else None
            if day is None or f.category is None:
                continue
            text = f"{f.qualifier + ' ' if f.qualifier not in (None, 'exact') else ''}{f.value:g} {f.category}"
            entry = entries.setdefault((day, text), TimelineEntry(day, "event", text))
            if a.id not in entry.article_ids:
                entry.article_ids.append(a.id)
                entry.outlets.append(a.outlet or a.id)
        if a.best_published:
            label = f"{a.outlet or a.id} reports: {a.title or a.id}"
            entries[(a.best_published, label)] = TimelineEntry(
                a.best_published, "report", label, [a.id], [a.outlet or a.id]
            )
    for claim in story.claims:
        day = day_of(str(claim.value)) if claim.slot.endswith("_date") and claim.value else None
        if day is not None and claim.slot != "event_date":
            label = f"{claim.slot.replace('_', ' ')} ({claim.status})"
            ids = [s.article_id for s in claim.support if s.value is not None]
            entries.setdefault(
                (day, label), TimelineEntry(day, "event", label, ids, [s.outlet or "" for s in claim.support])
            )
    return sorted(entries.values(), key=lambda e: (e.day, e.kind != "event", e.text))


def _tokens(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) > 2}


def digest(story: Story, articles: list[Article], size: int = 5) -> list[DigestLine]:
    """Up to ``size`` lead sentences, those that the most outlets state (or that hold facts) first."""
    groups: list[tuple[set[str], DigestLine, int, float]] = []  # tokens, line, first position, fact weight
    for a in articles:
        if a.duplicate_of:
            continue  # a wire copy is not a second source
        body = a.body or ""
        starts = {f.sentence_start for f in a.facts if f.type in ("count", "quote", "time") and not f.in_title}
        for position, sentence in enumerate(split_sentences(body)[:LEAD_SENTENCES]):
            toks = _tokens(sentence.text)
            if len(toks) < 5:
                continue
            weight = 1.0 if sentence.start in starts else 0.0
            for i, (gtoks, line, first, w) in enumerate(groups):
                if len(toks & gtoks) / len(toks | gtoks) >= SAME_SENTENCE:
                    if a.id not in line.article_ids:
                        line.article_ids.append(a.id)
                        line.outlets.append(a.outlet or a.id)
                    groups[i] = (gtoks, line, min(first, position), max(w, weight))
                    break
            else:
                groups.append((toks, DigestLine(sentence.text, [a.id], [a.outlet or a.id]), position, weight))
    ranked = sorted(groups, key=lambda g: (-len(g[1].article_ids), -g[3], g[2]))[:size]
    return [g[1] for g in sorted(ranked, key=lambda g: g[2])]
