"""The second stage of the trained attribution finder: a speaker and content for a cue, and a judge.

``quotes_model`` scores words as cue heads. For a cue it accepts, this module proposes an attribution
by one of several speaker strategies (a pronoun or noun phrase on the subject side, the noun phrase
before a relative pronoun or an infinitive's "to", the agent after "by"/"from" for a passive or a noun
cue: "was confirmed by the Eagle Forum", "criticism from German conservatives", the name before an
appositive, the sentence's opening subject, or an inverted speaker after a closing quote). A second
logistic model (``AttrModel``, JSON weights trained by ``benchmarks/train_quotes.py`` on half A of
quotes-dev) then judges the attribution from the cue's probability, the strategy, the speaker's shape
(pronoun, capitalised run, determiner, length, head word), its distance and side, and the content's
side and length; only attributions it accepts are kept. Lower-case speakers ("advocates estimate
…", "smaller nonprofits also expressed concerns …"), which the strict rules of ``quotes_strict.build_hit``
refuse, can pass when the judge trusts them (quotes-dev half B, held out: source F1 0.700 -> 0.708).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.extract.quotes_fast import RuleHit
from storyline.extract.quotes_phrases import appositive_subject, np_left, np_right, opening_subject
from storyline.extract.quotes_unclaimed import leading_subject
from storyline.extract.quotes_words import CLOSE_PUNCT, NP_STOP, PRONOUNS, PUNCT, Tok, trim
from storyline.extract.sentences import Sentence

_WORD = re.compile(r"[^\W_]+")
ATTR_MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "quotes" / "attr_model.json"

_AGENT_PREPS = {"by", "from"}
_NOUN_OPENERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "no", "any", "this", "that"}
DETERMINERS = {
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "this",
    "these",
    "those",
    "some",
    "many",
    "most",
    "several",
    "both",
    "other",
    "another",
    "each",
    "every",
    "no",
    "few",
    "one",
    "two",
    "three",
    "all",
}
# Longest speaker taken on the right of "by"/"from" (tokens): PolNeAR agents are short noun phrases.
_RIGHT_NP_TOKENS = 8


@dataclass(frozen=True, slots=True)
class Proposal:
    """An attribution around one cue, how its speaker was found, and the words the judge reads."""

    hit: RuleHit
    how: str
    speaker_text: str
    distance: int  # tokens between the speaker and the cue
    content_side: str  # "after" the cue or "lead" (before it)
    content_words: int
    opens_sentence: bool  # the speaker is the sentence's first word (its capital says nothing)


def _bucket(n: int) -> str:
    return str(n) if n < 3 else ("3" if n < 6 else ("6" if n < 11 else ("11" if n < 21 else "21")))


def _right_np(s: str, toks: Sequence[Tok], k: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``k``, up to punctuation or a clause word."""
    found = np_right(s, list(toks), k)
    if found is not None:
        return found
    start = k
    while k < len(toks) and k - start < _RIGHT_NP_TOKENS:
        t = toks[k]
        if t.text in PUNCT or (t.low in NP_STOP and t.low not in ("of", "for", "and")):
            break
        k += 1
    if k == start:
        return None
    return toks[start].start, toks[k - 1].end


def _passive(toks: Sequence[Tok], i: int) -> bool:
    low = toks[i].low
    if not (low.endswith(("ed", "en", "wn")) or low in ("seen", "said", "told", "thought", "held", "known")):
        return False
    k = i - 1
    while k >= 0 and toks[k].low in ("has", "have", "had", "not", "also", "already", "never", "been", "n't"):
        k -= 1
    return k >= 0 and toks[k].low in ("is", "was", "were", "are", "be", "been", "being", "get", "got", "'s", "’s")


