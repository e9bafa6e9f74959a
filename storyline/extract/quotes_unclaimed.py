"""Speakers of quotes that no cue word of the lexicon claims.

A quote governed by the verb after the sentence's opening subject ("He termed the talks an “…”"),
and a quote closed by its speaker and a verb the cue table does not know, or by a dash and a name
("“…” Vitter demanded.", "“…” ― Carla Sanchez"), and a quote introduced by a name and a colon or by an
inverted "Said" ("Rep. Jane Roe (D-Ore.): “…”", "More from Roe: “…”", "Said Roe, “…”"). ``find_quotes``
tries these on each quote that the cue rules leave without an attribution.
"""

from __future__ import annotations

import re

from storyline.extract.quotes_fast import RuleHit
from storyline.extract.quotes_phrases import LEAD_SKIP, speaker_like
from storyline.extract.quotes_words import AUX_WORDS, DETERMINERS, NP_STOP, PRONOUNS, WORD, cue_kind, text_span, tokens
from storyline.extract.sentences import Sentence

# A quote this short is a scare quote ("his “political revolution”"), not speech, unless a cue word says so.
_QUOTE_WORDS = 3


def leading_subject(sent: Sentence) -> tuple[int, int] | None:
    """The subject that opens a sentence: a pronoun, or a noun phrase ending in a capitalised word."""
    toks = tokens(sent.text)
    k = 0
    while k < len(toks) and (toks[k].low in LEAD_SKIP or toks[k].text in "“\"'"):
        k += 1
    if k < len(toks) and toks[k].low in PRONOUNS:
        return text_span(sent, toks[k].start, toks[k].end)
    start = k
    while (
        k < len(toks)
        and k - start < 8
        and toks[k].text not in ',;:()“”"'
        and toks[k].low not in NP_STOP
        and not (k > start and toks[k].text[:1].islower() and (toks[k].low.endswith("ed") or cue_kind(toks[k].low)))
    ):  # a verb ends the subject: "Both parents stiffened their denunciation of Mr. Trump, saying …"
        k += 1
    if k > start and (toks[k - 1].text[:1].isupper() or toks[start].low in DETERMINERS):
        return text_span(sent, toks[start].start, toks[k - 1].end)
    return None


def governed_quote_hit(sent: Sentence, quote: tuple[int, int]) -> RuleHit | None:
    """A quote that no cue word claims, in a sentence that opens with its subject and a verb:
    "He termed the talks an “…”" (the subject is the speaker, the verb the cue)."""
    subject = leading_subject(sent)
    if (
        subject is None
        or subject[1] > quote[0]
        or len(WORD.findall(sent.text[quote[0] - sent.start : quote[1] - sent.start])) < _QUOTE_WORDS
    ):
        return None
    toks = tokens(sent.text)
    k = next((n for n, t in enumerate(toks) if sent.start + t.start >= subject[1]), len(toks))
    while k < len(toks) and toks[k].low in AUX_WORDS:
        k += 1
    if k >= len(toks) or sent.start + toks[k].start >= quote[0]:
        return None
    verb = toks[k]
    if not verb.text.isalpha() or not verb.text.islower() or verb.low in NP_STOP or verb.low in DETERMINERS:
        return None
    if not speaker_like(sent.text[subject[0] - sent.start : subject[1] - sent.start]):
        return None
    return RuleHit(subject, text_span(sent, verb.start, verb.end), [quote])


# "“…” Vitter demanded." / "“…,” she recalled." / "“…” ― Carla Sanchez": a quote closed by its speaker
# and a verb the cue table does not know, or by a dash and a name.
_TRAILING = re.compile(
    r"[ \t\xa0]*(?:[―—–][ \t\xa0]*(?P<dash>[A-Z][\w’'\-.]*(?:[ \t\xa0]+[A-Z][\w’'\-.]*){0,3})"
    r"|,?[ \t\xa0]*(?P<np>(?:[A-Z][\w’'\-.]*(?:[ \t\xa0]+[A-Z][\w’'\-.]*){0,3})|he|she|they|we|I)"
    r"[ \t\xa0]+(?P<verb>[a-z]+(?:ed|s)|said|wrote)\b)[ \t\xa0]*(?:[.!?]|$)",
    re.MULTILINE,
)  # on the quote's own line: "“…”\n\nDown-ballot blues?" is a quote and a subheading


