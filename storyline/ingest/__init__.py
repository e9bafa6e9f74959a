"""Ingest: one reader per input kind, all yielding ``Article`` or ``Rejected``.

``read_paths`` walks files and folders and dispatches on the file name:
``.txt`` (a scraper's plain-text dump), ``.html``/``.htm``, ``.jsonl``/``.jsonl.gz``
(the article feed of CONTRACT.md), ``.warc``/``.warc.gz`` (HTML responses of a crawl),
``.rss``/``.atom``/``.xml`` (a feed saved to disk). An ``http(s)://`` argument is fetched
politely (storyline.ingest.fetch) and read as a feed or a page by what the server sends.
Further readers register in ``READERS`` by suffix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from storyline.errors import InputError
from storyline.ingest.decode import drop_surrogates
from storyline.ingest.feeds import read_feed_file, read_url
from storyline.ingest.fetch import Fetcher
from storyline.ingest.files import read_html_file, read_text_file
from storyline.ingest.jsonl import read_feed
from storyline.ingest.warc import read_warc
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
    ".warc": read_warc,
    ".warc.gz": read_warc,
    ".rss": read_feed_file,
    ".atom": read_feed_file,
    ".xml": read_feed_file,
}
# "https://x/y" as given, or as pathlib left it ("https:/x/y") after a CLI Path conversion
_URL = re.compile(r"^(https?):/+(?=[^/])", re.IGNORECASE)


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


def as_url(arg: str | Path) -> str | None:
    """The http(s) URL an argument names, or None for a file or folder."""
    match = _URL.match(str(arg))
    return f"{match.group(1).lower()}://{str(arg)[match.end() :]}" if match else None


def read_paths(paths: Iterable[str | Path], fetcher: Fetcher | None = None) -> Iterator[Article | Rejected]:
    """Every article in ``paths`` (files, folders, http(s) URLs); unreadable inputs become
    ``Rejected`` and the run goes on. URLs share one polite ``fetcher`` (made here if not given)."""
    own: Fetcher | None = None
    try:
        for arg in paths:
            url = as_url(arg)
            if url is None:
                yield from _read_local(Path(arg))
                continue
            if fetcher is None:
                fetcher = own = Fetcher()
            yield from read_url(url, fetcher)
    finally:
        if own is not None:
            own.close()


def _rejected(name: str, reason: str, path: Path) -> Rejected:
    """A refusal whose id, reason and source can be stored whatever bytes the file name holds."""
    return Rejected(id=drop_surrogates(name), reason=drop_surrogates(reason), source=drop_surrogates(str(path)))


def _read_local(root: Path) -> Iterator[Article | Rejected]:
    for path in expand_paths([root]):
        if not path.exists():
            yield _rejected(path.name, f"no such file: {path}", path)
            continue
        reader = reader_for(path)
        if reader is None:
            yield _rejected(path.name, f"unknown input kind {_suffix(path)!r}", path)
            continue
        try:
            yield from reader(path)
        except InputError as exc:
            yield _rejected(path.stem, str(exc), path)
        except OSError as exc:
            yield _rejected(path.stem, f"cannot read {path}: {exc.strerror or exc}", path)
