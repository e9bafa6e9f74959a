"""The Dask engine: the same articles as the local engine, from a LocalCluster of two workers."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from storyline.engine import DaskEngine, partition
from storyline.model import Article

pytest.importorskip("distributed")

# Short pages written for this test: two events, each reported twice, and one empty page.
PAGES = {
    "ferry-a": "Ferry resumes\n\nThe harbour ferry resumed service on Monday after a two-week strike, "
    "the port authority said. About 300 passengers crossed on the first day.",
    "ferry-b": "Harbour ferry back\n\nService on the harbour ferry resumed Monday, ending a two-week strike. "
    "The port authority said about 300 passengers travelled.",
    "fire-a": "Warehouse fire\n\nThree people were injured when a warehouse caught fire in Springfield, "
    "Illinois, on Tuesday, fire officials said.",
    "fire-b": "Springfield blaze injures three\n\nA fire at a Springfield warehouse on Tuesday injured three "
    "workers, officials said. The cause is under investigation.",
    "blank": "   ",
}


def _articles() -> list[Article]:
    return [Article(id=k, raw_text=v) for k, v in PAGES.items()]


def test_partition_keeps_order_and_covers_everything() -> None:
    items = [Article(id=str(i), raw_text="x") for i in range(37)]
    parts = partition(items, 4)
    assert [a.id for p in parts for a in p] == [a.id for a in items]
    assert all(len(p) >= 8 for p in parts[:-1])


def _pipeline_or_skip() -> type:
    try:
        from storyline.pipeline import Pipeline
    except ImportError as exc:  # another stage still being written
        pytest.skip(f"storyline.pipeline does not import yet: {exc}")
    return Pipeline


@pytest.mark.slow
def test_dask_engine_returns_what_the_local_engine_returns(tmp_path: Path) -> None:
    pipeline_cls = _pipeline_or_skip()
    from storyline.clean.template import TemplateMemory
    from storyline.config import Config
    from storyline.store.sqlite import SQLiteStore

    config = Config(db=str(tmp_path / "x.db"))
    store = SQLiteStore(config.db)
    local = pipeline_cls(config, store).clean_and_extract(_articles(), TemplateMemory())
    engine = DaskEngine(n_workers=2)
    try:
        remote = engine.clean_and_extract(config, TemplateMemory(), _articles())
    finally:
        engine.close()
        store.close()
    assert remote == local


@pytest.mark.slow
def test_dask_run_exports_the_same_files_as_a_local_run(tmp_path: Path) -> None:
    _pipeline_or_skip()
    from storyline.app import Storyline

    inbox = tmp_path / "in"
    inbox.mkdir()
    for name, text in PAGES.items():
        (inbox / f"{name}.txt").write_text(text, encoding="utf-8")
    for engine in ("local", "dask"):
        with Storyline(tmp_path / f"{engine}.db", engine=engine) as sl:
            sl.run([inbox])
            sl.export(tmp_path / engine)
    names = sorted(p.name for p in (tmp_path / "local").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "dask").iterdir())
    _same, mismatch, errors = filecmp.cmpfiles(tmp_path / "local", tmp_path / "dask", names, shallow=False)
    assert mismatch == [] and errors == []
