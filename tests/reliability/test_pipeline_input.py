"""Bad inputs through the whole pipeline: each gets a ``rejected.jsonl`` entry with a reason,
and the good inputs of the same run are stored and exported (issue 8)."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.conftest import needs_pipeline, write

pytestmark = needs_pipeline

GOOD = (
    "Two people were injured on Tuesday when a car struck a bus shelter on Main Street in Springfield, "
    "police said. Officers said the driver stayed at the scene. "
)


def _bad_folder(root: Path) -> Path:
    folder = root / "inputs"
    folder.mkdir()
    write(folder / "good.txt", "Bus shelter crash\n\n" + GOOD * 4)
    write(folder / "empty.txt", b"")
    write(folder / "binary.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    write(
        folder / "russian.html",
        ("<html><body><h1>Обстрел</h1><p>" + "Ночью город обстреляли. " * 20 + "</p>").encode("cp1251"),
    )
    write(folder / "deep.html", "<html><body>" + "<div>" * 10_000 + f"<p>{GOOD * 3}</p>" + "</div>" * 10_000)
    write(folder / "nul.txt", ("Crash report\n\n" + GOOD * 3).replace("injured", "inj\x00ured"))
    lines = [
        json.dumps({"id": "feed-good", "text": "Shelter crash\n\n" + GOOD * 3, "published": "2024-05-07"}),
        "{not json at all",
        json.dumps({"id": "year-20240", "text": GOOD, "published": "20240-05-07"}),
        json.dumps({"id": "no-body", "title": "only a title"}),
        '{"id": "surrogate", "text": "Lone \\ud800 half. ' + GOOD + '"}',
        "[" * 50_000 + "]" * 50_000,
    ]
    write(folder / "feed.jsonl", "\n".join(lines) + "\n")
    whole = gzip.compress("".join(json.dumps({"id": f"z{i}", "text": GOOD * 2}) + "\n" for i in range(50)).encode())
    write(folder / "cut.jsonl.gz", whole[: len(whole) // 2])
    return folder


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, str]], set[str]]:
    from storyline.app import Storyline

    root = tmp_path_factory.mktemp("bad")
    folder = _bad_folder(root)
    with Storyline(root / "store.db") as sl:
        sl.run([folder])
        sl.export(root / "export")
    rejected = {}
    for line in (root / "export" / "rejected.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        rejected[record["id"]] = record
    articles = {json.loads(line)["id"] for line in (root / "export" / "articles.jsonl").read_text().splitlines()}
    return folder, rejected, articles


def test_good_inputs_are_stored_despite_the_bad_ones(
    exported: tuple[Path, dict[str, dict[str, str]], set[str]],
) -> None:
    _, _, articles = exported
    assert {"good", "feed-good", "surrogate", "nul"} <= articles


@pytest.mark.parametrize(
    ("rid", "reason"),
    [
        ("empty", "empty"),
        ("binary", "binary"),
        ("feed.jsonl:2", "malformed JSON"),
        ("year-20240", "published"),
        ("no-body", "neither"),
        ("feed.jsonl:6", "too deep"),
    ],
)
def test_each_bad_input_has_a_rejected_entry_with_its_reason(
    exported: tuple[Path, dict[str, dict[str, str]], set[str]], rid: str, reason: str
) -> None:
    _, rejected, _ = exported
    assert rid in rejected, sorted(rejected)
    assert reason in rejected[rid]["reason"]


def test_truncated_gzip_feed_keeps_its_whole_lines_and_is_reported(
    exported: tuple[Path, dict[str, dict[str, str]], set[str]],
) -> None:
    _, rejected, articles = exported
    assert any(a.startswith("z") for a in articles)
    assert any("truncated" in r["reason"] for r in rejected.values())


def test_deep_and_cp1251_pages_do_not_crash_the_run(exported: tuple[Path, dict[str, dict[str, str]], set[str]]) -> None:
    _, rejected, articles = exported
    for rid in ("deep", "russian"):  # stored, or refused with a reason by the cleaner: never a crash
        assert rid in articles or rid in rejected


def test_cli_run_with_bad_inputs_exits_zero_and_names_the_rejections(tmp_path: Path) -> None:
    folder = _bad_folder(tmp_path)
    cli = "from storyline.serve.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", cli, "run", str(folder), "--db", str(tmp_path / "cli.db"), "-q"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "rejected" in done.stderr and "empty" in done.stderr
    assert " read, " in done.stdout
