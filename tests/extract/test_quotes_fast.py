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


def test_a_hometown_and_its_state_are_not_the_speaker() -> None:
    text = "Cory Lund, 22, of Flint, Mich., said he had not given up on the plan."
    a = by_content(find_quotes(text, mode="rules"), "he had not given up on the plan")
    assert a.speaker == "Cory Lund"


def test_an_appositive_runs_on_over_a_city_and_state() -> None:
    text = "“We waited for a long time,” Mr. Dalton, now 81 and retired in Cambridge, Mass., said by telephone."
    a = by_content(find_quotes(text, mode="rules"), "We waited for a long time")
    assert a.speaker == "Dalton"


def test_a_place_after_the_subject_stays_in_the_speaker() -> None:
    text = "Legislative leaders in North Carolina, for instance, noted that the panel had ruled too late."
    a = by_content(find_quotes(text, mode="rules"), "the panel had ruled too late")
    assert a.speaker == "Legislative leaders in North Carolina"


def test_a_name_after_an_opening_phrase_ending_in_a_name_is_the_speaker() -> None:
    text = "In a series of posts on Sunday, Mr. Frum, a former speechwriter, wrote that the race was over."
    a = by_content(find_quotes(text, mode="rules"), "the race was over")
    assert a.speaker == "Frum"


def test_name_after_a_closing_quote_speaks_it_over_a_long_description() -> None:
    text = "“I just do not trust the count,” Cora Vance, 67, a retired clerk in Allentown, Pa., said in an interview."
    a = by_content(find_quotes(text, mode="rules"), "I just do not trust the count")
    assert a.speaker == "Cora Vance"


def test_the_one_who_asks_is_the_source_of_the_question() -> None:
    text = "On the show, the mayor was asked by host Jo Lind whether the bridge would reopen in May."
    a = by_content(find_quotes(text, mode="rules"), "whether the bridge would reopen in May")
    assert a.speaker == "Jo Lind" and a.cue == "asked"
