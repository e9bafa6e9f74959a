from __future__ import annotations

from storyline.clean.people import clean_author_text, is_person, split_byline


def test_two_people_joined_by_and() -> None:
    assert split_byline("by Dana Kim and Omar Haddad January 3, 2024")[0] == ["Dana Kim", "Omar Haddad"]


def test_role_glued_to_name_is_removed() -> None:
    assert split_byline("By Lena OrtizStaff Writer")[0] == ["Lena Ortiz"]


def test_link_texts_and_staff_are_not_people() -> None:
    assert split_byline("By Email the author")[0] == []
    assert split_byline("By Staff")[0] == []


def test_outlet_name_is_not_an_author() -> None:
    assert split_byline("By The Valley Courier", outlet="The Valley Courier")[0] == []


def test_wire_byline_sets_wire_not_author() -> None:
    people, wire = split_byline("By Dana Kim and The Associated Press")
    assert people == ["Dana Kim"]
    assert wire == "AP"
    assert split_byline("Reuters")[1] == "Reuters"


def test_news_desk_counts_as_author() -> None:
    assert split_byline("by Dana Kim and The Valley Courier news desk")[0] == [
        "Dana Kim",
        "The Valley Courier news desk",
    ]


def test_posted_on_date_by_name() -> None:
    assert clean_author_text("Posted on May 3, 2023 by Ana Berg")[0] == ["Ana Berg"]


def test_name_with_particle_is_not_cut_at_von() -> None:
    assert clean_author_text("Christa von Ried")[0] == ["Christa von Ried"]
    assert clean_author_text("Artikel von Christa von Ried")[0] == ["Christa von Ried"]


def test_weekday_and_date_after_the_name_are_cut() -> None:
    assert clean_author_text("Tom Weber Fr, 3. März 2023")[0] == ["Tom Weber"]
    assert clean_author_text("Par Léa Martin le 17 mars 2023")[0] == ["Léa Martin"]


def test_initials_and_suffixes_keep_their_periods() -> None:
    assert clean_author_text("By R. J. Miller Jr.")[0] == ["R. J. Miller Jr."]


def test_handles_only_from_author_fields() -> None:
    assert clean_author_text("riverwatcher", structured=True)[0] == ["riverwatcher"]
    assert clean_author_text("riverwatcher")[0] == []
    assert clean_author_text("Admin", structured=True)[0] == []
    assert clean_author_text("valley-courier", site_names=["valley-courier"], structured=True)[0] == []


def test_organisations_and_domains_are_not_people() -> None:
    assert clean_author_text("Valley Verlag GmbH")[0] == []
    assert clean_author_text("valleycourier.com", structured=True)[0] == []


def test_labels_and_weekdays_glued_to_a_name_are_cut() -> None:
    assert clean_author_text("AuthorAna Berg")[0] == ["Ana Berg"]
    assert clean_author_text("Tom WeberDo, 3. März 2023")[0] == ["Tom Weber"]
    assert clean_author_text("Datum: 19.11.2021 Autor: Ana Berg Quelle: Valley")[0] == ["Ana Berg"]


def test_interface_words_after_a_name_are_not_part_of_it() -> None:
    assert split_byline("von Jonas Feld Über Autorenseite von Schließen")[0] == []
    assert clean_author_text("von Jonas Feld | Über | Autorenseite")[0] == ["Jonas Feld"]


def test_programmes_and_bodies_are_not_people() -> None:
    assert split_byline("By Riverside Restoration Programme")[0] == []
    assert split_byline("Von Sekretariat Partei Umwelt")[0] == []


def test_long_name_opening_with_an_article_is_a_title_but_a_pen_name_is_kept() -> None:
    assert split_byline("Die Zukunft der Arbeit")[0] == []
    assert clean_author_text("der Michel", structured=True)[0] == ["der Michel"]


def test_time_phrase_or_share_buttons_glued_to_a_name_are_cut() -> None:
    assert split_byline("Por Ana Ruiz y José Miguel LagosHace 2 horas")[0] == ["Ana Ruiz", "José Miguel Lagos"]
    assert split_byline("By Dana Kimfacebooktwitterwhatsapp")[0] == ["Dana Kim"]


def test_weekday_or_date_label_alone_is_not_a_handle() -> None:
    assert clean_author_text("Donnerstag", structured=True)[0] == []
    assert clean_author_text("Stand", structured=True)[0] == []


def test_handle_made_of_a_team_word_is_not_a_name() -> None:
    assert clean_author_text("sv_team", structured=True)[0] == []
    assert clean_author_text("river_watcher", structured=True)[0] == ["river_watcher"]


def test_french_author_label_and_text_credit_open_a_byline() -> None:
    assert clean_author_text("Auteur : Lina Morel")[0] == ["Lina Morel"]
    assert clean_author_text("Text von Jonas Feld   Illustration von Mara Lind")[0] == ["Jonas Feld"]


