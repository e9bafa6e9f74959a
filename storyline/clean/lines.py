"""Lines of a plain-text page dump and the features that tell body lines from boilerplate.

A page dump (the seeds, zyte-text) keeps every block of the page on its own line, with blank
lines around paragraphs. Each non-blank line becomes a ``Line``; ``line_features`` turns the
lines of one page into a feature matrix (one row per line) read by ``linemodel.LineModel``.
The features are language-light on purpose: sentence shape, text density around the line,
position, a multilingual boilerplate vocabulary, overlap with the URL slug, and recurrence
across other pages of the same outlet (``template``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)
_SPACES = re.compile(r"[^\S\n]+")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*$")
_SENT_INSIDE = re.compile(r"[.!?][\"'”’»)]*\s+[\"'“‘«(]*[A-ZÄÖÜÀ-Ý]")
# Words and phrases of page furniture (menus, sharing, subscriptions, consent, appeals, teasers) in the
# languages of the dev sets (English, German, Spanish, French, Italian, Portuguese).
_BOILER = re.compile(
    r"\b(?:cookies?|privacy|subscribe|subscription|subscribers?|newsletters?|sign (?:up|in)|log ?in|"
    r"register|advertisements?|advertising|sponsored|share|shares|tweet|facebook|twitter|linkedin|"
    r"whatsapp|pinterest|instagram|youtube|e-?mail|print|comments?|reply|read (?:more|also|next)|"
    r"related|recommended|trending|most (?:popular|read|viewed)|follow us|all rights reserved|"
    r"terms (?:of|and)|contact us|about us|skip to|menu|search|homepage|click here|download|podcasts?|"
    r"gallery|back to top|load more|show more|ad ?blocker|donate|support us|patron|copyright|"
    r"anmelden|abmelden|registrieren|datenschutz\w*|impressum|kontakt|teilen|weiterlesen|"
    r"mehr zum thema|auch interessant|kommentare?|werbung|anzeige|startseite|suche|drucken|"
    r"abonnieren|alle rechte vorbehalten|nutzungsbedingungen|"
    r"suscr[ií]bete|compartir|comentarios|lea (?:tambi[eé]n|m[aá]s)|publicidad|iniciar sesi[oó]n|"
    r"s'abonner|partager|commentaires|publicit[eé]|lire aussi|condividi|commenti|pubblicit[aà]|"
    r"compartilhe|coment[aá]rios|leia (?:mais|tamb[eé]m)|publicidade)\b",
    re.IGNORECASE,
)
_TEASER_PREFIX = re.compile(
    r"^(?:read (?:also|more|next)|see also|related|more:|watch:|listen:|lea (?:tambi[eé]n|m[aá]s)|mire:|"
    r"lesen sie auch|mehr zum thema|auch interessant|lire aussi|leia (?:mais|tamb[eé]m)|"
    r"leggi anche|recommended|trending|most popular|most read)",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"(?:^\(.{3,}\)$|\b(?:photo|photograph|image|picture|credit|getty|afp|reuters|ap photo|"
    r"shutterstock|foto|bild|imago|dpa|illustration)\b|©)",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|von|por|par|di|door|written by|authors?:)\s", re.IGNORECASE)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|uhr)?\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_URLISH = re.compile(r"https?://|www\.|@\w|\[email", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[•·▪►»›\-–—*]|\d+[.)])\s")
_SEPARATORS = re.compile(r"\s[|·•/]\s|\t")
# Comment sections: "name says:", "on May 3, 2019 at 4:47 pm said:", "Reply", "Rating: 9 Votes",
# "34 responses to", "Leave a comment", "2 days ago".
_COMMENT = re.compile(
    r"(?:\b(?:says|said|wrote|schreibt|sagt|dice|dit|escreveu|scrive)\s*:$|^(?:reply|antworten|responder|"
    r"répondre|rispondi|report|like|dislike)$|^rating:|\b\d+\s+(?:responses?|comments?|replies|kommentare|"
    r"comentarios|commentaires|commenti)\b|^(?:leave|post|add) a (?:comment|reply)|"
    r"^\d+\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago\b|\bat\s+\d{1,2}:\d{2}\s*[ap]\.?m\.?$)",
    re.IGNORECASE,
)
# Appeals and paywall/ad-blocker notices: addressed to the reader, asking for something.
_APPEAL = re.compile(
    r"\b(?:donat\w*|support (?:us|our|independent|quality)|become a (?:patron|member|subscriber)|"
    r"join (?:us|our)|your support|ad ?blockers?|disabl\w+ (?:your|the) ad|whitelist|paywall|"
    r"unlimited (?:access|digital)|free trial|already a (?:subscriber|member)|create (?:an|your) account|"
    r"cookie settings|accept (?:all|cookies)|we use cookies|consent|unterstützen sie|jetzt abonnieren)\b",
    re.IGNORECASE,
)
_YOU_WE = re.compile(r"\b(?:you|your|yours|we|our|us|sie|ihr|ihre|wir|unser\w*)\b", re.IGNORECASE)
_GLUED = re.compile(r"[a-z0-9)][.!?]?[A-Z][a-z]{2}")

@dataclass(frozen=True, slots=True)
class PagePattern:
    """A line pattern for a page whose lines are joined by newlines: ``^``/``$`` match at line ends
    and whitespace is a space (lines are whitespace-collapsed), so no match runs into the next line.
    A case-insensitive pattern (all written in lower case) is compiled case-sensitive and runs on the
    lower-cased page: Python's ``re`` scans several times faster that way."""

    regex: re.Pattern[str]
    lowered: bool

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> PagePattern:
        folded = bool(pattern.flags & re.IGNORECASE)
        flags = (pattern.flags | re.MULTILINE) & ~re.IGNORECASE
        return cls(re.compile(pattern.pattern.replace(r"\s", " "), flags), folded)


