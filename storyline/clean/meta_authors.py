"""Authors of a parsed page: JSON-LD, author ``<meta>`` tags, byline elements, "Von X" texts and the meta line
under the headline, cleaned to people (``storyline.clean.people``); a wire named there is kept apart."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from storyline.clean import dates
from storyline.clean.meta_jsonld import JsonLd, clean_text, lower_attr
from storyline.clean.meta_signoff import (
    TEXT_NODES,
    author_card,
    copyright_holder,
    credit_line,
    page_marks,
    post_author_reply,
    press_contact,
    signature,
    site_owner,
)
from storyline.clean.meta_spelling import spelled_out
from storyline.clean.people import clean_author_text, merge_people

_AUTHOR_KEYS = (
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "citation_author",
    "byl",
    "twitter:creator",
    "og:article:author",
    "book:author",
    "dc.contributor",
)
# class/id words of byline elements; comment, sidebar and footer containers are skipped
_BYLINE_ATTR = re.compile(r"byline|author|autor|verfasser|writer|\bfn\b|vcard|reporter|redakteur|posted-?by", re.I)
# the same, on the lower-cased marks: a case-blind pattern tried on the class and id of every element of a page was a
# tenth of the metadata step's CPU time (trafilatura-eval-dev, cProfile)
_BYLINE_MARKS = re.compile(_BYLINE_ATTR.pattern).search
_NOT_BYLINE_ATTR = re.compile(
    r"comment|kommentar|reply|respond|widget|sidebar|footer|related|teaser|avatar|"
    r"author-?(?:box|bio|info|description|about|img|image|photo|pic)|about-?author|"
    r"share|social|login|menu|nav|"
    # the author of a picture under a licence ("license-author", "image-credit"), not of the page
    r"licen[cs]e|image-?credit|photo-?credit|caption",
    re.I,
)
# A byline element holding a picture licence's author link ("<span class=author-name><a class=license-author>")
_LICENSED = etree.XPath(".//*[contains(@class, 'license') or contains(@class, 'licence')]")
# A container no byline of the article is in: comments, replies, related stories, teasers (one class token:
# "comments", "commentlist", "related-posts"). Sidebars and widgets are not excluded: Blogger puts the post
# in a "widget", themes wrap the article in "content-has-sidebar"; bylines below the headline come first.
_NOT_BYLINE_BLOCK = re.compile(
    r"(?:comment|kommentar|reply|respond|related|teaser|recommend|more-from|"
    r"read-?more).*|.*[-_](?:comments?|related|teasers?)"
)
# The words that open a byline: "By", "Von", "Written by:", "Blog-Beitrag von", "Submitted by", "Autor:", "Text:";
# dashes may lead ("-- by Ana Berg"), and a numeric date with its time ("06.11.2023 13:30 von Ana Berg"). Shared by
# the XPath that finds candidate text nodes and the check below.
_OPENING = (
    r"^[\s\-\u2013\u2014]*+(\d{1,2}\.\d{1,2}\.\d{2,4},?\s+(\d{1,2}:\d{2}(\s*uhr)?\s+)?)?"
    r"((written|posted|submitted|geschrieben|verfasst|gespeichert|eingereicht|eingestellt|erstellt|"
    r"ver\u00f6ffentlicht|text|(ein(e|en)?\s+)?(blog-?\s?)?(beitrag|artikel|gastbeitrag|kolumne|kommentar|glosse))\s+)?"
    r"(by|von|autor(in)?\s*:|author\s*:|auteur\s*:|interview\s*:|text\s*(?:(&|und|\+)\s*(fotos?|bilder?)\s*)?:|redaktion\s*:|por|par)"
)
_BYLINE_TEXT = re.compile(_OPENING + r"\s*:?\s+\S", re.I)
# An element that holds only a label ("Autor", "Von:", "Text:", a magazine's "Interview" credit): the names follow it,
# in its tail or in the next element ("<b>Von:</b> Ana Berg", "<h4>Autor</h4><p><a>Ana Berg</a></p>").
_LABEL_ONLY = (
    r"^\s*+(by|von|autor(in|en)?|author|authors|auteur|verfasser(in)?|text|interview|written by|geschrieben von)"
    r"\s*:?\s*$"
)
_LABEL_TEXT = re.compile(_LABEL_ONLY, re.I)
MAX_BYLINE_CHARS = 120  # a byline element holds a few names, a role and a date; longer is a bio or a teaser

# ---------------------------------------------------------------------------------------------- authors


# ``<meta itemprop=author>`` of an item that is itself a property of the page's item ("citation", "review")
_NESTED_ITEM_AUTHORS = etree.XPath("//*[@itemscope and @itemprop]//meta[@itemprop='author'][@content]")
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
        marks = (el.get("class") or "") + " " + (el.get("id") or "")
        prop = lower_attr(el, "itemprop") if el.get("itemprop") else ""
        if not (
            _BYLINE_MARKS(marks.lower())
            or prop in ("author", "creator")
            or el.tag in ("byline", "author")
            or lower_attr(el, "rel") == "author"
        ):
            continue
        if el.tag in ("script", "style", "link", "img", "body", "html", "head"):
            continue
        if _NOT_BYLINE_ATTR.search(marks) or _skip_byline(el) or _LICENSED(el):
            continue
        if prop in ("author", "creator"):
            names = el.xpath('.//*[@itemprop="name"]')
            if names:
                el = names[0]
        text = clean_text(el.get("content")) if el.tag == "meta" else _short_text(el, MAX_BYLINE_CHARS)
        if 2 <= len(text) <= MAX_BYLINE_CHARS:
            out.append((el, text))
        if len(out) >= 12:
            break
    return out


# A text node that may open a byline ("By", "Von " before a link): only its elements and their
# ancestors are read whole below, instead of every element of the page (the scan was a quarter of
# the HTML cleaning time on zyte-html-dev).
# Every text node, filtered by a compiled pattern here: the same nodes as an EXSLT ``re:test`` in the XPath,
# which called back into Python per node (~12% of HTML clean time in a profile of the cleaning helper, fourth
# session; the gain did not stand out of bench_clean.py's run-to-run noise).
# Whitespace-only nodes (two thirds of a page's text nodes) are left in libxml2. The leading whitespace is matched
# possessively ("*+"): a name or label word must follow it, and backtracking through a long run of indentation
# before failing made this scan a third of the metadata step's CPU time (trafilatura-eval-dev, cProfile; the
# possessive pattern finds the same 1,372 nodes there, 8x faster).
_BYLINE_START_TEXT = re.compile(f"{_OPENING}(\\s|:|$)|{_LABEL_ONLY}", re.I)


def _byline_start_nodes(text_nodes: list[Any]) -> list[Any]:
    match = _BYLINE_START_TEXT.match
    return [node for node in text_nodes if match(node)]


_BYLINE_TAGS = (
    "p",
    "span",
    "div",
    "em",
    "strong",
    "b",
    "i",
    "small",
    "h4",
    "h5",
    "h6",
    "address",
    "li",
    "dt",
    "th",
    "label",
)


def _byline_candidates(text_nodes: list[Any]) -> set[HtmlElement]:
    found: set[HtmlElement] = set()
    for node in _byline_start_nodes(text_nodes):
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


def _link_text(el: HtmlElement, text: str) -> bool:
    """The element's whole text is the whole text of a link: the element, a link around it or one inside it (a link
    around a label and the name after it, "<a href=mailto:...><b>Von:</b> Ana Berg</a>", is a byline)."""
    links = [*el.iter("a"), *(anc for anc in el.iterancestors() if anc.tag == "a")]
    return any(" ".join(link.text_content().split()) == text for link in links)


def _text_bylines(tree: HtmlElement, text_nodes: list[Any]) -> list[tuple[HtmlElement, str]]:
    """Short elements whose text reads "Von X", "By X", "Autor: X" (first few, page order)."""
    out: list[tuple[HtmlElement, str]] = []
    candidates = _byline_candidates(text_nodes)
    if not candidates:
        return out
    for el in tree.iter(*_BYLINE_TAGS):
        if el not in candidates:
            continue
        text = _short_text(el, MAX_BYLINE_CHARS)
        if text and _LABEL_TEXT.match(text):
            if _link_text(el, text):
                continue  # a menu item or a tag ("<li><a href=/tag/interview/>Interview</a></li>"), not a label
            text = f"{text.strip(' :')}: {_following_text(el)}"
        if not text or not _BYLINE_TEXT.match(text) or _skip_byline(el):
            continue
        out.append((el, text))
        if len(out) >= 6:
            break
    return out


# Words of the class/id of a meta line ("article-meta", "post_info", "entry-header"), matched as whole words of the
# marks: as substrings they matched headlines ("subheadline"), info boxes ("infoboxdetail") and article bodies
# ("DocumentDetail"), and the names found there were title words ("Yellow Vests", "Kim Jong Uns").
_META_WORDS = frozenset(
    {"meta", "metadata", "postmeta", "entrymeta", "info", "infos", "autor", "author", "byline", "posted"}
    | {"date", "datum", "header"}
)
_MARK_WORDS = re.compile(r"[a-z]+").findall
# A link to a list of pages by topic, not to a person ("/tag/abgebrochene-forschung/", "/category/press-release/").
_TOPIC_LINK = re.compile(r"/(?:tags?|category|categories|kategorie|thema|themen|topics?|rubrik|ressort)/", re.I)
# Containers whose short texts are no byline: navigation, forms, headings of teasers.
# Picture captions name photographers.
_NOT_META_TAGS = frozenset({"nav", "form", "h1", "h2", "h3", "h4", "button", "select", "label", "figcaption"})
BODY_PARAGRAPH_CHARS = 150  # a link or bold name inside a paragraph this long is part of the text, not a byline


def _meta_block(el: HtmlElement) -> bool:
    """The element or one of its three nearest ancestors is marked as a meta line, and none is a navigation, a
    form, a heading, a caption or a paragraph of the text."""
    for block in [el, *list(el.iterancestors())[:3]]:
        if block.tag in _NOT_META_TAGS or (block.tag == "p" and len(block.text_content()) > BODY_PARAGRAPH_CHARS):
            return False
        marks = ((block.get("class") or "") + " " + (block.get("id") or "")).lower()
        if marks.strip() and not _META_WORDS.isdisjoint(_MARK_WORDS(marks)):
            return True
    return False


# A link to the page of one of the site's authors ("/autoren/ana-berg-6841", "/author/ana-berg/"): the CMS's own mark of
# a byline, where no class names one.
_AUTHOR_PAGE = re.compile(r"/(?:autor|autoren|autorin|author|authors|redakteur|redakteure)/[^/?#\s]", re.I)


def _in_author_link(el: HtmlElement) -> bool:
    """The element is, or is a part of, a link to an author's page (two levels up at most)."""
    for link in [el, *list(el.iterancestors())[:2]]:
        if link.tag == "a" and _AUTHOR_PAGE.search(link.get("href") or ""):
            return True
    return False


