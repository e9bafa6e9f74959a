from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.group.features import article_features, is_furniture, shingle_hashes
from tests.group.conftest import make


def test_hyphenated_names_in_either_order_are_one_term() -> None:
    a = article_features(make("a", "Riverton-Lakeside Council meets", "", None))
    b = article_features(make("b", "Lakeside-Riverton Council meets", "", None))
    names = {t for t in a.terms if t.startswith("n:")}
    assert names and names == {t for t in b.terms if t.startswith("n:")}


def test_ages_and_street_blocks_are_terms() -> None:
    feats = article_features(make("a", "Man shot", "A 15-year-old was hurt in the 3200 block of Elm Road.", None))
    assert "age:15" in feats.terms and "block:3200" in feats.terms


def test_boilerplate_lines_are_left_out() -> None:
    body = "Sign in to your account\nThe river rose by two metres in Ostvale overnight; the Brandholm ferry stopped."
    article = make("a", "Title", body, None)
    feats = article_features(article, lambda hashes: {hashes[0]})
    assert "account" not in feats.terms and "ostvale" in feats.terms


@given(st.text(max_size=400))
def test_shingles_are_deterministic_for_any_text(text: str) -> None:
    assert shingle_hashes(text) == shingle_hashes(text)


@given(st.text(max_size=300), st.text(max_size=600))
def test_features_never_fail_on_arbitrary_text(title: str, body: str) -> None:
    feats = article_features(make("x", title, body, None))
    assert all(w > 0 for w in feats.terms.values())


def test_a_body_that_speaks_to_the_reader_is_furniture() -> None:
    body = (
        "We have sent you a confirmation link. Please open your inbox to finish signing up.\nAlerts arrive once a day."
    )
    assert is_furniture(body)
    feats = article_features(make("a", "Boy hurt on Alder Lane", body, None))
    assert "inbox" not in feats.terms and "alder" in feats.terms and not feats.shingles


def test_a_report_that_ends_with_a_call_for_tips_is_not_furniture() -> None:
    body = (
        "Two men were hurt in a shooting on Alder Lane in Brookvale on Tuesday night, deputies said. "
        "Both were taken to County General with wounds that are not life-threatening.\n"
        "If you have any information, call the sheriff's office."
    )
    assert not is_furniture(body)


def test_a_quoted_second_person_is_part_of_the_report() -> None:
    assert not is_furniture('"You never think it will happen on your street," a neighbour said.')
