"""Authors a page names outside its byline, read only when no byline names anyone: the blog's own replies under
the post, an "Autor: X" line run into the text, and the press contact that signs a press release."""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from storyline.clean.meta_jsonld import clean_text
from storyline.clean.people import clean_author_text, has_given_name

# WordPress and the themes built on it mark a comment written by the post's own author with the class
# "bypostauthor" (the CMS sets it when the commenter's account is the post's): the name that signs the reply is the
# name the author signs the post with.

# The element that holds the commenter's name, most specific first ("<cite class=fn>", "<span
# class=comment-author-name>"); "comment-author" also wraps the avatar and the "says:" label.
_NAME_CLASSES = ("fn", "comment-author-name", "author-name", "author", "comment-author")
MAX_NAME_CHARS = 40


def _class_tokens(el: HtmlElement) -> set[str]:
    return set((el.get("class") or "").split())


def post_author_reply(marked: list[HtmlElement], outlet: str | None, site_names: list[str]) -> list[str]:
    """The name on the first reply the post's author wrote under it ("<li class='comment bypostauthor'><cite
    class=fn>Ana Berg</cite> sagt: ..."), a user name kept as written ("jancak"). ``marked``: the elements of the page
    whose class holds "author" (found once for the author box and these replies)."""
    replies = [el for el in marked if "bypostauthor" in (el.get("class") or "").split()]
    for comment in replies[:1]:
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


# The label of a press release's contact ("Pressekontakt:", "Ansprechpartnerin", "Media contact"): the person named
# on the line after it issued the release and answers for it, the release's author where nothing else names one.
_CONTACT_LABEL = re.compile(
    r"(?:presse-?\s?kontakt|medienkontakt|kontakt|ansprechpartner(?:in)?|press contact|media contact|"
    r"contact for the media)\s*:?",
    re.I,
)
# A box of contact persons that no label opens ("<div class=ansprechpartner_list><strong>Ana Berg</strong>"); the
# German word only: each XPath over the elements of a page costs ~0.5 ms (zyte-html-dev).
_CONTACT_BOX = etree.XPath("//*[contains(@class, 'nsprechpartner')]")
# text nodes that may hold a label, picked in libxml2 by a few letters of every label (the pattern is checked below)
_LABEL_NODES = etree.XPath(
    "//text()[string-length() < 60][contains(., 'ontakt') or contains(., 'ONTAKT') or contains(., 'nsprechpartner') or "
    "contains(., 'ontact') or contains(., 'ONTACT')]"
)
_NOT_CONTENT_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "menu", "select", "button"})
_NOT_CONTENT_MARKS = re.compile(r"nav|menu|footer|header|sidebar|breadcrumb", re.I)


def _outside_content(el: HtmlElement) -> bool:
    """In a navigation, header, footer or sidebar: a "Kontakt" there is a link to the site's contact page."""
    for anc in el.iterancestors():
        if anc.tag in ("body", "html"):
            break
        if anc.tag in _NOT_CONTENT_TAGS or _NOT_CONTENT_MARKS.search(
            (anc.get("class") or "") + " " + (anc.get("id") or "")
        ):
            return True
    return False


def _first_line(el: HtmlElement) -> str:
    """The text of an element up to its first <br>."""
    pieces: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            if node.tag == "br":
                break
            pieces.append(node.text or "" if isinstance(node.tag, str) else "")
        elif node is not el:
            pieces.append(node.tail or "")
    return " ".join("".join(pieces).split())


def _line_after(label: HtmlElement) -> str:
    """The line that follows a label element: its tail up to the next <br>, else the first line after the breaks."""
    tail = " ".join((label.tail or "").split()).strip(" :")
    if tail:
        return tail
    for sibling in label.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling.tag == "br":
            text = " ".join((sibling.tail or "").split())
            if text:
                return text
            continue
        return _first_line(sibling)
    return ""


def _named_person(line: str, outlet: str | None, site_names: list[str]) -> list[str]:
    if not 4 <= len(line) <= MAX_NAME_CHARS:
        return []
    people = clean_author_text(line, outlet, site_names)[0]
    return people[:1] if people and has_given_name(people[0]) and line.startswith(people[0]) else []


def press_contact(tree: HtmlElement, outlet: str | None, site_names: list[str]) -> list[str]:
    """The person named right after a press contact label ("<b>Pressekontakt</b><br>Dr. Ana Berg<br>Pressesprecherin")
    or heading a box of contact persons, in the text of the page (not its navigation or footer)."""
    for node in _LABEL_NODES(tree):
        el = node.getparent()
        if node.is_tail or el is None or not _CONTACT_LABEL.fullmatch(node.strip()):
            continue
        if el.text_content().strip() != node.strip() or _outside_content(el):
            continue
        people = _named_person(_line_after(el), outlet, site_names)
        if people:
            return people
    for box in _CONTACT_BOX(tree):
        if _outside_content(box):
            continue
        for el in box.iter("strong", "b", "a", "h3", "h4", "h5"):
            people = _named_person(clean_text(el.text_content()), outlet, site_names)
            if people:
                return people
    return []
