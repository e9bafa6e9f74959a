"""Speakers of quotes that no cue word claims (``quotes_unclaimed``), read through ``find_quotes``."""

from __future__ import annotations

from storyline.extract.quotes import find_quotes
from tests.extract.conftest import by_content


def test_name_and_party_label_before_a_colon_speak_the_quote() -> None:
    text = 'The hearing ran late.\n\nRep. Jane Roe (D-Ore.):"I have never seen a figure like that one."'
    a = by_content(find_quotes(text, mode="rules"), "I have never seen a figure like that one")
    assert a.speaker == "Jane Roe"


def test_more_from_a_name_after_a_dash_speaks_the_quote() -> None:
    text = "The polls moved again. - More from Tom Reyes: “The state is only a starting point for the count.”"
    a = by_content(find_quotes(text, mode="rules"), "The state is only a starting point")
    assert a.speaker == "Tom Reyes"


def test_inverted_said_opening_the_sentence_names_the_speaker() -> None:
    text = "The port stayed shut all week. Said Lind, “Nobody here wants another strike this year.”"
    a = by_content(find_quotes(text, mode="rules"), "Nobody here wants another strike")
    assert a.speaker == "Lind"


def test_a_label_before_a_colon_is_no_speaker() -> None:
    text = "The vote was close. The result: “a city council that cannot agree on anything at all.”"
    assert not any(a.speaker == "result" for a in find_quotes(text, mode="rules"))


def test_a_name_and_a_comma_without_said_is_no_speaker() -> None:
    text = "The port stayed shut. Lind, “the toughest negotiator in the whole region,” walked out."
    assert not any(a.cue == "," for a in find_quotes(text, mode="rules"))


def test_said_after_a_quote_closed_by_a_full_stop_names_the_speaker() -> None:
    text = "The files were gone. “I hope you are able to find the missing files.” Lind said. The clerk agreed."
    a = by_content(find_quotes(text, mode="rules"), "I hope you are able to find the missing files")
    assert a.speaker == "Lind"
