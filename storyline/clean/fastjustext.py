"""jusText's paragraph classification as trafilatura runs it, the same output at a fraction of the cost.

trafilatura's cascade falls back on jusText (``trafilatura.external.try_justext``) for short or unclean
extractions; jusText walks the tree through SAX callbacks and recomputes each paragraph's text on every
look (``Paragraph.text`` joins and normalises its nodes again each time). On the pages the HTML cleaner
rescues (zyte-html-dev, trafilatura-eval-dev) that was 60% of the balanced cascade's CPU time. Here the
tree is walked by lxml's C-level ``iterwalk``, each paragraph's text is built once, and the context
rules run in one pass; the paragraphs, their classes and the returned ``<body>`` are jusText's
(``classify_paragraphs(..., 50, 150, 0.1, 0.2, 0.25, True)``, ``revise_paragraph_classification(..., 150)``,
the settings of ``try_justext``). A tree holding comments, processing instructions or entities (whose
tails SAX reads and ``iterwalk`` skips) goes through jusText's own ``ParagraphMaker``.
"""

from __future__ import annotations

from functools import cache

from justext.core import PARAGRAPH_TAGS, ParagraphMaker
from justext.utils import normalize_whitespace
from lxml import etree
from lxml.etree import Element, SubElement, _Element
from trafilatura.external import jt_stoplist_init

# try_justext's settings: classify_paragraphs(paragraphs, stoplist, 50, 150, 0.1, 0.2, 0.25, True)
LENGTH_LOW = 50
LENGTH_HIGH = 150
STOPWORDS_LOW = 0.1
STOPWORDS_HIGH = 0.2
MAX_LINK_DENSITY = 0.25
# no_headings=True: no paragraph is a heading, so the heading rules of revise_paragraph_classification
# (max_heading_distance 150) never apply.


def _normalise(text: str) -> str:
    """``justext.utils.normalize_whitespace``, without its regex when there is nothing to change (no
    whitespace but single ASCII spaces: every other whitespace character is non-printable)."""
    if text.isprintable() and "  " not in text:
        return text
    return str(normalize_whitespace(text))


class _Maker:
    """jusText's ``ParagraphMaker`` state: each paragraph as (text nodes, characters in links, under a
    <select>-like tag); ``tags_count`` and the xpath, which the classification never reads, are left out."""

    __slots__ = ("br", "link", "links", "nodes", "out", "path", "select", "selects")

    def __init__(self) -> None:
        self.out: list[tuple[str, int, bool]] = []
        self.path: list[str] = []
        self.selects = 0  # tags on the path whose name holds "select" ('select' in the dotted dom path)
        self.link = self.br = False
        self.nodes: list[str] = []
        self.links = 0
        self.select = False

    def new_paragraph(self) -> None:
        """jusText keeps the paragraph when ``self.paragraph and self.paragraph.contains_text()``: it has text
        nodes and (``Paragraph.__len__``) a text that is not empty once normalised."""
        if self.nodes and (text := _normalise("".join(self.nodes).strip())):
            self.out.append((text, self.links, self.select))
        self.nodes, self.links, self.select = [], 0, self.selects > 0

    def start(self, name: str) -> None:
        self.path.append(name)
        if "select" in name:
            self.selects += 1
        if name in PARAGRAPH_TAGS or (name == "br" and self.br):
            self.new_paragraph()
        else:
            self.br = name == "br"
            if self.br:
                self.nodes.append(" ")
            elif name == "a":
                self.link = True

    def end(self, name: str) -> None:
        if "select" in self.path.pop():
            self.selects -= 1
        if name in PARAGRAPH_TAGS:
            self.new_paragraph()
        if name == "a":
            self.link = False

    def characters(self, content: str) -> None:
        if content.isspace():
            return
        text = _normalise(content)
        self.nodes.append(text)
        if self.link:
            self.links += len(text)
        self.br = False


def _special(root: _Element) -> bool:
    """The tree (or a sibling SAX would read) holds a node that is not an element."""
    return next(root.iter(etree.Comment, etree.ProcessingInstruction, etree.Entity), None) is not None or any(
        not isinstance(sibling.tag, str) for sibling in (root.getprevious(), root.getnext()) if sibling is not None
    )


