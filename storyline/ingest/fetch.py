"""A polite HTTP fetcher for pages and feeds: robots.txt, per-host pacing, retries, caps, no SSRF.

- names itself: ``User-Agent: storyline/<version> (+PROJECT_URL)``;
- obeys robots.txt (RFC 9309: a 4xx robots.txt allows everything, an unreachable or 5xx one
  forbids the host for this fetcher's lifetime) and its ``Crawl-delay``;
- waits ``min_interval`` seconds between requests to one host;
- retries connection errors, timeouts, 429 and 5xx with exponential backoff (``Retry-After``
  honoured up to ``max_backoff``);
- caps every response at ``max_bytes`` and every request at ``timeout`` seconds;
- refuses hosts that resolve to private, loopback, link-local, multicast or reserved addresses,
  and redirects to them, unless ``allow_private=True``. The check runs again when the socket
  is opened (the resolved address is what is connected to), so DNS rebinding between check and
  connect does not get through.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from storyline.errors import InputError
from storyline.ingest.decode import MAX_PAGE_BYTES
from storyline.model import Article, Rejected

log = logging.getLogger(__name__)

PROJECT_URL = "https://github.com/storyline-news/storyline"
USER_AGENT = f"storyline/0.1 (+{PROJECT_URL})"
ROBOTS_AGENT = "storyline"
MAX_REDIRECTS = 5
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class FetchError(InputError):
    """A URL that cannot or may not be fetched; the message says why."""


@dataclass(slots=True)
class Response:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def _blocked(ip: str) -> bool:
    addr = ipaddress.ip_address(ip)
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return not addr.is_global or addr.is_multicast


def resolve_public(host: str, port: int) -> list[str]:
    """The host's addresses; FetchError when any of them is not a public unicast address."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {host}: {exc.strerror}") from exc
    ips = sorted({str(info[4][0]) for info in infos})
    bad = [ip for ip in ips if _blocked(ip)]
    if bad:
        raise FetchError(
            f"refusing {host}: it resolves to a private, loopback or link-local address ({bad[0]});"
            " pass allow_private=True to fetch from your own network"
        )
    return ips


class _GuardedBackend:
    """httpcore network backend that connects only to addresses ``resolve_public`` accepts."""

    def __init__(self) -> None:
        import httpcore

        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: Any = None,
                    socket_options: Any = None) -> Any:  # fmt: skip
        ip = resolve_public(host, port)[0]
        return self._inner.connect_tcp(ip, port, timeout, local_address, socket_options)

    def connect_unix_socket(self, *args: Any, **kwargs: Any) -> Any:
        raise FetchError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _transport(allow_private: bool) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(retries=0)
    if not allow_private:
        pool = getattr(transport, "_pool", None)  # httpx keeps its httpcore pool here (0.23 to 0.28)
        if pool is not None and hasattr(pool, "_network_backend"):
            pool._network_backend = _GuardedBackend()
    return transport


class Fetcher:
    """One polite client; reuse it for many URLs so pacing and robots.txt are shared."""

    def __init__(
        self,
        *,
        allow_private: bool = False,
        min_interval: float = 1.0,  # seconds between requests to one host, unless robots asks more
        timeout: float = 20.0,
        max_bytes: int = MAX_PAGE_BYTES,
        retries: int = 3,
        backoff: float = 1.0,  # first retry after this many seconds, doubling each time
        max_backoff: float = 60.0,
        respect_robots: bool = True,
        user_agent: str = USER_AGENT,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.allow_private = allow_private
        self.min_interval = min_interval
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.respect_robots = respect_robots
        self.sleep = sleep
        self._client = httpx.Client(
            transport=_transport(allow_private),
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=False,
            trust_env=False,
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._last: dict[str, float] = {}
        self._delay: dict[str, float] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # -- public -------------------------------------------------------------------------------
    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """GET ``url`` politely, following up to MAX_REDIRECTS checked redirects."""
        for _ in range(MAX_REDIRECTS + 1):
            self._check_url(url)
            if self.respect_robots and not self._allowed(url):
                raise FetchError(f"robots.txt of {urlsplit(url).netloc} disallows {url}")
            response = self._get_with_retries(url, headers)
            if response.status in (301, 302, 303, 307, 308) and "location" in response.headers:
                url = urljoin(url, response.headers["location"])
                continue
            if response.status >= 400:
                raise FetchError(f"{url}: HTTP {response.status}")
            return response
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")

    # -- checks -------------------------------------------------------------------------------
    def _check_url(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"not an http(s) URL: {url}")
        if not self.allow_private:
            resolve_public(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        robots = self._robots[origin]
        if robots is None:
            return False
        delay = robots.crawl_delay(ROBOTS_AGENT)
        if delay:
            self._delay[parts.netloc] = float(delay)
        return robots.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            response = self._get_with_retries(origin + "/robots.txt", None)
        except FetchError as exc:
            log.warning("robots.txt of %s unreachable (%s): not fetching from it", origin, exc)
            return None
        if response.status >= 500:
            return None
        if response.status >= 400 or response.status in (301, 302, 303, 307, 308):
            parser.parse([])  # no robots.txt: everything allowed
        else:
            parser.parse(response.body.decode("utf-8", errors="replace").splitlines())
        return parser

    # -- transport ----------------------------------------------------------------------------
    def _pace(self, host: str) -> None:
        with self._lock:
            wait = self._last.get(host, -1e18) + max(self.min_interval, self._delay.get(host, 0.0))
            now = time.monotonic()
            self._last[host] = max(now, wait)
        if wait > now:
            self.sleep(wait - now)

    def _get_with_retries(self, url: str, headers: dict[str, str] | None) -> Response:
        host = urlsplit(url).netloc
        attempt = 0
        while True:
            self._pace(host)
            try:
                response = self._get_once(url, headers)
            except httpx.TransportError as exc:  # refused, reset, timed out: worth another try
                if attempt >= self.retries:
                    raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from exc
                delay = self.backoff * 2**attempt
            else:
                if response.status not in RETRY_STATUSES or attempt >= self.retries:
                    return response
                delay = max(self.backoff * 2**attempt, _retry_after(response.headers.get("retry-after")))
            attempt += 1
            self.sleep(min(delay, self.max_backoff))

    def _get_once(self, url: str, headers: dict[str, str] | None) -> Response:
        with self._client.stream("GET", url, headers=headers) as r:
            declared = r.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_bytes:
                raise FetchError(f"{url}: {int(declared)} bytes is over the {self.max_bytes}-byte limit")
            chunks: list[bytes] = []
            size = 0
            for chunk in r.iter_bytes():
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(f"{url}: response over the {self.max_bytes}-byte limit")
                chunks.append(chunk)
            return Response(
                url=str(r.url),
                status=r.status_code,
                content_type=r.headers.get("content-type", ""),
                body=b"".join(chunks),
                headers={k.lower(): v for k, v in r.headers.items()},
            )


def _retry_after(value: str | None) -> float:
    if not value:
        return 0.0
    if value.strip().isdigit():
        return float(value.strip())
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return 0.0


def page_article(response: Response) -> Article | Rejected:
    """A fetched HTML page as an article; its id is the URL asked for, after redirects."""
    from storyline.ingest.warc import charset_of, decode_page

    try:
        html = decode_page(response.body, charset_of(response.content_type), response.url)
    except InputError as exc:
        return Rejected(id=response.url, reason=str(exc), source=response.url)
    return Article(id=response.url, raw_html=html, url=response.url, source=response.url)
