"""Evaluation gate for HTML metadata: title, author and date exact accuracy on trafilatura-eval-dev.

Runs the metadata pass alone (one lxml parse and ``htmlmeta.extract`` per page) and compares the way
``score.py cleaning`` does: titles equal after whitespace collapsing and case folding; authors joined by
"; " equal to the gold string, or the same set of names; dates the same day. Floors sit just below the
figures measured when they were set: raise them when the metadata improves, never lower them silently.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from storyline.clean import htmlbody, htmlmeta

from .conftest import eval_dir

# measured on all 990 pages (845 titles, 538 authors, 728 dates): 0.8426 / 0.6673 / 0.9066
# (halves by sha1 of page id, A tuned on / B held out: author 0.6792 / 0.6557, date 0.9425 / 0.8705)
TITLE_FLOOR = 0.835
AUTHOR_FLOOR = 0.754  # author measured 0.7546 (A 0.7321 / B 0.7766) when raised, authors session 7
# date re-measured in the sixth session: 0.9286 (id halves A 0.9534 / B 0.9036)
DATE_FLOOR = 0.925


def _ws(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip()


def _authors(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "; ".join(_ws(x) for x in value if _ws(x))
    return _ws(value)


def _same_authors(system: str, gold: str) -> bool:
    return system.lower() == gold.lower() or {x.strip().lower() for x in system.split(";")} == {
        x.strip().lower() for x in gold.split(";")
    }


def id_half(page_id: str) -> str:
    """ "A" (tuned on) or "B" (held out): the split by sha1 of the page id the metadata rules were tuned with."""
    return "A" if hashlib.sha1(page_id.encode("utf-8")).digest()[0] % 2 == 0 else "B"


def accuracies(feed: Path, gold_path: Path, half: str | None = None) -> dict[str, float]:
    """Exact title / author / date accuracy of ``htmlmeta`` over the pages whose gold value is non-empty
    (``half``: only the pages of that ``id_half``)."""
    with open(gold_path, encoding="utf-8") as handle:
        gold = {row["id"]: row for row in map(json.loads, handle) if half is None or id_half(row["id"]) == half}
    hits = {"title": 0, "author": 0, "date": 0}
    totals = {"title": 0, "author": 0, "date": 0}
    with gzip.open(feed, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            want = gold.get(row["id"])
            if want is None:
                continue
            tree = htmlbody.parse(row.get("html") or "")
            meta = htmlmeta.extract(row.get("html") or "", row.get("url"), htmlmeta.ParsedPage(tree, row.get("url")))
            if want.get("title"):
                totals["title"] += 1
                hits["title"] += _ws(meta.title).lower() == _ws(want["title"]).lower()
            if want.get("author"):
                totals["author"] += 1
                hits["author"] += _same_authors(_authors(meta.authors), _authors(want["author"]))
            if want.get("date"):
                totals["date"] += 1
                hits["date"] += (meta.published.isoformat() if meta.published else "") == str(want["date"])[:10]
    return {key: hits[key] / totals[key] for key in hits if totals[key]}


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    data = eval_dir() / "data"
    feed, gold = data / "trafilatura-eval-dev.jsonl.gz", data / "trafilatura-eval-dev.gold.jsonl"
    if not feed.exists() or not gold.exists():
        pytest.skip(f"trafilatura-eval-dev not present under {data}")
    return accuracies(feed, gold)


@pytest.mark.slow
def test_title_accuracy_floor(figures: dict[str, float]) -> None:
    assert figures["title"] >= TITLE_FLOOR


@pytest.mark.slow
def test_author_accuracy_floor(figures: dict[str, float]) -> None:
    assert figures["author"] >= AUTHOR_FLOOR


@pytest.mark.slow
def test_date_accuracy_floor(figures: dict[str, float]) -> None:
    assert figures["date"] >= DATE_FLOOR


if __name__ == "__main__":  # the figures by half: python -m tests.clean.test_meta_gate
    DATA = eval_dir() / "data"
    for part in (None, "A", "B"):
        found = accuracies(DATA / "trafilatura-eval-dev.jsonl.gz", DATA / "trafilatura-eval-dev.gold.jsonl", part)
        print(part or "all", " ".join(f"{key} {value:.4f}" for key, value in found.items()))
