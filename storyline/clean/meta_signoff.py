"""Authors a page names outside its byline, read only when no byline names anyone: the blog's own replies under
the post, an "Autor: X" line run into the text, the card an author's link sits in, the press contact that signs a
press release, the person a personal site is named after (``site_owner``) and the name that signs the end of the
text (``signature``)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from storyline.clean.meta_jsonld import clean_text, lower_attr
from storyline.clean.people import clean_author_text, given_names, has_given_name

TEXT_NODES = etree.XPath("//text()[normalize-space()]")  # the page's non-blank text nodes

# The element that holds the commenter's name, most specific first ("<cite class=fn>", "<span
# class=comment-author-name>"); "comment-author" also wraps the avatar and the "says:" label.
_NAME_CLASSES = ("fn", "comment-author-name", "author-name", "author", "comment-author")
MAX_NAME_CHARS = 40


def _class_tokens(el: HtmlElement) -> set[str]:
    return set((el.get("class") or "").split())


def post_author_reply(marked: list[HtmlElement], outlet: str | None, site_names: list[str]) -> list[str]:
    """The name on the first reply the post's author wrote under it ("<li class='comment bypostauthor'><cite
    class=fn>Ana Berg</cite> sagt: ..."), a user name kept as written ("jancak"). WordPress and the themes built on it
    mark a comment written by the post's own author with the class "bypostauthor": the name that signs the reply is
    the name the author signs the post with. ``marked``: the elements of the page whose class holds "author" (found
    once for the author box and these replies)."""
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


def credit_line(marks: PageMarks, outlet: str | None, site_names: list[str]) -> list[str]:
    """The names of the last "Autor: X" line among the <br>-separated lines of the page."""
    found: list[str] = []
    for br in marks.breaks:
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
_NOT_CONTENT_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "menu", "select", "button"})
# a class or id word of a navigation, footer or sidebar ("main-nav", "site-footer", "sidebar-left"); not the
# "has-left-sidebar" of a page's main part, which says a sidebar stands beside the text
_NOT_CONTENT_MARK = re.compile(
    r"(?!has-)(?:[\w-]*[-_])?(?:nav|navigation|menu|footer|header|sidebar|breadcrumbs?)(?:[-_][\w-]*)?"
)
# an author's card may stand in a sidebar or a header, beside the text: only navigation and footers are left out
_NOT_CARD_TAGS = frozenset({"nav", "footer", "form", "menu", "select"})
_NOT_CARD_MARK = re.compile(r"(?!has-)(?:[\w-]*[-_])?(?:nav|navigation|menu|footer)(?:[-_][\w-]*)?")


def _outside_content(
    el: HtmlElement, tags: frozenset[str] = _NOT_CONTENT_TAGS, mark: re.Pattern[str] = _NOT_CONTENT_MARK
) -> bool:
    """In a navigation, header, footer or sidebar: a "Kontakt" there is a link to the site's contact page."""
    for anc in el.iterancestors():
        if anc.tag in ("body", "html"):
            break
        words = ((anc.get("class") or "") + " " + (anc.get("id") or "")).lower().split()
        if anc.tag in tags or any(mark.fullmatch(word) for word in words):
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


def press_contact(marks: PageMarks, outlet: str | None, site_names: list[str]) -> list[str]:
    """The person named right after a press contact label ("<b>Pressekontakt</b><br>Dr. Ana Berg<br>Pressesprecherin")
    or heading a box of contact persons ("<div class=ansprechpartner_list><strong>Ana Berg</strong>"), in the text of
    the page (not its navigation or footer)."""
    for el in marks.labels:
        if el.text_content().strip() != (el.text or "").strip() or _outside_content(el):
            continue
        people = _named_person(_line_after(el), outlet, site_names)
        if people:
            return people
    for box in marks.contact_boxes:
        if _outside_content(box):
            continue
        for el in box.iter("strong", "b", "a", "h3", "h4", "h5"):
            people = _named_person(clean_text(el.text_content()), outlet, site_names)
            if people:
                return people
    return []


# A link to the list of an author's pages ("/autoren/ana-berg", "?searchword=ana-berg&searchphrase=author", "/experten/
# ana-berg" titled "zu allen Rezepten vom Autor"): the name printed beside it, spelled as the link's last part, is the
# author's (an author card: "<div>Ana Berg</div><a href=...>Alle Artikel</a>").
_SLUG = re.compile(r"(?:searchword=|/)([a-z\u00e0-\u00ff]+(?:-[a-z\u00e0-\u00ff]+){1,3})(?:-\d+)?/?(?:[?&#]|$)")
_SPELLED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", " ": "-"})
MAX_CARD_CHARS = 200  # the text around an author link that may hold the name: a card, not a teaser list


def _slug(name: str) -> str:
    """A name as the part of a web address that spells it ("Kathrin Führes" -> "kathrin-fuehres")."""
    spelled = name.lower().translate(_SPELLED)
    return "".join(ch for ch in unicodedata.normalize("NFKD", spelled) if not unicodedata.combining(ch))


