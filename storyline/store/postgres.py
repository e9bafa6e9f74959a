"""PostgreSQL store: the same tables and answers as SQLite, for several writers on a server.

Selected by a ``postgresql://user:pass@host/db`` URL wherever a SQLite path is accepted.
Writers are serialized by one transaction-scoped advisory lock (``write_lock``), so the
read-modify-write of the grouper state by concurrent ingest processes loses nothing.
Text columns are declared ``COLLATE "C"`` so that ordering (and keyset paging) is by code
point, as in SQLite, whatever the database's default locale.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from storyline.errors import StoreError
from storyline.model import Article, Claim, Rejected, Story
from storyline.store.base import Batch, StoryFilter
from storyline.store.rows import (
    ARTICLE_COLUMNS,
    CLAIM_COLUMNS,
    FACT_COLUMNS,
    STORY_COLUMNS,
    article_from_row,
    article_row,
    article_select,
    claim_from_row,
    claim_row,
    fact_from_row,
    fact_row,
    paged,
    story_from_row,
    story_row,
)
from storyline.store.sql import ADDED_COLUMNS, ADDED_INDEXES, SCHEMA, story_where

try:  # the [scale] extra
    import psycopg
except ImportError:  # pragma: no cover - exercised only without the extra
    psycopg = None  # type: ignore[assignment]

# Any fixed 64-bit number works; it only has to be the same in every storyline process.
WRITE_LOCK_KEY = 0x5354_4F52_594C_494E  # "STORYLIN"
_CHUNK = 5000  # ids per ANY(%s) array: one round trip each, far below any server limit
_TEXT = "to_tsvector('simple', coalesce(a.title, '') || ' ' || coalesce(a.body, '')) @@ plainto_tsquery('simple', %s)"
_EXTRA = [
    "CREATE INDEX IF NOT EXISTS articles_fts ON articles USING gin"
    " (to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(body, '')))",
]


def pg_schema() -> list[str]:
    """The shared schema in PostgreSQL types: bytea blobs, float8 reals, byte-order text."""
    out = []
    added = [f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {kind}" for table, column, kind in ADDED_COLUMNS]
    for statement in SCHEMA + added:
        statement = re.sub(r"\bBLOB\b", "BYTEA", statement)
        statement = re.sub(r"\bREAL\b", "DOUBLE PRECISION", statement)  # REAL is float4 in PostgreSQL
        statement = re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', statement)
        out.append(statement)
    return out + list(ADDED_INDEXES) + _EXTRA


def _cols(columns: tuple[str, ...], prefix: str = "") -> str:
    return ", ".join(f"{prefix}{c}" for c in columns)


def _upsert(table: str, columns: tuple[str, ...], key: tuple[str, ...]) -> str:
    marks = ", ".join(["%s"] * len(columns))
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c not in key)
    return (
        f"INSERT INTO {table} ({_cols(columns)}) VALUES ({marks})"
        f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}"
    )


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


class PostgresStore:
    """Store backed by a PostgreSQL database (9.5+ for ON CONFLICT; 13+ tested)."""

    def __init__(self, url: str) -> None:
        if psycopg is None:
            raise StoreError("a postgresql:// store needs psycopg: pip install 'storyline[scale]'")
        self.url = url
        self._lock = threading.RLock()  # one connection, shared by the threads of one process
        try:
            self.conn = psycopg.connect(url, autocommit=True)
            with self.conn.transaction():
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
                for statement in pg_schema():
                    self.conn.execute(statement)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open store {_redact(url)}: {exc}") from exc
        self.fts = True

    # -- writing -------------------------------------------------------------------------------
    @contextmanager
    def write_lock(self) -> Iterator[None]:
        """Hold the store's writer lock for a read-modify-write: state read inside sees every
        earlier writer's commit, and a ``commit`` inside becomes part of the same transaction."""
        with self._lock:
            try:
                with self.conn.transaction():
                    self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
                    yield
            except psycopg.Error as exc:
                raise StoreError(f"write to {_redact(self.url)} failed: {exc}") from exc

    def commit(self, batch: Batch) -> None:
        with self._lock:
            try:
                with self.conn.transaction():  # a savepoint when inside write_lock
                    self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
                    self._write(batch)
            except psycopg.Error as exc:
                raise StoreError(f"write to {_redact(self.url)} failed: {exc}") from exc

    def _write(self, batch: Batch) -> None:
        with self.conn.cursor() as cur:
            ids = [a.id for a in batch.articles]
            cur.executemany(_upsert("articles", ARTICLE_COLUMNS, ("id",)), [article_row(a) for a in batch.articles])
            for chunk in _chunks(ids):
                cur.execute("DELETE FROM facts WHERE article_id = ANY(%s)", (chunk,))
            marks = ", ".join(["%s"] * len(FACT_COLUMNS))
            cur.executemany(
                f"INSERT INTO facts ({_cols(FACT_COLUMNS)}) VALUES ({marks})",
                [fact_row(f) for a in batch.articles for f in a.facts],
            )
            cur.executemany("UPDATE articles SET story_id = %s WHERE id = %s", [(s, a) for a, s in batch.moved.items()])
            for chunk in _chunks(sorted(batch.dropped_stories)):
                cur.execute("DELETE FROM stories WHERE story_id = ANY(%s)", (chunk,))
                cur.execute("DELETE FROM claims WHERE story_id = ANY(%s)", (chunk,))
            cur.executemany(_upsert("stories", STORY_COLUMNS, ("story_id",)), [story_row(s) for s in batch.stories])
            for chunk in _chunks([s.story_id for s in batch.stories]):
                cur.execute("DELETE FROM claims WHERE story_id = ANY(%s)", (chunk,))
            marks = ", ".join(["%s"] * len(CLAIM_COLUMNS))
            cur.executemany(
                f"INSERT INTO claims ({_cols(CLAIM_COLUMNS)}) VALUES ({marks})",
                [claim_row(c) for s in batch.stories for c in s.claims],
            )
            for chunk in _chunks(ids):  # stored now: no longer rejected
                cur.execute("DELETE FROM rejected WHERE id = ANY(%s)", (chunk,))
            cur.executemany(
                "INSERT INTO rejected (id, reason, source) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                [(r.id, r.reason, r.source) for r in batch.rejected],
            )
            cur.executemany(
                "INSERT INTO state (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                list(batch.state.items()),
            )

    # -- reading -------------------------------------------------------------------------------
    def _rows(self, sql: str, params: Any = None) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self.conn.execute(sql, params).fetchall()
            except psycopg.Error as exc:
                raise StoreError(f"read from {_redact(self.url)} failed: {exc}") from exc

    def article_status(self, ids_hashes: Iterable[tuple[str, str]]) -> dict[str, str]:
        pairs = list(ids_hashes)
        stored: dict[str, str] = {}
        for chunk in _chunks([i for i, _ in pairs]):
            stored.update(dict(self._rows("SELECT id, hash FROM articles WHERE id = ANY(%s)", (chunk,))))
        return {i: "new" if i not in stored else ("same" if stored[i] == h else "changed") for i, h in pairs}

    def get_state(self, key: str) -> bytes | None:
        rows = self._rows("SELECT value FROM state WHERE key = %s", (key,))
        return bytes(rows[0][0]) if rows else None

    def attach_facts(self, articles: list[Article]) -> None:
        by_id = {a.id: a for a in articles}
        memo: dict[str, str] = {}
        for chunk in _chunks(list(by_id)):
            rows = self._rows(
                f"SELECT {_cols(FACT_COLUMNS)} FROM facts WHERE article_id = ANY(%s)"
                " ORDER BY article_id, start, fact_id",
                (chunk,),
            )
            for row in rows:
                fact = fact_from_row(row, memo)
                by_id[fact.article_id].facts.append(fact)

    def articles(
        self,
        *,
        ids: Iterable[str] | None = None,
        story_ids: Iterable[str] | None = None,
        facts: bool = True,
        raw: bool = True,
        body: bool = True,
    ) -> list[Article]:
        column, keys = ("id", list(ids)) if ids is not None else ("story_id", list(story_ids or []))
        result: list[Article] = []
        for chunk in _chunks(keys):
            rows = self._rows(
                f"SELECT {article_select(raw, body)} FROM articles WHERE {column} = ANY(%s)"
                " ORDER BY COALESCE(feed_published, published) NULLS FIRST, id",
                (chunk,),
            )
            result += [article_from_row(r) for r in rows]
        if facts:
            self.attach_facts(result)
        return result

    def iter_articles(self, *, facts: bool = True, batch_size: int = 500) -> Iterator[Article]:
        def fetch(last: str, n: int) -> Any:
            return self._rows(f"SELECT {article_select()} FROM articles WHERE id > %s ORDER BY id LIMIT %s", (last, n))

        finish: Callable[[list[Article]], None] = self.attach_facts if facts else (lambda page: None)
        return paged(fetch, article_from_row, lambda a: a.id, finish, batch_size)

    def _claims(self, story_ids: list[str]) -> dict[str, list[Claim]]:
        out: dict[str, list[Claim]] = {s: [] for s in story_ids}
        for chunk in _chunks(story_ids):
            rows = self._rows(
                f"SELECT {_cols(CLAIM_COLUMNS)} FROM claims WHERE story_id = ANY(%s) ORDER BY story_id, slot",
                (chunk,),
            )
            for row in rows:
                claim = claim_from_row(row)
                out[claim.story_id].append(claim)
        return out

    def story(self, story_id: str) -> Story | None:
        rows = self._rows(f"SELECT {_cols(STORY_COLUMNS)} FROM stories WHERE story_id = %s", (story_id,))
        if not rows:
            return None
        story = story_from_row(rows[0])
        story.claims = self._claims([story_id])[story_id]
        return story

    def stories(self, where: StoryFilter | None = None) -> list[Story]:
        where = where or StoryFilter()
        clause, params = story_where(where, "%s", _TEXT)
        rows = self._rows(
            f"SELECT {_cols(STORY_COLUMNS, 's.')} FROM stories s{clause}"
            " ORDER BY COALESCE(s.last_published, s.event_date) DESC NULLS LAST, s.story_id"
            " LIMIT %s OFFSET %s",
            [*params, where.limit, where.offset],
        )
        stories = [story_from_row(r) for r in rows]
        self._attach_claims(stories)
        return stories

    def iter_stories(self, *, batch_size: int = 500) -> Iterator[Story]:
        """Every story with its claims, in story_id order, a page at a time (flat memory on export)."""

        def fetch(last: str, n: int) -> Any:
            return self._rows(
                f"SELECT {_cols(STORY_COLUMNS)} FROM stories WHERE story_id > %s ORDER BY story_id LIMIT %s", (last, n)
            )

        return paged(fetch, story_from_row, lambda s: s.story_id, self._attach_claims, batch_size)

    def _attach_claims(self, stories: list[Story]) -> None:
        claims = self._claims([s.story_id for s in stories])
        for story in stories:
            story.claims = claims[story.story_id]

    def count_stories(self, where: StoryFilter | None = None) -> int:
        clause, params = story_where(where or StoryFilter(), "%s", _TEXT)
        return int(self._rows(f"SELECT COUNT(*) FROM stories s{clause}", params)[0][0])

    def story_ids_of(self, article_ids: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for chunk in _chunks(list(article_ids)):
            rows = self._rows("SELECT story_id FROM articles WHERE id = ANY(%s)", (chunk,))
            out.update(r[0] for r in rows if r[0])
        return out

    def story_ids_of_sites(self, sites: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for chunk in _chunks(sorted(set(sites))):
            rows = self._rows("SELECT DISTINCT story_id FROM articles WHERE site = ANY(%s)", (chunk,))
            out.update(r[0] for r in rows if r[0])
        return out

    def rejected(self) -> list[Rejected]:
        rows = self._rows("SELECT id, reason, source FROM rejected ORDER BY id, reason")
        return [Rejected(id=r[0], reason=r[1], source=r[2]) for r in rows]

    def counts(self) -> dict[str, int]:
        return {
            table: int(self._rows(f"SELECT COUNT(*) FROM {table}")[0][0])
            for table in ("articles", "stories", "facts", "claims", "rejected")
        }

    def close(self) -> None:
        with self._lock:
            self.conn.close()


def _redact(url: str) -> str:
    """The URL without its password, for error messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)
