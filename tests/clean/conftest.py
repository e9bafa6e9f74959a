"""Fixtures for the clean tests: small pages written for these tests (no third-party text)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storyline.clean import Cleaner, TemplateMemory
from storyline.clean.linemodel import LineModel

NAV = ["Home", "World", "Politics", "Business", "Sports", "Subscribe", "Sign in"]
BODY = [
    "The city council of Eastbrook voted on Tuesday to rebuild the old river bridge, ending a debate "
    "that had divided residents for more than two years.",
    "The new bridge will carry two lanes of traffic and a separate path for cyclists, according to "
    "plans presented by the council's engineering office.",
    "Mayor Ana Petrova said the vote showed that the town could still agree on large projects, and "
    "she thanked the residents who had attended the public hearings.",
    "Construction is expected to begin in the spring and to last about eighteen months, officials said.",
]
FOOTER = [
    "Related stories",
    "Storm closes mountain pass for the second time this week",
    "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    "Copyright © 2023 Eastbrook Courier. All rights reserved.",
    "Privacy Policy | Terms of Use | Contact us",
]


def make_page(
    title: str,
    body: list[str],
    byline: str = "By Ana Lopez and Marc Weber | March 14, 2023",
    extra_top: list[str] | None = None,
) -> str:
    parts = [*NAV, *(extra_top or []), title, byline, *body, *FOOTER]
    return "\n\n".join(parts) + "\n"


@pytest.fixture(scope="session")
def model() -> LineModel:
    return LineModel.load_default()


@pytest.fixture
def cleaner(model: LineModel) -> Cleaner:
    return Cleaner(None, TemplateMemory(), model)


def eval_dir() -> Path:
    root = Path(__file__).resolve().parents[2]
    return Path(os.environ.get("STORYLINE_EVAL_DIR", str(root / ".." / "shared" / "eval"))).resolve()
