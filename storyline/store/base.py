"""The one Store protocol every backend implements, and the unit of work it commits."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from storyline.model import Article, Rejected, Story


@dataclass(slots=True)
class Batch:
    """Everything one run writes, committed in one transaction or not at all."""

    articles: list[Article] = field(default_factory=list)  # new articles, cleaned, grouped, with facts
    moved: dict[str, str] = field(default_factory=dict)  # stored article id -> its new story id (merges)
    stories: list[Story] = field(default_factory=list)  # every story the batch touched, with claims
    dropped_stories: set[str] = field(default_factory=set)  # stories absorbed by a merge
    rejected: list[Rejected] = field(default_factory=list)
    state: dict[str, bytes] = field(default_factory=dict)  # stage state blobs (templates, grouper index)


@dataclass(frozen=True, slots=True)
class StoryFilter:
    """Filters shared by the CLI, the API and the web UI."""

    text: str | None = None  # full-text search on article titles and bodies
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    place: str | None = None  # city, region or country of the event record
    event_type: str | None = None
    status: str | None = None  # stories with at least one claim of this status
    limit: int = 50
    offset: int = 0


class Store(Protocol):
    """Articles, stories, facts, claims and stage state, with provenance."""

    def article_status(self, ids_hashes: Iterable[tuple[str, str]]) -> dict[str, str]:
        """For each (id, hash): "new", "same" (already stored, unchanged) or "changed" (id taken)."""
        ...

    def get_state(self, key: str) -> bytes | None: ...

    def commit(self, batch: Batch) -> None:
        """Write a batch atomically: after a crash either all of it is stored or none."""
        ...

    def articles(
        self,
        *,
        ids: Iterable[str] | None = None,
        story_ids: Iterable[str] | None = None,
        facts: bool = True,
        raw: bool = True,
        body: bool = True,
    ) -> list[Article]:
        """Articles by id or by story, oldest first; ``raw=False`` leaves out the page as read,
        ``body=False`` the body too (both read as None)."""
        ...

    def attach_facts(self, articles: list[Article]) -> None:
        """Append each article's stored facts to ``article.facts`` (articles read with ``facts=False``)."""
        ...

    def iter_articles(self, *, facts: bool = True, batch_size: int = 500) -> Iterator[Article]: ...

    def story(self, story_id: str) -> Story | None: ...

    def iter_stories(self, *, batch_size: int = 500) -> Iterator[Story]:
        """Every story with its claims, a page at a time."""
        ...

    def write_lock(self) -> AbstractContextManager[None]:
        """Serialise writers around a read-modify-write of stage state (grouper index) and commit."""
        ...

    def stories(self, where: StoryFilter | None = None) -> list[Story]: ...

    def count_stories(self, where: StoryFilter | None = None) -> int: ...

    def story_ids_of(self, article_ids: Iterable[str]) -> set[str]: ...

    def story_ids_of_sites(self, sites: Iterable[str]) -> set[str]:
        """The stories holding an article of one of these outlets (``Article.site``)."""
        ...

    def rejected(self) -> list[Rejected]: ...

    def counts(self) -> dict[str, int]:
        """Rows per table: articles, stories, facts, claims, rejected."""
        ...

    def close(self) -> None: ...
