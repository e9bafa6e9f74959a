"""The cue model's candidates and features (quotes_features), on sentences written for these tests."""

from __future__ import annotations

from storyline.extract.quotes_features import features, is_candidate, lemma, marked_range, quote_marks, subject_side
from storyline.extract.quotes_words import tokens


def test_lemma_strips_verb_endings() -> None:
    assert lemma("harrumphed") == "harrumph"
    assert lemma("worries") == "worry"
    assert lemma("said") == "say"


def test_function_words_adverbs_and_capitalised_words_are_no_candidates() -> None:
    toks = tokens("The mayor quickly harrumphed.")
    assert [t.text for t in toks if is_candidate(t)] == ["mayor", "harrumphed"]


def test_the_subject_side_steps_over_an_adverb() -> None:
    text = "The mayor quickly harrumphed."
    toks = tokens(text)
    assert toks[subject_side(text, toks, 3)].text == "mayor"


def test_quote_marks_flag_the_words_inside_a_quotation() -> None:
    text = "He said “no way” today"
    marks = quote_marks(tokens(text), [(text.index("“"), text.index("”") + 1)])
    assert marks == [0, 0, 1, 1, 1, 1, 0]
    assert marked_range(marks) == (2, 5)


def test_marked_range_is_empty_without_a_quotation() -> None:
    assert marked_range([0, 0]) == (2, -1)


def test_a_candidates_features_name_the_word_its_lemma_and_its_subject() -> None:
    text = "The mayor quickly harrumphed."
    toks = tokens(text)
    found = features(text, toks, 3, [0] * len(toks))
    assert {"w=harrumphed", "l=harrumph", "subj=low", "q=none"} <= set(found)
