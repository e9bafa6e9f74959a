"""Model objects to and from table rows, shared by every SQL backend."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any, TypeVar

import msgspec

from storyline.model import Article, Claim, Fact, Location, Story, Support

ARTICLE_COLUMNS = (
    "id",
    "hash",
    "url",
    "source",
    "feed_title",
    "feed_published",
    "feed_outlet",
    "title",
    "published",
    "published_inferred",
    "outlet",
    "authors",
    "wire",
    "body",
    "captions",
    "language",
    "story_id",
    "duplicate_of",
    "event_day",
    "event_day_score",
    "site",  # derived (Article.site), written for the index, not read back
    "raw_text",
    "raw_html",
)
RAW_COLUMNS = ("raw_text", "raw_html")  # the page as read: the largest columns by far


def article_select(raw: bool = True, body: bool = True) -> str:
    """The article columns for a SELECT, with the raw page (and with ``body=False`` the body) left out,
    read as NULL: grouping and reconciling reload the stored articles of every touched story and never
    need the raw page; a long story's older reports are reloaded for their ids, dates and titles only."""
    left_out = (RAW_COLUMNS if not raw else ()) + (("body",) if not body else ())
    return ", ".join(f"NULL AS {c}" if c in left_out else c for c in ARTICLE_COLUMNS)


T = TypeVar("T")


def paged(
    fetch: Callable[[str, int], Sequence[Any]],
    build: Callable[[Any], T],
    key: Callable[[T], str],
    finish: Callable[[list[T]], None],
    batch_size: int,
) -> Iterator[T]:
    """Every row of a table in key order, a page at a time (flat memory on export): ``fetch(last,
    n)`` reads the next n rows after key ``last``, ``finish`` attaches what a page needs."""
    last = ""
    while True:
        rows = fetch(last, batch_size)
        if not rows:
            return
        page = [build(r) for r in rows]
        finish(page)
        yield from page
        last = key(page[-1])


FACT_COLUMNS = (
    "fact_id",
    "article_id",
    "type",
    "text",
    "sentence",
    "sentence_start",
    "start",
    "end_",
    "extractor",
    "extractor_version",
    "value",
    "low",
    "high",
    "qualifier",
    "category",
    "period",
    "timex_type",
    "speaker",
    "cue",
    "content",
    "direct",
    "attrs",
)
STORY_COLUMNS = (
    "story_id",
    "title",
    "article_ids",
    "event_date",
    "city",
    "region",
    "country",
    "event_types",
    "actors",
    "first_published",
    "last_published",
)
CLAIM_COLUMNS = ("story_id", "slot", "value", "status", "low", "high", "support", "note")


def iso_day(value: date | None) -> str | None:
    """A day as YYYY-MM-DD, None as None: the one date format of rows and exports."""
    return value.isoformat() if value else None


def _parse_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# One encoder and decoder for every row: a commit encodes two values per fact (~40 facts an article
# on gva-dev) and an export or a reconcile decodes them again. msgspec is 2-5x faster than the
# standard json module on these small values (benchmarks/bench_e2e.py: export 3.0 s -> see README);
# its output is compact JSON, which the standard module (and every older store) reads the same.
_ENCODER = msgspec.json.Encoder(enc_hook=str)
_DECODER = msgspec.json.Decoder()


def dumps(value: Any) -> str:
    if value is None:
        return "null"
    if not value and isinstance(value, dict):
        return "{}"
    return _ENCODER.encode(value).decode()


def loads(text: str | bytes) -> Any:
    """A stored JSON value (any JSON: rows written by the standard json module read the same)."""
    if text == "{}":
        return {}
    return _DECODER.decode(text)


def article_row(a: Article) -> tuple[Any, ...]:
    return (
        a.id,
        a.hash,
        a.url,
        a.source,
        a.feed_title,
        iso_day(a.feed_published),
        a.feed_outlet,
        a.title,
        iso_day(a.published),
        int(a.published_inferred),
        a.outlet,
        dumps(a.authors),
        a.wire,
        a.body,
        dumps(a.captions),
        a.language,
        a.story_id,
        a.duplicate_of,
        iso_day(a.event_day),
        a.event_day_score,
        a.site,
        a.raw_text,
        a.raw_html,
    )


def article_from_row(row: Any) -> Article:
    r = dict(zip(ARTICLE_COLUMNS, row, strict=True))
    return Article(
        id=r["id"],
        hash=r["hash"],
        url=r["url"],
        source=r["source"],
        feed_title=r["feed_title"],
        feed_published=_parse_day(r["feed_published"]),
        feed_outlet=r["feed_outlet"],
        title=r["title"],
        published=_parse_day(r["published"]),
        published_inferred=bool(r["published_inferred"]),
        outlet=r["outlet"],
        authors=loads(r["authors"]),
        wire=r["wire"],
        body=r["body"],
        captions=loads(r["captions"]),
        language=r["language"],
        story_id=r["story_id"],
        duplicate_of=r["duplicate_of"],
        event_day=_parse_day(r["event_day"]),
        event_day_score=r["event_day_score"],
        raw_text=r["raw_text"],
        raw_html=r["raw_html"],
    )


