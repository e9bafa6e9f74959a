"""WARC and WARC.gz: every successful HTML response (or HTML resource) record is one article.

Two parsers are supported: FastWARC (default) and warcio (used when FastWARC is not installed,
or when asked for). With FastWARC, request and other records are skipped in C, and a filter sees
only the parsed headers of responses; only kept records' payloads are read, decoded (the declared
charset, detection only when it fails) and hashed, once each. benchmarks/bench_warc.py on a plain
770 MB WARC of the zyte and trafilatura-eval dev pages: 9,694 records per CPU second (warcio
7,618; this reader before these changes 7,872), 2,727 records/s in wall time (warcio 1,366) on the
shared 2-core dev machine at load 11. Request, metadata, revisit and non-HTML records are skipped
silently; an HTML record that cannot be decoded becomes ``Rejected``. So does a record the end of
the file cuts short (its bytes against its Content-Length, and a check that the last gzip member
or record is whole), with the records before it kept, and one the crawler marked WARC-Truncated.
The article id is the record's ``WARC-Record-ID`` (a UUID, unique per capture), the url its
``WARC-Target-URI``. The capture date is not a publication date and is not used as one.
"""

from __future__ import annotations

import hashlib
import io
import os
import zlib
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
    large pages (benchmarks/bench_warc.py). NULs are dropped on the bytes, which is the same as
    on the text for UTF-8 (the byte occurs in no multi-byte sequence). Line ends are left as
    the server sent them: the HTML parser reads CR LF and CR as LF (same bodies, titles, dates
    and authors on 40 zyte-html-dev pages with LF and with CR LF), and a second copy of every
    page cost a fifth of the reading time. Strict UTF-8 and ``errors="replace"`` decoding
    cannot yield lone surrogates.
    """
    fast = 0 < len(data) <= MAX_PAGE_BYTES and data[:1] not in _BOM_STARTS and not data.isspace()
    if fast and not _binary(data):
        if b"\x00" in data:
            data = data.replace(b"\x00", b"")
        try:
            return data.decode("utf-8"), data
        except UnicodeDecodeError:
            pass
        if charset and charset.replace("-", "").replace("_", "") != "utf8":
            try:
                return clean_text(data.decode(charset, errors="replace")), None
            except LookupError:
                pass
    return clean_text(decode_bytes(data, html=True, name=name)), None


def _article(payload: bytes, charset: str | None, record_id: str, url: str | None, where: str) -> Article | Rejected:
    try:
        html, utf8 = _decode(payload, charset, where)
    except InputError as exc:
        return Rejected(id=record_id, reason=str(exc), source=where)
    # model.content_hash(None, html, url), from html's UTF-8 bytes when they are at hand
    digest = hashlib.sha256(b"\x00")
    digest.update(utf8 if utf8 is not None else html.encode("utf-8", "surrogatepass"))
    digest.update(b"\x00" + (url or "").encode("utf-8", "surrogatepass") + b"\x00")
    return Article(id=record_id, raw_html=html, url=url, source=where, hash=digest.hexdigest())


def _dechunk(data: bytes) -> bytes:
    """The body of an HTTP/1.1 chunked transfer (crawlers often store it as sent)."""
    parts: list[bytes] = []
    pos = 0
    while True:
        eol = data.find(b"\r\n", pos)
        size_text = data[pos:eol].split(b";")[0].strip() if eol >= 0 else b""
        try:
            size = int(size_text, 16)
        except ValueError:
            raise InputError("malformed chunked transfer encoding") from None
        if size == 0:
            return b"".join(parts)
        if eol + 2 + size > len(data):
            raise InputError("chunked body ends inside a chunk (truncated)")
        parts.append(data[eol + 2 : eol + 2 + size])
        pos = eol + 4 + size


def _inflate(data: bytes, codec: str) -> bytes:
    """gzip or deflate (zlib-wrapped, or raw as some servers send it), refusing a cut stream or a bomb."""
    for wbits in (zlib.MAX_WBITS | 32,) if codec != "deflate" else (zlib.MAX_WBITS, -zlib.MAX_WBITS):
        inflater = zlib.decompressobj(wbits)
        try:
            out = inflater.decompress(data, MAX_PAGE_BYTES + 1)
        except zlib.error:
            continue
        if len(out) > MAX_PAGE_BYTES:
            raise InputError(f"{codec} body inflates past the {MAX_PAGE_BYTES >> 20} MB page limit")
        if not inflater.eof:
            raise InputError(f"{codec} body is truncated")
        return out
    raise InputError(f"{codec} body is corrupt")


def undo_http_encodings(data: bytes, transfer: str | None, content: str | None) -> bytes:
    """The payload without its chunked transfer and gzip/deflate/brotli content encodings."""
    if transfer and "chunked" in transfer.lower():
        data = _dechunk(data)
    for codec in reversed([c.strip().lower() for c in (content or "").split(",") if c.strip()]):
        if codec in ("gzip", "x-gzip", "deflate"):
            data = _inflate(data, codec)
        elif codec == "br":
            from fastwarc.stream_io import BrotliReader  # warcio's path decodes brotli by itself

            data = BrotliReader(io.BytesIO(data)).read(MAX_PAGE_BYTES + 1)
        elif codec != "identity":
            raise InputError(f"unsupported Content-Encoding {codec!r}")
    return data


def _truncated(record_id: str, where: str, got: int, expected: int | None) -> Rejected:
    told = f"{got:,} of its {expected:,} bytes" if expected is not None else "a cut header"
    return Rejected(id=record_id, reason=f"WARC record truncated: the archive ends inside it ({told})", source=where)


def _crawler_cut(record_id: str, where: str, why: str | None) -> Rejected:
    return Rejected(
        id=record_id, reason=f"WARC record truncated by the crawler (WARC-Truncated: {why}): a cut page", source=where
    )


def _wanted(record: Any) -> bool:
    """FastWARC's filter, run before the payload is touched: a 2xx HTML response, an HTML resource,
    or a record whose headers were cut (so that it is reported, not skipped)."""
    http = record.http_headers
    if http is not None:
        return 200 <= (http.status_code or 0) < 300 and (record.http_content_type or "").lower() in HTML_TYPES
    headers = record.headers
    if headers.get("Content-Length") is None:
        return True
    return not record.is_http and is_html(headers.get("Content-Type"))


def _fastwarc(path: Path) -> Iterator[Article | Rejected]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    records = ArchiveIterator(
        os.fspath(path), record_types=WarcRecordType.response | WarcRecordType.resource, parse_http=True,
        auto_decode="none", func_filter=_wanted, fsspec_args=False,
    )  # fmt: skip
    n = 0
    last_pos = 0
    try:
        for record in records:
            n += 1
            last_pos = record.stream_pos
            headers = record.headers
            rid = _record_id(record.record_id, f"{path.name}:{n}")
            where = f"{path}#{rid}"
            expected = record.content_length
            if headers.get("Content-Length") is None:
                yield _truncated(rid, where, 0, None)
                return
            data = record.reader.read()
            if len(data) < expected:  # only the file's end cuts a record short
                yield _truncated(rid, where, len(data), expected)
                return
            http = record.http_headers
            if http is None:
                content_type = headers.get("Content-Type")
                charset = charset_of(content_type)
            else:
                charset = record.http_charset
                if charset is not None:
                    charset = charset.strip("\"' ")
                if http.get("Content-Encoding") is not None or http.get("Transfer-Encoding") is not None:
                    try:
                        data = undo_http_encodings(data, http.get("Transfer-Encoding"), http.get("Content-Encoding"))
                    except InputError as exc:
                        yield Rejected(id=rid, reason=str(exc), source=where)
                        continue
            if headers.get("WARC-Truncated") is not None:
                yield _crawler_cut(rid, where, headers.get("WARC-Truncated"))
                continue
            yield _article(data, charset, rid, headers.get("WARC-Target-URI"), where)
    except OSError as exc:  # a cut inside the WARC headers, or bytes that are no WARC at all
        if n == 0:
            raise InputError(f"{path}: not a readable WARC: {exc}") from exc
        yield Rejected(
            id=f"{path.name}:{n + 1}", reason=f"WARC truncated or corrupt after record {n}: {exc}", source=str(path)
        )
        return
    cut = _cut_tail(path, last_pos)
    if cut:
        yield Rejected(id=f"{path.name}:end", reason=f"WARC truncated: {cut}", source=str(path))


def _cut_tail(path: Path, offset: int) -> str | None:
    """Why the archive after ``offset`` (the start of the last record read) is cut, or None when whole.

    A parser stops without a word at a gzip member or a record header cut by the end of the file;
    the records before it are whole and kept. Checked on the tail only: the last record read and the
    skipped ones after it (requests, images) are inflated once more, not the archive (except a WARC
    gzipped as one stream instead of one member per record, which is inflated again from its start).
    """
    with path.open("rb") as stream:
        if stream.read(2) != b"\x1f\x8b":  # a plain WARC: every record ends with a blank line
            stream.seek(0, os.SEEK_END)
            if stream.tell() == 0:
                return None
            if stream.tell() > 4:
                stream.seek(-4, os.SEEK_END)
            return None if stream.read(4) == b"\r\n\r\n" else "the file ends inside a record"
        stream.seek(offset)
        if stream.read(2) != b"\x1f\x8b":  # one gzip stream for the whole file: its offsets are not member starts
            offset = 0
        stream.seek(offset)
        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        fed = False  # whether the current member has begun
        while chunk := stream.read(1 << 20):
            while chunk:
                fed = True
                try:
                    inflater.decompress(chunk, 1 << 20)
                except zlib.error as exc:
                    return f"a gzip member after byte {offset:,} is corrupt ({exc})"
                chunk = inflater.unconsumed_tail
                if inflater.eof:  # the member is whole: the rest of the input starts the next one
                    chunk = inflater.unused_data
                    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
                    fed = False
        return "the file ends inside a gzip member" if fed else None


def _warcio(path: Path) -> Iterator[Article | Rejected]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with path.open("rb") as stream:
        try:
            yield from _warcio_records(path, ArchiveIterator(stream))
        except ArchiveLoadFailed as exc:
            raise InputError(f"{path}: not a readable WARC: {exc}") from exc


def _warcio_records(path: Path, records: Any) -> Iterator[Article | Rejected]:
    last_pos = 0
    for n, record in enumerate(records):
        last_pos = getattr(records, "offset", last_pos)  # where this record starts (get_record_offset reads it)
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
        where = f"{path}#{rid}"
        data = record.content_stream().read()
        left = getattr(record.raw_stream, "limit", 0)  # bytes the record header promised but the file lacks
        if left:
            yield _truncated(rid, where, record.length - left, record.length)
            return
        if record.rec_headers.get_header("WARC-Truncated") is not None:
            yield _crawler_cut(rid, where, record.rec_headers.get_header("WARC-Truncated"))
            continue
        yield _article(data, charset_of(content_type), rid, record.rec_headers.get_header("WARC-Target-URI"), where)
    cut = _cut_tail(path, last_pos)
    if cut:
        yield Rejected(id=f"{path.name}:end", reason=f"WARC truncated: {cut}", source=str(path))


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
        raise InputError(f"{path}: reading WARC needs fastwarc or warcio: pip install 'storyline[scale]'") from exc
    except (ValueError, EOFError) as exc:  # a truncated or corrupt archive: keep what was read
        yield Rejected(id=path.name, reason=f"WARC ends early or is corrupt: {exc}", source=str(path))
