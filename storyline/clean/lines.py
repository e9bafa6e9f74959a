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
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np

from storyline.clean.pagetext import _ALPHA, _LOWER, PageText, VocabTable, word_hash
from storyline.clean.patterns import (
    _APPEAL_M,
    _BOILER_M,
    _BULLET_M,
    _BYLINE_M,
    _CAPTION_M,
    _CLOCK_M,
    _COMMENT_M,
    _ENDS_SENTENCE_M,
    _GLUED_M,
    _SENT_INSIDE_M,
    _SEPARATORS_M,
    _TEASER_PREFIX_M,
    _URLISH_M,
    _YEAR_M,
    VOCABS,
    you_we_count,
)

# Whitespace other than the space and the line break (str.isspace, as re's \s and str.split see it; checked
# over all of Unicode), and runs of whitespace within a line: both become one space. ``_ODD_SPACES`` lists those
# characters, each looked for with ``in`` (a fast search; a regex class of them checks every character of the
# page against the class, two thirds slower); tests/clean/test_lines.py checks them against ``[^\S \n]``.
_ODD_SPACES = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B)))
_ODD_SPACES += "\u2028\u2029\u202f\u205f\u3000"
_SPACE_RUN = re.compile(r"[^\S\n]{2,}|[^\S \n]")

FEATURE_NAMES: tuple[str, ...] = (
    "log_words",
    "log_chars",
    "ends_sentence",
    "ends_colon",
    "inner_sentences",
    "commas_per_word",
    "lower_ratio",
    "upper_ratio",
    "digit_ratio",
    "mean_word_len",
    "boiler_hits",
    "boiler_density",
    "teaser_prefix",
    "caption",
    "byline",
    "clock",
    "year",
    "urlish",
    "bullet",
    "separators",
    "dup_in_page",
    "blank_before",
    "blank_after",
    "rel_pos",
    "slug_overlap",
    "after_title",
    "is_title",
    "near_density2",
    "near_density5",
    "near_sentence3",
    "max_neighbor_words",
    "long_before",
    "long_after",
    "long_between",
    "dist_long",
    "short_line",
    "very_long",
    "template",
    "template_any",
    "comment",
    "after_comments",
    "glued",
    "rel_words",
    "starts_lower",
    "appeal",
    "you_we",
    "long_unterminated",
    "ends_ellipsis",
    "after_marker",
    "before_anchor",
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
    return split_page(text)[0]


def split_page(text: str) -> tuple[list[Line], PageText]:
    """``split_lines`` and the ``PageText`` of those lines (``line_features`` reuses it)."""
    # each line with its whitespace runs collapsed to one space and stripped (str.split knows the same
    # whitespace as re's \s)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "  " in text or any(c in text for c in _ODD_SPACES):  # tabs between table cells, runs of spaces
        text = _SPACE_RUN.sub(" ", text)
    # only single spaces between words now: stripping each line is all there is to do
    raw = text.replace(" \n", "\n").replace("\n ", "\n").strip(" ").split("\n")
    kept = [i for i, chunk in enumerate(raw) if chunk]
    texts = [raw[i] for i in kept]
    # a blank line (or the page start) above each kept line: a gap in the kept line numbers
    blank_before = [True, *(b - a > 1 for a, b in pairwise(kept))] if kept else []
    page = PageText.of(texts)
    if not texts:
        return [], page
    counts = page.words().tolist()
    n = len(texts)
    blank_after = [*blank_before[1:], True]
    return list(map(Line, texts, range(n), blank_before, blank_after, counts)), page


@lru_cache(maxsize=256)  # a pure function of the URL, asked for three times per page
def slug_tokens(url: str | None) -> frozenset[str]:
    """Lower-cased word tokens of a URL's path (the slug often repeats the title)."""
    if not url:
        return frozenset()
    path = re.sub(r"^[a-z]+://[^/]+", "", url.lower())
    return frozenset(t for t in re.findall(r"[^\W\d_]{3,}", path) if t not in {"html", "htm", "php", "aspx", "www"})


def normalise_line(text: str) -> str:
    """The key under which a line is compared across pages (case and digits folded)."""
    return re.sub(r"\d", "0", text.lower())


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


def slug_overlap(page: PageText, slug: AbstractSet[str]) -> np.ndarray:
    """Share of the URL slug's tokens that each line contains (as a word, case folded)."""
    hits = page.hits(VOCABS, frozenset(slug))
    out = np.zeros(len(page.starts))
    if hits is None:  # case folding changed offsets (rare letters): fall back per line
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(slug, key=len, reverse=True))) + r")\b")
        for i, (s, n) in enumerate(zip(page.starts, page.lengths, strict=True)):
            out[i] = len(set(pattern.findall(page.joined[s : s + n].lower()))) / len(slug)
        return out
    tokens = page.tokens()
    assert tokens is not None
    sel = (hits.bits & VocabTable.EXTRA) > 0
    if sel.any():
        index = hits.index[sel]
        # a slug word is told by its hash when the slug's words have distinct hashes (else by its text)
        distinct = len({word_hash(w) for w in slug}) == len(slug)
        names = tokens.hash[index].tolist() if distinct else [tokens.word(i) for i in index.tolist()]
        found = set(zip(hits.line[sel].tolist(), names, strict=True))
        np.add.at(out, [line for line, _ in found], 1.0)
    return out / len(slug)


