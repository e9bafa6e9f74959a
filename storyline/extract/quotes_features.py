"""What the cue model reads of a candidate word: the candidate filter and the feature names.

A candidate is a lower-case content word (no function word, no "-ly" adverb). Its features are the word, a
crude lemma, its neighbours, word shapes, its kind in the cue lexicon (speech, belief, stance), the quote
marks around it and what stands on its subject side; ``quotes_model`` weighs them.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.extract.quotes_cues import BELIEF_FORMS, SPEECH_FORMS, STANCE_FORMS
from storyline.extract.quotes_skip import skip_left
from storyline.extract.quotes_words import AUX_WORDS, BE_WORDS, NP_STOP, PRONOUNS, PUNCT, Tok

# Words that never head a cue: function words the candidate filter drops before scoring.
_FUNCTION = {
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "and",
    "or",
    "but",
    "that",
    "this",
    "these",
    "those",
    "which",
    "who",
    "whom",
    "whose",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "him",
    "them",
    "us",
    "me",
    "be",
    "been",
    "being",
    "is",
    "was",
    "were",
    "are",
    "am",
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
    "not",
    "no",
    "as",
    "if",
    "than",
    "then",
    "so",
    "there",
    "when",
    "where",
    "while",
    "what",
    "how",
    "why",
    "all",
    "any",
    "some",
    "more",
    "most",
    "very",
    "just",
    "also",
    "about",
    "into",
    "over",
    "after",
    "before",
    "up",
    "out",
    "off",
    "only",
    "even",
    "such",
    "both",
    "each",
    "other",
    "one",
    "two",
    "s",
    "t",
    "n't",
    "mr",
    "mrs",
    "ms",
    "because",
    "since",
    "though",
}
_SUFFIXES = (("ies", "y"), ("ied", "y"), ("ying", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def lemma(low: str) -> str:
    """A crude lemma: the common verb and plural endings stripped ("railed" → "rail")."""
    if low in SPEECH_FORMS:
        return SPEECH_FORMS[low]
    if low in BELIEF_FORMS:
        return BELIEF_FORMS[low]
    if low in STANCE_FORMS:
        return STANCE_FORMS[low]
    for suffix, repl in _SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            return low[: len(low) - len(suffix)] + repl
    return low


def word_shape(text: str) -> str:
    if not text:
        return "_"
    c = text[0]
    if c.isupper():
        return "X" if len(text) == 1 or text[1:].islower() else "XX"
    if c.islower():
        return "x"
    if c.isdigit():
        return "d"
    return text[0]


def lexicon_kind(low: str) -> str:
    if low in SPEECH_FORMS:
        return "sp"
    if low in BELIEF_FORMS:
        return "be"
    if low in STANCE_FORMS:
        return "st"
    return "-"


def bucket(n: int) -> str:
    return str(n) if n < 3 else ("3" if n < 6 else ("6" if n < 11 else "11"))


def is_candidate(tok: Tok) -> bool:
    """A lower-case word that can head a cue: no function word, no adverb ("widely", "reportedly")."""
    t = tok.text
    return (
        t[:1].islower()
        and t.replace("-", "").replace("’", "").replace("'", "").isalpha()
        and (tok.low not in _FUNCTION)
        and not tok.low.endswith("ly")
    )


def quote_marks(toks: Sequence[Tok], inside: Sequence[tuple[int, int]]) -> list[int]:
    """Per token: 1 inside a quotation (sentence offsets in ``inside``), else 0."""
    return [1 if any(a <= t.start < b for a, b in inside) else 0 for t in toks]


def subject_side(s: str, toks: Sequence[Tok], i: int) -> int:
    """Index of the token before cue ``i`` once auxiliaries, adverbs, 'is' and time phrases are skipped."""
    j = skip_left(s, toks if isinstance(toks, list) else list(toks), i)
    while j >= 0 and (toks[j].low in BE_WORDS or toks[j].low in AUX_WORDS):
        j -= 1
    return j


def marked_range(in_quote: Sequence[int]) -> tuple[int, int]:
    """First and last index marked inside a quotation ((n, -1) when none is)."""
    marked = [k for k, m in enumerate(in_quote) if m]
    return (marked[0], marked[-1]) if marked else (len(in_quote), -1)


def features(
    s: str, toks: Sequence[Tok], i: int, in_quote: Sequence[int], marked: tuple[int, int] | None = None
) -> list[str]:
    """The feature names of token ``i`` as a cue head (``marked``: ``marked_range(in_quote)``, once per
    sentence)."""
    tok = toks[i]
    low = tok.low
    lem = lemma(low)
    n = len(toks)
    p1 = toks[i - 1].low if i > 0 else "<s>"
    p2 = toks[i - 2].low if i > 1 else "<s>"
    n1 = toks[i + 1].low if i + 1 < n else "</s>"
    n2 = toks[i + 2].low if i + 2 < n else "</s>"
    j = subject_side(s, toks, i)
    if j < 0:
        subj = "none"
    elif toks[j].low in PRONOUNS:
        subj = "pron"
    elif toks[j].text in PUNCT:
        subj = "p" + toks[j].text
    elif toks[j].text[:1].isupper():
        subj = "cap"
    elif toks[j].low in NP_STOP:
        subj = "stop"
    else:
        subj = "low"
    first, last = marked if marked is not None else marked_range(in_quote)
    before = first < i
    after = last > i
    q = ("b" if before else "") + ("a" if after else "") or "none"
    kind = lexicon_kind(low)
    return [
        "w=" + low,
        "l=" + lem,
        "s3=" + low[-3:],
        "p1=" + p1,
        "p2=" + p2,
        "n1=" + n1,
        "n2=" + n2,
        "p1w=" + p1 + "|" + low,
        "wn1=" + low + "|" + n1,
        "ln1=" + lem + "|" + n1,
        "p1l=" + p1 + "|" + lem,
        "sh=" + word_shape(toks[i - 1].text if i > 0 else "") + word_shape(toks[i + 1].text if i + 1 < n else ""),
        "k=" + kind,
        "kn1=" + kind + "|" + n1,
        "subj=" + subj,
        "subjl=" + subj + "|" + lem,
        "subjk=" + subj + "|" + kind,
        "q=" + q,
        "ql=" + q + "|" + lem,
        "pos=" + bucket(i),
        "rem=" + bucket(n - i - 1),
        "pos|subj=" + bucket(i) + subj,
    ]


def subject_kind(s: str, toks: Sequence[Tok], i: int) -> str:
    """What stands on the subject side of cue ``i``: the ``subj=`` feature's value."""
    j = subject_side(s, toks, i)
    if j < 0:
        return "none"
    t = toks[j]
    if t.low in PRONOUNS:
        return "pron"
    if t.text in PUNCT:
        return "p" + t.text
    if t.text[:1].isupper():
        return "cap"
    return "stop" if t.low in NP_STOP else "low"
