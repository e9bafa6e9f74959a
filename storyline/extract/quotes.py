"""Quotes and attributions: who said (or wrote, believes, found) what, direct or reported.

Three modes. ``rules`` is rules only (``quotes_fast``): a cue lexicon (``quotes_cues``), quote
marks and a noun-phrase finder. The default, ``fast``, adds a small trained cue model
(``quotes_model``) for the long tail of cues the lexicon lacks, whose attributions a second trained
model, the judge (``quotes_attr``), accepts or rejects from the speaker it proposes (quotes-dev half B,
held out: source F1 rules alone 0.675, with the cue model 0.700, with the judge 0.708; with this round's
assembly rules below, rules alone 0.695 and fast 0.726, all of quotes-dev 0.751).
``accurate`` also sends the cue sentences the rules left empty through spaCy's parser (named-entity
recogniser and lemmatiser switched off), where three rules read the parse (``quotes_parse``).
Title-case headlines ("Governor Says Talks Failed") and "Speaker: what" lines are read apart
(``quotes_headlines``).

A sentence that ends its paragraph with a cue and a colon ("Hewitt writes:") attributes the next paragraph
(``quotes_blocks``). Then the attributions of a text are reconciled (``quotes_assemble``; PolNeAR, our dev
set, marks several attributions in one sentence but rarely nested ones): a quote left without a speaker
continues the previous direct attribution of its paragraph, a speaker opening a new clause inside another's
content ends that content there, and nested or contained attributions are dropped. Speakers are resolved
with the article's ``NameIndex`` (``quotes_speakers``): "Kuleba" → "Dmytro Kuleba", "the minister" → the
last person titled minister, "he"/"she" → the last compatible person named before; other pronouns are kept
as written so that every attribution has a speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Literal

from storyline.errors import StorylineError
from storyline.extract.nlp import load_spacy
from storyline.extract.quotes_assemble import (
    CLAUSE_BREAK,
    JOIN_TAIL,
    Attribution,
    Raw,
    assemble,
    inside_any,
    overlaps_any,
)
from storyline.extract.quotes_blocks import introduces_passage, passage_hits
from storyline.extract.quotes_cues import SPEECH_FORMS, has_any_cue, quote_spans
from storyline.extract.quotes_fast import sentence_hits
from storyline.extract.quotes_headlines import headline_attributions
from storyline.extract.quotes_model import CueModel, load_judge, load_model, model_hits
from storyline.extract.quotes_parse import parsed_raws
from storyline.extract.quotes_unclaimed import (
    colon_speaker_hit,
    governed_quote_hit,
    leading_subject,
    trailing_speaker_hit,
)
from storyline.extract.quotes_words import WORD
from storyline.extract.sentences import Sentence, split_sentences

EXTRACTOR = "storyline.extract.quotes"
VERSION = "0.2"
Mode = Literal["fast", "accurate", "rules"]


def find_quotes(
    text: str, nlp: Any = None, mode: Mode = "fast", cue_model: CueModel | None = None, judge: CueModel | None = None
) -> list[Attribution]:
    """All attributions of ``text`` in text order.

    ``mode="fast"`` (the default) uses the rules (``quotes_fast``) and the trained cue model
    (``quotes_model``; ``cue_model``, else the bundled one) with its attribution judge (``quotes_attr``;
    ``judge``, else the bundled one when ``cue_model`` is not given; with a ``cue_model`` and no
    ``judge``, the model's strict speaker rules); it ignores ``nlp``. ``mode="rules"`` is the rules alone.
    ``mode="accurate"`` adds what spaCy's parser (``nlp``, else ``load_spacy()``) finds in the cue
    sentences the rules left empty; without a model it is the fast mode.
    """
    if mode not in ("fast", "accurate", "rules"):
        raise QuoteModeError(mode)
    if not text.strip():
        return []
    quotes = quote_spans(text)
    sentences = _rejoined(text, split_sentences(text))
    raws = _fast_raws(text, quotes, sentences)
    if mode == "fast":
        if cue_model is None:
            cue_model, judge = load_model(), judge or load_judge()
        raws.extend(_model_raws(text, cue_model, quotes, sentences, raws, judge))
    if mode == "accurate":
        nlp = nlp if nlp is not None else load_spacy()
        if nlp is not None:
            done = [(r.cue[0], r.cue[0] + 1) for r in raws]
            left = [s for s in sentences if not overlaps_any(s.start, s.end, done)]
            raws.extend(parsed_raws(nlp, quotes, left))
    raws.extend(headline_attributions(text, sentences))
    return assemble(text, quotes, raws)


def find_article_quotes(
    title: str | None, body: str, nlp: Any = None, mode: Mode = "fast"
) -> tuple[list[Attribution], list[Attribution]]:
    """The attributions of a headline that stands apart from the body, and those of the body.

    Headlines report speech as often as bodies do ("Mayor: Bridge will reopen", "Governor Says Talks Failed").
    The headline is read together with the body, as a reader meets it, so that its speakers resolve to the
    fullest names the body gives; each list's offsets index its own text (``title``, ``body``). An
    attribution whose content or cue would run from the headline into the body is dropped: they are
    separate texts.
    Without a title this is ``find_quotes(body)`` and the first list is empty.
    """
    if not title or not title.strip():
        return [], find_quotes(body, nlp, mode=mode)
    gap = "\n\n"  # a paragraph break: the headline is a sentence of its own
    shift = len(title) + len(gap)
    in_title: list[Attribution] = []
    in_body: list[Attribution] = []
    for a in find_quotes(title + gap + body, nlp, mode=mode):
        if a.content_end <= len(title) and a.cue_end <= len(title):
            in_title.append(a)
        elif a.content_start >= shift and a.cue_start >= shift:
            in_body.append(_shifted(a, -shift))
    return in_title, in_body


def _shifted(a: Attribution, delta: int) -> Attribution:
    """``a`` with its offsets moved by ``delta``; a speaker written before the text (in the headline) or not
    written at all keeps no offsets, as in ``find_quotes``: -1."""
    speaker_start, speaker_end = a.speaker_start + delta, a.speaker_end + delta
    if a.speaker_start < 0 or speaker_start < 0:
        speaker_start = speaker_end = -1
    return replace(
        a,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        cue_start=a.cue_start + delta,
        cue_end=a.cue_end + delta,
        content_start=a.content_start + delta,
        content_end=a.content_end + delta,
        parts=[(s + delta, e + delta) for s, e in a.parts],
    )


def rule_spans(text: str, quotes: list[tuple[int, int]], sentences: list[Sentence]) -> list[tuple[int, int]]:
    """The cue and content spans the rules claim (the model's training skips their sentences too)."""
    return _taken(_fast_raws(text, quotes, sentences))


def _taken(raws: Sequence[Raw]) -> list[tuple[int, int]]:
    return [p for r in raws for p in r.parts] + [r.cue for r in raws]


def _model_raws(
    text: str,
    model: CueModel,
    quotes: list[tuple[int, int]],
    sentences: list[Sentence],
    raws: list[Raw],
    judge: CueModel | None = None,
) -> list[Raw]:
    """Attributions the cue model finds beside the rules' (rules keep priority): in a sentence the rules
    left empty, every hit; in one where they fired, hits whose cue and speaker lie outside what the rules
    claim, with the content cut where a rule span begins (PolNeAR marks several attributions in one
    sentence: with this round's rule fixes, quotes-dev source F1 0.7135 -> 0.7212, half A 0.7306 -> 0.7427,
    half B, held out from the model too, 0.6966 -> 0.6997; `benchmarks/eval_quotes.py --halves`)."""
    taken = _taken(raws)
    claimed = taken + [r.speaker_override for r in raws if r.speaker_override is not None]
    out: list[Raw] = []
    for sent in sentences:
        busy = overlaps_any(sent.start, sent.end, taken)
        for hit in model_hits(model, sent, quotes, judge, busy):
            if hit.speaker is not None and inside_any(*hit.speaker, quotes):
                continue  # "“I think it's coming,” said a strategist …": the quoted "I" is not the speaker
            parts = hit.parts
            if busy:
                if hit.speaker is not None and _new_clause(text, hit.speaker, hit.cue, raws):
                    # "X said A, but critics argued B": the rule's content ends at the clause (_split_at_clauses)
                    parts = _cut_before(text, parts, [c for c in claimed if c[0] > hit.cue[0]])
                    if parts:
                        out.append(Raw(None, hit.cue, parts, sent.start, speaker_override=hit.speaker))
                    continue
                spoken = hit.speaker is not None and overlaps_any(*hit.speaker, taken)
                if spoken or overlaps_any(*hit.cue, taken):  # a rule's speaker may also be the model's
                    continue
                parts = _cut_before(text, parts, claimed)
                if not parts:
                    continue
            out.append(Raw(None, hit.cue, parts, sent.start, speaker_override=hit.speaker))
    return out


def _new_clause(text: str, speaker: tuple[int, int], cue: tuple[int, int], raws: Sequence[Raw]) -> bool:
    """A speaker before its cue, opening a clause inside a rule's content, and clear of every rule cue and speaker."""
    if not speaker[1] <= cue[0]:
        return False
    marks = [r.cue for r in raws] + [r.speaker_override for r in raws if r.speaker_override is not None]
    if overlaps_any(speaker[0], cue[1], marks):
        return False
    for r in raws:
        for s, e in r.parts:
            if r.cue[1] <= s < speaker[0] and cue[1] <= e:
                return CLAUSE_BREAK.search(text, s, speaker[0]) is not None
    return False


def _cut_before(text: str, parts: list[tuple[int, int]], taken: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parts cut where a span the rules claim begins ("… and threatening A, X said B": A ends before X)."""
    out = []
    for s, e in parts:
        stops = [ts for ts, te in taken if ts < e and s < te]
        end = min(stops) if stops else e
        if stops:
            m = JOIN_TAIL.search(text, s, end)
            end = m.start() if m else end
        if len(WORD.findall(text[s:end])) >= 2:
            out.append((s, end))
    return out


def _fast_raws(text: str, quotes: list[tuple[int, int]], sentences: list[Sentence]) -> list[Raw]:
    raws: list[Raw] = []
    for sent in sentences:
        inner = [q for q in quotes if sent.start <= q[0] < sent.end]
        if (
            not inner
            and not has_any_cue(sent.text)
            and "ccording" not in sent.text
            and " poll" not in sent.text
            and (" survey" not in sent.text)
        ):
            continue
        hits = sentence_hits(sent, quotes)
        if introduces_passage(text, sent):  # "Hewitt writes:" and the quoted paragraph below it
            hits = passage_hits(text, sent, quotes) or hits
        for q in inner:
            if not any(overlaps_any(s, e, [q]) for h in hits for s, e in h.parts):
                governed = trailing_speaker_hit(text, q) or colon_speaker_hit(text, q) or governed_quote_hit(sent, q)
                if governed is not None:
                    hits.append(governed)
        for hit in sorted(hits, key=lambda h: h.cue[0]):
            speaker = hit.speaker
            if hit.follow_subject or speaker is None:  # "…, adding that …": the speaker of the cue before
                before = next(
                    (
                        r.speaker_override
                        for r in reversed(raws)
                        if r.speaker_override and sent.start <= r.cue[0] < hit.cue[0]
                    ),
                    None,
                )
                speaker = before or speaker or leading_subject(sent)
            if speaker is None:
                continue
            raws.append(Raw(None, hit.cue, hit.parts, sent.start, speaker_override=speaker))
    return raws


# A question or exclamation closed by a quote mark, and the speaker and verb of saying that follow it on the line:
# "“Why …?” Lichtman said about …" is one sentence.
_QUOTE_END = re.compile(r"[?!][”\"’]+$|[?!]''$")
_SPEAKER_OPEN = re.compile(
    r"(?:[A-Z][\w’'\-.]*\s+){1,4}(?:"
    + "|".join(sorted((f for f, lem in SPEECH_FORMS.items() if f != lem or f in ("say",)), key=len, reverse=True))
    + r")\b"
)


def _rejoined(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """Sentences with a wrong split mended: one that starts in lower case continues the one before
    ("Rep. Trey Gowdy (R-S.C.) said …" split after "C.)"), and so does a speaker with a verb of saying
    after a quoted question ("“Why …?” Lichtman said about …")."""
    out: list[Sentence] = []
    for sent in sentences:
        joined = out and "\n" not in text[out[-1].end : sent.start]
        if joined and (sent.text[:1].islower() or (_QUOTE_END.search(out[-1].text) and _SPEAKER_OPEN.match(sent.text))):
            prev = out[-1]
            out[-1] = Sentence(prev.start, sent.end, text[prev.start : sent.end])
        else:
            out.append(sent)
    return out


class QuoteModeError(StorylineError):
    def __init__(self, mode: str) -> None:
        super().__init__(f"unknown quote extraction mode {mode!r}: use 'fast', 'accurate' or 'rules'")
