"""Article body from HTML: trafilatura's extraction, checked against the outlet's template and the line model.

Why trafilatura: on zyte-html-dev it is the strongest extractor at hand (body F1 0.965 with
``include_comments=False``), because it sees the DOM (link density, containers) that a text
dump has lost. Where it loses on zyte-html-dev is precision (P 0.948, R 0.982): headlines repeated
at the top, related links, credits and appeals at the bottom. So: (0) its precision mode runs
first, fast, and its full cascades only when that comes out short (``main_text``; the modes share one
preparation of the tree and a faster jusText, ``cascade``); (1) lines its
output shares with other pages of the same outlet (``TemplateMemory``) are dropped, the way the
text cleaner does; (2) each of its paragraphs is scored by the line model on an innerText-like
dump of the page, and paragraphs the model is sure are furniture (teasers, appeals, consent text)
are dropped; (3) captions are moved out of the body; (4) the headline and kickers above the first
sentence (``drop_lead``) and the furniture after the last one (``bodyend.trim_tail``) go.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field

import numpy as np
from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction, fromstring
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, decode_file, is_dubious_html, repair_faulty_html

from storyline.clean.bodyend import trim_tail
from storyline.clean.cascade import Cascade
from storyline.clean.linemodel import LineModel
from storyline.clean.lines import line_features, normalise_line, split_lines
from storyline.clean.pagetext import PageText
from storyline.clean.patterns import _APPEAL_M, _BOILER_M, _COMMENT_M, _TEASER_PREFIX_M
from storyline.clean.people import wire_in_body
from storyline.clean.template import TemplateMemory, line_key
from storyline.clean.textmeta import is_caption
from storyline.clean.textpage import page_keys, template_evidence, token_f1

_DROPPED = re.compile(r"<(script|style|noscript|template|iframe|head|svg|select|button)\b.*?</\1\s*>", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_PARA = re.compile(r"</?(?:p|h[1-6]|blockquote|pre|table|ul|ol|figure|figcaption|article|section)\b[^>]*>", re.I)
_BLOCK = re.compile(r"</?(?:div|li|tr|br|hr|header|footer|nav|aside|main|dd|dt|dl|form|td|th|address)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
# The line model must be this sure (p below it) that a trafilatura paragraph is furniture before it
# is dropped; set on zyte-html-dev (0.03-0.2 tried; low values only touch clear teasers and appeals).
DROP_BELOW = 0.05
# A paragraph is suspect when it has furniture vocabulary: a strong cue (appeal, comment, "read more")
# or page-furniture words at a density of one in SUSPECT_DENSITY words or more.
_ENDS = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
# Below this many characters, trafilatura's fast precision pass may have missed the story (a page built
# without <p>, a body in a container it prunes) and the full cascades are run (``main_text``). Set with the
# raw extractions of trafilatura-eval-dev and zyte-html-dev, the lead and tail rules applied: 500 -> 1000
# took trafilatura-eval-dev snippet F1 0.9198 -> 0.9230 (half A 0.9206 -> 0.9232), zyte-html-dev unchanged
# (0.9767); 2000 changed neither. It reruns 15% of the trafilatura-eval-dev pages, 13% of zyte-html-dev.
RESCUE_CHARS = 1000
# The balanced text must be this many times longer than the precision text to replace it. Same sets: 1.5
# let balanced mode's teasers back in on zyte-html-dev (0.9767 -> 0.9743), 5 lost trafilatura-eval-dev pages.
RESCUE_RATIO = 3.0
# The precision cascade (readability and jusText in precision mode) is only run when the balanced cascade
# found more than RESCUE_GATE times the fast text: the precision one has only found more where the balanced
# one did too. With the gate at 1.0, 1.2 or 1.5, every body of zyte-html-dev (0.9785) and trafilatura-eval-dev
# (snippet F1 0.9254) is the same as with both cascades always run; at 1.0 it skips the precision cascade on
# 5 of the 11 rescued zyte-html-dev pages and 52 of the 149 rescued trafilatura-eval-dev ones (higher values
# skip a few more; 1.0 is kept as the plain reading of "found no more").
RESCUE_GATE = 1.0
# A leading paragraph whose token F1 with the headline reaches this is the headline repeated.
LEAD_TITLE_F1 = 0.8
LEAD_MAX = 3  # kickers, datelines and the like above the first sentence: at most this many paragraphs
LEAD_WORDS = 10  # a leading paragraph shorter than this without end punctuation is a kicker or a dateline
SUSPECT_DENSITY = 10  # zyte-html-dev F1 unchanged (0.9672); trafilatura-eval-dev snippet F1 0.9236 -> 0.9215


def drop_lead(paragraphs: list[str], title: str | None) -> list[str]:
    """Drop what stands above the story's first sentence: the headline repeated (token F1 with ``title``
    of LEAD_TITLE_F1 or more) and, when the first sentence comes within LEAD_MAX paragraphs, the short
    unpunctuated lines above it (kickers, datelines, reading times). A longer run of short lines is a
    list that opens the body: only headline repeats leave it. The last paragraph always stays."""
    first = next(
        (i for i, p in enumerate(paragraphs) if len(p.split()) >= LEAD_WORDS or _ENDS.search(p)), len(paragraphs)
    )
    start = min(first, len(paragraphs) - 1) if first <= LEAD_MAX else 0
    while start < len(paragraphs) - 1 and title and token_f1(paragraphs[start], title) >= LEAD_TITLE_F1:
        start += 1
    return paragraphs[start:]


# Characters that re.IGNORECASE matches to an ASCII letter (found over all of Unicode): on a page with one,
# ``_drop_blocks`` leaves the work to ``_DROPPED`` (a tag name could be spelled with one).
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"  # İ ı ſ and the Kelvin sign
_DROPPED_NAMES = ("script", "style", "noscript", "template", "iframe", "head", "svg", "select", "button")
_DROPPED_OPEN = re.compile(rf"<({'|'.join(_DROPPED_NAMES)})\b", re.I)
_DROPPED_CLOSE = {name: re.compile(rf"</{name}\s*>", re.I) for name in _DROPPED_NAMES}


def _drop_blocks(html: str) -> str:
    """``_DROPPED.sub(" ", html)``: an element whose content is not page text, from its opening tag to the first
    closing tag of its name, found by a search for that tag rather than by the regex's lazy ``.*?`` (which
    tries the closing tag at each character of a script: over half of ``html_to_text``)."""
    if any(c in html for c in _FOLDS_TO_ASCII):
        return _DROPPED.sub(" ", html)
    parts: list[str] = []
    done = at = 0
    while (opening := _DROPPED_OPEN.search(html, at)) is not None:
        closing = _DROPPED_CLOSE[opening.group(1).lower()].search(html, opening.end())
        if closing is None:  # never closed: no match at this "<"
            at = opening.start() + 1
            continue
        parts += (html[done : opening.start()], " ")
        done = at = closing.end()
    return "".join(parts) + html[done:] if parts else html


def html_to_text(html: str) -> str:
    """An innerText-like dump: blocks on their own lines, blank lines around paragraphs."""
    text = _COMMENT.sub(" ", html)
    text = _drop_blocks(text)
    text = _PARA.sub("\n\n", text)
    text = _BLOCK.sub("\n", text)
    text = _TAG.sub(" ", text)
    return htmllib.unescape(text)


@dataclass(slots=True)
class HtmlResult:
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    wire: str | None = None


def _norm(text: str) -> str:
    return " ".join(text.split())


def _suspects(paragraphs: list[str]) -> set[str]:
    page = PageText.of(paragraphs)
    words = np.array([len(p.split()) for p in paragraphs], dtype=np.float64)
    strong = page.count(_APPEAL_M) + page.count(_COMMENT_M, words <= 25) + page.count(_TEASER_PREFIX_M)
    furniture = page.count(_BOILER_M) * SUSPECT_DENSITY >= words
    return {p for p, s, f in zip(paragraphs, strong, furniture, strict=True) if s or f}


def _parser() -> HTMLParser:
    """trafilatura's HTML parser settings, with lxml's C-level class lookup: every element is an ``HtmlElement``.
    ``lxml.html``'s own lookup is a Python method called each time an element is touched from Python (for
    ``FormElement`` and the like, which nothing here uses); on zyte-html-dev it was a fifth of trafilatura's
    CPU time. Same trees, same text: the three clean dev sets give identical exports with either parser."""
    parser = HTMLParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
    )
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
        )
    )
    return parser


_PARSER = _parser()  # read-only after import; lxml parsers may be shared (trafilatura shares its own)


def _fromstring(html: str | bytes) -> HtmlElement | None:
    try:
        tree = fromstring(html, parser=_PARSER)
    except (etree.LxmlError, ValueError, TypeError):  # empty, unreadable, or a str with an encoding declaration
        return None
    return tree if isinstance(tree, HtmlElement) else None


# Each control character that XML forbids (``trafilatura.utils.INVALID_XML_CHARS``) made NUL, for a fast test of
# a page's UTF-8 bytes; U+FFFE and U+FFFF are looked for as their UTF-8 bytes.
_CONTROLS = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_CONTROLS_TO_NUL = bytes.maketrans(_CONTROLS, b"\x00" * len(_CONTROLS))


def _xml_safe(data: bytes) -> bool:
    """No character of ``INVALID_XML_CHARS`` in ``data`` (UTF-8): what ``repair_faulty_html`` would delete, found
    without a regex scan of the page (the scan was a quarter of ``parse``)."""
    if data.translate(_CONTROLS_TO_NUL).find(b"\x00") >= 0:
        return False
    return b"\xef\xbf\xbe" not in data and b"\xef\xbf\xbf" not in data


def _repair_markup(text: str, beginning: str) -> str:
    """``trafilatura.utils.repair_faulty_html`` for a page without characters to delete: its DOCTYPE and
    self-closing ``<html/>`` repairs, in its order."""
    if "doctype" in beginning:
        firstline, _, rest = text.partition("\n")
        text = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in text[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            return FAULTY_HTML.sub(r"\1>", text, count=1)
    return text


def parse(html: str) -> HtmlElement | None:
    """The page's lxml tree (parsed once: metadata and body extraction share it), None when unparsable.
    The steps of ``trafilatura.utils.load_html`` (decode, repair, a parse of the text and a second one of
    its UTF-8 bytes when the first fails, the not-HTML check), with the faster element lookup of ``_parser``;
    the bytes are parsed first (a fifth faster than the str; the same trees on zyte-html-dev and
    trafilatura-eval-dev), the str when they give no tree with children, and then wins when it gives one."""
    text = decode_file(html)
    beginning = text[:50].lower()
    dubious = is_dubious_html(beginning)
    data = text.encode("utf8", "surrogatepass")
    repaired = _repair_markup(text, beginning) if _xml_safe(data) else repair_faulty_html(text, beginning)
    if repaired != text:
        data = repaired.encode("utf8", "surrogatepass")
    tree = _fromstring(data)
    if tree is None or len(tree) < 1:
        from_text = _fromstring(repaired)
        if from_text is not None and len(from_text) >= 1:
            tree = from_text
    if tree is not None and dubious and len(tree) < 2:  # not (well-formed) HTML
        return None
    return tree


def _trafilatura(cascade: Cascade, precision: bool, fast: bool) -> str:
    """trafilatura's text of the page in one mode (``Cascade.text``)."""
    return cascade.text(precision, fast)


