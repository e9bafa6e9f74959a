"""The article feed of CONTRACT.md: JSON Lines, plain or gzip-compressed."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from storyline.errors import InputError
from storyline.ingest.decode import MAX_PAGE_BYTES, clean_text, drop_surrogates
from storyline.model import Article, Rejected


def parse_day(value: Any) -> date | None:
    """A feed's ``YYYY-MM-DD`` (a longer ISO timestamp is cut to its day); None when absent."""
    if value in (None, ""):
        return None
    if not isinstance(value, str) or len(value) < 10:
        raise InputError(f"published {value!r} is not YYYY-MM-DD")
    try:
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise InputError(f"published {value!r} is not a valid date") from exc


def _optional_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"field {key!r} must be a string or null, not {type(value).__name__}")
    return drop_surrogates(value)  # a "\\ud800" escape is valid JSON but no store can hold it


def article_from_record(record: Any, source: str) -> Article:
    """One feed line, validated, as an Article (raises InputError with the reason)."""
    if not isinstance(record, dict):
        raise InputError("a feed line must be a JSON object")
    raw_id = record.get("id")
    if not isinstance(raw_id, str | int) or isinstance(raw_id, bool) or str(raw_id) == "":
        raise InputError("missing or empty 'id'")
    text = _optional_str(record, "text")
    html = _optional_str(record, "html")
    if not (text and text.strip()) and not (html and html.strip()):
        raise InputError("neither 'text' nor 'html' has content")
    for name, value in (("text", text), ("html", html)):
        if value is not None and len(value) > MAX_PAGE_BYTES:
            raise InputError(f"'{name}' is over the {MAX_PAGE_BYTES >> 20} MB page limit")
    return Article(
        id=drop_surrogates(str(raw_id)),
        raw_text=clean_text(text) if text else None,
        raw_html=clean_text(html) if html else None,
        url=_optional_str(record, "url"),
        source=source,
        feed_title=_optional_str(record, "title"),
        feed_published=parse_day(record.get("published")),
        feed_outlet=_optional_str(record, "outlet"),
    )


def _open(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]  # GzipFile is a binary IO
    return path.open("rb")


def read_feed(path: Path) -> Iterator[Article | Rejected]:
    """Each line of a feed as an Article; a bad line is Rejected and reading goes on."""
    name, shown = drop_surrogates(path.name), drop_surrogates(str(path))  # undecodable file names
    with _open(path) as handle:
        lineno = 0
        try:
            for lineno, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                where = f"{shown}:{lineno}"
                try:
                    record = json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    yield Rejected(id=f"{name}:{lineno}", reason=f"malformed JSON: {exc}", source=where)
                    continue
                except RecursionError:  # [[[[... thousands deep: json's decoder recurses per level
                    yield Rejected(id=f"{name}:{lineno}", reason="JSON nested too deep", source=where)
                    continue
                try:
                    yield article_from_record(record, where)
                except InputError as exc:
                    rid = record.get("id") if isinstance(record, dict) else None
                    yield Rejected(
                        id=drop_surrogates(str(rid)) if rid else f"{name}:{lineno}",
                        reason=str(exc),
                        source=where,
                    )
        except (EOFError, OSError, zlib.error) as exc:
            yield Rejected(
                id=f"{name}:{lineno + 1}",
                reason=f"feed ends early (truncated or corrupt after line {lineno}): {exc}",
                source=shown,
            )
