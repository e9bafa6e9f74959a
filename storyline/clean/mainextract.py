"""trafilatura's ``main_extractor.extract_content`` with its boilerplate prune read in one walk of the tree.

``prune_unwanted_sections`` first drops the elements ``OVERALL_DISCARD_XPATH`` selects (share and social boxes,
navigation, footers, hidden blocks ...). Its tests are EXSLT ``re:test`` calls, which lxml runs as a Python
callback per element and attribute: ~2.3 ms a zyte-html-dev page, a sixth of its HTML cleaning. ``discarded``
reads the same attributes with the same compiled patterns in one walk (~0.3 ms), and ``extract_content`` is
trafilatura 2.3.1's, with that one step swapped; the rest (recovery of wild text, the link-density prunes) is
trafilatura's own. ``cascade`` uses it for the pages it mirrors (trafilatura 2.3.1, ``cascade.VERSION``);
``tests/clean/test_mainextract.py`` checks ``discarded`` against the XPaths on pages written for it.

The functions mirrored here are adapted from trafilatura 2.3.1 (https://github.com/adbar/trafilatura,
Copyright Adrien Barbaresi and contributors, Apache License 2.0); used only while that version is installed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import deepcopy

from lxml.etree import Element, XPath, _Element, strip_elements, strip_tags
from lxml.html import HtmlElement
from trafilatura import xpaths
from trafilatura.htmlprocessing import (
    delete_by_link_density,
    link_density_test_tables,
    process_node,
    prune_unwanted_nodes,
)
from trafilatura.main_extractor import (
    NOT_AT_THE_END,
    REBUILT_BLOCKS,
    _elem_text,
    handle_textelem,
    recover_wild_text,
)
from trafilatura.settings import INLINE_FORMATTABLE, MIN_DUPLICATE_LENGTH, TAG_CATALOG, Extractor
from trafilatura.utils import SPACING_PROTECTED, text_chars_test
from trafilatura.xml import delete_element
from trafilatura.xpaths import BODY_XPATH, DISCARD_IMAGE_ELEMENTS, PRECISION_DISCARD_XPATH, TEASER_DISCARD_XPATH

# The patterns of OVERALL_DISCARD_XPATH (trafilatura 2.3.1's xpaths.py), compiled as lxml compiles an EXSLT re:test.
_BLOCK_TAGS = frozenset({"div", "item", "list", "p", "section", "span"})
_CONSENT = re.compile(xpaths._alt(xpaths._CONSENT_ID_CLASS_TOKENS)).search
_ID = re.compile(xpaths._alt(xpaths._OVERALL_DISCARD_BOTH_TOKENS + xpaths._OVERALL_DISCARD_ID_TOKENS)).search
_CLASS = re.compile(xpaths._alt(xpaths._OVERALL_DISCARD_BOTH_TOKENS + xpaths._OVERALL_DISCARD_CLASS_TOKENS)).search
_HIDDEN = re.compile("hidden").search
_COMMENT_ID = re.compile("reader-comments|akismet").search
_HIDDEN_CLASS = re.compile(
    "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print| hidden| hide|noprint|"
    "notloaded"
).search


def first_of(element: _Element, first: str, second: str) -> str:
    """XPath's string of ``@first|@second``: the value of whichever of the two attributes comes first in the
    element's attribute order (the source order), "" when it has neither."""
    for name in element.keys():  # noqa: SIM118 (an element's keys() is its attribute names in source order)
        if name in (first, second):
            return element.get(name) or ""
    return ""


def _first_xpath(element: _Element) -> bool:
    """OVERALL_DISCARD_XPATH's first expression, for an element of ``_BLOCK_TAGS``."""
    ident, cls = element.get("id"), element.get("class")
    return (
        element.get("data-lp-replacement-content") is not None
        or "nav" in (element.get("role") or "").replace("N", "n")
        or "MostPopularStories" in (element.get("data-component") or "")
        or ((ident is not None or cls is not None) and bool(_CONSENT(first_of(element, "id", "class"))))
        or (ident is not None and bool(_ID(ident)))
        or (cls is not None and bool(_CLASS(cls)))
    )


