"""The Python API: one object over a store, used by the CLI, the REST API and the web UI.

from storyline import Storyline
with Storyline("news.db") as sl:
    report = sl.run(["examples/seeds"])
    for story in sl.stories():
        print(story.title, [c.status for c in story.claims])
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from storyline.config import Config, load_config
from storyline.errors import InputError
from storyline.export import write_export
from storyline.model import Article, Rejected, Story
from storyline.reconcile.digest import DigestLine, TimelineEntry, digest, timeline
from storyline.reconcile.outlets import STATE_KEY, OutletHome, OutletHomes
from storyline.reconcile.query import EventQuery, QueryAnswer, answer_query
from storyline.store import Store, StoryFilter, open_store

if TYPE_CHECKING:  # the pipeline pulls in spaCy; reading a store (storyline serve) does not need it
    from storyline.pipeline import Pipeline, Progress, RunReport


class Storyline:
    """A store and the pipeline that feeds it, built from one frozen config."""

    def __init__(self, db: str | Path | None = None, config: Config | None = None, **overrides: Any) -> None:
        base = config or load_config()
        if db is not None:
            base = replace(base, db=str(db))
        if overrides:
            base = replace(base, **overrides)
        self.config = base
        self.store: Store = open_store(self.config.db)
        self._pipeline: Pipeline | None = None

    @property
    def pipeline(self) -> Pipeline:
        """Built on first use: reading the store needs no spaCy model."""
        if self._pipeline is None:
            from storyline.pipeline import Pipeline

            self._pipeline = Pipeline(self.config, self.store)
        return self._pipeline

    def __enter__(self) -> Storyline:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # -- writing --------------------------------------------------------------------------------
    def run(self, paths: Iterable[str | Path], progress: Progress | None = None) -> RunReport:
        """Ingest files, folders and URLs; new articles join or start stories; known ones change nothing."""
        return self.pipeline.run(list(paths), progress)

    def run_items(self, items: list[Article | Rejected], progress: Progress | None = None) -> RunReport:
        """Ingest articles already read (from a feed, a URL fetch or the REST API)."""
        return self.pipeline.run_items(items, progress)

    # -- reading --------------------------------------------------------------------------------
    def stories(self, where: StoryFilter | None = None, **filters: Any) -> list[Story]:
        return self.store.stories(where or StoryFilter(**filters))

    def count_stories(self, where: StoryFilter | None = None, **filters: Any) -> int:
        return self.store.count_stories(where or StoryFilter(**filters))

    def story(self, story_id: str) -> Story | None:
        return self.store.story(story_id)

    def articles(self, story_id: str) -> list[Article]:
        return self.store.articles(story_ids=[story_id])

    def article(self, article_id: str) -> Article | None:
        found = self.store.articles(ids=[article_id])
        return found[0] if found else None

    def timeline(self, story_id: str) -> list[TimelineEntry]:
        """Dated events read from the story's text and its reports, in date order."""
        story = self.story(story_id)
        return timeline(story, self.articles(story_id)) if story else []

    def digest(self, story_id: str, size: int = 5) -> list[DigestLine]:
        """A few of the story's own sentences, each citing every outlet that states it."""
        story = self.story(story_id)
        return digest(story, self.articles(story_id), size) if story else []

    def outlets(self) -> list[OutletHome]:
        """Where each outlet reports from, as its stored articles tell (the home state and town the event
        records of its reports are read in; storyline.reconcile.outlets)."""
        return OutletHomes.loads(self.store.get_state(STATE_KEY)).table()

    def query(self, q: EventQuery) -> QueryAnswer:
        """Count events by type, place and period (see storyline.reconcile.query)."""
        return answer_query(self.store, q)

    def answer_file(self, questions: Path, answers: Path) -> int:
        """Answer a JSON Lines file of questions; writes ``{"qid", "answer", "story_ids"}`` lines."""
        lines = []
        with questions.open(encoding="utf-8") as handle:
            for lineno, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                try:
                    record = json.loads(raw)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{questions}:{lineno}: malformed JSON: {exc}") from exc
                result = self.query(EventQuery.from_json(record))
                lines.append({"qid": record.get("qid"), "answer": result.answer, "story_ids": result.story_ids})
        answers.parent.mkdir(parents=True, exist_ok=True)
        answers.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
        return len(lines)

    def export(self, directory: str | Path, story_ids: Iterable[str] | None = None) -> dict[str, int]:
        """Write the contract's export files for the given stories (default: the whole store)."""
        stories: Iterable[Story]
        articles: Iterator[Article]
        if story_ids is None:  # the whole store, a page at a time: memory stays flat
            stories = self.store.iter_stories()
            articles = self.store.iter_articles()
        else:
            found = [s for s in (self.store.story(i) for i in story_ids) if s is not None]
            stories = found
            articles = iter(self.store.articles(story_ids=[s.story_id for s in found]))
        return write_export(Path(directory), stories, articles, self.store.rejected())
