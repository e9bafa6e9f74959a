"""Readers for single pages on disk: plain-text dumps and HTML files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from storyline.ingest.decode import clean_text, decode_bytes
from storyline.model import Article, Rejected


def read_text_file(path: Path) -> Iterator[Article | Rejected]:
    """A scraper's plain-text dump of one page; the file stem is the article id."""
    text = clean_text(decode_bytes(path.read_bytes(), name=str(path)))
    yield Article(id=path.stem, raw_text=text, source=str(path))


def read_html_file(path: Path) -> Iterator[Article | Rejected]:
    """One raw HTML page; the file stem is the article id."""
    html = clean_text(decode_bytes(path.read_bytes(), html=True, name=str(path)))
    yield Article(id=path.stem, raw_html=html, source=str(path))
