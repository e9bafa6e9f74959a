"""HTML bodies: trafilatura's text, then the headline and kickers above the story and the furniture below it go."""

from __future__ import annotations

from storyline.clean import htmlbody
from storyline.clean.cleaner import body_words

from .conftest import BODY

TITLE = "Eastbrook votes to rebuild the river bridge"


def _page(paragraphs: list[str]) -> str:
    inner = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{TITLE}</title></head><body><article>{inner}</article></body></html>"


def test_headline_repeated_above_the_story_is_dropped() -> None:
    assert htmlbody.drop_lead([TITLE, *BODY], TITLE) == BODY


def test_kicker_and_dateline_above_the_first_sentence_are_dropped() -> None:
    assert htmlbody.drop_lead(["Local news", "March 14, 2023 10:42", *BODY], TITLE) == BODY


def test_a_body_that_opens_with_a_long_list_keeps_it() -> None:
    items = [f"Stage {k}: May {k}, Ashford" for k in range(1, 7)]
    assert htmlbody.drop_lead([*items, BODY[0]], TITLE) == [*items, BODY[0]]


def test_the_last_paragraph_always_stays() -> None:
    assert htmlbody.drop_lead([TITLE], TITLE) == [TITLE]


def test_main_text_reads_the_story_of_a_simple_page() -> None:
    _, text = htmlbody.main_text(_page(BODY), "https://courier.example/2023/03/bridge")
    assert "Mayor Ana Petrova" in text and "Construction is expected" in text


def test_extract_body_drops_the_repeated_headline() -> None:
    result = htmlbody.extract_body(_page([TITLE, *BODY]), None, None, None, "p", None, None, TITLE)
    assert result.paragraphs[0] == BODY[0]


def test_chinese_text_counts_as_words_without_spaces() -> None:
    assert body_words("市政府周二宣布重建河上的旧桥") >= 5
    assert body_words("one two three") == 3
