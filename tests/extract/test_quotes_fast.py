"""The rules of ``quotes_fast`` read through ``find_quotes(mode="rules")``."""

from __future__ import annotations

from storyline.extract.quotes import find_quotes
from tests.extract.conftest import by_content


def test_described_subject_is_not_read_as_an_inverted_quote() -> None:
    text = "Jo Lind, a spokeswoman for the port, said the decision to close the dock had nothing to do with the strike."
    a = by_content(find_quotes(text, mode="rules"), "the decision to close the dock")
    assert a.speaker == "Jo Lind"


def test_inverted_speaker_after_a_quote_is_kept() -> None:
    text = "“The dock will reopen,” said a spokeswoman for the port, who declined to give her name."
    a = by_content(find_quotes(text, mode="rules"), "The dock will reopen")
    assert a.speaker is not None and a.speaker.startswith("spokeswoman")