def author_card(marks: PageMarks, outlet: str | None, site_names: list[str]) -> list[str]:
    """The name spelled by the link to an author's pages, printed in the card around that link."""
    for link in marks.author_links:
        found = _SLUG.search(link.get("href") or "")
        if not found or _outside_content(link, _NOT_CARD_TAGS, _NOT_CARD_MARK):
            continue
        for card in list(link.iterancestors())[:2]:
            texts = [" ".join(text.split()) for text in card.itertext()]
            if sum(map(len, texts)) > MAX_CARD_CHARS:
                break
            for text in texts:
                if _slug(text) == found.group(1):
                    return clean_author_text(text, outlet, site_names)[0]
    return []


# A copyright line whose holder is a person ("(c) Ana Berg • Weitere Rechte siehe Impressum", "© 2019 Ana Berg"): on a
# page that names no author, the owner of a personal site, who wrote it. Not a picture's credit: no agency or second
# holder after a slash or in brackets ("© Ana Berg/dpa", "© Tom Li (KNA)"), not in a figure or beside an image, and
# a common given name first (companies and public bodies hold most copyrights; trafilatura-eval-dev: 2 pages gained,
# one on each half, and one personal blog without a gold author given its owner).
_COPYRIGHT = re.compile(
    r"\s*(?:\u00a9|\(c\)|copyright)(?:\s*(?:\u00a9|\(c\)))?[\s\d\-\u2013]*(?:by\s+)?([^|\u2022\u00b7,/()]{4,40}?)"
    r"\s*(?:[|\u2022\u00b7,\u2013-].*)?",
    re.I,
)
_PICTURE_TAGS = frozenset({"figure", "figcaption", "picture"})
_PICTURE_MARK = re.compile(r"caption|credit|image|img|photo|foto|bild|media|gallery", re.I)


def _picture_credit(el: HtmlElement) -> bool:
    """In a figure, a caption or an image's box, or beside an image."""
    for node in [el, *list(el.iterancestors())[:3]]:
        if node.tag in _PICTURE_TAGS or _PICTURE_MARK.search((node.get("class") or "") + " " + (node.get("id") or "")):
            return True
    parent = el.getparent()
    return parent is not None and any(child.tag in ("img", "picture") for child in parent)


def copyright_holder(marks: PageMarks, outlet: str | None, site_names: list[str]) -> list[str]:
    """The person a copyright line of the page names as its holder."""
    for el in marks.copyrights:
        found = _COPYRIGHT.fullmatch(" ".join((el.text or "").split()))
        if not found or "/" in (el.text or "").split("|")[0].split("\u2022")[0] or _picture_credit(el):
            continue
        people = clean_author_text(found.group(1), outlet, site_names)[0]
        if len(people) == 1 and has_given_name(people[0]) and people[0] == found.group(1).strip():
            return people
    return []


@dataclass(slots=True)
class PageMarks:
    """The elements the readers above start from, found in one pass over the page (an XPath per reader cost ~0.5 ms
    a page each, trafilatura-eval-dev)."""

    breaks: list[HtmlElement] = field(default_factory=list)
    labels: list[HtmlElement] = field(default_factory=list)  # elements whose own text is a contact label
    contact_boxes: list[HtmlElement] = field(default_factory=list)  # class "ansprechpartner..."
    author_links: list[HtmlElement] = field(default_factory=list)  # to an author's pages, or titled so
    copyrights: list[HtmlElement] = field(default_factory=list)  # elements whose own text opens with a copyright sign


_COPYRIGHT_OPENINGS = frozenset("\u00a9(Cc")


def page_marks(tree: HtmlElement, text_nodes: list[Any]) -> PageMarks:
    """The marks of a page from its non-blank text nodes (``text_nodes``, read once for the bylines too) and the
    elements of a few tags, which lxml picks without a Python call per element (a pass over every element cost ~0.35
    ms a page, trafilatura-eval-dev)."""
    marks = PageMarks(breaks=list(tree.iter("br")))
    label = _CONTACT_LABEL.fullmatch
    for node in text_nodes:
        if len(node) >= 120 or node.is_tail:
            continue
        text = node.strip()
        is_label = len(text) < 40 and label(text)
        if is_label or text[:1] in _COPYRIGHT_OPENINGS:
            el = node.getparent()
            if el is not None:
                (marks.labels if is_label else marks.copyrights).append(el)
    for el in tree.iter("a"):
        target = (el.get("href") or "") + " " + (el.get("title") or "")
        if "utor" in target or "uthor" in target:
            marks.author_links.append(el)
    marks.contact_boxes = [el for el in tree.iter("div") if "nsprechpartner" in (el.get("class") or "")]
    return marks


