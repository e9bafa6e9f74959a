"""Speed of ``tag_times``: documents and characters per second on the timex dev set, printed as a table.

.venv/bin/python benchmarks/bench_timex.py [--data DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from datetime import date
from pathlib import Path

from storyline.extract.timex import tag_times

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = Path(os.environ.get("STORYLINE_EVAL_DIR", REPO.parent / "shared" / "eval"))
# a short self-written news paragraph, used when the dev set is absent
FALLBACK = (
    "Officials said on Tuesday that the council will meet next week, two days after the strikes of Jan. 2. "
    "Over the past week, at least 40 people were killed; the third quarter of 2023 was calmer. "
)


def load(data: Path) -> list[tuple[str, date | None]]:
    feed = data / "timex-dev.jsonl"
    if not feed.exists():
        return [(FALLBACK * 10, date(2024, 1, 3))] * 200
    docs = []
    with feed.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            docs.append((row["text"] or "", date.fromisoformat(row["published"]) if row.get("published") else None))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_EVAL / "data")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    docs = load(args.data)
    chars = sum(len(text) for text, _ in docs)
    tag_times(docs[0][0], docs[0][1])  # compile the patterns outside the timing
    print(f"{'run':>4} {'docs':>6} {'timexes':>8} {'seconds':>8} {'docs/s':>8} {'kchars/s':>9}")
    for run in range(1, args.repeat + 1):
        started = time.perf_counter()
        found = sum(len(tag_times(text, dct)) for text, dct in docs)
        elapsed = time.perf_counter() - started
        print(
            f"{run:>4} {len(docs):>6} {found:>8} {elapsed:>8.3f} {len(docs) / elapsed:>8.1f} "
            f"{chars / elapsed / 1000:>9.1f}"
        )


if __name__ == "__main__":
    main()
