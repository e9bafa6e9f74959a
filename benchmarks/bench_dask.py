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
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of the feed")
    args = parser.parse_args()
    code_before = _code_hash()
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

    articles = [a for a in read_paths([args.feed]) if isinstance(a, Article)][: args.limit]
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
        t_pool = None
        if hasattr(pipeline, "local_clean_extract"):  # the local engine's own process pool
            start = time.perf_counter()
            pooled = pipeline.local_clean_extract(copy.deepcopy(articles), memory)
            t_pool = time.perf_counter() - start
            assert pooled == local

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
        feed = Path(tmp) / "input.jsonl"
        if args.limit:  # the same articles as the stage timing, as a feed
            import json

            with feed.open("w", encoding="utf-8") as out:
                for a in articles:
                    record = {
                        "id": a.id,
                        "text": a.raw_text,
                        "html": a.raw_html,
                        "url": a.url,
                        "published": a.feed_published and a.feed_published.isoformat(),
                        "outlet": a.feed_outlet,
                        "title": a.feed_title,
                    }
                    out.write(json.dumps(record) + "\n")
        else:
            feed = args.feed
        for name in ("local", "dask"):
            start = time.perf_counter()
            with Storyline(Path(tmp) / f"{name}.db", engine=name) as sl:
                sl.run([feed])
                sl.export(Path(tmp) / name)
            run_times[name] = time.perf_counter() - start
            exports[name] = Path(tmp) / name
        names = sorted(p.name for p in exports["local"].iterdir())
        _same, differ, errors = filecmp.cmpfiles(exports["local"], exports["dask"], names, shallow=False)

    n = len(articles)
    print(f"{n} articles from {args.feed.name}; {os.cpu_count()} cores; dask workers: {args.workers}")
    print(f"{'engine':<28} {'seconds':>8} {'articles/s':>11} {'speed-up':>9}")
    print(f"{'local clean+extract':<28} {t_local:>8.2f} {n / t_local:>11.1f} {1.0:>9.2f}")
    if t_pool is not None:
        print(f"{'local pool clean+extract':<28} {t_pool:>8.2f} {n / t_pool:>11.1f} {t_local / t_pool:>9.2f}")
    print(f"{'dask clean+extract (warm)':<28} {t_dask:>8.2f} {n / t_dask:>11.1f} {t_local / t_dask:>9.2f}")
    print(f"{'dask start + warm-up':<28} {t_start:>8.2f}")
    print(f"{'local run+export':<28} {run_times['local']:>8.2f} {n / run_times['local']:>11.1f}")
    print(f"{'dask run+export (cold)':<28} {run_times['dask']:>8.2f} {n / run_times['dask']:>11.1f}")
    print(f"clean+extract results identical: {remote == local}")
    print(f"export files identical: {not differ and not errors} ({len(names)} files; differ: {differ or 'none'})")
    if _code_hash() != code_before:
        print("WARNING: storyline's source changed during the run; the comparisons are not valid")
    return 0


def _code_hash() -> str:
    import hashlib

    digest = hashlib.sha1()
    for path in sorted((ROOT / "storyline").rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


if __name__ == "__main__":
    sys.exit(main())
