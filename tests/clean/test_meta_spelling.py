"""A one-word or login author spelled out as the page prints the name (pages written for these tests)."""

from __future__ import annotations

from lxml import html

from storyline.clean.meta_spelling import spelled_out


def _tree(body: str) -> html.HtmlElement:
    return html.fromstring(f"<html><body>{body}</body></html>")


def test_a_login_is_the_name_the_page_prints() -> None:
    tree = _tree("<p>Ein Bericht von Christian P. Stadtfeld über die Brücke.</p>")
    assert spelled_out("christian.stadtfeld", tree, []) == "Christian P. Stadtfeld"


def test_a_login_the_page_does_not_print_is_capitalised() -> None:
    assert spelled_out("robert.stitz", _tree("<p>Die Brücke wird neu gebaut.</p>"), []) == "Robert Stitz"


def test_a_given_name_signing_a_site_named_after_a_surname() -> None:
    tree = _tree("<footer>Henry Steinhau schreibt hier über Technik.</footer>")
    assert spelled_out("Henry", tree, ["steinhau.com"]) == "Henry Steinhau"


def test_a_given_name_opening_the_authors_bio() -> None:
    tree = _tree("<div class='author-bio'>Stefanus Stahl - Maschinenbauer und Autor.</div>")
    assert spelled_out("Stefanus", tree, []) == "Stefanus Stahl"


def test_initials_linked_to_the_authors_page() -> None:
    tree = _tree("<a href='/author/donaldtownsend/'>DT</a><p>Text by Donald Townsend, licensed CC BY.</p>")
    assert spelled_out("DT", tree, []) == "Donald Townsend"


def test_a_full_name_and_an_unknown_handle_stay_as_they_are() -> None:
    tree = _tree("<p>Nothing else here.</p>")
    assert spelled_out("Ana Berg", tree, []) == "Ana Berg"
    assert spelled_out("nachtfalter", tree, []) == "nachtfalter"
