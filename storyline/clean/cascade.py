"""trafilatura's extraction cascade for one page, run in several modes over one preparation of the tree.

``htmlbody`` asks trafilatura for a page's text in up to three modes (fast precision, then the full
balanced and precision cascades for a short result). Through ``bare_extraction`` each mode copies the tree
and prunes it again with the same raw-tree XPaths (a Python regex callback per element: a quarter of the
fast pass), and its jusText fallback walks the tree through SAX callbacks (60% of a balanced cascade).
``Cascade`` prunes the raw tree once, in place (the caller hands it over), and runs each mode with
``trafilatura_sequence``'s steps and ``compare_extraction``'s rules, jusText through ``fastjustext``, and
``extract_content`` through ``mainextract`` (its boilerplate XPath read in one walk, not a regex callback per element).

The steps are trafilatura 2.3.1's (``core.trafilatura_sequence``, ``core.bare_extraction``,
``external.compare_extraction``) for what ``htmlbody`` asks: comments off, no metadata, no language,
no forum thread (on a page that declares one, ``bare_extraction`` itself runs). The same texts as
``bare_extraction`` on every page of zyte-html-dev and trafilatura-eval-dev, in all three modes
(``tests/clean/test_cascade.py`` checks pages written for it). Another trafilatura version is run through
``bare_extraction`` alone (``VERSION``).
"""

from __future__ import annotations

import logging
import re
from copy import copy

import trafilatura
from lxml.etree import Element, _Element, tostring
from lxml.html import HtmlElement
from trafilatura.baseline import _spaced_text, baseline
from trafilatura.core import (
    ESCALATION_ACCEPT_RATIO,
    ESCALATION_JUSTEXT_RATIO,
    ESCALATION_MAX_LENGTH,
    ESCALATION_PAGE_SHARE,
    _forum_thread_page,
)
from trafilatura.external import JUSTEXT_OVERRIDE_RATIO, SANITIZED_XPATH, _prefer_readability, sanitize_tree
from trafilatura.external import try_readability as _readability
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.settings import _COOKIE_CONSENT_RE, Extractor
from trafilatura.utils import trim
from trafilatura.xml import delete_element, xmltotxt
from trafilatura.xpaths import _COMMENTS_CLASS, _COMMENTS_ID

from storyline.clean.fastjustext import try_justext
from storyline.clean.mainextract import extract_content, first_of, prune_discarded

LOGGER = logging.getLogger(__name__)
VERSION = "2.3.1"  # the trafilatura whose steps are mirrored here


# The raw-tree prunes of trafilatura_sequence (RAW_TREE_PRUNE_XPATH, then REMOVE_COMMENTS_AND_LISTS_XPATH, comments
# off), read from each element's id and class in one walk instead of XPaths calling a Python regex per element
# (2.4 ms of a zyte-html-dev page); the patterns are those of the XPaths in trafilatura 2.3.1's xpaths.py.
_SCROLL = re.compile("mvp-post-add-(?:box|wrap)|infinite-?scroll")
_POST_ADD = re.compile("mvp-post-add-(?:box|wrap)")
_COMMENT_ID = re.compile(f"^(?:{_COMMENTS_ID}|disqus_thread|dsq-comments)")
_COMMENT_LIST_ID = re.compile(f"^(?:{_COMMENTS_ID})")
_COMMENT_CLASS = re.compile(_COMMENTS_CLASS)
_RAW_TAGS = ("div", "section", "aside")
_COMMENT_TAGS = ("div", "list", "section", "details", "ol", "ul")


def _raw_prune(tree: HtmlElement) -> None:
    """Delete (tails kept) what the raw-tree XPaths select, in their order: the infinite-scroll containers of
    appended articles, Elementor share buttons, comment sections and comment lists. Each XPath tests only the
    element's own attributes (and, for the first, whether it holds an h1, read before any deletion), so the
    matches can be collected in one walk; deleting an element inside one already deleted changes nothing."""
    scroll: list[HtmlElement] = []
    share: list[HtmlElement] = []
    comments: list[HtmlElement] = []
    for element in tree.iter(*_COMMENT_TAGS, "aside"):
        ident, cls, tag = element.get("id") or "", element.get("class") or "", element.tag
        if tag in _RAW_TAGS:
            if (_SCROLL.search(ident) or _SCROLL.search(cls)) and (
                element.find(".//h1") is None or _POST_ADD.search(ident) or _POST_ADD.search(cls)
            ):
                scroll.append(element)
            if "elementor-share-buttons" in cls:
                share.append(element)
        comment = tag in _COMMENT_TAGS and (_COMMENT_ID.search(ident) or _COMMENT_CLASS.search(cls))
        if comment and (tag not in ("ol", "ul") or _COMMENT_LIST_ID.search(ident) or _COMMENT_CLASS.search(cls)):
            comments.append(element)
    for element in (*scroll, *share, *comments):
        delete_element(element)


