"""Byline search of ``meta_authors``: small pages written for each rule (no third-party pages)."""

from __future__ import annotations

from storyline.clean import htmlbody
from storyline.clean.meta_authors import pick_authors
from storyline.clean.meta_jsonld import JsonLd, meta_tags

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


def authors_under(headline: str, body: str) -> list[str]:
    """Authors of a page whose headline element is ``headline`` (the first <h1>), followed by ``body``."""
    tree = htmlbody.parse(f"<html><body>{headline}{body}{BODY}</body></html>")
    assert tree is not None
    return pick_authors(JsonLd(), {}, tree, "Valley Courier", ["Valley Courier"], next(tree.iter("h1")))[0]


def test_name_in_meta_line_under_headline_is_the_byline() -> None:
    meta = '<div class="article-meta"><a href="/people/dana-kim">Dana Kim</a> | 3 May 2021</div>'
    assert authors_under("<h1>Bridge vote passes</h1>", meta) == ["Dana Kim"]


def test_words_of_the_headline_itself_are_no_byline() -> None:
    headline = '<h1 class="article-header"><span class="kicker">Open Roads</span> Bridge vote passes</h1>'
    assert authors_under(headline, "<div class='article-meta'>3 May 2021</div>") == []


def test_topic_link_in_meta_line_is_no_byline() -> None:
    meta = '<div class="post-meta">3 May 2021 <a href="/tag/river-crossings/">River Crossings</a></div>'
    assert authors_under("<h1>Bridge vote passes</h1>", meta) == []


def test_meta_class_matched_as_a_word_not_inside_headline_class() -> None:
    teaser = '<h3 class="subheadline"><a href="/news/other">Harbour Works</a></h3>'
    assert authors_under("<h1>Bridge vote passes</h1>", teaser) == []


def test_name_linked_in_body_paragraph_is_no_byline() -> None:
    para = (
        '<div class="content-meta"><p>The mayor, <a href="/news/lee">Grace Lee</a>, said the council had waited '
        "for years and that the new bridge would open in the spring, once the river works and the road repairs "
        "on both banks are done.</p></div>"
    )
    assert authors_under("<h1>Bridge vote passes</h1>", para) == []


def test_column_byline_in_bold_opens_the_byline() -> None:
    assert authors_of("<p><strong>Eine Kolumne von Ana Berg</strong></p>") == ["Ana Berg"]


def test_created_by_line_names_the_author() -> None:
    assert authors_of("<p class='date'>Erstellt von <a href='/u/ana'>Ana Berg</a> am 6. Mai 2014</p>") == ["Ana Berg"]


def test_text_and_photos_credit_is_a_byline() -> None:
    assert authors_of("<div class='credits'>Text &amp; Fotos: Ana Berg</div>") == ["Ana Berg"]


def ld_authors(names: list[str], body: str = "") -> list[str]:
    tree = htmlbody.parse(f"<html><body><h1>Bridge vote passes</h1>{body}{BODY}</body></html>")
    assert tree is not None
    return pick_authors(JsonLd(authors=names), {}, tree, "Valley Courier", ["Valley Courier"], next(tree.iter("h1")))[0]


def test_name_login_is_spelled_as_the_page_prints_it() -> None:
    caption = "<p class='caption'>Editor Dana J. Kim at the bridge.</p>"
    assert ld_authors(["dana.kim"], caption) == ["Dana J. Kim"]


def test_name_login_is_capitalised_when_the_page_does_not_print_it() -> None:
    assert ld_authors(["dana.kim"]) == ["Dana Kim"]


def test_other_handles_are_kept_as_they_are() -> None:
    assert ld_authors(["dkim_77"]) == ["dkim_77"]


def test_von_line_under_headline_beats_a_teaser_byline_class_further_down() -> None:
    body = (
        "<p>Von Lisa Brandt Mi, 18. Oktober 2023</p>"
        + BODY
        + "<div class='story-list'><h3>Other story</h3><span class='author'>Von Tom Weber</span></div>"
    )
    assert authors_of(body) == ["Lisa Brandt"]


def test_user_name_signing_under_headline_beats_full_names_further_down() -> None:
    body = "<p class='byline'>Eingestellt von nachtfalter</p>" + BODY + "<p class='book'>by Ana Berg</p>"
    assert authors_of(body) == ["nachtfalter"]


