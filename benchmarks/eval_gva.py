"""gva-dev through the whole pipeline: the counts and questions scorers in one table, on both halves.

Usage: python benchmarks/eval_gva.py [--eval-dir DIR] [--work DIR] [--reuse] [--stories pipeline|gold|rules|stored]

Runs ``storyline run gva-dev.jsonl.gz --db DB --export DIR`` (a fresh database unless --reuse),
``storyline query --db DB --batch gva-dev-questions.jsonl --answers ANSWERS``, then the shared
scorers (``score.py counts`` and ``score.py questions``) on all incidents and questions and on two
halves split by sha1 of the incident id / question id (half A is the one the reconcile constants were
tuned on; half B is held out). ``--stories gold`` re-exports the same articles grouped by the gold
clusters, reconciled by ``storyline.reconcile``, to tell reconciliation errors from clustering errors.
``--stories rules`` skips the pipeline: feed text as body, the extract rules, gold clusters (the gate).
``--stories stored`` (with --reuse) re-reconciles the stored articles of the earlier run in their own stories,
bodies blanked as the pipeline stores them: a reconcile change measured in seconds, without re-extracting.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
COUNT_KEYS = ("killed", "injured", "event_date", "city", "region")


def eval_dir() -> Path:
    return Path(os.environ.get("STORYLINE_EVAL_DIR", REPO.parent / "shared" / "eval"))


def half(key: str) -> str:
    """The tuning half ("A") or the held-out half ("B") of an incident or question id."""
    return "A" if int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "B"


def _lines(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _score(kind: str, gold: Path, target: Path, data: Path) -> dict[str, float]:
    flag = "--export" if kind == "counts" else "--answers"
    out = subprocess.run(
        [sys.executable, str(data.parent / "score.py"), kind, "--gold", str(gold), flag, str(target)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if kind == "questions":
        match = re.search(r"accuracy \(exact\) ([0-9.]+)", out)
        return {"questions": float(match.group(1)) if match else float("nan")}
    figures = {}
    for key in COUNT_KEYS:
        match = re.search(rf"^{key}\s+accuracy\s+([0-9.]+)", out, re.M)
        figures[key] = float(match.group(1)) if match else float("nan")
    return figures


def run_pipeline(data: Path, work: Path, reuse: bool) -> tuple[Path, Path, float]:
    db, export = work / "gva.db", work / "export"
    started = time.perf_counter()
    if not reuse or not db.exists():
        if db.exists():
            db.unlink()
        shutil.rmtree(export, ignore_errors=True)
        feed = str(data / "gva-dev.jsonl.gz")
        cmd = [str(BIN / "storyline"), "run", feed, "--db", str(db), "--export", str(export), "-q"]
        subprocess.run(cmd, check=True)
    return db, export, time.perf_counter() - started


def gold_stories(data: Path, db: Path, export: Path, work: Path) -> Path:
    """The stored articles grouped by the gold clusters and reconciled again: reconciliation alone."""
    from storyline.store import open_store

    cluster = {row["id"]: f"g{row['cluster']}" for row in _lines(data / "gva-dev.gold.jsonl")}
    store = open_store(str(db))
    articles = store.articles(ids=[row["id"] for row in _lines(export / "articles.jsonl")])
    members: dict[str, list[Any]] = defaultdict(list)
    for a in articles:
        a.story_id = cluster.get(a.id, f"s{a.id}")
        members[a.story_id].append(a)
    out = work / "gold_export"
    out.mkdir(exist_ok=True)
    return _reconciled_export(articles, members, out)


def gold_answers(data: Path, export: Path, work: Path) -> Path:
    """Answers to the questions over an export's stories, by the query code ``storyline query`` uses."""
    from storyline.model import Claim, Location, Story
    from storyline.reconcile.query import EventQuery, matches, period_bounds

    claims: dict[str, list[Claim]] = defaultdict(list)
    for c in _lines(export / "claims.jsonl"):
        claims[c["story_id"]].append(Claim(c["story_id"], c["slot"], c["value"], c["status"]))
    stories = [
        Story(
            s["story_id"],
            location=Location(**s["location"]),
            event_date=date.fromisoformat(s["event_date"]) if s["event_date"] else None,
            claims=claims[s["story_id"]],
        )
        for s in _lines(export / "stories.jsonl")
    ]
    rows = []
    for q in _lines(data / "gva-dev-questions.jsonl"):
        query = EventQuery.from_json(q)
        bounds = period_bounds(query.period) if query.period else None
        rows.append({"qid": q["qid"], "answer": sum(matches(s, query, bounds) for s in stories)})
    return _write(work / "gold_answers.jsonl", rows)


def stored_stories(db: Path, export: Path, work: Path) -> Path:
    """The stored articles of a pipeline run re-reconciled in the stories the run gave them, without bodies."""
    from storyline.store import open_store

    store = open_store(str(db))
    articles = store.articles(ids=[row["id"] for row in _lines(export / "articles.jsonl")], raw=False)
    members: dict[str, list[Any]] = defaultdict(list)
    for a in articles:
        a.body = None  # reconcile reads facts, titles and fact sentences, never the body
        members[a.story_id or f"s{a.id}"].append(a)
    out = work / "stored_export"
    out.mkdir(exist_ok=True)
    return _reconciled_export(articles, members, out)