# BASIC_CLEAN_XPATH (trafilatura 2.3.1's settings.py), which ``basic_cleaning`` deletes before jusText and the page's
# plain text: asides, footers, scripts, styles and the like, and cookie banners by class or id, tested by an EXSLT
# re:test per element (a Python callback: 2.8 ms a zyte-html-dev page, where the rescue passes run it). Read here in
# one walk with the same pattern.
_BASIC_TAGS = frozenset({"aside", "fencedframe", "footer", "script", "style", "svg", "template"})
_COOKIE_CONSENT = re.compile(_COOKIE_CONSENT_RE, re.IGNORECASE).search


def _basic_noise(element: HtmlElement) -> bool:
    if element.tag in _BASIC_TAGS:
        return True
    cls, ident = element.get("class"), element.get("id")
    if cls is None and ident is None:
        return False
    if element.tag == "div" and "footer" in first_of(element, "class", "id"):
        return True
    return bool((cls and _COOKIE_CONSENT(cls)) or (ident and _COOKIE_CONSENT(ident)))


def basic_noise(tree: HtmlElement) -> list[HtmlElement]:
    """The descendants of ``tree`` that BASIC_CLEAN_XPATH selects, in page order."""
    return [element for element in tree.iterdescendants(Element) if _basic_noise(element)]


def _basic_cleaning(tree: HtmlElement) -> HtmlElement:
    """``trafilatura.baseline.basic_cleaning``: what ``basic_noise`` finds deleted, tails kept."""
    for element in basic_noise(tree):
        delete_element(element)
    return tree


def _html2txt(tree: HtmlElement) -> str:
    """``trafilatura.baseline.html2txt(tree)``: the cleaned text of a copy of the page's body."""
    tree = copy(tree)
    body = tree.find(".//body")
    return str(_spaced_text(_basic_cleaning(tree if body is None else body)))


def _comment_sections(tree: HtmlElement) -> list[HtmlElement]:
    """The descendants of ``tree`` that REMOVE_COMMENTS_XPATH selects, in page order: comment sections and lists
    (by id or class) of the converted tree."""
    return [
        element
        for element in tree.iterdescendants("div", "list", "section", "details")
        if _COMMENT_ID.search(element.get("id") or "") or _COMMENT_CLASS.search(element.get("class") or "")
    ]


def _options(url: str | None, precision: bool, fast: bool) -> Extractor:
    return Extractor(output_format="python", fast=fast, precision=precision, comments=False, url=url)


def _justext_rescue(tree: HtmlElement) -> tuple[_Element, str]:
    """``trafilatura.external.justext_rescue`` with no target language."""
    body = try_justext(_basic_cleaning(tree))
    return body, trim(" ".join(body.itertext()))


def _prepare(tree: HtmlElement, options: Extractor, url: str | None) -> tuple[HtmlElement, HtmlElement | None]:
    """``trafilatura.core._prepare_tree``: the cleaned and converted tree, and the cleaned one before conversion
    (which only the comparison reads: None in fast mode, where it was a copy thrown away)."""
    cleaned = tree_cleaning(copy(tree), options)
    backup = None if options.fast else copy(cleaned)
    return convert_tags(cleaned, options, url), backup


def _compare(
    page: Cascade, cleaned_tree: HtmlElement, body: _Element, text: str, options: Extractor
) -> tuple[_Element, str]:
    """``trafilatura.external.compare_extraction``: readability's text when its rules prefer it, jusText's
    for an unclean or short result."""
    len_text = len(text)
    if options.focus == "recall" and len_text > options.min_extracted_size * 10:
        return body, text
    algo_body, algo_text = page.readability(options.focus == "precision")
    len_algo = len(algo_text)
    use_readability = _prefer_readability(body, algo_body, algo_text, len_text, len_algo, options)
    if use_readability:
        body, text, len_text = algo_body, algo_text, len_algo
    unclean = bool(body.xpath(SANITIZED_XPATH))
    if unclean or len_text < options.min_extracted_size:
        body2, text2 = _justext_rescue(cleaned_tree)
        len_text2 = len(text2)
        if unclean:
            accept = len_text <= JUSTEXT_OVERRIDE_RATIO * len_text2 and (
                len_text2 > len_text or not options.images or body.find(".//graphic") is None
            )
        else:
            accept = len_text < len_text2
        if text2 and accept:
            body, text = body2, text2
            use_readability = False
    if use_readability:
        body, text = sanitize_tree(body, options)
    return body, text


