"""Every dev set through the real CLI (`storyline run … --export`), scored by ../shared/eval/score.py.

    .venv/bin/python benchmarks/eval_all.py [--sets gva,ecbplus,...] [--out out/eval]

Each set gets a fresh store, so the figures are what a user gets from `storyline run FEED --export DIR`;
the table printed at the end is the README's quality table.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("STORYLINE_EVAL_DIR", ROOT.parent / "shared" / "eval"))
DATA = EVAL / "data"
STORYLINE = [sys.executable, "-m", "storyline"]

# set name -> (feed, [(scorer, gold, figures to report)])
SETS: dict[str, tuple[str, list[tuple[str, str, list[str]]]]] = {
    "zyte-text": ("zyte-text-dev.jsonl.gz", [("cleaning", "zyte-dev.gold.jsonl", ["F1", "P", "R"])]),
    "zyte-html": ("zyte-html-dev.jsonl.gz", [("cleaning", "zyte-dev.gold.jsonl", ["F1", "P", "R"])]),
    "trafilatura-eval": (
        "trafilatura-eval-dev.jsonl.gz",
        [("cleaning", "trafilatura-eval-dev.gold.jsonl", ["snippet", "title", "author", "date"])],
    ),
    "gva": (
        "gva-dev.jsonl.gz",
        [
            ("clustering", "gva-dev.gold.jsonl", ["B-cubed", "pairwise"]),
            ("counts", "gva-dev-incidents.jsonl", ["killed", "injured", "event_date", "city", "region"]),
            ("questions", "gva-dev-questions.jsonl", ["accuracy"]),
        ],
    ),
    "ecbplus": ("ecbplus-dev.jsonl", [("clustering", "ecbplus-dev.gold.jsonl", ["B-cubed", "pairwise"])]),
    "timex": ("timex-dev.jsonl", [("timex", "timex-dev.gold.jsonl", ["relaxed", "value"])]),
    "quotes": ("quotes-dev.jsonl.gz", [("quotes", "quotes-dev.gold.jsonl.gz", ["source", "content"])]),
}


def _figure(output: str, name: str) -> str:
    """The F1 (or exact accuracy) the scorer prints on the line that starts with ``name``."""
    if name == "snippet":  # trafilatura-eval: the snippet F1 is the summary line
        return output.strip().splitlines()[-1].split()[-1]
    for line in output.splitlines():
        if line.strip().lower().startswith(name.lower()):
            match = re.search(r"accuracy \(exact[^)]*\)\s+([0-9.]+)", line) or re.search(r"F1\s+([0-9.]+)", line)
            if match:
                return match.group(1)
            numbers = re.findall(r"[0-9]\.[0-9]+", line)
            if numbers:
                return numbers[0]
    return "?"


def run_set(name: str, out: Path) -> list[tuple[str, str, str, str]]:
    feed, scorers = SETS[name]
    work = out / name
    db = work / "store.db"
    for stale in work.glob("store.db*"):
        stale.unlink()
    work.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    run = subprocess.run(
        [*STORYLINE, "run", str(DATA / feed), "--db", str(db), "--export", str(work / "export"), "-q"],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        raise SystemExit(f"{name}: storyline run failed:\n{run.stderr[-2000:]}")
    rows = []
    for scorer, gold, figures in scorers:
        args = ["--gold", str(DATA / gold)]
        if scorer == "questions":
            answers = work / "answers.jsonl"
            subprocess.run(
                [*STORYLINE, "query", "--db", str(db), "--batch", str(DATA / gold), "--answers", str(answers)],
                capture_output=True,
                text=True,
                check=True,
            )
            args += ["--answers", str(answers)]
        else:
            args += ["--export", str(work / "export")]
        score = subprocess.run(
            [sys.executable, str(EVAL / "score.py"), scorer, *args], capture_output=True, text=True, check=True
        )
        (work / f"score-{scorer}.txt").write_text(score.stdout, encoding="utf-8")
        summary = score.stdout.strip().splitlines()[-1]
        detail = ", ".join(f"{f} {_figure(score.stdout, f)}" for f in figures)
        rows.append((name, scorer, detail, f"{summary.split()[-1]} ({seconds:.0f} s run)"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "eval")
    args = parser.parse_args()
    if not (EVAL / "score.py").exists():
        raise SystemExit(f"evaluation kit not found at {EVAL} (set STORYLINE_EVAL_DIR)")
    rows = []
    for name in args.sets.split(","):
        rows += run_set(name.strip(), args.out)
        print(f"done {name}", file=sys.stderr, flush=True)
    print("| set | scorer | figures | summary |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
