"""Headline and "Speaker: what" lines (quotes_headlines), on lines written for these tests."""

from __future__ import annotations

from storyline.extract.quotes import find_quotes
from tests.extract.conftest import by_content


def test_title_case_headline_names_speaker_cue_and_content() -> None:
    text = "Governor Jane Roe Warns Budget Talks Could Collapse\n\nThe talks resumed on Monday."
    found = [a for a in find_quotes(text, mode="rules") if a.cue == "Warns"]
    assert len(found) == 1
    assert found[0].speaker == "Jane Roe" and found[0].content == "Budget Talks Could Collapse"


def test_sentence_that_opens_with_a_name_is_no_headline() -> None:
    text = "Officials Say the bridge will reopen once the inspectors have finished their work on it."
    assert not [a for a in find_quotes(text, mode="rules") if a.cue == "Say"]


def test_menu_line_with_a_noun_cue_is_no_headline() -> None:
    text = "World News Video Field Report Newsletters Business Sports Company News\n\nThe talks resumed."
    assert not [a for a in find_quotes(text, mode="rules") if a.cue == "Report"]


def test_a_transcript_turn_may_open_with_a_quote_mark() -> None:
    text = "Host Dana Webb spoke with Senator Ray Ortiz.\n\n“ORTIZ: We will pass the bill before the summer recess."
    a = by_content(find_quotes(text), "pass the bill")
    assert a.speaker == "Ray Ortiz" and a.cue == ":"


def test_a_tally_line_is_not_speech() -> None:
    text = "Delegates won so far.\n\nMayor Ann Vos: 547.\n\nThe Latest: the count goes on into the night."
    assert find_quotes(text, mode="rules") == []


def test_headline_naming_the_topic_before_the_colon_quotes_the_speaker() -> None:
    text = "Lind on the Bridge Closing: ‘We Will Reopen in May.’\n\nThe mayor spoke on Sunday."
    a = by_content(find_quotes(text), "We Will Reopen in May")
    assert a.speaker == "Lind"


def test_page_label_before_a_speaker_headline_is_skipped() -> None:
    text = "EXCLUSIVE – Jo Lind: Do Not Trust the New Voting Machines\n\nLind spoke on Sunday."
    a = by_content(find_quotes(text), "Do Not Trust the New Voting Machines")
    assert a.speaker == "Jo Lind"