def test_picture_credit_names_no_author() -> None:
    assert clean_author_text("Foto: Agentur/Paul Weber")[0] == []
    assert clean_author_text("Interview: Lea Stein Foto: Tim Roth")[0] == ["Lea Stein"]


def test_role_in_brackets_ends_the_name_but_a_domain_marks_a_site() -> None:
    assert clean_author_text("Redaktion: Karl Brandt (Pressesprecher des Vereins)")[0] == ["Karl Brandt"]
    assert clean_author_text("Valley Courier (www.valleycourier.example)")[0] == []
    assert clean_author_text("Redaktion Valley Courier")[0] == []


def test_soft_hyphens_inside_a_name_are_dropped() -> None:
    assert clean_author_text("Von Mat\u00adthi\u00adas Kern")[0] == ["Matthias Kern"]


def test_occupation_before_a_name_is_dropped() -> None:
    assert clean_author_text("Autor: Rechtsanwalt Ana Berg")[0] == ["Ana Berg"]
    assert clean_author_text("Von Redakteurin Ana Berg und Tom Weber")[0] == ["Ana Berg", "Tom Weber"]


def test_occupation_word_before_a_single_name_is_kept() -> None:
    assert clean_author_text("Reporter Berg")[0] == ["Reporter Berg"]


def test_sponsored_label_is_not_a_person() -> None:
    assert clean_author_text("von Gesponserte Inhalte")[0] == []


def test_by_followed_by_a_label_is_a_facet_not_a_byline() -> None:
    assert clean_author_text("By Cuisine: Greek Italian / Near Eastern")[0] == []
    assert clean_author_text("By the numbers: 3 bridges")[0] == []


def test_registered_association_is_not_a_person() -> None:
    assert clean_author_text("Verband der Radfahrer e.V.", structured=True)[0] == []
    assert clean_author_text("Freunde des Parks e. V.", structured=True)[0] == []


def test_role_with_article_after_a_name_is_not_a_second_person() -> None:
    assert clean_author_text("Autorin: Ana Berg, Projektleiterin der Stiftung in Lyon.")[0] == ["Ana Berg"]


def test_particle_with_article_stays_in_the_name() -> None:
    assert clean_author_text("Von Greta van der Meer")[0] == ["Greta van der Meer"]
    assert clean_author_text("Von Jan von der Au")[0] == ["Jan von der Au"]


def test_kind_of_text_before_von_opens_the_byline() -> None:
    assert clean_author_text("Pressemitteilung von Tom Weber")[0] == ["Tom Weber"]
    assert clean_author_text("Alexander von Humboldt")[0] == ["Alexander von Humboldt"]


def test_photograph_credit_names_no_author() -> None:
    assert clean_author_text("Photograph by Ana Berg, Harbour Trust")[0] == []
    assert clean_author_text("Fotografie: Ana Berg")[0] == []


def test_text_and_photos_credit_names_the_author() -> None:
    assert clean_author_text("Text & Fotos: Ana Berg")[0] == ["Ana Berg"]
    assert clean_author_text("Text und Bilder: Ana Berg")[0] == ["Ana Berg"]


def test_web_design_credit_in_author_field_names_no_author() -> None:
    assert clean_author_text("Ana Berg und Tom Li designed", structured=True)[0] == []


def test_profile_card_label_after_name_is_cut() -> None:
    assert clean_author_text("Ana Berg Autor")[0] == ["Ana Berg"]
    assert clean_author_text("No Author", structured=True)[0] == []


def test_date_glued_to_last_name_is_cut() -> None:
    assert clean_author_text("Von Ana Berg und Tom Li1. Januar 2023")[0] == ["Ana Berg", "Tom Li"]
    assert clean_author_text("By Dana KimPublished Nov 8, 2023")[0] == ["Dana Kim"]


def test_acronym_alone_is_no_handle_but_initials_are() -> None:
    assert clean_author_text("NDR", structured=True)[0] == []
    assert clean_author_text("LD", structured=True)[0] == ["LD"]
    assert clean_author_text("freeman1984", structured=True)[0] == ["freeman1984"]


def test_outlet_signing_with_its_article_is_not_a_person() -> None:
    assert clean_author_text("Die Brücke", site_names=["bruecke.at", "brücke"], structured=True)[0] == []


def test_person_named_like_the_site_is_kept() -> None:
    assert clean_author_text("Ana Brücke", site_names=["brücke"], structured=True)[0] == ["Ana Brücke"]


def test_month_glued_to_last_name_is_cut() -> None:
    assert clean_author_text("By Dana KimDecember 23, 2019Add to Pocket")[0] == ["Dana Kim"]


