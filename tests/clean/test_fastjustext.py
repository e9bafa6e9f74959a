"""fastjustext: jusText's paragraphs and classes as trafilatura's ``try_justext`` gives them, on trees built here."""

from __future__ import annotations

from copy import copy

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.etree import tostring
from lxml.html import HtmlElement, fromstring
from trafilatura.external import try_justext as trafilatura_justext

from storyline.clean import fastjustext

from .conftest import BODY, FOOTER, NAV

_TAGS = ["p", "div", "a", "br", "span", "li", "ul", "h2", "select", "option", "td", "b"]
_WORDS = ["the", "bridge", "of", "council", "and", "a", "vote", "©", "Home", "is", "to", "&copy;", "in"]
_SPACES = [" ", "  ", "\n", "\t", "\xa0", " \n ", "\r\n", ""]


def _same(tree: HtmlElement) -> None:
    want = tostring(trafilatura_justext(copy(tree), None, None))
    assert tostring(fastjustext.try_justext(copy(tree))) == want


def test_a_story_below_a_menu_keeps_the_story_and_drops_the_menu() -> None:
    nav = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in NAV)
    story = "".join(f"<p>{p}</p>" for p in BODY)
    foot = "".join(f"<div>{p}</div>" for p in FOOTER)
    tree = fromstring(f"<html><body><ul>{nav}</ul><div>{story}</div>{foot}</body></html>")
    body = fastjustext.try_justext(copy(tree))
    assert [p.text for p in body][: len(BODY)] == BODY  # the menu goes (the footer sentences stay)
    _same(tree)


def test_a_paragraph_of_line_breaks_alone_is_no_paragraph() -> None:
    _same(fromstring(f"<html><body><div>{BODY[0]}</div><div><br> <br></div><p>{BODY[1]}</p></body></html>"))


def test_a_tree_with_comments_goes_through_justext_itself() -> None:
    _same(fromstring(f"<html><body><p>{BODY[0]}<!-- note -->{BODY[1]}</p><p>short</p></body></html>"))


def _html(draw: st.DrawFn, depth: int) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(st.sampled_from(_TAGS))
            parts.append(f"<{tag}>{_html(draw, depth + 1)}</{tag}>" if tag != "br" else "<br>")
        else:
            words = draw(st.lists(st.sampled_from(_WORDS), max_size=40))
            parts.append(draw(st.sampled_from(_SPACES)).join(words) + draw(st.sampled_from(_SPACES)))
    return "".join(parts)


@st.composite
def _pages(draw: st.DrawFn) -> str:
    return f"<html><body>{_html(draw, 0)}</body></html>"


@settings(max_examples=100, deadline=None)
@given(_pages())
def test_same_body_as_justext_on_any_tree(page: str) -> None:
    tree = fromstring(page)
    if isinstance(tree, HtmlElement):
        _same(tree)
