"""End to end: the pipeline on the bundled seeds, then served; skipped while the pipeline cannot import."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.config import load_config
from storyline.serve.api import create_app

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "seeds"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    try:
        from storyline.app import Storyline
    except ImportError as exc:  # another stage is still being written
        pytest.skip(f"the pipeline does not import yet: {exc}")
    if not SEEDS.is_dir():
        pytest.skip(f"no seeds at {SEEDS}")
    db = tmp_path_factory.mktemp("e2e") / "seeds.db"
    with Storyline(db) as sl:
        sl.run([SEEDS])
    with TestClient(create_app(load_config(None, db=str(db)))) as client:
        yield client


def test_seed_story_is_served_as_json_and_html(seeded: TestClient) -> None:
    listed = seeded.get("/api/stories").json()
    assert listed["total"] >= 1
    story = max(listed["items"], key=lambda s: len(s["article_ids"]))
    assert len(story["article_ids"]) == 2  # EXPECTED.md: both pages are one story
    detail = seeded.get(f"/api/stories/{story['story_id']}").json()
    assert len(detail["outlets"]) == 2
    page = seeded.get(f"/stories/{story['story_id']}")
    assert page.status_code == 200 and page.text.count('class="article"') == 2


def test_every_served_fact_points_at_its_words(seeded: TestClient) -> None:
    for story in seeded.get("/api/stories").json()["items"]:
        for article in seeded.get(f"/api/stories/{story['story_id']}/articles").json():
            for fact in article["facts"]:
                field = (fact.get("attrs") or {}).get("field", "body")  # quotes are also read in the title
                assert article[field][fact["start"] : fact["end"]] == fact["text"], fact["fact_id"]


def test_claim_support_facts_are_marked_on_the_story_page(seeded: TestClient) -> None:
    for story in seeded.get("/api/stories").json()["items"]:
        detail = seeded.get(f"/api/stories/{story['story_id']}").json()
        page = seeded.get(f"/stories/{story['story_id']}").text
        supported = [c for c in detail["claims"] if c["support"]]
        if supported:
            assert 'class="src"' in page
