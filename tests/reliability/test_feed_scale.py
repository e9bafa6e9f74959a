"""A feed of a million lines is read streaming, in constant memory (issue 8).

The CI version reads 50,000 lines; the million-line run is marked slow. Both check that
memory does not grow with the feed: reading holds one line at a time.
"""

from __future__ import annotations

import gzip
import time
import tracemalloc
from pathlib import Path

import pytest

from storyline.ingest import read_paths
from storyline.model import Article, Rejected

# every 10th line is bad, so rejections are streamed too
BAD_EVERY = 10


def _write_feed(path: Path, lines: int) -> Path:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as handle:
        for i in range(lines):
            if i % BAD_EVERY == BAD_EVERY - 1:
                handle.write(f'{{"id": "bad{i}", "text": \n')
            else:
                handle.write(f'{{"id": "n{i}", "text": "x"}}\n')
    return path


def _stream(path: Path) -> tuple[int, int, int, float]:
    """Articles, rejections, peak traced memory in bytes, seconds, while discarding each item."""
    articles = rejected = 0
    tracemalloc.start()
    started = time.process_time()  # CPU time: other jobs on a shared machine do not count
    try:
        for item in read_paths([path]):
            if isinstance(item, Article):
                articles += 1
            elif isinstance(item, Rejected):
                rejected += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return articles, rejected, peak, time.process_time() - started


def _check(path: Path, lines: int) -> tuple[int, float]:
    articles, rejected, peak, seconds = _stream(path)
    assert rejected == lines // BAD_EVERY
    assert articles == lines - rejected
    return peak, seconds


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_fifty_thousand_line_feed_is_read_in_constant_memory(tmp_path: Path, suffix: str) -> None:
    small_peak, _ = _check(_write_feed(tmp_path / f"small{suffix}", 5_000), 5_000)
    peak, seconds = _check(_write_feed(tmp_path / f"big{suffix}", 50_000), 50_000)
    # ten times the lines, about the same memory: nothing is kept per line
    assert peak < 2 * small_peak + 1_000_000, (small_peak, peak)
    assert seconds < 30


@pytest.mark.slow
def test_million_line_feed_is_read_in_constant_memory(tmp_path: Path) -> None:
    small_peak, _ = _check(_write_feed(tmp_path / "small.jsonl.gz", 10_000), 10_000)
    peak, seconds = _check(_write_feed(tmp_path / "huge.jsonl.gz", 1_000_000), 1_000_000)
    assert peak < 2 * small_peak + 1_000_000, (small_peak, peak)
    print(f"1,000,000 lines read in {seconds:.1f} s, peak traced memory {peak / 1e6:.1f} MB")
