"""Score ``tag_times`` on the timex dev set with the shared scorer.

    .venv/bin/python benchmarks/eval_timex.py [--data DIR] [--out DIR] [--errors N] [--halves]

Reads DATA/timex-dev.jsonl (id, text, published), writes OUT/articles.jsonl and OUT/facts.jsonl in the
export format, then runs ``score.py timex``. ``--errors N`` prints N mismatches against the gold.
``--halves`` also scores the two halves of the documents split by sha1 of the id (A: even, B: odd):
tune on half A, and read half B as held out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from storyline.extract.timex import tag_times

REPO = Path(__file__).resolve().parent.parent
DEFAULT_EVAL = Path(os.environ.get("STORYLINE_EVAL_DIR", REPO.parent / "shared" / "eval"))


def half(doc_id: str) -> str:
    """Half "A" or "B" of a document: sha1 of its id, even or odd (as eval_quotes.py splits)."""
    return "AB"[int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 2]


def export(feed: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with (
        feed.open(encoding="utf-8") as src,
        (out / "articles.jsonl").open("w", encoding="utf-8") as arts,
        (out / "facts.jsonl").open("w", encoding="utf-8") as facts,
    ):
        for line in src:
            row = json.loads(line)
            text = row["text"] or ""
            dct = date.fromisoformat(row["published"]) if row.get("published") else None
            arts.write(
                json.dumps({"id": row["id"], "story_id": "x", "body": text, "published": row.get("published")}) + "\n"
            )
            for n, t in enumerate(tag_times(text, dct)):
                facts.write(
                    json.dumps(
                        {
                            "fact_id": f"{row['id']}:t{n}",
                            "article_id": row["id"],
                            "story_id": "x",
                            "type": "time",
                            "text": t.text,
                            "sentence": "",
                            "start": t.start,
                            "end": t.end,
                            "value": t.value,
                            "timex_type": t.type,
                        }
                    )
                    + "\n"
                )


def show_errors(data: Path, out: Path, limit: int) -> None:
    """Gold timexes missed or valued differently, and system spans with no gold overlap."""
    gold = {}
    with (data / "timex-dev.gold.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            gold[row["id"]] = row
    system: dict[str, list[dict]] = {}
    with (out / "facts.jsonl").open(encoding="utf-8") as f:
        for line in f:
            fact = json.loads(line)
            system.setdefault(fact["article_id"], []).append(fact)
    shown = 0
    for doc, row in gold.items():
        text = row["text"]
        facts = system.get(doc, [])
        for g in row["timexes"]:
            hit = [s for s in facts if s["start"] < g["end"] and g["start"] < s["end"]]
            ctx = text[max(0, g["start"] - 40) : g["end"] + 30].replace("\n", " ")
            if not hit:
                print(f"MISS {row['published']} {g['text']!r} {g['type']} {g['value']} | {ctx}")
            elif hit[0]["value"] != g["value"]:
                print(
                    f"VAL  {row['published']} {g['text']!r}->{hit[0]['text']!r} gold {g['value']} "
                    f"sys {hit[0]['value']} | {ctx}"
                )
            else:
                continue
            shown += 1
        for s in facts:
            if not any(s["start"] < g["end"] and g["start"] < s["end"] for g in row["timexes"]):
                ctx = text[max(0, s["start"] - 40) : s["end"] + 30].replace("\n", " ")
                print(f"FP   {row['published']} {s['text']!r} {s['value']} | {ctx}")
                shown += 1
        if shown >= limit:
            break


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_EVAL / "data")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--halves", action="store_true", help="also score halves A and B (sha1 of the id)")
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="timex-"))
    export(args.data / "timex-dev.jsonl", out)
    if args.errors:
        show_errors(args.data, out, args.errors)
    scorer = args.data.parent / "score.py"
    gold = args.data / "timex-dev.gold.jsonl"
    rc = subprocess.call([sys.executable, str(scorer), "timex", "--gold", str(gold), "--export", str(out)])
    if args.halves and rc == 0:
        for name in "AB":
            part = out / f"gold-{name}.jsonl"
            with gold.open(encoding="utf-8") as src, part.open("w", encoding="utf-8") as dst:
                dst.writelines(line for line in src if line.strip() and half(json.loads(line)["id"]) == name)
            print(f"--- half {name}" + (" (held out)" if name == "B" else ""), flush=True)
            rc = rc or subprocess.call(
                [sys.executable, str(scorer), "timex", "--gold", str(part), "--export", str(out)]
            )
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
