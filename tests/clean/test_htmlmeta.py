"""HTML metadata: one small page written for each rule (no third-party pages)."""

from __future__ import annotations

from datetime import date

from storyline.clean import htmlbody, htmlmeta

TODAY = date(2024, 6, 1)
BODY = "<p>" + "The council met on Tuesday to discuss the bridge and the new cycle path. " * 6 + "</p>"


def meta_of(
    head: str, body: str, url: str | None = "https://www.valley-courier.example/news/bridge-vote"
) -> htmlmeta.HtmlMeta:
    html = f"<html lang='en-GB'><head>{head}</head><body>{body}{BODY}</body></html>"
    tree = htmlbody.parse(html)
    return htmlmeta.extract(html, url, htmlmeta.ParsedPage(tree, url), TODAY)


def ld(data: str) -> str:
    return f'<script type="application/ld+json">{data}</script>'


def test_jsonld_list_of_authors_keeps_page_order() -> None:
    meta = meta_of(
        ld(
            '{"@type": "NewsArticle", "headline": "Bridge vote passes", "author": '
            '[{"@type": "Person", "name": "Dana Kim"}, {"@type": "Person", "name": "Omar Haddad"}]}'
        ),
        "<h1>Bridge vote passes</h1>",
    )
    assert meta.authors == ["Dana Kim", "Omar Haddad"]


def test_jsonld_graph_is_searched_for_the_article_node() -> None:
    graph = (
        '{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Valley Courier"}, '
        '{"@type": "Article", "headline": "Bridge vote passes", "datePublished": "2023-03-14T08:00:00+01:00", '
        '"author": {"@type": "Person", "name": "Lena Ortiz"}}]}'
    )
    meta = meta_of(ld(graph), "<h1>Bridge vote passes</h1>")
    assert meta.published == date(2023, 3, 14)
    assert meta.authors == ["Lena Ortiz"]
    assert meta.outlet == "Valley Courier"


def test_broken_jsonld_is_skipped() -> None:
    meta = meta_of(ld('{"@type": "NewsArticle", "headline": '), "<h1>Bridge vote passes</h1>")
    assert meta.title == "Bridge vote passes"


def test_site_suffix_is_stripped_from_the_title_tag() -> None:
    head = (
        '<title>Bridge vote passes after two years | Valley Courier</title><meta property="og:site_name" '
        'content="Valley Courier">'
    )
    assert meta_of(head, "<div>no headline element</div>").title == "Bridge vote passes after two years"


def test_site_prefix_is_stripped_and_separators_inside_the_headline_kept() -> None:
    assert (
        htmlmeta.strip_site("Valley Courier: Bridge vote – what comes next", ["Valley Courier"])
        == "Bridge vote – what comes next"
    )
    assert htmlmeta.strip_site("Blog Archive » Bridge vote", []) == "Bridge vote"


def test_h1_matching_the_title_stem_is_preferred() -> None:
    head = '<meta property="og:title" content="Bridge vote passes after two years - Valley Courier">'
    assert meta_of(head, "<h1>Bridge vote passes after two years</h1>").title == "Bridge vote passes after two years"


def test_blog_logo_h1_is_not_the_headline() -> None:
    body = (
        '<header><h1 class="site-title"><a href="/" rel="home">Notes From The Valley</a></h1></header>'
        '<h1 class="entry-title">How we rebuilt the river bridge</h1>'
    )
    head = "<title>How we rebuilt the river bridge | Notes From The Valley</title>"
    assert meta_of(head, body).title == "How we rebuilt the river bridge"


def test_german_byline_with_two_authors() -> None:
    body = '<h1>Neue Brücke beschlossen</h1><p class="byline">Von Anna Berg und Tom Weber, 14.03.2023</p>'
    assert meta_of("", body).authors == ["Anna Berg", "Tom Weber"]


def test_wire_in_byline_is_the_wire_not_an_author() -> None:
    body = '<h1>Neue Brücke beschlossen</h1><p class="author">Von David Lang, dpa</p>'
    meta = meta_of("", body)
    assert meta.authors == ["David Lang"]
    assert meta.wire == "dpa"


def test_comment_authors_are_not_bylines() -> None:
    body = (
        "<h1>Bridge vote passes</h1>"
        + BODY
        + '<ol class="commentlist"><li><span class="comment-author vcard"><b class="fn">Mia Stone</b></span>'
        "</li></ol>"
    )
    assert meta_of("", body).authors == []