def _speaker(sent: Sentence, toks: Sequence[Tok], i: int, j: int) -> tuple[tuple[int, int], str] | None:
    """The speaker span (sentence offsets) for cue ``i`` whose subject side ends at ``j``, and the strategy."""
    s = sent.text
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    prev = toks[i - 1].low if i > 0 else ""
    if nxt in _AGENT_PREPS and (_passive(toks, i) or prev in _NOUN_OPENERS or nxt == "from"):
        np = _right_np(s, toks, i + 2)
        if np is not None:
            return np, "agent-" + nxt
    if j < 0:
        return None
    t = toks[j]
    pron = t.low.replace("’", "'").split("'")[0]
    if pron in PRONOUNS:
        return (t.start, t.start + len(pron)), "pron"
    if t.low in ("who", "which", "that") and j >= 1:
        if toks[j - 1].text == "," and j >= 2:
            return np_left(list(toks), j - 2), "rel-comma"
        if toks[j - 1].text not in PUNCT and toks[j - 1].low not in NP_STOP:
            return np_left(list(toks), j - 1), "rel"
        return None
    if t.low == "to" and j >= 1 and toks[j - 1].text not in PUNCT and toks[j - 1].low not in NP_STOP:
        return np_left(list(toks), j - 1), "to"
    if t.text not in PUNCT and t.low not in NP_STOP:
        return np_left(list(toks), j), "np"
    if t.text in CLOSE_PUNCT:
        np = np_right(s, list(toks), i + 1)
        if np is not None:
            return np, "inv"
    if t.text == ",":
        appos = appositive_subject(list(toks), j) or opening_subject(list(toks), j)
        if appos is not None:
            return appos, "appos"
    lead = leading_subject(Sentence(0, len(s), s))
    if lead is not None and lead[1] <= toks[i].start:
        return lead, "lead"
    return None


def propose(sent: Sentence, toks: Sequence[Tok], i: int, j: int) -> Proposal | None:
    """An attribution for cue head ``i`` (``j``: the token ending its subject side), or None."""
    s = sent.text
    cue = toks[i]
    found = _speaker(sent, toks, i, j)
    if found is None:
        return None
    speaker, how = found
    if speaker[1] <= speaker[0]:
        return None
    right = speaker[0] >= cue.end
    after = speaker[1] if right else cue.end
    rest = trim(s, after, len(s))
    lead = trim(s, 0, min(cue.start, speaker[0]))
    rest_words = _words(s[rest[0] : rest[1]])
    lead_words = _words(s[lead[0] : lead[1]])
    if how.startswith("agent") and lead_words >= 1:  # "The closure was confirmed by X": the subject
        part, side, words = lead, "lead", lead_words
    elif rest_words >= 2:
        part, side, words = rest, "after", rest_words
    elif lead_words >= 3:
        part, side, words = lead, "lead", lead_words
    else:
        return None
    spoken = [t.text for t in toks if speaker[0] <= t.start < speaker[1]]
    gap = (cue.end, speaker[0]) if right else (speaker[1], cue.start)
    distance = sum(1 for t in toks if gap[0] <= t.start < gap[1])
    hit = RuleHit(
        (sent.start + speaker[0], sent.start + speaker[1]),
        (sent.start + cue.start, sent.start + cue.end),
        [(sent.start + part[0], sent.start + part[1])],
    )
    return Proposal(hit, how, " ".join(spoken), distance, side, words, speaker[0] == toks[0].start)


def judge_features(p: Proposal, cue_p: float, cue_lemma: str, strict: bool, busy: bool) -> list[str]:
    """The feature names the attribution judge reads."""
    words = p.speaker_text.split()
    first = words[0].lower() if words else ""
    head = words[-1] if words else ""
    if first in PRONOUNS and len(words) == 1:
        shape = "pron"
    elif any(w[:1].isupper() for w in (words[1:] if p.opens_sentence else words)):
        shape = "cap" if words[0][:1].isupper() else "lowcap"
    elif first in DETERMINERS:
        shape = "det"
    else:
        shape = "low"
    side = "R" if p.hit.speaker is not None and p.hit.speaker[0] >= p.hit.cue[1] else "L"
    # the cue probability as ordinal steps ("cp>=3" fires for 0.3 and above): weights stay monotone-ish
    feats = ["cp>=" + str(k) for k in range(1, min(9, int(cue_p * 10)) + 1)]
    feats += [
        "how=" + p.how,
        "shape=" + shape,
        "how|shape=" + p.how + shape,
        "spn=" + _bucket(len(words)),
        "dist=" + _bucket(p.distance),
        "side=" + side,
        "cont=" + p.content_side + _bucket(p.content_words),
        "strict=" + str(strict),
        "busy=" + str(busy),
        "l=" + cue_lemma,
        "first=" + first,
    ]
    if head[:1].islower():
        feats.append("head=" + head.lower())
    return feats


def _words(s: str) -> int:
    return len(_WORD.findall(s))
