"""The cue model's strict speaker rules (quotes_strict), on sentences written for these tests."""

from __future__ import annotations

from storyline.extract.quotes import find_quotes
from storyline.extract.quotes_model import CueModel
from storyline.extract.quotes_strict import build_hit
from storyline.extract.quotes_words import tokens
from storyline.extract.sentences import Sentence


def _hit(text: str, cue: str) -> tuple[str, str, list[str]] | None:
    toks = tokens(text)
    hit = build_hit(Sentence(0, len(text), text), toks, [t.text for t in toks].index(cue))
    if hit is None or hit.speaker is None:
        return None
    return text[hit.speaker[0] : hit.speaker[1]], text[hit.cue[0] : hit.cue[1]], [text[s:e] for s, e in hit.parts]


def test_a_named_subject_speaks_the_clause_after_the_cue() -> None:
    found = _hit("Senator Jane Doe harrumphed against the new tariffs on steel.", "harrumphed")
    assert found == ("Senator Jane Doe", "harrumphed", ["against the new tariffs on steel."])


def test_a_speaker_after_a_closing_quote_is_inverted_and_the_quote_is_the_content() -> None:
    found = _hit("“We will fight the tariffs to the end,” harrumphed the senator from Ohio.", "harrumphed")
    assert found is not None and found[0] == "the senator" and found[2] == ["“We will fight the tariffs to the end,”"]


def test_a_passive_cue_has_no_speaker() -> None:
    assert _hit("The governor is expected to sign the budget bill next week.", "expected") is None


def test_passive_cue_gets_no_subject_as_speaker() -> None:
    model = CueModel({"w=expected": 10.0}, -5.0, 0.5)
    assert (
        find_quotes("Governor Ann Lee is expected to sign the budget bill next week.", mode="fast", cue_model=model)
        == []
    )
