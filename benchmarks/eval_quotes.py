"""Quotes on quotes-dev (PolNeAR): export find_quotes' output and run the shared scorer.

    .venv/bin/python benchmarks/eval_quotes.py [--mode fast|accurate|rules] [--limit N] [--out DIR] [--halves]

Prints the scorer's figures and the extraction speed (articles per CPU-second of this process) of
``find_quotes`` alone and of ``find_quotes`` + ``find_entities`` in the same mode. ``--halves`` also
scores the two halves of the set split by sha1 of the article id (A: even, B: odd), so that a
change tuned on one half can be checked on the other.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Literal

from storyline.extract.entities import find_entities
from storyline.extract.nlp import load_spacy
from storyline.extract.quotes import Mode, find_quotes

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = Path(os.environ.get("STORYLINE_EVAL_DIR", ROOT.parent / "shared" / "eval"))


def half(article_id: str) -> str:
    return "AB"[int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 2]


def export(out: Path, limit: int | None, mode: Mode) -> tuple[int, float, float]:
    """Writes DIR/articles.jsonl and DIR/facts.jsonl.

    Returns (articles, CPU seconds in find_quotes, CPU seconds in find_entities).
    """
    nlp = load_spacy() if mode == "accurate" else None
    # the cue model is for quotes only: entities run in the fast mode with it
    ent_mode: Literal["fast", "accurate"] = "accurate" if mode == "accurate" else "fast"
    find_entities("Warm-up in Paris.", nlp, mode=ent_mode)  # gazetteer and model loading are not per article
    find_quotes("Warm-up, she said.", nlp, mode=mode)
    out.mkdir(parents=True, exist_ok=True)
    spent = 0.0
    spent_entities = 0.0
    n = 0
    with (
        gzip.open(EVAL_DIR / "data" / "quotes-dev.jsonl.gz", "rt", encoding="utf-8") as feed,
        open(out / "articles.jsonl", "w", encoding="utf-8") as arts,
        open(out / "facts.jsonl", "w", encoding="utf-8") as facts,
    ):
        for line in feed:
            row = json.loads(line)
            if limit is not None and n >= limit:
                break
            n += 1
            text = row["text"] or ""
            arts.write(json.dumps({"id": row["id"], "story_id": row["id"], "body": text}) + "\n")
            t0 = time.process_time()  # CPU time of this process: the machine is shared
            found = find_quotes(text, nlp, mode=mode)
            t1 = time.process_time()
            find_entities(text, nlp, mode=ent_mode)
            spent += t1 - t0
            spent_entities += time.process_time() - t1
            for k, a in enumerate(found):
                facts.write(
                    json.dumps(
                        {
                            "fact_id": f"{row['id']}-q{k}",
                            "article_id": row["id"],
                            "story_id": row["id"],
                            "type": "quote" if a.direct else "attribution",
                            "text": text[a.content_start : a.content_end],
                            "start": a.content_start,
                            "end": a.content_end,
                            "speaker": a.speaker,
                            "cue": a.cue,
                            "content": a.content,
                            "direct": a.direct,
                            "mention": a.mention,  # extras for error analysis; the scorer ignores them
                            "title": a.title,
                        }
                    )
                    + "\n"
                )
    return n, spent, spent_entities


def _subset(gold: Path, dst: Path, keep: set[str] | None, first: int | None) -> None:
    with gzip.open(gold, "rt", encoding="utf-8") as src, open(dst, "w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if first is not None and i >= first:
                break
            if keep is None or json.loads(line)["id"] in keep:
                out.write(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "quotes")
    parser.add_argument("--mode", choices=("fast", "accurate", "rules"), default="fast")
    parser.add_argument("--halves", action="store_true", help="also score halves A and B (sha1 of the id)")
    args = parser.parse_args()
    n, spent, spent_entities = export(args.out, args.limit, args.mode)
    gold = EVAL_DIR / "data" / "quotes-dev.gold.jsonl.gz"
    score = [sys.executable, str(EVAL_DIR / "score.py"), "quotes", "--export", str(args.out), "--gold"]
    if args.limit is not None:
        subset = args.out / "gold-subset.jsonl"
        _subset(gold, subset, None, n)
        gold = subset
    subprocess.run([*score, str(gold)], check=True)
    if args.halves:
        with open(args.out / "articles.jsonl", encoding="utf-8") as arts:
            ids = [json.loads(line)["id"] for line in arts]
        for name in "AB":
            part = args.out / f"gold-{name}.jsonl"
            with open(gold, "rb") as probe:
                gz = probe.read(2) == b"\x1f\x8b"
            src = gold if gz else None
            if src is None:
                with open(gold, encoding="utf-8") as plain, open(part, "w", encoding="utf-8") as out:
                    out.writelines(line for line in plain if half(json.loads(line)["id"]) == name)
            else:
                _subset(gold, part, {i for i in ids if half(i) == name}, None)
            print(f"--- half {name}")
            subprocess.run([*score, str(part)], check=True)
    rate = n / max(spent, 1e-9)
    print(f"find_quotes ({args.mode}): {n} articles in {spent:.1f} CPU s = {rate:.1f} articles/s per core")
    both = spent + spent_entities
    print(f"find_quotes + find_entities ({args.mode}): {n / max(both, 1e-9):.1f} articles/s per core")


if __name__ == "__main__":
    main()
