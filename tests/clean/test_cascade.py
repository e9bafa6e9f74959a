"""Cascade: trafilatura's text of a page in each mode, the same as ``bare_extraction`` gives, on pages written here."""

from __future__ import annotations

from copy import copy

import pytest
import trafilatura
from trafilatura.baseline import html2txt
from trafilatura.settings import BASIC_CLEAN_XPATH
from trafilatura.xpaths import REMOVE_COMMENTS_XPATH

from storyline.clean import htmlbody
from storyline.clean.cascade import Cascade, _comment_sections, _html2txt, basic_noise

from .conftest import BODY, FOOTER, NAV

MODES = [(True, True), (False, False), (True, False), (False, True)]
URL = "https://courier.example/2023/03/bridge"


def _menu() -> str:
    return "<ul class='menu'>" + "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in NAV) + "</ul>"


def _story(paragraphs: list[str], wrapper: str = "article") -> str:
    inner = "".join(f"<p>{p}</p>" for p in paragraphs)
    foot = "".join(f"<div class='footer-item'>{p}</div>" for p in FOOTER)
    return f"<html><head><title>Bridge</title></head><body>{_menu()}<{wrapper}>{inner}</{wrapper}>{foot}</body></html>"


PAGES = {
    "an article": _story(BODY),
    "a short story": _story(BODY[:1]),
    "a story in bare divs": _story(BODY, "div").replace("<p>", "<div>").replace("</p>", "</div>"),
    "a story with a comment section": _story(BODY).replace(
        "</article>", "</article><div id='comments'><p>I was at the hearing and the vote was close.</p></div>"
    ),
    "a story split by line breaks": _story(["<br><br>".join(BODY)], "section"),
    "a short story in a long page": _story(BODY[:1]).replace(
        "</body>", "".join(f"<div><div>{p} {q}</div></div>" for p in BODY for q in BODY) + "</body>"
    ),
    "a story with comment lists and an appended article": _story(BODY).replace(
        "</article>",
        "</article><ul class='comment-list'><li>Good news.</li></ul><ol id='commentlist'><li>Finally.</li></ol>"
        "<ul class='tags'><li>Bridge</li></ul><section class='post-comments'><p>About time.</p></section>"
        f"<div class='infinite-scroll'><h2>Next story</h2><p>{BODY[3]}</p></div>"
        "<div class='x mvp-post-add-box'><h1>Another</h1><p>More</p></div>"
        "<aside class='elementor-share-buttons'><a href='#'>Share</a></aside>",
    ),
    "a forum thread": _story(BODY).replace(
        "<head>", '<head><script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
    ),
}


def _bare(page: str, precision: bool, fast: bool) -> str:
    tree = htmlbody.parse(page)
    doc = trafilatura.bare_extraction(
        tree, url=URL, include_comments=False, with_metadata=False, favor_precision=precision, fast=fast
    )
    return str(getattr(doc, "text", None) or "")


@pytest.mark.parametrize("name", list(PAGES))
def test_each_mode_gives_bare_extractions_text(name: str) -> None:
    tree = htmlbody.parse(PAGES[name])
    assert tree is not None
    cascade = Cascade(tree, URL)
    assert [cascade.text(*mode) for mode in MODES] == [_bare(PAGES[name], *mode) for mode in MODES]


def test_a_mode_does_not_change_what_the_next_one_reads() -> None:
    tree = htmlbody.parse(PAGES["a short story"])
    assert tree is not None
    first, second = Cascade(tree, URL), Cascade(copy(tree), URL)
    assert [first.text(*mode) for mode in MODES] == [second.text(*mode) for mode in reversed(MODES)][::-1]


def test_a_forum_thread_is_left_to_trafilatura() -> None:
    tree = htmlbody.parse(PAGES["a forum thread"])
    assert tree is not None and not Cascade(tree, URL).mirrored


# Comment sections of REMOVE_COMMENTS_XPATH (by id or class) and blocks it does not select.
COMMENT_BLOCKS = [
    "<div id='comments'>x</div>",
    "<section id='disqus_thread'>x</section>",
    "<div class='comment-list'>x</div>",
    "<details class='post-comments'>x</details>",
    "<div id='no-comments-here'>an id that does not start with the word, kept</div>",
    "<p class='comments'>not a section tag, kept</p>",
]


@pytest.mark.parametrize("block", COMMENT_BLOCKS)
def test_comment_sections_are_what_the_xpath_selects(block: str) -> None:
    tree = htmlbody.parse(
        f"<html><body><article><p>{BODY[0]}</p>{block}<section class='comment-list'></section></article></body></html>"
    )
    assert tree is not None
    expected = REMOVE_COMMENTS_XPATH[0](tree)
    assert _comment_sections(tree) == expected
    assert len(expected) == (1 if "kept" in block else 2)


# Blocks of BASIC_CLEAN_XPATH (page furniture deleted before jusText and the page's plain text), and near misses.
BASIC_BLOCKS = [
    "<aside>Related</aside>",
    "<footer>Imprint</footer>",
    "<script>var x = 1;</script>",
    "<svg><path d='M0'/></svg>",
    "<div class='site-footer'>Footer</div>",
    "<div id='footer-nav' class='links'>first attribute is the id</div>",
    "<div class='links' id='footer-nav'>first attribute is the class, kept</div>",
    "<p class='footer'>not a div, kept</p>",
    "<div class='Cookie-Banner'>We use cookies</div>",
    "<span id='onetrust-sdk'>Consent</span>",
    "<div class='cookies-explained'>an article about cookies, kept</div>",
]


@pytest.mark.parametrize("block", BASIC_BLOCKS)
def test_basic_noise_is_what_the_xpath_selects(block: str) -> None:
    tree = htmlbody.parse(f"<html><body><article><p>{BODY[0]}</p>{block}<footer>x</footer></article></body></html>")
    assert tree is not None
    expected = BASIC_CLEAN_XPATH(tree)
    assert basic_noise(tree) == expected
    assert len(expected) == (1 if "kept" in block else 2)


def test_html2txt_is_trafilaturas() -> None:
    page = _story(BODY).replace("</article>", "</article>" + "".join(BASIC_BLOCKS))
    tree = htmlbody.parse(page)
    assert tree is not None
    assert _html2txt(tree) == html2txt(tree)
    assert "Imprint" not in _html2txt(tree) and "kept" in _html2txt(tree)
