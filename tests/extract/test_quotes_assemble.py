"""Reconciling a text's attributions (quotes_assemble), on sentences written for these tests."""

from __future__ import annotations

import pytest

from storyline.extract.quotes import find_quotes
from storyline.extract.quotes_assemble import _misread_speaker
from tests.extract.conftest import by_content


def test_quote_split_by_the_speaker_is_one_attribution() -> None:
    # fast mode only: the parser path keeps just the part after the cue here
    text = "“It is,” he said, “a great day for the city.”"
    a = by_content(find_quotes(text), "great day")
    assert "It is" in a.content and a.speaker


def test_a_speaker_opening_a_new_clause_ends_the_content_before_it() -> None:
    text = "Vos said on Monday that the bridge would reopen, although she warned that repairs could take a year."
    found = find_quotes(text, mode="rules")
    assert [a.cue for a in found] == ["said", "warned"]
    assert found[0].content.endswith("would reopen") and "repairs" in found[1].content


def test_a_speaker_inside_a_that_clause_stays_nested() -> None:
    found = find_quotes("Vos said that the council believes the bridge is safe.", mode="rules")
    assert [a.cue for a in found] == ["said"]


def test_content_running_into_a_later_speaker_ends_before_it_and_is_dropped_inside_its_content() -> None:
    text = "Transit officials called for the bridge to be closed for a month, sources said."
    found = find_quotes(text, mode="rules")
    assert [(a.speaker, a.cue) for a in found] == [("sources", "said")]
    assert found[0].content.startswith("Transit officials called")


def test_content_before_its_cue_is_not_split_at_a_clause() -> None:
    text = "The bridge will open in May, and the council wants a party, officials said."
    found = find_quotes(text, mode="rules")
    assert [(a.speaker, a.cue) for a in found] == [("officials", "said")]
    assert "council wants a party" in found[0].content


def test_a_time_word_is_no_speaker() -> None:
    # the scan misreads "D-Eastbrook, said Tuesday": the day must not become the speaker
    text = "“Our view is that the toll will be dropped,” Mayor Ana Vos, D-Eastbrook, said Tuesday."
    found = find_quotes(text, mode="rules")
    assert found and all(a.speaker != "Tuesday" for a in found)


@pytest.mark.parametrize("mention", ["at the rally", "despite", "avoided", "within"])
def test_misread_speakers_are_recognised(mention: str) -> None:
    assert _misread_speaker(mention)


@pytest.mark.parametrize("mention", ["the council", "Ada Kim", "he", "critics"])
def test_real_speakers_are_kept(mention: str) -> None:
    assert not _misread_speaker(mention)