def test_roles_and_outlets_are_not_authors() -> None:
    head = '<meta name="author" content="Redaktion"><meta property="og:site_name" content="Valley Courier">'
    assert meta_of(head, '<h1>Bridge</h1><span class="author">Valley Courier</span>').authors == []


def test_single_word_author_field_is_a_handle() -> None:
    head = ld('{"@type": "BlogPosting", "headline": "Bridge", "author": {"@type": "Person", "name": "riverwatcher"}}')
    assert meta_of(head, "<h1>Bridge</h1>").authors == ["riverwatcher"]


def test_published_time_wins_over_modified_time() -> None:
    head = (
        '<meta property="article:modified_time" content="2023-05-02T10:00:00Z">'
        '<meta property="article:published_time" content="2023-03-14T08:00:00Z">'
    )
    assert meta_of(head, "<h1>Bridge</h1>").published == date(2023, 3, 14)


def test_future_date_is_rejected() -> None:
    head = (
        ld('{"@type": "NewsArticle", "headline": "Bridge", "datePublished": "2031-03-14"}')
        + '<meta name="date" content="2023-03-14">'
    )
    assert meta_of(head, "<h1>Bridge</h1>", url=None).published == date(2023, 3, 14)


def test_date_printed_under_the_headline_reads_day_first_outside_the_us() -> None:
    meta = meta_of("", '<h1>Bridge vote passes</h1><div class="meta">05/07/2023 | Valley desk</div>', url=None)
    assert meta.published == date(2023, 7, 5)


def test_german_month_name_under_the_headline() -> None:
    meta = meta_of("", "<h1>Neue Brücke beschlossen</h1><p>14. März 2023, 10:12 Uhr</p>", url=None)
    assert meta.published == date(2023, 3, 14)


def test_url_date_is_the_fallback() -> None:
    meta = meta_of("", "<h2>Bridge</h2>", url="https://valley.example/2019/11/19/bridge-vote")
    assert meta.published == date(2019, 11, 19)


def test_unparsable_page_gets_outlet_and_url_date_only() -> None:
    meta = htmlmeta.extract("", "https://www.valley.example/2019/11/19/x", htmlmeta.ParsedPage(None), TODAY)
    assert meta.title is None
    assert meta.published == date(2019, 11, 19)


def test_organisation_typed_jsonld_author_is_not_a_person() -> None:
    head = ld(
        '{"@type": "NewsArticle", "headline": "Bridge", "author": [{"@type": "Organization", '
        '"name": "Valley Media Holdings"}, {"@type": "Person", "name": "Dana Kim"}]}'
    )
    assert meta_of(head, "<h1>Bridge</h1>").authors == ["Dana Kim"]


def test_jsonld_author_given_as_a_reference_is_resolved() -> None:
    graph = (
        '{"@context": "https://schema.org", "@graph": [{"@type": "Article", "headline": "Bridge", '
        '"author": {"@id": "https://valley.example/#/schema/person/7"}}, '
        '{"@type": "Person", "@id": "https://valley.example/#/schema/person/7", "name": "Rita Vogel"}]}'
    )
    assert meta_of(ld(graph), "<h1>Bridge</h1>").authors == ["Rita Vogel"]


def test_author_typed_person_and_organization_is_a_person() -> None:
    head = ld(
        '{"@type": "BlogPosting", "headline": "Bridge", "author": {"@type": ["Person", "Organization"], '
        '"name": "Frau Lindgren"}}'
    )
    assert meta_of(head, "<h1>Bridge</h1>").authors == ["Frau Lindgren"]


def test_written_by_label_of_the_twitter_card_names_the_author() -> None:
    head = '<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Jonas Feld">'
    assert meta_of(head, "<h1>Bridge</h1>").authors == ["Jonas Feld"]


def test_other_twitter_card_labels_are_not_authors() -> None:
    head = '<meta name="twitter:label1" content="Lesezeit"><meta name="twitter:data1" content="Drei Minuten">'
    assert meta_of(head, "<h1>Bridge</h1>").authors == []


def test_label_element_followed_by_the_name_in_its_tail() -> None:
    body = "<h1>Neue Brücke</h1><p>Der Rat hat entschieden.<br><strong>Text:</strong> Jonas Feld</p>"
    assert meta_of("", body).authors == ["Jonas Feld"]


