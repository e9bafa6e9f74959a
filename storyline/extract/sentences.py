"""A fast rule-based sentence splitter with offsets, shared by every extractor."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Abbreviations after which a period does not end a sentence (news style: "Jan.", "Gov.", "U.S.").
_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "sen",
    "rep",
    "gov",
    "gen",
    "col",
    "lt",
    "sgt",
    "capt",
    "cmdr",
    "prof",
    "rev",
    "jr",
    "sr",
    "inc",
    "corp",
    "co",
    "ltd",
    "no",
    "vs",
    "etc",
    "ft",
    "mt",
    "ave",
    "blvd",
    "rd",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "u.s",
    "u.k",
    "u.n",
    "a.m",
    "p.m",
    "d.c",
    "det",
    "ofc",
    "dept",
    "approx",
    "est",
    "pres",
    "supt",
    "cpl",
    "pvt",
    "maj",
    "adm",
    "atty",
    "hon",
    "gens",
    "reps",
    "sens",
}
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)|\n\s*\n")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


# Abbreviations that are always followed by a name or a number, so a capital after them
# does not start a new sentence ("Gov. Lee", "Jan. 2").
_ALWAYS_JOINED = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "st", "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "lt", "sgt", "capt", "det", "ofc", "no",
}  # fmt: skip
_OPEN_QUOTE = "\"“‘'"


def _joins_next(text: str, match: re.Match[str], start: int) -> bool:
    """True when the period of ``match`` ends an abbreviation or an initial, not a sentence."""
    if not match.group(0).startswith("."):
        return False
    token = text[max(start, text.rfind(" ", start, match.start()) + 1) : match.start()]
    word = token.lower().strip("(\"'“‘")
    initial = len(word) == 1 and word.isalpha()
    if not (word in _ABBREV or initial or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word)):
        return False
    nxt = text[match.end() : match.end() + 3].lstrip()
    if not nxt or nxt[0] in _OPEN_QUOTE:
        return False  # '... said on X. “We ...' : a quote opens a new sentence
    return not nxt[0].isupper() or word in _ALWAYS_JOINED or initial


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their character offsets; paragraphs always end a sentence."""
    return list(_split(text))


@lru_cache(maxsize=4)  # the extract stage, counts and quotes split the same body in turn
def _split(text: str) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        if _joins_next(text, match, start):
            continue
        _append(sentences, text, start, match.end())
        start = match.end()
    _append(sentences, text, start, len(text))
    return tuple(sentences)


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    e = s + len(stripped)
    out.append(Sentence(s, e, text[s:e]))


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence that holds character ``offset`` (binary search)."""
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        sent = sentences[mid]
        if offset < sent.start:
            hi = mid - 1
        elif offset >= sent.end:
            lo = mid + 1
        else:
            return sent
    return None
