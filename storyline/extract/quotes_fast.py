"""Attributions from rules alone: a cue lexicon, quote marks and a noun-phrase finder (no parser).

This is ``find_quotes``' default ("fast") mode. For each cue word of a sentence it finds the
speaker as the noun phrase just before the cue ("Trump said", "the campaign has long argued"),
just after it ("…,” said Sen. Ted Cruz") or before an appositive ("Cruz, the senator, said"), and
the content as what follows the cue (after a listener: "told reporters that …") or, when the
cue ends its clause ("…, he said."), what precedes it. Stance and belief verbs ("wants",
"believes", "found") only take content after them. "according to X" and "In a … poll, …" are
handled apart. Nothing here needs a model, so it runs on any install.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from storyline.extract.quotes_cues import BELIEF_FORMS, SPEECH_FORMS, STANCE_FORMS
from storyline.extract.quotes_names import TITLE_HEADS
from storyline.extract.sentences import Sentence

# A word with its possessive or abbreviation dot ("Trump’s", "Sen.", "U.S"), or one punctuation mark.
_TOK = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Rev|Prof|[A-Z])\."
    r"|[\w$%](?:[\w’'\-$%]|\.(?=\w)|,(?=\d\d\d))*|''|[^\w\s]"
)
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
# Tokens between a subject and its cue verb: auxiliaries, negation and common adverbs.
_AUX = {
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
_AUX |= {
    f"{w}{apo}t"
    for w in ("wasn", "isn", "didn", "doesn", "don", "won", "wouldn", "hasn", "haven", "aren", "weren", "couldn", "can")
    for apo in ("'", "’")
}
_BE = {"is", "was", "were", "are", "been", "being", "be", "'s", "’s"}
_DAYS = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# Time and manner phrases that sit between a subject and its cue, or between a cue and its content.
_SKIP_TAIL = re.compile(
    rf"(?:\s*,?\s*(?:on\s+)?{_DAYS}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\s*,?\s*(?:last|this|earlier this|late last|on)\s+(?:week|month|year|morning|night|spring|summer|fall)"
    r"|\s*,?\s*(?:in\s+(?:a|an|his|her|their|its)\s+(?:\w+\s+){0,2}(?:statement|interview|speech|"
    r"tweet|post|letter|email|op-ed|essay|memo|release|video|appearance|call|conference|rally|remarks))"
    r"|\s*,?\s*(?:in|on)\s+\w+ly"
    r"|\s*,?\s*(?:(?:earlier|later|early|late)\s+)?(?:at|in|during|by|for|over)\s+(?:the|that)\s+(?:time|day|moment|end|past))"
    r"\s*$"
)
_SKIP_HEAD = re.compile(
    rf"\s*,?\s*(?:(?:on\s+)?{_DAYS}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:last|this|earlier this|late last)\s+(?:week|month|year|morning|night|January|February|March|April|May|June"
    r"|July|August|September|October|November|December)"
    r"|(?:in|during|at|on|via|through)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w’'\-]+\s+){0,4}?"
    r"(?:statement|interview|speech|tweet|post|letter|email|op-ed|essay|memo|release|video|appearance|"
    r"call|conference|rally|remarks|debate|hearing|briefing|event|show|broadcast|town hall|message|address)"
    r"(?:\s+(?:message|address|interview|statement|post|call|conference))?"  # "in a video message"
    r"(?:\s+(?:on|with|to)\s+(?:[A-Z][\w’'\-.]*\s*)+)?"
    r"|on\s+(?:Twitter|X|Facebook|Instagram|Telegram|Fox|CNN|MSNBC|NBC|ABC|CBS|Sunday|national television|"
    r"television|air|radio)(?:\s+News|’s\s+\S+|'s\s+\S+)?(?:\s*\([^)]{1,40}\))?"
    r"|to\s+(?:reporters|supporters|the\s+crowd|a\s+crowd|the\s+audience|an?\s+audience|the\s+press|"
    r"(?:[A-Z][\w’'\-.]*\s*)+)"
    r"|(?:in|at|from)\s+(?:the\s+)?(?:[A-Z][\w’'\-.]*\s*)+"
    r"|\w+ly|again|too|also|flatly|instead|recently|earlier|later|publicly|privately)\s*,?\s*"
)
# Verbs of telling take a listener before the content ("told reporters that …").
_LISTENER_VERBS = {"tell", "ask", "warn", "urge", "assure", "inform", "remind", "promise", "caution"}
# Words that end a subject noun phrase on its left.
_NP_STOP = {
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
_NP_LINK = {"of", "for", "at", "and", "&"}
_DETERMINERS = {
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
# Forms of a cue word that are usually a noun after a determiner ("his claims", "the report").
_NOUN_AFTER_DET = {
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
    "no",
    "any",
    "every",
    "such",
    "whose",
    "your",
}
_PARTICIPLES_LEAD = {
    "saying",
    "adding",
    "calling",
    "telling",
    "noting",
    "arguing",
    "citing",
    "accusing",
    "praising",
    "warning",
    "urging",
    "asking",
    "explaining",
    "insisting",
    "claiming",
    "declaring",
    "suggesting",
    "writing",
    "stressing",
    "pointing",
    "acknowledging",
    "criticizing",
    "blaming",
    "predicting",
    "promising",
    "vowing",
    "describing",
    "referring",
}
# Any participle of the cue lexicon opens its own attribution after a comma ("…, believing that A"), with the
# clause's speaker: PolNeAR marks it apart from the content before it.
_PARTICIPLES_LEAD |= {f for forms in (SPEECH_FORMS, BELIEF_FORMS, STANCE_FORMS) for f in forms if f.endswith("ing")}
_POLL = re.compile(
    r"\b(?:poll|survey|study|report|analysis|audit|memo|filing|lawsuit|complaint|indictment|"
    r"exit polls?|polls|surveys|data|figures|estimates|records|documents)\b",
    re.IGNORECASE,
)
_IN_SOURCE = re.compile(
    r"^\s*(?:In|in)\s+(?P<src>(?:a|an|the|this|that|its|his|her|their)\s+[^,]{0,80}?\b(?:poll|survey|study|"
    r"report|analysis|memo|interview|statement|letter|op-ed|column|essay|speech|book|filing|tweet|video)s?\b"
    r"[^,]{0,60}),\s+(?P<rest>\S)"
)
# A cue followed by this few words and no quote ends its clause ("…, he said to the crowd.").
# Tuned by eye on 150 quotes-dev articles (benchmarks/eval_quotes.py --limit 150).
_TRAILING_WORDS = 3
# "…, Trump told the New York Times.": a listener of at most this many words ends the clause (same tuning).
_LISTENER_WORDS = 6
# After the speaker, a clause that is not the content: "…,” Sanders said, going on to …", "…, she said in closing
# the debate" (with "in a video message" skipped by ``_SKIP_HEAD``, the two: quotes-dev source F1 half A
# 0.7837 -> 0.7841, held-out B 0.7347 unchanged, content B 0.8170 -> 0.8171).
_END_CLAUSE = re.compile(
    r"\s*(?:[.!?]|[,;—–]\s*$|$|(?:as|after|while|during|before|when|(?:in|by|while)\s+\w+ing)\b"
    r"|,\s*(?:\w+ing|as|while|when|after|before|in|at|during|"
    r"according|who|with|because|since|though|although)\b)"
)
_ADVERB_PARTICIPLE = re.compile(r"\s*,\s*(?:instead|then|later|also|again|still|even|\w+ly)\s+\w+ing\b")
# Content before the speaker ends with a comma, a question mark or a closing quote.
_LEAD_END = re.compile(r"(?:[,?!]\s*(?:[”\"’]|'')?|[”\"’]|'')\s*$")
# Content before the speaker that is a quotation closed by a comma, question or exclamation mark inside the
# quote marks ("…, a profit,'' Mr. Hedge said from his office"): what follows the cue is the circumstance
# (place, listener, occasion), not more content, unless a new quote opens there (a split quote).
_QUOTE_CLOSED_LEAD = re.compile(r"[,?!](?:[”\"’]|'')+\s*$")
_CLOSE_PUNCT = {",", "”", '"', "'", "’", "''", ":", "—", "–"}
_PUNCT = {",", "”", "“", '"', "'", "’", "‘", "''", ":", ";", "—", "–", "-", "(", ")", "[", "]", ".", "?", "!"}
_CLAUSE_START = {"when", "that", "because", "while", "if", "but", "and", "although", "though", "where", "so"}
_CLAUSE_PUNCT = {",", ";", ":", "“", "”", '"', "''", "’", "–", "—", "(", ")"}
_GERUND_PREPS = {"by", "for", "after", "before", "while", "without", "in"}
_LINKED_HEADS = TITLE_HEADS | {"member", "members", "supporter", "supporters", "officials", "group", "head"}
# A quote this short is a scare quote ("his “political revolution”"), not speech, unless a cue word says so.
_QUOTE_WORDS = 3
_TIME_WORDS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "weekend",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "today",
    "yesterday",
    "tonight",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "ago",
    "spring",
    "summer",
    "fall",
    "winter",
}
_TIME_MODIFIERS = {
    "this",
    "past",
    "last",
    "next",
    "early",
    "late",
    "in",
    "on",
    "earlier",
    "later",
    "that",
    "the",
    "same",
    "a",
    "few",
    "days",
    "weeks",
    "months",
    "years",
    "two",
    "three",
    ",",
}
# Characters before a cue searched for a time or manner phrase (the longest phrase is shorter).
_SKIP_WINDOW = 80
# The last words of those phrases: the search runs only before a cue that follows one of them.
_TAIL_LAST_WORDS = {
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "month",
    "year",
    "spring",
    "summer",
    "fall",
    "statement",
    "interview",
    "speech",
    "tweet",
    "post",
    "letter",
    "email",
    "op-ed",
    "essay",
    "memo",
    "release",
    "video",
    "appearance",
    "call",
    "conference",
    "rally",
    "remarks",
    "time",
    "moment",
    "end",
    "past",
}
_LEAD_SKIP = {"but", "and", "so", "yet", "still", "meanwhile"}
_IN_POLL = re.compile(
    r"\b[Ii]n\s+(?P<src>(?:the|a|an|this|that|their|his|her|its|[A-Z][\w’'\-.]*)\s+"
    r"(?:[\w’'\-./]+\s+){0,6}?(?:polls?|surveys?))\b"
)
# "a wide lead in the polls", "head to the polls": polls in general (or the vote), no one poll to cite. On quotes-dev
# half A, 13 of the 16 attributions to a bare "the polls" were wrong; dropping them: source F1 half A 0.7823 -> 0.7828,
# held-out B 0.7343 unchanged, content F1 A 0.8397 -> 0.8405, B 0.8164 -> 0.8168.
_GENERIC_POLLS = re.compile(r"\bthe\s+(?:polls|surveys)$", re.IGNORECASE)
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\b")
_WORD = re.compile(r"\w+")
_OPENERS = "“\"'«‘"
_CLOSERS = "”\"'»’"


@dataclass(slots=True)
class RuleHit:
    """One attribution found by the rules: offsets index the whole text."""

    speaker: tuple[int, int] | None
    cue: tuple[int, int]
    parts: list[tuple[int, int]]
    follow_subject: bool = False  # "…, adding …": the speaker of the cue before, else ``speaker``
    joins_at: int | None = None  # where a coordinated clause starts ("…, and said …"), whole-text offset


class _Tok(NamedTuple):  # a named tuple: built for every word of every sentence, faster than a dataclass
    text: str
    low: str
    start: int  # offset in the sentence
    end: int


def _tokens(s: str) -> list[_Tok]:
    return list(_cached_tokens(s))


@lru_cache(maxsize=64)  # the rules and the cue model tokenise the same sentence in turn
def _cached_tokens(s: str) -> tuple[_Tok, ...]:
    # tuple.__new__ skips the named tuple's keyword-parsing constructor: 2.3x faster on quotes-dev sentences
    return tuple([_new_tok(_Tok, (t := m.group(), t.lower(), m.start(), m.end())) for m in _TOK.finditer(s)])


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


# Cue forms that are the head of a compound noun after these words ("a Sunday talk show", "robo calls", "tax plans"),
# with ``_NOT_A_CUE_BEFORE``: quotes-dev source F1 (fast mode) half A 0.7828 -> 0.7837, held-out B 0.7343 -> 0.7347.
_SHOW_KINDS = frozenset({"talk", "tv", "radio", "game", "reality", "news", "morning", "cable", "comedy", "variety"})
_CALL_KINDS = frozenset({"phone", "conference", "robo", "telephone", "roll", "return", "returned", "returning"})
_PLAN_KINDS = frozenset({"health", "insurance", "tax", "pension", "retirement", "business", "spending", "budget"})
_COMPOUND_MODIFIERS: dict[str, frozenset[str]] = {
    "show": _SHOW_KINDS,
    "shows": _SHOW_KINDS,
    "calls": _CALL_KINDS,
    "call": _CALL_KINDS,
    "plans": _PLAN_KINDS,
    "plan": _PLAN_KINDS,
}
# Cue forms that the next word shows to be no attribution: "a think tank", "emails seeking comment".
_NOT_A_CUE_BEFORE = {"think": frozenset({"tank", "tanks"}), "seeking": frozenset({"comment"})}
# Plural nouns far more often than verbs in news text ("swing states", "tough questions").
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


def _cue_kind(low: str) -> str | None:
    return _KINDS.get(low)


def sentence_hits(sent: Sentence, quotes: Sequence[tuple[int, int]] = ()) -> list[RuleHit]:
    """Every attribution the rules find in one sentence (offsets into the whole text).

    Cue words inside a quotation (``quotes``, offsets into the whole text) are the quoted
    speaker's words, not attributions of the article.
    """
    s = sent.text
    inside = [(a - sent.start, b - sent.start) for a, b in quotes if a < sent.end and sent.start < b]
    toks = _tokens(s)
    hits: list[RuleHit] = []
    m = _IN_SOURCE.match(s)
    if m is not None and _POLL.search(m.group("src")):
        hits.append(
            RuleHit(
                _abs(sent, m.start("src"), m.end("src")),
                _abs(sent, m.start(), m.start() + 2),
                [_abs(sent, m.start("rest"), len(s))],
            )
        )
    for am in _ACCORDING.finditer(s):
        hit = _according(sent, am.start(), am.end())
        if hit is not None:
            hits.append(hit)
    for i, tok in enumerate(toks):
        kind = _cue_kind(tok.low)
        if kind is None or (not tok.text[:1].islower() and i > 0):
            continue
        if any(a < tok.start < b for a, b in inside):
            continue
        prev = toks[i - 1].low if i > 0 else ""
        if prev in _NOUN_AFTER_DET or (prev in ("to", "of") and kind != "speech"):
            continue  # "his claims", "the report", "plans to"
        if prev in _BE and tok.low.endswith("ed") and not tok.low.endswith("eed"):
            continue  # passive: "was asked", "is expected"
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        if (nxt == "by" and tok.low.endswith("ed")) or (nxt == "to" and tok.low == "thanks"):
            continue  # "change offered by Trump", "thanks to a big win"
        if prev.endswith(("'s", "’s")) and kind != "speech":
            continue  # "Hannity's show"
        if prev in _COMPOUND_MODIFIERS.get(tok.low, ()) or nxt in _NOT_A_CUE_BEFORE.get(tok.low, ()):
            continue  # "a talk show", "phone calls", "a think tank": nouns; "calls seeking comment": a request
        hit = _verb_hit(sent, toks, i, kind, inside)
        if hit is not None:
            hits.append(hit)
    _cut_at_coordinations(hits, sent)
    if not hits:
        poll = _poll_phrase(sent)
        if poll is not None:
            hits.append(poll)
    return hits


def _poll_phrase(sent: Sentence) -> RuleHit | None:
    """ "Trump leads by 20 points in the latest poll": the poll is the source of the rest of the sentence."""
    s = sent.text
    m = _IN_POLL.search(s)
    if m is None or _GENERIC_POLLS.search(m.group("src")):
        return None
    parts = [
        p
        for p in (_trim(s, 0, m.start()), _trim(s, m.end(), len(s)))
        if p[1] > p[0] and len(_WORD.findall(s[p[0] : p[1]])) >= 2
    ]
    if not parts:
        return None
    return RuleHit(
        _abs(sent, m.start("src"), m.end("src")),
        _abs(sent, m.start(), m.start() + 2),
        [_abs(sent, a, b) for a, b in parts],
    )


def _cut_at_coordinations(hits: list[RuleHit], sent: Sentence) -> None:
    """ "X pledged A, and said B": A ends where the clause of the second cue begins."""
    for later in hits:
        if later.joins_at is None:
            continue
        for hit in hits:
            if hit is later or hit.cue[0] >= later.joins_at:
                continue
            cut = []
            for a, b in hit.parts:
                if a < later.joins_at < b:
                    a2, b2 = _trim(sent.text, a - sent.start, later.joins_at - sent.start)
                    b = sent.start + b2 if b2 > a2 else b
                cut.append((a, b))
            hit.parts = cut


def _abs(sent: Sentence, s: int, e: int) -> tuple[int, int]:
    return sent.start + s, sent.start + e


def _according(sent: Sentence, a: int, b: int) -> RuleHit | None:
    s = sent.text
    rest = s[b:]
    m = re.match(r"\s*((?:[^,;:.()“”\"]|\.(?=\s*[A-Z])){2,90}?)(?=\s*(?:[,;:()“”\"]|\.\s*$|$))", rest)
    if m is None:
        return None
    src = (b + m.start(1), b + m.end(1))
    after = s[src[1] :]
    after_m = re.match(r"\s*,\s*", after)
    content: tuple[int, int] | None = None
    if after_m is not None and len(_WORD.findall(after[after_m.end() :])) >= 3 and a < 3:
        content = (src[1] + after_m.end(), len(s))
    elif len(_WORD.findall(s[:a])) >= 3:
        content = (0, a)
    elif after_m is not None and len(_WORD.findall(after[after_m.end() :])) >= 3:
        content = (src[1] + after_m.end(), len(s))
    if content is None:
        return None
    cs, ce = _trim(s, *content)
    if ce <= cs:
        return None
    return RuleHit(_abs(sent, *src), _abs(sent, a, b), [_abs(sent, cs, ce)])


def _verb_hit(
    sent: Sentence, toks: list[_Tok], i: int, kind: str, inside: Sequence[tuple[int, int]] = ()
) -> RuleHit | None:
    s = sent.text
    cue = toks[i]
    lemma = SPEECH_FORMS.get(cue.low) or BELIEF_FORMS.get(cue.low) or STANCE_FORMS.get(cue.low) or cue.low
    j = _skip_left(s, toks, i)
    speaker: tuple[int, int] | None = None
    follow = False
    cue_from = cue.start  # where the cue's words start
    joins = (
        toks[j].start
        if j >= 0
        and (
            toks[j].low in ("and", "but")
            or (toks[j].low in _GERUND_PREPS and cue.low.endswith("ing"))
            or (toks[j].text in (",", *_CLOSERS) and cue.low in _PARTICIPLES_LEAD)
        )
        else None
    )
    pron = toks[j].low.replace("’", "'").split("'")[0] if j >= 0 else ""
    if j >= 1 and toks[j].low in ("who", "which") and toks[j - 1].text == "," and j >= 2:
        speaker = _np_left(toks, j - 2)
    elif j >= 1 and toks[j].low == "who" and toks[j - 1].text[:1].isalpha():  # "those who said"
        speaker = _np_left(toks, j - 1)
    elif j >= 0 and (
        (toks[j].low in _GERUND_PREPS and cue.low.endswith("ing"))  # "… by saying …"
        or toks[j].low in ("and", "but", "or")
    ):  # "Rubio thanked Miami and said …"
        speaker = _clause_subject(toks, j)
        follow = True
    elif j >= 0 and pron in _PRONOUNS:  # "he", "he’d"
        speaker = (toks[j].start, toks[j].start + len(pron))
    elif j >= 0 and toks[j].text not in _PUNCT and toks[j].low not in _NP_STOP:
        speaker = _np_left(toks, j)
        if cue.low.endswith("ing") and toks[j].low in _MESSAGE_NOUNS:  # "The town released a statement saying …"
            sent_by = _message_sender(s, toks, j)
            if sent_by is not None:  # the cue runs from the verb: "released a statement saying"
                speaker, cue_from = sent_by[:2], sent_by[2]
    elif (
        j >= 0
        and (toks[j].text == "," or (toks[j].text in _CLOSERS and j > 0 and toks[j - 1].text == ","))
        and (cue.low in _PARTICIPLES_LEAD)
    ):
        speaker = _clause_subject(toks, j)
        follow = True
    elif j >= 0 and toks[j].text == "," and not cue.low.endswith("ing"):
        speaker = _appositive_subject(toks, j)
        if speaker is None:  # "Paul Porter, a truck driver from Ava, Mo., who …, said"
            speaker = _opening_subject(toks, j)
        if speaker is None:  # "In Iowa, Gov. John Kasich (R-OH), said, …"
            k = _skip_left(s, toks, j)
            if k >= 0 and toks[k].text not in _PUNCT and toks[k].low not in _NP_STOP:
                n = _np_len(toks, k)
                first = toks[k - n + 1]
                if (first.text[:1].isupper() or first.low in _DETERMINERS) and (
                    k - n < 0 or toks[k - n].text in ",;:—–"
                ):
                    speaker = (first.start, toks[k].end)
    # inversion: "…,” said Trump." / "…, says the report." (never "told": what follows it is the listener)
    after = cue.end
    inverted = False
    if not follow and kind == "speech" and lemma != "tell" and (j < 0 or toks[j].text in _CLOSE_PUNCT):
        np = _np_right(s, toks, i + 1)
        if np is not None:
            speaker, after, inverted = (np[0], np[1]), np[1], True
    if speaker is None and not follow:
        return None
    # content after the cue
    rest_start = after
    if not inverted and lemma in _LISTENER_VERBS:
        rest_start = _skip_listener(s, toks, i + 1, cue.end)
        if rest_start != cue.end and len(_WORD.findall(s, rest_start)) <= _TRAILING_WORDS:
            rest_start = cue.end  # "promising the group will return to its roots": no listener, all content
    head = _SKIP_HEAD.match(s, rest_start)
    while head is not None and head.end() > rest_start:
        rest_start = head.end()
        head = _SKIP_HEAD.match(s, rest_start)
    rest = s[rest_start:]
    ends_clause = (
        _END_CLAUSE.match(rest) is not None
        or (inverted and not rest.strip(" ."))
        or (_ADVERB_PARTICIPLE.match(s, after) is not None)
    )  # "…,” Devine said, instead seeking to …"
    if (
        not inverted
        and lemma in _LISTENER_VERBS
        and rest_start == cue.end
        and not re.match(r"\s*(?:that\b|[“\"':])", rest)
        and len(_WORD.findall(rest)) <= _LISTENER_WORDS
    ):
        ends_clause = True  # "…, Trump told the New York Times."
    if (
        not ends_clause
        and kind == "speech"
        and len(_WORD.findall(rest)) <= _TRAILING_WORDS
        and not any(c in rest for c in _OPENERS + ":")
    ):
        ends_clause = True  # "…,” Melanie said to the TV."
    lead_end = speaker[0] if speaker is not None and not inverted and not follow else cue.start
    lead = _trim(s, 0, lead_end)
    before_ok = (
        kind != "stance"
        and joins is None
        and (len(_WORD.findall(s[lead[0] : lead[1]])) >= 2 or any(a < 0 and lead[1] <= b for a, b in inside))
        and _LEAD_END.search(s, 0, lead_end) is not None
    )
    # (one word is enough when it closes a quote opened in an earlier sentence: "“… areas? Absolutely,” X said")
    split_quote = rest.lstrip(" ,")[:1] in _OPENERS
    quoted_lead = (
        s[lead[0] : lead[0] + 1] in _OPENERS and s[lead[0] : lead[1]].rstrip(",")[-1:] in _CLOSERS
    ) or _QUOTE_CLOSED_LEAD.search(s, 0, lead_end) is not None
    ends_clause = ends_clause or inverted or (before_ok and quoted_lead)
    parts: list[tuple[int, int]] = []
    if before_ok and (ends_clause or split_quote):
        parts.append(lead)
    if (not ends_clause and (not before_ok or not parts)) or (split_quote and parts):
        after_part = _trim(s, rest_start, len(s))
        if after_part[1] > after_part[0] and _WORD.search(s, after_part[0], after_part[1]):
            parts.append(after_part)
    if not parts:
        return None
    if speaker is not None and not _speaker_like(s[speaker[0] : speaker[1]]):
        return None
    return RuleHit(
        None if speaker is None else _abs(sent, *speaker),
        _abs(sent, cue_from, cue.end),
        [_abs(sent, a, b) for a, b in parts],
        follow,
        None if joins is None else sent.start + joins,
    )


# What a speaker sends or publishes; after a verb, "a statement saying A" is its sender's speech, not the
# statement's ("Rubio's campaign sent out a press release saying A": the campaign said A). Set by hand.
_MESSAGE_NOUNS = {
    "statement",
    "release",
    "letter",
    "tweet",
    "tweets",
    "ad",
    "ads",
    "advertisement",
    "memo",
    "email",
    "emails",
    "e-mail",
    "message",
    "note",
    "post",
    "video",
    "op-ed",
    "column",
    "editorial",
    "response",
    "notice",
    "announcement",
    "filing",
    "petition",
}
_PARTICLES = {"out", "up", "off", "back"}


def _message_sender(s: str, toks: list[_Tok], j: int) -> tuple[int, int, int] | None:
    """The subject of the verb whose object is the message noun phrase ending at ``j`` (its start and end),
    and where that verb starts."""
    v = j - _np_len(toks, j)
    while v > 0 and toks[v].low in _PARTICLES:
        v -= 1
    if v < 1 or not toks[v].text.isalpha() or not toks[v].text.islower() or toks[v].low in _NP_STOP:
        return None
    k = _skip_left(s, toks, v)
    if k < 0 or toks[k].text in _PUNCT or toks[k].low in _NP_STOP:
        return None
    if toks[k].low in _PRONOUNS:
        return toks[k].start, toks[k].end, toks[v].start
    return (*_np_left(toks, k), toks[v].start)


def _speaker_like(written: str) -> bool:
    """A name, a pronoun or a noun phrase, not a stray function word or participle ("for", "asking")."""
    words = _WORD.findall(written)
    if not words:
        return False
    if any(w[:1].isupper() or w[:1].isdigit() for w in words) or words[-1].lower() in _PRONOUNS:
        return True
    head = words[-1].lower()
    return head not in _NP_STOP and head not in _DETERMINERS and head not in _NP_LINK and not head.endswith("ing")


def _skip_left(s: str, toks: list[_Tok], i: int) -> int:
    """Index of the token before cue ``i`` once auxiliaries, adverbs and time phrases are skipped."""
    j = i - 1
    progressive = toks[i].low.endswith("ing")
    while j >= 0:
        low = toks[j].low
        if progressive and low in _BE:  # "Trump is telling …", "she has been saying …"
            j -= 1
            continue
        if low in _TIME_WORDS and j > 0:  # "Trump this past week said", "the report in June found"
            k = j - 1
            while k >= 0 and (toks[k].low in _TIME_MODIFIERS or toks[k].low in _TIME_WORDS or toks[k].low.isdigit()):
                k -= 1
            if k < j - 1 or toks[j - 1].low in _TIME_MODIFIERS or toks[k + 1].low != low:
                j = k
                continue
        if low == ")":  # "Rep. Trey Gowdy (R-S.C.) said"
            k = j - 1
            while k >= 0 and toks[k].text != "(" and j - k < 12:
                k -= 1
            if k > 0 and toks[k].text == "(":
                j = k - 1
                continue
        if low in _AUX or (
            low.endswith("ly") and low not in ("only", "family", "italy", "early") and toks[j].text.islower()
        ):  # "Jolly said": a name, not an adverb
            j -= 1
            continue
        m = (
            _SKIP_TAIL.search(s, max(0, toks[j].end - _SKIP_WINDOW), toks[j].end)
            if (low in _TAIL_LAST_WORDS or low.endswith("day"))
            else None
        )
        if m is not None and m.end() == toks[j].end and m.start() < toks[j].end:
            k = j
            while k >= 0 and toks[k].start >= m.start():
                k -= 1
            if k < j:
                j = k
                continue
        break
    return j


def _np_left(toks: list[_Tok], j: int) -> tuple[int, int]:
    n = _np_len(toks, j)
    return toks[j - n + 1].start, toks[j].end


def _np_len(toks: list[_Tok], j: int) -> int:
    """How many tokens ending at ``j`` form the subject noun phrase (at most 8)."""
    n = 0
    k = j
    lower = 0
    while k >= 0 and n < 8:
        t = toks[k]
        if t.text in _PUNCT or (t.low in _NP_STOP and t.low not in _NP_LINK):
            break
        if n > 0 and (t.low in _PRONOUNS or t.low in _AUX or (t.text[:1].islower() and t.low.endswith(("ed", "ing")))):
            break  # "He criticized Clinton’s record": a verb or a pronoun ends the phrase
        if t.text[:1].islower() and t.low not in _NP_LINK and t.low not in _DETERMINERS:
            lower += 1
            if lower > 3:
                break
        if t.low in _NP_LINK and (
            n == 0
            or k == 0
            or not toks[k - 1].text[:1].isalpha()
            or not (toks[k + 1].text[:1].isupper() or toks[k - 1].low in _LINKED_HEADS)
        ):
            break  # "Secretary of State", "a spokesman for committee Democrats"
        if t.low in _DETERMINERS:
            n += 1
            break
        n += 1
        k -= 1
    return max(n, 1)


def _clause_subject(toks: list[_Tok], j: int) -> tuple[int, int] | None:
    """The subject opening the clause that ends before token ``j`` ("when Rubio thanked Miami and")."""
    k = j - 1
    for _ in range(3):
        while k >= 0 and toks[k].text not in _CLAUSE_PUNCT and toks[k].low not in _CLAUSE_START:
            k -= 1
        start = k + 1
        while start < j and (toks[start].low in _AUX or toks[start].low in ("then", "later")):
            start += 1
        if start >= j:
            return None
        first = toks[start]
        appositive = (
            first.low in ("the", "a", "an")
            and k >= 1
            and toks[k].text == ","
            and toks[k - 1].text[:1].isupper()
            and toks[j].text == ","
        )  # "… for Donald Trump, the GOP front-runner, saying": a description of the name before it
        opens = first.text[:1].isupper() or first.low in _PRONOUNS or first.low in _DETERMINERS
        if (opens or k < 0) and not appositive:
            break
        k -= 1  # "Marine Le Pen, voiced support …, saying": the subject is before the verb's clause
    if toks[start].low in _PRONOUNS:
        return toks[start].start, toks[start].end
    end = start
    while (
        end + 1 < j
        and toks[end + 1].text not in _PUNCT
        and toks[end + 1].low not in _NP_STOP
        and (toks[end + 1].text[:1].isupper() or toks[end + 1].low in _NP_LINK or not toks[start].text[:1].isupper())
        and end - start < 6
        and _cue_kind(toks[end + 1].low) is None
    ):
        end += 1
    if not (toks[start].text[:1].isupper() or toks[start].low in _DETERMINERS):
        return None
    return toks[start].start, toks[end].end


def _opening_subject(toks: list[_Tok], j: int) -> tuple[int, int] | None:
    """A name that opens the sentence and is followed by a comma, when no cue or quote comes before ``j``."""
    first = 1 if toks and toks[0].low in ("even", "also", "but", "and", "now", "meanwhile") else 0
    if len(toks) <= first or not toks[first].text[:1].isupper():
        return None
    k = first
    while k < j and toks[k].text not in _PUNCT and k < first + 6:
        k += 1
    if k == first or k >= j or toks[k].text != "," or toks[first].low in _NP_STOP or toks[first].low in _LEAD_SKIP:
        return None
    if any(_cue_kind(t.low) == "speech" or t.text in '“”"' for t in toks[k:j]):
        return None
    if not all(t.text[:1].isupper() or t.low in _NP_LINK for t in toks[first:k]):
        return None
    return toks[first].start, toks[k - 1].end


def _appositive_subject(toks: list[_Tok], j: int) -> tuple[int, int] | None:
    """ "Cruz, the Texas senator, said": the noun phrase before the appositive that ends at ``j``."""
    k = j - 1
    joined = False
    while k >= 0 and toks[k].text != "," and j - k < 30:
        if toks[k].text in '“”"' or toks[k].low in ("but", "that", "said", "says"):
            return None
        joined = joined or toks[k].low == "and"
        k -= 1
    if k >= 0 and j - k >= 14 and toks[k + 1].low not in ("who", "whose", "which"):
        return None
    if (
        k <= 0
        or toks[k].text != ","
        or (joined and toks[k + 1].low not in ("a", "an", "the") and not toks[k + 1].text[:1].islower())
    ):
        return None  # "and" only inside a described person: "X, an Iowa strategist and former adviser, said",
        # "X, director of the center and a professor, said"
    if toks[k - 1].text[:1].isupper() or toks[k - 1].low in _PRONOUNS:
        return _np_left(toks, k - 1)
    return None


def _np_right(s: str, toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """The speaker after an inverted cue: a short noun phrase up to a comma or the sentence end."""
    k = i
    while k < len(toks) and toks[k].low in _AUX:
        k += 1
    start = k
    while k < len(toks) and k - start < 10:
        t = toks[k]
        if t.text in ',.;:!?—–()“”"' or (t.low in _NP_STOP and t.low not in _NP_LINK):
            break
        if k > start and (
            toks[start].low in _PRONOUNS
            or t.low in _PRONOUNS
            or (
                t.text[:1].islower()
                and t.low.endswith(("s", "ed", "ing"))
                and t.low not in _LINKED_HEADS
                and not _modifies_head(toks, k)
            )
        ):
            break  # "…, said she sees …": a clause, not an inverted speaker
        k += 1
    if k > start and k < len(toks) and toks[k].text not in ",.;:!?—–()" and _closes_after(s, toks[k - 1].end):
        pass  # "…,” said Anthony Romero in a statement.": a time or venue phrase ends the clause
    elif k == start or (
        k < len(toks)
        and toks[k].text not in ",.;:!?—–()"
        and not (toks[k].low in _POSTMODIFIERS and toks[start].low not in _PRONOUNS)
    ):
        return None  # "…, said he had seen": a subject and its verb, not an inverted speaker
    first = toks[start]
    if first.low in _POSTMODIFIERS:
        return None  # "…, said of Cruz.": the speaker is before the cue
    if not (
        first.text[:1].isupper()
        or first.text[:1].isdigit()
        or first.low in _DETERMINERS
        or first.low in _PRONOUNS
        or _described_person(toks[start:k])
    ):
        return None
    return first.start, toks[k - 1].end


# Words that open what follows an inverted speaker's head ("…,” said a longtime adviser to both Clintons,
# who …", "said the base chief known as Bob"): the speaker is the phrase before them (set by hand, not swept).
_POSTMODIFIERS = {
    "to",
    "of",
    "at",
    "from",
    "with",
    "for",
    "in",
    "on",
    "who",
    "whose",
    "as",
    "when",
    "while",
    "after",
    "before",
    "during",
    "about",
}


def _closes_after(s: str, at: int) -> bool:
    """A time, venue or medium phrase (``_SKIP_HEAD``) at ``at`` that runs to the clause's end."""
    m = _SKIP_HEAD.match(s, at)
    return m is not None and m.end() > at and re.match(r"\s*(?:[,.;:!?—–()]|$)", s[m.end() :]) is not None