def test_full_name_of_the_signing_user_is_kept() -> None:
    body = "<p class='byline'>von Dana</p>" + BODY + "<div class='author-name'>Dana Kim</div>"
    assert authors_of(body) == ["Dana Kim"]


def test_month_or_acronym_alone_under_headline_signs_nothing() -> None:
    body = "<p class='byline'>Dezember</p>" + BODY + "<p class='author-name'>Ana Berg</p>"
    assert authors_of(body) == ["Ana Berg"]


def test_author_box_names_the_author_of_a_page_without_byline() -> None:
    box = "<div class='author-bio footer'><h3>Ana Berg</h3><p>Ana writes about bridges and rivers.</p></div>"
    assert authors_of(box) == ["Ana Berg"]


def test_author_box_heading_with_a_button_glued_on() -> None:
    box = "<section class='author-card'><a href='/in/ana'>Ana BergFollow</a></section>"
    assert authors_of(box) == ["Ana Berg"]


def test_author_box_of_a_comment_names_no_author() -> None:
    box = "<div class='comments'><div class='author-box'><h4>Tom Weber</h4></div></div>"
    assert authors_of(box) == []


def owner_of(page: str, site: str) -> list[str]:
    tree = htmlbody.parse(f"<html><head><title>Notes | Sofia Holm</title></head><body>{page}{BODY}</body></html>")
    assert tree is not None
    return pick_authors(JsonLd(), {}, tree, None, [site, site.split(".")[0]], None)[0]


def test_personal_site_is_signed_by_its_owner() -> None:
    footer = "<footer><p>Copyright (c) 2012-2020 Sofia Holm. All rights reserved.</p></footer>"
    assert owner_of(footer, "sofiaholm.de") == ["Sofia Holm"]


def test_owner_must_open_with_a_given_name() -> None:
    assert owner_of("<footer><p>© 2020 Presse Lindau</p></footer>", "presselindau.de") == []


def test_subject_named_like_the_site_is_no_owner() -> None:
    links = "".join(f"<li><a href='/w/{i}'>Sofia Holm</a></li>" for i in range(12))
    assert owner_of(f"<ul>{links}</ul>", "sofiaholm.fandom.com") == []


def test_user_name_in_a_part_of_the_meta_line_under_headline_signs_the_page() -> None:
    meta = "<div class='byline'>10. Dezember 2019 · von nachtfalter · in Allgemein</div>"
    body = meta + BODY + "<p class='credit'>Interview: Ana Berg</p>"
    assert authors_of(body) == ["nachtfalter"]


def test_authors_of_cited_works_in_microdata_did_not_write_the_page() -> None:
    page = (
        "<html><head><meta name='dc.creator' content='Dana Kim'></head><body><h1>Bridge study</h1>"
        "<ol><li itemprop='citation' itemscope itemtype='http://schema.org/ScholarlyArticle'>"
        "<meta itemprop='author' content='T. Weber, L. Ortiz, '></li></ol>" + BODY + "</body></html>"
    )
    tree = htmlbody.parse(page)
    assert tree is not None
    tags = meta_tags(tree)
    assert pick_authors(JsonLd(), tags, tree, "Valley Courier", ["Valley Courier"], next(tree.iter("h1")))[0] == [
        "Dana Kim"
    ]


def test_picture_licence_author_is_no_byline() -> None:
    credit = "<span class='author-name'><a class='license-author' href='/wiki/File:x.jpg'>Tom Weber</a></span>"
    assert authors_of(credit + "<div class='author'><p>Autor <span>Ana Berg:</span></p></div>") == ["Ana Berg"]
    assert authors_of(credit) == []


def test_user_name_after_an_empty_meta_element_still_signs() -> None:
    body = "<p class='byline'>Publiziert am</p><p class='byline'>von: nachtfalter</p>" + BODY
    body += "<p class='author'>von: Tom Weber</p>"
    assert authors_of(body) == ["nachtfalter"]


def site_authors(body: str, site: str) -> list[str]:
    tree = htmlbody.parse(f"<html><body><h1>Bridge vote passes</h1>{body}{BODY}</body></html>")
    assert tree is not None
    return pick_authors(JsonLd(), {}, tree, None, [site, site.split(".")[0]], next(tree.iter("h1")))[0]


