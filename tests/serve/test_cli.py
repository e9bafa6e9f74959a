"""The command line over a store (``storyline.serve.cli``); the whole run is tested in tests/test_seeds_e2e.py."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from storyline.reconcile.outlets import STATE_KEY, OutletHomes
from storyline.serve.cli import app
from storyline.store import Batch, open_store


def homes() -> OutletHomes:
    """A local station whose reports agree on their state and town, and a national outlet whose do not."""
    return OutletHomes(
        states={"kxyz-news.com": Counter({"Texas": 5}), "wire.example": Counter({"Ohio": 2, "Utah": 2})},
        stating=Counter({"kxyz-news.com": 5, "wire.example": 4}),
        towns={"kxyz-news.com": Counter({("Corpus Christi", "Texas"): 4})},
        naming=Counter({"kxyz-news.com": 4}),
    )


def test_outlets_lists_each_outlets_home_state_and_town(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store = open_store(str(db))
    store.commit(Batch(state={STATE_KEY: homes().dumps()}))
    store.close()
    result = CliRunner().invoke(app, ["outlets", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "2 outlets, 1 with a home state, 1 with a home town" in result.output
    station = next(line for line in result.output.splitlines() if "kxyz-news.com" in line)
    assert "Texas (5)" in station and "Corpus Christi" in station
    national = next(line for line in result.output.splitlines() if "wire.example" in line)
    assert "—" in national