def fact_row(f: Fact) -> tuple[Any, ...]:
    return (
        f.fact_id,
        f.article_id,
        f.type,
        f.text,
        f.sentence,
        f.sentence_start,
        f.start,
        f.end,
        f.extractor,
        f.extractor_version,
        dumps(f.value),
        f.low,
        f.high,
        f.qualifier,
        f.category,
        f.period,
        f.timex_type,
        f.speaker,
        f.cue,
        f.content,
        None if f.direct is None else int(f.direct),
        dumps(f.attrs),
    )


def fact_from_row(row: Sequence[Any], memo: dict[str, str] | None = None) -> Fact:
    """A fact from its row in FACT_COLUMNS order (unpacked by position: an export reads every fact).

    ``memo`` shares one string object among the facts of a batch for the values they repeat (the
    article id, the sentence, the extractor and its version, the type and the labels): a story's
    latest reports hold ~40 facts each over ~15 sentences, and reconciling a chunk's touched stories
    reads tens of thousands of facts at once."""
    (fact_id, article_id, type_, text, sentence, sentence_start, start, end, extractor, version, value,
     low, high, qualifier, category, period, timex_type, speaker, cue, content, direct, attrs) = row  # fmt: skip
    if memo is not None:
        share = memo.setdefault
        article_id, type_, sentence, extractor, version = (
            share(article_id, article_id), share(type_, type_), share(sentence, sentence),
            share(extractor, extractor), share(version, version),
        )  # fmt: skip
        if category is not None:
            category = share(category, category)
        if qualifier is not None:
            qualifier = share(qualifier, qualifier)
    return Fact(
        fact_id=fact_id,
        article_id=article_id,
        type=type_,
        text=text,
        sentence=sentence,
        sentence_start=sentence_start,
        start=start,
        end=end,
        extractor=extractor,
        extractor_version=version,
        value=loads(value),
        low=low,
        high=high,
        qualifier=qualifier,
        category=category,
        period=period,
        timex_type=timex_type,
        speaker=speaker,
        cue=cue,
        content=content,
        direct=None if direct is None else bool(direct),
        attrs=loads(attrs),
    )


def story_row(s: Story) -> tuple[Any, ...]:
    loc = s.location
    return (
        s.story_id,
        s.title,
        dumps(s.article_ids),
        iso_day(s.event_date),
        loc.city,
        loc.region,
        loc.country,
        dumps(s.event_types),
        dumps(s.actors),
        iso_day(s.first_published),
        iso_day(s.last_published),
    )


def story_from_row(row: Any) -> Story:
    r = dict(zip(STORY_COLUMNS, row, strict=True))
    return Story(
        story_id=r["story_id"],
        title=r["title"],
        article_ids=loads(r["article_ids"]),
        event_date=_parse_day(r["event_date"]),
        location=Location(city=r["city"], region=r["region"], country=r["country"]),
        event_types=loads(r["event_types"]),
        actors=loads(r["actors"]),
        first_published=_parse_day(r["first_published"]),
        last_published=_parse_day(r["last_published"]),
    )


def support_json(s: Support) -> dict[str, Any]:
    """One supporting fact of a claim, as stored and as exported."""
    return {
        "article_id": s.article_id,
        "fact_id": s.fact_id,
        "value": s.value,
        "outlet": s.outlet,
        "published": iso_day(s.published),
    }


def claim_row(c: Claim) -> tuple[Any, ...]:
    return (
        c.story_id,
        c.slot,
        dumps(c.value),
        c.status,
        dumps(c.low),
        dumps(c.high),
        dumps([support_json(s) for s in c.support]),
        c.note,
    )


def claim_from_row(row: Any) -> Claim:
    r = dict(zip(CLAIM_COLUMNS, row, strict=True))
    support = [
        Support(
            article_id=s["article_id"],
            fact_id=s["fact_id"],
            value=s["value"],
            outlet=s.get("outlet"),
            published=_parse_day(s.get("published")),
        )
        for s in loads(r["support"])
    ]
    return Claim(
        story_id=r["story_id"],
        slot=r["slot"],
        value=loads(r["value"]),
        status=r["status"],
        low=loads(r["low"]),
        high=loads(r["high"]),
        support=support,
        note=r["note"],
    )
