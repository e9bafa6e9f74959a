"""SQL shared by the SQL backends: the schema and the story filter (parameters only, never input in SQL)."""

from __future__ import annotations

from typing import Any

from storyline.store.base import StoryFilter

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY, hash TEXT NOT NULL, url TEXT, source TEXT, feed_title TEXT,
        feed_published TEXT, feed_outlet TEXT, title TEXT, published TEXT, published_inferred INTEGER,
        outlet TEXT, authors TEXT, wire TEXT, body TEXT, captions TEXT, language TEXT, story_id TEXT,
        duplicate_of TEXT, raw_text TEXT, raw_html TEXT, event_day TEXT, event_day_score REAL,
        site TEXT)""",
    "CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id)",
    "CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet)",
    """CREATE TABLE IF NOT EXISTS facts (
        fact_id TEXT PRIMARY KEY, article_id TEXT NOT NULL, type TEXT NOT NULL, text TEXT, sentence TEXT,
        sentence_start INTEGER, start INTEGER, end_ INTEGER, extractor TEXT, extractor_version TEXT,
        value TEXT, low REAL, high REAL, qualifier TEXT, category TEXT, period TEXT, timex_type TEXT,
        speaker TEXT, cue TEXT, content TEXT, direct INTEGER, attrs TEXT)""",
    "CREATE INDEX IF NOT EXISTS facts_article ON facts(article_id)",
    """CREATE TABLE IF NOT EXISTS stories (
        story_id TEXT PRIMARY KEY, title TEXT, article_ids TEXT, event_date TEXT, city TEXT, region TEXT,
        country TEXT, event_types TEXT, actors TEXT, first_published TEXT, last_published TEXT)""",
    "CREATE INDEX IF NOT EXISTS stories_event_date ON stories(event_date)",
    """CREATE TABLE IF NOT EXISTS claims (
        story_id TEXT NOT NULL, slot TEXT NOT NULL, value TEXT, status TEXT, low TEXT, high TEXT,
        support TEXT, note TEXT, PRIMARY KEY (story_id, slot))""",
    """CREATE TABLE IF NOT EXISTS rejected (
        id TEXT NOT NULL, reason TEXT NOT NULL, source TEXT, PRIMARY KEY (id, reason))""",
    "CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value BLOB)",
]

# Columns added since the first stores were written: a store opened without them gets them (NULL in old rows).
ADDED_COLUMNS = (
    ("articles", "event_day", "TEXT"),
    ("articles", "event_day_score", "REAL"),
    ("articles", "site", "TEXT"),
)
# Indexes on added columns, made once the columns are there. An article stored before ``site`` was kept has none:
# an outlet's stories are found by the articles stored since (reconcile.outlets).
ADDED_INDEXES = ("CREATE INDEX IF NOT EXISTS articles_site ON articles(site)",)


def fts_query(text: str) -> str:
    """User words as an FTS5 query of quoted terms (all must match), so no input is FTS syntax."""
    words = [w.replace('"', '""') for w in text.split()]
    return " ".join(f'"{w}"' for w in words if w.strip('"'))


def story_where(where: StoryFilter, ph: str, text_clause: str | None) -> tuple[str, list[Any]]:
    """WHERE clause (with ``ph`` placeholders) and its parameters for a story filter.

    ``text_clause`` is the backend's full-text condition on ``articles`` with one
    placeholder, or None to fall back to a LIKE on title and body.
    """
    clauses: list[str] = []
    params: list[Any] = []
    if where.text and where.text.strip(' "'):
        if text_clause:
            clauses.append(f"s.story_id IN (SELECT a.story_id FROM articles a WHERE {text_clause})")
            params.append(fts_query(where.text))
        else:
            clauses.append(
                f"s.story_id IN (SELECT a.story_id FROM articles a WHERE a.title LIKE {ph} OR a.body LIKE {ph})"
            )
            params += [f"%{where.text}%", f"%{where.text}%"]
    if where.outlet:
        clauses.append(f"s.story_id IN (SELECT a.story_id FROM articles a WHERE lower(a.outlet) = lower({ph}))")
        params.append(where.outlet)
    day = "COALESCE(s.event_date, s.first_published)"
    if where.since:
        clauses.append(f"{day} >= {ph}")
        params.append(where.since.isoformat())
    if where.until:
        clauses.append(f"{day} <= {ph}")
        params.append(where.until.isoformat())
    if where.place:
        clauses.append(
            f"(lower(s.city) = lower({ph}) OR lower(s.region) = lower({ph}) OR lower(s.country) = lower({ph}))"
        )
        params += [where.place] * 3
    if where.event_type:
        clauses.append(f"s.event_types LIKE {ph}")
        params.append(f'%"{where.event_type}"%')
    if where.status:
        clauses.append(f"EXISTS (SELECT 1 FROM claims c WHERE c.story_id = s.story_id AND c.status = {ph})")
        params.append(where.status)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params
