"""Who a speaker mention stands for: the fullest name in the article, with its title."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storyline.extract.quotes_names import RANK_WORDS, TITLE_HEADS, Mention, build_index, gender_word, split_title

# Words that mark a capitalised sequence as an organisation, place or thing rather than a person.
NON_PERSON_WORDS = {
    "council",
    "party",
    "house",
    "senate",
    "congress",
    "university",
    "college",
    "school",
    "department",
    "ministry",
    "service",
    "services",
    "news",
    "post",
    "times",
    "journal",
    "committee",
    "union",
    "court",
    "agency",
    "press",
    "institute",
    "center",
    "centre",
    "foundation",
    "association",
    "national",
    "united",
    "states",
    "city",
    "county",
    "street",
    "state",
    "republic",
    "republican",
    "republicans",
    "democratic",
    "democrats",
    "democrat",
    "america",
    "american",
    "americans",
    "new",
    "north",
    "south",
    "east",
    "west",
    "company",
    "corp",
    "inc",
    "group",
    "bureau",
    "board",
    "chamber",
    "society",
    "workers",
    "bank",
    "fund",
    "office",
    "army",
    "force",
    "forces",
    "navy",
    "police",
    "church",
    "club",
    "network",
    "media",
    "tv",
    "radio",
    "magazine",
    "review",
    "daily",
    "tribune",
    "herald",
    "guardian",
    "telegraph",
    "white",
    "twitter",
    "facebook",
    "google",
    "nato",
    "un",
    "eu",
    "fbi",
    "cia",
    "cnn",
    "fox",
    "msnbc",
    "abc",
    "nbc",
    "cbs",
    "gop",
    "isis",
    "act",
    "bill",
    "law",
    "day",
    "week",
    "war",
    "election",
    "campaign",
    "convention",
    "debate",
    "poll",
    "caucus",
    "caucuses",
    "primary",
    "summit",
    "island",
    "islands",
    "river",
    "mountain",
    "valley",
    "airport",
    "hospital",
    "station",
    "square",
    "park",
    "avenue",
    "road",
    "district",
    "province",
    "region",
    "kingdom",
    "federation",
    "federal",
    "supreme",
    "general",
    "international",
    "global",
    "world",
    "european",
    "russian",
    "ukrainian",
    "chinese",
    "british",
    "french",
    "german",
    "mexican",
}
_DETERMINERS = {"the", "a", "an"}
_RELATIVE = {"who", "that", "which", "whom"}
_PERSONAL = {"he": "m", "him": "m", "she": "f", "her": "f"}
_NAME_LINKS = {"of", "de", "van", "von", "der", "da", "bin", "al", "la", "le", "du", "and", "&"}
# Prepositions that join a role to whom it serves ("an aide to", "a lawyer for", "a source close to").
_SERVES = {"for", "to", "at", "with"}
_OTHER_PRONOUNS = {"they", "them", "it", "we", "us", "i", "you", "one"}
_STOPPERS = {",", "—", "–", "(", ")", ":", ";", "--"}


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    start: int
    end: int
    title: str | None
    mention: str | None


_NONE = Speaker(None, -1, -1, None, None)


class Resolver:
    """Resolves speaker mentions of one article against its names, left to right."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.index = build_index(text)
        self.learned: dict[tuple[str, ...], str] = {}
        self.persons: list[Mention] = [m for m in self.index.mentions if self._person_like(m)]

    def _person_like(self, m: Mention) -> bool:
        if m.title or m.gender:
            return True
        full = self.index.fullest(m.name, m.start) or m
        words = [w.lower() for w in full.name]
        if full.title or full.gender:
            return True
        return (
            2 <= len(words) <= 4
            and not any(w in NON_PERSON_WORDS for w in words)
            and all(w[:1].isalpha() for w in words)
        )

    def _gender(self, name: tuple[str, ...]) -> str | None:
        return self.learned.get(name) or self.index.gender_of(name)

    def resolve(
        self, tok: Any, base: int, override: tuple[int, int] | None, at: int, quotes: Sequence[tuple[int, int]]
    ) -> Speaker:
        if override is not None:
            return self.resolve_span(*override)
        if tok is None:
            return _NONE
        low = tok.lower_
        if tok.tag_ in ("WP", "WDT") or (low in _RELATIVE and tok.head.dep_ == "relcl"):
            head = tok.head.head if tok.head.dep_ == "relcl" else None
            return self.resolve(head, base, None, at, quotes) if head is not None else _NONE
        s, e = base + tok.idx, base + tok.idx + len(tok)
        if tok.tag_ in ("PRP", "PRP$"):
            if low in _PERSONAL:
                return self._pronoun(s, e, _PERSONAL[low])
            return Speaker(tok.text, s, e, None, tok.text)  # "they", "it", "I": kept as written
        s, e = _mention_span(tok, base)
        speaker = self._named_or_nominal(s, e, proper=tok.tag_.startswith("NNP"))
        if speaker.title is None and tok.tag_.startswith("NNP"):
            appos = next((c for c in tok.children if c.dep_ == "appos"), None)
            if appos is not None:
                title = _appos_title(appos)
                speaker = Speaker(speaker.name, speaker.start, speaker.end, title, speaker.mention)
        return speaker

    def resolve_span(self, s: int, e: int) -> Speaker:
        """The speaker written at ``text[s:e]``: a pronoun, a name or a noun phrase ("the campaign")."""
        written = self.text[s:e].strip()
        low = written.lower()
        if low in _PERSONAL:
            return self._pronoun(s, e, _PERSONAL[low])
        if low in _OTHER_PRONOUNS:
            return Speaker(written, s, e, None, written)
        words = [w for w in written.split() if w[:1].isalnum()]
        proper = bool(words) and words[-1][:1].isupper()
        return self._named_or_nominal(s, e, proper=proper)

    def _named_or_nominal(self, s: int, e: int, proper: bool) -> Speaker:
        written = self.text[s:e]
        words = written.split()
        if words:
            words[-1] = re.sub(r"[’']s?$", "", words[-1])
        while words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        if not words:
            return Speaker(None, s, e, None, written)
        if proper:
            title, name, gender = split_title(words)
            if name and not all(w[:1].isupper() or w.lower() in _NAME_LINKS for w in name):
                return Speaker(" ".join(words), s, e, None, written)  # "a spokesman for committee Democrats"
            if "of" in name[2:] and not any(w.lower() in NON_PERSON_WORDS for w in name[: name.index("of", 2)]):
                name = name[: name.index("of", 2)]  # "Peter T. King of New York": the person, not the state
            if name and _SERVES.intersection(w.lower() for w in (title or "").split()):
                # "a spokesman for House Speaker Paul Ryan": the one who serves, not the name after the preposition
                return Speaker(" ".join(words), s, e, None, written)
            if name:
                full = self.index.fullest(tuple(name), s)
                full_name = full.name if full is not None else tuple(name)
                title = title or (full.title if full else None) or self.index.title_of(full_name)
                if gender:
                    self.learned.setdefault(full_name, gender)
                return Speaker(" ".join(full_name), s, e, title, written)
        head = words[-1].lower()
        if written.lower().startswith("the ") and head in TITLE_HEADS and len(words) <= 3:
            m = self.index.by_title(head, s, RANK_WORDS.intersection(w.lower() for w in words))
            if m is not None:
                return Speaker(" ".join(m.name), s, e, m.title, written)
        return Speaker(" ".join(words), s, e, None, written)

    def _pronoun(self, s: int, e: int, gender: str) -> Speaker:
        for m in reversed(self.persons):
            if m.start >= s:
                continue
            full = self.index.fullest(m.name, m.start) or m
            known = m.gender or self._gender(full.name) or gender_word(full.title or "")
            if known is not None and known != gender:
                continue
            self.learned.setdefault(full.name, gender)
            title = full.title or self.index.title_of(full.name)
            return Speaker(" ".join(full.name), s, e, title, self.text[s:e])
        return Speaker(self.text[s:e], s, e, None, self.text[s:e])  # nobody named before: kept as written


