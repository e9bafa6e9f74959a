"""The optional embeddings extra: lazy, offline, and off the default path."""

from __future__ import annotations

import subprocess
import sys

import pytest

from storyline.group import embed
from tests.group.conftest import COUNCIL_A, COUNCIL_B, FIRE_SOUTH, make


def test_importing_the_module_does_not_import_torch() -> None:
    code = "import sys, storyline.group.embed; assert 'torch' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_model_reads_the_title_and_lead_only() -> None:
    article = make("a", "Title", "word " * 1000, None)
    text = embed.article_text(article)
    assert text.startswith("Title\nword") and len(text) == embed.TEXT_CHARS


def test_a_missing_package_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    found = {"torch", "sentence_transformers"}  # present or not here, only the model is missing
    monkeypatch.setattr(embed, "MODEL_PACKAGE", "no_such_model_package")
    monkeypatch.setattr(embed.importlib.util, "find_spec", lambda name: object() if name in found else None)
    assert "no_such_model_package is not installed" in (embed.unavailable() or "")
    with pytest.raises(embed.EmbeddingError):
        embed.Embedder()


@pytest.mark.slow
@pytest.mark.skipif(embed.unavailable() is not None, reason="embeddings extra not installed")
def test_reports_of_one_event_are_closer_than_another_event() -> None:
    vectors = embed.Embedder().encode_articles(
        [make("a", *COUNCIL_A, None), make("b", *COUNCIL_B, None), make("s", *FIRE_SOUTH, None)]
    )
    assert vectors.shape == (3, 384)
    assert float(vectors[0] @ vectors[1]) > float(vectors[0] @ vectors[2])
