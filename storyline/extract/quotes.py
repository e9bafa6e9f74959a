"""Quotes and attributions: who said (or wrote, believes, found) what, direct or reported.

Three modes. ``rules`` is rules only (``quotes_fast``): a cue lexicon (``quotes_cues``), quote
marks and a noun-phrase finder. The default, ``fast``, adds a small trained cue model
(``quotes_model``) for the long tail of cues the lexicon lacks, whose attributions a second trained
model, the judge (``quotes_attr``), accepts or rejects from the speaker it proposes (quotes-dev half B,
held out: source F1 rules alone 0.675, with the cue model 0.700, with the judge 0.708; with this round's
assembly rules below, rules alone 0.695 and fast 0.726, all of quotes-dev 0.751).
``accurate`` also sends the cue sentences the rules left empty through spaCy's parser (named-entity
recogniser and lemmatiser switched off), where three rules read the parse:

1. a cue verb with a clausal complement ("X said (that) A", "A, X said", "X told Y A");
2. "according to X, A";
3. a quoted span governed by a verb that has a subject ("He termed the talks an “A”").

A sentence that ends its paragraph with a cue and a colon ("Hewitt writes:") attributes the next paragraph
(``quotes_blocks``). In both modes a quote left without a speaker continues the previous direct attribution of its
paragraph when it stands alone as a sentence. Then the attributions of a text are reconciled
(PolNeAR, our dev set, marks several attributions in one sentence but rarely nested ones): a speaker
opening a new clause inside another's content (", although he tweeted …") ends that content there;
content running into a later attribution's speaker and cue ("X called for A, sources said") ends
before them; and an attribution reported inside another one's content, or whose content lies wholly
inside another's, is dropped. Speakers are resolved with the
article's ``NameIndex``: "Kuleba" → "Dmytro Kuleba", "the minister" → the last person titled
minister, "he"/"she" → the last compatible person named before; other pronouns are kept as written
so that every attribution has a speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from storyline.errors import StorylineError
from storyline.extract.nlp import load_spacy
from storyline.extract.quotes_blocks import introduces_passage, passage_hits
from storyline.extract.quotes_cues import (
    ALL_FORMS,
    HEADLINE_RE,
    SPEECH_FORMS,
    STANCE_FORMS,
    has_any_cue,
    quote_spans,
)
from storyline.extract.quotes_fast import sentence_hits
from storyline.extract.quotes_model import CueModel, load_judge, load_model, model_hits
from storyline.extract.quotes_speakers import Resolver
from storyline.extract.quotes_unclaimed import governed_quote_hit, leading_subject, trailing_speaker_hit
from storyline.extract.sentences import Sentence, split_sentences
from storyline.extract.timex_lex import MONTH_NAMES, WEEKDAY_NAMES

EXTRACTOR = "storyline.extract.quotes"
VERSION = "0.2"
Mode = Literal["fast", "accurate", "rules"]

# Content parts further apart than this many words become separate attributions: the scorer (and a
# reader) can follow a quote across "he said" but not across a long appositive. 12 is score.py's
# max_gap for in-order token matching (quotes-dev, see benchmarks/eval_quotes.py).
MAX_PART_GAP_WORDS = 12
# Components the quote rules never read; switching them off roughly doubles parser throughput
# (measured on 40 quotes-dev articles: 3.7 → 13.6 docs/s for full-text parsing).
_DISABLE = ("ner", "lemmatizer", "attribute_ruler")
_PUNCT_EDGE = re.compile(r"^[\s,;:—–\-(]+|[\s,;:—–\-(]+$")
_WORD = re.compile(r"\w+")
# What joins a clause to the next one's speaker, trimmed when a content part is cut there ("A, and X said").
_JOIN_TAIL = re.compile(r"(?:[\s,;:—–\-(]|\b(?:and|but|or|while|as)\b)+$")


@dataclass(slots=True)
class Attribution:
    """One attribution. Offsets index the text given to ``find_quotes``.

    ``content`` is the attributed words; when they come in several parts (a quote split by
    "he said") ``parts`` lists each part's offsets and ``content`` joins them with a space, while
    ``content_start``/``content_end`` span from the first part to the last.
    """

    speaker: str | None
    speaker_start: int
    speaker_end: int
    cue: str
    cue_start: int
    cue_end: int
    content: str
    content_start: int
    content_end: int
    direct: bool
    title: str | None = None
    mention: str | None = None  # the speaker as written ("he", "the minister", "Kuleba")
    parts: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class _Raw:
    subject: Any  # spaCy Token or None
    cue: tuple[int, int]
    parts: list[tuple[int, int]]
    base: int  # offset of the parsed sentence in the text
    speaker_override: tuple[int, int] | None = None  # for "according to X": X's span
    secondary: bool = False  # from the parser: kept only where the rules found nothing


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
            left = [s for s in sentences if not _overlaps_any(s.start, s.end, done)]
            raws.extend(_parsed_raws(nlp, quotes, left))
    raws.extend(_headline_attributions(text, sentences))
    return _assemble(text, quotes, raws)


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


def _parsed_raws(nlp: Any, quotes: list[tuple[int, int]], sentences: list[Sentence]) -> list[_Raw]:
    candidates = [s for s in sentences if has_any_cue(s.text) or _overlaps_any(s.start, s.end, quotes)]
    docs = nlp.pipe([s.text for s in candidates], disable=[p for p in _DISABLE if p in nlp.pipe_names])
    raws: list[_Raw] = []
    for sent, doc in zip(candidates, docs, strict=True):
        raws.extend(_sentence_attributions(doc, sent, quotes))
    for raw in raws:
        raw.secondary = True
    return raws


def rule_spans(text: str, quotes: list[tuple[int, int]], sentences: list[Sentence]) -> list[tuple[int, int]]:
    """The cue and content spans the rules claim (the model's training skips their sentences too)."""
    return _taken(_fast_raws(text, quotes, sentences))


def _taken(raws: Sequence[_Raw]) -> list[tuple[int, int]]:
    return [p for r in raws for p in r.parts] + [r.cue for r in raws]


def _model_raws(
    text: str,
    model: CueModel,
    quotes: list[tuple[int, int]],
    sentences: list[Sentence],
    raws: list[_Raw],
    judge: CueModel | None = None,
) -> list[_Raw]:
    """Attributions the cue model finds beside the rules' (rules keep priority): in a sentence the rules
    left empty, every hit; in one where they fired, hits whose cue and speaker lie outside what the rules
    claim, with the content cut where a rule span begins (PolNeAR marks several attributions in one
    sentence: with this round's rule fixes, quotes-dev source F1 0.7135 -> 0.7212, half A 0.7306 -> 0.7427,
    half B, held out from the model too, 0.6966 -> 0.6997; `benchmarks/eval_quotes.py --halves`)."""
    taken = _taken(raws)
    claimed = taken + [r.speaker_override for r in raws if r.speaker_override is not None]
    out: list[_Raw] = []
    for sent in sentences:
        busy = _overlaps_any(sent.start, sent.end, taken)
        for hit in model_hits(model, sent, quotes, judge, busy):
            if hit.speaker is not None and _inside_any(*hit.speaker, quotes):
                continue  # "“I think it's coming,” said a strategist …": the quoted "I" is not the speaker
            parts = hit.parts
            if busy:
                if hit.speaker is not None and _new_clause(text, hit.speaker, hit.cue, raws):
                    # "X said A, but critics argued B": the rule's content ends at the clause (_split_at_clauses)
                    parts = _cut_before(text, parts, [c for c in claimed if c[0] > hit.cue[0]])
                    if parts:
                        out.append(_Raw(None, hit.cue, parts, sent.start, speaker_override=hit.speaker))
                    continue
                spoken = hit.speaker is not None and _overlaps_any(*hit.speaker, taken)
                if spoken or _overlaps_any(*hit.cue, taken):  # a rule's speaker may also be the model's
                    continue
                parts = _cut_before(text, parts, claimed)
                if not parts:
                    continue
            out.append(_Raw(None, hit.cue, parts, sent.start, speaker_override=hit.speaker))
    return out


def _new_clause(text: str, speaker: tuple[int, int], cue: tuple[int, int], raws: Sequence[_Raw]) -> bool:
    """A speaker before its cue, opening a clause inside a rule's content, and clear of every rule cue and speaker."""
    if not speaker[1] <= cue[0]:
        return False
    marks = [r.cue for r in raws] + [r.speaker_override for r in raws if r.speaker_override is not None]
    if _overlaps_any(speaker[0], cue[1], marks):
        return False
    for r in raws:
        for s, e in r.parts:
            if r.cue[1] <= s < speaker[0] and cue[1] <= e:
                return _CLAUSE_BREAK.search(text, s, speaker[0]) is not None
    return False


def _cut_before(text: str, parts: list[tuple[int, int]], taken: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parts cut where a span the rules claim begins ("… and threatening A, X said B": A ends before X)."""
    out = []
    for s, e in parts:
        stops = [ts for ts, te in taken if ts < e and s < te]
        end = min(stops) if stops else e
        if stops:
            m = _JOIN_TAIL.search(text, s, end)
            end = m.start() if m else end
        if len(_WORD.findall(text[s:end])) >= 2:
            out.append((s, end))
    return out


def _fast_raws(text: str, quotes: list[tuple[int, int]], sentences: list[Sentence]) -> list[_Raw]:
    raws: list[_Raw] = []
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
            if not any(_overlaps_any(s, e, [q]) for h in hits for s, e in h.parts):
                governed = trailing_speaker_hit(text, q) or governed_quote_hit(sent, q)
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
            raws.append(_Raw(None, hit.cue, hit.parts, sent.start, speaker_override=speaker))
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


def _assemble(text: str, quotes: list[tuple[int, int]], raws: list[_Raw]) -> list[Attribution]:
    resolver = Resolver(text)
    out: list[Attribution] = []
    extra: list[Attribution] = []
    cues: set[tuple[int, int]] = set()
    for raw in sorted(raws, key=lambda r: (r.cue[0], r.secondary)):
        if raw.cue in cues:
            continue  # one cue, one attribution (a quote's sentence and the cue's sentence both saw it)
        cues.add(raw.cue)
        (extra if raw.secondary else out).extend(_finish(text, raw, quotes, resolver))
    taken = [p for a in out for p in a.parts]
    out.extend(a for a in extra if not any(_overlaps_any(s, e, taken) for s, e in a.parts))
    out.sort(key=lambda a: a.cue_start)
    _attach_continuations(text, quotes, out)
    _split_at_clauses(text, out)
    _cut_at_trailing_attributions(text, out)
    out = [a for a in out if not _nested(a, out) and not _misread_speaker(a.mention)]
    out = [a for a in out if not _contained(a, out)]
    for a in out:
        if _time_or_link_word(a.mention):  # "Tuesday, … said", "Meanwhile, … said": who spoke is not known
            a.speaker, a.speaker_start, a.speaker_end, a.title = None, -1, -1, None
    out.sort(key=lambda a: (a.content_start, a.cue_start))
    return out


# A speaker opened by one of these is a phrase the noun-phrase scan misread ("at Mr. Trump's rally said",
# "despite admitting"): on quotes-dev such speakers were right 7 times in 28 (half A) and 4 in 24 (half B).
_PREPOSITIONS = {
    "at",
    "in",
    "of",
    "within",
    "like",
    "despite",
    "for",
    "on",
    "with",
    "about",
    "from",
    "by",
    "after",
    "before",
    "during",
    "to",
    "into",
    "over",
    "under",
    "than",
    "as",
    "without",
    "against",
}


# A lone word that names a time ("Tuesday", "July", "2010") or links a sentence to the one before ("Meanwhile",
# "Instead") is what the noun-phrase scan took for a subject in "Tuesday, McConnell said …", "In 2010, he said …":
# the attribution keeps its content without a speaker. quotes-dev source F1 half A 0.7847 -> 0.7851, held-out B
# 0.7354 -> 0.7356, content unchanged (dropping such attributions instead lost content F1 0.0005).
_NOT_SPEAKERS = frozenset(
    {
        *WEEKDAY_NAMES,
        *(m for m in MONTH_NAMES if m != "may"),  # "may" is the modal
        *("today", "yesterday", "tonight", "meanwhile", "instead", "however", "besides"),
        *("nonetheless", "nevertheless", "moreover", "now", "yet", "still", "also", "too", "more", "then"),
        *("later", "earlier"),
    }
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _time_or_link_word(mention: str | None) -> bool:
    words = (mention or "").split()
    return len(words) == 1 and (words[0].lower() in _NOT_SPEAKERS or _YEAR.fullmatch(words[0]) is not None)


def _misread_speaker(mention: str | None) -> bool:
    """A speaker opened by a preposition, or a lone lower-case participle ("avoided", "emerged")."""
    words = (mention or "").split()
    if not words:
        return False
    return words[0].lower() in _PREPOSITIONS or (
        len(words) == 1 and words[0].islower() and words[0].endswith(("ed", "ing"))
    )


# A clause break just before a speaker inside another attribution's content: "X said A, although he tweeted B".
# quotes-dev source F1 (all, before the later assembly rules): 0.7430 with this set, 0.7426 adding dashes,
# "because" and "since", 0.7420 with more conjunctions and colons, 0.7400 without the bare comma.
_CLAUSE_BREAK = re.compile(r"(?:[,;]|[,;]?\s+(?:although|though|but|while|whereas|even as|and))\s*$")


def _split_at_clauses(text: str, out: list[Attribution]) -> None:
    """An attribution whose speaker opens a new clause inside another one's content ends that content there,
    so that both stand (PolNeAR marks both; a speaker inside a "that" clause stays nested and is dropped)."""
    for a in out:
        for b in out:
            if (
                b is a
                or b.cue_start == a.cue_start
                or b.content_start < b.cue_start
                or not (b.content_start < a.speaker_start < b.content_end)
            ):
                continue
            if (
                a.speaker_start < a.cue_start
                and a.content_start > b.content_start
                and (m := _CLAUSE_BREAK.search(text, b.content_start, a.speaker_start)) is not None
            ):
                cut = _JOIN_TAIL.search(text, b.content_start, m.start())
                end = cut.start() if cut else m.start()
                parts = [(s, min(e, end)) for s, e in b.parts if s < end]
                if parts and len(_WORD.findall(text, parts[0][0], parts[-1][1])) >= 2:
                    b.parts = parts
                    b.content = " ".join(text[s:e] for s, e in parts)
                    b.content_end = parts[-1][1]


def _cut_at_trailing_attributions(text: str, out: list[Attribution]) -> None:
    """Content that runs into a later attribution's speaker and cue ends before them ("X called for A, sources
    said.": X's content is "for A"); it then lies inside that attribution's content, and ``_contained`` drops it."""
    for a in out:
        for b in out:
            if b is a or b.cue_start <= a.cue_end or b.speaker_start < a.cue_end:
                continue
            start = min(b.speaker_start, b.cue_start)
            if not any(s < start < e for s, e in a.parts) or not _LEAD_CLOSE.search(text, a.content_start, start):
                continue
            cut = _JOIN_TAIL.search(text, a.content_start, start)
            end = cut.start() if cut else start
            parts = [(s, min(e, end)) for s, e in a.parts if s < end]
            if parts and _WORD.search(text, parts[-1][0], parts[-1][1]):
                a.parts = parts
                a.content = " ".join(text[s:e] for s, e in parts)
                a.content_end = parts[-1][1]


# A lead content ends with a comma or a closing quote before its speaker ("A, sources said").
_LEAD_CLOSE = re.compile(r"(?:,|[,?!]?[”\"’]|'')\s*$")


def _contained(a: Attribution, out: Sequence[Attribution]) -> bool:
    """Content that lies wholly inside another attribution's content (quotes-dev half A: such attributions were
    right 13 times in 83, the ones holding them 66 times)."""
    return any(
        b.content_start <= a.content_start
        and a.content_end <= b.content_end
        and b is not a
        and b.cue_start != a.cue_start
        and (b.parts != a.parts or b.cue_start < a.cue_start)
        and all(any(s <= s2 and e2 <= e for s, e in b.parts) for s2, e2 in a.parts)
        for b in out
    )


def _nested(a: Attribution, out: Sequence[Attribution]) -> bool:
    """An attribution reported inside another one's content ("X said Y wants Z": Y's)."""
    return any(
        b is not a
        and b.content_start <= a.speaker_start
        and a.content_end <= b.content_end
        and b.content_start <= a.content_start
        and b.cue_start != a.cue_start
        for b in out
    )


# Page labels that look like "Speaker: text" but name nobody ("Correction: …", "Latest: …").
_LABEL_WORDS = {
    "update",
    "updated",
    "note",
    "editor",
    "photo",
    "read",
    "watch",
    "related",
    "source",
    "correction",
    "clarification",
    "contributing",
    "byline",
    "latest",
    "breaking",
    "online",
    "email",
    "previously",
    "twitter",
    "revealed",
    "paid",
    "video",
    "listen",
    "see",
    "more",
    "also",
    "advertisement",
    "sign",
}


class QuoteModeError(StorylineError):
    def __init__(self, mode: str) -> None:
        super().__init__(f"unknown quote extraction mode {mode!r}: use 'fast', 'accurate' or 'rules'")


# --------------------------------------------------------------------------- rules on one sentence


def _sentence_attributions(doc: Any, sent: Sentence, quotes: Sequence[tuple[int, int]]) -> list[_Raw]:
    base = sent.start
    out: list[_Raw] = []
    covered: set[int] = set()
    for tok in doc:
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            raw = _according_to(doc, tok, base)
        elif low in ALL_FORMS and tok.tag_.startswith("VB"):
            raw = _cue_verb(doc, tok, base, quotes)
        else:
            continue
        if raw is not None:
            out.append(raw)
            for s, e in raw.parts:
                covered.update(range(s, e))
    for qs, qe in quotes:
        if qs < base or qe > base + len(doc.text) + 1 or any(i in covered for i in range(qs, qe)):
            continue
        raw = _governed_quote(doc, base, qs, qe)
        if raw is not None:
            out.append(raw)
    return out


def _subject(verb: Any, depth: int = 0) -> Any:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not (child.dep_ == "nsubjpass" and child.lower_ == "it"):
            return child
    if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl", "pcomp") and verb.head is not verb:
        return _subject(verb.head, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.dep_ == "ROOT" and verb.head.i < verb.i:
        return verb.head  # "The minister called it “…”." misread as a noun phrase with a reduced relative
    return None


def _cue_verb(doc: Any, tok: Any, base: int, quotes: Sequence[tuple[int, int]]) -> _Raw | None:
    comps = [c for c in tok.children if c.dep_ == "ccomp"]
    low = tok.lower_
    if not comps and low in SPEECH_FORMS:
        comps = [c for c in tok.children if c.dep_ in ("dobj", "xcomp") and (_is_quote_start(c) or c.dep_ == "xcomp")]
    if not comps and low in STANCE_FORMS:
        comps = [c for c in tok.children if c.i > tok.i and c.dep_ in _OBJECT_DEPS]
    if not comps and low in SPEECH_FORMS:
        quote = _adjacent_quote(doc, tok, base, quotes)
        subject = _subject(tok)
        if quote is not None and subject is not None:
            return _Raw(subject, (base + tok.idx, base + tok.idx + len(tok)), [quote], base)
    if comps:
        idx: set[int] = set()
        for comp in comps:
            idx.update(t.i for t in comp.subtree)
    elif tok.lower_ in SPEECH_FORMS and tok.dep_ in ("ccomp", "parataxis") and tok.head.i != tok.i:
        inner = {t.i for t in tok.subtree}
        idx = {t.i for t in tok.head.subtree} - inner
    else:
        return None
    subject = _subject(tok)
    if subject is not None:
        idx -= {t.i for t in subject.subtree}
    parts = _token_parts(doc, idx, base)
    if not parts:
        return None
    return _Raw(subject, (base + tok.idx, base + tok.idx + len(tok)), parts, base)


# Dependents of a stance verb that carry what is supported, wanted, called for, ...
_OBJECT_DEPS = ("dobj", "xcomp", "prep", "oprd", "ccomp", "attr")


def _adjacent_quote(doc: Any, tok: Any, base: int, quotes: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """A quote right after the verb ("said: “…”") or right before the clause ("“…,” he said")."""
    after = base + tok.idx + len(tok)
    lead = base + next(iter(tok.subtree)).idx
    for qs, qe in quotes:
        if 0 <= qs - after <= 3 or 0 <= lead - qe <= 3:
            return qs, qe
    return None


def _according_to(doc: Any, tok: Any, base: int) -> _Raw | None:
    to = doc[tok.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    skip = {t.i for t in tok.subtree} | {t.i for t in to.subtree}
    head = tok.head if tok.head.i != tok.i else tok
    scope = head.subtree if head.tag_.startswith("VB") or head.dep_ == "ROOT" else doc[0 : len(doc)]
    idx = {t.i for t in scope} - skip
    parts = _token_parts(doc, idx, base)
    if not parts:
        return None
    src_tokens = [t for t in pobj.subtree if t.i >= pobj.i or t.dep_ in ("compound", "det", "amod", "poss")]
    s = base + min(t.idx for t in src_tokens)
    e = max(base + t.idx + len(t) for t in src_tokens if t.i <= pobj.i)
    cue = (base + tok.idx, base + to.idx + len(to))
    return _Raw(pobj, cue, parts, base, speaker_override=(s, e))


def _governed_quote(doc: Any, base: int, qs: int, qe: int) -> _Raw | None:
    inside = [t for t in doc if qs <= base + t.idx < qe]
    if not inside:
        return None
    ids = {t.i for t in inside}
    roots = [t for t in inside if t.head.i not in ids or t.head.i == t.i]
    head = roots[0].head if roots and roots[0].head.i not in ids else None
    for _ in range(4):
        if head is None:
            return None
        if head.tag_.startswith("VB"):
            subject = _subject(head)
            if subject is not None and subject.i not in ids:
                verb = head
                while (
                    verb.dep_ in ("xcomp", "conj", "advcl")
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
                    and verb.head.tag_.startswith("VB")
                ):
                    verb = verb.head  # the cue is the verb that owns the subject: "called" in "called X to hold “…”"
                return _Raw(subject, (base + verb.idx, base + verb.idx + len(verb)), [(qs, qe)], base)
        if head.head.i == head.i:
            return None
        head = head.head
    return None


# A title-case headline that reports speech: "Senator Jane Roe Says Budget Deal Is Near" (who, cue, what on one
# line, most words capitalised, no sentence break inside).
_LINE = re.compile(r"^[A-Z][^\n]*$", re.MULTILINE)
_LINE_WORD = re.compile(r"\S+")
# Headlines are short; a line this long is a sentence in title case by accident (set by hand).
_TITLE_MAX_WORDS = 20
# The share of a headline's longer words (four letters or more) written with a capital (set by hand: title
# case capitalises every one; a sentence that opens with a name and a verb rarely reaches half).
_TITLE_CAPS = 0.75
# The speaker of a headline is its first one to five words.
_TITLE_MAX_SPEAKER = 5


def _title_attributions(text: str) -> list[_Raw]:
    """ "Governor Says Bridge Will Reopen" on a headline line: an inflected speech, belief or stance verb in title
    case after one to five capitalised words."""
    out = []
    for line in _LINE.finditer(text):
        words = list(_LINE_WORD.finditer(line.group(0)))
        bare = [w.group(0).strip("‘’“”'\"") for w in words]
        longer = [w for w in bare if len(w) >= 4]
        if (
            len(words) > _TITLE_MAX_WORDS
            or len(words) < 3
            or re.search(r"[a-z]\.\s", line.group(0))
            or not longer
            or sum(w[:1].isupper() for w in longer) < _TITLE_CAPS * len(longer)
            or bare[0].lower().rstrip("’'s") in _LABEL_WORDS
        ):
            continue
        for k in range(1, min(_TITLE_MAX_SPEAKER + 1, len(words) - 1)):
            word = words[k].group(0)
            if not word[:1].isupper():
                break
            low = word.lower()
            if word[1:].islower() and ALL_FORMS.get(low, low) != low:  # "Says", "Warned"; "Report" may be a noun
                base = line.start()
                what_end = base + words[-1].end() - (1 if words[-1].group(0)[-1] in ".!?" else 0)
                out.append(
                    _Raw(
                        None,
                        (base + words[k].start(), base + words[k].end()),
                        [(base + words[k + 1].start(), what_end)],
                        0,
                        speaker_override=(base + words[0].start(), base + words[k - 1].end()),
                    )
                )
                break
    return out


# A label opened by an article is a heading ("The Latest: …", "The Ninth Circle: …"), not a speaker.
_DETERMINED_LABEL = {"The", "A", "An"}
# "Speaker: what" lines with fewer words after the colon are tallies and headings ("Sanders: 46.", "Cruz: Just
# hang on."): on quotes-dev such lines were right 3 times in 22 (set by hand from that count).
_LINE_MIN_WORDS = 4
_LETTER_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


def _headline_attributions(text: str, sentences: Sequence[Sentence]) -> list[_Raw]:
    """ "Pence: Clinton camp was mocking" (a headline) or "WALLACE: Governor, ..." (a transcript)."""
    out = _title_attributions(text)
    for m in HEADLINE_RE.finditer(text):
        who = m.group("who")
        if who.split()[0].lower().rstrip("’'s") in _LABEL_WORDS or who.split()[0] in _DETERMINED_LABEL:
            continue
        if len(_LETTER_WORD.findall(m.group("what"))) < _LINE_MIN_WORDS:
            continue  # "Clinton: 547.", "Rubio: Finish second.": a tally or a section heading, not speech
        s, e = m.start("what"), m.end("what")
        who_span = (m.start("who"), m.end("who"))
        out.append(_Raw(None, (m.end("who"), m.end("who") + 1), [(s, e)], 0, speaker_override=who_span))
    return out


def _is_quote_start(tok: Any) -> bool:
    first = next(iter(tok.subtree))
    return first.text[:1] in "“\"'«" or (first.i > 0 and first.doc[first.i - 1].text[:1] in "“\"'«")


def _token_parts(doc: Any, idx: Iterable[int], base: int) -> list[tuple[int, int]]:
    """Contiguous runs of token indices as trimmed character spans (offsets into the text)."""
    order = sorted(idx)
    parts: list[tuple[int, int]] = []
    run: list[int] = []
    for i in order:
        if run and i != run[-1] + 1:
            parts.append(_span(doc, run, base))
            run = []
        run.append(i)
    if run:
        parts.append(_span(doc, run, base))
    return [p for p in (_trim(doc.text, s - base, e - base, base) for s, e in parts) if p is not None]


def _span(doc: Any, run: list[int], base: int) -> tuple[int, int]:
    first, last = doc[run[0]], doc[run[-1]]
    return base + first.idx, base + last.idx + len(last)


def _trim(sent_text: str, s: int, e: int, base: int) -> tuple[int, int] | None:
    chunk = sent_text[s:e]
    m = _PUNCT_EDGE.search(chunk)
    lead = m.end() if m and m.start() == 0 else 0
    tail = re.search(r"[\s,;:—–\-(]+$", chunk)
    end = tail.start() if tail else len(chunk)
    if end <= lead or not _WORD.search(chunk[lead:end]):
        return None
    return base + s + lead, base + s + end


# --------------------------------------------------------------------------- text-level assembly


def _inside_any(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(qs < s and e < qe for qs, qe in spans)


def _overlaps_any(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(qs < e and s < qe for qs, qe in spans)


def _extend_to_quotes(
    parts: list[tuple[int, int]], quotes: Sequence[tuple[int, int]], cue: tuple[int, int]
) -> list[tuple[int, int]]:
    """Each part that cuts into a quote grows to the whole quote (a quote split into sentences)."""
    out: list[tuple[int, int]] = []
    for s, e in parts:
        for qs, qe in quotes:
            if qs < e and s < qe and not (qs <= cue[0] < qe):
                s, e = min(s, qs), max(e, qe)
        out.append((s, e))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(out):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _groups(text: str, parts: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    groups: list[list[tuple[int, int]]] = []
    for part in parts:
        if groups and len(_WORD.findall(text[groups[-1][-1][1] : part[0]])) <= MAX_PART_GAP_WORDS:
            groups[-1].append(part)
        else:
            groups.append([part])
    return groups


def _finish(text: str, raw: _Raw, quotes: Sequence[tuple[int, int]], resolver: Resolver) -> list[Attribution]:
    parts = _extend_to_quotes(raw.parts, quotes, raw.cue)
    speaker = resolver.resolve(raw.subject, raw.base, raw.speaker_override, raw.cue[0], quotes)
    out = []
    for group in _groups(text, parts):
        direct = _quoted_share(group, quotes) >= 0.5
        out.append(
            Attribution(
                speaker=speaker.name,
                speaker_start=speaker.start,
                speaker_end=speaker.end,
                cue=text[raw.cue[0] : raw.cue[1]],
                cue_start=raw.cue[0],
                cue_end=raw.cue[1],
                content=" ".join(text[s:e] for s, e in group),
                content_start=group[0][0],
                content_end=group[-1][1],
                direct=direct,
                title=speaker.title,
                mention=speaker.mention,
                parts=list(group),
            )
        )
    return out


def _quoted_share(parts: Sequence[tuple[int, int]], quotes: Sequence[tuple[int, int]]) -> float:
    total = sum(e - s for s, e in parts) or 1
    lo, hi = parts[0][0], parts[-1][1]
    # quotes are sorted by start and do not nest: only the two starting before the parts can reach into them
    near = quotes[max(0, bisect_left(quotes, (lo, 0)) - 2) : bisect_left(quotes, (hi, 0))]
    inside = sum(max(0, min(e, qe) - max(s, qs)) for s, e in parts for qs, qe in near)
    return inside / total


def _attach_continuations(text: str, quotes: Sequence[tuple[int, int]], out: list[Attribution]) -> None:
    """A quote nobody is credited with continues the last direct attribution before it, when that
    one is in the same paragraph or ends the paragraph just before."""
    for qs, qe in quotes:
        if any(s < qe and qs < e for a in out for s, e in a.parts):
            continue
        prev = max(
            (a for a in out if a.cue_end <= qs and a.content_end <= qs and a.direct),
            key=lambda a: a.content_end,
            default=None,
        )
        if (
            prev is None
            or text.count("\n\n", prev.content_end, qs) > 1
            or ("\n\n" not in text[prev.content_end : qs] and "\n" in text[prev.content_end : qs].strip())
        ):
            continue
        if _anything_between(out, prev.content_end, qs, prev) or not _stands_alone(text, qs, qe):
            continue
        gap_words = len(_WORD.findall(text[prev.content_end : qs]))
        if gap_words <= MAX_PART_GAP_WORDS and "\n" not in text[prev.content_end : qs]:
            prev.parts.append((qs, qe))
            prev.content = f"{prev.content} {text[qs:qe]}"
            prev.content_end = qe
        else:
            out.append(
                Attribution(
                    speaker=prev.speaker,
                    speaker_start=prev.speaker_start,
                    speaker_end=prev.speaker_end,
                    cue=prev.cue,
                    cue_start=prev.cue_start,
                    cue_end=prev.cue_end,
                    content=text[qs:qe],
                    content_start=qs,
                    content_end=qe,
                    direct=True,
                    title=prev.title,
                    mention=prev.mention,
                    parts=[(qs, qe)],
                )
            )


def _stands_alone(text: str, qs: int, qe: int) -> bool:
    """No words of the quote's own sentence outside it ("“…” Vitter demanded." is not a continuation)."""
    line_start = text.rfind("\n", 0, qs) + 1
    line_end = text.find("\n", qe)
    before = re.split(r"[.!?][”\"’]?\s", text[line_start:qs])[-1]
    after = re.split(r"[.!?]\s", text[qe : line_end if line_end >= 0 else len(text)])[0]
    return not _WORD.search(before) and not _WORD.search(after)


def _anything_between(out: Sequence[Attribution], s: int, e: int, prev: Attribution) -> bool:
    return any(s <= a.cue_start < e and a.cue_start != prev.cue_start for a in out)
