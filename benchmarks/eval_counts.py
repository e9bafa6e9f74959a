"""Casualty counts and places on gva-dev, per gold incident, the way the `counts` scorer reads them.

Usage: python benchmarks/eval_counts.py [--eval-dir DIR] [--limit N] [--errors killed|injured|city|region]

Per article: find_counts + casualty_summary, find_places + main_location. Per incident (gold
article_ids): killed/injured = the largest figure any of its articles states (0 when none states
one), city/region = the most frequent main location of its articles. Prints accuracies, the
per-article precision of stated killed/injured figures, and articles per second.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from storyline.extract.counts import casualty_summary, find_counts
from storyline.extract.places import find_places
from storyline.extract.places_main import main_location

REPO = Path(__file__).resolve().parents[1]


def eval_dir() -> Path:
    return Path(os.environ.get("STORYLINE_EVAL_DIR", REPO.parent / "shared" / "eval"))


def _norm_city(name: str | None) -> str:
    text = (name or "").lower().strip()
    for short, full in (("st.", "saint"), ("ft.", "fort"), ("mt.", "mount"), ("st ", "saint "), ("ft ", "fort ")):
        if text.startswith(short):
            text = full + text[len(short) :]
    return re.sub(r"\s+", " ", text)


def analyse(articles: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for aid, art in articles.items():
        dct = date.fromisoformat(art["published"]) if art.get("published") else None
        text = art.get("text") or ""
        counts = find_counts(text, None, dct)
        places = find_places(text, url=art.get("url"))
        out[aid] = {"summary": casualty_summary(counts), "location": main_location(places), "counts": counts}
    return out


def evaluate(directory: Path, limit: int | None = None) -> dict[str, float]:
    """Accuracies on gva-dev; also used by the eval gate test."""
    data = directory / "data"
    incidents = [json.loads(line) for line in (data / "gva-dev-incidents.jsonl").open(encoding="utf-8")]
    if limit:
        incidents = incidents[:limit]
    wanted = {aid for inc in incidents for aid in inc["article_ids"]}
    articles: dict[str, dict[str, Any]] = {}
    with gzip.open(data / "gva-dev.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["id"] in wanted:
                articles[row["id"]] = row
    started = time.perf_counter()
    result = analyse(articles)
    elapsed = time.perf_counter() - started
    hits: Counter[str] = Counter()
    stated: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for inc in incidents:
        rows = [result[a] for a in inc["article_ids"] if a in result]
        for key, gold in (("killed", inc["num_killed"]), ("injured", inc["num_injured"])):
            values = [r["summary"][key] for r in rows if key in r["summary"]]
            hits[key] += (max(values) if values else 0) == gold
            stated[key] += len(values)
            right[key] += sum(v == gold for v in values)
        cities = Counter(r["location"][0] for r in rows if r["location"][0])
        regions = Counter(r["location"][1] for r in rows if r["location"][1])
        city = cities.most_common(1)[0][0] if cities else None
        region = regions.most_common(1)[0][0] if regions else None
        golds = {_norm_city(c) for c in [inc["city"], *inc.get("city_alternatives", [])]}
        hits["city"] += _norm_city(city) in golds
        hits["region"] += (region or "").lower() == inc["state"].lower()
    n = len(incidents)
    figures = {f"{k}_accuracy": hits[k] / n for k in ("killed", "injured", "city", "region")}
    for key in ("killed", "injured"):
        figures[f"{key}_article_precision"] = right[key] / stated[key] if stated[key] else 0.0
        figures[f"{key}_articles_stated"] = float(stated[key])
    figures["incidents"] = float(n)
    figures["articles_per_second"] = len(articles) / elapsed if elapsed else 0.0
    return figures


def errors(directory: Path, key: str, limit: int) -> None:
    data = directory / "data"
    incidents = [json.loads(line) for line in (data / "gva-dev-incidents.jsonl").open(encoding="utf-8")]
    articles = {}
    with gzip.open(data / "gva-dev.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            articles[row["id"]] = row
    shown = 0
    for inc in incidents:
        rows = {a: articles[a] for a in inc["article_ids"] if a in articles}
        result = analyse(rows)
        if key in ("killed", "injured"):
            gold = inc[f"num_{key}"]
            values = [r["summary"].get(key) for r in result.values()]
            got = max([v for v in values if v is not None], default=0)
            if got == gold:
                continue
            print(f"== {inc['incident_id']} {key}: gold {gold} got {got} per article {values}")
            for aid, res in result.items():
                for c in res["counts"]:
                    if c.category in ("killed", "injured", "shot", "hospitalized", "killed_or_injured"):
                        print(f"   {aid[:6]} {c.category}={c.value:g} | {c.text!r}")
        else:
            gold_city = f"{inc['city']}, {inc['state']}"
            locs = [r["location"] for r in result.values()]
            if any(_norm_city(loc[0]) == _norm_city(inc["city"]) and key == "city" for loc in locs):
                continue
            if key == "region" and any((loc[1] or "").lower() == inc["state"].lower() for loc in locs):
                continue
            print(f"== {inc['incident_id']} gold {gold_city} got {locs}")
            for aid in rows:
                print("   ", rows[aid]["url"], rows[aid]["text"][:160].replace("\n", " | "))
        shown += 1
        if shown >= limit:
            return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=eval_dir())
    parser.add_argument("--limit", type=int, default=None, help="first N incidents only")
    parser.add_argument("--errors", choices=("killed", "injured", "city", "region"), default=None)
    parser.add_argument("--show", type=int, default=30, help="how many errors to print")
    args = parser.parse_args()
    if args.errors:
        errors(args.eval_dir, args.errors, args.show)
        return
    figures = evaluate(args.eval_dir, args.limit)
    print(f"{'figure':<28} value")
    for key, value in figures.items():
        print(f"{key:<28} {value:.3f}")


if __name__ == "__main__":
    main()
