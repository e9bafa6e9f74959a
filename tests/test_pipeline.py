"""The pipeline: stage checks, chunked runs, parallel = serial, re-runs change nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from storyline.config import load_config
from storyline.errors import StageError
from storyline.model import Article
from storyline.pipeline import PARALLEL_MIN, Pipeline, StageInfo, analyze
from storyline.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[1]


def _seed_copies(n: int) -> list[Article]:
    """Seed pages under many ids (the same pages, so the test needs no invented text)."""
    pages = sorted((ROOT / "examples" / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in pages]
    return [Article(id=f"copy{i}", raw_text=texts[i % len(texts)]) for i in range(n)]


def test_unmet_requirement_is_refused_before_running() -> None:
    with pytest.raises(StageError, match="needs body"):
        analyze([StageInfo("extract", ("body",), ("facts",))])


def test_process_pool_gives_the_serial_result() -> None:
    from storyline.clean import TemplateMemory

    config = load_config(None, db=":memory:")
    results = []
    for workers in (1, 2):
        pipeline = Pipeline(replace(config, workers=workers), SQLiteStore(":memory:"))
        kept, _ = pipeline.local_clean_extract(_seed_copies(PARALLEL_MIN + 2), TemplateMemory())
        results.append(kept)
    serial, parallel = results
    assert [(a.id, a.body, len(a.facts)) for a in serial] == [(a.id, a.body, len(a.facts)) for a in parallel]


def test_changed_content_under_a_stored_id_is_rejected_not_overwritten(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    pipeline = Pipeline(load_config(None, db=str(tmp_path / "s.db")), store)
    first = _seed_copies(1)
    pipeline.run_items(list(first))
    body = store.articles(ids=["copy0"])[0].body
    changed = Article(id="copy0", raw_text=(first[0].raw_text or "") + "\nA new paragraph at the end of the page.")
    report = pipeline.run_items([changed])
    assert report.new == 0 and "different content" in report.rejected[0].reason
    assert store.articles(ids=["copy0"])[0].body == body


def test_small_chunks_store_everything_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("storyline.pipeline.CHUNK", 3)
    store = SQLiteStore(tmp_path / "s.db")
    pipeline = Pipeline(load_config(None, db=str(tmp_path / "s.db"), workers=1), store)
    report = pipeline.run_items(_seed_copies(8))
    assert report.new == 8
    counts = store.counts()
    assert counts["articles"] == 8
    story_members = sorted(i for s in store.stories() for i in s.article_ids)
    assert story_members == sorted(f"copy{i}" for i in range(8))


def test_a_bug_on_one_page_sets_it_aside_and_the_run_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    from storyline.extract.stage import Extractor

    original = Extractor.process

    def flaky(self: Extractor, article: Article) -> None:
        if article.id == "copy1":
            raise OverflowError("date value out of range")
        original(self, article)

    monkeypatch.setattr(Extractor, "process", flaky)
    store = SQLiteStore(":memory:")
    report = Pipeline(load_config(None, db=":memory:", workers=1), store).run_items(_seed_copies(3))
    assert report.new == 2
    assert [r.id for r in report.rejected] == ["copy1"] and "internal error" in report.rejected[0].reason


def test_a_long_story_is_reconciled_from_its_latest_reports_and_keeps_every_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("storyline.pipeline.RECONCILE_RECENT", 1)
    store = SQLiteStore(tmp_path / "s.db")
    pipeline = Pipeline(load_config(None, db=str(tmp_path / "s.db"), workers=1), store)
    copies = _seed_copies(4)  # the two seed pages, twice each: one story
    for article in copies:  # one run each: every run reconciles the stored ones again
        pipeline.run_items([article])
    (story,) = store.stories()
    assert sorted(story.article_ids) == sorted(a.id for a in copies)
    supporting = {s.article_id for claim in story.claims if claim.slot != "event_date" for s in claim.support}
    # the newest run's article and the latest stored one; the first two (which support every claim
    # when the whole story is reconciled: copies count once, as the earliest) add no facts any more,
    # only the event day each was read with (kept with the article, not with its facts)
    assert supporting == {"copy2", "copy3"}
    (day,) = [c for c in story.claims if c.slot == "event_date"]
    assert [s.article_id for s in day.support] == ["copy1"]  # an earliest copy: its day, read when it came
    assert all(store.articles(ids=[a.id])[0].facts for a in copies)  # nothing stored was lost


_STATION_EVENTS = {
    "d0": ("Man shot on Elm Street", "A man was shot on Elm Street outside a laundromat.", "bicycle", "tuesday"),
    "d1": ("Woman hurt on Oak Street", "A woman was hurt by gunfire on Oak Street near a church.", "minivan", "friday"),
    "d2": (
        "Clerk wounded on Pine Street",
        "A store clerk was wounded on Pine Street in a robbery.",
        "pickup",
        "monday",
    ),
    "n0": ("Teen wounded in drive-by", "A teenager was wounded in a drive-by shooting near a park.", "sedan", "sunday"),
    "n1": (
        "Boy grazed at birthday party",
        "A boy was grazed by a bullet at a backyard birthday party.",
        "coupe",
        "saturday",
    ),
}


def _station_report(aid: str, dateline: str = "") -> Article:
    """One of a local TV station's reports (its host names no town), each about another event."""
    headline, lead, vehicle, day = _STATION_EVENTS[aid]
    text = (
        f"{headline}\n\n{dateline}{lead}\n\n"
        f"Witnesses told officers that a {vehicle} drove off after the shots on {day.title()} evening. The victim "
        f"was taken to a hospital in stable condition, a spokesperson for the {day} shift said.\n\n"
        f"Detectives asked anyone with video of the {vehicle} to call the tip line; no arrest was made by {day} night."
    )
    published = date(2024, 1 + 2 * list(_STATION_EVENTS).index(aid), 5)
    return Article(id=aid, raw_text=text, url=f"https://www.kxyz-news.com/news/{aid}", feed_published=published)