def main_text(html: str, url: str | None, tree: HtmlElement | None = None) -> str:
    """trafilatura's text for the page (``tree``: its parse, pruned in place). Precision mode first, fast (it
    drops the link-dense and teaser blocks around a story that balanced mode keeps). When that comes out
    under RESCUE_CHARS, trafilatura's full cascade (readability, jusText) runs in balanced mode and in
    precision mode; the precision text wins when it is longer than the fast one, and the balanced text
    wins only when it is RESCUE_RATIO times longer than the best precision text (a page whose content
    precision mode prunes, not a story with some teasers around it). The balanced cascade runs first: when
    it finds no more text than the fast pass (RESCUE_GATE), the precision cascade is not run (``_rescue``).
    The modes share one preparation of the tree (``cascade``)."""
    source = parse(html) if tree is None else tree
    if source is None:
        return ""
    cascade = Cascade(source, url)
    text = _trafilatura(cascade, precision=True, fast=True)
    if len(text) >= RESCUE_CHARS:
        return text
    return _rescue(cascade, text)


def _rescue(cascade: Cascade, text: str) -> str:
    """The full cascades for a short fast-pass ``text`` (``main_text``)."""
    balanced_text = _trafilatura(cascade, precision=False, fast=False)
    if len(balanced_text) <= RESCUE_GATE * max(len(text), 1):
        return text
    precise_text = _trafilatura(cascade, precision=True, fast=False)
    if len(precise_text) > len(text):
        text = precise_text
    if len(balanced_text) > RESCUE_RATIO * max(len(text), 1):
        text = balanced_text
    return text


