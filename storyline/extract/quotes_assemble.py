"""From proposed attributions to the attributions of a text: the ``Raw`` proposals every finder makes
(``quotes_fast``, ``quotes_model``, ``quotes_parse``, ``quotes_headlines``), the ``Attribution`` they become, and
the rules that reconcile them.

One cue gives one attribution; content parts that cut into a quote grow to the whole quote, and parts too far
apart become separate attributions. A quote left without a speaker continues the previous direct attribution
of its paragraph when it stands alone as a sentence. A speaker opening a new clause inside another's content
(", although he tweeted …") ends that content there; content running into a later attribution's speaker and
cue ("X called for A, sources said") ends before them; an attribution reported inside another one's content,
or whose content lies wholly inside another's, is dropped; a lone time or link word ("Tuesday", "Meanwhile")
is no speaker. Speakers are resolved with ``quotes_speakers.Resolver``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.extract.quotes_speakers import Resolver
from storyline.extract.quotes_words import WORD
from storyline.extract.timex_lex import MONTH_NAMES, WEEKDAY_NAMES

# Content parts further apart than this many words become separate attributions: the scorer (and a
# reader) can follow a quote across "he said" but not across a long appositive. 12 is score.py's
# max_gap for in-order token matching (quotes-dev, see benchmarks/eval_quotes.py).
MAX_PART_GAP_WORDS = 12
# What joins a clause to the next one's speaker, trimmed when a content part is cut there ("A, and X said").
JOIN_TAIL = re.compile(r"(?:[\s,;:—–\-(]|\b(?:and|but|or|while|as)\b)+$")


@dataclass(slots=True)
class Attribution:
    """One attribution. Offsets index the text given to ``find_quotes``.

    ``content`` is the attributed words; when they come in several parts (a quote split by
    "he said") ``parts`` lists each part's offsets and ``content`` joins them with a space, while
    ``content_start``/``content_end`` span from the first part to the last.
    """

    speaker: str | None
    speaker_start: int
    speaker_end: int
    cue: str
    cue_start: int
    cue_end: int
    content: str
    content_start: int
    content_end: int
    direct: bool
    title: str | None = None
    mention: str | None = None  # the speaker as written ("he", "the minister", "Kuleba")
    parts: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Raw:
    """One proposed attribution: a cue, its content parts and its speaker (a parsed subject or a span), before
    the speaker is resolved and the parts are grouped into attributions."""

    subject: Any  # spaCy Token or None
    cue: tuple[int, int]
    parts: list[tuple[int, int]]
    base: int  # offset of the parsed sentence in the text
    speaker_override: tuple[int, int] | None = None  # for "according to X": X's span
    secondary: bool = False  # from the parser: kept only where the rules found nothing


def assemble(text: str, quotes: list[tuple[int, int]], raws: list[Raw]) -> list[Attribution]:
    resolver = Resolver(text)
    out: list[Attribution] = []
    extra: list[Attribution] = []
    cues: set[tuple[int, int]] = set()
    for raw in sorted(raws, key=lambda r: (r.cue[0], r.secondary)):
        if raw.cue in cues:
            continue  # one cue, one attribution (a quote's sentence and the cue's sentence both saw it)
        cues.add(raw.cue)
        (extra if raw.secondary else out).extend(_finish(text, raw, quotes, resolver))
    taken = [p for a in out for p in a.parts]
    out.extend(a for a in extra if not any(overlaps_any(s, e, taken) for s, e in a.parts))
    out.sort(key=lambda a: a.cue_start)
    _attach_continuations(text, quotes, out)
    _split_at_clauses(text, out)
    _cut_at_trailing_attributions(text, out)
    out = [a for a in out if not _nested(a, out) and not _misread_speaker(a.mention)]
    out = [a for a in out if not _contained(a, out)]
    for a in out:
        if _time_or_link_word(a.mention):  # "Tuesday, … said", "Meanwhile, … said": who spoke is not known
            a.speaker, a.speaker_start, a.speaker_end, a.title = None, -1, -1, None
    out.sort(key=lambda a: (a.content_start, a.cue_start))
    return out


# A speaker opened by one of these is a phrase the noun-phrase scan misread ("at Mr. Trump's rally said",
# "despite admitting"): on quotes-dev such speakers were right 7 times in 28 (half A) and 4 in 24 (half B).
_PREPOSITIONS = {
    "at",
    "in",
    "of",
    "within",
    "like",
    "despite",
    "for",
    "on",
    "with",
    "about",
    "from",
    "by",
    "after",
    "before",
    "during",
    "to",
    "into",
    "over",
    "under",
    "than",
    "as",
    "without",
    "against",
}


# A lone word that names a time ("Tuesday", "July", "2010") or links a sentence to the one before ("Meanwhile",
# "Instead") is what the noun-phrase scan took for a subject in "Tuesday, McConnell said …", "In 2010, he said …":
# the attribution keeps its content without a speaker. quotes-dev source F1 half A 0.7847 -> 0.7851, held-out B
# 0.7354 -> 0.7356, content unchanged (dropping such attributions instead lost content F1 0.0005).
_NOT_SPEAKERS = frozenset(
    {
        *WEEKDAY_NAMES,
        *(m for m in MONTH_NAMES if m != "may"),  # "may" is the modal
        *("today", "yesterday", "tonight", "meanwhile", "instead", "however", "besides"),
        *("nonetheless", "nevertheless", "moreover", "now", "yet", "still", "also", "too", "more", "then"),
        *("later", "earlier"),
    }
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _time_or_link_word(mention: str | None) -> bool:
    words = (mention or "").split()
    return len(words) == 1 and (words[0].lower() in _NOT_SPEAKERS or _YEAR.fullmatch(words[0]) is not None)


def _misread_speaker(mention: str | None) -> bool:
    """A speaker opened by a preposition, or a lone lower-case participle ("avoided", "emerged")."""
    words = (mention or "").split()
    if not words:
        return False
    return words[0].lower() in _PREPOSITIONS or (
        len(words) == 1 and words[0].islower() and words[0].endswith(("ed", "ing"))
    )


# A clause break just before a speaker inside another attribution's content: "X said A, although he tweeted B".
# quotes-dev source F1 (all, before the later assembly rules): 0.7430 with this set, 0.7426 adding dashes,
# "because" and "since", 0.7420 with more conjunctions and colons, 0.7400 without the bare comma.
CLAUSE_BREAK = re.compile(r"(?:[,;]|[,;]?\s+(?:although|though|but|while|whereas|even as|and))\s*$")


def _split_at_clauses(text: str, out: list[Attribution]) -> None:
    """An attribution whose speaker opens a new clause inside another one's content ends that content there,
    so that both stand (PolNeAR marks both; a speaker inside a "that" clause stays nested and is dropped)."""
    for a in out:
        for b in out:
            if (
                b is a
                or b.cue_start == a.cue_start
                or b.content_start < b.cue_start
                or not (b.content_start < a.speaker_start < b.content_end)
            ):
                continue
            if (
                a.speaker_start < a.cue_start
                and a.content_start > b.content_start
                and (m := CLAUSE_BREAK.search(text, b.content_start, a.speaker_start)) is not None
            ):
                cut = JOIN_TAIL.search(text, b.content_start, m.start())
                end = cut.start() if cut else m.start()
                parts = [(s, min(e, end)) for s, e in b.parts if s < end]
                if parts and len(WORD.findall(text, parts[0][0], parts[-1][1])) >= 2:
                    b.parts = parts
                    b.content = " ".join(text[s:e] for s, e in parts)
                    b.content_end = parts[-1][1]


def _cut_at_trailing_attributions(text: str, out: list[Attribution]) -> None:
    """Content that runs into a later attribution's speaker and cue ends before them ("X called for A, sources
    said.": X's content is "for A"); it then lies inside that attribution's content, and ``_contained`` drops it."""
    for a in out:
        for b in out:
            if b is a or b.cue_start <= a.cue_end or b.speaker_start < a.cue_end:
                continue
            start = min(b.speaker_start, b.cue_start)
            if not any(s < start < e for s, e in a.parts) or not _LEAD_CLOSE.search(text, a.content_start, start):
                continue
            cut = JOIN_TAIL.search(text, a.content_start, start)
            end = cut.start() if cut else start
            parts = [(s, min(e, end)) for s, e in a.parts if s < end]
            if parts and WORD.search(text, parts[-1][0], parts[-1][1]):
                a.parts = parts
                a.content = " ".join(text[s:e] for s, e in parts)
                a.content_end = parts[-1][1]