def test_word_opening_the_date_after_a_name_is_cut() -> None:
    assert clean_author_text("Par Ana Berg Le 17/02/2020")[0] == ["Ana Berg"]
    assert clean_author_text("Tran Van Le")[0] == ["Tran Van Le"]


def test_site_accounts_are_not_handles() -> None:
    assert clean_author_text("wordpressadmin", structured=True)[0] == []
    assert clean_author_text("user5105", structured=True)[0] == []
    assert clean_author_text("nachtfalter", structured=True)[0] == ["nachtfalter"]


def test_unnamed_agencies_and_collectives_are_not_people() -> None:
    assert clean_author_text("Agencies", structured=True)[0] == []
    assert clean_author_text("Collectif", structured=True)[0] == []


def test_outlet_with_region_initials_is_not_a_person() -> None:
    assert clean_author_text("NÖ Landbote", site_names=["landbote"], structured=True)[0] == []


def test_handle_made_of_the_site_name_is_the_site() -> None:
    assert clean_author_text("Flussblog-Archiv", site_names=["flussblog"], structured=True)[0] == []


def test_person_named_like_the_outlet_is_kept_when_the_name_opens_with_a_given_name() -> None:
    assert clean_author_text("Sofia Holm", "Sofia Holm", ["Sofia Holm"], structured=True)[0] == ["Sofia Holm"]
    assert clean_author_text("Presse Lindau", "Presse Lindau", ["Presse Lindau"], structured=True)[0] == []


def test_given_name_after_academic_titles() -> None:
    from storyline.clean.people import has_given_name

    assert has_given_name("Dr. Hans-Peter Berg")
    assert not has_given_name("Presse Lindau")
    assert not has_given_name("Anna")


def test_desk_and_role_after_a_name_are_cut() -> None:
    assert clean_author_text("Dana Kim Education editor")[0] == ["Dana Kim"]
    assert clean_author_text("Von Ana Berg Chefredakteurin")[0] == ["Ana Berg"]


def test_role_that_is_half_a_pen_name_stays() -> None:
    assert clean_author_text("Von Rasender Reporter")[0] == ["Rasender Reporter"]


def test_publication_label_after_a_name_is_cut() -> None:
    assert clean_author_text("Par Ana Berg Publié le 3 mai")[0] == ["Ana Berg"]
    assert clean_author_text("By Dana KimLast updated Nov 8")[0] == ["Dana Kim"]
    assert clean_author_text("Von Ana Berg Erstellt am 3.5.2021")[0] == ["Ana Berg"]


def test_capitalised_von_inside_a_label_opens_the_byline() -> None:
    assert clean_author_text("Disko Von Ana Berg")[0] == ["Ana Berg"]


def test_avatar_initials_before_a_name_are_cut() -> None:
    assert clean_author_text("AB Ana Berg")[0] == ["Ana Berg"]
    assert clean_author_text("CLARA LÖW")[0] == ["CLARA LÖW"]


def test_japanese_and_austrian_agencies_are_wires() -> None:
    assert split_byline("JIJI")[1] == "Jiji"
    assert split_byline("Kathpress")[1] == "Kathpress"


def test_translation_credit_names_no_author() -> None:
    assert clean_author_text("Übersetzung Ana Berg, 12.12.22")[0] == []
    assert clean_author_text("Translated by Ana Berg")[0] == []


def test_colon_after_a_name_ends_it() -> None:
    assert clean_author_text("Autor Ana Berg: EN")[0] == ["Ana Berg"]


def test_source_label_glued_to_a_name_is_cut() -> None:
    assert clean_author_text("Autor: Ana BergQuelle: Livenet")[0] == ["Ana Berg"]


def test_registered_association_alone_is_no_handle() -> None:
    assert clean_author_text("Freunde in Lindau e.V", structured=True)[0] == []


def test_label_word_as_surname_after_a_given_name_is_a_person() -> None:
    assert is_person("Jörg Staff")
    assert is_person("Kenneth More")


def test_label_word_after_a_non_name_is_no_person() -> None:
    assert not is_person("Tribune Staff")
    assert not is_person("Read More")
    assert not is_person("Jörg Staff Writer")


def test_author_field_escaped_twice_keeps_the_apostrophe() -> None:
    assert clean_author_text("Lindsey O&#039;Donnell", structured=True)[0] == ["Lindsey O'Donnell"]
    assert clean_author_text("Ana Berg &amp; Tom Li")[0] == ["Ana Berg", "Tom Li"]


def test_name_printed_twice_is_one_name() -> None:
    assert split_byline("Ana BergAna Berg")[0] == ["Ana Berg"]
    assert split_byline("Par Tom Li Tom Li")[0] == ["Tom Li"]


def test_name_with_a_repeated_word_is_kept() -> None:
    assert split_byline("By Anna Anna Berg")[0] == ["Anna Anna Berg"]
