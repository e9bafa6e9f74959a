"""A one-word or login author spelled out as the page prints the person's name: "christian.stadtfeld" as
"Christian P. Stadtfeld", a given name signing a site named after a surname ("Henry" on steinhau.com), a given name
opening the author's bio, initials linked to the author's page ("DT" and /author/donaldtownsend/)."""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from storyline.clean.meta_jsonld import clean_text
from storyline.clean.people import given_names

# A CMS login made of a person's first and last name ("christian.stadtfeld").
_NAME_LOGIN = re.compile(r"([a-z\u00e0-\u00ff]{2,})\.([a-z\u00e0-\u00ff]{2,})")


def spelled_out(name: str, tree: HtmlElement, site_names: list[str]) -> str:
    """A "first.last" login as the person's name: as the page prints it, with a middle initial ("Christian P.
    Stadtfeld"), else capitalised ("Robert Stitz"). A given name signing a site named after a surname ("Von Henry"
    on steinhau.com) as the full name the page prints ("Henry Steinhau"). Other handles are kept as they are."""
    login = _NAME_LOGIN.fullmatch(name)
    if not login:
        if " " in name:
            return name
        return _site_surname(name, tree, site_names) or _bio_name(name, tree) or _author_page_name(name, tree) or name
    first, last = login.group(1).capitalize(), login.group(2).capitalize()
    printed = re.search(rf"\b{first}(?:\s+[A-Z]\.)?\s+{last}\b", tree.text_content())
    return " ".join(printed.group(0).split()) if printed else f"{first} {last}"


def _site_surname(name: str, tree: HtmlElement, site_names: list[str]) -> str:
    """A given name signing a site named after a surname, with that surname where the page prints the two together."""
    if name.lower() not in given_names():
        return ""
    surnames = {re.sub(r"[\W\d_]+", "", (site.split(".")[0] if "." in site else site).lower()) for site in site_names}
    surnames = {surname for surname in surnames if len(surname) >= 4}
    if not surnames:
        return ""
    # one space between, the surname capitalised: "Henry Steinhau" written as a name, not two texts run together
    pattern = rf"\b{re.escape(name)}[ \u00a0]((?i:{'|'.join(sorted(surnames))}))(?![a-z\u00df-\u00ff])"
    printed = re.search(pattern, tree.text_content())
    return f"{name} {printed.group(1).capitalize()}" if printed and printed.group(1)[0].isupper() else ""


_AUTHOR_SLUG = re.compile(r"/(?:author|autor)/([a-z]{6,30})/?$")


def _author_page_name(name: str, tree: HtmlElement) -> str:
    """Initials linked to the author's page ("<a href=/author/donaldtownsend/>DT</a>") as the full name that the page
    prints and the page's address spells ("Donald Townsend" in a licence line). A given name is kept as the author
    signs ("Andrea" linked to /author/andreabottlinger/)."""
    if not (name.isalpha() and name.isupper() and len(name) <= 4):
        return ""
    slugs = {
        found.group(1)
        for link in tree.iter("a")
        if clean_text(link.text_content()) == name and (found := _AUTHOR_SLUG.search(link.get("href") or ""))
    }
    for slug in sorted(slugs - {name.lower()}):
        cuts = "|".join(rf"{slug[:cut]}\s+{slug[cut:]}" for cut in range(2, len(slug) - 1))
        for printed in re.finditer(rf"\b(?i:{cuts})\b", tree.text_content()):
            words = printed.group(0).split()
            initials = "".join(word[0] for word in words)
            if all(word[0].isupper() for word in words) and initials == name:
                return " ".join(words)
    return ""


_BIO = etree.XPath("//*[contains(@class, 'author') or contains(@class, 'autor')][contains(@class, 'bio')]")


def _bio_name(name: str, tree: HtmlElement) -> str:
    """A given name signing the page as the full name that opens the author's bio ("Stefanus" and "<div
    class=author_box__bio>Stefanus Stahl - Maschinenbauer ..."): the bio introduces the person by their name."""
    for bio in _BIO(tree)[:2]:
        opened = re.match(
            rf"\s*{re.escape(name)}\s+([A-Z\u00c0-\u00dd][a-z\u00df-\u00ff]+)\b(?!\s+[A-Z])", bio.text_content()
        )
        if opened and opened.group(1) != name:  # "Bebs Bebs loves cakes": the name twice, the heading and the bio
            return f"{name} {opened.group(1)}"
    return ""