def _second_xpath(element: _Element) -> bool:
    """OVERALL_DISCARD_XPATH's second expression (hidden blocks, comment titles and replies)."""
    ident, cls, style = element.get("id"), element.get("class"), element.get("style") or ""
    return (
        cls == "comments-title"
        or ((ident is not None or cls is not None) and first_of(element, "id", "class").startswith("reply-"))
        or ((ident is not None or style) and bool(_HIDDEN(first_of(element, "id", "style"))))
        or "display:none" in style
        or "display: none" in style
        or (ident is not None and bool(_COMMENT_ID(ident)))
        or (cls is not None and bool(_HIDDEN_CLASS(cls)))
        or element.get("aria-hidden") == "true"
    )


def prune_discarded(tree: HtmlElement) -> HtmlElement:
    """``prune_unwanted_nodes(tree, OVERALL_DISCARD_XPATH)`` (no backup): the first expression's matches deleted
    (tails kept), then the second one's in what is left."""
    for test in (_first_block, _second_xpath):
        for element in [element for element in tree.iterdescendants(Element) if test(element)]:
            delete_element(element)
    return tree


def _first_block(element: _Element) -> bool:
    return element.tag in _BLOCK_TAGS and _first_xpath(element)


def discarded(tree: _Element) -> list[_Element]:
    """The descendants of ``tree`` that OVERALL_DISCARD_XPATH selects, in the order ``prune_unwanted_nodes`` reads
    them: the first expression's matches in page order, then the second one's that the first did not select."""
    first: list[_Element] = []
    second: list[_Element] = []
    for element in tree.iterdescendants(Element):
        if element.tag in _BLOCK_TAGS and _first_xpath(element):
            first.append(element)
        elif _second_xpath(element):
            second.append(element)
    return [*first, *second]


# The patterns of BODY_XPATH's first, third and fourth expressions (the frames of the article text).
_FRAME_TAGS = ("article", "div", "main", "section")
_CONTENT_ID = re.compile(xpaths._alt(xpaths._ARTICLE_CONTENT_ID_TOKENS)).search
_CONTENT_CLASS = re.compile(xpaths._alt(xpaths._ARTICLE_CONTENT_CLASS_TOKENS)).search
_STORY_ID = re.compile(xpaths._alt(xpaths._STORY_ID_TOKENS)).search
_FULLTEXT = re.compile("fulltext", re.IGNORECASE).search
_STORY_CLASS = re.compile(xpaths._alt(xpaths._STORY_CLASS_TOKENS)).search
_MAIN_ID = re.compile(xpaths._alt(xpaths._MAIN_CONTENT_ID_TOKENS)).search
_MAIN_CLASS = re.compile(xpaths._alt(xpaths._MAIN_CONTENT_CLASS_TOKENS)).search
_LOWER_CM = str.maketrans("CM", "cm")
_LOWER_CP = str.maketrans("CP", "cp")


def _content_frame(element: _Element) -> bool:
    """BODY_XPATH's first expression: an element marked as the article's content."""
    ident, cls = element.get("id") or "", element.get("class") or ""
    return (
        cls in ("post", "entry")
        or element.get("itemprop") == "articleBody"
        or ident == "articleContent"
        or bool(ident and _CONTENT_ID(ident))
        or bool(cls and _CONTENT_CLASS(cls))
    )


def _story_frame(element: _Element) -> bool:
    """BODY_XPATH's third expression: an element marked as the story."""
    ident, cls = element.get("id") or "", element.get("class") or ""
    return (
        element.get("role") == "article"
        or ident in ("article", "story")
        or cls in ("postarea", "art-postcontent", "text", "cell", "story")
        or bool(ident and _STORY_ID(ident))
        or bool(cls and (_FULLTEXT(cls) or _STORY_CLASS(cls)))
    )


def _main_frame(element: _Element) -> bool:
    """BODY_XPATH's fourth expression: an element marked as the page's main content."""
    ident, cls = element.get("id") or "", element.get("class") or ""
    return (
        ident == "content"
        or cls == "content"
        or bool(ident and (_MAIN_ID(ident) or "main-content" in ident.translate(_LOWER_CM)))
        or bool(cls and (_MAIN_CLASS(cls) or "main-content" in cls.translate(_LOWER_CM)))
        or "page-content" in cls.translate(_LOWER_CP)
    )


