"""The few types that flow through every stage: Article, Fact, Story, Claim.

One object carries a document from input to export (STYLE.md): stages fill in
fields of the same ``Article``; nothing is turned into a dict until the store or
the exporter writes it out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal
from urllib.parse import urlsplit

FactType = Literal["count", "time", "quote", "attribution", "entity", "location", "absence"]
Qualifier = Literal["exact", "at least", "at most", "about", "more than", "fewer than", "range"]
# attrs["field"] of a fact read in the article's title rather than its body (Fact.in_title)
TITLE_FIELD = "title"
ClaimStatus = Literal["agreed", "conflict", "single", "updated"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


def content_hash(*parts: str | None) -> str:
    """Stable hash of the raw input of an article: re-ingesting the same bytes is a no-op."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update((part or "").encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


@dataclass(slots=True)
class Article:
    """One page, from raw input to cleaned, grouped and annotated article."""

    id: str
    raw_text: str | None = None
    raw_html: str | None = None
    url: str | None = None
    source: str | None = None  # the file (and line) it was read from
    # known before extraction (feed fields), kept apart from what cleaning finds
    feed_title: str | None = None
    feed_published: date | None = None
    feed_outlet: str | None = None
    # filled by clean
    title: str | None = None
    published: date | None = None
    published_inferred: bool = False  # True when the date is a lower bound read from the page
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    wire: str | None = None  # "AP", "Reuters", ... when the byline names a wire service
    body: str | None = None
    captions: list[str] = field(default_factory=list)
    language: str | None = None
    # filled by group
    story_id: str | None = None
    duplicate_of: str | None = None
    # filled by extract
    facts: list[Fact] = field(default_factory=list)
    # read with the facts (reconcile.read_event_day): the day the main event happened and how surely the
    # article says so; ``event_day_score`` None: not read (an article stored before storyline kept it)
    event_day: date | None = None
    event_day_score: float | None = None
    hash: str = ""

    def __post_init__(self) -> None:
        if not self.hash:
            self.hash = content_hash(self.raw_text, self.raw_html, self.url)

    @property
    def best_published(self) -> date | None:
        return self.feed_published or self.published

    @property
    def site(self) -> str | None:
        """The outlet the article stands for: its URL's host without "www."/"m.", else its outlet's name,
        lower-cased (stored, and indexed, to find an outlet's articles)."""
        if self.url:
            host = urlsplit(self.url if "//" in self.url else f"//{self.url}").hostname or ""
            host = host.removeprefix("www.").removeprefix("m.")
            if host:
                return host
        return self.outlet.strip().lower() if self.outlet and self.outlet.strip() else None


@dataclass(slots=True)
class Fact:
    """One thing an article states, with the exact words and sentence it was read from.

    ``start``/``end`` are character offsets of ``text`` in the article's ``body``;
    ``sentence_start`` is the offset of ``sentence``. A quote read in a headline the body does
    not repeat is the one exception: ``attrs["field"]`` is ``"title"`` and its offsets index
    the ``title`` (``in_title``). Type-specific fields are None when they do not apply.
    """

    fact_id: str
    article_id: str
    type: FactType
    text: str
    sentence: str
    start: int
    end: int
    extractor: str
    extractor_version: str
    sentence_start: int = 0
    # count
    value: Any = None  # number for counts, TIMEX3 string for times, name for entities
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier | None = None
    category: str | None = None
    period: str | None = None
    # time
    timex_type: TimexType | None = None
    # quote / attribution
    speaker: str | None = None
    cue: str | None = None
    content: str | None = None
    direct: bool | None = None
    # anything else a specific extractor records (entity label, gazetteer ids, speaker title, ...)
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def in_title(self) -> bool:
        """Read in the article's title, not its body: the offsets index the title."""
        return self.attrs.get("field") == TITLE_FIELD


@dataclass(slots=True)
class Support:
    article_id: str
    fact_id: str
    value: Any
    outlet: str | None = None
    published: date | None = None


@dataclass(slots=True)
class Claim:
    """One slot of one story reconciled across all its articles."""

    story_id: str
    slot: str
    value: Any
    status: ClaimStatus
    low: float | str | None = None
    high: float | str | None = None
    support: list[Support] = field(default_factory=list)
    note: str = ""


@dataclass(slots=True)
class Location:
    city: str | None = None
    region: str | None = None
    country: str | None = None


@dataclass(slots=True)
class Story:
    """Articles about one event, with the event record and the reconciled claims."""

    story_id: str
    title: str = ""
    article_ids: list[str] = field(default_factory=list)
    event_date: date | None = None
    location: Location = field(default_factory=Location)
    event_types: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    first_published: date | None = None
    last_published: date | None = None


@dataclass(slots=True)
class Rejected:
    """An input that could not become an article, and why."""

    id: str
    reason: str
    source: str | None = None
