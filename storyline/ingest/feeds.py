"""RSS and Atom feeds (feedparser): each entry is one article.

A feed file on disk (``.rss``, ``.atom``, ``.xml``) is read without any network access: an
entry's article is its full content (``content:encoded``, Atom ``content``) or else its
summary. A feed fetched from a URL goes one step further: each entry's link is fetched with
the same polite fetcher and the page is the article, the entry's content only standing in
when the page cannot be fetched. The entry's title and date are kept as feed fields.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from storyline.errors import InputError
from storyline.ingest.decode import MAX_PAGE_BYTES, clean_text
from storyline.ingest.fetch import Fetcher, FetchError, page_article
from storyline.model import Article, Rejected

log = logging.getLogger(__name__)

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
_FEED_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)


@dataclass(slots=True)
class Entry:
    """One feed item, before it becomes an article."""

    id: str
    link: str | None
    title: str | None
    published: date | None
    content: str | None  # HTML (or text when ``is_html`` is False)
    is_html: bool = True


def looks_like_feed(content_type: str, body: bytes) -> bool:
    """By the declared type, else by the first element (servers often say text/xml or text/html)."""
    kind = content_type.split(";")[0].strip().lower()
    if kind in FEED_TYPES:
        return True
    return bool(_FEED_START.match(body[:2048]))


def _day(parsed: Any) -> date | None:
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday) if parsed else None
    except (AttributeError, ValueError):
        return None


def parse_feed(data: bytes, name: str) -> list[Entry]:
    """The entries of an RSS/Atom document; InputError when it is not a feed at all."""
    import feedparser

    if len(data) > 4 * MAX_PAGE_BYTES:
        raise InputError(f"{name}: feed over the {4 * MAX_PAGE_BYTES >> 20} MB limit")
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = parsed.get("bozo_exception") or "no RSS or Atom entries"
        raise InputError(f"{name}: not an RSS/Atom feed ({reason})")
    entries = []
    for n, item in enumerate(parsed.entries):
        content, is_html = None, True
        for block in [*item.get("content", []), item.get("summary_detail")]:
            if block and block.get("value", "").strip():
                content = block["value"]
                is_html = "html" in (block.get("type") or "text/html")
                break
        link = item.get("link")
        title = item.get("title")
        key = item.get("id") or link or _hash(f"{name}\x00{n}\x00{title}\x00{content}")
        entries.append(
            Entry(
                id=str(key),
                link=link,
                title=title,
                published=_day(item.get("published_parsed") or item.get("updated_parsed")),
                content=content,
                is_html=is_html,
            )
        )
    return entries


def _hash(text: str) -> str:
    return "feed-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def entry_article(entry: Entry, source: str, html: str | None = None) -> Article | Rejected:
    """An entry as an article: ``html`` (the fetched page) when given, else the entry's content."""
    if html is None and not (entry.content and entry.content.strip()):
        return Rejected(id=entry.id, reason="feed entry has no content and its page was not fetched", source=source)
    return Article(
        id=entry.id,
        raw_html=clean_text(html if html is not None else entry.content or "") if (html or entry.is_html) else None,
        raw_text=None if (html or entry.is_html) else clean_text(entry.content or ""),
        url=entry.link,
        source=source,
        feed_title=entry.title,
        feed_published=entry.published,
    )


def read_feed_file(path: Path) -> Iterator[Article | Rejected]:
    """A feed saved to disk: one article per entry, from the entry's own content."""
    for entry in parse_feed(path.read_bytes(), str(path)):
        yield entry_article(entry, f"{path}#{entry.id}")


def feed_url_items(
    entries: list[Entry], fetcher: Fetcher, feed_url: str, *, fetch_pages: bool = True
) -> Iterator[Article | Rejected]:
    """Entries of a fetched feed: each linked page fetched politely, the entry content as fallback."""
    for entry in entries:
        source = f"{feed_url}#{entry.id}"
        if fetch_pages and entry.link:
            try:
                page = fetcher.get(entry.link)
            except FetchError as exc:
                log.warning("feed entry %s: page not fetched (%s); using the entry's content", entry.id, exc)
            else:
                got = page_article(page)
                if isinstance(got, Article):
                    yield entry_article(entry, source, got.raw_html)
                    continue
        yield entry_article(entry, source)


def read_url(url: str, fetcher: Fetcher, *, fetch_pages: bool = True) -> Iterator[Article | Rejected]:
    """A page (one article) or a feed (one article per entry), told apart by what the server sends."""
    try:
        response = fetcher.get(url)
    except FetchError as exc:
        yield Rejected(id=url, reason=str(exc), source=url)
        return
    if looks_like_feed(response.content_type, response.body):
        try:
            entries = parse_feed(response.body, url)
        except InputError as exc:
            yield Rejected(id=url, reason=str(exc), source=url)
            return
        yield from feed_url_items(entries, fetcher, url, fetch_pages=fetch_pages)
    else:
        yield page_article(response)
