"""The learned line scorer and the decoder that turns line scores into one article body.

Two logistic stages, stored as plain JSON numbers in ``storyline/data/clean/line_model.json``
(no pickles): stage 1 scores each line from its own features (``lines.FEATURE_NAMES``);
stage 2 rescores it from the stage-1 scores of its neighbourhood (an article is a run of
body lines). The decoder then takes the best-scoring contiguous region (Kadane on
word-weighted margins) and keeps lines inside it above a low threshold and lines outside it
only above a high one (a body split across several containers). ``storyline.clean.train``
rebuilds the file from the dev sets.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from storyline.clean.lines import FEATURE_NAMES

STAGE2_NAMES: tuple[str, ...] = (
    "logit",
    "prev",
    "next",
    "mean3",
    "mean10",
    "mass_before",
    "mass_after",
    "max_before",
    "max_after",
)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def _window_mean(values: np.ndarray, radius: int) -> np.ndarray:
    n = len(values)
    csum = np.concatenate(([0.0], np.cumsum(values)))
    idx = np.arange(n)
    lo = np.maximum(idx - radius, 0)
    hi = np.minimum(idx + radius + 1, n)
    return (csum[hi] - csum[lo] - values) / np.maximum(hi - lo - 1, 1)


def stage2_features(p1: np.ndarray, words: np.ndarray) -> np.ndarray:
    """Context features of each line from the stage-1 probabilities of the page."""
    n = len(p1)
    out = np.zeros((n, len(STAGE2_NAMES)))
    if n == 0:
        return out
    clipped = np.clip(p1, 1e-4, 1 - 1e-4)
    out[:, 0] = np.log(clipped / (1 - clipped))
    out[:, 1] = np.concatenate(([0.0], p1[:-1]))
    out[:, 2] = np.concatenate((p1[1:], [0.0]))
    out[:, 3] = _window_mean(p1, 3)
    out[:, 4] = _window_mean(p1, 10)
    mass = p1 * np.log1p(words)
    total = float(mass.sum()) or 1.0
    cum = np.cumsum(mass)
    out[:, 5] = (cum - mass) / total
    out[:, 6] = 1.0 - cum / total
    out[:, 7] = np.concatenate(([0.0], np.maximum.accumulate(p1)[:-1]))
    out[:, 8] = np.concatenate((np.maximum.accumulate(p1[::-1])[::-1][1:], [0.0]))
    return out


@dataclass(slots=True)
class _Linear:
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    bias: float

    def prob(self, x: np.ndarray) -> np.ndarray:
        return _sigmoid(((x - self.mean) / self.scale) @ self.coef + self.bias)

    def to_json(self) -> dict[str, object]:
        return {"mean": self.mean.tolist(), "scale": self.scale.tolist(), "coef": self.coef.tolist(), "bias": self.bias}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> _Linear:
        return cls(
            np.asarray(data["mean"], dtype=np.float64),
            np.asarray(data["scale"], dtype=np.float64),
            np.asarray(data["coef"], dtype=np.float64),
            float(data["bias"]),  # type: ignore[arg-type]  # a JSON number, checked by float()
        )


@dataclass(slots=True)
class Decoder:
    """Thresholds of the region decoder; values are set by ``train`` (see the model file's note)."""

    region: float = 0.5  # margin a line adds to the region: p - region, weighted by its words
    inside: float = 0.35  # keep a line inside the region when p >= inside
    outside: float = 0.85  # keep a line outside the region when p >= outside

    def decode(self, p: np.ndarray, words: np.ndarray) -> np.ndarray:
        """Boolean mask of the lines that form the body."""
        n = len(p)
        keep = np.zeros(n, dtype=bool)
        if n == 0:
            return keep
        gain = (p - self.region) * (1.0 + np.log1p(words))
        best, best_lo, best_hi = -math.inf, 0, -1
        run, run_lo = 0.0, 0
        for i in range(n):
            if run <= 0:
                run, run_lo = 0.0, i
            run += float(gain[i])
            if run > best:
                best, best_lo, best_hi = run, run_lo, i
        if best_hi < 0 or best <= 0:
            return p >= self.outside
        keep = p >= self.outside
        keep[best_lo : best_hi + 1] |= p[best_lo : best_hi + 1] >= self.inside
        return keep


class LineModel:
    """Stage-1 and stage-2 logistic scorers plus the decoder, loaded from JSON."""

    def __init__(self, stage1: _Linear, stage2: _Linear, decoder: Decoder, note: str = "") -> None:
        self.stage1 = stage1
        self.stage2 = stage2
        self.decoder = decoder
        self.note = note

    def probabilities(self, feats: np.ndarray, words: np.ndarray) -> np.ndarray:
        if len(feats) == 0:
            return np.zeros(0)
        p1 = self.stage1.prob(feats)
        return self.stage2.prob(stage2_features(p1, words))

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(FEATURE_NAMES),
            "stage2_features": list(STAGE2_NAMES),
            "stage1": self.stage1.to_json(),
            "stage2": self.stage2.to_json(),
            "decoder": {"region": self.decoder.region, "inside": self.decoder.inside, "outside": self.decoder.outside},
            "note": self.note,
        }

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LineModel:
        if data.get("features") != list(FEATURE_NAMES) or data.get("stage2_features") != list(STAGE2_NAMES):
            raise ValueError("line model was trained on other features; rebuild it with storyline.clean.train")
        dec = data["decoder"]
        assert isinstance(dec, dict)
        stage1, stage2 = data["stage1"], data["stage2"]
        assert isinstance(stage1, dict) and isinstance(stage2, dict)
        return cls(
            _Linear.from_json(stage1),
            _Linear.from_json(stage2),
            Decoder(float(dec["region"]), float(dec["inside"]), float(dec["outside"])),
            str(data.get("note", "")),
        )

    @classmethod
    def load_default(cls) -> LineModel:
        text = resources.files("storyline").joinpath("data/clean/line_model.json").read_text(encoding="utf-8")
        return cls.from_json(json.loads(text))
