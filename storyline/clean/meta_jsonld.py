"""Structured metadata of a parsed page: ``<meta>`` tags and JSON-LD nodes (``@graph``, lists, ``@id`` references)."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from storyline.clean.people import wire_of

LOGGER = logging.getLogger(__name__)

_CONTROL = re.compile(r"[\x00-\x1f]")
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "report",
        "scholarlyarticle",
        "techarticle",
        "liveblogposting",
        "socialmediaposting",
        "discussionforumposting",
        "posting",
        "advertisercontentarticle",
        "satiricalarticle",
        "medicalscholarlyarticle",
        "review",
        "recipe",
        "howto",
        "videoobject",
        "podcastepisode",
        "creativework",
    }
)
_ORGANISATION_TYPES = frozenset(
    {
        "organization",
        "newsmediaorganization",
        "corporation",
        "governmentorganization",
        "ngo",
        "educationalorganization",
        "localbusiness",
        "website",
    }
)
_PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "profilepage", "qapage", "faqpage", "collectionpage"})


def clean_text(value: Any) -> str:
    """Whitespace collapsed ("" for None)."""
    return " ".join(str(value).split()) if value is not None else ""


def lower_attr(el: HtmlElement, name: str) -> str:
    """An attribute's value, stripped and lower-cased ("" when absent)."""
    return (el.get(name) or "").strip().lower()


def meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """``property``/``name``/``itemprop``/``http-equiv`` (lower case) -> the ``content`` values, page order."""
    out: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        key = lower_attr(el, "property") or lower_attr(el, "name") or lower_attr(el, "itemprop")
        content = el.get("content")
        if key and content and content.strip():
            out.setdefault(key, []).append(clean_text(content))
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
        if "ld+json" not in lower_attr(script, "type"):
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
    site_person: str = ""  # the person the site belongs to (a personal blog's publisher), when one is named


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
                found.headline = clean_text(headline)
        if not found.published:
            for key in ("datePublished", "dateCreated", "uploadDate"):
                if isinstance(node.get(key), str) and node[key].strip():
                    found.published = node[key].strip()
                    break
        if not found.authors and node in articles:
            names = _names(node.get("author") or node.get("creator"), ids)
            found.authors = [clean_text(n) for n in names if clean_text(n)]
    for node in nodes:
        if _types(node) & {"website", "organization", "newsmediaorganization"} and isinstance(node.get("name"), str):
            found.site = clean_text(node["name"])
            break
    found.site_person = _site_person(nodes, ids)
    return found


def _site_person(nodes: list[dict[str, Any]], ids: dict[str, dict[str, Any]]) -> str:
    """The name of a person who publishes the site: a node typed both Person and Organization (Yoast's graph for
    a personal site), or a Person the ``WebSite`` node names as its publisher."""
    for node in nodes:
        kinds = _types(node)
        publisher: Any = None
        if "person" in kinds and "organization" in kinds:
            publisher = node
        elif "website" in kinds:
            publisher = node.get("publisher")
            if isinstance(publisher, dict) and "name" not in publisher:
                publisher = ids.get(str(publisher.get("@id")))
        if isinstance(publisher, dict) and "person" in _types(publisher) and isinstance(publisher.get("name"), str):
            return clean_text(publisher["name"])
    return ""