_BOILER_M = PagePattern.of(_BOILER)
_ENDS_SENTENCE_M = PagePattern.of(_ENDS_SENTENCE)
_SENT_INSIDE_M = PagePattern.of(_SENT_INSIDE)
_TEASER_PREFIX_M = PagePattern.of(_TEASER_PREFIX)
_CAPTION_M = PagePattern.of(_CAPTION)
_BYLINE_M = PagePattern.of(_BYLINE)
_CLOCK_M = PagePattern.of(_CLOCK)
_BULLET_M = PagePattern.of(_BULLET)
_SEPARATORS_M = PagePattern.of(_SEPARATORS)
_COMMENT_M = PagePattern.of(_COMMENT)
_APPEAL_M = PagePattern.of(_APPEAL)
_YEAR_M = PagePattern.of(_YEAR)
_URLISH_M = PagePattern.of(_URLISH)
_GLUED_M = PagePattern.of(_GLUED)
_YOU_WE_M = PagePattern.of(_YOU_WE)

FEATURE_NAMES: tuple[str, ...] = (
    "log_words", "log_chars", "ends_sentence", "ends_colon", "inner_sentences", "commas_per_word",
    "lower_ratio", "upper_ratio", "digit_ratio", "mean_word_len", "boiler_hits", "boiler_density",
    "teaser_prefix", "caption", "byline", "clock", "year", "urlish", "bullet", "separators",
    "dup_in_page", "blank_before", "blank_after", "rel_pos", "slug_overlap", "after_title",
    "is_title", "near_density2", "near_density5", "near_sentence3", "max_neighbor_words",
    "long_before", "long_after", "long_between", "dist_long", "short_line", "very_long", "template",
    "template_any", "comment", "after_comments", "glued", "rel_words", "starts_lower",
    "appeal", "you_we", "long_unterminated", "ends_ellipsis", "after_marker", "before_anchor",
)


@dataclass(slots=True)
class Line:
    """One non-blank line of a page: its text, its place, and whether blank lines surround it."""

    text: str
    index: int  # position among the page's non-blank lines
    blank_before: bool
    blank_after: bool
    words: int


def split_lines(text: str) -> list[Line]:
    """Non-blank lines of ``text`` (whitespace collapsed), each knowing its blank neighbours."""
    raw = _SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    texts: list[str] = []
    blank_before: list[bool] = []
    blank = True
    for chunk in raw:
        stripped = chunk.strip()
        if not stripped:
            blank = True
            continue
        texts.append(stripped)
        blank_before.append(blank)
        blank = False
    if not texts:
        return []
    counts = word_counts(texts)
    n = len(texts)
    return [Line(t, i, blank_before[i], i + 1 == n or blank_before[i + 1], int(counts[i]))
            for i, t in enumerate(texts)]