def test_label_heading_followed_by_the_name_in_the_next_element() -> None:
    body = '<h1>Neue Brücke</h1><div><h4>Autor</h4><p><a href="/profil/feld">Jonas Feld</a></p></div>'
    assert meta_of("", body).authors == ["Jonas Feld"]


def test_written_by_with_a_colon_and_leading_dashes() -> None:
    assert meta_of("", '<h1>Bridge</h1><p><em>Written by: <a href="/x">Dana Kim</a></em></p>').authors == ["Dana Kim"]
    assert meta_of("", "<h1>Bridge</h1><div><em>---- by Omar Haddad</em></div>").authors == ["Omar Haddad"]


def test_blog_post_by_opens_a_byline() -> None:
    assert meta_of("", "<h1>Neue Brücke</h1><p>Blog Beitrag von Jonas Feld</p>").authors == ["Jonas Feld"]


def test_hidden_machine_date_under_the_headline_is_passed_over() -> None:
    body = '<h1>Bridge vote passes</h1><time hidden>2023-05-02 10:00</time><span class="date">14.03.2023 08:00</span>'
    assert meta_of("", body, url=None).published == date(2023, 3, 14)


def test_label_hidden_class_of_a_field_does_not_hide_it() -> None:
    body = '<h1>Bridge vote passes</h1><div class="field field--label-hidden">Dienstag, 14.03.2023</div>'
    assert meta_of("", body, url=None).published == date(2023, 3, 14)


def test_update_time_gives_way_to_the_marked_publication_time() -> None:
    body = (
        '<h1>Bridge vote passes</h1><time class="updated">2. Mai 2023</time>'
        '<time class="entry-date published">14. März 2023</time>'
    )
    assert meta_of("", body, url=None).published == date(2023, 3, 14)


def test_update_time_alone_is_the_printed_date() -> None:
    body = '<h1>Bridge vote passes</h1><span class="updated">Stand: 2. Mai 2023</span>'
    assert meta_of("", body, url=None).published == date(2023, 5, 2)


def test_utc_evening_timestamp_is_the_next_day_on_a_central_european_page() -> None:
    head = '<meta property="article:published_time" content="2023-03-13T23:30:00Z">'
    html = f"<html lang='de-DE'><head>{head}</head><body><h2>Brücke</h2>{BODY}</body></html>"
    tree = htmlbody.parse(html)
    meta = htmlmeta.extract(html, None, htmlmeta.ParsedPage(tree, None), TODAY)
    assert meta.published == date(2023, 3, 14)


def test_utc_timestamp_keeps_its_day_elsewhere() -> None:
    head = '<meta property="article:published_time" content="2023-03-13T23:30:00Z">'
    assert meta_of(head, "<h2>Bridge</h2>", url=None).published == date(2023, 3, 13)


def test_page_microdata_date_beats_the_generic_date_meta_key() -> None:
    head = '<meta name="date" content="2023-05-02T10:00:00+02:00">'
    body = '<h2>Bridge</h2><time itemprop="datePublished" datetime="2023-03-14">14.03.2023</time>'
    assert meta_of(head, body, url=None).published == date(2023, 3, 14)


def test_blogger_handle_that_names_the_blog_subdomain_is_the_author() -> None:
    body = (
        '<h1>Notes on the bridge</h1><span class="byline author vcard">'
        '<a class="url fn n" href="/author/riverwatcher/">riverwatcher</a></span>'
    )
    assert meta_of("", body, url="https://riverwatcher.wordpress.com/2023/03/14/notes").authors == ["riverwatcher"]


def test_label_followed_by_line_breaks_then_the_name() -> None:
    body = "<h1>Neue Brücke</h1><div><b>Von:</b> <br /> <br /> Jonas Feld</div>"
    assert meta_of("", body).authors == ["Jonas Feld"]


def test_meta_line_of_a_date_and_a_name_under_the_headline() -> None:
    body = '<h1>Neue Brücke</h1><p class="text-muted">14.03.2023 - Jonas Feld</p>'
    assert meta_of("", body).authors == ["Jonas Feld"]


def test_meta_line_of_a_date_and_a_place_label_is_not_a_byline() -> None:
    body = "<h1>Neue Brücke</h1><p>Hamburg, 14. März 2023</p><p>Ort: Saarbrücken | 14.03.2023 | Messe</p>"
    assert meta_of("", body).authors == []