def _mention_span(tok: Any, base: int) -> tuple[int, int]:
    """The words of a subject noun phrase: its left modifiers and "of"-phrases, up to a comma."""
    doc = tok.doc
    left = tok.i
    subtree = {t.i for t in tok.subtree}
    while left - 1 in subtree and doc[left - 1].text not in _STOPPERS and doc[left - 1].tag_ not in ("WP",):
        left -= 1
    right = tok.i
    if not tok.tag_.startswith("NNP"):
        while (
            right + 1 in subtree
            and doc[right + 1].text not in _STOPPERS
            and doc[right + 1].tag_ not in ("WP", "WDT", "VBZ", "VBD", "VBP", "MD")
            and right - left < 9
        ):
            right += 1
    else:
        while right + 1 in subtree and (
            doc[right + 1].tag_.startswith("NNP")
            or (doc[right + 1].lower_ == "of" and right + 2 in subtree and doc[right + 2].tag_.startswith("NNP"))
        ):
            right += 1
    while right > tok.i and doc[right].text in _STOPPERS:
        right -= 1
    return base + doc[left].idx, base + doc[right].idx + len(doc[right])


def _appos_title(appos: Any) -> str | None:
    words = [t.text for t in appos.subtree if t.text not in _STOPPERS]
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not words or len(words) > 8:
        return None
    return " ".join(words)
