"""Authors a page names outside its byline, read only when no byline names anyone: the blog's own replies under
the post, an "Autor: X" line run into the text, and the press contact that signs a press release."""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from storyline.clean.meta_jsonld import clean_text
from storyline.clean.people import clean_author_text

# WordPress and the themes built on it mark a comment written by the post's own author with the class
# "bypostauthor" (the CMS sets it when the commenter's account is the post's): the name that signs the reply is the
# name the author signs the post with.
_POST_AUTHOR_COMMENT = etree.XPath("//*[contains(concat(' ', normalize-space(@class), ' '), ' bypostauthor ')]")
# The element that holds the commenter's name, most specific first ("<cite class=fn>", "<span
# class=comment-author-name>"); "comment-author" also wraps the avatar and the "says:" label.
_NAME_CLASSES = ("fn", "comment-author-name", "author-name", "author", "comment-author")
MAX_NAME_CHARS = 40


def _class_tokens(el: HtmlElement) -> set[str]:
    return set((el.get("class") or "").split())


def post_author_reply(tree: HtmlElement, outlet: str | None, site_names: list[str]) -> list[str]:
    """The name on the first reply the post's author wrote under it ("<li class='comment bypostauthor'><cite
    class=fn>Ana Berg</cite> sagt: ..."), a user name kept as written ("jancak")."""
    for comment in _POST_AUTHOR_COMMENT(tree)[:1]:
        named = [el for el in comment.iter() if isinstance(el.tag, str) and _class_tokens(el) & set(_NAME_CLASSES)]
        for wanted in _NAME_CLASSES:
            for el in named:
                if wanted not in _class_tokens(el):
                    continue
                text = clean_text(el.text_content())
                if 2 <= len(text) <= MAX_NAME_CHARS:
                    return clean_author_text(text, outlet, site_names, structured=True)[0]
    return []


# "Autor: Ana Berg" or "Text: Ana Berg" alone on a line of a text that breaks its lines with <br>: the closing credit
# of outlets whose whole article is one element ("...das Gericht.<br><br>Autor: Rechtsanwalt Ana Berg</div>").
_CREDIT_LINE = re.compile(r"^\s*(?:Autor(?:in)?|Author|Text|Verfasser(?:in)?)\s*:\s*\S", re.I)
MAX_LINE_CHARS = 80


def _line_from(node: etree._Element) -> str:
    """The text from a <br> to the next <br> or to the end of its parent."""
    pieces = [node.tail or ""]
    for sibling in node.itersiblings():
        if sibling.tag == "br":
            break
        pieces.append(sibling.text_content() if isinstance(sibling.tag, str) else "")
        pieces.append(sibling.tail or "")
        if sum(map(len, pieces)) > 4 * MAX_LINE_CHARS:
            break
    return " ".join("".join(pieces).split())


def credit_line(tree: HtmlElement, outlet: str | None, site_names: list[str]) -> list[str]:
    """The names of the last "Autor: X" line among the <br>-separated lines of the page."""
    found: list[str] = []
    for br in tree.iter("br"):
        line = _line_from(br)
        if len(line) <= MAX_LINE_CHARS and _CREDIT_LINE.match(line):
            people = clean_author_text(line, outlet, site_names)[0]
            found = people or found
    return found