def _first_frame(test: Callable[[_Element], bool]) -> Callable[[_Element], _Element | None]:
    """The first descendant of a tree, in page order, of the frame tags that passes ``test``: what the BODY_XPATH
    expression it mirrors gives first (their "[1]" is the first match in page order, under a parent or overall)."""

    def find(tree: _Element) -> _Element | None:
        return next((element for element in tree.iterdescendants(*_FRAME_TAGS) if test(element)), None)

    return find


def _xpath_frame(expression: XPath) -> Callable[[_Element], _Element | None]:
    def find(tree: _Element) -> _Element | None:
        return next((s for s in expression(tree) if s is not None), None)

    return find


# BODY_XPATH's expressions, in its order; the second and fifth (no regex) are its own XPaths.
_FRAMES = (
    _first_frame(_content_frame),
    _xpath_frame(BODY_XPATH[1]),
    _first_frame(_story_frame),
    _first_frame(_main_frame),
    _xpath_frame(BODY_XPATH[4]),
)


def frame(tree: _Element, expression: int) -> _Element | None:
    """The frame BODY_XPATH's expression number ``expression`` finds first in ``tree`` (None for none)."""
    return _FRAMES[expression](tree)


# PRECISION_DISCARD_XPATH's second expression: page-bottom chrome, link boxes, bordered boxes.
_BOTTOM = re.compile(r"(^|\s)bottom|bottom(\s|$)").search
_LINK_TOKEN = re.compile(r"(^|\s)link(\s|$)").search


def precision_discarded(tree: _Element) -> list[_Element]:
    """The descendants of ``tree`` that PRECISION_DISCARD_XPATH's second expression selects, in page order."""
    out: list[_Element] = []
    for element in tree.iterdescendants(*_BLOCK_TAGS):
        first = first_of(element, "id", "class")
        if _BOTTOM(first) or _LINK_TOKEN(first) or "border" in (element.get("style") or ""):
            out.append(element)
    return out


def _prune_with_backup(tree: HtmlElement) -> HtmlElement:
    """``prune_unwanted_nodes(tree, OVERALL_DISCARD_XPATH, with_backup=True)``: the outermost matches deleted (tails
    kept), unless that would take more than six sevenths of the text."""
    matches = dict.fromkeys(discarded(tree))
    outer = [elem for elem in matches if not any(a in matches for a in elem.iterancestors())]
    old_len = len(tree.text_content())
    if old_len - sum(len(elem.text_content()) for elem in outer) > old_len / 7:
        for elem in outer:
            delete_element(elem)
    return tree


def prune_unwanted_sections(tree: HtmlElement, potential_tags: set[str], options: Extractor) -> HtmlElement:
    """``trafilatura.main_extractor.prune_unwanted_sections`` (teasers not kept), its first prune read in Python."""
    favor_precision = options.focus == "precision"
    tree = _prune_with_backup(tree)
    if "graphic" not in potential_tags:
        tree = prune_unwanted_nodes(tree, DISCARD_IMAGE_ELEMENTS)
    if options.focus != "recall":
        tree = prune_unwanted_nodes(tree, TEASER_DISCARD_XPATH)
        if favor_precision:
            tree = prune_unwanted_nodes(tree, PRECISION_DISCARD_XPATH[:1])
            for elem in precision_discarded(tree):
                delete_element(elem)
    for _ in range(2):
        tree = delete_by_link_density(tree, "div", backtracking=True, favor_precision=favor_precision)
        tree = delete_by_link_density(tree, "list", backtracking=False, favor_precision=favor_precision)
        tree = delete_by_link_density(tree, "p", backtracking=False, favor_precision=favor_precision)
    if "table" in potential_tags or favor_precision:
        boilerplate_tables = [elem for elem in tree.iter("table") if link_density_test_tables(elem) is True]
        for elem in boilerplate_tables:
            delete_element(elem, keep_tail=False)
    if favor_precision:
        while len(tree) > 0 and (tree[-1].tag == "head"):
            delete_element(tree[-1], keep_tail=False)
        tree = delete_by_link_density(tree, "head", backtracking=False, favor_precision=True)
        tree = delete_by_link_density(tree, "quote", backtracking=False, favor_precision=True)
    strip_tags(tree, "span", *(() if "ref" in potential_tags else ("ref",)))
    return tree


