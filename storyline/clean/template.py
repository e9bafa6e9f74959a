"""Per-outlet template memory: lines that recur across pages of one outlet are boilerplate.

``TemplateMemory`` counts, for each site, in how many distinct pages each (normalised) line
occurs. It only grows by ``observe`` (a cheap pass over a batch before cleaning), so cleaning
reads it without writing and stays a pure function of (article, memory state). It is persisted
as bytes by the store (``dumps``/``loads``) and gets better as more pages of an outlet arrive.

Site key (``site_key``): the URL host without ``www.``; else the feed outlet; else the outlet
named by the page's copyright line; else no key (no template learning for that page).
"""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from storyline.errors import InputError

_FORMAT = 1
# Bound on stored line keys per site; over it, keys seen on a single page are dropped first
# (they carry no template evidence yet). 50k keys ~ 1 MB per site serialised.
MAX_KEYS_PER_SITE = 50_000
MAX_PAGES_PER_SITE = 5_000  # page fingerprints kept to tell a re-observed page from a new one
# A line of prose (``PROSE_WORDS`` or more: ``template_evidence``'s long line) that only one other page of an
# outlet holds, out of ``MIN_OTHER_PAGES`` or more, is a paragraph that two reports of one story share (an
# update, a follow-up repeating the background), not the outlet's template: a template recurs across the
# outlet's different stories. On quotes-dev (924 pages, 7 outlets of 132) such lines were 238 paragraphs of
# related reports (two editions of one NYT story shared 12 of their 33 long lines), while every long line on
# two or more other pages was a template (an editor's note on 11 and 3 others); keeping them: quotes speaker F1
# via the CLI 0.7553 -> 0.7564, held-out half B 0.7321 -> 0.7335, zyte-text-dev unchanged (2 pages a site at
# most). With few pages to compare, one other page says little: on gva-dev, whose outlets have 1 to 28 pages
# mostly about one incident, the rule from two other pages on kept story text but also crime-tip and copyright
# lines that two pages share (counting questions 0.6837 -> 0.6741, killed 0.8791 -> 0.8781); from 20 other
# pages on, gva-dev is unchanged. Re-run quotes-dev and gva-dev (benchmarks/eval_all.py) before changing.
PROSE_WORDS = 15
MIN_OTHER_PAGES = 20
_COPYRIGHT_SITE = re.compile(
    r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}\s*[-–]?\s*(?:\d{4})?\s*,?\s*)?"
    r"([A-Za-z][\w .&'-]{2,60}?)(?:\s*[|.,;]|\s+all rights|$)",
    re.IGNORECASE,
)


def line_key(normalised: str) -> str:
    """Short stable digest of a normalised line (the memory never stores page text)."""
    return hashlib.blake2b(normalised.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def site_key(url: str | None, feed_outlet: str | None, text: str | None) -> str | None:
    """The key under which a page's template is learned (see module docstring)."""
    if url:
        host = urlsplit(url if "://" in url else "http://" + url).hostname or ""
        host = host.lower().removeprefix("www.")
        if host and "." in host:
            return host
    if feed_outlet and feed_outlet.strip():
        return "outlet:" + feed_outlet.strip().lower()
    if text:
        for line in text.splitlines()[:400]:
            if len(line) < 120:
                match = _COPYRIGHT_SITE.search(line)
                if match:
                    return "outlet:" + match.group(1).strip().lower()
    return None


@dataclass(slots=True)
class _Site:
    pages: set[str] = field(default_factory=set)
    lines: dict[str, int] = field(default_factory=dict)


class TemplateMemory:
    """Counts of distinct pages per line key, per site."""

    def __init__(self) -> None:
        self._sites: dict[str, _Site] = {}

    def observe(self, site: str, page: str, keys: set[str]) -> None:
        """Record that page ``page`` (a content fingerprint) of ``site`` holds lines ``keys``."""
        stats = self._sites.setdefault(site, _Site())
        if page in stats.pages:
            return
        if len(stats.pages) < MAX_PAGES_PER_SITE:
            stats.pages.add(page)
        counts = stats.lines
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
        if len(counts) > MAX_KEYS_PER_SITE:
            stats.lines = {k: v for k, v in counts.items() if v > 1}

    def others(self, site: str | None, page: str, keys: list[str]) -> list[int]:
        """For each key, in how many *other* observed pages of ``site`` it occurs."""
        stats = self._sites.get(site) if site else None
        if stats is None:
            return [0] * len(keys)
        own = 1 if page in stats.pages else 0
        return [max(stats.lines.get(k, 0) - own, 0) for k in keys]

    def other_pages(self, site: str | None, page: str) -> int:
        """How many observed pages of ``site`` there are besides ``page``."""
        stats = self._sites.get(site) if site else None
        if stats is None:
            return 0
        return len(stats.pages) - (1 if page in stats.pages else 0)

    def pages(self, site: str) -> int:
        stats = self._sites.get(site)
        return len(stats.pages) if stats else 0

    def dumps(self) -> bytes:
        data = {
            "format": _FORMAT,
            "sites": {s: {"pages": sorted(v.pages), "lines": v.lines} for s, v in self._sites.items()},
        }
        return zlib.compress(json.dumps(data, separators=(",", ":")).encode("utf-8"), 6)

    @classmethod
    def loads(cls, blob: bytes) -> TemplateMemory:
        try:
            data = json.loads(zlib.decompress(blob).decode("utf-8"))
        except (zlib.error, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"template memory is not readable: {exc}") from exc
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise InputError("template memory has an unknown format")
        memory = cls()
        for site, value in data.get("sites", {}).items():
            memory._sites[site] = _Site(
                set(value.get("pages", [])), {str(k): int(v) for k, v in value.get("lines", {}).items()}
            )
        return memory


def without_shared_prose(counts: Sequence[int], words: Sequence[int], other_pages: int) -> list[int]:
    """Other-page ``counts`` of a page's lines with the lines of prose (``words`` per line) that only one other
    page holds set to 0, when the outlet has ``MIN_OTHER_PAGES`` other pages or more: story text that two reports
    share (``PROSE_WORDS``). With fewer pages to compare, every shared line stays template evidence."""
    if other_pages < MIN_OTHER_PAGES:
        return list(counts)
    return [0 if c == 1 and n >= PROSE_WORDS else c for c, n in zip(counts, words, strict=True)]
