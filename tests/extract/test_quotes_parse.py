"""The accurate mode's parse rules (quotes_parse), on sentences written for these tests; they need spaCy's model."""

from __future__ import annotations

import pytest

from storyline.extract.nlp import load_spacy
from storyline.extract.quotes_assemble import Raw
from storyline.extract.quotes_cues import quote_spans
from storyline.extract.quotes_parse import parsed_raws
from storyline.extract.sentences import Sentence

nlp = load_spacy()
pytestmark = pytest.mark.skipif(nlp is None, reason="no spaCy English model installed")


def _parse(text: str) -> list[Raw]:
    return parsed_raws(nlp, quote_spans(text), [Sentence(0, len(text), text)])


def test_a_cue_verb_gives_its_clause_as_content() -> None:
    text = "The council said the bridge would reopen."
    [raw] = _parse(text)
    assert text[raw.cue[0] : raw.cue[1]] == "said"
    assert [text[s:e] for s, e in raw.parts] == ["the bridge would reopen"]
    assert raw.subject.text == "council"


def test_according_to_names_the_source_apart_from_the_content() -> None:
    text = "According to Mayor Ann Vos, the bridge will reopen in May."
    [raw] = _parse(text)
    assert raw.speaker_override is not None
    assert text[raw.speaker_override[0] : raw.speaker_override[1]] == "Mayor Ann Vos"
    assert all("Vos" not in text[s:e] for s, e in raw.parts)


def test_a_quote_governed_by_a_verb_with_a_subject_is_attributed() -> None:
    text = "She termed the opening a “turning point for the valley.”"
    [raw] = _parse(text)
    assert text[raw.cue[0] : raw.cue[1]] == "termed" and raw.subject.text == "She"


def test_a_sentence_without_a_cue_or_a_quote_is_not_parsed() -> None:
    assert _parse("The bridge reopened on Monday after a year of repairs.") == []


def test_what_the_parser_finds_is_secondary_to_the_rules() -> None:
    assert all(raw.secondary for raw in _parse("The council said the bridge would reopen."))