def _extract(tree: HtmlElement, options: Extractor) -> tuple[_Element, str, set[str]]:
    """``trafilatura.main_extractor._extract``: the first frame ``BODY_XPATH`` finds that yields text, pruned and
    read element by element."""
    potential_tags = set(TAG_CATALOG)
    if options.tables is True:
        potential_tags.update(["table", "td", "th", "tr"])
    if options.images is True:
        potential_tags.add("graphic")
    if options.links is True:
        potential_tags.add("ref")
    result_body = Element("body")
    for find in _FRAMES:
        subtree = find(tree)
        if subtree is None:
            continue
        subtree = prune_unwanted_sections(subtree, potential_tags, options)
        if len(subtree) == 0:
            continue
        ptest = subtree.xpath("//p//text()")
        factor = 1 if options.focus == "precision" else 3
        if not ptest or len("".join(ptest)) < options.min_extracted_size * factor:
            potential_tags.add("div")
        subelems = subtree.xpath(".//*")
        tags = {e.tag for e in subelems}
        if tags == {"lb"} or (subtree.tag == "div" and "div" in potential_tags and tags <= INLINE_FORMATTABLE | {"lb"}):
            subelems = [subtree]
        lead, start = None, len(result_body)
        if subelems != [subtree] and text_chars_test(subtree.text):
            lead = Element("p")
            lead.text = subtree.text
            lead = process_node(lead, options)
        for elem in subelems:
            if elem.getroottree().getroot() is result_body:
                continue
            tag, tail = elem.tag, elem.tail
            processed_elem = handle_textelem(elem, potential_tags, options)
            if processed_elem is not None:
                result_body.append(processed_elem)
                if elem.getroottree().getroot() is not result_body:
                    elem.tag = "done"
            if (
                tag in REBUILT_BLOCKS
                and text_chars_test(tail)
                and (processed_elem is None or processed_elem.tail is None)
            ):
                tail_elem = Element("p")
                tail_elem.text = tail
                if process_node(tail_elem, options) is not None:
                    result_body.append(tail_elem)
        while len(result_body) > 0 and (result_body[-1].tag in NOT_AT_THE_END):
            delete_element(result_body[-1], keep_tail=False)
        if sum(e.tag != "graphic" for e in result_body) > 1:
            if lead is not None:
                result_body.insert(start, lead)
            break
    temp_text = " ".join(result_body.itertext()).strip()
    return result_body, temp_text, potential_tags


def extract_content(cleaned_tree: HtmlElement, options: Extractor) -> tuple[_Element, str]:
    """``trafilatura.main_extractor.extract_content``: the main text of a cleaned and converted tree, wild text
    recovered when it comes out short (by trafilatura's own ``recover_wild_text``)."""
    backup_tree = deepcopy(cleaned_tree)
    order = list(cleaned_tree.iter())
    result_body, temp_text, potential_tags = _extract(cleaned_tree, options)
    if len(result_body) == 0 or len(temp_text) < options.min_extracted_size:
        consumed: set[_Element] = {
            twin for elem, twin in zip(order, backup_tree.iter(), strict=True) if elem.tag == "done"
        }
        result_body = recover_wild_text(backup_tree, result_body, options, potential_tags, consumed)
        temp_text = " ".join(result_body.itertext()).strip()
    previous = None
    for el in list(result_body):
        current = _elem_text(el)
        if current and current == previous and len(current) > MIN_DUPLICATE_LENGTH:
            delete_element(el, keep_tail=False)
        else:
            previous = current
    strip_elements(result_body, "done")
    strip_tags(result_body, "div")
    for linebreak in result_body.iter("lb"):
        if (
            linebreak.tail
            and not text_chars_test(linebreak.tail)
            and not any(anc.tag in SPACING_PROTECTED for anc in linebreak.iterancestors())
        ):
            linebreak.tail = None
    return result_body, temp_text
