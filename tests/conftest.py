"""Shared fixtures: the repository paths and the shared evaluation kit (skipped when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "examples" / "seeds"
EVAL_DIR = Path(os.environ.get("STORYLINE_EVAL_DIR", ROOT.parent / "shared" / "eval"))


@pytest.fixture
def eval_dir() -> Path:
    """The shared dev sets; tests that need them skip cleanly on machines without them."""
    if not (EVAL_DIR / "score.py").exists():
        pytest.skip(f"evaluation kit not found at {EVAL_DIR} (set STORYLINE_EVAL_DIR)")
    return EVAL_DIR


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS
