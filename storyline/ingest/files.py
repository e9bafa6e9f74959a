"""Readers for single pages on disk: plain-text dumps and HTML files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from storyline.errors import InputError
from storyline.ingest.decode import MAX_PAGE_BYTES, clean_text, decode_bytes, drop_surrogates
from storyline.model import Article, Rejected


def _read_page(path: Path, shown: str) -> bytes:
    """The file's bytes, refusing an oversized one before it is read into memory."""
    size = path.stat().st_size
    if size > MAX_PAGE_BYTES:
        raise InputError(f"{shown}: {size // (1024 * 1024)} MB is over the {MAX_PAGE_BYTES >> 20} MB page limit")
    return path.read_bytes()


def read_text_file(path: Path) -> Iterator[Article | Rejected]:
    """A scraper's plain-text dump of one page; the file stem is the article id."""
    shown = drop_surrogates(str(path))  # an undecodable file name: no store can hold its surrogates
    text = clean_text(decode_bytes(_read_page(path, shown), name=shown))
    yield Article(id=drop_surrogates(path.stem), raw_text=text, source=shown)


def read_html_file(path: Path) -> Iterator[Article | Rejected]:
    """One raw HTML page; the file stem is the article id."""
    shown = drop_surrogates(str(path))
    html = clean_text(decode_bytes(_read_page(path, shown), html=True, name=shown))
    yield Article(id=drop_surrogates(path.stem), raw_html=html, source=shown)
