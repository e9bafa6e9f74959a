from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.group.features import article_features, shingle_hashes
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
    article = make("a", "Title", "Sign in to your account\nThe river rose by two metres in Ostvale.", None)
    feats = article_features(article, lambda hashes: {hashes[0]})
    assert "account" not in feats.terms and "ostvale" in feats.terms


@given(st.text(max_size=400))
def test_shingles_are_deterministic_for_any_text(text: str) -> None:
    assert shingle_hashes(text) == shingle_hashes(text)


@given(st.text(max_size=300), st.text(max_size=600))
def test_features_never_fail_on_arbitrary_text(title: str, body: str) -> None:
    feats = article_features(make("x", title, body, None))
    assert all(w > 0 for w in feats.terms.values())
