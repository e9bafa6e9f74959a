"""Helpers for the reliability tests: writing bad inputs, and whether the full pipeline imports yet."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest


def pipeline_available() -> bool:
    """The pipeline needs the cleaner and the extractors; skip pipeline-level tests until they import."""
    try:
        import storyline.pipeline  # noqa: F401  # imported only to see that it can be
    except ImportError:
        return False
    return True


needs_pipeline = pytest.mark.skipif(not pipeline_available(), reason="storyline.pipeline does not import yet")
needs_api = pytest.mark.skipif(
    importlib.util.find_spec("storyline.serve.api") is None, reason="storyline.serve.api is not written yet"
)


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path
