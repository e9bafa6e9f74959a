"""The Store protocol, one suite over every backend (parametrized in conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from storyline.errors import StoreError
from storyline.model import Article, Claim, Fact, Location, Rejected, Story, Support
from storyline.store import Batch, Store, StoryFilter, open_store


def _fact(article_id: str, n: int, start: int, **extra: object) -> Fact:
    return Fact(
        fact_id=f"{article_id}-f{n}",
        article_id=article_id,
        type="count",
        text="three people",
        sentence="Police said three people were hurt.",
        start=start,
        end=start + 12,
        extractor="test",
        extractor_version="1",
        value=3,
        low=2.5,
        high=None,
        qualifier="exact",
        category="injured",
        attrs={"note": "ünïcode ✓"},
        **extra,  # type: ignore[arg-type]
    )


def _article(aid: str, story: str, day: date | None, outlet: str = "Daily Example", body: str = "") -> Article:
    return Article(
        id=aid,
        raw_text=f"raw {aid}",
        url=f"https://news.example/{aid}",
        source="feed.jsonl:1",
        feed_published=day,
        title=f"Harbour bridge reopens {aid}",
        outlet=outlet,
        authors=["A. Writer", "B. Writer"],
        body=body or f"The harbour bridge reopened on Monday, article {aid}.",
        captions=["A caption"],
        story_id=story,
        facts=[_fact(aid, 1, 4), _fact(aid, 2, 30)],
        event_day=day,
        event_day_score=1.5 if day else 0.0,
    )


def _story(sid: str, articles: list[Article], city: str = "Springfield", types: list[str] | None = None) -> Story:
    days = [a.best_published for a in articles if a.best_published]
    return Story(
        story_id=sid,
        title=articles[0].title or "",
        article_ids=[a.id for a in articles],
        event_date=min(days) if days else None,
        location=Location(city=city, region="Illinois", country="United States"),
        event_types=types or ["accident"],
        actors=["City Council"],
        claims=[
            Claim(
                story_id=sid,
                slot="injured",
                value=3,
                status="agreed" if len(articles) > 1 else "single",
                low=3,
                high=3,
                support=[Support(a.id, f"{a.id}-f1", 3, a.outlet, a.best_published) for a in articles],
                note="",
            )
        ],
        first_published=min(days) if days else None,
        last_published=max(days) if days else None,
    )


def _seed(store: Store) -> tuple[list[Article], list[Story]]:
    a1 = _article("a1", "s1", date(2024, 1, 3))
    a2 = _article("a2", "s1", date(2024, 1, 4), outlet="Other Herald")
    a3 = _article("a3", "s2", None, body="Floods closed the ferry terminal.")
    s1 = _story("s1", [a1, a2])
    s2 = _story("s2", [a3], city="Shelbyville", types=["disaster"])
    store.commit(Batch(articles=[a1, a2, a3], stories=[s1, s2], state={"k": b"\x00\x01blob"}))
    return [a1, a2, a3], [s1, s2]


def test_committed_articles_read_back_equal(store: Store) -> None:
    articles, _ = _seed(store)
    back = {a.id: a for a in store.articles(ids=["a1", "a2", "a3"])}
    for a in articles:
        assert back[a.id] == a


def test_a_store_written_before_the_added_columns_gains_them(store: Store, reopen: Callable[[], Store]) -> None:
    articles, _ = _seed(store)
    store.conn.execute("DROP INDEX articles_site")  # type: ignore[attr-defined]
    for column in ("event_day", "event_day_score", "site"):  # as a store written by an older storyline
        store.conn.execute(f"ALTER TABLE articles DROP COLUMN {column}")  # type: ignore[attr-defined]
    older = reopen()
    back = older.articles(ids=["a1"])[0]
    assert (back.event_day, back.event_day_score) == (None, None)  # not read yet: reconciling reads it
    assert replace(back, event_day=articles[0].event_day, event_day_score=1.5) == articles[0]
    assert older.story_ids_of_sites(["news.example"]) == set()  # stored before sites were kept
    older.commit(Batch(articles=[articles[0]]))
    assert older.articles(ids=["a1"])[0] == articles[0]
    assert older.story_ids_of_sites(["news.example"]) == {"s1"}


def test_articles_by_story_come_in_publication_order(store: Store) -> None:
    _seed(store)
    assert [a.id for a in store.articles(story_ids=["s1"])] == ["a1", "a2"]
    assert [a.id for a in store.articles(story_ids=["s1", "s2"])] == ["a3", "a1", "a2"]


def test_stories_read_back_with_claims(store: Store) -> None:
    _, stories = _seed(store)
    assert store.story("s1") == stories[0]
    assert store.story("missing") is None


def test_article_status_tells_new_same_and_changed(store: Store) -> None:
    articles, _ = _seed(store)
    status = store.article_status([("a1", articles[0].hash), ("a2", "other-hash"), ("zz", "h")])
    assert status == {"a1": "same", "a2": "changed", "zz": "new"}


def test_state_blobs_round_trip_and_overwrite(store: Store) -> None:
    _seed(store)
    assert store.get_state("k") == b"\x00\x01blob"
    store.commit(Batch(state={"k": b"second"}))
    assert store.get_state("k") == b"second"
    assert store.get_state("absent") is None


def test_merge_moves_articles_and_drops_the_absorbed_story(store: Store) -> None:
    articles, _ = _seed(store)
    merged = _story("s1", articles)
    store.commit(Batch(moved={"a3": "s1"}, stories=[merged], dropped_stories={"s2"}))
    assert store.story("s2") is None
    assert store.story_ids_of(["a1", "a3"]) == {"s1"}
    assert store.counts()["stories"] == 1
    assert store.counts()["claims"] == 1


def test_recommitting_an_article_replaces_its_facts(store: Store) -> None:
    articles, _ = _seed(store)
    again = articles[0]
    again.facts = again.facts[:1]
    store.commit(Batch(articles=[again]))
    assert [f.fact_id for f in store.articles(ids=["a1"])[0].facts] == ["a1-f1"]
    assert store.counts()["articles"] == 3


def test_a_failing_batch_leaves_nothing_behind(store: Store) -> None:
    _seed(store)
    bad = _article("a4", "s3", date(2024, 2, 1))
    bad.facts.append(bad.facts[0])  # the same fact_id twice: the primary key refuses the batch
    with pytest.raises(Exception):  # noqa: B017 - each backend raises its own driver error
        store.commit(Batch(articles=[bad], stories=[_story("s3", [bad])], state={"k": b"changed"}))
    assert store.articles(ids=["a4"]) == []
    assert store.story("s3") is None
    assert store.get_state("k") == b"\x00\x01blob"


def test_rejected_inputs_are_kept_once(store: Store) -> None:
    r = Rejected("x1", "empty", "f.txt")
    store.commit(Batch(rejected=[r, Rejected("x0", "binary", None)]))
    store.commit(Batch(rejected=[r]))
    assert store.rejected() == [Rejected("x0", "binary", None), r]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (StoryFilter(), ["s1", "s2"]),
        (StoryFilter(text="ferry"), ["s2"]),
        (StoryFilter(text="harbour bridge"), ["s1", "s2"]),  # a3's title mentions the bridge too
        (StoryFilter(outlet="other herald"), ["s1"]),
        (StoryFilter(since=date(2024, 1, 1)), ["s1"]),
        (StoryFilter(until=date(2023, 12, 31)), []),
        (StoryFilter(place="shelbyville"), ["s2"]),
        (StoryFilter(place="Illinois"), ["s1", "s2"]),
        (StoryFilter(event_type="disaster"), ["s2"]),
        (StoryFilter(status="agreed"), ["s1"]),
        (StoryFilter(limit=1), ["s1"]),
        (StoryFilter(limit=1, offset=1), ["s2"]),
    ],
)
def test_story_filters(store: Store, where: StoryFilter, expected: list[str]) -> None:
    _seed(store)
    assert [s.story_id for s in store.stories(where)] == expected
    unpaged = replace(where, limit=50, offset=0)
    assert store.count_stories(where) == len(store.stories(unpaged))


def test_newest_story_first_and_undated_last(store: Store) -> None:
    a = _article("b1", "t1", date(2024, 3, 1))
    b = _article("b2", "t2", date(2024, 5, 1))
    c = _article("b3", "t3", None)
    store.commit(Batch(articles=[a, b, c], stories=[_story("t1", [a]), _story("t2", [b]), _story("t3", [c])]))
    assert [s.story_id for s in store.stories()] == ["t2", "t1", "t3"]


def test_iter_articles_pages_through_everything_in_id_order(store: Store) -> None:
    arts = [_article(f"p{i:03d}", "s", date(2024, 1, 1)) for i in range(23)]
    arts.append(_article("P-upper", "s", None))  # byte order: upper case sorts before lower case
    store.commit(Batch(articles=arts))
    got = [a.id for a in store.iter_articles(batch_size=5)]
    assert got == sorted(a.id for a in arts)
    assert all(len(a.facts) == 2 for a in store.iter_articles(batch_size=7))


def test_counts_every_table(store: Store) -> None:
    _seed(store)
    store.commit(Batch(rejected=[Rejected("r", "why")]))
    assert store.counts() == {"articles": 3, "stories": 2, "facts": 6, "claims": 2, "rejected": 1}


def test_another_connection_sees_a_commit(store: Store, reopen: Callable[[], Store]) -> None:
    other = reopen()
    _seed(store)
    assert other.counts()["articles"] == 3


def test_a_commit_inside_write_lock_is_one_transaction(store: Store, reopen: Callable[[], Store]) -> None:
    other = reopen()
    with pytest.raises(RuntimeError), store.write_lock():
        store.commit(Batch(state={"k": b"inside"}))
        raise RuntimeError("the group stage failed after the commit")
    assert other.get_state("k") is None
    with store.write_lock():
        assert store.get_state("k") is None
        store.commit(Batch(state={"k": b"kept"}))
    assert other.get_state("k") == b"kept"


def test_bad_postgres_url_is_a_store_error() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match=r"\*\*\*"):
        open_store("postgresql://someone:secret@127.0.0.1:1/nowhere?connect_timeout=2")


def test_iter_stories_pages_through_every_story_with_claims(store: Store) -> None:
    if not hasattr(store, "iter_stories"):
        pytest.skip(f"{type(store).__name__} has no iter_stories yet")
    arts = [_article(f"q{i:02d}", f"s{i:02d}", date(2024, 1, 1)) for i in range(11)]
    store.commit(Batch(articles=arts, stories=[_story(a.story_id or "", [a]) for a in arts]))
    got = list(store.iter_stories(batch_size=4))
    assert [s.story_id for s in got] == sorted(a.story_id or "" for a in arts)
    assert all(len(s.claims) == 1 for s in got)


def test_story_ids_of_sites_finds_an_outlets_stories_by_host_or_outlet_name(store: Store) -> None:
    _seed(store)  # every URL is on news.example
    far = replace(_article("a4", "s3", None, outlet="Far Gazette"), url="https://WWW.Far.Example/x", facts=[])
    named = replace(_article("a5", "s4", None, outlet="Near Gazette"), url=None, facts=[])
    store.commit(Batch(articles=[far, named], stories=[_story("s3", [far]), _story("s4", [named])]))
    assert store.story_ids_of_sites(["far.example"]) == {"s3"}
    assert store.story_ids_of_sites(["near gazette"]) == {"s4"}
    assert store.story_ids_of_sites(["news.example", "far.example"]) == {"s1", "s2", "s3"}
    assert store.story_ids_of_sites(["nowhere.example"]) == set()
