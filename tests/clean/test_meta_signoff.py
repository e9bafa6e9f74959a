"""Authors named outside the byline (``meta_signoff``), on small pages written for each rule."""

from __future__ import annotations

from storyline.clean import htmlbody
from storyline.clean.meta_authors import pick_authors
from storyline.clean.meta_jsonld import JsonLd

BODY = "<p>" + "Der Gemeinderat hat am Dienstag über die neue Brücke und den Radweg am Fluss beraten. " * 5 + "</p>"


def authors_of(body: str) -> list[str]:
    tree = htmlbody.parse(f"<html><body><h1>Brücke kommt</h1>{BODY}{body}</body></html>")
    assert tree is not None
    return pick_authors(JsonLd(), {}, tree, "Talbote", ["Talbote", "talbote.de"], next(tree.iter("h1")))[0]


def comment(classes: str, name_html: str, text: str = "Danke für den Hinweis!") -> str:
    return f'<li class="comment {classes}"><div class="comment-author vcard">{name_html} sagt:</div><p>{text}</p></li>'


def test_reply_marked_as_the_post_authors_names_the_author() -> None:
    replies = comment("byuser", "<cite class='fn'>Tom Li</cite>") + comment(
        "byuser bypostauthor", "<cite class='fn'>Ana Berg</cite>"
    )
    assert authors_of(f"<ol class='commentlist'>{replies}</ol>") == ["Ana Berg"]


def test_post_authors_reply_keeps_a_user_name() -> None:
    reply = comment("bypostauthor", "<span class='author'>nachtfalter</span>")
    assert authors_of(f"<ol class='comments'>{reply}</ol>") == ["nachtfalter"]


def test_readers_comments_name_no_author() -> None:
    replies = comment("byuser", "<cite class='fn'>Tom Li</cite>") + comment("", "<cite class='fn'>Eva Roth</cite>")
    assert authors_of(f"<ol class='commentlist'>{replies}</ol>") == []


def test_post_authors_reply_under_the_sites_name_is_no_person() -> None:
    reply = comment("bypostauthor", "<span class='fn'>Talbote</span>")
    assert authors_of(f"<ol class='comments'>{reply}</ol>") == []


def test_author_line_closing_a_text_broken_by_line_breaks() -> None:
    text = "<div>Das Gericht wies die Klage ab.<br><br>Quelle: Landgericht<br><br>Autor: Rechtsanwalt Ana Berg</div>"
    assert authors_of(text) == ["Ana Berg"]


def test_author_line_with_a_link_inside() -> None:
    assert authors_of("<div>Ende.<br>Autor: <a href='/anwalt/'>Ana Berg</a><br>Mehr zum Thema</div>") == ["Ana Berg"]


def test_photo_credit_line_names_no_author() -> None:
    assert authors_of("<div>Ende des Textes.<br>Foto: Ana Berg<br>Symbolbild: Tom Li</div>") == []


def test_author_word_inside_a_sentence_is_no_credit_line() -> None:
    line = "<div>Ende.<br>Der Autor: ein Mann, den Ana Berg seit Jahren kennt und schätzt.</div>"
    assert authors_of(line) == []


def test_bold_name_below_a_closing_note_signs_the_text() -> None:
    note = "<p><strong>Ana Berg (Hrsg.): Die Brücke</strong><br>Talverlag, 200 Seiten</p>"
    assert authors_of(f"{note}<p><strong>Tom Li</strong></p>") == ["Tom Li"]


def test_plain_name_below_the_text_is_no_signature() -> None:
    assert authors_of("<p>Tom Li</p>") == []


def test_press_contact_after_the_text_names_the_author() -> None:
    contact = "<p><strong>Pressekontakt</strong><br>Dr. Ana Berg<br>Pressesprecherin Talwerke AG<br>Tel. 0211 1234</p>"
    assert authors_of(contact) == ["Dr. Ana Berg"]


def test_contact_label_then_the_name_in_the_next_element() -> None:
    contact = "<div>Kontakt:</div><p><span style='font-weight: bold'>Tom Li<br></span>Telefon 040 123456</p>"
    assert authors_of(contact) == ["Tom Li"]


def test_box_of_contact_persons_names_the_author() -> None:
    box = (
        "<div class='ansprechpartner_liste'><ul><li><a href='/p/1'><strong>Ana Berg</strong></a> Pressesprecherin</li>"
    )
    assert authors_of(box + "</ul></div>") == ["Ana Berg"]


def test_contact_link_of_the_navigation_names_no_one() -> None:
    nav = "<nav><ul><li><a href='/kontakt'>Kontakt</a></li><li><a href='/ana'>Ana Berg</a></li></ul></nav>"
    assert authors_of(nav) == []


def test_contact_of_a_company_is_no_author() -> None:
    assert authors_of("<p><strong>Kontakt</strong><br>Talwerke Gruppe<br>Hafenstraße 2</p>") == []


def test_author_card_named_by_its_link_to_the_authors_pages() -> None:
    link = "<a href='/suche/?searchword=kathrin-fuehres&amp;by=author'>Alle</a>"
    card = f"<div class='box'><div>Kathrin Führes</div>{link}</div>"
    assert authors_of(card) == ["Kathrin Führes"]


def test_author_card_in_a_sidebar_counts() -> None:
    card = "<div><div>Ana Berg</div><a href='/experten/ana-berg' title='Alle Rezepte vom Autor'>Mehr</a></div>"
    assert authors_of(f"<div class='sidebar sidebar-left'>{card}</div>") == ["Ana Berg"]


def test_name_beside_a_link_to_another_authors_pages_is_no_author() -> None:
    card = "<div><div>Ana Berg</div><a href='/autoren/tom-li'>Alle Artikel von Tom Li</a></div>"
    assert authors_of(card) == []


def test_author_links_of_the_navigation_name_no_one() -> None:
    menu = "<nav><ul><li><span>Ana Berg</span><a href='/autoren/ana-berg'>Profil</a></li></ul></nav>"
    assert authors_of(menu) == []


def test_copyright_line_of_a_person_names_the_author() -> None:
    assert authors_of("<div class='copyrights'><p>(c) Ana Berg • Weitere Rechte siehe Impressum</p></div>") == [
        "Ana Berg"
    ]


def test_copyright_line_with_a_year_names_the_author() -> None:
    assert authors_of("<p>© 2019 Tom Li</p>") == ["Tom Li"]


def test_picture_credit_is_no_copyright_holder() -> None:
    assert authors_of("<figure><img src='a.jpg'><figcaption>© Ana Berg</figcaption></figure>") == []
    assert authors_of("<div><img src='a.jpg'><span>© Ana Berg</span></div>") == []


def test_credit_with_an_agency_is_no_copyright_holder() -> None:
    assert authors_of("<p>© Ana Berg/dpa</p>") == []
    assert authors_of("<p>© Tom Li (KNA)</p>") == []


def test_company_holding_the_copyright_is_no_author() -> None:
    assert authors_of("<footer><p>© 2021 Talwerke Gruppe</p></footer>") == []


def test_name_over_an_office_signs_a_statement() -> None:
    assert authors_of("<p>Kemal Aydın<br>Bundesvorsitzender</p>") == ["Kemal Aydın"]


def test_name_over_a_place_is_no_signature() -> None:
    assert authors_of("<p>Tom Li<br>Clayton</p>") == []
