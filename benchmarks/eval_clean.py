"""Run the Cleaner on an evaluation feed and score it with the shared scorer.

    python benchmarks/eval_clean.py zyte-text-dev            # or a path to any feed .jsonl(.gz)
    python benchmarks/eval_clean.py trafilatura-eval-dev --out out/clean-traf
    python benchmarks/eval_clean.py zyte-text-dev --cv       # each page cleaned by a model not trained on its site

Observes every page first (template learning), then cleans each one, writes DIR/articles.jsonl
(id, title, authors, published, body, outlet, url, and the other contract fields as null) and runs
``score.py cleaning`` against the matching gold file. The eval kit is found through
$STORYLINE_EVAL_DIR, default ../shared/eval from the repository root.
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
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from storyline.clean import Cleaner, TemplateMemory
from storyline.clean.linemodel import LineModel
from storyline.config import CleanConfig
from storyline.errors import InputError
from storyline.model import Article

ROOT = Path(__file__).resolve().parents[1]
GOLD = {"zyte": "zyte-dev.gold.jsonl", "trafilatura-eval": "trafilatura-eval-dev.gold.jsonl"}


def eval_dir() -> Path:
    return Path(os.environ.get("STORYLINE_EVAL_DIR", str(ROOT / ".." / "shared" / "eval"))).resolve()


def read_feed(path: Path) -> list[dict[str, Any]]:
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def to_article(row: dict[str, Any]) -> Article:
    published = row.get("published")
    return Article(
        id=str(row["id"]),
        raw_text=row.get("text"),
        raw_html=row.get("html"),
        url=row.get("url"),
        feed_title=row.get("title"),
        feed_published=date.fromisoformat(published) if published else None,
        feed_outlet=row.get("outlet"),
    )


def run(
    feed: Path, out: Path, config: CleanConfig | None = None, models: Callable[[Article], LineModel] | None = None
) -> tuple[int, float]:
    """Clean every page of ``feed`` into ``out/articles.jsonl``; returns (pages, seconds cleaning).
    ``models``: the line model to clean each page with (default: the bundled one)."""
    articles = [to_article(row) for row in read_feed(feed)]
    cleaner = Cleaner(config or CleanConfig(), TemplateMemory())
    for article in articles:
        cleaner.observe(article)
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with (
        open(out / "articles.jsonl", "w", encoding="utf-8") as handle,
        open(out / "rejected.jsonl", "w", encoding="utf-8") as rejected,
    ):
        for article in articles:
            if models is not None:
                cleaner.model = models(article)
            try:
                cleaner.clean(article)
            except InputError as exc:
                rejected.write(json.dumps({"id": article.id, "reason": str(exc)}) + "\n")
                continue
            row = {
                "id": article.id,
                "story_id": None,
                "duplicate_of": None,
                "title": article.title,
                "outlet": article.outlet,
                "url": article.url,
                "published": article.published.isoformat() if article.published else None,
                "authors": article.authors,
                "body": article.body,
            }
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(articles), time.perf_counter() - start


def run_trafilatura(feed: Path, out: Path) -> tuple[int, float]:
    """The baseline side by side: trafilatura's ``bare_extraction`` (default mode, comments off) on the
    same pages (HTML, or a text page with each line a paragraph), into ``out/articles.jsonl``."""
    import trafilatura

    rows = read_feed(feed)
    out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    with open(out / "articles.jsonl", "w", encoding="utf-8") as handle:
        for row in rows:
            page = row.get("html") or "".join(f"<p>{line}</p>" for line in (row.get("text") or "").split("\n"))
            found: Any = trafilatura.bare_extraction(
                page, url=row.get("url"), include_comments=False, with_metadata=True
            )
            doc: dict[str, Any] = found.as_dict() if hasattr(found, "as_dict") else (found or {})
            author = doc.get("author")
            record = {
                "id": str(row["id"]), "story_id": None, "duplicate_of": None, "title": doc.get("title"),
                "outlet": doc.get("sitename"), "url": row.get("url"), "published": doc.get("date"),
                "authors": [a.strip() for a in author.split(";")] if author else [], "body": doc.get("text") or "",
            }  # fmt: skip
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(rows), time.perf_counter() - start


def site_half(url: str | None) -> str:
    """ "A" or "B": the site-grouped split used to tune on one half and check on the other (sha1 of the host)."""
    host = (urlsplit(url or "").hostname or "").removeprefix("www.")
    return "A" if hashlib.sha1(host.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def fold_models(folds: int = 5) -> Callable[[Article], LineModel]:
    """For each zyte-text-dev page, a line model trained as ``storyline.clean.train`` trains the bundled one
    (the same features, labels and decoder) but without the pages of that page's site fold: the other folds
    and trafilatura-eval-text-dev. Cleaning each page with its fold's model measures the whole cleaner (line
    model and rules) on outlets the model never saw, which the bundled model, trained on every dev page,
    cannot show. Needs scikit-learn (a development dependency)."""
    from storyline.clean import train

    data = eval_dir() / "data"
    zyte = train.load_pages(data / "zyte-text-dev.jsonl.gz", data / "zyte-dev.gold.jsonl", "zyte")
    traf = train.load_pages(
        data / "trafilatura-eval-text-dev.jsonl.gz", data / "trafilatura-eval-dev.gold.jsonl", "traf"
    )
    decoder = LineModel.load_default().decoder
    sites = sorted({p.site or p.id for p in zyte})  # the folds of ``train.cross_validate``
    fold_of = {s: i % folds for i, s in enumerate(sites)}
    page_fold = {p.id: fold_of[p.site or p.id] for p in zyte}
    trained = [train.fit_model([p for p in zyte if page_fold[p.id] != k] + traf, decoder) for k in range(folds)]
    return lambda article: trained[page_fold[article.id]]


def score_halves(gold: Path, out: Path) -> None:
    """Score each site half of ``gold`` on its own (gold subsets written next to the export)."""
    rows = read_feed(gold)
    for half in "AB":
        subset = out / f"gold-half-{half}.jsonl"
        with open(subset, "w", encoding="utf-8") as handle:
            for row in rows:
                if site_half(row.get("url")) == half:
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        result = subprocess.run(
            [
                sys.executable,
                str(eval_dir() / "score.py"),
                "cleaning",
                "--gold",
                str(subset),
                "--export",
                str(out),
                "--n-bootstrap",
                "0",
            ],
            capture_output=True,
            text=True,
        )
        summary = [line for line in result.stdout.splitlines() if line.startswith("SUMMARY")]
        print(f"site half {half}: {summary[-1] if summary else result.stderr.strip()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("feed", help="set name (zyte-text-dev, zyte-html-dev, trafilatura-eval-dev, ...) or path")
    parser.add_argument("--out", default=None)
    parser.add_argument("--gold", default=None)
    parser.add_argument("--no-templates", action="store_true", help="clean without template learning")
    parser.add_argument("--halves", action="store_true", help="also score the two site halves (A: tuned on, B: held)")
    parser.add_argument("--trafilatura", action="store_true", help="score trafilatura 2.3.1 instead, on the same pages")
    parser.add_argument(
        "--cv", action="store_true", help="zyte-text-dev: each page cleaned by a model not trained on its site"
    )
    args = parser.parse_args(argv)
    data = eval_dir() / "data"
    feed = Path(args.feed) if Path(args.feed).exists() else data / f"{args.feed}.jsonl.gz"
    name = feed.name.split(".jsonl")[0]
    gold = Path(args.gold) if args.gold else data / GOLD["zyte" if name.startswith("zyte") else "trafilatura-eval"]
    out = Path(args.out or ROOT / "out" / f"clean-{name}{'-trafilatura' if args.trafilatura else ''}")
    if args.trafilatura:
        pages, seconds = run_trafilatura(feed, out)
    else:
        models = fold_models() if args.cv else None
        pages, seconds = run(feed, out, CleanConfig(learn_templates=not args.no_templates), models)
    who = "trafilatura" if args.trafilatura else "storyline"
    print(f"{name}: {who} cleaned {pages} pages in {seconds:.1f} s ({pages / seconds:.1f} pages/s)")
    code = subprocess.call(
        [sys.executable, str(eval_dir() / "score.py"), "cleaning", "--gold", str(gold), "--export", str(out)]
    )
    if args.halves:
        score_halves(gold, out)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