def _modifies_head(toks: list[_Tok], k: int) -> bool:
    """ "unaligned" in "one unaligned Florida Republican strategist": a modifier, since a name or a
    title still follows before the phrase ends."""
    for t in toks[k + 1 : k + 5]:
        if t.text in _PUNCT or t.low in _NP_STOP:
            return False
        if t.text[:1].isupper() or t.low in _LINKED_HEADS:
            return True
    return False


def _described_person(words: Sequence[_Tok]) -> bool:
    """ "former Massachusetts congressman Barney Frank", "longtime adviser": a lower-case opening
    that is a description of a person (a capitalised name or a title word in it)."""
    return len(words) >= 2 and any(t.text[:1].isupper() or t.low in _LINKED_HEADS for t in words[1:])


_OBJECT_PRONOUNS = {"him", "her", "them", "me", "us", "you"}


def _skip_listener(s: str, toks: list[_Tok], i: int, default: int) -> int:
    """After "told", the listener runs to "that", a comma, a colon or a quote; a pronoun listener is one word
    ("assured him it was done")."""
    if i < len(toks) and toks[i].low in _OBJECT_PRONOUNS:
        return toks[i + 1].start if i + 1 < len(toks) and toks[i + 1].low == "that" else toks[i].end
    k = i
    while k < len(toks) and k - i < 9:
        t = toks[k]
        if t.low == "that" or t.text in ',:“"' or t.low in ("to", "about", "in", "on", "if", "whether", "why"):
            if t.low in ("to", "in", "on") and k == i:
                return default
            return t.start
        k += 1
    return toks[i].end if i < len(toks) and toks[i].text[:1].isupper() and i + 1 < len(toks) else default


