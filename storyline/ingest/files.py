"""Readers for single pages on disk: plain-text dumps and HTML files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from storyline.errors import InputError
from storyline.ingest.decode import MAX_PAGE_BYTES, clean_text, decode_bytes
from storyline.model import Article, Rejected


def _read_page(path: Path) -> bytes:
    """The file's bytes, refusing an oversized one before it is read into memory."""
    size = path.stat().st_size
    if size > MAX_PAGE_BYTES:
        raise InputError(f"{path}: {size // (1024 * 1024)} MB is over the {MAX_PAGE_BYTES >> 20} MB page limit")
    return path.read_bytes()


def read_text_file(path: Path) -> Iterator[Article | Rejected]:
    """A scraper's plain-text dump of one page; the file stem is the article id."""
    text = clean_text(decode_bytes(_read_page(path), name=str(path)))
    yield Article(id=path.stem, raw_text=text, source=str(path))


def read_html_file(path: Path) -> Iterator[Article | Rejected]:
    """One raw HTML page; the file stem is the article id."""
    html = clean_text(decode_bytes(_read_page(path), html=True, name=str(path)))
    yield Article(id=path.stem, raw_html=html, source=str(path))