def extract_body(
    html: str,
    url: str | None,
    memory: TemplateMemory | None,
    site: str | None,
    page: str,
    model: LineModel | None,
    tree: HtmlElement | None = None,
    title: str | None = None,
) -> HtmlResult:
    """The body paragraphs and captions of ``html`` (``tree``: its parse, when the caller has one; it is
    pruned in place, so read it first; ``title``: the page's headline, dropped where the body repeats it).
    Metadata is not asked of trafilatura here (``htmlmeta``)."""
    result = HtmlResult()
    text = main_text(html, url, tree)
    if not text:
        return result
    paragraphs = [_norm(p) for p in text.split("\n") if p.strip()]
    # The line model reads the whole page (an innerText-like dump): only worth it when some paragraph
    # has the vocabulary of furniture (sharing, sign-ups, appeals, "read more"); otherwise trafilatura's
    # output is taken as it is (the dump ran on 25 of 82 zyte-html-dev pages).
    suspects = _suspects(paragraphs)
    prob_of: dict[str, float] = {}
    dump_lines = split_lines(html_to_text(html)) if model is not None and suspects else []
    if model is not None and dump_lines:
        keys = page_keys(dump_lines)
        evidence = template_evidence(memory, site, page, dump_lines, keys)
        feats = line_features(dump_lines, url, None, evidence)
        words = np.array([line.words for line in dump_lines], dtype=np.float64)
        probs = model.probabilities(feats, words)
        for line, p in zip(dump_lines, probs, strict=True):
            if line.text in suspects:
                prob_of[line.text] = max(prob_of.get(line.text, 0.0), float(p))
    recurring: set[str] = set()
    if memory is not None and site is not None and memory.pages(site) >= 2:  # other pages to compare with
        keys = [line_key(normalise_line(p)) for p in paragraphs]
        para_lines = split_lines("\n\n".join(paragraphs))
        evidence = template_evidence(memory, site, page, para_lines, keys)
        if evidence is not None:
            recurring = {p for p, c in zip(paragraphs, evidence, strict=True) if c > 0}
    for para in paragraphs:
        if is_caption(para) and len(para.split()) <= 40:
            result.captions.append(para)
            continue
        if para in recurring:
            continue
        if prob_of.get(para, 1.0) < DROP_BELOW:
            continue
        result.paragraphs.append(para)
    result.paragraphs = trim_tail(drop_lead(result.paragraphs, title))
    result.wire = wire_in_body("\n".join(result.paragraphs))
    return result
