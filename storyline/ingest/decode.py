"""Turning bytes from disk or the network into text, or a clear refusal."""

from __future__ import annotations

import collections
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
_ESCAPED = re.compile("[\udc80-\udcff]+")  # bytes that were not UTF-8, after surrogateescape
_SURROGATE = re.compile("[\ud800-\udfff]")
_ASCII_BYTES = bytes(range(128))
# A page is read as UTF-8 with legacy-encoded stretches (a UTF-8 template around a cp1251
# body) when at least this share of its non-ASCII characters is valid UTF-8. Pure cp1251 or
# cp1252 text forms valid UTF-8 pairs only by accident (a few percent: Ukrainian "Ві" is
# 0xC2 0xB3). Set by hand on the mixed-page tests in tests/reliability; no dev set has such pages.
MIXED_MIN_UTF8_SHARE = 0.3
# When charset detection finds several encodings equally clean (short Cyrillic text reads as
# cp1251 and mac_cyrillic alike), the one common on news sites wins; the order is by how often
# each is declared on the web (W3Techs), not tuned on a dev set.
WEB_ENCODINGS = ("cp1251", "cp1252", "iso8859_1", "koi8_r", "cp1250", "iso8859_2", "gb18030", "shift_jis")
DETECTION_TIE = 0.01  # chaos (charset_normalizer's mess ratio) this close to the best is a tie


