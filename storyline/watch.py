"""Streaming mode: ingest pages as they arrive in a folder, or as items appear in a feed.

``watch(sl, "inbox/")`` polls the folder every ``interval`` seconds and runs the files that are
new or changed since the last look (and have not been written to for SETTLE_S seconds, so a
file still being copied is left for the next poll). ``watch(sl, "https://…/rss")`` polls the
feed politely (conditional GET) and runs its new entries, each linked page fetched. Each poll
is one ``Storyline.run_items`` call, so stories update incrementally and a stopped watch loses
at most the poll in progress. What was seen is kept in the store's state (``watch:<target>``),
so a restarted watch goes on where it stopped; re-reading a file anyway changes nothing,
because articles are keyed by content hash.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.errors import InputError
from storyline.ingest import as_url, expand_paths, read_paths
from storyline.ingest.feeds import feed_url_items, looks_like_feed, parse_feed
from storyline.ingest.fetch import Fetcher, FetchError
from storyline.model import Article, Rejected
from storyline.store import Batch

if TYPE_CHECKING:
    from storyline.app import Storyline

log = logging.getLogger(__name__)

SETTLE_S = 1.0  # a file modified less than this long ago may still be being written
MAX_SEEN_ENTRIES = 20_000  # feed entry ids remembered; feeds list far fewer at a time


def _state_key(target: str) -> str:
    return f"watch:{target}"


def _load(sl: Storyline, target: str) -> dict[str, Any]:
    blob = sl.store.get_state(_state_key(target))
    return json.loads(blob) if blob else {}


def _save(sl: Storyline, target: str, state: dict[str, Any]) -> None:
    sl.store.commit(Batch(state={_state_key(target): json.dumps(state).encode()}))


class _FolderSource:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def poll(self, state: dict[str, Any], settle: float, now: float) -> list[Article | Rejected]:
        seen: dict[str, list[int]] = state.setdefault("files", {})
        ready: list[Path] = []
        for path in expand_paths([self.folder]):
            try:
                st = path.stat()
            except OSError:  # removed between listing and stat
                continue
            if now - st.st_mtime < settle:
                continue
            stamp = [st.st_size, st.st_mtime_ns]
            if seen.get(str(path)) != stamp:
                ready.append(path)
                seen[str(path)] = stamp
        return list(read_paths(ready)) if ready else []


class _FeedSource:
    def __init__(self, url: str, fetcher: Fetcher) -> None:
        self.url = url
        self.fetcher = fetcher

    def poll(self, state: dict[str, Any], settle: float, now: float) -> list[Article | Rejected]:
        headers = {}
        if state.get("etag"):
            headers["If-None-Match"] = state["etag"]
        if state.get("modified"):
            headers["If-Modified-Since"] = state["modified"]
        response = self.fetcher.get(self.url, headers=headers)
        if response.status == 304:
            return []
        if not looks_like_feed(response.content_type, response.body):
            raise InputError(f"{self.url} is not an RSS or Atom feed ({response.content_type or 'no type'})")
        state["etag"] = response.headers.get("etag")
        state["modified"] = response.headers.get("last-modified")
        seen: list[str] = state.setdefault("entries", [])
        known = set(seen)
        fresh = [e for e in parse_feed(response.body, self.url) if e.id not in known]
        seen += [e.id for e in fresh]
        del seen[:-MAX_SEEN_ENTRIES]
        return list(feed_url_items(fresh, self.fetcher, self.url))


def watch(
    sl: Storyline,
    target: str,
    *,
    interval: float = 5.0,
    stop: threading.Event | None = None,
    once: bool = False,
    fetcher: Fetcher | None = None,
    on_poll: Callable[[int, int], None] | None = None,
) -> int:
    """Ingest what arrives at ``target`` (a folder or a feed URL) until ``stop`` is set;
    ``once`` makes a single pass. Returns the number of new articles stored.

    ``fetcher`` overrides the polite default one (tests pass one allowed to reach 127.0.0.1);
    ``on_poll(new, rejected)`` is called after each poll that found something.
    """
    stop = stop or threading.Event()
    url = as_url(target)
    own: Fetcher | None = None
    source: _FolderSource | _FeedSource
    if url is not None:
        if fetcher is None:
            fetcher = own = Fetcher()
        source = _FeedSource(url, fetcher)
    else:
        folder = Path(target)
        if not folder.is_dir():
            raise InputError(f"cannot watch {target}: not a folder or an http(s) feed URL")
        source = _FolderSource(folder)
    total = 0
    try:
        while True:
            state = _load(sl, target)
            try:
                items = source.poll(state, 0.0 if once else SETTLE_S, time.time())
            except (FetchError, InputError) as exc:
                if once:
                    raise
                log.warning("watch %s: %s; trying again in %gs", target, exc, interval)
                items = None
            if items:
                report = sl.run_items(items)
                total += report.new
                log.info("watch %s: %d new, %d rejected", target, report.new, report.n_rejected)
                if on_poll:
                    on_poll(report.new, report.n_rejected)
            if items is not None:
                _save(sl, target, state)  # after the run: a crash mid-run re-reads, never skips
            if once or stop.wait(interval):
                return total
    finally:
        if own is not None:
            own.close()
