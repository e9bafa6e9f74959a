"""Words the attribution rules read: the tokenizer, the closed word classes and the cue-word table.

Every rule of ``quotes_fast`` and its helpers walks the same tokens (``tokens``: words with their
possessive or abbreviation dot, and punctuation marks, with offsets in the sentence). The classes
here are closed lists set by hand (pronouns, auxiliaries and adverbs between a subject and its
cue, determiners, words that end a noun phrase); ``cue_kind`` tells whether a word form is a
speech, belief or stance cue of the lexicon (``quotes_cues``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from storyline.extract.quotes_cues import BELIEF_FORMS, SPEECH_FORMS, STANCE_FORMS
from storyline.extract.sentences import Sentence

# A word with its possessive or abbreviation dot ("Trump’s", "Sen.", "U.S"), or one punctuation mark.
_TOK = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Rev|Prof|[A-Z])\."
    r"|[\w$%](?:[\w’'\-$%]|\.(?=\w)|,(?=\d\d\d))*|''|[^\w\s]"
)
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
# Tokens between a subject and its cue verb: auxiliaries, negation and common adverbs.
AUX_WORDS = {
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "once",
    "would",
    "will",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "did",
    "does",
    "do",
    "not",
    "never",
    "already",
    "just",
    "even",
    "still",
    "often",
    "again",
    "first",
    "long",
    "previously",
    "recently",
    "repeatedly",
    "reportedly",
    "publicly",
    "privately",
    "frequently",
    "initially",
    "earlier",
    "now",
    "n't",
    "both",
    "all",
    "too",
    "separately",
    "subsequently",
    "ultimately",
    "finally",
    "simply",
    "flatly",
    "openly",
    "explicitly",
    "specifically",
    "directly",
    "personally",
    "quickly",
    "instead",
}
AUX_WORDS |= {
    f"{w}{apo}t"
    for w in ("wasn", "isn", "didn", "doesn", "don", "won", "wouldn", "hasn", "haven", "aren", "weren", "couldn", "can")
    for apo in ("'", "’")
}
BE_WORDS = {"is", "was", "were", "are", "been", "being", "be", "'s", "’s"}
# Verbs of telling take a listener before the content ("told reporters that …").
LISTENER_VERBS = {"tell", "ask", "warn", "urge", "assure", "inform", "remind", "promise", "caution"}
# Words that end a subject noun phrase on its left.
NP_STOP = {
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "because",
    "when",
    "if",
    "as",
    "while",
    "after",
    "before",
    "since",
    "but",
    "so",
    "than",
    "where",
    "what",
    "why",
    "how",
    "though",
    "although",
    "unless",
    "until",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "should",
    "must",
    "said",
    "says",
    "say",
    "to",
    "with",
    "by",
    "on",
    "in",
    "into",
    "from",
    "about",
    "over",
    "under",
    "at",
    "not",
    "even",
    "only",
    "just",
    "also",
    "there",
    "then",
    "however",
    "meanwhile",
    "yet",
    "nor",
    "or",
    "and",
    "once",
}
# Inside a noun phrase these small words are kept when a capitalised word follows ("Secretary of State").
NP_LINK = {"of", "for", "at", "and", "&"}
DETERMINERS = {
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "some",
    "many",
    "most",
    "several",
    "other",
    "both",
    "two",
    "three",
    "one",
}
CLOSE_PUNCT = {",", "”", '"', "'", "’", "''", ":", "—", "–"}
PUNCT = {",", "”", "“", '"', "'", "’", "‘", "''", ":", ";", "—", "–", "-", "(", ")", "[", "]", ".", "?", "!"}

WORD = re.compile(r"\w+")


class Tok(NamedTuple):  # a named tuple: built for every word of every sentence, faster than a dataclass
    text: str
    low: str
    start: int  # offset in the sentence
    end: int


def tokens(s: str) -> list[Tok]:
    return list(_cached_tokens(s))


@lru_cache(maxsize=64)  # the rules and the cue model tokenise the same sentence in turn
def _cached_tokens(s: str) -> tuple[Tok, ...]:
    # tuple.__new__ skips the named tuple's keyword-parsing constructor: 2.3x faster on quotes-dev sentences
    return tuple([_new_tok(Tok, (t := m.group(), t.lower(), m.start(), m.end())) for m in _TOK.finditer(s)])


_new_tok = tuple.__new__


# Base forms ("they say", "I think") taken as cues; other base forms are as often nouns or
# infinitives after another verb ("the campaign", "to support", "go back") and need a parser.
_BASE_OK = {
    "say",
    "tell",
    "think",
    "believe",
    "know",
    "argue",
    "want",
    "insist",
    "agree",
    "suggest",
    "expect",
    "explain",
    "acknowledge",
    "admit",
    "warn",
    "ask",
    "predict",
    "worry",
    "contend",
    "urge",
    "deny",
    "doubt",
    "oppose",
    "endorse",
    "accuse",
    "criticize",
    "claim",
    "fear",
    "hope",
    "wonder",
    "recall",
    "show",
    "find",
    "feel",
    "concede",
    "assert",
    "declare",
    "complain",
    "confirm",
    "emphasize",
    "testify",
    "allege",
    "announce",
    "conclude",
    "maintain",
}
_NOUN_FORMS = {"states", "questions", "charges", "counters", "points", "posts", "backs"}


def _table() -> dict[str, str]:
    kinds: dict[str, str] = {}
    for forms, kind in ((STANCE_FORMS, "stance"), (BELIEF_FORMS, "belief"), (SPEECH_FORMS, "speech")):
        for form, lemma in forms.items():
            if (form == lemma and form not in _BASE_OK) or form in _NOUN_FORMS:
                continue
            kinds[form] = kind
    return kinds


_KINDS = _table()


def cue_kind(low: str) -> str | None:
    return _KINDS.get(low)


def text_span(sent: Sentence, s: int, e: int) -> tuple[int, int]:
    return sent.start + s, sent.start + e


def trim(s: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (s[a].isspace() or s[a] in ",;:—–-("):
        a += 1
    while b > a and (s[b - 1].isspace() or s[b - 1] in ",;:—–-("):
        b -= 1
    return a, b
