"""Dask with local workers vs the local engine on the per-article stages, and the export of each.

    .venv/bin/python benchmarks/bench_dask.py [--feed PATH] [--workers 2]

1. clean+extract of the feed's articles: ``Pipeline.clean_and_extract`` in this process vs
   ``DaskEngine(n_workers).clean_and_extract`` (cluster started and workers warmed up first;
   the start-up is reported on its own line);
2. the same feed through ``Storyline.run`` + ``export`` with engine local and engine dask,
   and whether the export files are byte-identical.
"""

from __future__ import annotations

import argparse
import copy
import filecmp
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("STORYLINE_EVAL_DIR", ROOT.parent / "shared" / "eval"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feed", type=Path, default=EVAL / "data" / "gva-dev.jsonl.gz")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not args.feed.exists():
        print(f"feed not found: {args.feed} (set STORYLINE_EVAL_DIR)", file=sys.stderr)
        return 2

    from storyline.app import Storyline
    from storyline.clean import Cleaner, TemplateMemory
    from storyline.config import Config
    from storyline.engine import DaskEngine
    from storyline.ingest import read_paths
    from storyline.model import Article
    from storyline.pipeline import Pipeline
    from storyline.store.sqlite import SQLiteStore

    articles = [a for a in read_paths([args.feed]) if isinstance(a, Article)]
    with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp:
        config = Config(db=str(Path(tmp) / "stage.db"))
        memory = TemplateMemory()
        cleaner = Cleaner(config.clean, memory)
        for a in articles:
            cleaner.observe(a)
        store = SQLiteStore(config.db)
        pipeline = Pipeline(config, store)
        pipeline.clean_and_extract(copy.deepcopy(articles[:5]), memory)  # load models before timing
        start = time.perf_counter()
        local = pipeline.clean_and_extract(copy.deepcopy(articles), memory)
        t_local = time.perf_counter() - start

        start = time.perf_counter()
        engine = DaskEngine(n_workers=args.workers)
        engine.clean_and_extract(config, memory, copy.deepcopy(articles[: 8 * args.workers]))  # warm workers
        t_start = time.perf_counter() - start
        start = time.perf_counter()
        remote = engine.clean_and_extract(config, memory, copy.deepcopy(articles))
        t_dask = time.perf_counter() - start
        engine.close()
        store.close()

        exports = {}
        run_times = {}
        for name in ("local", "dask"):
            start = time.perf_counter()
            with Storyline(Path(tmp) / f"{name}.db", engine=name) as sl:
                sl.run([args.feed])
                sl.export(Path(tmp) / name)
            run_times[name] = time.perf_counter() - start
            exports[name] = Path(tmp) / name
        names = sorted(p.name for p in exports["local"].iterdir())
        _same, differ, errors = filecmp.cmpfiles(exports["local"], exports["dask"], names, shallow=False)

    n = len(articles)
    print(f"{n} articles from {args.feed.name}; {os.cpu_count()} cores; dask workers: {args.workers}")
    print(f"{'engine':<28} {'seconds':>8} {'articles/s':>11} {'speed-up':>9}")
    print(f"{'local clean+extract':<28} {t_local:>8.2f} {n / t_local:>11.1f} {1.0:>9.2f}")
    print(f"{'dask clean+extract (warm)':<28} {t_dask:>8.2f} {n / t_dask:>11.1f} {t_local / t_dask:>9.2f}")
    print(f"{'dask start + warm-up':<28} {t_start:>8.2f}")
    print(f"{'local run+export':<28} {run_times['local']:>8.2f} {n / run_times['local']:>11.1f}")
    print(f"{'dask run+export (cold)':<28} {run_times['dask']:>8.2f} {n / run_times['dask']:>11.1f}")
    print(f"clean+extract results identical: {remote == local}")
    print(
        f"export files identical: {not differ and not errors}"
        f" ({len(names)} files; differ: {differ or 'none'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