NEAR_HEADLINE_ELEMENTS = 150  # elements read after the headline for a name in its meta line (the byline zone)


DATED_LINE_ELEMENTS = 8  # elements right after the headline read for a "date - name" line
_LINE_SEP = re.compile(r"\s+[-\u2013\u2014|\u2022\u00b7/]\s+|\s*[|\u2022\u00b7]\s*")


_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.)?", re.I)


def _names_beside_date(text: str) -> list[str]:
    """A name that shares the meta line under the headline with a full date, and nothing else ("11.12.2019 - Ana
    Berg", "Ana Berg | 3. Mai 2021"): the byline of pages that mark nothing."""
    if not text or not dates.find_dates(text):
        return []
    # a clock time is a part of its own in some lines ("04.02.2022 | 13:10 Uhr | Ana Berg")
    parts = [part.strip() for part in _LINE_SEP.split(text) if part.strip() and not _CLOCK.fullmatch(part.strip())]
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
    # the meta line may stand right above the headline ("<small>04.02.2022 | Ana Berg</small><h1>...")
    above = h1.getprevious()
    if above is not None and isinstance(above.tag, str) and above.tag in ("p", "div", "span", "small"):
        out.extend(_names_beside_date(_short_text(above, 80)))
    started, seen = False, 0
    in_h1 = set(h1.iter())  # the headline's own parts (an overline, a kicker) name no one
    for el in tree.iter():
        if el is h1:
            started = True
            continue
        if not started or not isinstance(el.tag, str) or el in in_h1:
            continue
        seen += 1
        if seen > NEAR_HEADLINE_ELEMENTS or (el.tag == "p" and len(el.text_content()) > 400):
            break
        if seen <= DATED_LINE_ELEMENTS and el.tag in ("p", "div", "span", "small"):
            out.extend(_names_beside_date(_short_text(el, 80)))
        if el.tag not in ("a", "strong", "b", "span", "em", "address", "cite", "dd", "i"):
            continue
        text = clean_text(el.text_content())
        if not 4 <= len(text) <= 40 or not 2 <= len(text.split()) <= 4 or _TOPIC_LINK.search(el.get("href") or ""):
            continue
        if (_meta_block(el) or _in_author_link(el)) and not _LICENSED(el) and "licen" not in (el.get("class") or ""):
            out.append(text)
            if len(out) >= 3:
                break
    return out


