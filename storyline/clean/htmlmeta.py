"""Metadata of an HTML page: title, date, authors, outlet.

Starts from trafilatura's metadata (meta tags, JSON-LD, htmldate) and corrects what it gets
wrong most often: site names glued to titles ("Headline | Site"), date candidates that are
in the future or impossible, author strings that are roles, link texts or the outlet itself.
"""

from __future__ import annotations

import html as htmllib
import logging
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import Document, examine_meta, extract_author, extract_meta_json, extract_title
from trafilatura.settings import set_date_params

from storyline.clean import dates
from storyline.clean.outlets import outlet_from_host
from storyline.clean.people import merge_people, split_byline, wire_of

_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.I | re.S)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_TAG = re.compile(r"<[^>]+>")
_SITE_SEP = re.compile(r"\s+(?:[|•·»«]|[-–—:]{1,2}|::)\s+")
LOGGER = logging.getLogger(__name__)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


@dataclass(slots=True)
class HtmlMeta:
    title: str | None = None
    published: date | None = None
    authors: list[str] = field(default_factory=list)
    wire: str | None = None
    outlet: str | None = None


def _clean(text: str | None) -> str:
    return " ".join(htmllib.unescape(_TAG.sub(" ", text or "")).split())


def meta_tags(html: str) -> dict[str, str]:
    """``property``/``name``/``itemprop`` -> ``content`` of the page's meta tags (first one wins)."""
    out: dict[str, str] = {}
    for tag in _META.findall(html[:200_000]):
        attrs = {m.group(1).lower(): (m.group(2) or m.group(3) or m.group(4) or "") for m in _ATTR.finditer(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key and "content" in attrs and key not in out:
            out[key] = htmllib.unescape(attrs["content"]).strip()
    return out


def _strip_site(title: str, site_names: list[str]) -> str:
    """Drop a site name glued to a title by a separator ("Headline | Site", "Site - Headline")."""
    parts = _SITE_SEP.split(title)
    if len(parts) < 2:
        return title
    lowered = [s.lower() for s in site_names if s]
    kept = [p for p in parts if p.lower() not in lowered and not any(p.lower() in s or s in p.lower()
                                                                     for s in lowered if len(p) > 2)]
    if kept and len(kept) < len(parts):
        return " - ".join(kept)
    # no known site name: the longest part is the headline when the others are short labels
    longest = max(parts, key=len)
    if len(longest.split()) >= 3 and all(len(p.split()) <= 4 for p in parts if p is not longest):
        return longest
    return title


def pick_title(html: str, tags: dict[str, str], traf_title: str | None, site_names: list[str]) -> str | None:
    h1s = [_clean(m) for m in _H1.findall(html)]
    h1s = [h for h in h1s if 2 <= len(h) <= 300]
    og = _clean(tags.get("og:title") or tags.get("twitter:title") or "")
    head = _clean(m.group(1)) if (m := _TITLE.search(html)) else ""
    references = [x for x in (og, head, traf_title or "") if x]
    # an h1 that the title tags repeat is the headline (a single h1 is usually the headline too)
    for h in h1s:
        if any(h.lower() in r.lower() for r in references):
            return h
    if len(h1s) == 1 and not references:
        return h1s[0]
    for ref in references:
        stripped = _strip_site(ref, site_names)
        if stripped:
            return stripped
    return h1s[0] if h1s else None


def pick_date(html: str, url: str | None, tags: dict[str, str], traf_date: str | None,
              today: date | None) -> date | None:
    # htmldate's pick (via trafilatura) first: on trafilatura-eval-dev it beat meta tags first (0.865 vs 0.856)
    found = dates.parse_iso(traf_date, today)
    if found:
        return found
    for key in ("article:published_time", "og:published_time", "datepublished", "date", "dc.date",
                "dc.date.issued", "pubdate", "publishdate", "sailthru.date", "parsely-pub-date"):
        if key in tags:
            found = dates.parse_iso(tags[key], today)
            if found:
                return found
    match = _JSONLD_DATE.search(html)
    if match:
        found = dates.parse_iso(match.group(1), today)
        if found:
            return found
    return dates.url_date(url, today)


def trafilatura_metadata(tree: HtmlElement, url: str | None) -> Document:
    """trafilatura's metadata of a parsed page (``trafilatura.metadata.extract_metadata`` in 2.3.1, step
    by step) without the parts ``extract`` does not read, which cost as much as the rest: categories,
    tags, licence and the site-name search (the outlet comes from the meta tags or the host here). The
    title and author searches and htmldate's date are kept."""
    document = examine_meta(tree)
    if document.author and " " not in document.author:
        document.author = None
    try:
        document = extract_meta_json(tree, document)
    except Exception as exc:  # trafilatura's JSON-LD reader fails in many ways on bad pages; it catches Exception too
        LOGGER.debug("JSON-LD metadata skipped: %s", exc)
    if not document.title:
        document.title = extract_title(tree)
    if not document.author:
        document.author = extract_author(tree)
    document.date = find_date(tree, **{**set_date_params(True), "url": document.url or url})
    return document


def extract(html: str, url: str | None, doc: Any, today: date | None = None) -> HtmlMeta:
    tags = meta_tags(html)
    meta = HtmlMeta()
    host = (urlsplit(url).hostname or "") if url and "://" in url else ""
    sitename = _clean(getattr(doc, "sitename", None) or tags.get("og:site_name") or "")
    meta.outlet = sitename or outlet_from_host(host) or None
    site_names = [sitename, host.removeprefix("www."), host.removeprefix("www.").split(".")[0]]
    meta.title = pick_title(html, tags, getattr(doc, "title", None), site_names)
    meta.published = pick_date(html, url, tags, getattr(doc, "date", None), today)
    raw_author = getattr(doc, "author", None) or tags.get("author") or ""
    people: list[str] = []
    for part in re.split(r"\s*;\s*", raw_author):
        if not part:
            continue
        wire = wire_of(part)
        if wire:
            meta.wire = meta.wire or wire
            continue
        found, wire = split_byline(part, meta.outlet)
        meta.wire = meta.wire or wire
        if found:
            people = merge_people(people, found)
        elif len(part.split()) == 1 and part.isalpha() and part.lower() != (meta.outlet or "").lower():
            people = merge_people(people, [part])  # a single-name byline or a blogger's handle
    meta.authors = people
    return meta