def slug_tokens(url: str | None) -> set[str]:
    """Lower-cased word tokens of a URL's path (the slug often repeats the title)."""
    if not url:
        return set()
    path = re.sub(r"^[a-z]+://[^/]+", "", url.lower())
    return {t for t in re.findall(r"[^\W\d_]{3,}", path) if t not in {"html", "htm", "php", "aspx", "www"}}


def normalise_line(text: str) -> str:
    """The key under which a line is compared across pages (case and digits folded)."""
    return re.sub(r"\d", "0", text.lower())


def _classes_of(c: str) -> int:
    return ((_W if c.isalnum() or c == "_" else 0) | (_ALPHA if c.isalpha() else 0)
            | (_UPPER if c.isupper() else 0) | (_LOWER if c.islower() else 0) | (_DIGIT if c.isdigit() else 0))


def _char_table() -> np.ndarray:
    """Class bits of every BMP code point, as ``str`` methods see them (built once at import)."""
    chars = [chr(c) for c in range(0x10000)]
    table = np.zeros(0x10000, dtype=np.uint8)
    table[[c.isalnum() or c == "_" for c in chars]] |= _W
    table[[c.isalpha() for c in chars]] |= _ALPHA
    table[[c.isupper() for c in chars]] |= _UPPER
    table[[c.islower() for c in chars]] |= _LOWER
    table[[c.isdigit() for c in chars]] |= _DIGIT
    return table


_W, _ALPHA, _UPPER, _LOWER, _DIGIT = 1, 2, 4, 8, 16
_TABLE = _char_table()
_TABLE.setflags(write=False)


@dataclass(slots=True)
class PageText:
    """The lines of a page joined by newlines, with per-character classes: regexes run once per page
    and their matches are mapped back to lines by offset."""

    joined: str
    starts: np.ndarray  # offset of each line in ``joined``
    lengths: np.ndarray
    classes: np.ndarray  # class bits per character of ``joined``
    _lowered: str | None = None  # ``joined`` lower-cased, "" when that changes its length

    @classmethod
    def of(cls, texts: list[str]) -> PageText:
        joined = "\n".join(texts)
        lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
        starts = np.zeros(len(texts), dtype=np.int64)
        if len(texts) > 1:
            starts[1:] = np.cumsum(lengths[:-1] + 1)
        cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        classes = _TABLE[np.minimum(cps, 0xFFFF)]
        astral = cps >= 0x10000
        if astral.any():  # emoji, math letters: rare, classed one by one
            classes = classes.copy()
            for cp in np.unique(cps[astral]):
                classes[cps == cp] = _classes_of(chr(int(cp)))
        return cls(joined, starts, lengths, classes, None)

    def per_line(self, flags: np.ndarray) -> np.ndarray:
        """Sum of a per-character array over each line."""
        if not len(self.starts):
            return np.zeros(0)
        return np.add.reduceat(flags.astype(np.int64), self.starts) if len(flags) else np.zeros(len(self.starts))

    def token_starts(self) -> np.ndarray:
        w = (self.classes & _W) > 0
        prev = np.concatenate(([False], w[:-1]))
        return w & ~prev

    def count(self, pattern: PagePattern, only: np.ndarray | None = None) -> np.ndarray:
        """Matches of ``pattern`` per line (a match belongs to the line where it starts); with ``only``
        (a boolean mask), only those lines are scanned and the others count 0."""
        text = self.joined
        if pattern.lowered:
            if self._lowered is None:
                lowered = text.lower()
                self._lowered = lowered if len(lowered) == len(text) else ""
            if self._lowered:
                text = self._lowered
            else:  # lower-casing moved offsets (a few letters grow): scan with IGNORECASE
                return self._count_in(re.compile(pattern.regex.pattern, pattern.regex.flags | re.IGNORECASE),
                                      text, only)
        return self._count_in(pattern.regex, text, only)

    def _count_in(self, regex: re.Pattern[str], text: str, only: np.ndarray | None) -> np.ndarray:
        n = len(self.starts)
        if only is not None:
            idx = np.flatnonzero(only)
            if idx.size == 0:
                return np.zeros(n, dtype=np.int64)
            if idx.size < n:
                sub = "\n".join([text[s : s + k] for s, k in zip(self.starts[idx].tolist(),
                                                                  self.lengths[idx].tolist(), strict=True)])
                sub_starts = np.zeros(idx.size, dtype=np.int64)
                sub_starts[1:] = np.cumsum(self.lengths[idx][:-1] + 1)
                out = np.zeros(n, dtype=np.int64)
                out[idx] = _bincount(regex, sub, sub_starts)
                return out
        return _bincount(regex, text, self.starts)


