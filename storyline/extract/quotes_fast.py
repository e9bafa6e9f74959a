"""Attributions from rules alone: a cue lexicon, quote marks and a noun-phrase finder (no parser).

This is ``find_quotes``' default ("fast") mode. For each cue word of a sentence it finds the
speaker as the noun phrase just before the cue ("Trump said", "the campaign has long argued"),
just after it ("…,” said Sen. Ted Cruz") or before an appositive ("Cruz, the senator, said"), and
the content as what follows the cue (after a listener: "told reporters that …") or, when the
cue ends its clause ("…, he said."), what precedes it. Stance and belief verbs ("wants",
"believes", "found") only take content after them. "according to X" and "In a … poll, …" are
handled apart. Nothing here needs a model, so it runs on any install.

This module holds the cue rules themselves (``sentence_hits`` and the ``RuleHit`` they return); the
words they read are in ``quotes_words``, what they step over in ``quotes_skip``, the speaker's noun
phrase in ``quotes_phrases``, and the quotes no cue claims in ``quotes_unclaimed``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.extract.quotes_cues import BELIEF_FORMS, SPEECH_FORMS, STANCE_FORMS
from storyline.extract.quotes_phrases import (
    MESSAGE_NOUNS,
    after_preposition,
    appositive_subject,
    clause_subject,
    message_sender,
    np_left,
    np_len,
    np_right,
    opening_subject,
    quoted_subject,
    speaker_like,
)
from storyline.extract.quotes_skip import SKIP_HEAD, skip_left, skip_listener
from storyline.extract.quotes_words import (
    BE_WORDS,
    CLOSE_PUNCT,
    DETERMINERS,
    LISTENER_VERBS,
    NP_STOP,
    PRONOUNS,
    PUNCT,
    WORD,
    Tok,
    cue_kind,
    text_span,
    tokens,
    trim,
)
from storyline.extract.sentences import Sentence

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
# the debate" (with "in a video message" skipped by ``SKIP_HEAD``, the two: quotes-dev source F1 half A
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
_GERUND_PREPS = {"by", "for", "after", "before", "while", "without", "in"}
_IN_POLL = re.compile(
    r"\b[Ii]n\s+(?P<src>(?:the|a|an|this|that|their|his|her|its|[A-Z][\w’'\-.]*)\s+"
    r"(?:[\w’'\-./]+\s+){0,6}?(?:polls?|surveys?))\b"
)
# "a wide lead in the polls", "head to the polls": polls in general (or the vote), no one poll to cite. On quotes-dev
# half A, 13 of the 16 attributions to a bare "the polls" were wrong; dropping them: source F1 half A 0.7823 -> 0.7828,
# held-out B 0.7343 unchanged, content F1 A 0.8397 -> 0.8405, B 0.8164 -> 0.8168.
_GENERIC_POLLS = re.compile(r"\bthe\s+(?:polls|surveys)$", re.IGNORECASE)
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\b")
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


def sentence_hits(sent: Sentence, quotes: Sequence[tuple[int, int]] = ()) -> list[RuleHit]:
    """Every attribution the rules find in one sentence (offsets into the whole text).

    Cue words inside a quotation (``quotes``, offsets into the whole text) are the quoted
    speaker's words, not attributions of the article.
    """
    s = sent.text
    inside = [(a - sent.start, b - sent.start) for a, b in quotes if a < sent.end and sent.start < b]
    toks = tokens(s)
    hits: list[RuleHit] = []
    m = _IN_SOURCE.match(s)
    if m is not None and _POLL.search(m.group("src")):
        hits.append(
            RuleHit(
                text_span(sent, m.start("src"), m.end("src")),
                text_span(sent, m.start(), m.start() + 2),
                [text_span(sent, m.start("rest"), len(s))],
            )
        )
    for qm in _ASKED_BY.finditer(s):
        hits.append(_asked_by(sent, qm))
    for am in _ACCORDING.finditer(s):
        hit = _according(sent, am.start(), am.end())
        if hit is not None:
            hits.append(hit)
    for i, tok in enumerate(toks):
        kind = cue_kind(tok.low)
        if kind is None or (not tok.text[:1].islower() and i > 0):
            continue
        if any(a < tok.start < b for a, b in inside):
            continue
        prev = toks[i - 1].low if i > 0 else ""
        if prev in _NOUN_AFTER_DET or (prev in ("to", "of") and kind != "speech"):
            continue  # "his claims", "the report", "plans to"
        if prev in BE_WORDS and tok.low.endswith("ed") and not tok.low.endswith("eed"):
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


# "Sanders was asked by host Jo Lind whether …", "Asked by Lind to respond, Carson said …": the one who asks is
# the source of the question (PolNeAR marks it so; half A has 3 such questions, all gold attributions): quotes-dev
# source F1 half A 0.7870 -> 0.7873, held-out B 0.7365 -> 0.7368.
_ASKED_BY = re.compile(
    r"\b[Aa]sked by (?P<who>[^,.;:()“”\"]{1,60}?)\s+(?P<what>(?:whether|if|to|about|what|why|how|when|who)\b)"
)
# The main clause after a sentence-opening "Asked by X to …,": its subject starts with a capital or is a pronoun.
_MAIN_CLAUSE = re.compile(r",\s+(?=[A-Z]|(?:he|she|they|we|I)\b)")


def _asked_by(sent: Sentence, m: re.Match[str]) -> RuleHit:
    s = sent.text
    end = len(s)
    if not s[: m.start()].strip(' “"'):  # "Asked by X to respond, Carson said …": the question ends at the clause
        clause = _MAIN_CLAUSE.search(s, m.end("what"))
        end = clause.start() if clause is not None else end
    return RuleHit(
        text_span(sent, m.start("who"), m.end("who")),
        text_span(sent, m.start(), m.start() + len("asked")),
        [text_span(sent, *trim(s, m.start("what"), end))],
    )


def _poll_phrase(sent: Sentence) -> RuleHit | None:
    """ "Trump leads by 20 points in the latest poll": the poll is the source of the rest of the sentence."""
    s = sent.text
    m = _IN_POLL.search(s)
    if m is None or _GENERIC_POLLS.search(m.group("src")):
        return None
    parts = [
        p
        for p in (trim(s, 0, m.start()), trim(s, m.end(), len(s)))
        if p[1] > p[0] and len(WORD.findall(s[p[0] : p[1]])) >= 2
    ]
    if not parts:
        return None
    return RuleHit(
        text_span(sent, m.start("src"), m.end("src")),
        text_span(sent, m.start(), m.start() + 2),
        [text_span(sent, a, b) for a, b in parts],
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
                    a2, b2 = trim(sent.text, a - sent.start, later.joins_at - sent.start)
                    b = sent.start + b2 if b2 > a2 else b
                cut.append((a, b))
            hit.parts = cut


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
    if after_m is not None and len(WORD.findall(after[after_m.end() :])) >= 3 and a < 3:
        content = (src[1] + after_m.end(), len(s))
    elif len(WORD.findall(s[:a])) >= 3:
        content = (0, a)
    elif after_m is not None and len(WORD.findall(after[after_m.end() :])) >= 3:
        content = (src[1] + after_m.end(), len(s))
    if content is None:
        return None
    cs, ce = trim(s, *content)
    if ce <= cs:
        return None
    return RuleHit(text_span(sent, *src), text_span(sent, a, b), [text_span(sent, cs, ce)])


def _verb_hit(
    sent: Sentence, toks: list[Tok], i: int, kind: str, inside: Sequence[tuple[int, int]] = ()
) -> RuleHit | None:
    s = sent.text
    cue = toks[i]
    lemma = SPEECH_FORMS.get(cue.low) or BELIEF_FORMS.get(cue.low) or STANCE_FORMS.get(cue.low) or cue.low
    j = skip_left(s, toks, i)
    speaker: tuple[int, int] | None = None
    follow = False
    described = False  # the speaker is a subject with its apposition: "Jo Lee, a spokesman, said"
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
        speaker = np_left(toks, j - 2)
    elif j >= 1 and toks[j].low == "who" and toks[j - 1].text[:1].isalpha():  # "those who said"
        speaker = np_left(toks, j - 1)
    elif j >= 0 and (
        (toks[j].low in _GERUND_PREPS and cue.low.endswith("ing"))  # "… by saying …"
        or toks[j].low in ("and", "but", "or")
    ):  # "Rubio thanked Miami and said …"
        speaker = clause_subject(toks, j)
        follow = True
    elif j >= 0 and pron in PRONOUNS:  # "he", "he’d"
        speaker = (toks[j].start, toks[j].start + len(pron))
    elif j >= 0 and toks[j].text not in PUNCT and toks[j].low not in NP_STOP:
        speaker = np_left(toks, j)
        if cue.low.endswith("ing") and toks[j].low in MESSAGE_NOUNS:  # "The town released a statement saying …"
            sent_by = message_sender(s, toks, j)
            if sent_by is not None:  # the cue runs from the verb: "released a statement saying"
                speaker, cue_from = sent_by[:2], sent_by[2]
    elif (
        j >= 0
        and (toks[j].text == "," or (toks[j].text in _CLOSERS and j > 0 and toks[j - 1].text == ","))
        and (cue.low in _PARTICIPLES_LEAD)
    ):
        speaker = clause_subject(toks, j)
        follow = True
    elif j >= 0 and toks[j].text == "," and not cue.low.endswith("ing"):
        speaker = appositive_subject(toks, j)
        described = speaker is not None
        if speaker is None:  # "Paul Porter, a truck driver from Ava, Mo., who …, said"
            speaker = opening_subject(toks, j)
        if speaker is None:  # "“…,” Jo Lind, 67, a nurse in Allentown, Pa., said"
            speaker = quoted_subject(toks, j)
        if speaker is None:  # "In Iowa, Gov. John Kasich (R-OH), said, …"
            k = skip_left(s, toks, j)
            if k >= 0 and toks[k].text not in PUNCT and toks[k].low not in NP_STOP:
                n = np_len(toks, k)
                first = toks[k - n + 1]
                if (
                    (first.text[:1].isupper() or first.low in DETERMINERS)
                    and (k - n < 0 or toks[k - n].text in ",;:—–")
                    and not after_preposition(toks, k - n + 1)
                ):
                    speaker = (first.start, toks[k].end)
    # inversion: "…,” said Trump." / "…, says the report." (never "told": what follows it is the listener);
    # not after a described subject ("Jo Lind, a spokeswoman, said the decision to … had …") unless the
    # phrase after the cue ends the sentence: quotes-dev source F1 half A 0.7851 -> 0.7858, held-out B
    # 0.7356 -> 0.7362.
    after = cue.end
    inverted = False
    if not follow and kind == "speech" and lemma != "tell" and (j < 0 or toks[j].text in CLOSE_PUNCT):
        np = np_right(s, toks, i + 1)
        if np is not None and not (described and s[np[1] :].strip(" .")):
            speaker, after, inverted = (np[0], np[1]), np[1], True
    if speaker is None and not follow:
        return None
    # content after the cue
    rest_start = after
    if not inverted and lemma in LISTENER_VERBS:
        rest_start = skip_listener(s, toks, i + 1, cue.end)
        if rest_start != cue.end and len(WORD.findall(s, rest_start)) <= _TRAILING_WORDS:
            rest_start = cue.end  # "promising the group will return to its roots": no listener, all content
    head = SKIP_HEAD.match(s, rest_start)
    while head is not None and head.end() > rest_start:
        rest_start = head.end()
        head = SKIP_HEAD.match(s, rest_start)
    rest = s[rest_start:]
    ends_clause = (
        _END_CLAUSE.match(rest) is not None
        or (inverted and not rest.strip(" ."))
        or (_ADVERB_PARTICIPLE.match(s, after) is not None)
    )  # "…,” Devine said, instead seeking to …"
    if (
        not inverted
        and lemma in LISTENER_VERBS
        and rest_start == cue.end
        and not re.match(r"\s*(?:that\b|[“\"':])", rest)
        and len(WORD.findall(rest)) <= _LISTENER_WORDS
    ):
        ends_clause = True  # "…, Trump told the New York Times."
    if (
        not ends_clause
        and kind == "speech"
        and len(WORD.findall(rest)) <= _TRAILING_WORDS
        and not any(c in rest for c in _OPENERS + ":")
    ):
        ends_clause = True  # "…,” Melanie said to the TV."
    lead_end = speaker[0] if speaker is not None and not inverted and not follow else cue.start
    lead = trim(s, 0, lead_end)
    before_ok = (
        kind != "stance"
        and joins is None
        and (len(WORD.findall(s[lead[0] : lead[1]])) >= 2 or any(a < 0 and lead[1] <= b for a, b in inside))
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
        after_part = trim(s, rest_start, len(s))
        if after_part[1] > after_part[0] and WORD.search(s, after_part[0], after_part[1]):
            parts.append(after_part)
    if not parts:
        return None
    if speaker is not None and not speaker_like(s[speaker[0] : speaker[1]]):
        return None
    return RuleHit(
        None if speaker is None else text_span(sent, *speaker),
        text_span(sent, cue_from, cue.end),
        [text_span(sent, a, b) for a, b in parts],
        follow,
        None if joins is None else sent.start + joins,
    )
