"""Publication dates of HTML pages (meta_dates): one small page written for each rule (no third-party pages)."""

from __future__ import annotations

from datetime import date

from storyline.clean import dates, htmlbody, htmlmeta, meta_dates

TODAY = date(2024, 6, 1)
BODY = "<p>" + "Der Gemeinderat hat am Dienstag über die neue Brücke und den Radweg beraten. " * 6 + "</p>"


def published(head: str, body: str, lang: str = "de-DE", url: str | None = None) -> date | None:
    html = f"<html lang='{lang}'><head>{head}</head><body>{body}{BODY}</body></html>"
    tree = htmlbody.parse(html)
    return htmlmeta.extract(html, url, htmlmeta.ParsedPage(tree, url), TODAY).published


def test_date_line_beats_a_date_in_the_lead_sentence() -> None:
    body = (
        "<h1>Anglermesse in Rostock</h1><p>Der neue Termin steht fest: Am 21. und 22. Mai 2024 dreht sich im Park "
        "wieder alles ums Angeln, mit Vorträgen und vielen Ausstellern aus ganz Europa.</p>"
        "<p>11.01.2024, 09:50 Uhr</p>"
    )
    assert published("", body) == date(2024, 1, 11)


def test_date_in_a_caption_sentence_gives_way_to_the_byline_date() -> None:
    body = (
        "<h1>La fin des trottinettes</h1><figcaption>Les entreprises ont enregistré 365 000 déplacements entre le "
        "21 juin et le 15 novembre 2023, dont la plupart en trottinettes électriques.</figcaption>"
        "<p>Jeanne Martin</p><p>19 février 2024</p>"
    )
    assert published("", body, lang="fr") == date(2024, 2, 19)


def test_date_in_running_text_gives_way_to_the_url_date() -> None:
    body = (
        "<h1>Zentrum offiziell eröffnet</h1><p>Im Beisein zahlreicher Gäste wurde das Zentrum am 18. Oktober 2023 "
        "am Berg offiziell eröffnet und in Betrieb genommen, nach drei Jahren Bauzeit und vielen Verzögerungen.</p>"
    )
    url = "https://verband.example/2023/10/20/zentrum-eroeffnet/"
    assert published("", body, url=url) == date(2023, 10, 20)


def test_date_in_running_text_is_read_when_no_date_line_has_one() -> None:
    body = (
        "<h1>Zentrum offiziell eröffnet</h1><p>Im Beisein zahlreicher Gäste wurde das Zentrum am 18. Oktober 2023 "
        "am Berg offiziell eröffnet und in Betrieb genommen, nach drei Jahren Bauzeit und vielen Verzögerungen.</p>"
    )
    assert published("", body) == date(2023, 10, 18)


def test_date_line_further_down_the_byline_zone_is_read() -> None:
    menu = "".join(f"<li>Rubrik {i}</li>" for i in range(40))  # a section menu between headline and date line
    body = f"<h1>Schneesport mit Rücksicht</h1><ul>{menu}</ul><p>Erscheinungsdatum</p><p>25.01.2024</p>"
    assert published('<meta property="og:article:published_time" content="2024-01-15">', body) == date(2024, 1, 25)


def test_two_digit_year_of_a_byline() -> None:
    body = "<h1>Neue Brücke</h1><p>Jonas Feld</p><p>06.11.23 | 14:50</p>"
    assert published("", body) == date(2023, 11, 6)


def test_two_digit_year_in_running_text_is_not_a_date() -> None:
    sentence = (
        "Die Version 10.11.12 der Software bringt viele Neuerungen für alle Nutzer, die sie installieren, "
        "und behebt außerdem mehrere Fehler der Vorgängerversion vom Frühjahr."
    )
    assert meta_dates.zone_date([sentence], TODAY, True) == (None, False)
    assert meta_dates.zone_date(["10.11.12"], TODAY, True) == (date(2012, 11, 10), True)  # alone on its line


def test_announced_event_date_is_not_the_publication() -> None:
    body = "<h1>Whisky-Abende 2024</h1><p>Termin: 21.02.2024, 19 Uhr</p>"
    assert published('<meta name="date" content="2023-11-27">', body) == date(2023, 11, 27)
    body = "<h1>Stammtisch</h1><p>Der nächste Stammtisch findet am Mi. 5. Februar 2024 ab 19 Uhr statt.</p>"
    assert published('<meta name="date" content="2024-01-29">', body) == date(2024, 1, 29)


def test_zone_date_reads_pieces_in_page_order() -> None:
    pieces = ["Von Jonas Feld", "3. März 2023", "5. März 2023"]
    assert meta_dates.zone_date(pieces, TODAY, True) == (date(2023, 3, 3), True)
    assert meta_dates.zone_date(["no date here"], TODAY, True) == (None, False)


def test_short_year_date_keeps_to_this_century_and_the_past() -> None:
    assert dates.short_year_date("04.05.20", TODAY) == date(2020, 5, 4)
    assert dates.short_year_date("04.05.25", TODAY) is None  # 2025: after today
    assert dates.short_year_date("04.05.2020", TODAY) is None  # a four-digit year is find_dates's
    assert dates.short_year_date("1.04.05.20", TODAY) is None


