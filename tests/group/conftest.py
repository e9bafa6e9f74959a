"""Fixture articles written for these tests: short invented reports, never third-party text."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.config import GroupConfig
from storyline.model import Article


def make(article_id: str, title: str, body: str, day: date | None, outlet: str = "example.org") -> Article:
    article = Article(id=article_id, raw_text=f"{title}\n{body}", url=f"https://{outlet}/{article_id}")
    article.title, article.body, article.published, article.outlet = title, body, day, outlet
    return article


COUNCIL_A = (
    "Minister Halvorsen: Riverton-Lakeside Council to meet after dam breach",
    "The Riverton-Lakeside Council will hold an emergency session over the Gellert dam breach, "
    "Minister Ingrid Halvorsen said on Tuesday. Floodwater from the breach reached 14 villages in "
    "the Ostvale valley, and at least 230 homes were evacuated. Halvorsen called the meeting an "
    "important sign of unity. The council was set up at the Brandholm summit.",
)
COUNCIL_B = (
    "Lakeside-Riverton Council convenes over Gellert dam breach",
    "Officials of the Lakeside-Riverton Council plan to convene next week after the Gellert dam "
    "breach flooded 14 villages in the Ostvale valley, Minister Ingrid Halvorsen announced. "
    "At least 230 homes were evacuated, according to the regional emergency service. "
    "Halvorsen described the meeting as an important sign of unity.",
)
FIRE_NORTH = (
    "Warehouse fire in Dunmore injures three workers",
    "DUNMORE — A fire at a paper warehouse on Calloway Street injured three workers on Friday, the "
    "Dunmore fire chief Petra Osgood said. Crews from four stations fought the blaze for six hours.",
)
FIRE_SOUTH = (
    "Warehouse fire in Quillfield kills night guard",
    "QUILLFIELD — A night guard, Tomas Reyburn, 61, died when a fire swept through a textile "
    "warehouse near the Harlan rail yard on Friday, Quillfield police said. The cause is unknown.",
)


@pytest.fixture
def config() -> GroupConfig:
    return GroupConfig(window_days=7)