def test_hatom_abbr_keeps_the_publication_time_in_its_title() -> None:
    body = (
        '<h2>Bridge</h2><abbr class="published" itemprop="datePublished" title="2023-03-14T10:52:00+01:00">10:52</abbr>'
    )
    assert meta_of("", body, url=None).published == date(2023, 3, 14)


def test_relative_stamp_under_the_headline_counts_back_from_the_crawl_day() -> None:
    html = f"<html lang='de'><head></head><body><h1>Neue Brücke</h1><p>vor 30 Stunden</p>{BODY}</body></html>"
    tree = htmlbody.parse(html)
    meta = htmlmeta.extract(html, None, htmlmeta.ParsedPage(tree, None), TODAY, crawled=date(2024, 3, 14))
    assert meta.published == date(2024, 3, 13)


def test_relative_stamp_without_a_crawl_day_dates_nothing() -> None:
    assert meta_of("", "<h1>Bridge</h1><p>2 hours ago</p>", url=None).published is None


def test_no_date_after_the_crawl_day() -> None:
    head = '<meta property="article:published_time" content="2024-03-20T10:00:00+01:00">'
    html = f"<html><head>{head}</head><body><h2>Bridge</h2>{BODY}</body></html>"
    tree = htmlbody.parse(html)
    meta = htmlmeta.extract(
        html,
        "https://valley.example/2024/03/12/bridge",
        htmlmeta.ParsedPage(tree, None),
        TODAY,
        crawled=date(2024, 3, 14),
    )
    assert meta.published == date(2024, 3, 12)


def test_personal_site_publisher_signs_a_page_without_byline() -> None:
    graph = (
        '{"@graph": [{"@type": ["Person", "Organization"], "@id": "#me", "name": "Ruth Adler"}, '
        '{"@type": "WebSite", "name": "Ruth Adler", "publisher": {"@id": "#me"}}]}'
    )
    assert meta_of(ld(graph), "<h1>Bridge vote passes</h1>").authors == ["Ruth Adler"]


def test_author_named_like_a_personal_site_is_kept() -> None:
    graph = (
        '{"@graph": [{"@type": ["Person", "Organization"], "@id": "#me", "name": "Ruth Adler"}, '
        '{"@type": "BlogPosting", "headline": "Bridge vote passes", '
        '"author": {"@type": "Person", "name": "Ruth Adler"}}]}'
    )
    assert meta_of(ld(graph), "<h1>Bridge vote passes</h1>").authors == ["Ruth Adler"]


def test_date_printed_in_a_date_element_beats_the_generic_date_tag() -> None:
    body = '<div class="news-date">14.03.2023</div><h1>Bridge vote</h1>'
    meta = meta_of('<meta name="date" content="2023-03-20">', body)
    assert meta.published == date(2023, 3, 14)


def test_unmarked_time_element_dates_a_page_with_no_other_date() -> None:
    meta = meta_of("", '<aside><time datetime="2023-03-14 12:22">heute</time></aside><h1>Bridge vote</h1>')
    assert meta.published == date(2023, 3, 14)


def test_meta_line_above_the_headline_with_date_time_and_name() -> None:
    meta = meta_of("", "<div><small>14.03.2023 | 13:10 Uhr | Ruth Adler</small><h1>Bridge vote passes</h1></div>")
    assert meta.authors == ["Ruth Adler"]


def test_advertising_label_is_not_an_author() -> None:
    meta = meta_of("", "<div><small>14.03.2023 | PAID CONTENT</small><h1>Bridge vote passes</h1></div>")
    assert meta.authors == []


def test_name_in_bold_closing_the_text_signs_it() -> None:
    long = "<p>" + "The committee will vote again in spring after the hearings. " * 4 + "</p>"
    meta = meta_of("", f"<h1>Bridge vote passes</h1><article>{long}<p><b><i>Ruth Adler</i></b></p></article>")
    assert meta.authors == ["Ruth Adler"]


def test_bold_subheading_between_paragraphs_is_not_a_signature() -> None:
    long = "<p>" + "The committee will vote again in spring after the hearings. " * 4 + "</p>"
    meta = meta_of("", f"<h1>Bridge vote passes</h1><article>{long}<p><b>Cycle Path</b></p>{long}</article>")
    assert meta.authors == []
