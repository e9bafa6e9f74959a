"""The ``accurate`` mode's attributions, read from spaCy's dependency parse of a cue sentence.

Three rules read the parse:

1. a cue verb with a clausal complement ("X said (that) A", "A, X said", "X told Y A");
2. "according to X, A";
3. a quoted span governed by a verb that has a subject ("He termed the talks an “A”").

Their proposals are secondary: ``quotes_assemble`` keeps them only where the rules found nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from storyline.extract.quotes_assemble import Raw, overlaps_any
from storyline.extract.quotes_cues import ALL_FORMS, SPEECH_FORMS, STANCE_FORMS, has_any_cue
from storyline.extract.quotes_words import WORD
from storyline.extract.sentences import Sentence

# Components the quote rules never read; switching them off roughly doubles parser throughput
# (measured on 40 quotes-dev articles: 3.7 → 13.6 docs/s for full-text parsing).
_DISABLE = ("ner", "lemmatizer", "attribute_ruler")
_PUNCT_EDGE = re.compile(r"^[\s,;:—–\-(]+|[\s,;:—–\-(]+$")


def parsed_raws(nlp: Any, quotes: list[tuple[int, int]], sentences: list[Sentence]) -> list[Raw]:
    """The attributions the parser finds in ``sentences`` that hold a cue or a quote, marked secondary."""
    candidates = [s for s in sentences if has_any_cue(s.text) or overlaps_any(s.start, s.end, quotes)]
    docs = nlp.pipe([s.text for s in candidates], disable=[p for p in _DISABLE if p in nlp.pipe_names])
    raws: list[Raw] = []
    for sent, doc in zip(candidates, docs, strict=True):
        raws.extend(_sentence_attributions(doc, sent, quotes))
    for raw in raws:
        raw.secondary = True
    return raws


def _sentence_attributions(doc: Any, sent: Sentence, quotes: Sequence[tuple[int, int]]) -> list[Raw]:
    base = sent.start
    out: list[Raw] = []
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


def _cue_verb(doc: Any, tok: Any, base: int, quotes: Sequence[tuple[int, int]]) -> Raw | None:
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
            return Raw(subject, (base + tok.idx, base + tok.idx + len(tok)), [quote], base)
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
    return Raw(subject, (base + tok.idx, base + tok.idx + len(tok)), parts, base)


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


def _according_to(doc: Any, tok: Any, base: int) -> Raw | None:
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
    return Raw(pobj, cue, parts, base, speaker_override=(s, e))


def _governed_quote(doc: Any, base: int, qs: int, qe: int) -> Raw | None:
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
                return Raw(subject, (base + verb.idx, base + verb.idx + len(verb)), [(qs, qe)], base)
        if head.head.i == head.i:
            return None
        head = head.head
    return None


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
    if end <= lead or not WORD.search(chunk[lead:end]):
        return None
    return base + s + lead, base + s + end