def line_features(
    lines: list[Line],
    url: str | None = None,
    title_index: int | None = None,
    template_counts: list[int] | None = None,
    page: PageText | None = None,
    slug_cover: np.ndarray | None = None,
) -> np.ndarray:
    """Feature matrix (len(lines) x len(FEATURE_NAMES)) of one page, computed page-wide with numpy;
    ``page`` is the ``PageText`` of the lines when the caller has it (``split_page``), ``slug_cover``
    the ``slug_overlap`` of the lines with the URL's slug when the caller has computed it."""
    n = len(lines)
    feats = np.zeros((n, len(FEATURE_NAMES)), dtype=np.float64)
    if n == 0:
        return feats
    texts = [line.text for line in lines]
    if page is None:
        page = PageText.of(texts)
    cls = page.classes
    nw = page.words().astype(np.float64)  # the ``words`` of the lines (split_page counts them this way)
    nc = page.lengths.astype(np.float64)
    tok_start, tok_end, tok_line = page.token_bounds()
    initial = cls[tok_start]  # class bits of each token's first character
    alpha_init = np.bincount(tok_line[(initial & _ALPHA) > 0], minlength=n)
    lower_init = np.bincount(tok_line[(initial & _LOWER) > 0], minlength=n)
    letters, uppers, digits = page.class_counts()
    letters = np.maximum(letters, 1)
    wordchars = np.bincount(tok_line, weights=tok_end - tok_start, minlength=n)  # the tokens' characters
    cps = page.cps
    commas = page.per_line(cps == ord(","))
    last = cps[page.starts + page.lengths - 1]
    first_lower = (cls[page.starts] & _LOWER) > 0
    slug = slug_tokens(url)
    page.hits(VOCABS, slug)  # one token lookup serves the patterns and the slug
    boiler = page.count(_BOILER_M)
    ends = page.has(_ENDS_SENTENCE_M).astype(np.float64)
    ends_colon = last == ord(":")
    teaser = page.has(_TEASER_PREFIX_M)
    is_comment = (nw <= 25) & page.has(_COMMENT_M, nw <= 25)
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
    feats[:, 13] = (nw <= 40) & page.has(_CAPTION_M, nw <= 40)
    feats[:, 14] = (nw <= 20) & page.has(_BYLINE_M, nw <= 20)
    feats[:, 15] = (nw <= 8) & page.has(_CLOCK_M, nw <= 8)
    feats[:, 16] = (nw <= 12) & page.has(_YEAR_M, nw <= 12)
    feats[:, 17] = page.has(_URLISH_M)
    feats[:, 18] = page.has(_BULLET_M)
    feats[:, 19] = np.minimum(page.count(_SEPARATORS_M), 5)
    feats[:, 20] = np.fromiter((dup[t] > 1 for t in texts), dtype=bool, count=n)
    feats[:, 21] = np.fromiter((line.blank_before for line in lines), dtype=bool, count=n)
    feats[:, 22] = np.fromiter((line.blank_after for line in lines), dtype=bool, count=n)
    feats[:, 23] = np.arange(n) / n
    if slug:
        feats[:, 24] = slug_overlap(page, slug) if slug_cover is None else slug_cover
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
    feats[:, 45] = you_we_count(page) / (nw + 1)
    feats[:, 46] = (nw >= 15) & (ends == 0) & ~ends_colon
    three_dots = (page.lengths >= 3) & (last == ord("."))
    at = (page.starts + page.lengths)[three_dots]
    three_dots[three_dots] = (cps[at - 2] == ord(".")) & (cps[at - 3] == ord("."))
    ellipsis = (last == ord("…")) | three_dots
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
