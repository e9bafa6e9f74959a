"""Names as written in an article, and the fullest form each short mention stands for.

Quotes and entities both need to know that "Kuleba" and "the minister" mean the
"Foreign Minister Dmytro Kuleba" named earlier. This module builds that index with
regular expressions over the whole text (no model), so it costs microseconds per article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from storyline.extract.timex_lex import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES

# Honorifics carry gender and are never part of the name.
HONORIFICS = {
    "mr": "m",
    "mr.": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "dr": None,
    "dr.": None,
    "sir": "m",
    "dame": "f",
    "lady": "f",
    "lord": "m",
}
# Words that head a title ("Foreign Minister", "Stein spokeswoman", "Sen."); the title is the
# prefix of a mention up to the last such word.
TITLE_HEADS = {
    "president",
    "minister",
    "secretary",
    "senator",
    "sen.",
    "sen",
    "gov.",
    "gov",
    "governor",
    "rep.",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "director",
    "general",
    "gen.",
    "ambassador",
    "mayor",
    "leader",
    "speaker",
    "judge",
    "justice",
    "attorney",
    "prosecutor",
    "commissioner",
    "officer",
    "official",
    "adviser",
    "advisor",
    "strategist",
    "manager",
    "pastor",
    "reverend",
    "rev.",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "premier",
    "chancellor",
    "candidate",
    "nominee",
    "founder",
    "ceo",
    "executive",
    "analyst",
    "professor",
    "prof.",
    "col.",
    "lt.",
    "capt.",
    "sgt.",
    "commander",
    "envoy",
    "aide",
    "economist",
    "pollster",
    "host",
    "anchor",
    "correspondent",
    "editor",
    "columnist",
    "writer",
    "author",
    "head",
    "lawmaker",
    "delegate",
    "coach",
    "sheriff",
    "detective",
    "lieutenant",
    "captain",
    "sergeant",
    "colonel",
    "major",
    "admiral",
}
_FEMALE_WORDS = {
    "spokeswoman",
    "congresswoman",
    "chairwoman",
    "queen",
    "princess",
    "she",
    "her",
    "hers",
    "herself",
    "woman",
    "mother",
    "wife",
    "daughter",
    "sister",
    "first lady",
}
_MALE_WORDS = {
    "spokesman",
    "congressman",
    "chairman",
    "king",
    "prince",
    "pope",
    "he",
    "his",
    "him",
    "himself",
    "man",
    "father",
    "husband",
    "son",
    "brother",
}

# A capitalised word of a name: "Dmytro", "O'Rourke", "Holtz-Eakin", "E." (initial), "Mr."
_CAP = r"(?:[A-Z][a-z]{0,3}\.|[A-Z][\w’'\-]*[\w])"
_NAME_RE = re.compile(rf"{_CAP}(?:[ \u00a0](?:{_CAP}|(?:de|van|von|der|da|bin|al|la|le|du)(?=[ \u00a0][A-Z])))*")
_POSSESSIVE = re.compile(r"[’']s?$")
# Capitalised words that start sentences or are not names on their own.
_NOT_NAME = {
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "if",
    "when",
    "as",
    "this",
    "that",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "our",
    "my",
    "there",
    "after",
    "before",
    "while",
    "for",
    "with",
    "by",
    "from",
    "to",
    "of",
    "so",
    "yet",
    "still",
    "now",
    "then",
    "also",
    "however",
    "meanwhile",
    "asked",
    "said",  # "Said Ellis: “…”", an inverted verb of saying before the name
    "according",
    "under",
    "over",
    "some",
    "many",
    "most",
    "all",
    "both",
    "one",
    "two",
    "those",
    "these",
    "what",
    "who",
    "why",
    "how",
    "where",
    "read",
    *WEEKDAY_NAMES,
    *MONTH_NAMES,
    *MONTH_ABBREVIATIONS,
    "it's",
    "that's",
    "here",
    "no",
    "yes",
    "not",
    "do",
    "does",
    "did",
    "is",
    "later",
    "earlier",
    "today",
    "yesterday",
    "tonight",
    "last",
    "next",
    "speaking",
    "separately",
    "instead",
    "finally",
    "first",
    "second",
    "thus",
    "since",
    "though",
    "although",
    "because",
    "during",
    "until",
    "despite",
    "unlike",
    "like",
    "even",
    "only",
    "just",
    "again",
    "indeed",
}


@dataclass(frozen=True, slots=True)
class Mention:
    """One capitalised name as written, split into title and name words."""

    start: int
    end: int
    title: str | None
    name: tuple[str, ...]
    gender: str | None  # "m", "f" or None


@dataclass(slots=True)
class NameIndex:
    """Every name mention of one article, in text order."""

    mentions: list[Mention] = field(default_factory=list)
    # mentions by their lower-cased last word, with their lower-cased words (built on first use)
    _by_last: dict[str, list[tuple[Mention, frozenset[str]]]] | None = None

    def fullest(self, name: tuple[str, ...], offset: int) -> Mention | None:
        """The longest mention whose words end with ``name``'s last word and include all of them.

        Among equally long forms, the last one before ``offset`` wins (the person the reader
        has in mind), else the first one after it.
        """
        if not name:
            return None
        if self._by_last is None:
            self._by_last = {}
            for mention in self.mentions:
                if mention.name:
                    self._by_last.setdefault(mention.name[-1].lower(), []).append(
                        (mention, frozenset(w.lower() for w in mention.name))
                    )
        want = {w.lower() for w in name}
        best: Mention | None = None
        best_key: tuple[int, int] | None = None
        for m, words in self._by_last.get(name[-1].lower(), ()):
            if not want <= words:
                continue
            key = (len(m.name), -(offset - m.start) if m.start <= offset else -(10**9 + m.start))
            if best_key is None or key > best_key:
                best, best_key = m, key
        return best

    def title_of(self, name: tuple[str, ...]) -> str | None:
        """The title written next to any mention of this full name ("Foreign Minister")."""
        for m in self.mentions:
            if m.title and m.name == name:
                return m.title
        return None

    def gender_of(self, name: tuple[str, ...]) -> str | None:
        last = name[-1].lower() if name else ""
        for m in self.mentions:
            if m.gender and m.name and m.name[-1].lower() == last:
                return m.gender
        return None

    def by_title(self, word: str, offset: int, rank: frozenset[str] = frozenset()) -> Mention | None:
        """The last named mention before ``offset`` whose title includes ``word`` ("the minister") with the same
        rank words (``RANK_WORDS``): "the vice president" is not the President, nor "the president" the Vice
        President."""
        word = word.lower()
        for m in reversed(self.mentions):
            if m.start < offset and m.name and m.title:
                title = m.title.lower().split()
                if word in title and RANK_WORDS.intersection(title) == rank:
                    return m
        return None


# Words that make another office of a title head: a vice president is not the president.
RANK_WORDS = frozenset({"vice", "deputy", "assistant", "associate", "lieutenant", "under", "acting"})


def split_title(words: list[str]) -> tuple[str | None, list[str], str | None]:
    """(title, name words, gender) of a mention such as ["Foreign", "Minister", "Dmytro", "Kuleba"]."""
    gender: str | None = None
    cut = 0
    for i, w in enumerate(words[:-1]):
        low = w.lower()
        if low in HONORIFICS:
            gender = HONORIFICS[low] or gender
            cut = i + 1
        elif _is_title_head(low):
            cut = i + 1
            gender = gender or ("f" if low in _FEMALE_WORDS else "m" if low in _MALE_WORDS else None)
    if cut and cut + 1 < len(words) and words[cut] == "of" and words[cut + 1][:1].isupper():  # "Secretary of State"
        if words[cut - 1][:1].islower():
            return None, [], gender  # "the governor of New York": a role, no name
        cut += 1 + office_words(words[cut + 1 :])
        if cut >= len(words):
            return None, [], gender  # "the former secretary of State": a role, no name
    title_words = [w for w in words[:cut] if w.lower() not in HONORIFICS]
    title = " ".join(title_words) or None
    if title and not any(_is_title_head(w.lower()) for w in title_words):
        title = None
    return title, words[cut:], gender


def office_words(words: list[str]) -> int:
    """How many of the capitalised words after "Secretary of" name the office ("State" in "State John Kerry",
    "National Intelligence" in "National Intelligence James Clapper"): all but the last two name words (an
    initial does not count), and at least one."""
    named = [i for i, w in enumerate(words) if not re.fullmatch(r"[A-Z]\.", w)]
    if len(named) <= 2:
        return min(1, len(words)) if len(named) < 2 else 1
    return named[-2]


def _is_title_head(low: str) -> bool:
    return low in TITLE_HEADS or low.split("-")[0] in TITLE_HEADS  # "commander-in-chief"


_OFFICE_OF = re.compile(r"\b([A-Z][a-z]+)[ \u00a0]of[ \u00a0]$")


def _office_before(text: str, start: int) -> str | None:
    """ "Secretary of" when a capitalised run starts right after a title head and "of"."""
    if text[start - 3 : start - 1] != "of":  # most runs: no regex search
        return None
    m = _OFFICE_OF.search(text, max(0, start - 30), start)
    if m is None or not _is_title_head(m.group(1).lower()):
        return None
    return f"{m.group(1)} of"


@lru_cache(maxsize=2)  # quotes' speaker resolver and the entity rules read the same body's index in turn
def build_index(text: str) -> NameIndex:
    """All capitalised name sequences of ``text``, with titles and honorifics split off; shared, so read-only.

    A run of capitalised words is cut at a word that starts a sentence or clause ("Freedom of
    Information Act. But Trump" gives "Information Act" and "Trump").
    """
    index = NameIndex()
    for m in _NAME_RE.finditer(text):
        words = m.group(0).replace("\u00a0", " ").split(" ")
        offset = m.start()
        run: list[str] = []
        run_start = offset
        for word in [*words, ""]:
            if word and word.lower() not in _NOT_NAME:
                if not run:
                    run_start = offset
                run.append(word)
            elif run:
                _add_mention(index, run, run_start, _office_before(text, run_start))
                run = []
            offset += len(word) + 1
    return index


def _add_mention(index: NameIndex, words: list[str], start: int, office: str | None = None) -> None:
    end = start + len(" ".join(words))
    if office is not None:  # "Secretary of" + "State John Kerry": "State" names the office
        cut = office_words(words)
        if len(words) - cut < 2:
            return  # "Governor of New York", "Secretary of State Kerry": an office, or a name too short to tell
        words = [*office.split(), *words[:cut], *words[cut:]]
    words = [*words[:-1], _POSSESSIVE.sub("", words[-1])]
    if words[-1].endswith(".") and len(words[-1]) > 5:
        words[-1] = words[-1][:-1]  # "Act." ends a sentence; "Jr." and "Sen." keep their dot
    title, name, gender = split_title(words)
    if not name or all(w.lower() in _NOT_NAME for w in name):
        return
    index.mentions.append(Mention(start, end, title, tuple(name), gender))


def gender_word(word: str) -> str | None:
    low = word.lower()
    return "f" if low in _FEMALE_WORDS else "m" if low in _MALE_WORDS else None