_CONTROLS = bytes([*range(9), *range(14, 32)])  # control bytes that text does not use


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: NULs or many control bytes in the first 8 KB."""
    head = data[:8192]
    if not head:
        return False
    if head.count(b"\x00") > max(4, len(head) // 100):  # a few stray NULs are noise, many are binary
        return True
    controls = len(head) - len(head.translate(None, _CONTROLS))
    return controls > len(head) // 20


def decode_bytes(data: bytes, *, html: bool = False, name: str = "input") -> str:
    """UTF-8 first, then a declared HTML charset, then charset detection (cp1251 is common here)."""
    text = _decode(data, html, name)
    if not text.replace("\x00", "").strip():  # a byte-order mark, or NULs and blanks, and nothing else
        raise InputError(f"{name}: empty")
    return text


def _decode(data: bytes, html: bool, name: str) -> str:
    if len(data) > MAX_PAGE_BYTES:
        raise InputError(f"{name}: {len(data) // (1024 * 1024)} MB is over the {MAX_PAGE_BYTES >> 20} MB page limit")
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
    mixed = _decode_mixed(data)
    if mixed is not None:
        return mixed
    if html:
        match = _META_CHARSET.search(data[:4096])
        if match and match.group(1).lower().replace(b"-", b"") != b"utf8":  # not UTF-8: tried above
            try:
                return data.decode(match.group(1).decode("ascii"), errors="replace")
            except LookupError:
                pass
    return data.decode(_detect(data), errors="replace")


_WORD = re.compile(r"[^\W\d_]+")


def _reads_as_cp1251(data: bytes) -> bool:
    """True when the bytes read as cp1251 give whole Cyrillic words (Russian/Ukrainian pages).

    Statistical detectors guess short Cyrillic pages wrong (Shift-JIS, Big5); Latin-1 text read as
    cp1251 turns its accented letters into Cyrillic ones inside Latin words ("cafй"), which real
    Cyrillic text never has, so mixed words rule it out.
    """
    try:
        text = data[:200_000].decode("cp1251")
    except UnicodeDecodeError:
        return False
    cyrillic = mixed = 0
    for word in _WORD.findall(text):
        if any("\u0400" <= ch <= "\u04ff" for ch in word):
            cyrillic += 1
            mixed += any(ch.isascii() for ch in word)
    return cyrillic >= 3 and mixed * 10 <= cyrillic


def _script(ch: str) -> str:
    """A coarse script of one non-ASCII letter: enough to see a word that mixes two."""
    code = ord(ch)
    if code < 0x250 or 0x1E00 <= code < 0x1F00:
        return "latin"
    if 0x370 <= code < 0x400:
        return "greek"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    if 0x590 <= code < 0x800:
        return "rtl"
    return "cjk" if code >= 0x2E80 else "other"


_NON_ASCII_TOKEN = re.compile(r"\S*[^\x00-\x7f]\S*")
_EDGE_PUNCTUATION = "\"'()[]{}<>.,;:!?«»“”‘’„…–—-*"
_INNER_MARKS = frozenset("-'’.·")
MAX_SCORED_WORDS = 5000  # enough words to judge a page; the detector is on the rare path


def implausible_words(text: str) -> tuple[int, int]:
    """(words that no language writes, words with non-ASCII letters) in a decoded text.

    A wrong single-byte code page shows up in whole words: a symbol between letters (Polish
    "ł" read in cp1252 is "³"), letters of two scripts in one word (French "mère" read in
    cp1251 is "mиre", in GB18030 "m鑢e"), or a Latin word made mostly of accented letters
    (Greek read in cp1252). A right reading can still tie with a wrong one (French "à"/"è"
    read in cp1250 are the letters "ŕ"/"č"): WEB_ENCODINGS' order settles those.
    """
    bad = scored = 0
    for token in _NON_ASCII_TOKEN.findall(text):
        word = token.strip(_EDGE_PUNCTUATION)
        if word.isascii():
            continue
        scored += 1
        letters = [ch for ch in word if ch.isalpha()]
        accented = [ch for ch in letters if not ch.isascii()]
        scripts = {_script(ch) for ch in accented}
        if len(letters) > len(accented):
            scripts.add("latin")
        # superscript digits count as symbols: Polish "ł" and "ą" read in cp1252 are "³" and "¹"
        symbol_inside = bool(letters) and any(
            not (ch.isalpha() or "0" <= ch <= "9" or ch in _INNER_MARKS) for ch in word
        )
        # "été" is French; a longer word of accented letters only is Greek or Hebrew in the wrong code page
        mostly_accented = scripts == {"latin"} and len(accented) >= 3 and 3 * len(accented) > 2 * len(letters)
        bad += len(scripts) > 1 or symbol_inside or mostly_accented or "\ufffd" in word
        if scored >= MAX_SCORED_WORDS:
            break
    return bad, scored


# The accented letters of the languages written in the common web code pages (standard alphabets)
ALPHABETS = {
    "french": "àâæçéèêëîïôœùûüÿ",
    "german": "äöüß",
    "spanish": "áéíñóúü",
    "portuguese": "áâãàçéêíóôõú",
    "italian": "àèéìíîòóù",
    "dutch": "éëïöü",
    "nordic": "åäæéöø",
    "polish": "ąćęłńóśźż",
    "czech": "áčďéěíňóřšťúůýž",
    "slovak": "áäčďéíĺľňóôŕšťúýž",
    "hungarian": "áéíóöőúüű",
    "romanian": "ăâîșşțţ",
    "croatian": "čćđšž",
}
_ALPHABET_SETS = [frozenset(letters) for letters in ALPHABETS.values()]


def foreign_letters(text: str) -> int:
    """Accented letters of ``text`` that the one language covering most of them does not use: French
    read in cp1250 has "ŕ" (Slovak), "ę" (Polish) and "ů" (Czech) side by side; French read in cp1252
    has none."""
    counts = collections.Counter(ch for ch in text.lower() if not ch.isascii() and ch.isalpha())
    total = sum(counts.values())
    if not total:
        return 0
    return total - max(sum(n for ch, n in counts.items() if ch in alphabet) for alphabet in _ALPHABET_SETS)


# The reading of a common web code page is taken when at most this share of its accented words is
# implausible (an odd symbol or name); otherwise charset_normalizer decides. Set by hand on the
# French, Polish and Cyrillic tests in tests/ingest; no dev set has legacy-encoded pages.
MAX_IMPLAUSIBLE_SHARE = 0.1


def _detect(data: bytes) -> str:
    if _reads_as_cp1251(data):
        return "cp1251"
    sample = data[:200_000]
    best: tuple[int, str] | None = None
    for encoding in WEB_ENCODINGS:  # the first of equally plausible readings wins
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        bad, scored = implausible_words(text)
        if not scored or bad > MAX_IMPLAUSIBLE_SHARE * scored:
            continue
        score = bad + foreign_letters(text)
        if best is None or score < best[0]:
            best = (score, encoding)
    if best is not None:
        return best[1]
    return _statistical(sample)


def _statistical(sample: bytes) -> str:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # trafilatura depends on it, but keep a path without it
        return "cp1252"
    results = from_bytes(sample)
    best = results.best()
    if best is None:
        return "cp1252"
    tied = {r.encoding for r in results if r.chaos <= best.chaos + DETECTION_TIE}
    return next((e for e in WEB_ENCODINGS if e in tied), best.encoding)


_ESCAPED_WORD = re.compile(r"(?:[^\W\d_]|[\udc80-\udcff])*[\udc80-\udcff](?:[^\W\d_]|[\udc80-\udcff])*")


def _decode_mixed(data: bytes) -> str | None:
    """UTF-8 whose invalid stretches are decoded in the legacy encoding detected on them alone;
    None when too little of the page is UTF-8 for this to be a mixed page."""
    text = data.decode("utf-8", errors="surrogateescape")
    runs = _ESCAPED.findall(text)
    bad = sum(map(len, runs))
    ascii_chars = len(data) - len(data.translate(None, _ASCII_BYTES))
    good = len(text) - ascii_chars - bad  # valid multi-byte UTF-8 characters
    if good < MIXED_MIN_UTF8_SHARE * (good + bad):
        return None
    # detected on the whole words around the stretches: "m\xe8re" is French in cp1252, "\xe8" alone anything
    words = b" ".join(w.encode("utf-8", "surrogateescape") for w in _ESCAPED_WORD.findall(text))
    legacy = _detect(words)
    return _ESCAPED.sub(lambda m: m.group().encode("utf-8", "surrogateescape").decode(legacy, errors="replace"), text)


def drop_surrogates(text: str) -> str:
    """Lone surrogates (a JSON "\\ud800" escape, an undecodable file name) as U+FFFD: no store or
    UTF-8 file can hold them."""
    return _SURROGATE.sub("\ufffd", text)


def clean_text(text: str) -> str:
    """Drop NUL bytes, lone surrogates and normalise newlines; the rest is the cleaner's business."""
    return drop_surrogates(text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n"))
