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

from storyline.extract.timex_handlers import HANDLERS, sets_reference_quarter
from storyline.extract.timex_norm import Tense, sentence_tense, value_span
from storyline.extract.timex_resolve import Context
from storyline.extract.timex_rules import RULES
from storyline.model import TimexType

__all__ = ["Timex", "tag_times"]

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n\s*\n")
_ANCHORED_RULES = {"date_mdy", "date_dmy", "date_iso", "date_us", "month_year", "year", "year_spoken",
                   "month_rel", "holiday", "season"}


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


class _Sentences:
    """Sentence bounds and their tense, computed once per text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        self._tense: dict[int, Tense] = {}

    def tense_at(self, offset: int) -> Tense:
        if offset not in self._tense:
            index = bisect.bisect_right(self.starts, offset) - 1
            end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
            start = self.starts[index]
            self._tense[offset] = sentence_tense(self.text[start:end], offset - start)
        return self._tense[offset]


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


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            start, end = _trimmed(match)
            if end - start < 2 and not text[start:end].isdigit():
                continue
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
        if HANDLERS[cand.rule](cand.match, ctx) is None:
            continue
        taken.append((cand.start, cand.end))
        chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return chosen


def tag_times(text: str, dct: date | None) -> list[Timex]:
    """Every time expression in ``text``, in order, resolved against the document date ``dct``.

    With ``dct`` None, expressions that need it keep what they can ("Jan. 2" gives "XXXX-01-02",
    "Friday" "XXXX-WXX-5") or are left out ("last year").
    """
    if not text:
        return []
    sentences = _Sentences(text)
    chosen = _select(_candidates(text), Context(text, dct), sentences)
    ctx = Context(text, dct)
    out: list[Timex] = []
    for cand in chosen:
        ctx.tense = sentences.tense_at(cand.start)
        resolved = HANDLERS[cand.rule](cand.match, ctx)
        if resolved is None or not resolved[1]:
            continue
        kind, value = resolved
        anchor = end_date = None
        if kind in ("DATE", "TIME"):
            anchor, end_date = value_span(value)
            if cand.rule == "quarter" and sets_reference_quarter(cand.match):
                ctx.last_quarter = value
            if cand.rule in _ANCHORED_RULES and re.match(r"\d{4}", value):
                ctx.last_date = value
        out.append(Timex(cand.start, cand.end, text[cand.start : cand.end], value, kind,  # type: ignore[arg-type]
                         anchor, end_date))
    return out