MIN_OWNER_KEY = 8  # letters of a site name read as a person's names: "gregoryszorc", not "anna" or "tvberg"
# Texts of a page that may name the site's owner: a personal site prints it in its header, footer and title (1, 2, 2
# and 8 texts on the four personal sites of trafilatura-eval-dev it signs), a page about a subject named like the
# site all along (78 texts on a fan wiki's page).
MAX_OWNER_MENTIONS = 10


def site_owner(tree: HtmlElement, site_names: list[str]) -> list[str]:
    """The person a site is named after, printed on the page as its owner ("Gregory Szorc" on gregoryszorc.com,
    "Alexander Klier" on alexander-klier.net): a personal site whose page names no other author. The name opens
    with a common given name ("Presse Augsburg" on presse-augsburg.de is no person) and stands alone in a text: a
    site description, a copyright line, a part of the title ("Harry Potter Wiki", "Betty Crocker(TM) cake mix" are
    a subject and a brand)."""
    keys = {re.sub(r"[\W\d_]+", "", (name.split(".")[0] if "." in name else name).lower()) for name in site_names}
    texts: list[str] | None = None
    for key in sorted(k for k in keys if len(k) >= MIN_OWNER_KEY):
        for cut in range(2, len(key) - 2):
            if key[:cut] not in given_names():
                continue
            texts = [" ".join(node.split()) for node in TEXT_NODES(tree)] if texts is None else texts
            name = rf"({key[:cut]}(?:\s+[a-z]\.)?\s+{key[cut:]})"
            alone = re.compile(
                rf"^(?:(?:©|\(c\)|copyright)[\s\d\-–]*)?(?:.*\s[|–—-]\s)?(?:(?:dr|prof)\.\s*)*{name}"
                rf"(?:\s[|–—-]\s.*|'s\s.*|\.?\s*(?:all rights reserved\.?)?)$",
                re.I,
            )
            mentioned = re.compile(name, re.I)
            if sum(1 for text in texts if mentioned.search(text)) > MAX_OWNER_MENTIONS:
                continue
            for text in texts:
                owner = alone.match(text)
                if owner and all(word[0].isupper() for word in owner.group(1).split()):
                    return [owner.group(1)]
    return []


# A short paragraph after the long ones of its text, with no long paragraph after it: the end of an article's text,
# where some outlets sign it ("...ermitteln.</p><p><b><i>Ana Berg</i></b></p>"), also below a short closing note (the
# title and publisher of a reviewed book). Bold or right-aligned only: a short plain paragraph there is a caption or a
# note.
_LAST_SHORT_P = etree.XPath(
    "//p[string-length(normalize-space(.)) > 4 and string-length(normalize-space(.)) < 50]"
    "[preceding-sibling::p[string-length(normalize-space(.)) > 150]]"
    "[not(following-sibling::p[string-length(normalize-space(.)) > 150])]"
)


def signature(tree: HtmlElement) -> list[str]:
    """The name alone in bold, italics or right-aligned that closes the article's text, or a name over an office on
    two lines: its signature (trafilatura-eval-dev: 2 pages gained, one on each half, and nothing else named on pages
    without a byline; read after any long paragraph, not only right after one: one page more on half A, no other page
    changed; the name over an office: one page more on half B, no other page changed)."""
    for para in _LAST_SHORT_P(tree):
        text = clean_text(para.text_content())
        children = [child for child in para if isinstance(child.tag, str) and child.tag != "br"]
        styled = (
            len(children) == 1
            and children[0].tag in ("b", "strong", "i", "em")
            and clean_text(children[0].text_content()) == text
        ) or "right" in (lower_attr(para, "align") + lower_attr(para, "style"))
        if styled:
            people, _ = clean_author_text(text)
            if people and " ".join(people) == text:
                return people
        lines = _br_lines(para)
        if len(lines) == 2 and _OFFICE.search(lines[1]) and not any(ch.isdigit() for ch in lines[1]):
            people, _ = clean_author_text(lines[0])
            if people and " ".join(people) == lines[0]:
                return people
    return []


# The office under the name that signs a statement ("Ana Berg<br>Bundesvorsitzende", "Tom Li<br>Pressesprecher der
# Stadt", "Ana Berg<br>President"): the office holder issued the text.
_OFFICE = re.compile(
    r"(?:vorsitzender?|sprecher(?:in)?|pr\u00e4sident(?:in)?|direktor(?:in)?|leiter(?:in)?|gesch\u00e4ftsf\u00fchrer(?:in)?|"
    r"b\u00fcrgermeister(?:in)?|minister(?:in)?|chair(?:man|woman)?|president|director|secretary|ceo)\b",
    re.I,
)


def _br_lines(para: HtmlElement) -> list[str]:
    """The non-blank lines of a paragraph broken by <br>."""
    lines: list[list[str]] = [[para.text or ""]]
    for child in para:
        if child.tag == "br":
            lines.append([child.tail or ""])
        else:
            lines[-1] += [child.text_content() if isinstance(child.tag, str) else "", child.tail or ""]
    return [text for text in (" ".join("".join(line).split()) for line in lines) if text]