def _after_headline(
    found: list[tuple[HtmlElement, str]], order: dict[HtmlElement, int], h1_at: int | None
) -> list[str]:
    """Byline texts, the ones below the headline first (teasers and widgets above it name other authors)."""
    if h1_at is None:
        return [text for _, text in found]
    below = [text for el, text in found if order.get(el, -1) > h1_at]
    return below + [text for el, text in found if order.get(el, -1) <= h1_at]


# The label of a ``twitter:labelN``/``twitter:dataN`` pair that names the author (Yoast and other SEO plugins
# write "Written by"/"Verfasst von" there, also when no author meta tag is set).
_AUTHOR_LABELS = frozenset(
    {
        "written by",
        "verfasst von",
        "geschrieben von",
        "author",
        "autor",
        "autorin",
        "by",
        "von",
        "écrit par",
        "ecrit par",
        "escrito por",
        "scritto da",
        "geschreven door",
    }
)


def labelled_author(tags: dict[str, list[str]]) -> list[str]:
    """The ``twitter:dataN`` values whose ``twitter:labelN`` says "Written by" (one pair per number)."""
    out = []
    for number in "1234":
        labels, values = tags.get(f"twitter:label{number}"), tags.get(f"twitter:data{number}")
        if labels and values and labels[0].strip(" :").lower() in _AUTHOR_LABELS:
            out.append(values[0])
    return out


