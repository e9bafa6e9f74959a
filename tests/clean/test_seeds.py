"""The bundled example pages (examples/seeds): what EXPECTED.md asks of any page of this kind."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline.clean import Cleaner, TemplateMemory
from storyline.clean.linemodel import LineModel
from storyline.model import Article

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="examples/seeds not present")


@pytest.fixture(scope="module")
def seeds(model: LineModel) -> dict[str, Article]:
    articles = {
        p.name[:3]: Article(id=p.name[:3], raw_text=p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))
    }
    cleaner = Cleaner(None, TemplateMemory(), model)
    for article in articles.values():
        cleaner.observe(article)
    for article in articles.values():
        cleaner.clean(article)
    return articles


def test_outlets(seeds: dict[str, Article]) -> None:
    assert seeds["000"].outlet == "Euromaidan Press"
    assert seeds["001"].outlet == "The Kyiv Independent"


def test_titles(seeds: dict[str, Article]) -> None:
    assert seeds["000"].title == "Stoltenberg to convene NATO-Ukraine Council over Russian air strikes"
    assert (seeds["001"].title or "").startswith("Kuleba: NATO-Ukraine Council to hold emergency meeting")


def test_dates(seeds: dict[str, Article]) -> None:
    first = seeds["000"]
    assert first.published is None or (first.published_inferred and first.published >= date(2024, 1, 4))
    assert seeds["001"].published == date(2024, 1, 3)
    assert not seeds["001"].published_inferred


def test_authors(seeds: dict[str, Article]) -> None:
    assert seeds["000"].authors == []
    assert seeds["001"].authors == ["Dinara Khalilova", "The Kyiv Independent news desk"]


def test_body_starts_and_captions_stay_out(seeds: dict[str, Article]) -> None:
    body0, body1 = seeds["000"].body or "", seeds["001"].body or ""
    assert body0.startswith(("NATO and Ukrainian officials plan", "NATO Secretary General to hold"))
    assert body1.startswith("NATO approved Kyiv")
    assert "and for isolating Russian diplomats." in body0
    assert "according to the latest update by Ukraine’s State Emergency Service." in body1
    for body in (body0, body1):
        assert "Photo: Ivan Kirdey" not in body
        assert "Getty Images" not in body
        assert "This audio is created with AI assistance" not in body
        assert "361,500" not in body  # the side news feed
    assert any("Getty Images" in c for c in seeds["001"].captions)


def test_body_ends_at_the_last_paragraph(seeds: dict[str, Article]) -> None:
    assert (seeds["000"].body or "").endswith("and for isolating Russian diplomats.")
    assert (seeds["001"].body or "").endswith("according to the latest update by Ukraine’s State Emergency Service.")
