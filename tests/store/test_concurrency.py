"""Several ingest processes writing one store lose nothing and create no duplicate stories.

Each writer does what the pipeline does per batch: under ``write_lock``, read the grouping
state blob, place its articles into stories (a known event joins its story, an unknown one
starts a story with a writer-specific id), write the members and the new state. Without the
lock two writers read the same state and the later commit forgets the earlier one's stories.
"""

from __future__ import annotations

import json
import multiprocessing
from datetime import date

from storyline.model import Article, Story
from storyline.store import Batch, Store, open_store

WRITERS = 4
BATCHES = 6
EVENTS = 5  # every batch of every writer has one article about each event
STATE = "group.index"


def _writer(url: str, writer: int) -> None:
    store = open_store(url)
    try:
        for batch_no in range(BATCHES):
            with store.write_lock():  # type: ignore[attr-defined]
                blob = store.get_state(STATE)
                index: dict[str, str] = json.loads(blob) if blob else {}
                new: list[Article] = []
                for event in range(EVENTS):
                    key = f"event-{event}"
                    story_id = index.setdefault(key, f"st-w{writer}-b{batch_no}-{key}")
                    new.append(
                        Article(
                            id=f"w{writer}-b{batch_no}-e{event}",
                            raw_text=f"report {writer} {batch_no} {event}",
                            title=f"Report on {key}",
                            body="text",
                            feed_published=date(2024, 1, 1 + event),
                            story_id=story_id,
                        )
                    )
                touched = sorted({a.story_id for a in new if a.story_id})
                members: dict[str, list[str]] = {sid: [] for sid in touched}
                for a in [*store.articles(story_ids=touched, facts=False), *new]:
                    members[a.story_id or ""].append(a.id)
                stories = [Story(story_id=sid, title=sid, article_ids=ids) for sid, ids in members.items()]
                store.commit(Batch(articles=new, stories=stories, state={STATE: json.dumps(index).encode()}))
    finally:
        store.close()


def _check(store: Store) -> None:
    counts = store.counts()
    assert counts["articles"] == WRITERS * BATCHES * EVENTS
    assert counts["stories"] == EVENTS
    for story in store.stories():
        members = store.articles(story_ids=[story.story_id], facts=False)
        assert sorted(story.article_ids) == sorted(a.id for a in members)
        assert len(members) == WRITERS * BATCHES


def test_concurrent_writer_processes_lose_nothing(db_url: str) -> None:
    open_store(db_url).close()  # create the schema before the race
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_writer, args=(db_url, w)) for w in range(WRITERS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=240)
    assert [p.exitcode for p in procs] == [0] * WRITERS
    store = open_store(db_url)
    try:
        _check(store)
    finally:
        store.close()