def test_given_name_signing_a_site_named_after_a_surname_is_completed() -> None:
    body = "<p class='byline'>Von Henry</p>" + BODY + "<footer><p>Mehr von Henry Lindqvist</p></footer>"
    assert site_authors(body, "lindqvist.com") == ["Henry Lindqvist"]


def test_given_name_run_into_the_site_name_is_not_completed() -> None:
    body = "<p class='byline'>Von Henry</p><div><a>Henry</a></div><div>lindqvist.com</div>"
    assert site_authors(body, "lindqvist.com") == ["Henry"]


def test_byline_after_a_numeric_date_and_time() -> None:
    assert authors_of("<h2>Politik <span>06.11.2023 13:30 von Ana Berg</span></h2>") == ["Ana Berg"]


def test_user_name_after_a_numeric_date_signs_the_page() -> None:
    assert authors_of("<h2>Politik <span>06.11.2023 13:30 von nachtfalter</span></h2>") == ["nachtfalter"]


def test_date_alone_opens_no_byline() -> None:
    assert authors_of("<h2>Politik <span>06.11.2023 13:30 Vorschau</span></h2>") == []


def test_link_to_an_author_page_under_the_headline_is_the_byline() -> None:
    link = (
        "<div class='my-2'><a href='/autoren/ana-berg-6841'><span class='credit'>&copy; Tom Li</span>"
        "<div><span itemprop='name'>Ana Berg</span></div></a> am 26.01.2022</div>"
    )
    assert authors_under("<h1>Bridge vote passes</h1>", link) == ["Ana Berg"]


def test_link_to_another_page_under_the_headline_is_no_byline() -> None:
    link = "<div class='my-2'><a href='/themen/ana-berg'><div><span>Ana Berg</span></div></a></div>"
    assert authors_under("<h1>Bridge vote passes</h1>", link) == []


def test_interview_credit_names_the_interviewer() -> None:
    credits = "<div class='credits'><div class='label'>Interview</div><div class='text'>Ana Berg</div></div>"
    assert authors_of(credits) == ["Ana Berg"]


def test_menu_link_that_reads_like_a_label_opens_no_byline() -> None:
    menu = "<ul><li><a href='/tag/interview/'>Interview</a></li><li><a href='/tag/basics/'>Basics</a></li></ul>"
    assert authors_of(menu) == []


def test_label_and_name_inside_one_link_are_a_byline() -> None:
    assert authors_of("<a href='mailto:x'><b>Von:</b><br><br>Ana Berg</a>") == ["Ana Berg"]


def test_user_name_spelled_out_by_the_author_bio() -> None:
    ld = JsonLd(authors=["Stefanus"])
    bio = "<div class='author_box__bio'>Stefanus Stahl - Maschinenbauer und Radfahrer seit 2002.</div>"
    tree = htmlbody.parse(f"<html><body><h1>Bridge vote passes</h1>{BODY}{bio}</body></html>")
    assert tree is not None
    assert pick_authors(ld, {}, tree, "Valley Courier", ["Valley Courier"], next(tree.iter("h1")))[0] == [
        "Stefanus Stahl"
    ]


def test_bio_that_opens_with_another_word_keeps_the_user_name() -> None:
    ld = JsonLd(authors=["Stefanus"])
    bio = "<div class='author-bio'>Stefanus Mag Berge. Er fährt seit 2002.</div><p>Stefanus Stahl sagte</p>"
    tree = htmlbody.parse(f"<html><body><h1>Bridge vote passes</h1>{BODY}{bio}</body></html>")
    assert tree is not None
    assert pick_authors(ld, {}, tree, "Valley Courier", ["Valley Courier"], next(tree.iter("h1")))[0] == ["Stefanus"]


def test_initials_linked_to_the_author_page_spelled_out() -> None:
    byline = "<p class='post-info'>Posted by <a href='/author/donaldtownsend/' rel='author'>DT</a></p>"
    licence = "<footer><p>Ein Blog von <a href='/'>Donald Townsend</a> steht unter einer freien Lizenz</p></footer>"
    assert authors_of(byline + licence) == ["Donald Townsend"]


def test_initials_kept_when_the_page_prints_no_matching_name() -> None:
    byline = "<p class='post-info'>Posted by <a href='/author/donaldtownsend/' rel='author'>DT</a></p>"
    assert authors_of(byline + "<p>Dana Kim Townsend</p>") == ["DT"]
