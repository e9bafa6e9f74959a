"""The cue model's strict speaker rules: the speaker and content around a cue head the model accepts, used
when no judge is given and as one of the judge's features.

The speaker is the noun phrase (or pronoun) on the cue's subject side, or inverted after a closing quote, when
it is named or determined ("the campaign", "Ms. Vos"); a passive cue has none. The content is the clause
after the cue, or, when nothing follows, the words before the speaker.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.extract.quotes_attr import DETERMINERS
from storyline.extract.quotes_fast import RuleHit
from storyline.extract.quotes_features import lemma, subject_side
from storyline.extract.quotes_phrases import np_left, np_right, speaker_like
from storyline.extract.quotes_skip import skip_listener
from storyline.extract.quotes_words import (
    AUX_WORDS,
    BE_WORDS,
    CLOSE_PUNCT,
    LISTENER_VERBS,
    NP_STOP,
    PRONOUNS,
    PUNCT,
    Tok,
    trim,
)
from storyline.extract.sentences import Sentence


def build_hit(sent: Sentence, toks: Sequence[Tok], i: int) -> RuleHit | None:
    """Speaker and content around cue head ``i``: subject on the left (or inverted after the cue),
    content after the cue, else before the speaker."""
    s = sent.text
    cue = toks[i]
    j = subject_side(s, toks, i)
    speaker: tuple[int, int] | None = None
    inverted = False
    if j >= 0:
        t = toks[j]
        if t.low.replace("’", "'").split("'")[0] in PRONOUNS:
            speaker = (t.start, t.start + len(t.low.replace("’", "'").split("'")[0]))
        elif t.low in ("who", "which") and j >= 2 and toks[j - 1].text == ",":
            speaker = np_left(list(toks), j - 2)
        elif t.text not in PUNCT and t.low not in NP_STOP:
            speaker = np_left(list(toks), j)
        elif t.text in CLOSE_PUNCT:
            np = np_right(s, list(toks), i + 1)
            if np is not None:
                speaker, inverted = np, True
    if speaker is None or not _named_or_determined(s[speaker[0] : speaker[1]]):
        return None
    if not inverted and _passive(toks, i):
        return None  # "Clinton is expected to …", "it was said": PolNeAR's source, if any, is not the subject
    after = speaker[1] if inverted else cue.end
    if not inverted and lemma(cue.low) in LISTENER_VERBS:
        after = skip_listener(s, list(toks), i + 1, cue.end)
    rest = trim(s, after, len(s))
    lead = trim(s, 0, cue.start if inverted else speaker[0])
    if not inverted and _words(s[rest[0] : rest[1]]) >= 2:
        part = rest
    elif _words(s[lead[0] : lead[1]]) >= 3:
        part = lead
    else:
        return None
    return RuleHit(
        (sent.start + speaker[0], sent.start + speaker[1]),
        (sent.start + cue.start, sent.start + cue.end),
        [(sent.start + part[0], sent.start + part[1])],
    )


def _passive(toks: Sequence[Tok], i: int) -> bool:
    low = toks[i].low
    if not (low.endswith(("ed", "en", "wn")) or low in ("seen", "said", "told", "thought", "held", "known")):
        return False
    k = i - 1
    while k >= 0 and toks[k].low in AUX_WORDS:
        k -= 1
    return k >= 0 and (toks[k].low in BE_WORDS or toks[k].low in ("be", "been", "being", "get", "got"))


def _named_or_determined(written: str) -> bool:
    """A pronoun, a phrase with a capitalised word, or one opened by a determiner ("the campaign"),
    not a stray word the left scan stopped on ("quite", "please", "offshore profits")."""
    if not speaker_like(written):
        return False
    words = written.split()
    first = words[0].lower()
    return first in PRONOUNS or first in _DETERMINED or any(w[:1].isupper() for w in words)


# a determiner (all but "all", which opens a quantifier more than a speaker) or a group that speaks
_DETERMINED = (DETERMINERS - {"all"}) | {
    "advisers",
    "aides",
    "analysts",
    "critics",
    "democrats",
    "economists",
    "experts",
    "i",
    "officials",
    "people",
    "republicans",
    "sources",
    "supporters",
    "voters",
    "we",
    "you",
}


def _words(s: str) -> int:
    return sum(1 for w in s.split() if any(c.isalnum() for c in w))
