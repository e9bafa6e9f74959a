"""Speed of the extract stage (issue 5: ≥ 50 articles/s per core, default install), as a table.

    .venv/bin/python benchmarks/bench_extract.py [--feeds gva-dev.jsonl.gz,quotes-dev.jsonl.gz] [--mode fast]

Each dev feed is cleaned first (not timed), then every article goes through ``Extractor.process``
in this one process. Articles/s per core is from CPU time (``time.process_time``: the machine is
shared), the split per extractor from the stage's own wall-clock ticks. The tables and models are
loaded before timing (``Extractor.warm``), as the pipeline does before it forks its workers.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from storyline.clean import Cleaner, TemplateMemory
from storyline.config import CleanConfig, ExtractConfig
from storyline.errors import InputError
from storyline.extract.stage import Extractor
from storyline.ingest import read_paths
from storyline.model import Article

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("STORYLINE_EVAL_DIR", ROOT.parent / "shared" / "eval"))
TARGET = 50.0  # articles/s per core, issue 5


def cleaned(feed: Path) -> list[Article]:
    articles = [a for a in read_paths([feed]) if isinstance(a, Article)]
    cleaner = Cleaner(CleanConfig(), TemplateMemory())
    for a in articles:
        cleaner.observe(a)
    kept = []
    for a in articles:
        try:
            cleaner.clean(a)
        except InputError:
            continue
        kept.append(a)
    return kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", default="gva-dev.jsonl.gz,quotes-dev.jsonl.gz")
    parser.add_argument("--mode", default="fast", choices=["fast", "accurate"])
    args = parser.parse_args()
    feeds = [EVAL / "data" / name for name in args.feeds.split(",") if name]
    missing = [f for f in feeds if not f.exists()]
    if missing:
        print(f"dev feeds not found: {', '.join(map(str, missing))} (set STORYLINE_EVAL_DIR)", file=sys.stderr)
        return 2
    print(f"extract stage, mode {args.mode}; CPU time in this one process (target ≥ {TARGET:.0f} articles/s/core)")
    names = ["times", "counts", "quotes", "entities", "places", "absences"]
    print(f"{'feed':<22} {'articles':>8} {'chars/art':>9} {'CPU s':>7} {'art/s/core':>10}  share of time: "
          + " ".join(f"{n:>8}" for n in names))  # fmt: skip
    for feed in feeds:
        articles = cleaned(feed)
        extractor = Extractor(ExtractConfig(mode=args.mode))
        extractor.warm()
        extractor.seconds.clear()
        start = time.process_time()
        for a in articles:
            extractor.process(a)
        cpu = time.process_time() - start
        total = sum(extractor.seconds.values()) or 1.0
        chars = sum(len(a.body or "") for a in articles) / max(1, len(articles))
        print(
            f"{feed.name:<22} {len(articles):>8} {chars:>9.0f} {cpu:>7.1f} {len(articles) / cpu:>10.1f}  "
            + " " * 15
            + " ".join(f"{extractor.seconds[n] / total:>8.0%}" for n in names)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
