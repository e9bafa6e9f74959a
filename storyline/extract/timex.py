"""Time expressions: find them in text and normalise them to TIMEX3 values against the document date.

Pure regular expressions and calendar rules, no model: ``tag_times`` runs at hundreds of documents
per second. The rules are in ``timex_rules`` (what to find), ``timex_handlers`` (what it means) and
``timex_resolve``/``timex_norm`` (calendar arithmetic); the ambiguous choices are documented in
``timex_resolve``.

>>> [t.value for t in tag_times("The council meets next week.", date(2024, 1, 3))]
['2024-W02']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from storyline.extract.timex_handlers import HANDLERS
from storyline.extract.timex_norm import Tense, nearest_tense, tense_cues, value_span
from storyline.extract.timex_quarters import previous_quarter, sets_reference_quarter
from storyline.extract.timex_resolve import Context
from storyline.extract.timex_rules import RULES, Rule
from storyline.model import TimexType

__all__ = ["Timex", "tag_times"]

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n\s*\n")
# a dot after these ends no sentence when a number or a name follows: "payable Jan. 2 to holders",
# "Mr. Smith", "Gen. Lee"; a single capital is an initial ("John F. Kennedy")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Mt|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt"
    r"|Cmdr|Adm|Maj|Prof|Rev|Gens?|No|Nos|Jr|Sr|Ft|vs)|(?<![\w.])[A-Z])\.$"
)
_ANCHORED_RULES = {
    "date_mdy",
    "date_dmy",
    "date_iso",
    "date_us",
    "month_year",
    "year",
    "year_spoken",
    "month_rel",
    "holiday",
    "season",
    "weekday",
}


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression: where it is, its TIMEX3 value and type, and the days it covers."""

    start: int
    end: int
    text: str
    value: str
    type: TimexType
    anchor_date: date | None = None  # the day, or the first day of the week/month/year it names
    end_date: date | None = None  # the last day of that stretch


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    rule: str
    priority: int
    match: re.Match[str]


# a deadline ("until 9 a.m. Tuesday", "by Dec. 10") in a sentence without tense cues looks ahead; "up
# until" and "not until" look back (timex-dev half A value F1 0.7900 -> 0.7911, half B unchanged; also
# turning a past-tense sentence's deadlines ahead: half B 0.8421 -> 0.8400)
_DEADLINE = re.compile(r"(?<!\bup\s)(?<!\bnot\s)\b(?:by|until|till)\s+(?:the\s+)?$", re.IGNORECASE)


class _Sentences:
    """Sentence bounds and their tense cues, computed once per text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [
            m.end()
            for m in _SENTENCE_END.finditer(text)
            if not _ABBREVIATION.search(text, max(0, m.start() - 6), m.start())
        ]
        self._cues: dict[int, list[tuple[int, Tense]]] = {}

    def sentence_at(self, offset: int) -> str:
        index = bisect.bisect_right(self.starts, offset) - 1
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[index] : end]

    def tense_at(self, offset: int) -> Tense:
        index = bisect.bisect_right(self.starts, offset) - 1
        if index not in self._cues:
            end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
            self._cues[index] = tense_cues(self.text, self.starts[index], end)
        tense = nearest_tense(self._cues[index], offset)
        if tense == "none" and _DEADLINE.search(self.text, max(0, offset - 12), offset):
            return "future"
        return tense


def _trimmed(match: re.Match[str]) -> tuple[int, int]:
    """The span without surrounding blanks, and without an abbreviation dot that ends the sentence."""
    start, end = match.span()
    text = match.string
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] == "." and re.match(r"\s*(?:$|\n|[A-Z\"“])", text[end:]):
        end -= 1
    return start, end


# how far before and after its anchor word a rule's match may reach (longest prefix: "about the better
# part of the past twenty-five consecutive"; longest suffix: "noon EST, on Wednesday")
_BEFORE, _AFTER = 80, 100
_MAX_TOKENS_BEFORE = 10  # "the very end of the first half of" is the longest prefix in words
_TOKEN = re.compile(r"\w+|'(?=\d)")
_BY_WORD: dict[str, list[Rule]] = {}
_BY_EXACT: dict[str, list[Rule]] = {}
for _r in RULES:
    for _w in _r.words:
        _BY_WORD.setdefault(_w, []).append(_r)
    for _w in _r.exact:
        _BY_EXACT.setdefault(_w, []).append(_r)
_BY_DIGITS = [r for r in RULES if r.digits is not None]


_NO_RULES: list[Rule] = []


def _anchored_rules(token: str) -> list[Rule]:
    if token[0].isdigit():
        return [r for r in _BY_DIGITS if r.digits is not None and r.digits.match(token)]
    by_word = _BY_WORD.get(token.lower(), _NO_RULES)
    by_exact = _BY_EXACT.get(token, _NO_RULES)
    return by_word + by_exact if by_exact else by_word


def _candidates(text: str) -> list[_Candidate]:
    """Every rule match that holds one of the rule's anchor words, tried from the word starts before it."""
    found: list[_Candidate] = []
    seen: set[tuple[str, int, int]] = set()
    tokens = list(_TOKEN.finditer(text))
    starts = [t.start() for t in tokens]
    n = len(text)
    for index, token in enumerate(tokens):
        rules = _anchored_rules(token.group())
        if not rules:
            continue
        a_start = token.start()
        first = max(bisect.bisect_left(starts, a_start - _BEFORE), index - _MAX_TOKENS_BEFORE)
        w_end = min(n, token.end() + _AFTER)
        for rule in rules:
            for pos in starts[first : index + 1]:
                match = rule.pattern.match(text, pos, w_end)
                if match is None or match.end() <= a_start or (match.end() == w_end < n):
                    continue
                start, end = _trimmed(match)
                key = (rule.name, start, end)
                if key in seen or (end - start < 2 and not text[start:end].isdigit()):
                    continue
                seen.add(key)
                found.append(_Candidate(start, end, rule.name, rule.priority, match))
    return found