def _bincount(regex: re.Pattern[str], text: str, starts: np.ndarray) -> np.ndarray:
    positions = [m.start() for m in regex.finditer(text)]
    if not positions:
        return np.zeros(len(starts), dtype=np.int64)
    line = np.searchsorted(starts, np.asarray(positions), side="right") - 1
    return np.bincount(line, minlength=len(starts))


def word_counts(texts: list[str]) -> np.ndarray:
    """``\\w+`` tokens per line."""
    page = PageText.of(texts)
    return page.per_line(page.token_starts())


def _window_mean(values: np.ndarray, radius: int) -> np.ndarray:
    """Mean of ``values`` over i-radius..i+radius, excluding i itself."""
    n = len(values)
    csum = np.concatenate(([0.0], np.cumsum(values)))
    idx = np.arange(n)
    lo = np.maximum(idx - radius, 0)
    hi = np.minimum(idx + radius + 1, n)
    total = csum[hi] - csum[lo] - values
    count = np.maximum(hi - lo - 1, 1)
    return total / count


def _exclusive_cumsum(values: np.ndarray) -> np.ndarray:
    return np.cumsum(values) - values


def _slug_overlap(page: PageText, slug: set[str]) -> np.ndarray:
    """Share of the URL slug's tokens that each line contains (as a word, case folded)."""
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(slug, key=len, reverse=True))) + r")\b")
    lowered = page.joined.lower()
    if len(lowered) != len(page.joined):  # case folding changed offsets (rare letters): fall back per line
        out = np.zeros(len(page.starts))
        for i, (s, n) in enumerate(zip(page.starts, page.lengths, strict=True)):
            out[i] = len(set(pattern.findall(page.joined[s : s + n].lower()))) / len(slug)
        return out
    found = [(m.start(), m.group(0)) for m in pattern.finditer(lowered)]
    out = np.zeros(len(page.starts))
    if found:
        line = np.searchsorted(page.starts, np.fromiter((f[0] for f in found), dtype=np.int64), side="right") - 1
        for i, _ in set(zip(line.tolist(), (f[1] for f in found), strict=True)):
            out[i] += 1.0
    return out / len(slug)