def paragraphs(root: _Element) -> list[tuple[str, int, bool]]:
    """jusText's paragraphs of ``root``: (text, characters inside links, on a path through a "select" tag)."""
    if _special(root):
        return [(p.text, p.chars_count_in_links, "select" in p.dom_path) for p in ParagraphMaker.make_paragraphs(root)]
    maker = _Maker()
    start, end, characters = maker.start, maker.end, maker.characters
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag
        name = tag.rpartition("}")[2] if tag[:1] == "{" else tag
        if event == "start":
            start(name)
            if text := element.text:
                characters(text)
        else:
            end(name)
            if tail := element.tail:
                characters(tail)
    maker.new_paragraph()
    return maker.out


def _context_free(text: str, links: int, select: bool, stoplist: frozenset[str]) -> str:
    length = len(text)
    words = text.split()
    density = sum(map(stoplist.__contains__, map(str.lower, words))) / len(words) if words else 0
    if (links / length if length else 0) > MAX_LINK_DENSITY:
        return "bad"
    if "\xa9" in text or "&copy" in text or select:
        return "bad"
    if length < LENGTH_LOW:
        return "bad" if links > 0 else "short"
    if density >= STOPWORDS_HIGH:
        return "good" if length > LENGTH_HIGH else "neargood"
    return "neargood" if density >= STOPWORDS_LOW else "bad"


def _nearest(classes: list[str], wanted: frozenset[str], step: int) -> list[str]:
    """For each paragraph, the class of the nearest other one in ``wanted`` on the side ``step`` points to
    ('bad' past the end): jusText's ``_get_neighbour``, for all paragraphs in one pass."""
    out = ["bad"] * len(classes)
    seen = "bad"
    order = range(len(classes)) if step > 0 else range(len(classes) - 1, -1, -1)
    for i in reversed(order):
        out[i] = seen
        if classes[i] in wanted:
            seen = classes[i]
    return out


_GOOD_BAD = frozenset({"good", "bad"})
_GOOD_BAD_NEAR = frozenset({"good", "bad", "neargood"})


@cache
def stoplist() -> frozenset[str]:
    """The stop words of every jusText language, lower-cased: what ``try_justext`` reads a page with when no
    language is given (``define_stoplist(JT_STOPLIST)``, which hashes the 154,000-word tuple on each call)."""
    return frozenset(word.lower() for word in jt_stoplist_init())


def classify(paras: list[tuple[str, int, bool]], stop: frozenset[str]) -> list[bool]:
    """Which paragraphs jusText keeps (class 'good' after its context rules), with ``stop`` its stop words."""
    classes = [_context_free(text, links, select, stop) for text, links, select in paras]
    if "short" in classes:
        prev, nxt = _nearest(classes, _GOOD_BAD, -1), _nearest(classes, _GOOD_BAD, 1)
        prev_near, next_near = _nearest(classes, _GOOD_BAD_NEAR, -1), _nearest(classes, _GOOD_BAD_NEAR, 1)
        revised = classes[:]
        for i, cls in enumerate(classes):
            if cls != "short":
                continue
            if prev[i] == "good" and nxt[i] == "good":
                revised[i] = "good"
            elif prev[i] == "bad" and nxt[i] == "bad":
                revised[i] = "bad"
            elif (prev[i] == "bad" and prev_near[i] == "neargood") or (nxt[i] == "bad" and next_near[i] == "neargood"):
                revised[i] = "good"
            else:
                revised[i] = "bad"
        classes = revised
    if "neargood" in classes:
        nxt = _nearest(classes, _GOOD_BAD, 1)  # later neargood ones are still neargood when read
        last = "bad"
        for i, cls in enumerate(classes):
            if cls == "neargood":
                classes[i] = cls = "bad" if (last, nxt[i]) == ("bad", "bad") else "good"
            if cls in _GOOD_BAD:
                last = cls
    return [cls == "good" for cls in classes]


def try_justext(tree: _Element) -> _Element:
    """``trafilatura.external.try_justext`` with no target language: a <body> of the paragraphs kept."""
    body = Element("body")
    paras = paragraphs(tree)
    for (text, _, _), keep in zip(paras, classify(paras, stoplist()), strict=True):
        if keep:
            SubElement(body, "p").text = text
    return body