def test_where_an_outlet_reports_from_is_learned_once_and_kept_between_runs(tmp_path: Path) -> None:
    from storyline.reconcile.outlets import STATE_KEY, OutletHomes

    db = str(tmp_path / "s.db")
    datelined = [_station_report(f"d{i}", "CORPUS CHRISTI, Texas -- ") for i in range(3)]
    Pipeline(load_config(None, db=db, workers=1), SQLiteStore(db)).run_items(datelined)
    Pipeline(load_config(None, db=db, workers=1), SQLiteStore(db)).run_items(datelined)  # unchanged: not counted again
    store = SQLiteStore(db)
    homes = OutletHomes.loads(store.get_state(STATE_KEY))
    assert homes.stating["kxyz-news.com"] == 3
    later = _station_report("n1")
    Pipeline(load_config(None, db=db, workers=1), store).run_items([later])
    story = store.story(store.articles(ids=["n1"])[0].story_id or "")
    assert story is not None and (story.location.city, story.location.region) == ("Corpus Christi", "Texas")


def test_a_story_stored_before_its_outlets_home_was_known_is_placed_once_it_is(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    early = _station_report("n0")
    store = SQLiteStore(db)
    Pipeline(load_config(None, db=db, workers=1), store).run_items([early])
    story_id = store.articles(ids=["n0"])[0].story_id or ""
    before = store.story(story_id)
    assert before is not None and before.location.city is None
    datelined = [_station_report(f"d{i}", "CORPUS CHRISTI, Texas -- ") for i in range(3)]
    Pipeline(load_config(None, db=db, workers=1), store).run_items(datelined)
    after = store.story(store.articles(ids=["n0"])[0].story_id or "")
    assert after is not None and (after.location.city, after.location.region) == ("Corpus Christi", "Texas")
