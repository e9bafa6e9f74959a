"""A small trained cue finder that adds attributions where the rules find none.

The rules (``quotes_fast``) know a cue lexicon; PolNeAR's cues are a long tail ("has railed
against", "is eager", "made the case for"). Here a logistic model scores each content word of a
sentence the rules left empty as the head of an attribution cue. Its features are the word, a
crude lemma, its neighbours, word shapes, the cue lexicon, the quote marks around it and what stands
on its subject side (``quotes_features``). Weights are trained by ``benchmarks/train_quotes.py``
(scikit-learn, half A of quotes-dev only) and stored as JSON: applying them needs only a dict lookup per
feature.

By default (``find_quotes`` with the bundled models) every cue scored ``JUDGE_CUE_FLOOR`` or more gets
a speaker and content proposed by ``quotes_attr`` and is kept when the trained judge accepts it. With a
cue model and no judge, the speaker is the noun phrase (or pronoun) on its subject side, when it is
named or determined, and the content the clause after it (or, when nothing follows, the words before
the speaker), found with the rules' own helpers (``quotes_strict``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

from storyline.errors import StorylineError
from storyline.extract.quotes_attr import ATTR_MODEL_PATH, Proposal, judge_features, propose
from storyline.extract.quotes_fast import RuleHit
from storyline.extract.quotes_features import (
    bucket,
    is_candidate,
    lemma,
    lexicon_kind,
    marked_range,
    quote_marks,
    subject_kind,
    subject_side,
    word_shape,
)
from storyline.extract.quotes_strict import build_hit
from storyline.extract.quotes_words import Tok, tokens
from storyline.extract.sentences import Sentence

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "quotes" / "cue_model.json"


class QuoteModelError(StorylineError):
    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"cannot read the quote cue model {path}: {why}")


@dataclass(frozen=True, slots=True)
class CueModel:
    """Logistic weights by feature name; ``threshold`` gates which cues become attributions."""

    weights: dict[str, float]
    bias: float
    threshold: float
    # the weights split by feature template, built on first use by ``sentence_probabilities``
    _tables: _CueTables | None = field(default=None, compare=False, repr=False)

    def probability(self, feats: Sequence[str]) -> float:
        z = self.bias + sum(map(self.weights.get, feats, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def tables(self) -> _CueTables:
        if self._tables is None:
            object.__setattr__(self, "_tables", _CueTables(self.weights))
        assert self._tables is not None
        return self._tables

    def to_json(self) -> dict[str, object]:
        return {"bias": self.bias, "threshold": self.threshold, "weights": self.weights}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> CueModel:
        weights = data["weights"]
        if not isinstance(weights, dict):
            raise TypeError("weights must be an object")
        return cls(
            {str(k): float(v) for k, v in weights.items()}, float(str(data["bias"])), float(str(data["threshold"]))
        )


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> CueModel:
    """The bundled cue model (read once per process and path)."""
    try:
        with open(path, encoding="utf-8") as fh:
            return CueModel.from_json(json.load(fh))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise QuoteModelError(path, str(exc)) from exc


def load_judge() -> CueModel | None:
    """The bundled attribution judge (``quotes_attr``), or None when it is not installed."""
    return load_model(ATTR_MODEL_PATH) if ATTR_MODEL_PATH.exists() else None


def sentence_probabilities(
    model: CueModel,
    sent: Sentence,
    toks: Sequence[Tok],
    inside: Sequence[tuple[int, int]],
    least_own: float = -math.inf,
    least_near: float = -math.inf,
) -> list[tuple[int, float]]:
    """(token index, probability) for every candidate cue head of the sentence whose own weights (bias,
    word, lemma, suffix, lexicon kind: the features that do not look at the context) reach ``least_own``
    and, with those of the next and previous words added, ``least_near``.

    The same figures as ``model.probability(features(...))`` (a test holds them equal), read from the
    weights split by template (``_CueTables``) without building the feature strings: the cue model
    scored every content word of every sentence and was half of ``find_quotes``' time on quotes-dev.
    """
    tables = model.tables()
    s = sent.text
    toks = toks if isinstance(toks, list) else list(toks)
    marks = quote_marks(toks, inside)
    first, last = marked_range(marks)
    n = len(toks)
    bias = model.bias
    t_p1, t_p2, t_n1, t_n2 = tables.p1, tables.p2, tables.n1, tables.n2
    t_p1w, t_wn1, t_ln1, t_p1l, t_kn1 = tables.p1w, tables.wn1, tables.ln1, tables.p1l, tables.kn1
    t_subj, t_subjl, t_subjk, t_q, t_ql = tables.subj, tables.subjl, tables.subjk, tables.q, tables.ql
    t_sh, t_pos, t_rem, t_possubj = tables.sh, tables.pos, tables.rem, tables.possubj
    out = []
    for i, tok in enumerate(toks):
        if marks[i] or not is_candidate(tok):
            continue
        low = tok.low
        lem, kind, z = tables.word(low)
        z += bias
        if z < least_own:
            continue
        p1 = toks[i - 1].low if i > 0 else "<s>"
        n1 = toks[i + 1].low if i + 1 < n else "</s>"
        z += (
            t_p1.get(p1, 0.0)
            + t_n1.get(n1, 0.0)
            + t_p1w.get((p1, low), 0.0)
            + t_wn1.get((low, n1), 0.0)
            + t_ln1.get((lem, n1), 0.0)
            + t_p1l.get((p1, lem), 0.0)
            + t_kn1.get((kind, n1), 0.0)
        )
        if z < least_near:
            continue
        p2 = toks[i - 2].low if i > 1 else "<s>"
        n2 = toks[i + 2].low if i + 2 < n else "</s>"
        subj = subject_kind(s, toks, i)
        q = ("b" if first < i else "") + ("a" if last > i else "") or "none"
        sh = word_shape(toks[i - 1].text if i > 0 else "") + word_shape(toks[i + 1].text if i + 1 < n else "")
        pos = bucket(i)
        z += (
            t_p2.get(p2, 0.0)
            + t_n2.get(n2, 0.0)
            + t_sh.get(sh, 0.0)
            + t_subj.get(subj, 0.0)
            + t_subjl.get((subj, lem), 0.0)
            + t_subjk.get((subj, kind), 0.0)
            + t_q.get(q, 0.0)
            + t_ql.get((q, lem), 0.0)
            + t_pos.get(pos, 0.0)
            + t_rem.get(bucket(n - i - 1), 0.0)
            + t_possubj.get(pos + subj, 0.0)
        )
        out.append((i, 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0))
    return out


# Feature templates whose value pairs two words ("p1w=" + previous word + "|" + word); the side that
# is always a candidate word or one of a few fixed values holds no "|", so the split is at the "|" next to it.
_PAIRS_SPLIT_LAST = ("p1w", "p1l")  # the previous word may itself be "|"
_PAIRS_SPLIT_FIRST = ("wn1", "ln1", "kn1", "subjl", "subjk", "ql")
# Word-level entries cached per model; the cache is emptied when it grows past this (a long stream).
_WORD_CACHE_SIZE = 50_000


class _CueTables:
    """A cue model's weights by template, keyed by the feature's value (pairs as tuples)."""

    def __init__(self, weights: dict[str, float]) -> None:
        by: dict[str, dict[Any, float]] = {}
        for name, w in weights.items():
            template, _, value = name.partition("=")
            key: Any = value
            if template in _PAIRS_SPLIT_LAST:
                a, _, b = value.rpartition("|")
                key = (a, b)
            elif template in _PAIRS_SPLIT_FIRST:
                a, _, b = value.partition("|")
                key = (a, b)
            by.setdefault(template, {})[key] = w
        self.w, self.l, self.s3, self.k = (by.get(t, {}) for t in ("w", "l", "s3", "k"))
        self.p1, self.p2, self.n1, self.n2 = (by.get(t, {}) for t in ("p1", "p2", "n1", "n2"))
        self.p1w, self.wn1, self.ln1, self.p1l = (by.get(t, {}) for t in ("p1w", "wn1", "ln1", "p1l"))
        self.kn1, self.subj, self.subjl, self.subjk = (by.get(t, {}) for t in ("kn1", "subj", "subjl", "subjk"))
        self.q, self.ql, self.sh = (by.get(t, {}) for t in ("q", "ql", "sh"))
        self.pos, self.rem, self.possubj = (by.get(t, {}) for t in ("pos", "rem", "pos|subj"))
        self._words: dict[str, tuple[str, str, float]] = {}

    def word(self, low: str) -> tuple[str, str, float]:
        """(lemma, cue kind, the weights of the word's own features: w, l, s3, k)."""
        hit = self._words.get(low)
        if hit is None:
            lem, kind = lemma(low), lexicon_kind(low)
            z = self.w.get(low, 0.0) + self.l.get(lem, 0.0) + self.s3.get(low[-3:], 0.0) + self.k.get(kind, 0.0)
            if len(self._words) >= _WORD_CACHE_SIZE:
                self._words.clear()
            hit = self._words[low] = (lem, kind, z)
        return hit


# Verbs of seeming and becoming describe, they do not attribute ("Trump seems to be winning"); on
# quotes-dev half A the model's "seems/seemed/appears/appeared" cues were right 5 times in 63.
_NOT_CUES = {"seem", "appear", "become", "becom", "remain"}  # "becom": lemma() of "becomes"

# Candidates closer than this many tokens to an accepted cue are taken as the same cue ("has railed
# against"): set by hand, PolNeAR cues are rarely longer than four words.
_MIN_CUE_GAP = 4


def model_hits(
    model: CueModel,
    sent: Sentence,
    quotes: Sequence[tuple[int, int]] = (),
    judge: CueModel | None = None,
    busy: bool = False,
) -> list[RuleHit]:
    """Attributions whose cue the model accepts. With a ``judge`` (``quotes_attr``), every cue above
    ``JUDGE_CUE_FLOOR`` gets a proposed speaker and content, kept when the judge accepts them; without
    one, cues above the model's gate get ``build_hit``'s strict speaker."""
    s = sent.text
    toks = tokens(s)
    taken: list[int] = []
    hits: list[RuleHit] = []
    floor = model.threshold if judge is None else JUDGE_CUE_FLOOR
    for i, p in _scored(model, sent, toks, quotes, floor):
        if any(abs(i - k) < _MIN_CUE_GAP for k in taken):
            continue
        hit: RuleHit | None
        if judge is None:
            hit = build_hit(sent, toks, i)
        else:
            judged_one = _judge_one(sent, toks, i, p, busy)
            hit = judged_one[0].hit if judged_one and judge.probability(judged_one[1]) >= judge.threshold else None
        if hit is not None:
            taken.append(i)
            hits.append(hit)
    return hits


# Cues scored below this never reach the judge (which is trained on proposals from 0.1 up): quotes-dev half B
# (held out) source F1 0.7058 at 0.10, 0.7078 at 0.15, 0.7079 at 0.20, 0.7062 at 0.25 (judge gate 0.35),
# and fewer proposals to build; half A 0.7509, 0.7549, 0.7563, 0.7573.
JUDGE_CUE_FLOOR = 0.2


# A cascade: a candidate whose own weights (bias and the word's context-free features) sum below this is
# not scored in context. On quotes-dev it leaves out 24% of the candidates; of the cues that would reach
# JUDGE_CUE_FLOOR, half A loses 18 in 12,370 and half B 6 in 12,765; source F1 (eval_quotes.py --halves)
# A 0.7771 -> 0.7770, B 0.7261 unchanged. At -3.5 half the candidates go, and A 0.7762, B 0.7260.
CASCADE_OWN = -4.0
# Its second step: the own weights plus those of the neighbouring words (p1, n1 and their pairs with the
# word). On quotes-dev it leaves out a further 32% of the candidates and none of the cues the judge
# accepted on either half (the lowest accepted sum: A -3.33, B -3.60).
CASCADE_NEAR = -4.0


def _scored(
    model: CueModel, sent: Sentence, toks: Sequence[Tok], quotes: Sequence[tuple[int, int]], floor: float
) -> list[tuple[int, float]]:
    """Candidate cue heads scored at least ``floor``, best first, verbs of seeming left out."""
    inside = [(a - sent.start, b - sent.start) for a, b in quotes if a < sent.end and sent.start < b]
    scored = sorted(sentence_probabilities(model, sent, toks, inside, CASCADE_OWN, CASCADE_NEAR), key=lambda x: -x[1])
    return [(i, p) for i, p in scored if p >= floor and lemma(toks[i].low) not in _NOT_CUES]


def _judge_one(sent: Sentence, toks: Sequence[Tok], i: int, p: float, busy: bool) -> tuple[Proposal, list[str]] | None:
    prop = propose(sent, toks, i, subject_side(sent.text, toks, i))
    if prop is None:
        return None
    strict = build_hit(sent, toks, i) is not None
    return prop, judge_features(prop, p, lemma(toks[i].low), strict, busy)


def judged(
    model: CueModel,
    sent: Sentence,
    toks: Sequence[Tok],
    quotes: Sequence[tuple[int, int]],
    busy: bool,
    floor: float = JUDGE_CUE_FLOOR,
) -> list[tuple[int, float, Proposal, list[str]]]:
    """(cue index, cue probability, proposal, judge features) for each cue above ``floor``, best first
    (the judge's training examples)."""
    out = []
    for i, p in _scored(model, sent, toks, quotes, floor):
        one = _judge_one(sent, toks, i, p, busy)
        if one is not None:
            out.append((i, p, one[0], one[1]))
    return out
