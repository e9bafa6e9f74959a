"""Kill -9 an ingest at random points, restart it, and check the store stays consistent (issue 8).

    .venv/bin/python benchmarks/crash_loop.py --articles 1905 --chunk 50 --kills 20

Builds a feed from the first ``--articles`` lines of the dev feed gva-dev.jsonl.gz (plus a few
bad lines, so rejections are checked too), runs ``storyline run`` once without interruption
(the reference store), then runs it again into a second store, sending SIGKILL at a random
moment of each run, ``--kills`` times, and finally lets it finish. After every kill the store
must be consistent, and the final store must equal the reference: same article ids, each
article in exactly one story, every story's ``article_ids`` matching the articles table, no
fact or claim without its article or story, the same rejected inputs. Prints one line per
kill and, last, ``CRASH kills=.. survived=.. articles=.. seconds=..``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = Path(os.environ.get("STORYLINE_EVAL_DIR", ROOT.parent / "shared" / "eval"))
DEV_FEED = EVAL_DIR / "data" / "gva-dev.jsonl.gz"
BAD_LINES = ['{"id": "bad-json", "text": ', '{"id": "bad-date", "text": "x", "published": "20240-01-01"}']


def build_feed(out: Path, articles: int, source: Path = DEV_FEED) -> int:
    """The first ``articles`` lines of the dev feed and two bad lines, as a plain feed."""
    lines: list[str] = []
    with gzip.open(source, "rt", encoding="utf-8") as handle:
        for line in handle:
            if len(lines) >= articles:
                break
            if line.strip():
                lines.append(line.rstrip("\n"))
    lines[len(lines) // 2 : len(lines) // 2] = BAD_LINES
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - len(BAD_LINES)


def storyline_cmd(feed: Path, db: Path) -> list[str]:
    cli = "from storyline.serve.cli import main; main()"
    return [sys.executable, "-c", cli, "run", str(feed), "--db", str(db), "-q"]


def run_env(chunk: int) -> dict[str, str]:
    env = dict(os.environ, STORYLINE_CHUNK=str(chunk), PYTHONPATH=str(ROOT))
    env.pop("STORYLINE_TOKEN", None)
    return env


@dataclass(slots=True)
class Snapshot:
    """What a store holds, reduced to what must not differ between a crashed and a clean run."""

    articles: dict[str, str]  # id -> story_id
    stories: dict[str, list[str]]  # story_id -> article_ids
    rejected: set[tuple[str, str]]
    fact_articles: set[str]
    claim_stories: set[str]
    counts: dict[str, int] = field(default_factory=dict)


def snapshot(db: Path) -> Snapshot:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        articles = dict(conn.execute("SELECT id, story_id FROM articles"))
        stories = {
            sid: json.loads(ids or "[]") for sid, ids in conn.execute("SELECT story_id, article_ids FROM stories")
        }
        rejected = {(i, r) for i, r in conn.execute("SELECT id, reason FROM rejected")}
        facts = {a for (a,) in conn.execute("SELECT DISTINCT article_id FROM facts")}
        claims = {s for (s,) in conn.execute("SELECT DISTINCT story_id FROM claims")}
        counts = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("articles", "facts", "claims")}
    finally:
        conn.close()
    return Snapshot(articles, stories, rejected, facts, claims, counts)


def consistency_errors(snap: Snapshot) -> list[str]:
    """What is wrong with one store on its own: half-written stories, orphans, duplicates."""
    errors: list[str] = []
    members: dict[str, set[str]] = {}
    for aid, sid in snap.articles.items():
        if not sid:
            errors.append(f"article {aid} has no story")
        elif sid not in snap.stories:
            errors.append(f"article {aid} is in missing story {sid}")
        members.setdefault(sid or "", set()).add(aid)
    seen: dict[str, str] = {}
    for sid, ids in snap.stories.items():
        if len(ids) != len(set(ids)):
            errors.append(f"story {sid} lists an article twice")
        for aid in ids:
            if aid in seen:
                errors.append(f"article {aid} is in stories {seen[aid]} and {sid}")
            seen[aid] = sid
        if set(ids) != members.get(sid, set()):
            errors.append(f"story {sid} article_ids {sorted(ids)} != articles table {sorted(members.get(sid, set()))}")
    for aid in snap.fact_articles - set(snap.articles):
        errors.append(f"facts of missing article {aid}")
    for sid in snap.claim_stories - set(snap.stories):
        errors.append(f"claims of missing story {sid}")
    return errors


def difference(final: Snapshot, reference: Snapshot) -> list[str]:
    """What a resumed store lacks or has extra compared with one clean run."""
    errors: list[str] = []
    missing = set(reference.articles) - set(final.articles)
    extra = set(final.articles) - set(reference.articles)
    if missing:
        errors.append(f"{len(missing)} articles lost, e.g. {sorted(missing)[:3]}")
    if extra:
        errors.append(f"{len(extra)} articles not in the clean run, e.g. {sorted(extra)[:3]}")
    # an input is stored or rejected; a stale rejection of an input stored later is counted apart
    final_rejected = {i for i, _ in final.rejected} - set(final.articles)
    reference_rejected = {i for i, _ in reference.rejected} - set(reference.articles)
    if final_rejected != reference_rejected:
        errors.append(f"rejected differ: {sorted(final_rejected ^ reference_rejected)[:3]}")
    return errors


def stale_rejections(snap: Snapshot) -> set[str]:
    """Ids both stored and listed as rejected: rejected by one run, stored by a later one."""
    return {i for i, _ in snap.rejected} & set(snap.articles)


@dataclass(slots=True)
class LoopResult:
    kills: int = 0  # SIGKILLs that hit a running ingest
    survived: int = 0  # kills after which the store was consistent
    runs: int = 0
    cycles: int = 0  # stores completed through kills and resumes, each compared with the reference
    stale: int = 0  # ids in both articles and rejected at the end (see stale_rejections)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def run_once(feed: Path, db: Path, chunk: int, timeout: float) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(storyline_cmd(feed, db), env=run_env(chunk), capture_output=True, timeout=timeout)


def crash_loop(
    feed: Path, db: Path, reference_db: Path, *, kills: int, chunk: int, seed: int = 0, timeout: float = 1800,
    log: bool = True,
) -> LoopResult:  # fmt: skip
    """Kill runs into ``db`` ``kills`` times at random moments, finish, and compare with the reference."""
    rng = random.Random(seed)
    result = LoopResult()
    started = time.monotonic()
    ref = run_once(feed, reference_db, chunk, timeout)
    if ref.returncode != 0:
        raise RuntimeError(f"reference run failed ({ref.returncode}): {ref.stderr.decode()[-2000:]}")
    clean_s = time.monotonic() - started
    total = len(snapshot(reference_db).articles)
    empty = feed.with_name("empty.jsonl")  # a run with nothing to do: start-up (spaCy, models)
    empty.write_text("", encoding="utf-8")
    noop_started = time.monotonic()
    run_once(empty, db.with_name("startup.db"), chunk, timeout)
    startup_s = time.monotonic() - noop_started
    while result.kills < kills:
        stored = len(snapshot(db).articles) if db.exists() else 0
        if stored >= total:  # this cycle is complete: check it, then start one on a fresh store
            end = snapshot(db)
            result.errors += [f"cycle: {e}" for e in consistency_errors(end) + difference(end, snapshot(reference_db))]
            result.cycles += 1
            for path in db.parent.glob(db.name + "*"):
                path.unlink()
            stored = 0
        proc = subprocess.Popen(
            storyline_cmd(feed, db), env=run_env(chunk), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        result.runs += 1
        # somewhere in start-up or in what is left of the work: a resumed run skips what is stored
        left = 1.0 - stored / max(total, 1)
        delay = rng.uniform(0.5, max(1.0, startup_s + (clean_s - startup_s) * left))
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            result.kills += 1
            errors = consistency_errors(snapshot(db)) if db.exists() else []
            if not errors:
                result.survived += 1
            result.errors += [f"after kill {result.kills}: {e}" for e in errors[:5]]
            if log:
                done = len(snapshot(db).articles) if db.exists() else 0
                print(
                    f"kill {result.kills} at {delay:.1f}s: {done} articles stored, {len(errors)} problems", flush=True
                )
            continue
        if proc.returncode != 0:
            stderr = proc.stderr.read().decode() if proc.stderr else ""
            raise RuntimeError(f"run failed ({proc.returncode}): {stderr[-2000:]}")
        if log:
            print(f"run finished before the kill at {delay:.1f}s", flush=True)
    stored = len(snapshot(db).articles) if db.exists() else 0
    final = run_once(feed, db, chunk, timeout)
    if final.returncode != 0:
        raise RuntimeError(f"final run failed ({final.returncode}): {final.stderr.decode()[-2000:]}")
    summary = re.search(rb"(\d+) read, (\d+) new, (\d+) unchanged", final.stdout)
    if summary is None or int(summary.group(3)) != stored:  # resumed: what was stored is skipped
        result.errors.append(f"final run did not skip the {stored} stored articles: {final.stdout[-300:]!r}")
    end = snapshot(db)
    result.errors += [f"final: {e}" for e in consistency_errors(end) + difference(end, snapshot(reference_db))]
    result.stale = len(stale_rejections(end))
    result.seconds = time.monotonic() - started
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400, help="dev-feed articles in the test feed")
    parser.add_argument("--chunk", type=int, default=25, help="STORYLINE_CHUNK: articles per transaction")
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, default=Path("out/crash_loop"))
    args = parser.parse_args(argv)
    if not DEV_FEED.exists():
        print(f"dev feed not found at {DEV_FEED} (set STORYLINE_EVAL_DIR)", file=sys.stderr)
        return 2
    args.workdir.mkdir(parents=True, exist_ok=True)
    for old in args.workdir.glob("*.db*"):
        old.unlink()
    feed = args.workdir / "feed.jsonl"
    n = build_feed(feed, args.articles)
    result = crash_loop(
        feed,
        args.workdir / "crash.db",
        args.workdir / "reference.db",
        kills=args.kills,
        chunk=args.chunk,
        seed=args.seed,
    )
    for error in result.errors[:20]:
        print("ERROR", error)
    print(
        f"CRASH kills={result.kills} survived={result.survived} runs={result.runs} cycles={result.cycles + 1} "
        f"articles={n} chunk={args.chunk} errors={len(result.errors)} stale_rejections={result.stale} "
        f"seconds={result.seconds:.0f}"
    )
    return 1 if result.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