# "“… missing.” Trump said.": the quote closed by a full stop, its speaker and "said" after it on the line.
_SAID = frozenset({"said", "wrote"})


def trailing_speaker_hit(text: str, quote: tuple[int, int]) -> RuleHit | None:
    m = _TRAILING.match(text, quote[1])
    if m is None or len(WORD.findall(text[quote[0] : quote[1]])) < _QUOTE_WORDS:
        return None
    if m.group("dash"):
        return RuleHit((m.start("dash"), m.end("dash")), (quote[1], m.start("dash")), [quote])
    if m.group("verb") in NP_STOP and m.group("verb") not in _SAID:
        return None
    return RuleHit((m.start("np"), m.end("np")), (m.start("verb"), m.end("verb")), [quote])


# "… market. Jane Roe (D-Ore.): “…”", "– More from Roe: “…”", "Said Roe, “…”": a name (capitalised words,
# a lower-case title inside it, a party label after it) that opens its sentence, a line or a dash-led aside and
# is followed by a colon (or, after an inverted "Said", a comma) and the quote. Only quotes no other rule claims:
# quotes-dev source F1 half A 0.7858 -> 0.7864 (live-blog "– Jeffrey M. Jones: “…”" asides, hearing transcripts),
# held-out B 0.7362 -> 0.7364; all 15 new attributions of the set name the right speaker.
_NAME_WORD = r"[A-Z][\w’'\-.]*"
_COLON_SPEAKER = re.compile(
    r"(?:^|(?<=[.!?”\"]\s)|(?<=[.!?”\"]\s\s)|(?<=[―—–\-]\s))[ \t\xa0]*"
    r"(?:(?P<said>Said)[ \t\xa0]+|(?:More[ \t\xa0]+from|According[ \t\xa0]+to)[ \t\xa0]+)?"
    rf"(?P<who>{_NAME_WORD}(?:[ \t\xa0]+(?:{_NAME_WORD}|[a-z]+)){{0,6}}?)"
    r"(?:[ \t\xa0]+\([A-Z][\w.\-]*(?:-[A-Z][\w.]*)?\))?"
    r"[ \t\xa0]*(?P<mark>:|(?<=\w),)[ \t\xa0]*$",
    re.MULTILINE,
)
# First words of a "Label: “…”" that names no speaker ("The result: “…”", "Update: “…”").
_NOT_NAMES = frozenset({"the", "a", "an", "this", "that", "these", "those", "it", "one", "update", "note", "more"})


def colon_speaker_hit(text: str, quote: tuple[int, int]) -> RuleHit | None:
    """ "Jane Roe (D-Ore.): “…”" / "Said Roe, “…”": the speaker named just before the colon that opens the quote."""
    line_start = text.rfind("\n", 0, quote[0]) + 1
    m = _COLON_SPEAKER.search(text, max(line_start, quote[0] - 120), quote[0])
    if m is None or len(WORD.findall(text[quote[0] : quote[1]])) < _QUOTE_WORDS:
        return None
    who = m.group("who")
    words = who.split()
    if m.group("mark") == "," and not m.group("said"):
        return None  # "Roe, “…”" is an address or a list, only "Said Roe, “…”" names the speaker
    if words[0].lower() in _NOT_NAMES or not words[-1][:1].isupper() or words[-1].lower() in NP_STOP:
        return None
    cue = (m.start("said"), m.end("said")) if m.group("said") else (m.start("mark"), m.end("mark"))
    return RuleHit((m.start("who"), m.end("who")), cue, [quote])
