"""A page's lines joined into one string, scanned once: character classes, tokens and pattern counts per line.

Feature extraction used to run each pattern line by line; here every scan is page-wide and its
results are mapped back to lines by offset. Word-list patterns are the costly ones (Python's ``re``
tries every alternative at every character), so each carries a *prefilter*: a necessary condition
for a match, read from one tokenisation of the page (``\\w+`` once, then set lookups). The pattern
itself then runs only on the lines that pass it, so counts are exactly those of the full scan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

import numpy as np

_W, _ALPHA, _UPPER, _LOWER, _DIGIT = 1, 2, 4, 8, 16


def _classes_of(c: str) -> int:
    return (
        (_W if c.isalnum() or c == "_" else 0)
        | (_ALPHA if c.isalpha() else 0)
        | (_UPPER if c.isupper() else 0)
        | (_LOWER if c.islower() else 0)
        | (_DIGIT if c.isdigit() else 0)
    )


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


# Letters, upper-case letters and digits of a character, packed as three counts of _COUNT_SHIFT bits each and
# looked up by the character's class bits (``PageText.class_counts``).
_COUNT_SHIFT = 21
_PACKED_FLAGS = np.array(
    [sum(bool(b & flag) << (k * _COUNT_SHIFT) for k, flag in enumerate((_ALPHA, _UPPER, _DIGIT))) for b in range(256)],
    dtype=np.int64,
)
_PACKED_FLAGS.setflags(write=False)

# Up to this many candidate lines are scanned one by one (``pos``/``endpos``); more are joined and
# scanned at once. A speed setting only (the counts are the same either way); set on zyte-text-dev.
FEW_LINES = 48
_TABLE = _char_table()
_TABLE.setflags(write=False)


def classes_of(cps: np.ndarray) -> np.ndarray:
    """Class bits of each code point."""
    classes = _TABLE[np.minimum(cps, 0xFFFF)]
    astral = cps >= 0x10000
    if astral.any():  # emoji, math letters: rare, classed one by one
        classes = classes.copy()
        for cp in np.unique(cps[astral]):
            classes[cps == cp] = _classes_of(chr(int(cp)))
    return classes


@dataclass(frozen=True, slots=True)
class Vocab:
    """Tokens that mark a line as a candidate for one pattern: a word, a word prefix, or a word pair
    (``first`` followed by one of ``pairs[first]``). Tokens are lower-cased ``\\w+`` runs."""

    words: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    pairs: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))


# Tokens are looked up by a 64-bit polynomial hash of their characters (sum of code point times
# _BASE ** position in the token, mod 2**64), so that a page's lookups run in numpy. Two different words share
# a hash with a chance of about 2**-64 per pair; ``VocabTable`` checks that its own words do not. A page hashes
# all its tokens at once: the running sum of code point times _BASE ** (offset in the page) over its word
# characters, differenced at each token's ends, is the token's hash times _BASE ** (its offset), which the
# inverse power (_BASE is odd, so invertible mod 2**64) takes off.
_BASE = 0x100000001B3
_PAIR_MIX = np.uint64(0x9E3779B97F4A7C15)  # hash of a word pair: first * _PAIR_MIX + second (mod 2**64)
_TABLE_CHARS = 1 << 16  # powers kept for pages up to this many characters (longer ones compute their own)


def _powers(base: int, n: int) -> np.ndarray:
    """base ** 0 .. base ** (n - 1), mod 2**64 (numpy's uint64 products wrap the same way)."""
    out = np.full(n, base, dtype=np.uint64)
    out[0] = 1
    return np.cumprod(out, dtype=np.uint64)


_POW = _powers(_BASE, _TABLE_CHARS)
_INV = _powers(pow(_BASE, -1, 1 << 64), _TABLE_CHARS)
_POW.setflags(write=False)
_INV.setflags(write=False)
_POWER_INTS = [int(p) for p in _POW[:64]]


@lru_cache(maxsize=8192)  # a pure function of its argument: vocabulary and slug words recur across pages
def word_hash(word: str) -> int:
    if len(word) > len(_POWER_INTS):
        return sum(ord(c) * pow(_BASE, k, 1 << 64) for k, c in enumerate(word)) % (1 << 64)
    return sum(ord(c) * p for c, p in zip(word, _POWER_INTS, strict=False)) % (1 << 64)


def pair_hash(first: str, second: str) -> int:
    return (word_hash(first) * int(_PAIR_MIX) + word_hash(second)) % (1 << 64)


class _Keys:
    """Sorted hash keys with the vocabulary bits of each."""

    def __init__(self, bits: Mapping[int, int]) -> None:
        self.keys = np.array(sorted(bits), dtype=np.uint64)
        self.bits = np.array([bits[k] for k in sorted(bits)], dtype=np.int64)
        self.buckets = np.zeros(1 << 16, dtype=bool)  # low 16 bits of the keys: a first, cheap filter
        self.buckets[self.keys.astype(np.uint16)] = True

    def find(self, hashes: np.ndarray) -> np.ndarray:
        """The bits of each of ``hashes`` (0 when absent)."""
        out = np.zeros(len(hashes), dtype=np.int64)
        if not len(self.keys) or not len(hashes):
            return out
        maybe = np.flatnonzero(self.buckets[hashes.astype(np.uint16)])  # the cast keeps the low 16 bits
        at = np.minimum(np.searchsorted(self.keys, hashes[maybe]), len(self.keys) - 1)
        out[maybe] = np.where(self.keys[at] == hashes[maybe], self.bits[at], 0)
        return out


def _keys_of(entries: list[tuple[str, int, int]]) -> _Keys:
    """(text, hash, bit) entries -> ``_Keys``; two texts with one hash would be a collision."""
    bits: dict[int, int] = {}
    text_of: dict[int, str] = {}
    for text, hashed, bit in entries:
        if text_of.setdefault(hashed, text) != text:
            raise ValueError(f"vocabulary hash collision: {text!r} and {text_of[hashed]!r}")
        bits[hashed] = bits.get(hashed, 0) | bit
    return _Keys(bits)


class VocabTable:
    """Named vocabularies, each given a bit, looked up together in one pass over a page's tokens."""

    EXTRA = 1 << 62  # the token is one of the words passed to ``PageText.hits`` as ``extra``

    def __init__(self, vocabs: Mapping[str, Vocab]) -> None:
        if len(vocabs) > 62:
            raise ValueError("at most 62 vocabularies fit the bit mask")
        self.bits = {name: 1 << k for k, name in enumerate(vocabs)}
        words: list[tuple[str, int, int]] = []
        pairs: list[tuple[str, int, int]] = []
        prefixes: list[tuple[int, int, int]] = []
        for name, vocab in vocabs.items():
            bit = self.bits[name]
            words += [(w, word_hash(w), bit) for w in vocab.words]
            pairs += [
                (f"{first} {second}", pair_hash(first, second), bit)
                for first, seconds in vocab.pairs.items()
                for second in seconds
            ]
            prefixes += [(len(p), word_hash(p), bit) for p in vocab.prefixes]
        self.words = _keys_of(words)
        self.pairs = _keys_of(pairs)
        self.prefixes = tuple(prefixes)  # (length, hash, bit)
        lengths = sorted({k for k, _, _ in prefixes})
        self.prefix_groups = tuple((k, tuple((h, b) for n, h, b in prefixes if n == k)) for k in lengths)


@dataclass(slots=True)
class Tokens:
    """Lower-cased ``\\w+`` tokens of a page: where each lies, its line, and its ``word_hash``."""

    text: str  # the lower-cased page
    start: np.ndarray  # offset of each token in ``text``
    end: np.ndarray
    line: np.ndarray
    hash: np.ndarray
    csum: np.ndarray  # running sum of code point times _BASE ** offset over the page's characters, from 0
    inverse: np.ndarray  # _BASE ** -offset for each offset of the page

    def word(self, i: int) -> str:
        return self.text[int(self.start[i]) : int(self.end[i])]

    def prefix_hash(self, tokens: np.ndarray, k: int) -> np.ndarray:
        """``word_hash`` of the first ``k`` characters of each of ``tokens`` (each at least ``k`` long)."""
        at = self.start[tokens]
        return (self.csum[at + k] - self.csum[at]) * self.inverse[at]


@dataclass(slots=True)
class Hits:
    """The tokens of a page found in a ``VocabTable``: their index, line and vocabulary bits."""

    index: np.ndarray  # position in the page's token list
    line: np.ndarray
    bits: np.ndarray  # vocabulary bits (a word pair's bit sits on its first token)
    lines: int  # lines of the page
    _counts: dict[int, np.ndarray] = field(default_factory=dict)

    _line_bits: np.ndarray | None = None

    def count(self, bit: int) -> np.ndarray:
        """Hits of the vocabulary with ``bit`` per line."""
        if bit not in self._counts:
            self._counts[bit] = np.bincount(self.line[(self.bits & bit) > 0], minlength=self.lines)
        return self._counts[bit]

    def has(self, bit: int) -> np.ndarray:
        """Lines with a hit of the vocabulary with ``bit``: the bits of each line are OR-ed once, so that
        each vocabulary asked costs one comparison over the lines."""
        if self._line_bits is None:
            out = np.zeros(self.lines, dtype=np.int64)
            if len(self.line):
                first = np.flatnonzero(np.concatenate(([True], self.line[1:] != self.line[:-1])))
                out[self.line[first]] = np.bitwise_or.reduceat(self.bits, first)
            self._line_bits = out
        return (self._line_bits & bit) != 0


class PageText:
    """The lines of a page joined by newlines, with per-character classes: regexes run once per page
    and their matches are mapped back to lines by offset."""

    __slots__ = (
        "_bounds",
        "_bounds_of_tokens",
        "_class_counts",
        "_hits",
        "_lcps",
        "_lowered",
        "_tokens",
        "_words",
        "classes",
        "cps",
        "joined",
        "lengths",
        "starts",
    )

    def __init__(
        self, joined: str, starts: np.ndarray, lengths: np.ndarray, cps: np.ndarray, classes: np.ndarray
    ) -> None:
        self.joined = joined
        self.starts = starts  # offset of each line in ``joined``
        self.lengths = lengths
        self.cps = cps  # code point of each character of ``joined``
        self.classes = classes  # class bits per character of ``joined``
        self._lowered: str | None = None  # ``joined`` lower-cased, "" when that changes its length
        self._tokens: Tokens | None = None
        self._hits: dict[int, tuple[frozenset[str], Hits | None]] = {}
        self._words: np.ndarray | None = None
        self._bounds_of_tokens: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._class_counts: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._bounds: tuple[list[int], list[int]] | None = None
        self._lcps: np.ndarray | None = None

    @classmethod
    def of(cls, texts: list[str]) -> PageText:
        joined = "\n".join(texts)
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        starts = np.zeros(len(texts), dtype=np.int64)
        if len(texts) > 1:
            starts[1:] = np.cumsum(lengths[:-1] + 1)
        cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        return cls(joined, starts, lengths, cps, classes_of(cps))

    def per_line(self, flags: np.ndarray) -> np.ndarray:
        """Sum of a per-character array over each line."""
        if not len(self.starts):
            return np.zeros(0)
        return np.add.reduceat(flags.astype(np.int64), self.starts) if len(flags) else np.zeros(len(self.starts))

    def token_bounds(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Start and end offset and line of each ``\\w+`` token of the page (in any case)."""
        if self._bounds_of_tokens is None:
            word = ((self.classes & _W) > 0).view(np.int8)
            edges = np.flatnonzero(np.diff(word, prepend=np.int8(0), append=np.int8(0)))  # a start, an end, ...
            start, end = edges[0::2], edges[1::2]
            self._bounds_of_tokens = (start, end, np.searchsorted(self.starts, start, side="right") - 1)
        return self._bounds_of_tokens

    def words(self) -> np.ndarray:
        """``\\w+`` tokens per line."""
        if self._words is None:
            self._words = np.bincount(self.token_bounds()[2], minlength=len(self.starts))
        return self._words

    def class_counts(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Letters, upper-case letters and digits per line, summed in one pass: a character's three flags are
        packed into one integer (_COUNT_SHIFT bits each) looked up by its class bits."""
        if self._class_counts is None:
            if not len(self.starts):
                empty = np.zeros(0, dtype=np.int64)
                self._class_counts = (empty, empty, empty)
            elif int(self.lengths.max()) >= 1 << _COUNT_SHIFT:  # a line too long to pack: one pass per flag
                self._class_counts = (
                    self.per_line((self.classes & _ALPHA) > 0),
                    self.per_line((self.classes & _UPPER) > 0),
                    self.per_line((self.classes & _DIGIT) > 0),
                )
            else:
                packed = np.add.reduceat(_PACKED_FLAGS[self.classes], self.starts)
                mask = (1 << _COUNT_SHIFT) - 1
                self._class_counts = (packed & mask, (packed >> _COUNT_SHIFT) & mask, packed >> (2 * _COUNT_SHIFT))
        return self._class_counts

    def lowered(self) -> str:
        """``joined`` lower-cased, or "" when lower-casing changes its length (offsets would move)."""
        if self._lowered is None:
            lowered = self.joined.lower()
            self._lowered = lowered if len(lowered) == len(self.joined) else ""
        return self._lowered

    def lowered_cps(self) -> np.ndarray | None:
        """Code points of ``lowered`` (None when lower-casing moved offsets)."""
        if self._lcps is None:
            lowered = self.lowered()
            if not lowered:
                return None
            self._lcps = np.frombuffer(lowered.encode("utf-32-le"), dtype=np.uint32)
        return self._lcps

    def bounds(self) -> tuple[list[int], list[int]]:
        """Start and end offsets of the lines, as lists (for loops over a few lines)."""
        if self._bounds is None:
            self._bounds = (self.starts.tolist(), (self.starts + self.lengths).tolist())
        return self._bounds

    def find_lines(self, *needles: str, lowered: bool = False) -> np.ndarray | None:
        """Lines holding any of ``needles`` (in ``lowered`` with ``lowered``; None when it could not be made).
        Each needle is looked for with ``str.find``, skipping to the next line at each hit: for the rare
        characters and strings asked for, cheaper than a pass over the page's code points per needle."""
        text = self.lowered() if lowered else self.joined
        if lowered and not text:
            return None
        starts, ends = self.bounds()
        found: list[int] = []
        for needle in needles:
            at = text.find(needle)
            while at >= 0:
                line = bisect_right(starts, at) - 1
                found.append(line)
                at = text.find(needle, ends[line])
        out = np.zeros(len(starts), dtype=bool)
        out[found] = True
        return out

    def tokens(self) -> Tokens | None:
        """The page's lower-cased ``\\w+`` tokens (None when lower-casing moved offsets)."""
        if self._tokens is None:
            lowered = self.lowered()
            lcps = self.lowered_cps()
            if lcps is None:
                return None
            # a character keeps its \w class when lower-cased to one character (checked over all of Unicode)
            start, end, line = self.token_bounds()
            n = len(lcps)
            powers, inverse = (_POW, _INV) if n <= _TABLE_CHARS else (_powers(_BASE, n), _powers(int(_INV[1]), n))
            # every character is summed, but a difference only ever spans the characters of one token
            csum = np.empty(n + 1, dtype=np.uint64)
            csum[0] = 0
            np.cumsum(lcps * powers[:n], out=csum[1:])  # uint32 times uint64: uint64, wrapping
            self._tokens = Tokens(
                lowered,
                start,
                end,
                line,
                (csum[end] - csum[start]) * inverse[start],
                csum,
                inverse,
            )
        return self._tokens

    def hits(self, table: VocabTable, extra: frozenset[str] = frozenset()) -> Hits | None:
        """The tokens of the page found in ``table`` (and in ``extra``, under ``VocabTable.EXTRA``).
        A call without ``extra`` reuses the hits of an earlier call for the same table."""
        cached = self._hits.get(id(table))
        if cached is None or (extra and cached[0] != extra):
            cached = (extra, self._lookup(table, extra))
            self._hits[id(table)] = cached
        return cached[1]

    def _lookup(self, table: VocabTable, extra: frozenset[str]) -> Hits | None:
        tokens = self.tokens()
        if tokens is None:
            return None
        bits = table.words.find(tokens.hash)
        if len(tokens.hash) > 1:
            bits[:-1] |= table.pairs.find(tokens.hash[:-1] * _PAIR_MIX + tokens.hash[1:])
        if extra:
            found = np.zeros(len(tokens.hash), dtype=bool)
            for hashed in {word_hash(w) for w in extra}:  # a few slug words: one comparison each beats np.isin
                found |= tokens.hash == np.uint64(hashed)
            bits[found] |= VocabTable.EXTRA
        lengths = tokens.end - tokens.start
        for k, group in table.prefix_groups:
            long_enough = np.flatnonzero(lengths >= k)
            prefix = tokens.prefix_hash(long_enough, k)
            for hashed, bit in group:
                bits[long_enough[prefix == hashed]] |= bit
        index = np.flatnonzero(bits)
        return Hits(index, tokens.line[index], bits[index], len(self.starts))

    def vocab_count(self, table: VocabTable, name: str) -> np.ndarray | None:
        """Tokens (or pairs) of vocabulary ``name`` per line; None when the page could not be tokenised."""
        hits = self.hits(table)
        return None if hits is None else hits.count(table.bits[name])

    def vocab_starts(self, table: VocabTable, name: str) -> np.ndarray | None:
        """Offsets (in ``joined``) of the tokens of vocabulary ``name``, in page order (a word pair: its first
        token); None when the page could not be tokenised."""
        hits = self.hits(table)
        tokens = self.tokens()
        if hits is None or tokens is None:
            return None
        return tokens.start[hits.index[(hits.bits & table.bits[name]) > 0]]

    def vocab_lines(self, table: VocabTable, name: str) -> np.ndarray | None:
        """Lines with a token (or pair) of vocabulary ``name``; None when the page could not be tokenised."""
        hits = self.hits(table)
        return None if hits is None else hits.has(table.bits[name])

    def digits(self) -> np.ndarray:
        """Digits per line."""
        return self.class_counts()[2]

    def has(self, pattern: PagePattern, only: np.ndarray | None = None) -> np.ndarray:
        """``count(pattern, only) > 0``, stopping at each line's first match."""
        return self.count(pattern, only, first=True) > 0

    def count(self, pattern: PagePattern, only: np.ndarray | None = None, first: bool = False) -> np.ndarray:
        """Matches of ``pattern`` per line (a match belongs to the line where it starts); with ``only``
        (a boolean mask), only those lines are scanned and the others count 0."""
        if pattern.exact is not None:
            found = pattern.exact(self)
            if found is not None:
                if first:
                    found = np.minimum(found, 1)
                return found if only is None else np.where(only, found, 0)
        if pattern.starts is not None and (not pattern.lowered or self.lowered()):
            at = pattern.starts(self)
            if at is not None:
                return self._count_from(
                    pattern.regex, self.lowered() if pattern.lowered else self.joined, at, only, first
                )
        if pattern.candidates is not None:
            cand = pattern.candidates(self)
            if cand is not None:
                only = cand if only is None else (only & cand)
        text = self.joined
        if pattern.lowered:
            if self.lowered():
                text = self.lowered()
            else:  # lower-casing moved offsets (a few letters grow): scan with IGNORECASE
                return self._count_in(
                    re.compile(pattern.regex.pattern, pattern.regex.flags | re.IGNORECASE), text, only, first
                )
        return self._count_in(pattern.regex, text, only, first)

    def _count_from(
        self, regex: re.Pattern[str], text: str, at: np.ndarray, only: np.ndarray | None, first: bool
    ) -> np.ndarray:
        """``_count_in`` for a pattern whose matches can only begin at the offsets ``at`` (sorted): ``re``
        tries a match there and nowhere else, and, as ``finditer`` does, not inside the previous match."""
        n = len(self.starts)
        out = np.zeros(n, dtype=np.int64)
        if not len(at):
            return out
        line = np.searchsorted(self.starts, at, side="right") - 1
        if only is not None:
            inside = only[line]
            at, line = at[inside], line[inside]
        ends = (self.starts + self.lengths).tolist()
        counts = [0] * n
        done = -1  # end of the last match: the next one starts at or after it
        for pos, i in zip(at.tolist(), line.tolist(), strict=True):
            if pos < done or (first and counts[i]):
                continue
            match = regex.match(text, pos, ends[i])
            if match is not None:
                counts[i] += 1
                done = match.end()
        out[:] = counts
        return out

    def _count_in(self, regex: re.Pattern[str], text: str, only: np.ndarray | None, first: bool = False) -> np.ndarray:
        n = len(self.starts)
        if only is not None:
            idx = np.flatnonzero(only)
            if idx.size == 0:
                return np.zeros(n, dtype=np.int64)
            if idx.size <= FEW_LINES:  # a few candidate lines: scan each on its own
                out = np.zeros(n, dtype=np.int64)
                starts, ends = self.bounds()
                lines = idx.tolist()
                if first:
                    out[lines] = [regex.search(text, starts[i], ends[i]) is not None for i in lines]
                else:
                    out[lines] = [sum(1 for _ in regex.finditer(text, starts[i], ends[i])) for i in lines]
                return out
            if idx.size < n:
                sub = "\n".join(
                    [
                        text[s : s + k]
                        for s, k in zip(self.starts[idx].tolist(), self.lengths[idx].tolist(), strict=True)
                    ]
                )
                sub_starts = np.zeros(idx.size, dtype=np.int64)
                sub_starts[1:] = np.cumsum(self.lengths[idx][:-1] + 1)
                out = np.zeros(n, dtype=np.int64)
                out[idx] = _bincount(regex, sub, sub_starts)
                return out
        return _bincount(regex, text, self.starts)


@dataclass(frozen=True, slots=True)
class PagePattern:
    """A line pattern for a page whose lines are joined by newlines: ``^``/``$`` match at line ends
    and whitespace is a space (lines are whitespace-collapsed), so no match runs into the next line.
    A case-insensitive pattern (all written in lower case) is compiled case-sensitive and runs on the
    lower-cased page: Python's ``re`` scans several times faster that way. ``starts``, when set, gives the
    offsets where a match can begin (every match of a vocabulary pattern begins at one of its vocabulary's
    tokens): ``re`` then tries those offsets only instead of scanning (None: scan). ``candidates``, when set,
    gives the lines where a match is possible (a necessary condition; None: all lines). ``exact``, when set,
    counts the matches of each line without running the pattern itself (None: not on this page)."""

    regex: re.Pattern[str]
    lowered: bool
    candidates: Callable[[PageText], np.ndarray | None] | None = None
    starts: Callable[[PageText], np.ndarray | None] | None = None
    exact: Callable[[PageText], np.ndarray | None] | None = None

    @classmethod
    def of(
        cls,
        pattern: re.Pattern[str],
        candidates: Callable[[PageText], np.ndarray | None] | None = None,
        starts: Callable[[PageText], np.ndarray | None] | None = None,
        exact: Callable[[PageText], np.ndarray | None] | None = None,
    ) -> PagePattern:
        folded = bool(pattern.flags & re.IGNORECASE)
        flags = (pattern.flags | re.MULTILINE) & ~re.IGNORECASE
        return cls(re.compile(pattern.pattern.replace(r"\s", " "), flags), folded, candidates, starts, exact)


def _bincount(regex: re.Pattern[str], text: str, starts: np.ndarray) -> np.ndarray:
    positions = [m.start() for m in regex.finditer(text)]
    if not positions:
        return np.zeros(len(starts), dtype=np.int64)
    line = np.searchsorted(starts, np.asarray(positions), side="right") - 1
    return np.bincount(line, minlength=len(starts))
