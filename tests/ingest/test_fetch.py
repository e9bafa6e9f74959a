"""The polite fetcher, against a local server on 127.0.0.1 only (scrapy's mockserver habit)."""

from __future__ import annotations

import gzip
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from storyline.ingest import fetch as fetch_mod
from storyline.ingest.fetch import USER_AGENT, Fetcher, FetchError, page_article, resolve_public
from storyline.model import Article

Route = Callable[[BaseHTTPRequestHandler], tuple[int, dict[str, str], bytes]]
PAGE = b"<html><head><title>Dam opens</title></head><body><p>The dam opened on Friday.</p></body></html>"


class _Quiet(ThreadingHTTPServer):
    """Says nothing when the client hangs up mid-response: the fetcher stops reading at its size limit."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Server:
    """A tiny HTTP server with scripted routes; records every request."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[tuple[str, str]] = []  # (path, user agent)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.seen.append((self.path, self.headers.get("User-Agent", "")))
                route = server.routes.get(self.path)
                status, headers, body = route(self) if route else (404, {}, b"not here")
                self.send_response(status)
                for k, v in {"Content-Length": str(len(body)), **headers}.items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = _Quiet(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def add(self, path: str, status: int = 200, body: bytes = PAGE, ctype: str = "text/html", **headers: str) -> None:
        named = {k.replace("_", "-"): v for k, v in headers.items()}
        self.routes[path] = lambda _h: (status, {"Content-Type": ctype, **named}, body)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    s.add("/robots.txt", body=b"User-agent: *\nDisallow: /private\n", ctype="text/plain")
    yield s
    s.close()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def fetcher(sleeps: list[float]) -> Iterator[Fetcher]:
    f = Fetcher(allow_private=True, min_interval=0.0, backoff=0.01, sleep=sleeps.append)
    yield f
    f.close()


def test_fetches_a_page_and_names_itself(server: Server, fetcher: Fetcher) -> None:
    server.add("/news/1")
    r = fetcher.get(server.url + "/news/1")
    assert r.status == 200 and r.body == PAGE
    assert all(ua == USER_AGENT for _, ua in server.seen)
    assert "storyline" in USER_AGENT


def test_a_page_becomes_an_article_with_its_url_as_id(server: Server, fetcher: Fetcher) -> None:
    server.add("/news/2")
    article = page_article(fetcher.get(server.url + "/news/2"))
    assert isinstance(article, Article)
    assert article.id == article.url == server.url + "/news/2"
    assert "dam opened" in (article.raw_html or "")


def test_robots_txt_is_read_once_and_obeyed(server: Server, fetcher: Fetcher) -> None:
    server.add("/private/a")
    server.add("/open")
    with pytest.raises(FetchError, match=r"robots\.txt"):
        fetcher.get(server.url + "/private/a")
    fetcher.get(server.url + "/open")
    paths = [p for p, _ in server.seen]
    assert paths.count("/robots.txt") == 1
    assert "/private/a" not in paths


def test_missing_robots_txt_allows_everything(server: Server, fetcher: Fetcher) -> None:
    del server.routes["/robots.txt"]
    server.add("/private/b")
    assert fetcher.get(server.url + "/private/b").status == 200


def test_server_error_on_robots_txt_forbids_the_host(server: Server, fetcher: Fetcher) -> None:
    server.add("/robots.txt", status=503, body=b"down")
    server.add("/open")
    with pytest.raises(FetchError, match=r"robots\.txt"):
        fetcher.get(server.url + "/open")


def test_retries_server_errors_with_backoff(server: Server, fetcher: Fetcher, sleeps: list[float]) -> None:
    answers = iter([(503, {}, b"busy"), (503, {"Retry-After": "2"}, b"busy"), (200, {}, PAGE)])
    server.routes["/flaky"] = lambda _h: next(answers)
    assert fetcher.get(server.url + "/flaky").body == PAGE
    assert sleeps == [0.01, 2.0]  # doubling backoff, and Retry-After when the server asks for more


def test_gives_up_after_the_retries(server: Server, fetcher: Fetcher) -> None:
    server.add("/down", status=500, body=b"no")
    with pytest.raises(FetchError, match="HTTP 500"):
        fetcher.get(server.url + "/down")
    assert [p for p, _ in server.seen].count("/down") == 4  # one try and three retries


def test_paces_requests_to_one_host(server: Server, sleeps: list[float]) -> None:
    server.add("/a")
    with Fetcher(allow_private=True, min_interval=5.0, sleep=sleeps.append) as slow:
        slow.get(server.url + "/a")
        slow.get(server.url + "/a")
    # the fake sleep does not move the clock, so each request books the next 5-second slot
    assert len(sleeps) == 2 and 4.0 < sleeps[0] <= 5.0 and 4.0 < sleeps[1] - sleeps[0] <= 5.0


def test_crawl_delay_from_robots_txt_is_honoured(server: Server, sleeps: list[float]) -> None:
    server.add("/robots.txt", body=b"User-agent: *\nCrawl-delay: 30\n", ctype="text/plain")
    server.add("/a")
    with Fetcher(allow_private=True, min_interval=0.0, sleep=sleeps.append) as f:
        f.get(server.url + "/a")
        f.get(server.url + "/a")
    assert max(sleeps) > 29


def test_follows_redirects(server: Server, fetcher: Fetcher) -> None:
    server.add("/old", status=301, body=b"", Location="/new")
    server.add("/new")
    r = fetcher.get(server.url + "/old")
    assert r.url == server.url + "/new" and r.body == PAGE


def test_redirect_loops_stop(server: Server, fetcher: Fetcher) -> None:
    server.add("/loop", status=302, body=b"", Location="/loop")
    with pytest.raises(FetchError, match="redirects"):
        fetcher.get(server.url + "/loop")


def test_size_cap_refuses_large_responses(server: Server, sleeps: list[float]) -> None:
    server.add("/big", body=b"x" * 5000)
    with (
        Fetcher(allow_private=True, max_bytes=1000, sleep=sleeps.append) as f,
        pytest.raises(FetchError, match="limit"),
    ):
        f.get(server.url + "/big")


def test_size_cap_applies_after_decompression(server: Server, sleeps: list[float]) -> None:
    server.add("/bomb", body=gzip.compress(b"a" * 100_000), Content_Encoding="gzip")
    with Fetcher(allow_private=True, max_bytes=10_000, sleep=sleeps.append) as f, pytest.raises(FetchError):
        f.get(server.url + "/bomb")


def test_timeouts_are_errors_not_hangs(server: Server, sleeps: list[float]) -> None:
    gate = threading.Event()

    def stall(_h: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        gate.wait(5)
        return 200, {}, PAGE

    server.routes["/stall"] = stall
    with (
        Fetcher(allow_private=True, timeout=0.3, retries=1, sleep=sleeps.append) as f,
        pytest.raises(FetchError, match="Timeout"),
    ):
        f.get(server.url + "/stall")
    gate.set()


def test_default_fetcher_refuses_loopback(server: Server) -> None:
    server.add("/a")
    with Fetcher() as f, pytest.raises(FetchError, match="private, loopback"):
        f.get(server.url + "/a")
    assert server.seen == []


@pytest.mark.parametrize(
    "host", ["127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "fe80::1", "0.0.0.0"]
)
def test_private_and_link_local_addresses_are_refused(host: str) -> None:
    with pytest.raises(FetchError, match="refusing"):
        resolve_public(host, 80)


def test_redirect_to_a_private_address_is_refused(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    # pretend 127.0.0.1 is a public host so the default fetcher reaches the test server
    monkeypatch.setattr(fetch_mod, "_blocked", lambda ip: ip != "127.0.0.1")
    server.add("/jump", status=302, body=b"", Location="http://10.0.0.1/latest/meta-data/")
    with Fetcher(min_interval=0.0, sleep=lambda _s: None) as f, pytest.raises(FetchError, match="refusing"):
        f.get(server.url + "/jump")


def test_non_http_schemes_are_refused(fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match="not an http"):
        fetcher.get("file:///etc/passwd")
