"""kill -9 at random points of an ingest, restart, and the store is consistent (issue 8).

Runs ``storyline run`` as a subprocess on a feed cut from the dev feed gva-dev.jsonl.gz
(skipped when the evaluation kit is absent), SIGKILLs it at random moments, checks the store
after every kill, lets the last run finish and compares it with one clean run. The harness is
benchmarks/crash_loop.py; the CI version is short, the long one is marked slow.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.reliability.conftest import needs_pipeline

sys.path.insert(0, str(ROOT / "benchmarks"))
crash_loop = pytest.importorskip("crash_loop")

pytestmark = needs_pipeline


def _loop(tmp_path: Path, eval_dir: Path, articles: int, chunk: int, kills: int) -> None:
    feed = tmp_path / "feed.jsonl"
    crash_loop.build_feed(feed, articles, eval_dir / "data" / "gva-dev.jsonl.gz")
    result = crash_loop.crash_loop(
        feed, tmp_path / "crash.db", tmp_path / "reference.db", kills=kills, chunk=chunk, seed=7, log=False
    )
    assert result.errors == []
    assert result.kills == kills and result.survived == kills


def test_store_is_consistent_after_kills_and_resumes(tmp_path: Path, eval_dir: Path) -> None:
    _loop(tmp_path, eval_dir, articles=20, chunk=4, kills=2)


@pytest.mark.slow
def test_store_survives_many_kills_of_a_large_ingest(tmp_path: Path, eval_dir: Path) -> None:
    _loop(tmp_path, eval_dir, articles=600, chunk=25, kills=12)


def test_consistency_check_finds_a_half_written_story() -> None:
    snap = crash_loop.Snapshot(
        articles={"a": "s1", "b": "s1", "c": None},
        stories={"s1": ["a", "b"], "s2": ["b"]},
        rejected=set(),
        fact_articles={"a", "zz"},
        claim_stories={"s1", "s9"},
    )
    errors = "\n".join(crash_loop.consistency_errors(snap))
    for expected in ("article c has no story", "in stories s1 and s2", "facts of missing article zz",
                     "claims of missing story s9", "story s2 article_ids"):  # fmt: skip
        assert expected in errors
