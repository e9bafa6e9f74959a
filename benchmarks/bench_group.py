"""Grouping speed at scale: articles/s per core at 10k, 100k and 1M articles.

The articles are resampled from the real dev feeds (gva, ecbplus, quotes, timex; no invented
text): each one takes the title of one random dev article and the body of another, and gets a
publication date at ``--per-day`` articles a day, so the time window holds a realistic number of
stories. A run stops at ``--budget`` seconds and reports what it measured. CPU time is what
"per core" means here (the dev machine is shared; wall time is printed too).

    .venv/bin/python benchmarks/bench_group.py --sizes 10000,100000,1000000 --budget 300
    .venv/bin/python benchmarks/bench_group.py --dev --cache /tmp/grp   # the cleaned dev feeds

Columns: method, target size, articles done, CPU articles/s overall and over the last 10% of
the run (flat = cost per article does not grow with the stored stories), wall articles/s,
articles in the window, state size from ``dumps()``.

Columns are followed, for each incremental run, by the CPU articles/s over each tenth of it.

Measured on the shared 2-core dev box at load average 8-11 (other jobs running; CPU figures are
pessimistic and wall figures mean little), window 60 days, 2000 articles a day (the window fills at
120,000 articles), ``--sizes 10000,100000,1000000 --budget 200 --batch-max 10000 --baseline-max 10000
--window 60``:

    storyline incremental | 10,000    |  8,000 done | cpu 365 art/s |              | wall 39
    storyline batch       | 10,000    | 10,000 done | cpu 305 art/s |              | wall 30
    tfidf single link     | 10,000    | 10,000 done | cpu 733 art/s |              | wall 121 (all pairs, quadratic)
    storyline incremental | 100,000   | 38,000 done | cpu 523 art/s | last 10% 528 | wall 188 | window 38,000 | 8.5 MB
      tenths: 394 398 485 558 729 726 563 514 582 528
    storyline incremental | 1,000,000 | 46,000 done | cpu 533 art/s | last 10% 575 | wall 228 | window 46,000 | 8.9 MB
      tenths: 399 493 569 555 502 542 590 552 646 575

and one long run past the point where the window is full and evicts (``--sizes 1000000 --budget 1200
--batch-max 0 --baseline-max 0 --window 60``, load average falling from 9 to 3 during the run):

    storyline incremental | 1,000,000 | 391,000 done | cpu 502 art/s | last 10% 551 | wall 325 | window 121,000 | 6.6 MB
      tenths: 485 510 436 424 442 567 659 512 515 551

The cleaned dev feeds (``--dev --cache DIR``, the facts of clean+extract included, same box and
load): gva-dev 677 art/s, ecbplus-dev 878 art/s at window 60 (689 / 669 at window 30).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_group import EVAL, SETS, baseline_tfidf, in_arrival_order, load_pipeline

from storyline.config import GroupConfig
from storyline.group import Grouper
from storyline.model import Article

POOLS = ("gva-dev.jsonl.gz", "ecbplus-dev.jsonl", "quotes-dev.jsonl.gz", "timex-dev.jsonl")


def load_pool() -> list[tuple[str, str]]:
    """(title, body) of every dev article that has both."""
    pool = []
    for name in POOLS:
        path = EVAL / "data" / name
        if not path.exists():
            continue
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                title, _, body = (json.loads(line).get("text") or "").strip().partition("\n")
                if title.strip() and body.strip():
                    pool.append((title.strip(), body.strip()))
    if not pool:
        raise SystemExit(f"no dev feeds under {EVAL / 'data'} (set STORYLINE_EVAL_DIR)")
    return pool


def resampled(pool: list[tuple[str, str]], n: int, per_day: int, seed: int = 0) -> Iterator[Article]:
    rng = random.Random(seed)
    start = date(2020, 1, 1)
    for i in range(n):
        title = pool[rng.randrange(len(pool))][0]
        body = pool[rng.randrange(len(pool))][1]
        day = start + timedelta(days=i // per_day)
        article = Article(id=f"r{i}", raw_text=None, url=f"https://example.org/{i}", feed_published=day)
        article.title, article.body, article.published = title, body, day
        yield article


def run_incremental(
    pool: list[tuple[str, str]], size: int, per_day: int, budget: float, config: GroupConfig
) -> list[str]:
    grouper = Grouper(config)
    cpu0, wall0 = time.process_time(), time.perf_counter()
    marks: list[tuple[int, float]] = [(0, 0.0)]
    done = 0
    for article in resampled(pool, size, per_day):
        grouper.add(article)
        grouper.take_merges()
        done += 1
        if done % 1000 == 0:
            marks.append((done, time.process_time() - cpu0))
            if time.perf_counter() - wall0 > budget:
                break
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    tail_from = next((m for m in marks if m[0] >= done * 0.9), marks[-1])
    tail_n, tail_cpu = done - tail_from[0], cpu - tail_from[1]
    state = grouper.dumps()
    # CPU articles/s over each tenth of the run: flat when the cost per article does not grow
    tenths = [next((m for m in marks if m[0] >= done * i / 10), marks[-1]) for i in range(11)]
    curve = [f"{(b[0] - a[0]) / (b[1] - a[1]):.0f}" for a, b in itertools.pairwise(tenths) if b[1] > a[1]]
    print(f"  curve (cpu art/s per tenth of {done:,} articles): {' '.join(curve)}", flush=True)
    return [
        "storyline incremental",
        f"{size:,}",
        f"{done:,}",
        f"{done / cpu:.0f}",
        f"{tail_n / tail_cpu:.0f}" if tail_n and tail_cpu else "-",
        f"{done / wall:.0f}",
        f"{len(grouper._entries):,}",
        f"{len(state) / 1e6:.1f} MB",
    ]


def run_batch(pool: list[tuple[str, str]], size: int, per_day: int, config: GroupConfig) -> list[str]:
    articles = list(resampled(pool, size, per_day))
    cpu0, wall0 = time.process_time(), time.perf_counter()
    Grouper(config).cluster_batch(articles)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return ["storyline batch", f"{size:,}", f"{size:,}", f"{size / cpu:.0f}", "-", f"{size / wall:.0f}", "-", "-"]


def run_baseline(pool: list[tuple[str, str]], size: int, per_day: int) -> list[str]:
    articles = list(resampled(pool, size, per_day))
    cpu0, wall0 = time.process_time(), time.perf_counter()
    baseline_tfidf(0.31)(articles, GroupConfig())
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return [
        "tfidf single link (all pairs)",
        f"{size:,}",
        f"{size:,}",
        f"{size / cpu:.0f}",
        "-",
        f"{size / wall:.0f}",
        "-",
        "-",
    ]


def run_dev(cache: Path | None, config: GroupConfig) -> None:
    """CPU articles/s of ``Grouper.add`` on the dev feeds as the pipeline hands them over (facts included)."""
    for name, (feed, _gold) in SETS.items():
        articles = in_arrival_order(load_pipeline(EVAL / "data" / feed, cache))
        grouper = Grouper(config)
        cpu0 = time.process_time()
        for article in articles:
            grouper.add(article)
            grouper.take_merges()
        cpu = time.process_time() - cpu0
        rate = len(articles) / cpu
        print(f"{name}-dev | {len(articles):,} articles | cpu {rate:.0f} art/s | window {config.window_days}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--per-day", type=int, default=2000, help="articles per day of the resampled feed")
    parser.add_argument("--budget", type=float, default=300.0, help="seconds per incremental run")
    parser.add_argument("--batch-max", type=int, default=100_000, help="largest size run in batch mode")
    parser.add_argument("--baseline-max", type=int, default=20_000, help="largest size for the quadratic baseline")
    parser.add_argument("--dev", action="store_true", help="time grouping of the cleaned dev feeds instead")
    parser.add_argument("--cache", type=Path, help="with --dev: folder of cached clean+extract output")
    parser.add_argument("--window", type=int, default=GroupConfig().window_days, help="time window in days")
    args = parser.parse_args(argv)
    config = GroupConfig(window_days=args.window)
    if args.dev:
        run_dev(args.cache, config)
        return
    pool = load_pool()
    header = ["method", "size", "done", "cpu art/s", "cpu art/s last 10%", "wall art/s", "window", "state"]
    print(f"pool: {len(pool)} dev articles; {args.per_day} articles/day; window {config.window_days} days")
    print(" | ".join(header), flush=True)
    for size in (int(s) for s in args.sizes.split(",")):
        print(" | ".join(["every article alone", f"{size:,}", f"{size:,}", "(no work)", "-", "-", "-", "-"]))
        print(" | ".join(run_incremental(pool, size, args.per_day, args.budget, config)), flush=True)
        if size <= args.batch_max:
            print(" | ".join(run_batch(pool, size, args.per_day, config)), flush=True)
        if size <= args.baseline_max:
            print(" | ".join(run_baseline(pool, size, args.per_day)), flush=True)


if __name__ == "__main__":
    main()