def pick_authors(
    ld: JsonLd,
    tags: dict[str, list[str]],
    tree: HtmlElement,
    outlet: str | None,
    site_names: list[str],
    h1: HtmlElement | None = None,
) -> tuple[list[str], str | None]:
    """People named as the article's authors, and the wire service when one is named.

    Sources, strongest first: JSON-LD, author ``<meta>`` tags, the bylines of the page (elements marked as bylines
    and "Von X" texts, the first below the headline first); a source's full names (two words or more) beat a
    single-word handle found in a stronger one ("edilson.la.rosa")."""
    # microdata authors of items nested in the page's item (cited works, reviews) did not write the page
    cited = {clean_text(el.get("content")) for el in _NESTED_ITEM_AUTHORS(tree)} if "author" in tags else set()
    meta_values = [
        v
        for key in _AUTHOR_KEYS
        for v in tags.get(key, [])
        if not v.startswith(("http", "@", "www.")) and not (key == "author" and v in cited)
    ]
    meta_values += labelled_author(tags)
    page: dict[str, list[str]] = {"jsonld": ld.authors, "meta": meta_values}
    text_nodes: list[list[Any]] = []

    def texts() -> list[Any]:
        """The page's non-blank text nodes, read once for the bylines and the readers of the last resort."""
        if not text_nodes:
            text_nodes.append(TEXT_NODES(tree))
        return text_nodes[0]

    def source(kind: str) -> list[str]:
        """The raw author texts of one source, the page's bylines read only when a pass needs them."""
        if kind not in page:
            page[kind] = _near_headline_names(tree, h1) if kind == "near" else _page_bylines(tree, h1, texts())
        return page[kind]

    wire: str | None = None
    # full names first, then single-word handles, then a name alone in the meta line under the headline
    kinds = ("jsonld", "meta", "bylines")
    passes = [(False, k) for k in kinds] + [(True, k) for k in kinds] + [(False, "near")]
    for handles, kind in passes:
        people: list[str] = []
        signed: list[str] = []
        for raw in source(kind):
            found, found_wire = clean_author_text(raw, outlet, site_names, structured=handles)
            wire = wire or found_wire
            if found and kind in ("bylines", "near"):
                # the first byline element that names someone, unless a byline before it (the bylines under the
                # headline come first) is a user name that is not this person's first name ("Ela" then "Ela Vais":
                # the full name)
                first_names = {name.split()[0].lower() for name in found}
                people = signed if signed and signed[0].lower() not in first_names else found
                break
            if not signed and kind == "bylines" and not handles:
                signed = _signed_handle(raw, outlet, site_names)
            people = merge_people(people, found)
        people = people or signed
        if people:
            return [spelled_out(name, tree, site_names) for name in people], wire
    signed = signature(tree)
    if not signed:
        marked = _AUTHOR_MARKED(tree)
        signed = _author_box(marked, outlet, site_names) or post_author_reply(marked, outlet, site_names)
    if not signed:
        marks = page_marks(tree, texts())
        signed = (
            credit_line(marks, outlet, site_names)
            or site_owner(tree, site_names)
            or author_card(marks, outlet, site_names)
            or press_contact(marks, outlet, site_names)
            or copyright_holder(marks, outlet, site_names)
        )
    if signed:
        return signed, wire
    # a page that names no one on a site JSON-LD says a person publishes (a personal blog): that person wrote it
    # (trafilatura-eval-dev: 2 pages gained, 1 on each half, none lost; the copyright holder of the footer was
    # tried too and dropped: one person gained for a dozen companies and public bodies named as authors)
    if ld.site_person:
        return clean_author_text(ld.site_person)[0], wire
    return [], wire


