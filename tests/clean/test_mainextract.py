"""mainextract: trafilatura's OVERALL_DISCARD_XPATH read in one walk, and its extract_content with that step swapped."""

from __future__ import annotations

from copy import deepcopy

import pytest
from lxml.etree import tostring
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.main_extractor import extract_content as trafilatura_extract_content
from trafilatura.settings import Extractor
from trafilatura.xml import xmltotxt
from trafilatura.xpaths import BODY_XPATH, OVERALL_DISCARD_XPATH, PRECISION_DISCARD_XPATH

from storyline.clean import htmlbody
from storyline.clean.mainextract import discarded, extract_content, frame, precision_discarded, prune_discarded

from .conftest import BODY

# One element per rule of the two XPaths, each beside a plain paragraph that none selects.
MARKED = [
    "<div data-lp-replacement-content=''>Replaced</div>",
    "<div role='Navigation'>Menu</div>",
    "<section data-component='MostPopularStoriesList'>Most read</section>",
    "<div id='cookie-bar'>Cookies</div>",
    "<div id='main' class='cookie-notice'>first attribute is the id, no cookie there</div>",
    "<div class='cookie-notice' id='main'>first attribute is the class</div>",
    "<div id='site-Footer'>Footer</div>",
    "<span class='post-meta'>Meta</span>",
    "<p class='x ad y'>An ad</p>",
    "<ul><li class='share-box'>not a block tag: the first expression does not select it</li></ul>",
    "<h3 class='comments-title'>Comments</h3>",
    "<a class='reply-link' href='#'>Reply</a>",
    "<em style='color: red' id='hidden-part'>first attribute is the style</em>",
    "<em id='is-hidden' style='color: red'>first attribute is the id</em>",
    "<b style='display:none'>Hidden</b>",
    "<b style='display: none'>Hidden</b>",
    "<i id='reader-comments'>Comments</i>",
    "<i class='note noprint'>Not printed</i>",
    "<i aria-hidden='true'>Icon</i>",
    "<i aria-hidden='false'>Shown</i>",
    "<div id='shared-story'><p class='nav-hint'>nested matches</p></div>",
]


def _page(blocks: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    return f"<html><body><article class='entry-content'>{body}{''.join(blocks)}</article></body></html>"


def _xpath_matches(tree: object) -> list[object]:
    return list(dict.fromkeys(el for expression in OVERALL_DISCARD_XPATH for el in expression(tree)))


@pytest.mark.parametrize("block", MARKED)
def test_discarded_selects_what_the_xpaths_select(block: str) -> None:
    tree = htmlbody.parse(_page([block]))
    assert tree is not None
    assert discarded(tree) == _xpath_matches(tree)


def test_discarded_keeps_the_xpaths_order_across_a_page() -> None:
    tree = htmlbody.parse(_page(MARKED))
    assert tree is not None
    found = discarded(tree)
    assert len(found) > 10
    assert found == _xpath_matches(tree)


def test_discarded_reads_only_the_descendants() -> None:
    tree = htmlbody.parse(
        "<html><body><div class='sidebar'><p>Text</p><div class='sidebar'>Inner</div></div></body></html>"
    )
    assert tree is not None
    root = tree.find(".//div")
    assert [el.get("class") for el in discarded(root)] == ["sidebar"]
    assert discarded(root) == _xpath_matches(root)


def test_prune_discarded_deletes_what_prune_unwanted_nodes_deletes() -> None:
    tree = htmlbody.parse(_page(MARKED))
    assert tree is not None
    ours, theirs = prune_discarded(deepcopy(tree)), prune_unwanted_nodes(deepcopy(tree), OVERALL_DISCARD_XPATH)
    assert tostring(ours) == tostring(theirs)
    assert b"Most read" not in tostring(ours) and BODY[0][:30].encode() in tostring(ours)


# Blocks of PRECISION_DISCARD_XPATH's second expression, and near misses.
PRECISION_MARKED = [
    "<div class='page bottom'>Bottom</div>",
    "<div id='bottom-bar'>Bottom bar</div>",
    "<div class='padding-bottom-lg'>a spacing utility, kept</div>",
    "<p class='link'>Link box</p>",
    "<p class='permalink'>kept</p>",
    "<span id='main' class='link'>first attribute is the id, kept</span>",
    "<section style='border: 1px solid'>Boxed</section>",
    "<a class='link'>not a block tag, kept</a>",
]


@pytest.mark.parametrize("block", PRECISION_MARKED)
def test_precision_discarded_selects_what_the_xpath_selects(block: str) -> None:
    tree = htmlbody.parse(_page([block, block]))
    assert tree is not None
    expected = PRECISION_DISCARD_XPATH[1](tree)
    assert precision_discarded(tree) == expected
    assert bool(expected) != ("kept" in block)


# Frames of the article text, one per rule of BODY_XPATH, after a decoy that no rule selects.
FRAMES = [
    "<div class='post'>x</div>",
    "<section itemprop='articleBody'>x</section>",
    "<main id='articleContent'>x</main>",
    "<div id='the-article-body'>x</div>",
    "<div class='single post-content'>x</div>",
    "<span class='post-content'>not a frame tag</span>",
    "<article>x</article>",
    "<div role='article'>x</div>",
    "<div id='story'>x</div>",
    "<div class='cell'>x</div>",
    "<div id='primary-column'>x</div>",
    "<div class='FullText'>x</div>",
    "<section class='blog-content'>x</section>",
    "<div id='content'>x</div>",
    "<div class='content_main'>x</div>",
    "<div id='Main-Content'>x</div>",
    "<div class='Page-Content'>x</div>",
    "<div class='main-wrapper'>x</div>",
    "<main>x</main>",
]


@pytest.mark.parametrize("block", FRAMES)
def test_frame_finds_what_body_xpath_finds_first(block: str) -> None:
    page = f"<html><body><div class='header'><p>Decoy</p></div><div>{block}{block}</div>{block}</body></html>"
    tree = htmlbody.parse(page)
    assert tree is not None
    for number, expression in enumerate(BODY_XPATH):
        assert frame(tree, number) is next(iter(expression(tree)), None)
    assert any(frame(tree, number) is not None for number in range(len(BODY_XPATH))) != ("not a frame" in block)


@pytest.mark.parametrize("precision", [True, False])
def test_extract_content_gives_trafilaturas_text(precision: bool) -> None:
    options = Extractor(output_format="python", fast=True, precision=precision, comments=False)
    tree = htmlbody.parse(_page(MARKED))
    assert tree is not None
    ours, theirs = extract_content(deepcopy(tree), options), trafilatura_extract_content(deepcopy(tree), options)
    assert ours[1] == theirs[1]
    assert xmltotxt(ours[0], False) == xmltotxt(theirs[0], False)
    assert "Cookies" not in ours[1] and BODY[0][:30] in ours[1]
