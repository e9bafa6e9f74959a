"""Quotes on quotes-dev (PolNeAR): export find_quotes' output and run the shared scorer.

    .venv/bin/python benchmarks/eval_quotes.py [--limit N] [--out DIR]

Prints the scorer's figures and the extraction speed (articles per CPU-second of this process).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from storyline.extract.nlp import load_spacy
from storyline.extract.quotes import find_quotes

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = Path(os.environ.get("STORYLINE_EVAL_DIR", ROOT.parent / "shared" / "eval"))


def export(out: Path, limit: int | None) -> tuple[int, float]:
    """Writes DIR/articles.jsonl and DIR/facts.jsonl; returns (articles, CPU seconds in find_quotes)."""
    nlp = load_spacy()
    out.mkdir(parents=True, exist_ok=True)
    spent = 0.0
    n = 0
    with gzip.open(EVAL_DIR / "data" / "quotes-dev.jsonl.gz", "rt", encoding="utf-8") as feed, \
            open(out / "articles.jsonl", "w", encoding="utf-8") as arts, \
            open(out / "facts.jsonl", "w", encoding="utf-8") as facts:
        for line in feed:
            row = json.loads(line)
            if limit is not None and n >= limit:
                break
            n += 1
            text = row["text"] or ""
            arts.write(json.dumps({"id": row["id"], "story_id": row["id"], "body": text}) + "\n")
            t0 = time.process_time()  # CPU time of this process: the machine is shared
            found = find_quotes(text, nlp)
            spent += time.process_time() - t0
            for k, a in enumerate(found):
                facts.write(json.dumps({
                    "fact_id": f"{row['id']}-q{k}", "article_id": row["id"], "story_id": row["id"],
                    "type": "quote" if a.direct else "attribution", "text": text[a.content_start:a.content_end],
                    "start": a.content_start, "end": a.content_end, "speaker": a.speaker, "cue": a.cue,
                    "content": a.content, "direct": a.direct,
                }) + "\n")
    return n, spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "quotes")
    args = parser.parse_args()
    n, spent = export(args.out, args.limit)
    gold = EVAL_DIR / "data" / "quotes-dev.gold.jsonl.gz"
    cmd = [sys.executable, str(EVAL_DIR / "score.py"), "quotes", "--gold", str(gold), "--export", str(args.out)]
    if args.limit is not None:
        subset = args.out / "gold-subset.jsonl"
        with gzip.open(gold, "rt", encoding="utf-8") as src, open(subset, "w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if i >= n:
                    break
                dst.write(line)
        cmd[cmd.index(str(gold))] = str(subset)
    subprocess.run(cmd, check=True)
    print(f"find_quotes: {n} articles in {spent:.1f} CPU s = {n / max(spent, 1e-9):.1f} articles/s per core")


if __name__ == "__main__":
    main()
