"""Docs are tested: every CLI command has help text and is shown in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.main import get_command

from storyline.serve.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help(name: str) -> None:
    command = get_command(app).commands[name]  # type: ignore[attr-defined]
    assert command.help and len(command.help) > 20


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_in_readme(name: str) -> None:
    assert f"storyline {name}" in README


def test_readme_names_the_two_commands() -> None:
    assert "make demo" in README and "make test" in README
