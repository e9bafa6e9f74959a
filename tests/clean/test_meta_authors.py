"""Byline search of ``meta_authors``: small pages written for each rule (no third-party pages)."""

from __future__ import annotations

from storyline.clean import htmlbody
from storyline.clean.meta_authors import pick_authors
from storyline.clean.meta_jsonld import JsonLd

BODY = "<p>" + "The council met on Tuesday to discuss the bridge and the new cycle path. " * 6 + "</p>"


def authors_of(body: str) -> list[str]:
    tree = htmlbody.parse(f"<html><body><h1>Bridge vote passes</h1>{body}{BODY}</body></html>")
    assert tree is not None
    return pick_authors(JsonLd(), {}, tree, "Valley Courier", ["Valley Courier"], next(tree.iter("h1")))[0]


def test_byline_text_after_long_indentation_is_found() -> None:
    assert authors_of("<div>" + "\n" + " " * 400 + "By <a href='/a/dana'>Dana Kim</a></div>") == ["Dana Kim"]


def test_indentation_alone_opens_no_byline() -> None:
    assert authors_of("<div>" + "\n\t" * 300 + "</div><div>Weather: sunny</div>") == []


def test_byline_class_is_read_whatever_its_case() -> None:
    assert authors_of('<span class="Article-Byline">Omar Haddad</span>') == ["Omar Haddad"]