def _select(found: list[_Candidate], ctx: Context, sentences: _Sentences) -> list[_Candidate]:
    """Longest valid spans first; a span that its rule cannot read leaves room for shorter ones."""
    found.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken: list[tuple[int, int]] = []
    chosen: list[_Candidate] = []
    for cand in found:
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        ctx.tense = sentences.tense_at(cand.start)
        ctx.at = cand.start
        if HANDLERS[cand.rule](cand.match, ctx) is None:
            continue
        taken.append((cand.start, cand.end))
        chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _reference_quarter(chosen: list[_Candidate], text: str, dct: date | None, sentences: _Sentences) -> str | None:
    """The quarter a financial report is about: the last full quarter before the document date when the text
    names it, else the first quarter it names ("the year-ago period" is counted from it)."""
    named: list[str] = []
    ctx = Context(text, dct)
    for cand in chosen:
        if cand.rule == "quarter" and sets_reference_quarter(cand.match):
            ctx.tense = sentences.tense_at(cand.start)
            ctx.at = cand.start
            resolved = HANDLERS[cand.rule](cand.match, ctx)
            if resolved and resolved[1]:
                named.append(resolved[1])
    if not named:
        return None
    if dct is not None:
        previous = previous_quarter(dct)
        if previous in named:
            return previous
    return named[0]


def tag_times(text: str, dct: date | None) -> list[Timex]:
    """Every time expression in ``text``, in order, resolved against the document date ``dct``.

    With ``dct`` None, expressions that need it keep what they can ("Jan. 2" gives "XXXX-01-02",
    "Friday" "XXXX-WXX-5") or are left out ("last year").
    """
    if not text:
        return []
    sentences = _Sentences(text)
    # while choosing spans, anaphoric rules ("the next day") are judged as if an earlier date existed
    probe = Context(text, dct, last_quarter="2000-Q1", last_date="2000-01-01")
    chosen = _select(_candidates(text), probe, sentences)
    ctx = Context(text, dct, last_quarter=_reference_quarter(chosen, text, dct, sentences))
    out: list[Timex] = []
    for cand in chosen:
        ctx.tense = sentences.tense_at(cand.start)
        ctx.sentence = sentences.sentence_at(cand.start)
        ctx.at = cand.start
        resolved = HANDLERS[cand.rule](cand.match, ctx)
        if resolved is None or not resolved[1]:
            continue
        kind, value = resolved
        anchor = end_date = None
        if kind in ("DATE", "TIME"):
            anchor, end_date = value_span(value)
            if cand.rule in _ANCHORED_RULES and re.match(r"\d{4}", value):
                ctx.last_date = value
        out.append(
            Timex(
                cand.start,
                cand.end,
                text[cand.start : cand.end],
                value,
                kind,  # type: ignore[arg-type]
                anchor,
                end_date,
            )
        )
    return out