def line_features(
    lines: list[Line],
    url: str | None = None,
    title_index: int | None = None,
    template_counts: list[int] | None = None,
) -> np.ndarray:
    """Feature matrix (len(lines) x len(FEATURE_NAMES)) of one page, computed page-wide with numpy."""
    n = len(lines)
    feats = np.zeros((n, len(FEATURE_NAMES)), dtype=np.float64)
    if n == 0:
        return feats
    texts = [line.text for line in lines]
    page = PageText.of(texts)
    cls = page.classes
    tok = page.token_starts()
    nw = np.array([line.words for line in lines], dtype=np.float64)
    nc = page.lengths.astype(np.float64)
    alpha_init = page.per_line(tok & ((cls & _ALPHA) > 0))
    lower_init = page.per_line(tok & ((cls & _LOWER) > 0))
    letters = np.maximum(page.per_line((cls & _ALPHA) > 0), 1)
    uppers = page.per_line((cls & _UPPER) > 0)
    digits = page.per_line((cls & _DIGIT) > 0)
    wordchars = page.per_line((cls & _W) > 0)
    cps = np.frombuffer(page.joined.encode("utf-32-le"), dtype=np.uint32)
    commas = page.per_line(cps == ord(","))
    last = cps[page.starts + page.lengths - 1]
    first_lower = (cls[page.starts] & _LOWER) > 0
    boiler = page.count(_BOILER_M)
    ends = (page.count(_ENDS_SENTENCE_M) > 0).astype(np.float64)
    ends_colon = last == ord(":")
    teaser = page.count(_TEASER_PREFIX_M) > 0
    is_comment = (nw <= 25) & (page.count(_COMMENT_M, nw <= 25) > 0)
    dup = Counter(texts)
    feats[:, 0] = np.log1p(nw)
    feats[:, 1] = np.log1p(nc)
    feats[:, 2] = ends
    feats[:, 3] = ends_colon
    feats[:, 4] = np.minimum(page.count(_SENT_INSIDE_M), 5)
    feats[:, 5] = commas / (nw + 1)
    feats[:, 6] = np.where(alpha_init > 0, lower_init / np.maximum(alpha_init, 1), 0.0)
    feats[:, 7] = uppers / letters
    feats[:, 8] = digits / np.maximum(nc, 1)
    feats[:, 9] = np.minimum(wordchars / np.maximum(nw, 1), 15.0) / 10.0
    feats[:, 10] = np.minimum(boiler, 4)
    feats[:, 11] = boiler / (nw + 1)
    feats[:, 12] = teaser
    feats[:, 13] = (nw <= 40) & (page.count(_CAPTION_M, nw <= 40) > 0)
    feats[:, 14] = (nw <= 20) & (page.count(_BYLINE_M, nw <= 20) > 0)
    feats[:, 15] = (nw <= 8) & (page.count(_CLOCK_M, nw <= 8) > 0)
    feats[:, 16] = (nw <= 12) & (page.count(_YEAR_M, nw <= 12) > 0)
    feats[:, 17] = page.count(_URLISH_M) > 0
    feats[:, 18] = page.count(_BULLET_M) > 0
    feats[:, 19] = np.minimum(page.count(_SEPARATORS_M), 5)
    feats[:, 20] = [dup[t] > 1 for t in texts]
    feats[:, 21] = [line.blank_before for line in lines]
    feats[:, 22] = [line.blank_after for line in lines]
    feats[:, 23] = np.arange(n) / n
    slug = slug_tokens(url)
    if slug:
        feats[:, 24] = _slug_overlap(page, slug)
    if title_index is not None:
        feats[:, 25] = np.arange(n) > title_index
        feats[:, 26] = np.arange(n) == title_index
        feats[:, 49] = np.arange(n) < title_index
    feats[:, 39] = is_comment
    feats[:, 40] = np.log1p(_exclusive_cumsum(is_comment.astype(np.float64)))
    feats[:, 41] = np.minimum(page.count(_GLUED_M), 3)
    feats[:, 42] = nw / (float(nw.max()) or 1.0)
    feats[:, 43] = first_lower
    feats[:, 44] = np.minimum(page.count(_APPEAL_M), 3)
    feats[:, 45] = page.count(_YOU_WE_M) / (nw + 1)
    feats[:, 46] = (nw >= 15) & (ends == 0) & ~ends_colon
    ellipsis = (last == ord("…")) | ((last == ord(".")) & [t.endswith("...") for t in texts])
    feats[:, 47] = ellipsis
    # "Read also:", "Related", "Comments", "Most popular": the article has ended
    markers = ((nw <= 4) & (teaser | (boiler > 0))).astype(np.float64)
    feats[:, 48] = np.log1p(_exclusive_cumsum(markers))
    feats[:, 35] = nw <= 3
    feats[:, 36] = nw >= 40
    # "long" lines (15+ words) carry the text mass that locates the article on the page
    long_idx = np.flatnonzero(nw >= 15)
    idx = np.arange(n)
    if long_idx.size:
        j = np.searchsorted(long_idx, idx)
        after = np.where(j < long_idx.size, long_idx[np.minimum(j, long_idx.size - 1)] - idx, n)
        before = np.where(j > 0, idx - long_idx[np.maximum(j - 1, 0)], n)
        feats[:, 34] = np.log1p(np.minimum(np.abs(after), np.abs(before)))
    else:
        feats[:, 34] = math.log1p(n)
    logw = feats[:, 0]
    feats[:, 27] = _window_mean(logw, 2)
    feats[:, 28] = _window_mean(logw, 5)
    feats[:, 29] = _window_mean(ends, 3)
    prev_w = np.concatenate(([0.0], logw[:-1]))
    next_w = np.concatenate((logw[1:], [0.0]))
    feats[:, 30] = np.maximum(prev_w, next_w)
    long_words = np.where(nw >= 15, nw, 0.0)
    total_long = float(long_words.sum()) or 1.0
    cum = np.cumsum(long_words)
    before_mass = (cum - long_words) / total_long
    after_mass = 1.0 - cum / total_long
    feats[:, 31] = before_mass
    feats[:, 32] = after_mass
    feats[:, 33] = np.minimum(before_mass, after_mass) * 2.0
    if template_counts is not None:
        tc = np.asarray(template_counts, dtype=np.float64)
        feats[:, 37] = np.log1p(tc)
        feats[:, 38] = (tc > 0).astype(np.float64)
    return feats
