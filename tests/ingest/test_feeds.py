"""RSS/Atom feeds on disk and from a URL, and URL routing in read_paths."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from storyline.ingest import as_url, read_paths
from storyline.ingest.feeds import looks_like_feed, parse_feed, read_url
from storyline.ingest.fetch import Fetcher
from storyline.model import Article, Rejected
from tests.ingest.test_fetch import PAGE, Server

pytest.importorskip("feedparser")

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley Courier</title><link>{base}/</link>
<item><title>Bridge reopens</title><link>{base}/a1</link><guid>valley-1</guid>
<pubDate>Tue, 02 Jan 2024 08:00:00 GMT</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>The bridge reopened on Tuesday after repairs.</p>]]></content:encoded></item>
<item><title>Council meets</title><link>{base}/a2</link><guid>valley-2</guid>
<pubDate>Wed, 03 Jan 2024 09:00:00 GMT</pubDate>
<description>The council met on Wednesday.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Hill Gazette</title><id>urn:hill</id>
<updated>2024-02-01T00:00:00Z</updated>
<entry><title>Snow closes pass</title><id>urn:hill:1</id><link href="https://hill.example/1"/>
<updated>2024-02-01T10:00:00Z</updated>
<content type="html">&lt;p&gt;Snow closed the pass.&lt;/p&gt;</content></entry>
</feed>"""


@pytest.fixture
def local() -> Iterator[tuple[Server, Fetcher]]:
    server = Server()
    fetcher = Fetcher(allow_private=True, min_interval=0.0, sleep=lambda _s: None)
    yield server, fetcher
    fetcher.close()
    server.close()


def test_rss_file_entries_become_articles_with_feed_fields(tmp_path: Path) -> None:
    path = tmp_path / "valley.rss"
    path.write_text(RSS.format(base="https://valley.example"), encoding="utf-8")
    items = list(read_paths([path]))
    assert [type(i) for i in items] == [Article, Article]
    first, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "valley-1" and first.url == "https://valley.example/a1"
    assert first.feed_title == "Bridge reopens" and first.feed_published == date(2024, 1, 2)
    assert "reopened on Tuesday" in (first.raw_html or "")  # full content preferred over the teaser
    assert "met on Wednesday" in (second.raw_html or "")  # the summary when there is no content


def test_atom_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "hill.atom"
    path.write_text(ATOM, encoding="utf-8")
    (article,) = list(read_paths([path]))
    assert isinstance(article, Article)
    assert article.id == "urn:hill:1" and article.feed_published == date(2024, 2, 1)
    assert "Snow closed the pass" in (article.raw_html or "")


def test_xml_that_is_not_a_feed_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text("<notes><note>hello</note></notes>", encoding="utf-8")
    items = list(read_paths([path]))
    assert len(items) == 1 and isinstance(items[0], Rejected)
    assert "not an RSS/Atom feed" in items[0].reason


def test_feed_sniffing() -> None:
    assert looks_like_feed("application/rss+xml", b"")
    assert looks_like_feed("text/xml", b'<?xml version="1.0"?>\n<rss version="2.0">')
    assert looks_like_feed("text/html", b"\xef\xbb\xbf<feed xmlns='http://www.w3.org/2005/Atom'>")
    assert not looks_like_feed("text/html", b"<!doctype html><html>")


def test_entries_without_ids_get_stable_ids() -> None:
    doc = (
        b"<rss version='2.0'><channel><title>t</title>"
        b"<item><title>x</title><description>d</description></item></channel></rss>"
    )
    assert parse_feed(doc, "f")[0].id == parse_feed(doc, "f")[0].id


def test_feed_url_fetches_each_linked_page(local: tuple[Server, Fetcher]) -> None:
    server, fetcher = local
    server.add("/feed", body=RSS.format(base=server.url).encode(), ctype="application/rss+xml")
    server.add("/a1")  # a2 is missing: its entry content stands in
    items = list(read_url(server.url + "/feed", fetcher))
    assert [i.id for i in items] == ["valley-1", "valley-2"]
    a1, a2 = items
    assert isinstance(a1, Article) and isinstance(a2, Article)
    assert a1.raw_html == PAGE.decode() and a1.feed_title == "Bridge reopens"
    assert "met on Wednesday" in (a2.raw_html or "")


def test_read_paths_routes_urls_to_pages_and_feeds(local: tuple[Server, Fetcher]) -> None:
    server, fetcher = local
    server.add("/feed.xml", body=RSS.format(base=server.url).encode(), ctype="text/xml")
    server.add("/page")
    server.add("/a1")
    server.add("/a2")
    # the second argument is what a CLI Path makes of a URL
    items = list(read_paths([server.url + "/page", Path(server.url + "/feed.xml")], fetcher=fetcher))
    assert [i.id for i in items] == [server.url + "/page", "valley-1", "valley-2"]


def test_unreachable_url_is_rejected_not_raised(local: tuple[Server, Fetcher]) -> None:
    server, fetcher = local
    items = list(read_paths([server.url + "/gone"], fetcher=fetcher))
    assert len(items) == 1 and isinstance(items[0], Rejected) and "404" in items[0].reason


def test_as_url() -> None:
    assert as_url("https://a.example/x?y=1") == "https://a.example/x?y=1"
    assert as_url(Path("https://a.example/x")) == "https://a.example/x"
    assert as_url("HTTP://a.example") == "http://a.example"
    assert as_url("news/https/file.html") is None