# A lead content ends with a comma or a closing quote before its speaker ("A, sources said").
_LEAD_CLOSE = re.compile(r"(?:,|[,?!]?[”\"’]|'')\s*$")


def _contained(a: Attribution, out: Sequence[Attribution]) -> bool:
    """Content that lies wholly inside another attribution's content (quotes-dev half A: such attributions were
    right 13 times in 83, the ones holding them 66 times)."""
    return any(
        b.content_start <= a.content_start
        and a.content_end <= b.content_end
        and b is not a
        and b.cue_start != a.cue_start
        and (b.parts != a.parts or b.cue_start < a.cue_start)
        and all(any(s <= s2 and e2 <= e for s, e in b.parts) for s2, e2 in a.parts)
        for b in out
    )


def _nested(a: Attribution, out: Sequence[Attribution]) -> bool:
    """An attribution reported inside another one's content ("X said Y wants Z": Y's)."""
    return any(
        b is not a
        and b.content_start <= a.speaker_start
        and a.content_end <= b.content_end
        and b.content_start <= a.content_start
        and b.cue_start != a.cue_start
        for b in out
    )


def inside_any(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(qs < s and e < qe for qs, qe in spans)


def overlaps_any(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(qs < e and s < qe for qs, qe in spans)


def _extend_to_quotes(
    parts: list[tuple[int, int]], quotes: Sequence[tuple[int, int]], cue: tuple[int, int]
) -> list[tuple[int, int]]:
    """Each part that cuts into a quote grows to the whole quote (a quote split into sentences)."""
    out: list[tuple[int, int]] = []
    for s, e in parts:
        for qs, qe in quotes:
            if qs < e and s < qe and not (qs <= cue[0] < qe):
                s, e = min(s, qs), max(e, qe)
        out.append((s, e))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(out):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _groups(text: str, parts: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    groups: list[list[tuple[int, int]]] = []
    for part in parts:
        if groups and len(WORD.findall(text[groups[-1][-1][1] : part[0]])) <= MAX_PART_GAP_WORDS:
            groups[-1].append(part)
        else:
            groups.append([part])
    return groups


def _finish(text: str, raw: Raw, quotes: Sequence[tuple[int, int]], resolver: Resolver) -> list[Attribution]:
    parts = _extend_to_quotes(raw.parts, quotes, raw.cue)
    speaker = resolver.resolve(raw.subject, raw.base, raw.speaker_override, raw.cue[0], quotes)
    out = []
    for group in _groups(text, parts):
        direct = _quoted_share(group, quotes) >= 0.5
        out.append(
            Attribution(
                speaker=speaker.name,
                speaker_start=speaker.start,
                speaker_end=speaker.end,
                cue=text[raw.cue[0] : raw.cue[1]],
                cue_start=raw.cue[0],
                cue_end=raw.cue[1],
                content=" ".join(text[s:e] for s, e in group),
                content_start=group[0][0],
                content_end=group[-1][1],
                direct=direct,
                title=speaker.title,
                mention=speaker.mention,
                parts=list(group),
            )
        )
    return out


def _quoted_share(parts: Sequence[tuple[int, int]], quotes: Sequence[tuple[int, int]]) -> float:
    total = sum(e - s for s, e in parts) or 1
    lo, hi = parts[0][0], parts[-1][1]
    # quotes are sorted by start and do not nest: only the two starting before the parts can reach into them
    near = quotes[max(0, bisect_left(quotes, (lo, 0)) - 2) : bisect_left(quotes, (hi, 0))]
    inside = sum(max(0, min(e, qe) - max(s, qs)) for s, e in parts for qs, qe in near)
    return inside / total


def _attach_continuations(text: str, quotes: Sequence[tuple[int, int]], out: list[Attribution]) -> None:
    """A quote nobody is credited with continues the last direct attribution before it, when that
    one is in the same paragraph or ends the paragraph just before."""
    for qs, qe in quotes:
        if any(s < qe and qs < e for a in out for s, e in a.parts):
            continue
        prev = max(
            (a for a in out if a.cue_end <= qs and a.content_end <= qs and a.direct),
            key=lambda a: a.content_end,
            default=None,
        )
        if (
            prev is None
            or text.count("\n\n", prev.content_end, qs) > 1
            or ("\n\n" not in text[prev.content_end : qs] and "\n" in text[prev.content_end : qs].strip())
        ):
            continue
        if _anything_between(out, prev.content_end, qs, prev) or not _stands_alone(text, qs, qe):
            continue
        gap_words = len(WORD.findall(text[prev.content_end : qs]))
        if gap_words <= MAX_PART_GAP_WORDS and "\n" not in text[prev.content_end : qs]:
            prev.parts.append((qs, qe))
            prev.content = f"{prev.content} {text[qs:qe]}"
            prev.content_end = qe
        else:
            out.append(
                Attribution(
                    speaker=prev.speaker,
                    speaker_start=prev.speaker_start,
                    speaker_end=prev.speaker_end,
                    cue=prev.cue,
                    cue_start=prev.cue_start,
                    cue_end=prev.cue_end,
                    content=text[qs:qe],
                    content_start=qs,
                    content_end=qe,
                    direct=True,
                    title=prev.title,
                    mention=prev.mention,
                    parts=[(qs, qe)],
                )
            )


def _stands_alone(text: str, qs: int, qe: int) -> bool:
    """No words of the quote's own sentence outside it ("“…” Vitter demanded." is not a continuation)."""
    line_start = text.rfind("\n", 0, qs) + 1
    line_end = text.find("\n", qe)
    before = re.split(r"[.!?][”\"’]?\s", text[line_start:qs])[-1]
    after = re.split(r"[.!?]\s", text[qe : line_end if line_end >= 0 else len(text)])[0]
    return not WORD.search(before) and not WORD.search(after)


def _anything_between(out: Sequence[Attribution], s: int, e: int, prev: Attribution) -> bool:
    return any(s <= a.cue_start < e and a.cue_start != prev.cue_start for a in out)
