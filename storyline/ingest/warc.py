"""WARC and WARC.gz: every successful HTML response (or HTML resource) record is one article.

Two parsers are supported: FastWARC (default: 2,886 vs 1,723 records/s through this reader on
a plain 770 MB WARC of the zyte and trafilatura-eval dev pages, 1,821 vs 1,713 on the gzip
one; benchmarks/bench_warc.py on the shared 2-core dev machine) and warcio (used when FastWARC
is not installed, or when asked for). Request, metadata, revisit and non-HTML
records are skipped silently; an HTML record that cannot be decoded becomes ``Rejected``.
The article id is the record's ``WARC-Record-ID`` (a UUID, unique per capture), the url its
``WARC-Target-URI``. The capture date is not a publication date and is not used as one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.errors import InputError
from storyline.ingest.decode import MAX_PAGE_BYTES, clean_text, decode_bytes
from storyline.model import Article, Rejected

HTML_TYPES = ("text/html", "application/xhtml+xml")
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])
_BOM_STARTS = (b"\xef", b"\xff", b"\xfe")  # UTF-8/16 byte-order marks: decode_bytes handles them


def _record_id(raw: str | None, fallback: str) -> str:
    value = (raw or "").strip().strip("<>")
    if value.lower().startswith("urn:uuid:"):
        value = value[len("urn:uuid:") :]
    return value or fallback


def is_html(content_type: str | None) -> bool:
    return (content_type or "").split(";")[0].strip().lower() in HTML_TYPES


def charset_of(content_type: str | None) -> str | None:
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _controls(head: bytes) -> tuple[int, int]:
    """NUL and control-byte counts of ``head``, in C (the same counts as decode.looks_binary)."""
    return head.count(b"\x00"), len(head) - len(head.translate(None, _CONTROL_BYTES))


def _binary(data: bytes) -> bool:
    head = data[:8192]
    nuls, controls = _controls(head)
    return nuls > max(4, len(head) // 100) or controls > len(head) // 20


def decode_page(data: bytes, charset: str | None, name: str) -> str:
    """UTF-8 first; then the charset the server declared; then decode_bytes' detection."""
    return _decode(data, charset, name)[0]


def _decode(data: bytes, charset: str | None, name: str) -> tuple[str, bytes | None]:
    """The page's text, and its UTF-8 bytes when they are at hand (to hash without re-encoding).

    The common case (UTF-8 or a declared charset, no byte-order mark, not binary) is decoded
    here with C-speed checks; the rest goes through ``decode_bytes``, several times slower on
    large pages (benchmarks/bench_warc.py). NULs and CRs are cleaned on the bytes, which is the
    same as on the text for UTF-8 (neither byte occurs inside a multi-byte sequence) and faster;
    strict UTF-8 and ``errors="replace"`` decoding cannot yield lone surrogates.
    """
    fast = 0 < len(data) <= MAX_PAGE_BYTES and data[:1] not in _BOM_STARTS and not data.isspace()
    if fast and not _binary(data):
        cleaned = _newlines(data)
        try:
            return cleaned.decode("utf-8"), cleaned
        except UnicodeDecodeError:
            pass
        if charset and charset.lower().replace("-", "") != "utf8":
            try:
                return clean_text(data.decode(charset, errors="replace")), None
            except LookupError:
                pass
    return clean_text(decode_bytes(data, html=True, name=name)), None


def _newlines(data: bytes) -> bytes:
    """decode.clean_text's NUL and newline cleaning, on UTF-8 bytes, copying only when needed."""
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return data


def _article(
    payload: bytes, charset: str | None, record_id: str, url: str | None, where: str
) -> Article | Rejected:
    try:
        html, utf8 = _decode(payload, charset, where)
    except InputError as exc:
        return Rejected(id=record_id, reason=str(exc), source=where)
    # model.content_hash(None, html, url), from html's UTF-8 bytes when they are at hand
    digest = hashlib.sha256(b"\x00")
    digest.update(utf8 if utf8 is not None else html.encode("utf-8", "surrogatepass"))
    digest.update(b"\x00" + (url or "").encode("utf-8", "surrogatepass") + b"\x00")
    return Article(id=record_id, raw_html=html, url=url, source=where, hash=digest.hexdigest())


def _fastwarc(path: Path) -> Iterator[Article | Rejected]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    types = WarcRecordType.response | WarcRecordType.resource
    with path.open("rb") as stream:
        for n, record in enumerate(ArchiveIterator(stream, record_types=types, auto_decode="all")):
            headers = record.headers
            if record.is_http:
                if not 200 <= (record.http_headers.status_code or 0) < 300:
                    continue
                content_type = record.http_headers.get("Content-Type")
            else:  # a resource record: the WARC header says what the block is
                content_type = headers.get("Content-Type")
            if not is_html(content_type):
                continue
            rid = _record_id(record.record_id, f"{path.name}:{n}")
            yield _article(
                record.reader.read(), charset_of(content_type), rid, headers.get("WARC-Target-URI"),
                f"{path}#{rid}",
            )  # fmt: skip


def _warcio(path: Path) -> Iterator[Article | Rejected]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with path.open("rb") as stream:
        try:
            yield from _warcio_records(path, ArchiveIterator(stream))
        except ArchiveLoadFailed as exc:
            raise InputError(f"{path}: not a readable WARC: {exc}") from exc


def _warcio_records(path: Path, records: Any) -> Iterator[Article | Rejected]:
    for n, record in enumerate(records):
        if record.rec_type not in ("response", "resource"):
            continue
        content_type: Any
        if record.http_headers is not None:
            status = record.http_headers.get_statuscode()
            if not (status or "").isdigit() or not 200 <= int(status) < 300:
                continue
            content_type = record.http_headers.get_header("Content-Type")
        else:
            content_type = record.rec_headers.get_header("Content-Type")
        if not is_html(content_type):
            continue
        rid = _record_id(record.rec_headers.get_header("WARC-Record-ID"), f"{path.name}:{n}")
        yield _article(
            record.content_stream().read(), charset_of(content_type), rid,
            record.rec_headers.get_header("WARC-Target-URI"), f"{path}#{rid}",
        )  # fmt: skip


def read_warc(path: Path, backend: str = "auto") -> Iterator[Article | Rejected]:
    """The HTML pages of one WARC file (plain or gzip, per record or whole-file)."""
    if backend == "auto":
        try:
            import fastwarc.warc  # noqa: F401 - only probing that the faster parser is there

            backend = "fastwarc"
        except ImportError:
            backend = "warcio"
    try:
        if backend == "fastwarc":
            yield from _fastwarc(path)
        elif backend == "warcio":
            yield from _warcio(path)
        else:
            raise InputError(f"unknown WARC backend {backend!r} (fastwarc or warcio)")
    except ImportError as exc:
        raise InputError(
            f"{path}: reading WARC needs fastwarc or warcio: pip install 'storyline[scale]'"
        ) from exc
    except (ValueError, EOFError) as exc:  # a truncated or corrupt archive: keep what was read
        yield Rejected(id=path.name, reason=f"WARC ends early or is corrupt: {exc}", source=str(path))
