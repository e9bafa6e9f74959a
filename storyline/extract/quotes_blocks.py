"""Attributions whose content is the next paragraph: "Hewitt writes:" or "He told the crowd:" ending a
paragraph, with the words quoted set off below it (a block quote, a statement, a speech)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.extract.quotes_fast import RuleHit, sentence_hits
from storyline.extract.sentences import Sentence

_WORD = re.compile(r"\w+")
# The blank line or line break between the introducing line and the passage it introduces.
_BREAK = re.compile(r"[ \t\u00a0]*\n\s*")
# An introducing sentence is short: a speaker, a verb and perhaps a listener or occasion ("He told his
# audience, to rowdy applause:"). Set by hand; a longer one ending in a colon opens a list, not a quotation.
_INTRO_MAX_WORDS = 25
# Words between the cue and the colon: a listener or occasion at most ("told his audience, to rowdy applause:",
# "issued the following statement:"); more, and the introducing sentence holds its own content ("lamented
# illegal immigration, Clinton took a moment to reach out to voters:"). Set by hand.
_AFTER_CUE_MAX_WORDS = 6
# The passage has at least this many words (set by hand: a shorter line is a heading or a name).
_PASSAGE_MIN_WORDS = 4


def introduces_passage(text: str, sent: Sentence) -> bool:
    """The sentence ends its paragraph with a colon and a paragraph follows."""
    return sent.text.rstrip().endswith(":") and _BREAK.match(text, sent.end) is not None


def passage_hits(text: str, sent: Sentence, quotes: Sequence[tuple[int, int]]) -> list[RuleHit]:
    """The rules' attributions of an introducing sentence, their content the paragraph that follows it.

    The rules read the sentence joined to that paragraph, so that speaker and cue are found as they are for
    "X writes: A" on one line; an attribution is kept when its cue lies in the introducing sentence.
    """
    if len(_WORD.findall(sent.text)) > _INTRO_MAX_WORDS:
        return []
    gap = _BREAK.match(text, sent.end)
    if gap is None:
        return []
    start = gap.end()
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    passage = text[start:end].rstrip()
    end = start + len(passage)
    if len(_WORD.findall(passage)) < _PASSAGE_MIN_WORDS:
        return []
    intro_end = sent.start + len(sent.text.rstrip())
    joined = Sentence(sent.start, end, text[sent.start : intro_end] + " " * (start - intro_end) + passage)
    out = []
    for hit in sentence_hits(joined, quotes):
        if hit.cue[1] > intro_end or (hit.speaker is not None and hit.speaker[1] > intro_end):
            continue
        if len(_WORD.findall(text, hit.cue[1], intro_end)) > _AFTER_CUE_MAX_WORDS:
            continue
        out.append(RuleHit(hit.speaker, hit.cue, [(start, end)], hit.follow_subject, hit.joins_at))
    return out