# An author box or profile card after the text ("<div class=author-bio><h3>Ana Berg</h3><p>Ana writes ...</p>")
# (one cheap XPath test per element, the box's kind checked in Python: seven contains() per element made this a
# tenth of the metadata step's CPU time on trafilatura-eval-dev)
_AUTHOR_MARKED = etree.XPath("//*[contains(@class, 'author') or contains(@class, 'autor')]")
_AUTHOR_BOX_CLASS = re.compile(r"author-?(?:bio|box|info|card)|about-?author|autor-?box", re.I)
_BOX_NAME = etree.XPath("(.//h2 | .//h3 | .//h4 | .//h5 | .//strong | .//b | .//a | .//*[contains(@class, 'name')])")


def _author_box(marked: list[HtmlElement], outlet: str | None, site_names: list[str]) -> list[str]:
    """The full name heading the first author box of a page that names its author nowhere else (``marked``: the
    elements whose class holds "author" or "autor")."""
    for box in marked:
        if not _AUTHOR_BOX_CLASS.search(box.get("class") or "") or _skip_byline(box):
            continue
        for el in _BOX_NAME(box):
            text = clean_text(el.text_content())
            if 4 <= len(text) <= 40:
                people = clean_author_text(text, outlet, site_names)[0]
                if people and text.startswith(people[0]):  # the name alone, or with a button glued on
                    return people[:1]
        return []
    return []


# A byline that is only an opening and one word ("von freeman1984", "Eingestellt von Weinlachgummi", "Ela").
_HANDLE_BYLINE = re.compile(_OPENING + r"\s*:?\s+([^\W\d_][\w.-]{2,30})\s*$|^\s*([^\W\d_][\w.-]{2,30})\s*$", re.I)
_OPENED_HANDLE = re.compile(_OPENING + r"\s*:?\s+([^\W\d_][\w.-]{2,30})\s*$", re.I)


def _signed_handle(raw: str, outlet: str | None, site_names: list[str]) -> list[str]:
    """The user name that signs a byline holding nothing else, or one part of a meta line ("10. Dezember 2019 · von
    nachtfalter · in Allgemein"): the first one (under the headline) beats full names further down (authors of the
    books a blog reviews, of an interview it quotes). Not an acronym or initials ("JF": an outlet)."""
    match = _HANDLE_BYLINE.match(raw) or next(
        (found for part in _LINE_SEP.split(raw) if (found := _OPENED_HANDLE.match(part))), None
    )
    handle = match and (match.group(match.lastindex or 0))
    if not handle or handle.isupper() or handle.lower() in dates.MONTHS:
        return []
    return clean_author_text(handle, outlet, site_names, structured=True)[0]


def _page_bylines(tree: HtmlElement, h1: HtmlElement | None, text_nodes: list[Any]) -> list[str]:
    """The texts of byline elements and of "Von X" elements in page order, the ones below the headline first: a
    "Von X" line under the headline beats a byline class of a teaser further down (trafilatura-eval-dev: one page
    gained, none lost, once names glued to a month or a French "Le" date were cut)."""
    order: dict[HtmlElement, int] = {}
    h1_at: int | None = None
    dom, text = _dom_bylines(tree), _text_bylines(tree, text_nodes)
    if h1 is not None and (dom or text):
        wanted = {el for el, _ in dom + text} | {h1}
        for i, el in enumerate(tree.iter()):
            if el in wanted:
                order[el] = i
        h1_at = order.get(h1)
    both = sorted(dom + text, key=lambda found: order.get(found[0], -1)) if order else dom + text
    return _after_headline(both, order, h1_at)
