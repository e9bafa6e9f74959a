from __future__ import annotations

from storyline.extract.quotes_blocks import introduces_passage, passage_hits
from storyline.extract.sentences import Sentence, split_sentences


def _intro(text: str) -> Sentence:
    return next(s for s in split_sentences(text) if s.text.rstrip().endswith(":"))


def test_a_colon_before_a_line_break_introduces_a_passage() -> None:
    text = "He told the crowd:\n\n“We will build the road this year.”"
    assert introduces_passage(text, _intro(text))


def test_a_colon_inside_a_line_introduces_no_passage() -> None:
    text = "He told the crowd: we will build the road."
    assert not any(introduces_passage(text, s) for s in split_sentences(text))


def test_the_passage_is_the_whole_next_paragraph() -> None:
    text = "The governor said:\n\nThe road opens in May. It will cost less.\n\nOther news."
    (hit,) = passage_hits(text, _intro(text), [])
    assert [text[a:b] for a, b in hit.parts] == ["The road opens in May. It will cost less."]


def test_a_short_line_after_the_colon_is_no_passage() -> None:
    text = "The governor said:\n\nThank you.\n\nOther news."
    assert passage_hits(text, _intro(text), []) == []
