"""The extract stage's glue: facts read in a title that the body does not repeat."""

from __future__ import annotations

import pytest

from storyline.config import ExtractConfig
from storyline.extract.stage import Extractor, headline
from storyline.model import Article


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(ExtractConfig(mode="fast"))


def test_a_title_the_body_opens_with_is_not_read_twice() -> None:
    assert headline("Mayor: Bridge will reopen.", "Mayor: Bridge will reopen\n\nWork began in May.") is None
    assert headline("Mayor:  Bridge will\nreopen", "Mayor: Bridge will reopen.\n\nWork began in May.") is None


def test_a_title_apart_from_the_body_is_read() -> None:
    title = "Mayor: Bridge will reopen."
    assert headline(title, "Work began in May, the council said.") == title
    assert headline(None, "Work began in May.") is None
    assert headline(" ", "Work began in May.") is None


def test_a_quote_in_the_title_points_into_the_title(extractor: Extractor) -> None:
    title = "Okafor: 'The bridge will reopen before winter.'"
    article = Article(id="a1", title=title, body="Mayor Grace Okafor said on Monday that work was ahead of schedule.")
    extractor.process(article)
    quotes = [f for f in article.facts if f.type in ("quote", "attribution")]
    in_title = [f for f in quotes if f.attrs.get("field") == "title"]
    assert len(in_title) == 1
    fact = in_title[0]
    assert fact.speaker == "Grace Okafor"
    assert fact.sentence == title and fact.text == title[fact.start : fact.end] == fact.content
    in_body = [f for f in quotes if f is not fact]
    assert in_body and all(article.body[f.start : f.end] == f.text for f in in_body)  # type: ignore[index]
    assert len({f.fact_id for f in article.facts}) == len(article.facts)


def test_a_title_repeated_as_the_first_line_gives_one_fact(extractor: Extractor) -> None:
    title = "Okafor: 'The bridge will reopen before winter.'"
    article = Article(id="a2", title=title, body=title + "\n\nWork began in May.")
    extractor.process(article)
    quotes = [f for f in article.facts if f.type in ("quote", "attribution")]
    assert [f.attrs.get("field") for f in quotes] == [None]
    assert quotes[0].content == "'The bridge will reopen before winter.'"
