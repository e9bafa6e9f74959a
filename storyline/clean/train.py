"""Rebuild ``storyline/data/clean/line_model.json`` from the dev sets (a developer tool, not run at use).

    python -m storyline.clean.train [--eval-dir ../shared/eval] [--cv] [--out PATH]

Labels: a zyte-text-dev line is body when it equals a line of the gold body; a
trafilatura-eval-text-dev line is body when it contains a ``with`` snippet and boilerplate when it
contains a ``without`` snippet (other lines of those pages are unlabelled and left out). ``--cv``
reports the body F1 of 5-fold cross-validation grouped by site on zyte-text-dev, the honest
estimate for unseen outlets; the decoder thresholds are chosen on those out-of-fold scores.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from storyline.clean.linemodel import Decoder, LineModel, _Linear, stage2_features
from storyline.clean.lines import split_lines
from storyline.clean.template import TemplateMemory, site_key
from storyline.clean.textpage import page_keys, prepare

_TOKEN = re.compile(r"\w+")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    opener: Any = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@dataclass
class Page:
    id: str
    site: str | None
    feats: np.ndarray
    words: np.ndarray
    texts: list[str]
    labels: np.ndarray  # 1 body, 0 boilerplate, -1 unlabelled
    gold: str | None


def _norm(text: str) -> str:
    return " ".join(text.split())


def load_pages(feed: Path, gold_path: Path, kind: str) -> list[Page]:
    rows = read_jsonl(feed)
    gold = {str(g["id"]): g for g in read_jsonl(gold_path)}
    memory = TemplateMemory()
    for row in rows:
        site = site_key(row.get("url"), row.get("outlet"), row["text"])
        if site:
            memory.observe(site, str(row["id"]), set(page_keys(split_lines(row["text"]))))
    pages = []
    for row in rows:
        g = gold.get(str(row["id"]))
        if g is None:
            continue
        site = site_key(row.get("url"), row.get("outlet"), row["text"])
        tp = prepare(row["text"], row.get("url"), row.get("title"), memory, site, str(row["id"]))
        texts = [line.text for line in tp.lines]
        labels = np.full(len(texts), -1, dtype=np.int64)
        if kind == "zyte":
            gold_lines = {_norm(x) for x in g["body"].split("\n") if x.strip()}
            labels[:] = [1 if t in gold_lines else 0 for t in texts]
        else:
            with_s = [_norm(x) for x in g.get("with", [])]
            without_s = [_norm(x) for x in g.get("without", [])]
            for i, t in enumerate(texts):
                if any(s and s in t for s in without_s):
                    labels[i] = 0
                elif any(s and (s in t or (len(t) > 40 and t in s)) for s in with_s):
                    labels[i] = 1
        pages.append(
            Page(str(row["id"]), site, tp.features, tp.words, texts, labels, g.get("body") if kind == "zyte" else None)
        )
    return pages


def _fit(x: np.ndarray, y: np.ndarray, c: float = 1.0) -> _Linear:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit((x - mean) / scale, y)
    return _Linear(mean, scale, clf.coef_[0].astype(np.float64), float(clf.intercept_[0]))


def fit_model(pages: list[Page], decoder: Decoder) -> LineModel:
    x1 = np.vstack([p.feats[p.labels >= 0] for p in pages])
    y1 = np.concatenate([p.labels[p.labels >= 0] for p in pages])
    stage1 = _fit(x1, y1)
    x2 = np.vstack([stage2_features(stage1.prob(p.feats), p.words)[p.labels >= 0] for p in pages])
    stage2 = _fit(x2, y1)
    return LineModel(stage1, stage2, decoder)


def shingle_prf(true: str, pred: str) -> tuple[float, float, float]:
    """TP/FP/FN of 4-token shingles normalised to sum 1 (the scorer's zyte metric)."""

    def grams(text: str) -> Counter[tuple[str, ...]]:
        toks = _TOKEN.findall(text)
        return Counter(tuple(toks[i : i + 4]) for i in range(max(1, len(toks) - 3)) if toks[i : i + 4])

    t, p = grams(true), grams(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def body_f1(tfs: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    ps = [1.0 if fp == fn == 0 else (tp / (tp + fp) if tp + fp else 0.0) for tp, fp, fn in tfs if tp + fp > 0]
    rs = [1.0 if fp == fn == 0 else (tp / (tp + fn) if tp + fn else 0.0) for tp, fp, fn in tfs if tp + fn > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def evaluate(pages: list[Page], probs: list[np.ndarray], decoder: Decoder) -> tuple[float, float, float]:
    tfs = []
    for page, p in zip(pages, probs, strict=True):
        keep = decoder.decode(p, page.words)
        body = "\n\n".join(t for t, k in zip(page.texts, keep, strict=True) if k)
        tfs.append(shingle_prf(page.gold or "", body))
    return body_f1(tfs)


def tune_decoder(pages: list[Page], probs: list[np.ndarray]) -> tuple[Decoder, float]:
    best = (Decoder(), -1.0)
    for region in (0.3, 0.4, 0.5, 0.6):
        for inside in (0.2, 0.3, 0.4, 0.5):
            for outside in (0.7, 0.8, 0.9, 0.97):
                dec = Decoder(region, inside, outside)
                f1 = evaluate(pages, probs, dec)[0]
                if f1 > best[1]:
                    best = (dec, f1)
    return best


def cross_validate(zyte: list[Page], extra: list[Page], folds: int = 5) -> tuple[list[np.ndarray], list[Page]]:
    sites = sorted({p.site or p.id for p in zyte})
    fold_of = {s: i % folds for i, s in enumerate(sites)}
    probs: dict[str, np.ndarray] = {}
    for k in range(folds):
        train = [p for p in zyte if fold_of[p.site or p.id] != k] + extra
        model = fit_model(train, Decoder())
        for p in zyte:
            if fold_of[p.site or p.id] == k:
                probs[p.id] = model.probabilities(p.feats, p.words)
    return [probs[p.id] for p in zyte], zyte


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    default_eval = os.environ.get("STORYLINE_EVAL_DIR", str(Path(__file__).resolve().parents[2] / "../shared/eval"))
    parser.add_argument("--eval-dir", default=default_eval)
    parser.add_argument("--cv", action="store_true")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "data/clean/line_model.json"))
    args = parser.parse_args(argv)
    data = Path(args.eval_dir) / "data"
    zyte = load_pages(data / "zyte-text-dev.jsonl.gz", data / "zyte-dev.gold.jsonl", "zyte")
    traf = load_pages(data / "trafilatura-eval-text-dev.jsonl.gz", data / "trafilatura-eval-dev.gold.jsonl", "traf")
    print(f"pages: zyte {len(zyte)}, trafilatura-eval-text {len(traf)}")
    decoder = Decoder()
    note = "trained by storyline.clean.train on zyte-text-dev + trafilatura-eval-text-dev"
    if args.cv:
        probs, pages = cross_validate(zyte, traf)
        f1, p, r = evaluate(pages, probs, decoder)
        print(f"5-fold site-grouped CV, default decoder: F1 {f1:.4f} P {p:.4f} R {r:.4f}")
        decoder, f1 = tune_decoder(pages, probs)
        print(f"tuned decoder {decoder}: CV F1 {f1:.4f}")
        note += f"; decoder tuned on 5-fold site-grouped CV of zyte-text-dev (body F1 {f1:.4f})"
    model = fit_model(zyte + traf, decoder)
    model.note = note
    fitted = [model.probabilities(p.feats, p.words) for p in zyte]
    print("in-sample zyte-text-dev: F1 {:.4f} P {:.4f} R {:.4f}".format(*evaluate(zyte, fitted, decoder)))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
