"""The export files of CONTRACT.md (articles, stories, facts, claims, rejected) and the events CSV.

This is how storyline is evaluated: keep the field names and types stable.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import msgspec

from storyline.model import Article, Claim, Fact, Rejected, Story
from storyline.store.rows import iso_day, support_json


def article_json(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "story_id": a.story_id,
        "duplicate_of": a.duplicate_of,
        "title": a.title,
        "outlet": a.outlet,
        "url": a.url,
        "published": iso_day(a.best_published),
        "published_inferred": a.published_inferred and a.feed_published is None,
        "authors": a.authors,
        "wire": a.wire,
        "body": a.body,
        "captions": a.captions,
    }


def story_json(s: Story) -> dict[str, Any]:
    return {
        "story_id": s.story_id,
        "title": s.title,
        "article_ids": s.article_ids,
        "event_date": iso_day(s.event_date),
        "location": {"city": s.location.city, "region": s.location.region, "country": s.location.country},
        "event_types": s.event_types,
        "actors": s.actors,
        "first_published": iso_day(s.first_published),
        "last_published": iso_day(s.last_published),
    }


def fact_json(f: Fact, story_id: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "fact_id": f.fact_id,
        "article_id": f.article_id,
        "story_id": story_id,
        "type": f.type,
        "text": f.text,
        "sentence": f.sentence,
        "start": f.start,
        "end": f.end,
        "extractor": f.extractor,
        "extractor_version": f.extractor_version,
    }
    if f.type == "count":
        out.update(value=f.value, low=f.low, high=f.high, qualifier=f.qualifier, category=f.category, period=f.period)
    elif f.type == "time":
        out.update(value=f.value, timex_type=f.timex_type)
    elif f.type in ("quote", "attribution"):
        out.update(speaker=f.speaker, cue=f.cue, content=f.content, direct=f.direct)
    else:
        out["value"] = f.value
    if f.attrs:
        out["attrs"] = f.attrs
    return out


def claim_json(c: Claim) -> dict[str, Any]:
    return {
        "story_id": c.story_id,
        "slot": c.slot,
        "value": c.value,
        "low": c.low,
        "high": c.high,
        "status": c.status,
        "support": [support_json(s) for s in c.support],
        "note": c.note,
    }


def rejected_json(r: Rejected) -> dict[str, Any]:
    return {"id": r.id, "reason": r.reason, "source": r.source}


EVENT_COLUMNS = [
    "event_id",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_types",
    "actors",
    "country",
    "region",
    "city",
    "fatalities",
    "injuries",
    "sources",
    "source_count",
    "notes",
]


def event_row(s: Story, outlets: list[str]) -> dict[str, Any]:
    """One story in the column layout conflict-event analysts use (ACLED-like)."""
    claims = {c.slot: c for c in s.claims}
    killed, injured = claims.get("killed"), claims.get("injured")
    precision = 1 if "event_date" in claims else 3  # 1: day read from the text; 3: publication date only
    notes = "; ".join(f"{c.slot}: {c.status}" for c in s.claims if c.status in ("conflict", "updated"))
    return {
        "event_id": s.story_id,
        "event_date": iso_day(s.event_date),
        "time_precision": precision,
        "event_type": s.event_types[0] if s.event_types else "",
        "sub_event_types": ";".join(s.event_types[1:]),
        "actors": ";".join(s.actors),
        "country": s.location.country or "",
        "region": s.location.region or "",
        "city": s.location.city or "",
        "fatalities": "" if killed is None else killed.value,
        "injuries": "" if injured is None else injured.value,
        "sources": ";".join(outlets),
        "source_count": len(outlets),
        "notes": s.title + (f" [{notes}]" if notes else ""),
    }


class _Writer:
    """JSON Lines (UTF-8, compact) written to a temporary name and renamed, so a crash leaves no half
    file. msgspec encodes a record ~5x faster than json.dumps (84k facts of gva-dev: 0.64 -> 0.13 s)."""

    _encoder = msgspec.json.Encoder(enc_hook=str)

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_suffix(path.suffix + ".tmp")
        self.handle = self.tmp.open("wb")
        self.buffer = bytearray()

    def write(self, record: dict[str, Any]) -> None:
        self._encoder.encode_into(record, self.buffer, -1)
        self.buffer += b"\n"
        if len(self.buffer) > 1 << 20:
            self.handle.write(self.buffer)
            self.buffer.clear()

    def close(self) -> None:
        self.handle.write(self.buffer)
        self.handle.close()
        os.replace(self.tmp, self.path)


def write_export(
    directory: Path, stories: Iterable[Story], articles: Iterator[Article], rejected: list[Rejected]
) -> dict[str, int]:
    """Write the contract's five files and events.csv; returns lines written per file."""
    directory.mkdir(parents=True, exist_ok=True)
    counts = {"articles": 0, "stories": 0, "facts": 0, "claims": 0, "rejected": 0}
    writers = {name: _Writer(directory / f"{name}.jsonl") for name in counts}
    outlets: dict[str, set[str]] = {}
    for a in articles:
        writers["articles"].write(article_json(a))
        counts["articles"] += 1
        if a.story_id:
            outlets.setdefault(a.story_id, set()).add(a.outlet or a.id)
        for f in a.facts:
            writers["facts"].write(fact_json(f, a.story_id))
            counts["facts"] += 1
    tmp_csv = directory / "events.csv.tmp"
    with tmp_csv.open("w", encoding="utf-8", newline="") as handle:
        events = csv.DictWriter(handle, fieldnames=EVENT_COLUMNS)
        events.writeheader()
        for s in stories:
            writers["stories"].write(story_json(s))
            counts["stories"] += 1
            for c in s.claims:
                writers["claims"].write(claim_json(c))
                counts["claims"] += 1
            events.writerow(event_row(s, sorted(outlets.get(s.story_id, set()))))
    os.replace(tmp_csv, directory / "events.csv")
    for r in rejected:
        writers["rejected"].write(rejected_json(r))
        counts["rejected"] += 1
    for w in writers.values():
        w.close()
    return counts
