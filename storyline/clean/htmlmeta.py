"""Metadata of an HTML page: title, date, authors, outlet, read from the page's one lxml parse.

Evidence is taken in the order a publisher states it most reliably: JSON-LD (``NewsArticle``,
``Article``, ``BlogPosting`` ... incl. ``@graph`` and lists), OpenGraph and other ``<meta>`` tags,
microdata (``itemprop``), ``<time datetime>``, byline elements (class/id with byline, author,
autor; ``rel="author"``), then the visible text near the headline and the URL. Titles lose a site
name glued to them ("Headline | Site"); authors are people, not roles, wires or the outlet; dates
are publication days, never in the future and never the modified date when a published one exists.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import date, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement

from storyline.clean import dates
from storyline.clean.outlets import outlet_from_host
from storyline.clean.people import clean_author_text, merge_people, split_byline, wire_of

LOGGER = logging.getLogger(__name__)

_SITE_SEP = re.compile(r"\s+(?:[|•·»«/]|[-–—:]{1,2}|::)\s+")
_CONTROL = re.compile(r"[\x00-\x1f]")
# Title segments that name a section of any blog or site, not the article ("Blog Archive", "News").
_GENERIC_PARTS = frozenset({"blog archive", "blog archiv", "archive", "archiv", "blog", "news", "nachrichten",
                            "home", "startseite", "aktuelles", "artikel", "article"})
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "report", "scholarlyarticle", "techarticle", "liveblogposting",
    "socialmediaposting", "discussionforumposting", "posting", "advertisercontentarticle", "satiricalarticle",
    "medicalscholarlyarticle", "review", "recipe", "howto", "videoobject", "podcastepisode", "creativework",
})
_ORGANISATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "governmentorganization",
                                 "ngo", "educationalorganization", "localbusiness", "website"})
_PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "profilepage", "qapage", "faqpage", "collectionpage"})
# <meta> keys holding the publication date, strongest first (modified/updated keys are never read).
_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
    "article.published", "published_time", "publishdate", "publish-date", "publish_date", "pubdate", "date",
    "dc.date.issued", "dcterms.date", "dc.date", "dcterms.issued", "dc.date.created", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "date.available", "datecreated", "created", "citation_publication_date",
    "citation_date", "originalpublicationdate", "cxenseparse:recs:publishtime", "article_date_original",
)
# Generic date keys (a CMS's timestamp of the page, often its last save) read after the page's own
# ``itemprop=datePublished``/``<time pubdate>`` (trafilatura-eval-dev half A 341 -> 342 of 365 days, B unchanged).
_GENERIC_DATE_KEYS = ("date", "dc.date", "dcterms.date")
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author",
                "citation_author", "byl", "twitter:creator", "og:article:author", "book:author", "dc.contributor")
# class/id words of byline elements; comment, sidebar and footer containers are skipped
_BYLINE_ATTR = re.compile(r"byline|author|autor|verfasser|writer|\bfn\b|vcard|reporter|redakteur|posted-?by", re.I)
_NOT_BYLINE_ATTR = re.compile(r"comment|kommentar|reply|respond|widget|sidebar|footer|related|teaser|avatar|"
                              r"author-?(?:box|bio|info|description|about|img|image|photo|pic)|about-?author|"
                              r"share|social|login|menu|nav", re.I)
# A container no byline of the article is in: comments, replies, related stories, teasers (one class token:
# "comments", "commentlist", "related-posts"). Sidebars and widgets are not excluded: Blogger puts the post
# in a "widget", themes wrap the article in "content-has-sidebar"; bylines below the headline come first.
_NOT_BYLINE_BLOCK = re.compile(r"(?:comment|kommentar|reply|respond|related|teaser|recommend|more-from|"
                               r"read-?more).*|.*[-_](?:comments?|related|teasers?)")
# The words that open a byline: "By", "Von", "Written by:", "Blog-Beitrag von", "Submitted by", "Autor:", "Text:";
# dashes may lead ("-- by Ana Berg"). Shared by the XPath that finds candidate text nodes and the check below.
_OPENING = (r"^[\s\-\u2013\u2014]*((written|posted|submitted|geschrieben|verfasst|gespeichert|eingereicht|"
            r"(ein(e|en)?\s+)?(blog-?\s?)?(beitrag|artikel|gastbeitrag))\s+)?"
            r"(by|von|autor(in)?\s*:|author\s*:|text\s*:|por|par)")
_BYLINE_TEXT = re.compile(_OPENING + r"\s*:?\s+\S", re.I)
# An element that holds only a label ("Autor", "Von:", "Text:"): the names follow it, in its tail or in the
# next element ("<b>Von:</b> Ana Berg", "<h4>Autor</h4><p><a>Ana Berg</a></p>").
_LABEL_ONLY = r"^\s*(by|von|autor(in|en)?|author|authors|verfasser(in)?|text|written by|geschrieben von)\s*:?\s*$"
_LABEL_TEXT = re.compile(_LABEL_ONLY, re.I)
MAX_BYLINE_CHARS = 120  # a byline element holds a few names, a role and a date; longer is a bio or a teaser


@dataclass(slots=True)
class HtmlMeta:
    title: str | None = None
    published: date | None = None
    authors: list[str] = field(default_factory=list)
    wire: str | None = None
    outlet: str | None = None


@dataclass(slots=True)
class ParsedPage:
    """The page's one parse (and its URL), handed from the body extractor to ``extract``."""

    tree: HtmlElement | None
    url: str | None = None


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _lower_attr(el: HtmlElement, name: str) -> str:
    return (el.get(name) or "").strip().lower()


def meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """``property``/``name``/``itemprop``/``http-equiv`` (lower case) -> the ``content`` values, page order."""
    out: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        key = _lower_attr(el, "property") or _lower_attr(el, "name") or _lower_attr(el, "itemprop")
        content = el.get("content")
        if key and content and content.strip():
            out.setdefault(key, []).append(_text(content))
    return out


# ---------------------------------------------------------------------------------------------- JSON-LD


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower().rsplit("/", 1)[-1] for k in kinds if k}


def _walk(data: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            _walk(item, out, depth + 1)
    elif isinstance(data, dict):
        if "@type" in data:
            out.append(data)
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "hasPart", "itemListElement", "item"):
            if isinstance(data.get(key), (list, dict)):
                _walk(data[key], out, depth + 1)


def jsonld_nodes(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every typed JSON-LD node of the page (``@graph`` and lists flattened), page order."""
    nodes: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if "ld+json" not in _lower_attr(script, "type"):
            continue
        raw = (script.text or "").strip().removeprefix("<!--").removesuffix("-->").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # raw line breaks and tabs inside strings are the usual breakage
                data = json.loads(_CONTROL.sub(" ", raw))
            except ValueError as exc:
                LOGGER.debug("JSON-LD block skipped: %s", exc)
                continue
        _walk(data, nodes)
    return nodes


def _names(value: Any, ids: dict[str, dict[str, Any]] | None = None) -> list[str]:
    """Author names of a JSON-LD ``author``: a string, a Person, or a list of them; ``ids``: the page's nodes by
    ``@id``, for an author given as a reference (``{"@id": ".../#/schema/person/1"}``, the Yoast graph's way)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [name for item in value for name in _names(item, ids)]
    if isinstance(value, dict):
        name = value.get("name")
        if name is None and ids and isinstance(value.get("@id"), str) and value["@id"] in ids:
            value = ids[value["@id"]]  # a reference: the node it names (resolved once, no chains)
            name = value.get("name")
        kinds = _types(value)
        if kinds & _ORGANISATION_TYPES and "person" not in kinds and not (isinstance(name, str) and wire_of(name)):
            return []  # the publisher named as author: not a person (a wire is kept, it becomes ``wire``)
        if isinstance(name, (str, list, dict)):
            return _names(name)
        given, family = value.get("givenName"), value.get("familyName")
        if isinstance(given, str) and isinstance(family, str):
            return [f"{given} {family}"]
    return []


@dataclass(slots=True)
class JsonLd:
    headline: str = ""
    published: str = ""
    authors: list[str] = field(default_factory=list)
    site: str = ""


def read_jsonld(nodes: list[dict[str, Any]]) -> JsonLd:
    """Headline, publication date and authors of the page's article node (a web page node as fallback)."""
    found = JsonLd()
    ids = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    articles = [n for n in nodes if _types(n) & ARTICLE_TYPES]
    pages = [n for n in nodes if _types(n) & _PAGE_TYPES]
    for node in articles + pages:
        if not found.headline:
            headline = node.get("headline") or (node.get("name") if node in articles else None)
            if isinstance(headline, str):
                found.headline = _text(headline)
        if not found.published:
            for key in ("datePublished", "dateCreated", "uploadDate"):
                if isinstance(node.get(key), str) and node[key].strip():
                    found.published = node[key].strip()
                    break
        if not found.authors and node in articles:
            found.authors = [_text(n) for n in _names(node.get("author") or node.get("creator"), ids) if _text(n)]
    for node in nodes:
        if _types(node) & {"website", "organization", "newsmediaorganization"} and isinstance(node.get("name"), str):
            found.site = _text(node["name"])
            break
    return found


# ---------------------------------------------------------------------------------------------- title


def _h1s(tree: HtmlElement) -> list[str]:
    out = []
    for el in tree.iter("h1"):
        text = _text(el.text_content())
        if 2 <= len(text) <= 300:
            out.append(text)
    return out


def _classed_headlines(tree: HtmlElement) -> list[str]:
    """Headings marked as the post's title (``entry-title``, ``post-title``, ``itemprop=headline``)."""
    out = []
    for el in tree.xpath('//*[@itemprop="headline" or contains(@class, "entry-title") or '
                         'contains(@class, "post-title") or contains(@class, "article-title") or '
                         'contains(@class, "article__title") or contains(@class, "headline")][not(self::meta)]'):
        text = _text(el.text_content())
        if 2 <= len(text) <= 300:
            out.append(text)
    return out


def _norm_title(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def strip_site(title: str, site_names: list[str]) -> str:
    """Drop a site name glued to a title by a separator ("Headline | Site", "Site - Headline", "Site: Headline")."""
    names = {_norm_title(s) for s in site_names if s and len(_norm_title(s)) > 2}
    for name in sorted(names, key=len, reverse=True):  # "Site: Headline"
        match = re.match(r"\s*(.+?)\s*:\s+(.{12,})$", title)
        if match and _norm_title(match.group(1)) == name:
            title = match.group(2)
            break
    pieces = _SITE_SEP.split(title)
    if len(pieces) < 2:
        return title
    seps = _SITE_SEP.findall(title)
    squashed = {n.replace(" ", "") for n in names}

    def is_site(piece: str) -> bool:
        norm = _norm_title(piece)
        if not norm:
            return False
        if norm in names or norm.replace(" ", "") in squashed or norm in _GENERIC_PARTS:
            return True
        # a part of the site's name ("Courier"), or the name with a word or two more ("Valley Courier Online")
        return any(len(norm) > 3 and (norm in n or (n in norm and len(norm.split()) <= len(n.split()) + 2))
                   for n in names)

    start, end = 0, len(pieces)
    while end - start > 1 and is_site(pieces[end - 1]):
        end -= 1
    while end - start > 1 and is_site(pieces[start]):
        start += 1
    if (start, end) == (0, len(pieces)):
        return title
    out = pieces[start]
    for i in range(start + 1, end):
        out += seps[i - 1] + pieces[i]
    return out


_SITE_MARK = re.compile(r"site-?title|site-?name|site-?branding|logo|brand|masthead|blog-?title|header-?title|"
                        r"site-?header|blog-?name", re.I)
_NOT_HEADLINE = frozenset({"navigation", "menu", "suche", "search", "kategorien", "categories", "archive", "archiv",
                           "neueste kommentare", "recent comments", "beitragsnavigation", "post navigation",
                           "beitrags navigation", "navigationsmen\u00fc", "hauptmen\u00fc", "page", "user", "detail",
                           "kommentare", "comments", "related posts", "tags", "schlagw\u00f6rter", "footer", "header"})


_NAV_WORDS = re.compile(r"\b(?:menu|men\u00fc|navigation|navigazione|navegaci\u00f3n|sitemap)\b")


def _site_like(el: HtmlElement, text: str, site_names: list[str]) -> bool:
    """A heading that names the site (a blog's logo h1), not the article."""
    norm = _norm_title(text)
    if not norm or norm in _NOT_HEADLINE or _NAV_WORDS.search(norm):
        return True
    squashed = norm.replace(" ", "")
    for name in site_names:
        other = _norm_title(name)
        if other and (norm == other or squashed == other.replace(" ", "")):
            return True
    for node in [el, *list(el.iterancestors())[:3]]:
        if _SITE_MARK.search((node.get("class") or "") + " " + (node.get("id") or "")):
            return True
    for link in el.iter("a"):
        href = (link.get("href") or "").strip()
        if _lower_attr(link, "rel") == "home" or href in ("/", "./") or re.fullmatch(r"https?://[^/]+/?", href):
            return True
    return False


def pick_title(ld: JsonLd, tags: dict[str, list[str]], tree: HtmlElement, site_names: list[str]) -> str | None:
    """The headline as the page shows it. Order set on trafilatura-eval-dev half A (exact accuracy
    0.748 -> 0.841; half B 0.760 -> 0.839), whose annotators took the visible headline: an h1 the title
    tags repeat, else the page's first h1 that is not the site's name (a logo) or a widget heading, else a
    heading marked as the post title, else the title tags without the site name."""
    og = _text((tags.get("og:title") or tags.get("twitter:title") or [""])[0])
    head_el = tree.find(".//title")
    head = _text(head_el.text_content()) if head_el is not None else ""
    h1s: list[str] = []
    for el in tree.iter("h1"):
        text = _text(el.text_content())
        if 2 <= len(text) <= 300:
            if _site_like(el, text, site_names):
                site_names = [*site_names, text]
            else:
                h1s.append(text)
    references = [r for r in (ld.headline, og, head) if r]
    ref_norms = [_norm_title(strip_site(r, site_names)) for r in references]
    # an h1 (or a heading marked as the title) that the title tags repeat is the headline
    for cand in h1s:
        norm = _norm_title(cand)
        if len(norm) > 3 and any(norm in r for r in ref_norms):
            return cand
    classed = _classed_headlines(tree)  # only read when no h1 matched (an XPath over the whole page)
    for cand in classed:
        norm = _norm_title(cand)
        if len(norm) > 3 and any(norm in r for r in ref_norms):
            return cand
    for cand in h1s:
        if len(cand.split()) >= 2:
            return cand
    for ref in references:
        stripped = strip_site(ref, site_names)
        if stripped:
            return stripped
    return h1s[0] if h1s else (classed[0] if classed else None)


def _dom_dates(tree: HtmlElement, today: date | None) -> date | None:
    """``itemprop=datePublished``, ``<time pubdate>``, a first ``<time datetime>`` marked as published."""
    for el in tree.xpath('//*[@itemprop="datePublished" or @itemprop="dateCreated"]'):
        # hAtom's "<abbr class=published itemprop=datePublished title=2017-09-09T10:52:00+02:00>" keeps it in title
        stamp = el.get("content") or el.get("datetime") or (el.get("title") if el.tag == "abbr" else "") or ""
        found = dates.parse_iso(stamp, today) or dates.parse_text(
            _text(el.text_content()), today)
        if found:
            return found
    for el in tree.iter("time"):
        marks = " ".join((el.get("class") or "", el.get("id") or "", el.getparent().get("class") or ""
                          if el.getparent() is not None else "")).lower()
        if el.get("pubdate") is not None or (("publish" in marks or "entry-date" in marks) and "modif" not in marks):
            found = dates.parse_iso(el.get("datetime") or "", today) or dates.parse_text(_text(el.text_content()),
                                                                                         today)
            if found:
                return found
    return None


_COUNTRY_MONTH_FIRST = frozenset({"us", "ph", "fm", "pw", "mh"})  # where "05/07/2022" is May 7


def day_first(tree: HtmlElement, tags: dict[str, list[str]], host: str) -> bool:
    """Whether the page writes "05/07/2022" for 5 July: from its language region, else its country domain."""
    lang = ((tree.get("lang") or "") or (tags.get("og:locale") or [""])[0]).lower().replace("_", "-")
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if lang.startswith("en"):
        region = lang[3:5]
        if region:
            return region not in _COUNTRY_MONTH_FIRST
        return len(tld) == 2 and tld not in _COUNTRY_MONTH_FIRST
    return bool(lang) or (len(tld) == 2 and tld not in _COUNTRY_MONTH_FIRST)


# Languages and country domains of pages shown in Central European time: a UTC timestamp late in the evening
# ("2022-11-06T23:00:00.000Z") is published the next day there (trafilatura-eval-dev: 1 page gained on each half,
# none lost). Elsewhere the UTC day is kept: for the Americas the annotators took it (4 pages where the local
# day would be the day before, 1 the other way).
_CET_LANGS = frozenset({"de", "fr", "it", "nl", "pl", "cs", "sk", "da", "sv", "nb", "nn", "no", "hu", "sl", "hr",
                        "lb"})
_CET_TLDS = frozenset({"de", "at", "ch", "fr", "it", "nl", "be", "lu", "pl", "cz", "sk", "dk", "se", "no", "hu",
                       "si", "hr", "li"})


def local_zone(tree: HtmlElement, tags: dict[str, list[str]], host: str) -> tzinfo | None:
    """Central European time for a page in one of its languages (or, without a language, on one of its country
    domains); else None (UTC timestamps keep their day)."""
    lang = ((tree.get("lang") or "") or (tags.get("og:locale") or [""])[0]).lower().replace("_", "-")
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if (lang[:2] in _CET_LANGS or lang.startswith("es-es")) if lang else tld in _CET_TLDS:
        return _cet()
    return None


@lru_cache(maxsize=1)
def _cet() -> tzinfo:
    try:
        return ZoneInfo("Europe/Berlin")
    except ZoneInfoNotFoundError:  # no time zone data installed: standard time all year
        return timezone(timedelta(hours=1))


VISIBLE_AFTER_H1 = 600  # characters of text read after the headline for a printed date (the byline zone)


# Elements a reader does not see in the byline zone ("<time hidden>", "<span class='rich-snippet-hidden'>"): the
# machine copy of a date, often the modified one (trafilatura-eval-dev half A exact day 0.9233 -> 0.9315, B
# unchanged 0.8623). Dates marked or labelled as updated are read all the same: the annotators took the date
# printed for readers, which is often the update ("Stand: ...") — skipping them lost 2 on A and 6 on B.
# (whole class tokens: Drupal's "field--label-hidden" hides a field's label, not the field)
_UNSEEN_CLASSES = frozenset({"hidden", "sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden",
                             "d-none", "invisible", "rich-snippet-hidden", "is-hidden", "hide", "hidden-xs"})


_UPDATE_MARK = re.compile(r"\bupdated\b|modified")


def _unseen(el: HtmlElement) -> bool:
    marks = (el.get("class") or "") + " " + (el.get("itemprop") or "")
    if el.get("hidden") is not None or not _UNSEEN_CLASSES.isdisjoint(marks.lower().split()):
        return True
    style = el.get("style")
    return bool(style) and "none" in style and re.search(r"display\s*:\s*none", style) is not None


def visible_date(tree: HtmlElement, today: date | None, first_day: bool, h1: HtmlElement | None = None,
                 crawled: date | None = None) -> date | None:
    """The first full date printed in the text that follows the headline (``h1``): the byline's date. Hidden
    elements (and what they hold) are passed over; so is an element marked as the update ("<time class=updated>")
    when another one of the zone is marked as the publication (trafilatura-eval-dev half A 342 -> 343 of 365,
    B unchanged; without a published mark the update is read: it is often the date the annotators took).
    ``crawled``: the day the page was fetched, when known; a relative stamp ("vor 2 Stunden") counts from it."""
    if h1 is None:
        h1 = next(tree.iter("h1"), None)
    if h1 is None:
        return None
    pieces: list[str] = []
    updates: set[int] = set()  # pieces read from an element marked as the update ("<time class=updated>")
    size = 0
    started = False
    published = False  # an element of the zone is marked as the publication date
    skipped: set[HtmlElement] = set()
    update_els: set[HtmlElement] = set()
    for el in tree.iter():
        if el is h1:
            started = True
            text = (el.tail or "").strip()
            if text:
                pieces.append(text)
            continue
        if not started or not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript", "template"):
            continue
        if skipped and el.getparent() in skipped:
            skipped.add(el)  # inside a passed-over element: its text and its children's tails are unseen
            continue
        texts: tuple[str | None, ...] = (el.text, el.tail)
        if _unseen(el):
            skipped.add(el)
            texts = (el.tail,)
        marks = ((el.get("class") or "") + " " + (el.get("itemprop") or "")).lower()
        if "publish" in marks or el.get("pubdate") is not None:
            published = True
        elif _UPDATE_MARK.search(marks) or (update_els and el.getparent() in update_els):
            update_els.add(el)
        for i, piece in enumerate(texts):
            if piece and piece.strip():
                if el in update_els and i == 0 and len(texts) == 2:  # the element's own text, not its tail
                    updates.add(len(pieces))
                pieces.append(piece.strip())
                size += len(piece.strip())
        if size > VISIBLE_AFTER_H1:
            break
    if not pieces:
        return None
    if published and updates:
        pieces = [piece for i, piece in enumerate(pieces) if i not in updates]
    zone = " | ".join(pieces)[:VISIBLE_AFTER_H1]
    found = dates.parse_text(zone, today, first_day)
    if found is None and crawled is not None:  # "vor 2 Stunden", "3 days ago": only from a known crawl day
        found = dates.relative_date(zone[:300], crawled)
    return found


_DATE_CLASS = re.compile(r"date|time|datum|posted|published|byline|meta", re.I)


def classed_date(tree: HtmlElement, today: date | None, first_day: bool) -> date | None:
    """The first date printed in a short element whose class names a date, time or byline."""
    for el in tree.iter("span", "div", "p", "time", "li", "small", "em", "strong", "a", "header"):
        if not _DATE_CLASS.search(el.get("class") or "") or "modif" in (el.get("class") or "").lower():
            continue
        text = _text(el.text_content())
        if len(text) <= 150:
            found = dates.parse_text(text, today, first_day)
            if found:
                return found
    return None


def htmldate_date(tree: HtmlElement, url: str | None, today: date | None) -> date | None:
    """htmldate's original-date search, the last resort (slow; its heuristics read the whole page)."""
    try:
        found = find_date(tree, url=url, original_date=True, extensive_search=True,
                          max_date=(today or date.today()).isoformat())
    except (ValueError, TypeError) as exc:  # htmldate fails on odd markup; the page then has no date
        LOGGER.debug("htmldate skipped: %s", exc)
        return None
    return dates.parse_iso(found, today)


def pick_date(ld: JsonLd, tags: dict[str, list[str]], tree: HtmlElement, url: str | None,
              today: date | None, first_day: bool = True, h1: HtmlElement | None = None,
              local: tzinfo | None = None, crawled: date | None = None) -> date | None:
    """The publication day. Order set on trafilatura-eval-dev half A (sha1 of the page id, even first byte;
    exact-day accuracy 0.882 with htmldate alone -> 0.932; half B 0.849 -> 0.862): the date printed under
    the headline (what a reader, and the annotators, see), ``article:published_time``, JSON-LD
    ``datePublished``, a date in the URL, the other date ``<meta>`` keys, microdata and ``<time>``, dates
    in elements classed as date/byline, then htmldate. Modified/updated dates are never read. ``local``: the
    zone UTC timestamps of the meta tags are read in (``local_zone``)."""
    found = visible_date(tree, today, first_day, h1, crawled)
    if found:
        return found
    for value in tags.get("article:published_time", []):
        found = dates.parse_iso(value, today, local) or dates.parse_text(value, today, first_day)
        if found:
            return found
    found = dates.parse_iso(ld.published, today, local) or dates.url_date(url, today)
    if found:
        return found
    for key in _DATE_KEYS:
        if key in _GENERIC_DATE_KEYS:
            continue
        for value in tags.get(key, []):
            found = dates.parse_iso(value, today, local) or dates.parse_text(value, today, first_day)
            if found:
                return found
    found = _dom_dates(tree, today)
    if found:
        return found
    for key in _GENERIC_DATE_KEYS:
        for value in tags.get(key, []):
            found = dates.parse_iso(value, today, local) or dates.parse_text(value, today, first_day)
            if found:
                return found
    return classed_date(tree, today, first_day) or htmldate_date(tree, url, today)


# ---------------------------------------------------------------------------------------------- authors


_MARKED = etree.XPath("//*[@class or @id or @rel or @itemprop or self::byline or self::author]")


def _short_text(el: HtmlElement, limit: int) -> str:
    """The element's text with whitespace collapsed, or "" when it is longer than ``limit`` (read no further)."""
    pieces: list[str] = []
    size = 0
    for piece in el.itertext():
        size += len(piece)
        if size > 4 * limit:  # whitespace may shrink it, but not by this much: a container, not a byline
            return ""
        pieces.append(piece)
    text = " ".join("".join(pieces).split())
    return text if len(text) <= limit else ""


def _skip_byline(el: HtmlElement) -> bool:
    for anc in el.iterancestors():
        if anc.tag in ("body", "html"):  # their classes describe the whole page ("has-sidebar")
            break
        if anc.tag in ("nav", "form"):
            return True
        tokens = ((anc.get("class") or "") + " " + (anc.get("id") or "")).lower().split()
        if any(_NOT_BYLINE_BLOCK.fullmatch(token) for token in tokens):
            return True
    return False


def _dom_bylines(tree: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """Byline elements and their text, page order: ``rel=author``, ``itemprop=author``, class/id like byline/author."""
    out: list[tuple[HtmlElement, str]] = []
    for el in _MARKED(tree):
        if el.tag in ("script", "style", "link", "img", "body", "html", "head"):
            continue
        marks = (el.get("class") or "") + " " + (el.get("id") or "")
        rel = _lower_attr(el, "rel")
        prop = _lower_attr(el, "itemprop")
        if not (rel == "author" or prop in ("author", "creator") or _BYLINE_ATTR.search(marks)
                or el.tag in ("byline", "author")):
            continue
        if _NOT_BYLINE_ATTR.search(marks) or _skip_byline(el):
            continue
        if prop in ("author", "creator"):
            names = el.xpath('.//*[@itemprop="name"]')
            if names:
                el = names[0]
        text = _text(el.get("content")) if el.tag == "meta" else _short_text(el, MAX_BYLINE_CHARS)
        if 2 <= len(text) <= MAX_BYLINE_CHARS:
            out.append((el, text))
        if len(out) >= 12:
            break
    return out


# A text node that may open a byline ("By", "Von " before a link): only its elements and their
# ancestors are read whole below, instead of every element of the page (the scan was a quarter of
# the HTML cleaning time on zyte-html-dev).
_BYLINE_START = etree.XPath(
    f"//text()[re:test(., '{_OPENING}(\\s|:|$)|{_LABEL_ONLY}', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)
_BYLINE_TAGS = ("p", "span", "div", "em", "strong", "b", "i", "small", "h4", "h5", "h6", "address", "li", "dt", "th",
                "label")


def _byline_candidates(tree: HtmlElement) -> set[HtmlElement]:
    found: set[HtmlElement] = set()
    for node in _BYLINE_START(tree):
        el = node.getparent()
        if el is None:
            continue
        if node.is_tail:  # "<b>x</b> By Ana": the sentence is in the tail's parent
            el = el.getparent()
        for _ in range(6):  # the byline element holds the opening words at its start, a few levels up
            if el is None or el in found:
                break
            found.add(el)
            el = el.getparent()
    return found


def _following_text(el: HtmlElement) -> str:
    """The text after a label element: its tail, else the next non-empty sibling's (or its parent's) short text."""
    tail = " ".join((el.tail or "").split())
    if len(tail) > 1:
        return tail[:MAX_BYLINE_CHARS]
    for node in (el, el.getparent()):
        if node is None:
            continue
        for sibling in node.itersiblings():
            if not isinstance(sibling.tag, str) or sibling.tag == "br":
                tail = " ".join((sibling.tail or "").split())
                if len(tail) > 1:  # "<b>Von:</b><br><br>Ana Berg": the name after a line break
                    return tail[:MAX_BYLINE_CHARS]
                continue
            text = _short_text(sibling, MAX_BYLINE_CHARS)
            if text:
                return text
            if len(sibling.text_content().strip()) > 1:
                return ""  # a long sibling: not a name
        if node.getparent() is None or len(" ".join((node.tail or "").split())) > 1:
            break
    return ""


def _text_bylines(tree: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """Short elements whose text reads "Von X", "By X", "Autor: X" (first few, page order)."""
    out: list[tuple[HtmlElement, str]] = []
    candidates = _byline_candidates(tree)
    if not candidates:
        return out
    for el in tree.iter(*_BYLINE_TAGS):
        if el not in candidates:
            continue
        text = _short_text(el, MAX_BYLINE_CHARS)
        if text and _LABEL_TEXT.match(text):
            text = f"{text.strip(' :')}: {_following_text(el)}"
        if not text or not _BYLINE_TEXT.match(text) or _skip_byline(el):
            continue
        out.append((el, text))
        if len(out) >= 6:
            break
    return out


_META_BLOCK = re.compile(r"meta|info|credit|detail|autor|author|byline|posted|date|datum|header|head", re.I)
NEAR_HEADLINE_ELEMENTS = 150  # elements read after the headline for a name in its meta line (the byline zone)


DATED_LINE_ELEMENTS = 8  # elements right after the headline read for a "date - name" line
_LINE_SEP = re.compile(r"\s+[-\u2013\u2014|\u2022\u00b7/]\s+|\s*[|\u2022\u00b7]\s*")


def _names_beside_date(text: str) -> list[str]:
    """A name that shares the meta line under the headline with a full date, and nothing else ("11.12.2019 - Ana
    Berg", "Ana Berg | 3. Mai 2021"): the byline of pages that mark nothing."""
    if not text or not dates.find_dates(text):
        return []
    parts = [part.strip() for part in _LINE_SEP.split(text) if part.strip()]
    if len(parts) != 2:
        return []
    dated = [bool(dates.find_dates(part)) for part in parts]
    if dated.count(True) != 1:
        return []
    name = parts[dated.index(False)]
    return [name] if 2 <= len(name.split()) <= 4 and not any(ch.isdigit() for ch in name) else []


def _near_headline_names(tree: HtmlElement, h1: HtmlElement | None) -> list[str]:
    """A person's name alone in a link or bold text of a meta/info/credit block right after the headline
    ("<div class=article-meta><a>Ana Berg</a> | 3. Mai 2021</div>"): a byline no class names as one."""
    if h1 is None:
        return []
    out: list[str] = []
    started, seen = False, 0
    for el in tree.iter():
        if el is h1:
            started = True
            continue
        if not started or not isinstance(el.tag, str):
            continue
        seen += 1
        if seen > NEAR_HEADLINE_ELEMENTS or (el.tag == "p" and len(el.text_content()) > 400):
            break
        if seen <= DATED_LINE_ELEMENTS and el.tag in ("p", "div", "span", "small"):
            out.extend(_names_beside_date(_short_text(el, 80)))
        if el.tag not in ("a", "strong", "b", "span", "em", "address", "cite", "dd", "i"):
            continue
        text = _text(el.text_content())
        if not 4 <= len(text) <= 40 or not 2 <= len(text.split()) <= 4:
            continue
        blocks = [el, *list(el.iterancestors())[:3]]
        if any(_META_BLOCK.search((b.get("class") or "") + " " + (b.get("id") or "")) for b in blocks):
            out.append(text)
            if len(out) >= 3:
                break
    return out


def _after_headline(found: list[tuple[HtmlElement, str]], order: dict[HtmlElement, int],
                    h1_at: int | None) -> list[str]:
    """Byline texts, the ones below the headline first (teasers and widgets above it name other authors)."""
    if h1_at is None:
        return [text for _, text in found]
    below = [text for el, text in found if order.get(el, -1) > h1_at]
    return below + [text for el, text in found if order.get(el, -1) <= h1_at]


# The label of a ``twitter:labelN``/``twitter:dataN`` pair that names the author (Yoast and other SEO plugins
# write "Written by"/"Verfasst von" there, also when no author meta tag is set).
_AUTHOR_LABELS = frozenset({"written by", "verfasst von", "geschrieben von", "author", "autor", "autorin", "by",
                            "von", "écrit par", "ecrit par", "escrito por", "scritto da", "geschreven door"})


def labelled_author(tags: dict[str, list[str]]) -> list[str]:
    """The ``twitter:dataN`` values whose ``twitter:labelN`` says "Written by" (one pair per number)."""
    out = []
    for number in "1234":
        labels, values = tags.get(f"twitter:label{number}"), tags.get(f"twitter:data{number}")
        if labels and values and labels[0].strip(" :").lower() in _AUTHOR_LABELS:
            out.append(values[0])
    return out


def pick_authors(ld: JsonLd, tags: dict[str, list[str]], tree: HtmlElement, outlet: str | None,
                 site_names: list[str], h1: HtmlElement | None = None) -> tuple[list[str], str | None]:
    """People named as the article's authors, and the wire service when one is named.

    Sources, strongest first: JSON-LD, author ``<meta>`` tags, byline elements, "Von X" texts; a source's
    full names (two words or more) beat a single-word handle found in a stronger one ("edilson.la.rosa")."""
    meta_values = [v for key in _AUTHOR_KEYS for v in tags.get(key, []) if not v.startswith(("http", "@", "www."))]
    meta_values += labelled_author(tags)
    page: dict[str, list[str]] = {"jsonld": ld.authors, "meta": meta_values}

    def source(kind: str) -> list[str]:
        """The raw author texts of one source, the page's bylines read only when a pass needs them."""
        if kind not in page:
            if kind == "near":
                page[kind] = _near_headline_names(tree, h1)
            else:
                page["dom"], page["text"] = _page_bylines(tree, h1)
        return page[kind]

    wire: str | None = None
    # full names first, then single-word handles, then a name alone in the meta line under the headline
    kinds = ("jsonld", "meta", "dom", "text")
    passes = [(False, k) for k in kinds] + [(True, k) for k in kinds] + [(False, "near")]
    for handles, kind in passes:
        people: list[str] = []
        for raw in source(kind):
            found, found_wire = clean_author_text(raw, outlet, site_names, structured=handles)
            wire = wire or found_wire
            if found and kind in ("dom", "text", "near"):
                people = found  # the first byline element that names someone
                break
            people = merge_people(people, found)
        if people:
            return people, wire
    return [], wire


def _page_bylines(tree: HtmlElement, h1: HtmlElement | None) -> tuple[list[str], list[str]]:
    """Byline elements' texts and "Von X" texts, each with the ones below the headline first."""
    order: dict[HtmlElement, int] = {}
    h1_at: int | None = None
    dom, text = _dom_bylines(tree), _text_bylines(tree)
    if h1 is not None and (dom or text):
        wanted = {el for el, _ in dom + text} | {h1}
        for i, el in enumerate(tree.iter()):
            if el in wanted:
                order[el] = i
        h1_at = order.get(h1)
    return _after_headline(dom, order, h1_at), _after_headline(text, order, h1_at)


# ---------------------------------------------------------------------------------------------- entry points


# Hosts where each subdomain is one user's blog (trafilatura-eval-dev half A: 4 pages signed by that user name).
_BLOG_HOST = re.compile(r"^[\w-]+\.(?:wordpress\.com|blogspot\.[a-z.]+|tumblr\.com|substack\.com|medium\.com|"
                        r"livejournal\.com|over-blog\.com|wixsite\.com|jimdofree\.com|jimdo\.com|blogger\.com|"
                        r"typepad\.com|blog\.de|twoday\.net|hatenablog\.com)$")


def extract(html: str, url: str | None, doc: Any, today: date | None = None,
            crawled: date | None = None) -> HtmlMeta:
    """Title, date, authors, wire and outlet of a page; ``doc``: the page's ``ParsedPage``. ``crawled``: the day
    the page was fetched (a scraper's date header, a feed field), when known: no date after it is taken, and
    relative stamps ("vor 2 Stunden", "yesterday") under the headline count back from it."""
    del html  # read from the parse in ``doc``
    if crawled is not None:
        today = min(today, crawled) if today else crawled
    meta = HtmlMeta()
    tree = getattr(doc, "tree", None)
    host = (urlsplit(url).hostname or "") if url and "://" in url else ""
    if tree is None:
        meta.outlet = outlet_from_host(host)
        meta.published = dates.url_date(url, today)
        return meta
    tags = meta_tags(tree)
    ld = read_jsonld(jsonld_nodes(tree))
    sitename = _text((tags.get("og:site_name") or tags.get("application-name") or [""])[0]) or ld.site
    meta.outlet = sitename or outlet_from_host(host) or None
    domain = host.removeprefix("www.")
    site_names = [sitename, ld.site, domain, domain.split(".")[0], meta.outlet or ""]
    meta.title = pick_title(ld, tags, tree, site_names)
    h1s = list(tree.iter("h1"))
    h1 = next((el for el in h1s if _text(el.text_content()) == meta.title), h1s[0] if h1s else None)
    meta.published = pick_date(ld, tags, tree, url, today, day_first(tree, tags, host), h1,
                               local_zone(tree, tags, host), crawled)
    # on a shared blog host the subdomain is the blogger's user name, which may sign the post ("surfguard")
    author_sites = [n for n in site_names if n != domain.split(".")[0]] if _BLOG_HOST.search(domain) else site_names
    meta.authors, meta.wire = pick_authors(ld, tags, tree, meta.outlet, author_sites, h1)
    return meta


__all__ = ["HtmlMeta", "ParsedPage", "extract", "jsonld_nodes", "meta_tags", "read_jsonld", "split_byline",
           "strip_site", "wire_of"]
