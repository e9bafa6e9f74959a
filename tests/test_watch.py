"""Watch mode: files dropped in a folder and new feed entries are ingested once, as they arrive."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.ingest.fetch import Fetcher
from storyline.model import Article, Rejected
from storyline.store import Store
from storyline.store.sqlite import SQLiteStore
from storyline.watch import watch
from tests.ingest.test_feeds import RSS
from tests.ingest.test_fetch import Server


@dataclass
class _Report:
    new: int
    rejected: list[Rejected] = field(default_factory=list)
    n_rejected: int = 0


class FakeStoryline:
    """The two things watch uses of Storyline: its store, and run_items (recorded here)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.runs: list[list[str]] = []

    def run_items(self, items: list[Article | Rejected]) -> _Report:
        self.runs.append([i.id for i in items])
        return _Report(new=sum(isinstance(i, Article) for i in items))


@pytest.fixture
def sl(tmp_path: Path) -> Iterator[FakeStoryline]:
    store = SQLiteStore(tmp_path / "watch.db")
    yield FakeStoryline(store)
    store.close()


def _drop(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_folder_once_ingests_what_is_there_and_nothing_twice(sl: FakeStoryline, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _drop(inbox, "a.txt", "The ferry resumed service on Monday.")
    _drop(inbox, "b.txt", "The bridge opened on Tuesday.")
    assert watch(sl, str(inbox), once=True) == 2  # type: ignore[arg-type]
    assert watch(sl, str(inbox), once=True) == 0  # type: ignore[arg-type]
    _drop(inbox, "c.txt", "The dam closed on Wednesday.")
    assert watch(sl, str(inbox), once=True) == 1  # type: ignore[arg-type]
    assert sl.runs == [["a", "b"], ["c"]]


def test_a_changed_file_is_read_again(sl: FakeStoryline, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _drop(inbox, "a.txt", "First version.")
    watch(sl, str(inbox), once=True)  # type: ignore[arg-type]
    _drop(inbox, "a.txt", "Second, longer version of the page.")
    assert watch(sl, str(inbox), once=True) == 1  # type: ignore[arg-type]


def test_watch_runs_until_stopped_and_picks_up_new_files(sl: FakeStoryline, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    stop = threading.Event()
    result: list[int] = []
    thread = threading.Thread(
        target=lambda: result.append(watch(sl, str(inbox), interval=0.05, stop=stop))  # type: ignore[arg-type]
    )
    thread.start()
    _drop(inbox, "late.txt", "A page that arrives while watching.")
    deadline = time.monotonic() + 20
    while not sl.runs and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert sl.runs == [["late"]] and result == [1]


def test_watching_something_that_is_neither_folder_nor_url_is_an_error(sl: FakeStoryline) -> None:
    with pytest.raises(InputError, match="cannot watch"):
        watch(sl, "/no/such/folder", once=True)  # type: ignore[arg-type]


def test_feed_new_entries_only(sl: FakeStoryline) -> None:
    server = Server()
    try:
        server.add("/a1")
        server.add("/a2")
        server.add("/feed", body=RSS.format(base=server.url).encode(), ctype="application/rss+xml")
        with Fetcher(allow_private=True, min_interval=0.0, sleep=lambda _s: None) as f:
            assert watch(sl, server.url + "/feed", once=True, fetcher=f) == 2  # type: ignore[arg-type]
            assert watch(sl, server.url + "/feed", once=True, fetcher=f) == 0  # type: ignore[arg-type]
            more = RSS.replace("<item>", "<item><title>Extra</title><guid>valley-3</guid></item><item>", 1)
            server.add("/feed", body=more.format(base=server.url).encode(), ctype="application/rss+xml")
            watch(sl, server.url + "/feed", once=True, fetcher=f)  # type: ignore[arg-type]
        assert sl.runs == [["valley-1", "valley-2"], ["valley-3"]]
    finally:
        server.close()


def test_feed_watch_with_the_default_fetcher_refuses_loopback(sl: FakeStoryline) -> None:
    server = Server()
    try:
        server.add("/feed", body=RSS.format(base=server.url).encode(), ctype="application/rss+xml")
        with pytest.raises(InputError, match="private, loopback"):
            watch(sl, server.url + "/feed", once=True)  # type: ignore[arg-type]
        assert server.seen == []
    finally:
        server.close()