def rules_export(data: Path, work: Path) -> Path:
    """Without the pipeline: the feed text as body (title = first line), the extract stage's rules,
    stories = the gold clusters. Fast enough for the eval gate; it measures extraction and
    reconciliation, not cleaning or clustering."""
    from storyline.config import ExtractConfig
    from storyline.export import claim_json, story_json
    from storyline.extract.stage import Extractor
    from storyline.model import Article
    from storyline.reconcile import reconcile_story

    cluster = {row["id"]: f"g{row['cluster']}" for row in _lines(data / "gva-dev.gold.jsonl")}
    extractor = Extractor(ExtractConfig())
    members: dict[str, list[Article]] = defaultdict(list)
    for row in _lines(data / "gva-dev.jsonl.gz"):
        title, _, body = (row.get("text") or "").partition("\n\n")
        published = date.fromisoformat(row["published"]) if row.get("published") else None
        article = Article(
            id=row["id"],
            url=row.get("url"),
            title=title.strip(),
            body=body.strip() or title,
            feed_published=published,
            outlet=row.get("outlet"),
        )
        extractor.process(article)
        article.story_id = cluster.get(article.id, f"s{article.id}")
        members[article.story_id].append(article)
    out = work / "rules_export"
    out.mkdir(parents=True, exist_ok=True)
    homes = _homes([a for arts in members.values() for a in arts])
    stories = [reconcile_story(sid, arts, homes) for sid, arts in sorted(members.items())]
    _write(out / "articles.jsonl", [{"id": a.id, "story_id": sid} for sid, arts in members.items() for a in arts])
    _write(out / "stories.jsonl", [story_json(s) for s in stories])
    claims = [json.loads(json.dumps(claim_json(c), default=str)) for s in stories for c in s.claims]
    _write(out / "claims.jsonl", claims)
    return out


def figures(data: Path, work: Path, export: Path, answers: Path) -> dict[str, dict[str, float]]:
    """The counts and questions scorers on all incidents/questions and on halves A and B."""
    incidents = _lines(data / "gva-dev-incidents.jsonl")
    questions = _lines(data / "gva-dev-questions.jsonl")
    rows: dict[str, dict[str, float]] = {}
    for name in ("all", "A", "B"):
        inc = [i for i in incidents if name == "all" or half(str(i["incident_id"])) == name]
        qs = [q for q in questions if name == "all" or half(str(q["qid"])) == name]
        gold_inc = _write(work / f"incidents_{name}.jsonl", inc)
        gold_q = _write(work / f"questions_{name}.jsonl", qs)
        rows[name] = _score("counts", gold_inc, export, data) | _score("questions", gold_q, answers, data)
        rows[name]["n"] = len(inc)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=eval_dir())
    parser.add_argument("--work", type=Path, default=Path("/tmp/storyline-eval-gva"))
    parser.add_argument("--reuse", action="store_true", help="score the database of an earlier run")
    parser.add_argument("--stories", choices=("pipeline", "gold", "rules", "stored"), default="pipeline")
    args = parser.parse_args()
    data = args.eval_dir / "data"
    if not (data / "gva-dev.jsonl.gz").exists():
        sys.exit(f"no gva-dev set under {data}")
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if args.stories == "rules":
        export = rules_export(data, args.work)
        answers = gold_answers(data, export, args.work)
        seconds = time.perf_counter() - started
    else:
        db, export, seconds = run_pipeline(data, args.work, args.reuse)
        if args.stories in ("gold", "stored"):
            if args.stories == "gold":
                export = gold_stories(data, db, export, args.work)
            else:
                export = stored_stories(db, export, args.work)
            answers = gold_answers(data, export, args.work)
        else:
            answers = args.work / "answers.jsonl"
            cmd = [str(BIN / "storyline"), "query", "--db", str(db), "--batch", str(data / "gva-dev-questions.jsonl")]
            subprocess.run([*cmd, "--answers", str(answers)], check=True, capture_output=True)
    rows = figures(data, args.work, export, answers)
    print(f"gva-dev, stories from the {args.stories}; run {seconds:.0f} s")
    print(f"{'half':<5} {'incidents':>9} " + " ".join(f"{k:>10}" for k in (*COUNT_KEYS, "questions")))
    for name, row in rows.items():
        values = " ".join(f"{row[k]:>10.4f}" for k in (*COUNT_KEYS, "questions"))
        print(f"{name:<5} {int(row['n']):>9} {values}")


def _homes(articles: list[Any]) -> Any:
    """Where the outlets report from, learned from all the articles at once (as one pipeline chunk learns it)."""
    from storyline.reconcile import article_place
    from storyline.reconcile.outlets import OutletHomes

    homes = OutletHomes()
    for a in articles:
        homes.observe(a, article_place(a))
    return homes


def _reconciled_export(articles: list[Any], members: dict[str, list[Any]], out: Path) -> Path:
    """Reconcile each story of ``members`` and write the export files score.py reads."""
    from storyline.export import claim_json, story_json
    from storyline.reconcile import reconcile_story

    homes = _homes(articles)
    stories = [reconcile_story(sid, arts, homes) for sid, arts in sorted(members.items())]
    _write(out / "articles.jsonl", [{"id": a.id, "story_id": a.story_id} for a in articles])
    _write(out / "stories.jsonl", [story_json(s) for s in stories])
    claims = [json.loads(json.dumps(claim_json(c), default=str)) for s in stories for c in s.claims]
    _write(out / "claims.jsonl", claims)
    return out


if __name__ == "__main__":
    main()
