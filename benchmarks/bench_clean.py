"""Speed and memory of the clean stage, with trafilatura run side by side on the same files.

    python benchmarks/bench_clean.py [--limit N]

Prints a table: pages/s per core, from the CPU time of the process (``time.process_time``, so other
jobs on a shared machine do not count; ``clean`` only, after an ``observe`` pass), and the peak of
Python allocations (tracemalloc, measured in a further pass so it does not slow the timing).

"pages/s" is the steady rate a long run sees: each method first runs on WARMUP pages of another set of
the same kind (trafilatura-eval-dev, its text twin), so that one-off costs paid by whichever method runs
first (lazy imports, dateparser's locale tables for htmldate, justext's stoplists, regex compilation)
are not charged to it, and no page of the timed set is seen before it is timed. ``--cold`` skips the
warm-up: the first pass of the process is timed, and the first method pays the one-off costs (the methods
run in the table's order). Numbers move with other jobs on a shared machine: compare rows of one run.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import trafilatura
from eval_clean import eval_dir, read_feed, to_article

from storyline.clean import Cleaner, TemplateMemory, htmlbody
from storyline.errors import InputError
from storyline.model import Article

WARMUP = 20  # pages of the other set each method reads before it is timed
_WARMUP_SET = {"zyte-text-dev": "trafilatura-eval-text-dev", "zyte-html-dev": "trafilatura-eval-dev"}


def _timed(work: Callable[[], None]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def _measure(work: Callable[[], None], warmup: Callable[[], None] | None, pages: int) -> tuple[float, float]:
    """(pages/s, peak MiB) of ``work``, after ``warmup`` when given."""
    if warmup is not None:
        warmup()
    seconds = _timed(work)
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return pages / seconds, peak / 2**20


def _observed(rows: list[dict[str, Any]]) -> tuple[list[Article], Cleaner]:
    articles = [to_article(r) for r in rows]
    cleaner = Cleaner(None, TemplateMemory())
    for article in articles:
        cleaner.observe(article)
    return articles, cleaner


def _ours(rows: list[dict[str, Any]]) -> Callable[[], None]:
    articles, cleaner = _observed(rows)

    def work() -> None:
        for article in articles:
            with contextlib.suppress(InputError):
                cleaner.clean(article)

    return work


def _body_only(rows: list[dict[str, Any]]) -> Callable[[], None]:
    """The HTML body side alone (parse and ``htmlbody.extract_body``), without the metadata readers."""
    articles, cleaner = _observed(rows)

    def work() -> None:
        for article in articles:
            html = article.raw_html or ""
            htmlbody.extract_body(
                html,
                article.url,
                cleaner.memory,
                cleaner._site(article),
                article.hash,
                cleaner.model,
                htmlbody.parse(html),
            )

    return work


def _trafilatura(rows: list[dict[str, Any]], key: str) -> Callable[[], None]:
    def work() -> None:
        for row in rows:
            page = row[key] if key == "html" else "".join(f"<p>{x}</p>" for x in row[key].split("\n"))
            trafilatura.extract(page, include_comments=False)

    return work


def _methods(rows: list[dict[str, Any]], key: str) -> list[tuple[str, Callable[[], None]]]:
    methods = [("storyline Cleaner", _ours(rows))]
    if key == "html":
        methods.append(("  its body side alone", _body_only(rows)))
    return [*methods, ("trafilatura 2.3.1 extract", _trafilatura(rows, key))]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--cold", action="store_true", help="time the first pass, without the warm-up")
    args = parser.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    data = Path(eval_dir()) / "data"
    table = []
    for feed, key in (("zyte-text-dev", "text"), ("zyte-html-dev", "html")):
        rows = read_feed(data / f"{feed}.jsonl.gz")
        rows = rows[: args.limit] if args.limit else rows
        other = read_feed(data / f"{_WARMUP_SET[feed]}.jsonl.gz")[:WARMUP]
        for (method, work), (_, warm) in zip(_methods(rows, key), _methods(other, key), strict=True):
            table.append((feed, method, *_measure(work, None if args.cold else warm, len(rows))))
    print(f"{'set':<16}{'method':<28}{'pages/s' if not args.cold else 'cold p/s':>10}{'peak MiB':>10}")
    for feed, method, rate, peak in table:
        print(f"{feed:<16}{method:<28}{rate:>10.1f}{peak:>10.1f}")


if __name__ == "__main__":
    main()
