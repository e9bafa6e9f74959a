"""The embedded default store: one SQLite file, WAL mode, one transaction per batch."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
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

_FTS = "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(id UNINDEXED, title, body)"
_CHUNK = 500  # ids per IN (...) list, below SQLite's default variable limit
# How long a writer waits for another process's write_lock before giving up: a whole
# group+reconcile+commit of a large batch can hold it for minutes, far past sqlite's busy timeout.
LOCK_WAIT_S = 3600.0


def _cols(columns: tuple[str, ...], prefix: str = "") -> str:
    return ", ".join(f"{prefix}{c}" for c in columns)


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


class SQLiteStore:
    """Store backed by one SQLite file (``:memory:`` for tests)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:" and not self.path.startswith("file:"):
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            for statement in SCHEMA:
                self.conn.execute(statement)
            for table, column, kind in ADDED_COLUMNS:
                if column not in {row[1] for row in self.conn.execute(f"PRAGMA table_info({table})")}:
                    self.conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
            for statement in ADDED_INDEXES:
                self.conn.execute(statement)
            try:
                self.conn.execute(_FTS)
                self.fts = True
            except sqlite3.OperationalError:  # SQLite built without FTS5: search falls back to LIKE
                self.fts = False
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        self._lock = threading.RLock()  # the connection is shared by the threads of one process

    # -- writing -------------------------------------------------------------------------------
    def _begin_immediate(self, cur: sqlite3.Cursor) -> None:
        deadline = time.monotonic() + LOCK_WAIT_S
        while True:
            try:
                cur.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:  # busy past the connect timeout: keep waiting
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise StoreError(f"cannot lock store {self.path} for writing: {exc}") from exc

    @contextmanager
    def write_lock(self) -> Iterator[None]:
        """Hold the write lock (BEGIN IMMEDIATE) for a read-modify-write: state read inside sees
        every earlier writer's commit, and a ``commit`` inside joins the same transaction."""
        with self._lock:
            cur = self.conn.cursor()
            self._begin_immediate(cur)
            try:
                yield
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            cur.execute("COMMIT")

    def commit(self, batch: Batch) -> None:
        with self._lock:
            cur = self.conn.cursor()
            if self.conn.in_transaction:  # inside write_lock: a savepoint of its transaction
                cur.execute("SAVEPOINT batch")
                try:
                    self._write(cur, batch)
                except BaseException:
                    cur.execute("ROLLBACK TO batch")
                    cur.execute("RELEASE batch")
                    raise
                cur.execute("RELEASE batch")
                return
            self._begin_immediate(cur)
            try:
                self._write(cur, batch)
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise

    def _write(self, cur: sqlite3.Cursor, batch: Batch) -> None:
        marks = ", ".join("?" * len(ARTICLE_COLUMNS))
        cur.executemany(
            f"INSERT OR REPLACE INTO articles ({_cols(ARTICLE_COLUMNS)}) VALUES ({marks})",
            [article_row(a) for a in batch.articles],
        )
        if self.fts:
            ids = [a.id for a in batch.articles]
            for chunk in _chunks(ids):
                cur.execute(f"DELETE FROM articles_fts WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            cur.executemany(
                "INSERT INTO articles_fts (id, title, body) VALUES (?, ?, ?)",
                [(a.id, a.title or "", a.body or "") for a in batch.articles],
            )
        for chunk in _chunks([a.id for a in batch.articles]):
            cur.execute(f"DELETE FROM facts WHERE article_id IN ({','.join('?' * len(chunk))})", chunk)
        marks = ", ".join("?" * len(FACT_COLUMNS))
        cur.executemany(
            f"INSERT INTO facts ({_cols(FACT_COLUMNS)}) VALUES ({marks})",
            [fact_row(f) for a in batch.articles for f in a.facts],
        )
        cur.executemany("UPDATE articles SET story_id = ? WHERE id = ?", [(s, a) for a, s in batch.moved.items()])
        dropped = sorted(batch.dropped_stories)
        for chunk in _chunks(dropped):
            marks = ",".join("?" * len(chunk))
            cur.execute(f"DELETE FROM stories WHERE story_id IN ({marks})", chunk)
            cur.execute(f"DELETE FROM claims WHERE story_id IN ({marks})", chunk)
        marks = ", ".join("?" * len(STORY_COLUMNS))
        cur.executemany(
            f"INSERT OR REPLACE INTO stories ({_cols(STORY_COLUMNS)}) VALUES ({marks})",
            [story_row(s) for s in batch.stories],
        )
        for chunk in _chunks([s.story_id for s in batch.stories]):
            cur.execute(f"DELETE FROM claims WHERE story_id IN ({','.join('?' * len(chunk))})", chunk)
        marks = ", ".join("?" * len(CLAIM_COLUMNS))
        cur.executemany(
            f"INSERT INTO claims ({_cols(CLAIM_COLUMNS)}) VALUES ({marks})",
            [claim_row(c) for s in batch.stories for c in s.claims],
        )
        for chunk in _chunks([a.id for a in batch.articles]):  # stored now: no longer rejected
            cur.execute(f"DELETE FROM rejected WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        cur.executemany(
            "INSERT OR IGNORE INTO rejected (id, reason, source) VALUES (?, ?, ?)",
            [(r.id, r.reason, r.source) for r in batch.rejected],
        )
        cur.executemany("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", list(batch.state.items()))

    # -- reading -------------------------------------------------------------------------------
    def article_status(self, ids_hashes: Iterable[tuple[str, str]]) -> dict[str, str]:
        pairs = list(ids_hashes)
        stored: dict[str, str] = {}
        for chunk in _chunks([i for i, _ in pairs]):
            rows = self.conn.execute(f"SELECT id, hash FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            stored.update(dict(rows.fetchall()))
        return {i: "new" if i not in stored else ("same" if stored[i] == h else "changed") for i, h in pairs}

    def get_state(self, key: str) -> bytes | None:
        row = self.conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return bytes(row[0]) if row else None

    def attach_facts(self, articles: list[Article]) -> None:
        by_id = {a.id: a for a in articles}
        memo: dict[str, str] = {}
        for chunk in _chunks(list(by_id)):
            rows = self.conn.execute(
                f"SELECT {_cols(FACT_COLUMNS)} FROM facts WHERE article_id IN ({','.join('?' * len(chunk))})"
                " ORDER BY article_id, start",
                chunk,
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
            rows = self.conn.execute(
                f"SELECT {article_select(raw, body)} FROM articles"
                f" WHERE {column} IN ({','.join('?' * len(chunk))})"
                " ORDER BY COALESCE(feed_published, published), id",
                chunk,
            )
            result += [article_from_row(r) for r in rows]
        if facts:
            self.attach_facts(result)
        return result

    def iter_articles(self, *, facts: bool = True, batch_size: int = 500) -> Iterator[Article]:
        def fetch(last: str, n: int) -> Any:
            return self.conn.execute(
                f"SELECT {article_select()} FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, n)
            ).fetchall()

        finish: Callable[[list[Article]], None] = self.attach_facts if facts else (lambda page: None)
        return paged(fetch, article_from_row, lambda a: a.id, finish, batch_size)

    def _claims(self, story_ids: list[str]) -> dict[str, list[Claim]]:
        out: dict[str, list[Claim]] = {s: [] for s in story_ids}
        for chunk in _chunks(story_ids):
            rows = self.conn.execute(
                f"SELECT {_cols(CLAIM_COLUMNS)} FROM claims WHERE story_id IN ({','.join('?' * len(chunk))})"
                " ORDER BY story_id, slot",
                chunk,
            )
            for row in rows:
                claim = claim_from_row(row)
                out[claim.story_id].append(claim)
        return out

    def story(self, story_id: str) -> Story | None:
        row = self.conn.execute(
            f"SELECT {_cols(STORY_COLUMNS)} FROM stories WHERE story_id = ?", (story_id,)
        ).fetchone()
        if row is None:
            return None
        story = story_from_row(row)
        story.claims = self._claims([story_id])[story_id]
        return story

    def _filter(self, where: StoryFilter) -> tuple[str, list[Any]]:
        text = "a.id IN (SELECT id FROM articles_fts WHERE articles_fts MATCH ?)" if self.fts else None
        return story_where(where, "?", text)

    def stories(self, where: StoryFilter | None = None) -> list[Story]:
        where = where or StoryFilter()
        clause, params = self._filter(where)
        rows = self.conn.execute(
            f"SELECT {_cols(STORY_COLUMNS, 's.')} FROM stories s{clause}"
            " ORDER BY COALESCE(s.last_published, s.event_date) DESC, s.story_id LIMIT ? OFFSET ?",
            [*params, where.limit, where.offset],
        ).fetchall()
        stories = [story_from_row(r) for r in rows]
        self._attach_claims(stories)
        return stories

    def iter_stories(self, *, batch_size: int = 500) -> Iterator[Story]:
        """Every story with its claims, in story_id order, a page at a time (flat memory on export)."""

        def fetch(last: str, n: int) -> Any:
            return self.conn.execute(
                f"SELECT {_cols(STORY_COLUMNS)} FROM stories WHERE story_id > ? ORDER BY story_id LIMIT ?", (last, n)
            ).fetchall()

        return paged(fetch, story_from_row, lambda s: s.story_id, self._attach_claims, batch_size)

    def _attach_claims(self, stories: list[Story]) -> None:
        claims = self._claims([s.story_id for s in stories])
        for story in stories:
            story.claims = claims[story.story_id]

    def count_stories(self, where: StoryFilter | None = None) -> int:
        clause, params = self._filter(where or StoryFilter())
        return int(self.conn.execute(f"SELECT COUNT(*) FROM stories s{clause}", params).fetchone()[0])

    def story_ids_of(self, article_ids: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for chunk in _chunks(list(article_ids)):
            rows = self.conn.execute(f"SELECT story_id FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            out.update(r[0] for r in rows if r[0])
        return out

    def story_ids_of_sites(self, sites: Iterable[str]) -> set[str]:
        out: set[str] = set()
        for chunk in _chunks(sorted(set(sites))):
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT DISTINCT story_id FROM articles WHERE site IN ({marks})", chunk)
            out.update(r[0] for r in rows if r[0])
        return out

    def rejected(self) -> list[Rejected]:
        rows = self.conn.execute("SELECT id, reason, source FROM rejected ORDER BY id").fetchall()
        return [Rejected(id=r[0], reason=r[1], source=r[2]) for r in rows]

    def counts(self) -> dict[str, int]:
        return {
            table: int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
            for table in ("articles", "stories", "facts", "claims", "rejected")
        }

    def close(self) -> None:
        self.conn.close()