def test_a_name_like_a_cue_word_does_not_hide_the_byline_date() -> None:
    assert meta_dates.zone_date(["By Will Jones, March 3, 2023"], TODAY, False) == (date(2023, 3, 3), True)


def test_date_of_a_comment_is_not_the_page_date() -> None:
    body = (
        "<h2>Neue Brücke</h2>"
        '<div class="comments-area"><div class="comment-metadata">24. August 2023 um 03:36 Uhr</div></div>'
        '<p class="post-date">16.08.2023</p>'
    )
    assert published("", body) == date(2023, 8, 16)


def test_dates_of_teasers_of_other_stories_are_not_the_page_date() -> None:
    teaser = '<article class="default-teaser"><span class="teaser__date">01. Juli 2023</span></article>'
    body = f'<h2>Neue Brücke</h2><div class="slider">{teaser}</div><span class="date">18. März 2023</span>'
    assert published("", body) == date(2023, 3, 18)


def test_todays_date_in_the_masthead_is_not_the_page_date() -> None:
    masthead = '<header><nav><a href="/">Start</a></nav><span class="site-date">Mittwoch, 26.02.2024</span></header>'
    body = f"{masthead}<h2>Neue Brücke</h2>"
    assert published('<meta name="date" content="2023-05-01T17:05:00+0200">', body) == date(2023, 5, 1)


def test_date_in_the_articles_own_footer_is_read() -> None:
    body = '<article><h2>Neue Brücke</h2><footer class="entry-footer"><span class="posted-on">3. März 2023</span>'
    assert published("", body + "</footer></article>") == date(2023, 3, 3)


def test_date_labelled_as_the_publication_is_read_anywhere_on_the_page() -> None:
    player = '<div class="player"><p>Veröffentlicht am <time>16.08.2023</time><br/>Dauer: 1 Stunde</p></div>'
    body = f'<h2>Folge 158</h2>{player}<ol><li><time datetime="2023-08-24">24.08.2023</time></li></ol>'  # a reply
    assert published("", body) == date(2023, 8, 16)


def test_labelled_date_after_a_line_break_in_the_footer() -> None:
    footer = '<p class="footer-line">Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023<br></p>'
    assert published("", f"<h2>Rezension</h2><div>{footer}</div>") == date(2023, 11, 1)


def test_labelled_date_of_a_comment_is_not_the_page_date() -> None:
    comment = '<div class="comment-body"><p>Published on March 24, 2023 by a reader</p></div>'
    body = f'<h2>Bridge</h2>{comment}<aside><time datetime="2023-03-01">1 March</time></aside>'
    assert meta_dates.labelled_date(htmlbody.parse(f"<html><body>{body}</body></html>"), TODAY, False) is None


def test_label_far_from_its_date_is_not_read() -> None:
    text = "<p>Published in the county's weekly paper, which has covered the valley since March 3, 2020.</p>"
    assert meta_dates.labelled_date(htmlbody.parse(f"<html><body>{text}</body></html>"), TODAY, False) is None


def test_locale_in_the_url_path_reads_slashed_dates_day_first() -> None:
    html = "<html><head></head><body><h1>Student halls too full</h1><p>The Courier</p><p>02/10/2023</p>" + BODY
    url = "https://portal.example.com/en-gb/news/uknews/student-halls"
    tree = htmlbody.parse(html)
    assert htmlmeta.extract(html, url, htmlmeta.ParsedPage(tree, url), TODAY).published == date(2023, 10, 2)
    us_url = "https://portal.example.com/en-us/news/student-halls"
    assert htmlmeta.extract(html, us_url, htmlmeta.ParsedPage(tree, us_url), TODAY).published == date(2023, 2, 10)


def test_page_lang_prefers_the_html_lang_over_the_url() -> None:
    tree = htmlbody.parse("<html lang='de-CH'><body><p>x</p></body></html>")
    assert meta_dates.page_lang(tree, {}, "https://x.example/en-gb/a") == "de-ch"
    bare = htmlbody.parse("<html><body><p>x</p></body></html>")
    assert meta_dates.page_lang(bare, {}, "https://x.example/en-gb/a") == "en-gb"
    assert meta_dates.page_lang(bare, {}, "https://x.example/news/a") == ""


def test_slashed_meta_stamp_of_a_german_page_reads_month_first() -> None:
    head = '<meta name="date" content="11/01/2023 12:43:42">'
    assert published(head, "<h2>Trinkwasser belastet</h2>") == date(2023, 11, 1)
    assert published(head, "<h2>Eau potable</h2>", lang="fr-CH") == date(2023, 1, 11)


def test_slashed_date_in_a_german_pages_text_still_reads_day_first() -> None:
    assert published("", "<h1>Neue Brücke</h1><p>Jonas Feld</p><p>06/11/2023</p>") == date(2023, 11, 6)