def _trim(s: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (s[a].isspace() or s[a] in ",;:—–-("):
        a += 1
    while b > a and (s[b - 1].isspace() or s[b - 1] in ",;:—–-("):
        b -= 1
    return a, b


def overlaps(a: tuple[int, int], spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < a[1] and a[0] < e for s, e in spans)


def leading_subject(sent: Sentence) -> tuple[int, int] | None:
    """The subject that opens a sentence: a pronoun, or a noun phrase ending in a capitalised word."""
    toks = _tokens(sent.text)
    k = 0
    while k < len(toks) and (toks[k].low in _LEAD_SKIP or toks[k].text in "“\"'"):
        k += 1
    if k < len(toks) and toks[k].low in _PRONOUNS:
        return _abs(sent, toks[k].start, toks[k].end)
    start = k
    while (
        k < len(toks)
        and k - start < 8
        and toks[k].text not in ',;:()“”"'
        and toks[k].low not in _NP_STOP
        and not (k > start and toks[k].text[:1].islower() and (toks[k].low.endswith("ed") or _cue_kind(toks[k].low)))
    ):  # a verb ends the subject: "Both parents stiffened their denunciation of Mr. Trump, saying …"
        k += 1
    if k > start and (toks[k - 1].text[:1].isupper() or toks[start].low in _DETERMINERS):
        return _abs(sent, toks[start].start, toks[k - 1].end)
    return None


def governed_quote_hit(sent: Sentence, quote: tuple[int, int]) -> RuleHit | None:
    """A quote that no cue word claims, in a sentence that opens with its subject and a verb:
    "He termed the talks an “…”" (the subject is the speaker, the verb the cue)."""
    subject = leading_subject(sent)
    if (
        subject is None
        or subject[1] > quote[0]
        or len(_WORD.findall(sent.text[quote[0] - sent.start : quote[1] - sent.start])) < _QUOTE_WORDS
    ):
        return None
    toks = _tokens(sent.text)
    k = next((n for n, t in enumerate(toks) if sent.start + t.start >= subject[1]), len(toks))
    while k < len(toks) and toks[k].low in _AUX:
        k += 1
    if k >= len(toks) or sent.start + toks[k].start >= quote[0]:
        return None
    verb = toks[k]
    if not verb.text.isalpha() or not verb.text.islower() or verb.low in _NP_STOP or verb.low in _DETERMINERS:
        return None
    if not _speaker_like(sent.text[subject[0] - sent.start : subject[1] - sent.start]):
        return None
    return RuleHit(subject, _abs(sent, verb.start, verb.end), [quote])


# "“…” Vitter demanded." / "“…,” she recalled." / "“…” ― Carla Sanchez": a quote closed by its speaker
# and a verb the cue table does not know, or by a dash and a name.
_TRAILING = re.compile(
    r"[ \t\xa0]*(?:[―—–][ \t\xa0]*(?P<dash>[A-Z][\w’'\-.]*(?:[ \t\xa0]+[A-Z][\w’'\-.]*){0,3})"
    r"|,?[ \t\xa0]*(?P<np>(?:[A-Z][\w’'\-.]*(?:[ \t\xa0]+[A-Z][\w’'\-.]*){0,3})|he|she|they|we|I)"
    r"[ \t\xa0]+(?P<verb>[a-z]+(?:ed|s))\b)[ \t\xa0]*(?:[.!?]|$)",
    re.MULTILINE,
)  # on the quote's own line: "“…”\n\nDown-ballot blues?" is a quote and a subheading


def trailing_speaker_hit(text: str, quote: tuple[int, int]) -> RuleHit | None:
    m = _TRAILING.match(text, quote[1])
    if m is None or len(_WORD.findall(text[quote[0] : quote[1]])) < _QUOTE_WORDS:
        return None
    if m.group("dash"):
        return RuleHit((m.start("dash"), m.end("dash")), (quote[1], m.start("dash")), [quote])
    if m.group("verb") in _NP_STOP:
        return None
    return RuleHit((m.start("np"), m.end("np")), (m.start("verb"), m.end("verb")), [quote])


# The helpers quotes_model reuses to build an attribution around a cue the lexicon does not know.
Tok = _Tok
AUX_WORDS = _AUX
BE_WORDS = _BE
CLOSE_PUNCT = _CLOSE_PUNCT
LISTENER_VERBS = _LISTENER_VERBS
NP_STOP = _NP_STOP
PRONOUNS = _PRONOUNS
PUNCT = _PUNCT
tokens = _tokens
np_left = _np_left
np_right = _np_right
skip_left = _skip_left
skip_listener = _skip_listener
speaker_like = _speaker_like
trim = _trim
appositive_subject = _appositive_subject
opening_subject = _opening_subject
