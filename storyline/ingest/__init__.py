"""Ingest: one reader per input kind, all yielding ``Article`` or ``Rejected``.

``read_paths`` walks files and folders and dispatches on the file name:
``.txt`` (a scraper's plain-text dump), ``.html``/``.htm``, ``.jsonl``/``.jsonl.gz``
(the article feed of CONTRACT.md). Further readers (WARC, RSS, URLs) register in
``READERS`` by suffix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from storyline.errors import InputError
from storyline.ingest.files import read_html_file, read_text_file
from storyline.ingest.jsonl import read_feed
from storyline.model import Article, Rejected

Reader = Callable[[Path], Iterator[Article | Rejected]]

READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".jsonl": read_feed,
    ".jsonl.gz": read_feed,
    ".ndjson": read_feed,
}


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def reader_for(path: Path) -> Reader | None:
    return READERS.get(_suffix(path))


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and the readable files inside folders (sorted, recursive)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith(".") and reader_for(child):
                    yield child
        else:
            yield path


def read_paths(paths: Iterable[Path]) -> Iterator[Article | Rejected]:
    """Every article in ``paths``; unreadable inputs become ``Rejected`` and the run goes on."""
    for path in expand_paths(paths):
        if not path.exists():
            yield Rejected(id=path.name, reason=f"no such file: {path}", source=str(path))
            continue
        reader = reader_for(path)
        if reader is None:
            yield Rejected(id=path.name, reason=f"unknown input kind {_suffix(path)!r}", source=str(path))
            continue
        try:
            yield from reader(path)
        except InputError as exc:
            yield Rejected(id=path.stem, reason=str(exc), source=str(path))
        except OSError as exc:
            yield Rejected(
                id=path.stem, reason=f"cannot read {path}: {exc.strerror or exc}", source=str(path)
            )
