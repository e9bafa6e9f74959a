"""HTML bodies: trafilatura's text, then the headline and kickers above the story and the furniture below it go."""

from __future__ import annotations

from collections.abc import Callable

import pytest

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
    text = htmlbody.main_text(_page(BODY), "https://courier.example/2023/03/bridge")
    assert "Mayor Ana Petrova" in text and "Construction is expected" in text


def test_extract_body_drops_the_repeated_headline() -> None:
    result = htmlbody.extract_body(_page([TITLE, *BODY]), None, None, None, "p", None, None, TITLE)
    assert result.paragraphs[0] == BODY[0]


def test_chinese_text_counts_as_words_without_spaces() -> None:
    assert body_words("市政府周二宣布重建河上的旧桥") >= 5
    assert body_words("one two three") == 3


def test_parse_gives_plain_html_elements_with_their_methods() -> None:
    tree = htmlbody.parse("<html><body><form><input name='q'></form><p>Bridge <b>vote</b></p></body></html>")
    assert tree is not None
    assert {type(el) for el in tree.iter()} == {htmlbody.HtmlElement}
    assert tree.find(".//p").text_content() == "Bridge vote"


def test_parse_of_an_empty_page_is_none() -> None:
    assert htmlbody.parse("") is None


def _fake_trafilatura(
    texts: dict[tuple[bool, bool], str], calls: list[tuple[bool, bool]]
) -> Callable[[object, bool, bool], str]:
    """Stands in for ``htmlbody._trafilatura``: the text of each (precision, fast) mode, and the modes asked."""

    def run(cascade: object, precision: bool, fast: bool) -> str:
        calls.append((precision, fast))
        return texts[(precision, fast)]

    return run


def test_balanced_cascade_finding_no_more_skips_the_precision_cascade(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bool, bool]] = []
    texts = {(True, True): "short story", (False, False): "short", (True, False): "a much longer story text"}
    monkeypatch.setattr(htmlbody, "_trafilatura", _fake_trafilatura(texts, calls))
    text = htmlbody.main_text("<html><body><p>x</p></body></html>", None, htmlbody.parse("<html><p>x</p></html>"))
    assert text == "short story" and calls == [(True, True), (False, False)]


def test_longer_precision_text_wins_unless_balanced_is_far_longer(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bool, bool]] = []
    texts = {(True, True): "ab", (False, False): "abcdefgh", (True, False): "abcdef"}
    monkeypatch.setattr(htmlbody, "_trafilatura", _fake_trafilatura(texts, calls))
    text = htmlbody.main_text("<html><body><p>x</p></body></html>", None, htmlbody.parse("<html><p>x</p></html>"))
    assert text == "abcdef" and calls == [(True, True), (False, False), (True, False)]
    texts[(False, False)] = "x" * 19
    text = htmlbody.main_text("<html><body><p>x</p></body></html>", None, htmlbody.parse("<html><p>x</p></html>"))
    assert text == "x" * 19


DROPPED_CASES = [
    "<p>a</p><script>var x = '<p>';</script><p>b</p>",
    "<SCRIPT type='x'>one</script\n>two<Style>three</STYLE >four",
    "<head><title>t</title></head><header>kept</header><body>x</body>",
    "<style>never closed<p>text</p>",
    "<svg><svg></svg></svg>after",
    "<button>a</buttons>b</button>c<select><option>d</option></select>e",
    "<script>one</script><script>two",
    "<\u017fcript>long s</script>x<script>\u212a</script>",  # characters re.IGNORECASE folds to ASCII
]


@pytest.mark.parametrize("html", DROPPED_CASES)
def test_dropping_non_text_elements_matches_the_regex(html: str) -> None:
    assert htmlbody._drop_blocks(html) == htmlbody._DROPPED.sub(" ", html)


def test_parse_reads_a_page_with_an_xml_encoding_declaration() -> None:
    declared = "<?xml version='1.0' encoding='iso-8859-1'?>"
    tree = htmlbody.parse(declared + "<html><body><p>Caf\u00e9 bridge</p></body></html>")
    assert tree is not None and "Caf\u00e9 bridge" in tree.text_content()


def test_parse_drops_characters_xml_forbids() -> None:
    tree = htmlbody.parse("<!DOCTYPE html>\n<html><body><p>river\x0b bridge\ufffe</p></body></html>")
    assert tree is not None and tree.find(".//p").text_content() == "river bridge"


def test_xml_safe_finds_forbidden_characters_in_utf8() -> None:
    assert htmlbody._xml_safe("<p>caf\u00e9 \u00a0 \t\n\r</p>".encode())
    assert not htmlbody._xml_safe(b"<p>a\x01</p>")
    assert not htmlbody._xml_safe("<p>a\uffff</p>".encode())
