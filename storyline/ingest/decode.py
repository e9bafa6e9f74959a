"""Turning bytes from disk or the network into text, or a clear refusal."""

from __future__ import annotations

import re

from storyline.errors import InputError

# A page larger than this is refused rather than cleaned: real article pages are far
# below it (the largest zyte-dev HTML page is under 2 MB), and a 50 MB "page" is a dump
# or an attack. Feeds are read line by line and are not bound by it.
MAX_PAGE_BYTES = 20 * 1024 * 1024

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: NULs or many control bytes in the first 8 KB."""
    head = data[:8192]
    if not head:
        return False
    if head.count(b"\x00") > max(4, len(head) // 100):  # a few stray NULs are noise, many are binary
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) // 20


def decode_bytes(data: bytes, *, html: bool = False, name: str = "input") -> str:
    """UTF-8 first, then a declared HTML charset, then charset detection (cp1251 is common here)."""
    if len(data) > MAX_PAGE_BYTES:
        raise InputError(
            f"{name}: {len(data) // (1024 * 1024)} MB is over the {MAX_PAGE_BYTES >> 20} MB page limit"
        )
    if not data.strip():
        raise InputError(f"{name}: empty")
    for bom, encoding in _BOMS:  # before the binary test: UTF-16 text is full of NULs
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if looks_binary(data):
        raise InputError(f"{name}: binary data, not a text or HTML page")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if html:
        match = _META_CHARSET.search(data[:4096])
        if match:
            try:
                return data.decode(match.group(1).decode("ascii"), errors="replace")
            except LookupError:
                pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # trafilatura depends on it, but keep a path without it
        return data.decode("cp1252", errors="replace")
    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    return data.decode(encoding, errors="replace")


def clean_text(text: str) -> str:
    """Drop NUL bytes and normalise newlines; the rest is the cleaner's business."""
    return text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