def _extract_and_compare(
    page: Cascade, cleaned_tree: HtmlElement, cleaned_backup: HtmlElement | None, options: Extractor
) -> tuple[_Element, str]:
    body, text = extract_content(cleaned_tree, options)
    if cleaned_backup is not None:  # not fast
        body, text = _compare(page, cleaned_backup, body, text, options)
    return body, text


def _escalate(page: Cascade, options: Extractor, body: _Element, text: str) -> tuple[_Element, str]:
    """Stage 4 of ``trafilatura_sequence`` (balanced mode): a short text covering little of the page is
    retried in recall mode, with a jusText candidate beside it."""
    tree, url = page.tree, page.url
    recall = copy(options)
    recall.focus = "recall"
    r_text = j_text = ""
    try:
        r_body, r_text = _extract_and_compare(page, *_prepare(tree, recall, url), recall)
    except Exception as err:  # as trafilatura: any failure of the retry is logged
        LOGGER.warning("recall retry failed: %s %s", err, url)
    if not options.fast:
        try:
            j_body, j_text = _justext_rescue(copy(tree))
        except Exception as err:  # as trafilatura: its jusText candidate may fail
            LOGGER.warning("justext candidate failed: %s %s", err, url)
    if len(j_text) > len(r_text) and len(j_text) > ESCALATION_JUSTEXT_RATIO * len(text):
        return j_body, j_text
    if len(r_text) >= options.min_extracted_size and len(r_text) > ESCALATION_ACCEPT_RATIO * len(text):
        return r_body, r_text
    return body, text


class Cascade:
    """One page, handed over as its parsed tree (pruned in place), read in any of ``htmlbody``'s modes."""

    def __init__(self, tree: HtmlElement, url: str | None) -> None:
        self.url = url
        self.mirrored = (
            trafilatura.__version__ == VERSION
            and _options(url, True, True).max_tree_size is None  # the default settings: no tree size check
            and not _forum_thread_page(tree)
        )
        if self.mirrored:  # the raw-tree prunes of trafilatura_sequence, comments off
            _raw_prune(tree)
        self.tree = tree
        self._readability: tuple[_Element, str] | None = None

    def readability(self, precision: bool) -> tuple[_Element, str]:
        """readability's body and text of the raw tree, as ``compare_extraction`` reads them (precision mode
        prunes the tree first). The balanced cascade and its recall retry read the same tree: that one is
        computed once, and each caller gets a copy of its body (``sanitize_tree`` changes it)."""
        if precision:
            return _readability_of(prune_discarded(copy(self.tree)))
        if self._readability is None:
            self._readability = _readability_of(copy(self.tree))
        body, text = self._readability
        return copy(body), text

    def text(self, precision: bool, fast: bool) -> str:
        """The text ``trafilatura.bare_extraction(tree, url, include_comments=False, favor_precision=precision,
        fast=fast)`` returns ("" for None)."""
        if not self.mirrored:
            doc = _bare_extraction(self.tree, self.url, precision, fast)
            return (getattr(doc, "text", None) or "") if doc is not None else ""
        options = _options(self.url, precision, fast)
        try:
            body, text = self._sequence(options)
        except (TypeError, ValueError):  # bare_extraction's "discarding data"
            return ""
        if len(text) < options.min_output_size and options.min_output_comm_size > 0:
            return ""
        return str(xmltotxt(body, options.formatting))

    def _sequence(self, options: Extractor) -> tuple[_Element, str]:
        """``trafilatura_sequence`` after the raw-tree prunes, for a page that is no forum thread."""
        tree, url = self.tree, self.url
        cleaned, backup = _prepare(tree, options, url)
        if options.focus == "precision":  # REMOVE_COMMENTS_XPATH, read without its regex callbacks
            for element in _comment_sections(cleaned):
                delete_element(element)
        body, text = _extract_and_compare(self, cleaned, backup, options)
        if len(text) < options.min_extracted_size and options.focus != "precision":
            b_body, b_text, b_len = baseline(tree)
            if b_len > len(text):
                body, text = b_body, b_text
        if (
            options.focus == "balanced"
            and 0 < len(text) < ESCALATION_MAX_LENGTH
            and len(text) < ESCALATION_PAGE_SHARE * len(_html2txt(tree))
        ):
            body, text = _escalate(self, options, body, text)
        return body, text


def _readability_of(raw_tree: HtmlElement) -> tuple[_Element, str]:
    body = _readability(raw_tree)
    return body, trim(tostring(body, method="text", encoding="utf-8").decode("utf-8"))


def _bare_extraction(tree: HtmlElement, url: str | None, precision: bool, fast: bool) -> object:
    try:
        return trafilatura.bare_extraction(
            tree, url=url, include_comments=False, with_metadata=False, favor_precision=precision, fast=fast
        )
    except (ValueError, TypeError) as exc:  # malformed markup lxml cannot parse
        del exc
        return None
