"""A small hand-made store for the API and web tests: no extractor, no network.

Story ``s-shoot``: two outlets that disagree on the dead (conflict) and agree on the injured.
Story ``s-evil``: an article whose every field tries to inject markup or script.
Stories ``s-filler-NN``: enough stories to page through, one per week.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.config import load_config
from storyline.model import Article, Claim, Fact, Location, Story, Support
from storyline.serve.api import create_app
from storyline.store import Batch, open_store

ALPHA_BODY = (
    "Gunfire broke out near the river market in Springfield on Tuesday night.\n\n"
    "Three people were killed and four were injured, police said.\n\n"
    "The market will stay closed until Friday."
)
BETA_BODY = (
    "A shooting at the Springfield river market left five people dead, the mayor said.\n\n"
    "Four others were taken to hospital with injuries.\n\n"
    "Witnesses described a crowded evening."
)
EVIL_BODY = (
    "Officials met on Monday. <script>alert('body')</script> The talks lasted two hours.\n\n"
    '<img src=x onerror="alert(1)"> Two delegates walked out.'
)
FILLERS = 24


def _fact(fid: str, article: str, body: str, words: str, sentence: str, **kw: object) -> Fact:
    start = body.index(words)
    return Fact(
        fact_id=fid,
        article_id=article,
        type=kw.pop("type", "count"),  # type: ignore[arg-type]
        text=words,
        sentence=sentence,
        start=start,
        end=start + len(words),
        sentence_start=body.index(sentence),
        extractor="test",
        extractor_version="1",
        **kw,  # type: ignore[arg-type]
    )


def _shooting() -> tuple[list[Article], Story]:
    day = date(2024, 3, 5)
    alpha = Article(
        id="alpha-1", raw_text="x", url="https://alpha.example/news/1", title="Three killed at river market",
        published=day, outlet="Alpha News", authors=["Ann Writer"], body=ALPHA_BODY, story_id="s-shoot",
    )  # fmt: skip
    beta = Article(
        id="beta-1", raw_text="y", url="http://beta.example/a?id=7", title="Five dead in market shooting",
        published=day + timedelta(days=1), outlet="Beta Daily", body=BETA_BODY, story_id="s-shoot",
    )  # fmt: skip
    a_killed = "Three people were killed and four were injured, police said."
    alpha.facts = [
        _fact("fa-k", "alpha-1", ALPHA_BODY, "Three people were killed", a_killed, value=3, category="killed"),
        _fact("fa-i", "alpha-1", ALPHA_BODY, "four were injured", a_killed, value=4, category="injured"),
    ]
    b_killed = "A shooting at the Springfield river market left five people dead, the mayor said."
    beta.facts = [
        _fact("fb-k", "beta-1", BETA_BODY, "five people dead", b_killed, value=5, category="killed"),
        _fact(
            "fb-i", "beta-1", BETA_BODY, "Four others", "Four others were taken to hospital with injuries.",
            value=4, category="injured",
        ),
        _fact(
            "fb-q", "beta-1", BETA_BODY, "Witnesses described a crowded evening.",
            "Witnesses described a crowded evening.", type="quote", speaker="Witnesses",
        ),
    ]  # fmt: skip
    claims = [
        Claim(
            "s-shoot", "killed", 5, "conflict", low=3, high=5,
            support=[
                Support("alpha-1", "fa-k", 3, "Alpha News", day), Support("beta-1", "fb-k", 5, "Beta Daily"),
            ],
        ),
        Claim(
            "s-shoot", "injured", 4, "agreed", low=4, high=4,
            support=[
                Support("alpha-1", "fa-i", 4, "Alpha News"), Support("beta-1", "fb-i", 4, "Beta Daily"),
            ],
        ),
        Claim(
            "s-shoot", "quote:Witnesses", "crowded evening", "single",
            support=[Support("beta-1", "fb-q", "crowded evening", "Beta Daily")],
        ),
    ]  # fmt: skip
    story = Story(
        story_id="s-shoot", title="Shooting at Springfield river market", article_ids=["alpha-1", "beta-1"],
        event_date=day, location=Location("Springfield", "Illinois", "United States"),
        event_types=["shooting", "killing", "injuring"], claims=claims, first_published=day,
        last_published=day + timedelta(days=1),
    )  # fmt: skip
    return [alpha, beta], story


def _evil() -> tuple[list[Article], Story]:
    day = date(2024, 2, 12)
    evil = Article(
        id="evil-1", raw_text="z", url="javascript:alert('url')",
        title="<script>alert('title')</script>Talks",
        published=day, outlet='<b onmouseover="alert(2)">Evil Outlet</b>', authors=["<i>Mallory</i>"],
        body=EVIL_BODY, story_id="s-evil",
    )  # fmt: skip
    sentence = "<script>alert('body')</script> The talks lasted two hours."
    evil.facts = [_fact("fe-1", "evil-1", EVIL_BODY, "two hours", sentence, type="time", value="PT2H")]
    claim = Claim(
        "s-evil", "duration", "<script>alert('claim')</script>", "single",
        support=[Support("evil-1", "fe-1", "<img src=x onerror=alert(3)>", "Evil Outlet")],
        note="<a href=\"javascript:alert(4)\">note</a>",
    )  # fmt: skip
    story = Story(
        story_id="s-evil", title="<img src=x onerror=alert('story')>", article_ids=["evil-1"], event_date=day,
        location=Location("<svg onload=alert(5)>", None, "Elbonia"), event_types=["meeting"], claims=[claim],
        first_published=day, last_published=day,
    )  # fmt: skip
    return [evil], story


def _fillers() -> tuple[list[Article], list[Story]]:
    articles, stories = [], []
    for i in range(FILLERS):
        day = date(2023, 1, 2) + timedelta(weeks=i)
        sid = f"s-filler-{i:02d}"
        killed = i % 3
        body = f"Storm damage was reported in Riverton on day {i}. {killed} people were killed by falling trees."
        art = Article(
            id=f"filler-{i:02d}", raw_text=body, title=f"Storm report {i}", published=day,
            outlet="Gamma Wire" if i % 2 else "Delta Post", body=body, story_id=sid,
        )  # fmt: skip
        articles.append(art)
        claims = [Claim(sid, "killed", killed, "single", support=[Support(art.id, f"ff-{i}", killed)])]
        stories.append(
            Story(
                story_id=sid, title=f"Storm report {i}", article_ids=[art.id], event_date=day,
                location=Location("Riverton", "Wyoming", "United States"), event_types=["disaster"],
                claims=claims if killed else [], first_published=day, last_published=day,
            )
        )  # fmt: skip
    return articles, stories


def build_store(path: Path) -> Path:
    shooting, s1 = _shooting()
    evil, s2 = _evil()
    fillers, s3 = _fillers()
    store = open_store(str(path))
    try:
        store.commit(Batch(articles=[*shooting, *evil, *fillers], stories=[s1, s2, *s3]))
    finally:
        store.close()
    return path


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return build_store(tmp_path / "serve.db")


@pytest.fixture
def client(store_path: Path) -> Iterator[TestClient]:
    app = create_app(load_config(None, db=str(store_path)))
    with TestClient(app) as test_client:
        yield test_client
