"""Train the quote cue model (``storyline/extract/quotes_model.py``) on half A of quotes-dev.

    .venv/bin/python benchmarks/train_quotes.py [--c 1.0] [--gate 0.3] [--tune] [--out PATH]

Half A (sha1 of the article id even, as in ``eval_quotes.py --halves``) is the only training data;
half B stays the held-out report. Each candidate word of a sentence (``quotes_model.is_candidate``)
is an example; it is positive when it is the first candidate word of a gold cue span. scikit-learn's
LogisticRegression fits the weights, which are written as JSON (small weights pruned).

``--tune`` picks the probability gate: half A is split in two by a second hash, a model trained on
each part scores the other (so the gate is not set on training predictions), and for each gate the
shared scorer is run on half A with the rules plus the model; the gate with the best source F1 wins.
Needs scikit-learn (a development dependency only: storyline applies the weights without it).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from storyline.extract.quotes import _rejoined, find_quotes, rule_spans
from storyline.extract.quotes_cues import quote_spans
from storyline.extract.quotes_fast import tokens
from storyline.extract.quotes_model import MODEL_PATH, CueModel, features, is_candidate, quote_marks
from storyline.extract.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = Path(os.environ.get("STORYLINE_EVAL_DIR", ROOT.parent / "shared" / "eval"))
GOLD = EVAL_DIR / "data" / "quotes-dev.gold.jsonl.gz"
# Weights smaller than this are dropped from the JSON (124k -> 77k weights, 1.9 MB); half B source F1
# 0.697 with the pruned file (set by hand, not swept).
PRUNE = 0.05
# The gate written into the bundled model: out-of-fold sweep on half A (--tune, C=1) gave source F1
# 0.683 at 0.20-0.30 (0.6827, 0.6830, 0.6826), 0.680 at 0.40, 0.678 at 0.50; 0.30 is the plateau's
# edge on the precise side, as the model fitted on all of half A is more confident than the fold models.
GATE = 0.3
GATES = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)


def half(article_id: str) -> str:
    return "AB"[int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 2]


def fold(article_id: str) -> int:
    return int(hashlib.sha1(("fold:" + article_id).encode()).hexdigest(), 16) % 2


def gold_rows(part: str) -> Iterator[dict[str, object]]:
    with gzip.open(GOLD, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if half(row["id"]) == part:
                yield row


def examples(row: dict[str, object], rule_free: bool = False) -> Iterator[tuple[list[str], int]]:
    """Features and label of each candidate word; with ``rule_free`` only in the sentences where no
    rule fires (the only ones the model sees at run time)."""
    text = str(row["text"] or "")
    heads: list[tuple[int, int]] = []
    for a in row["attributions"]:  # type: ignore[attr-defined]
        for s, e in a.get("cue_span") or []:
            heads.append((s, e))
    quotes = quote_spans(text)
    sentences = _rejoined(text, split_sentences(text))
    taken = rule_spans(text, quotes, sentences) if rule_free else []
    for sent in sentences:
        if any(a < sent.end and sent.start < b for a, b in taken):
            continue
        toks = tokens(sent.text)
        inside = [(a - sent.start, b - sent.start) for a, b in quotes if a < sent.end and sent.start < b]
        marks = quote_marks(toks, inside)
        seen_span: set[tuple[int, int]] = set()
        for i, tok in enumerate(toks):
            if marks[i] or not is_candidate(tok):
                continue
            at = sent.start + tok.start
            span = next((h for h in heads if h[0] <= at < h[1]), None)
            if span is not None and span in seen_span:
                continue  # a later word of a cue already counted ("railed" of "has railed against")
            label = 0
            if span is not None:
                seen_span.add(span)
                label = 1
            yield features(sent.text, toks, i, marks), label


def fit(rows: list[dict[str, object]], c: float, rule_free: bool = False) -> CueModel:
    feats: list[dict[str, int]] = []
    labels: list[int] = []
    for row in rows:
        for f, y in examples(row, rule_free):
            feats.append(dict.fromkeys(f, 1))
            labels.append(y)
    vec = DictVectorizer()
    x = vec.fit_transform(feats).tocsr()
    x.indices = x.indices.astype(np.int32)  # liblinear takes 32-bit indices only
    x.indptr = x.indptr.astype(np.int32)
    clf = LogisticRegression(C=c, max_iter=300, solver="liblinear", random_state=0)
    clf.fit(x, labels)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) >= PRUNE}
    print(f"trained on {len(rows)} articles, {len(labels)} candidates ({sum(labels)} cue heads), "
          f"{len(weights)} of {len(names)} weights kept", file=sys.stderr)
    return CueModel(weights, round(float(clf.intercept_[0]), 4), 0.5)


def source_f1(rows: list[dict[str, object]], models: dict[int, CueModel], gate: float, work: Path) -> str:
    """The scorer's source line on ``rows`` with the rules plus each row's out-of-fold model."""
    gated = {k: CueModel(m.weights, m.bias, gate) for k, m in models.items()}
    with open(work / "articles.jsonl", "w", encoding="utf-8") as arts, \
            open(work / "facts.jsonl", "w", encoding="utf-8") as facts, \
            open(work / "gold.jsonl", "w", encoding="utf-8") as gold:
        for row in rows:
            rid, text = str(row["id"]), str(row["text"] or "")
            gold.write(json.dumps(row) + "\n")
            arts.write(json.dumps({"id": rid, "story_id": rid, "body": text}) + "\n")
            for k, a in enumerate(find_quotes(text, mode="fast", cue_model=gated[1 - fold(rid)])):
                facts.write(json.dumps({
                    "fact_id": f"{rid}-q{k}", "article_id": rid, "story_id": rid,
                    "type": "quote" if a.direct else "attribution", "text": text[a.content_start:a.content_end],
                    "start": a.content_start, "end": a.content_end, "speaker": a.speaker, "content": a.content,
                }) + "\n")
    out = subprocess.run([sys.executable, str(EVAL_DIR / "score.py"), "quotes", "--gold", str(work / "gold.jsonl"),
                          "--export", str(work)], check=True, capture_output=True, text=True).stdout
    return " | ".join(line for line in out.splitlines() if line.startswith(("source F1", "content token")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    # C=1.0: out-of-fold half A source F1 0.678 against 0.677 for C=0.3 (gate 0.3, before the passive and
    # speaker filters of quotes_model); not swept further.
    parser.add_argument("--c", type=float, default=1.0, help="inverse L2 strength of the logistic regression")
    parser.add_argument("--gate", type=float, default=GATE, help="probability gate written into the model")
    parser.add_argument("--rule-free", action="store_true", help="train only on sentences where no rule fires")
    parser.add_argument("--tune", action="store_true", help="sweep the gate with out-of-fold models on half A")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    rows = list(gold_rows("A"))
    if args.tune:
        models = {k: fit([r for r in rows if fold(str(r["id"])) == k], args.c, args.rule_free) for k in (0, 1)}
        with tempfile.TemporaryDirectory() as tmp:
            for gate in GATES:
                print(f"gate {gate:.2f}: {source_f1(rows, models, gate, Path(tmp))}", flush=True)
    model = fit(rows, args.c, args.rule_free)
    model = CueModel(model.weights, model.bias, args.gate)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        json.dump(model.to_json(), fh, separators=(",", ":"), sort_keys=True)
    print(f"wrote {args.out} (gate {model.threshold})")


if __name__ == "__main__":
    main()
