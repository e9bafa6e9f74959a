"""A count as read from one sentence (``RawCount``), and how a quantity and the words around it make one.

``to_count`` takes the category from the verb after the quantity (``counts_after``), else from the
active verb before it (``counts_before``), else from the noun counted ("320 rockets").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.extract.counts_after import Right
from storyline.extract.counts_before import SENT_TO_HOSPITAL, left_verb, sent_to_hospital
from storyline.extract.counts_lexicon import PERSON_CATEGORIES
from storyline.extract.counts_numbers import Quantity


@dataclass(slots=True)
class RawCount:
    start: int
    end: int
    value: float
    low: float | None
    high: float | None
    qualifier: str
    category: str
    subject: str
    vague: bool = False
    single: bool = False  # read from a one-person subject ("a 25-year-old man"), not from a number


def to_count(
    text: str, start: int, end: int, quantity: Quantity, right: Right, single: bool = False
) -> RawCount | None:
    person_like = right.noun_category in (None, *PERSON_CATEGORIES)
    category = right.verb_category if person_like else None
    span_start, span_end = start, max(end, right.subject_end, right.end if category else 0)
    if category is None and person_like:
        left = left_verb(text, start)
        if left is not None:
            category, span_start = left
            span_end = max(end, right.subject_end)
        elif SENT_TO_HOSPITAL and (sent := sent_to_hospital(text, start, max(end, right.subject_end))) is not None:
            category, span_start, span_end = sent  # "sent four people to the hospital"
    if category is None:
        if right.noun_category is None or single:
            return None
        category = right.noun_category
    # "23 was shot": a singular verb after a bare number reads as an age or a street number
    bare = right.noun_category is None and right.verb_category and not single and quantity.value > 1
    if bare and re.match(r"\s*(?:was|is|has)\b", text[end:]):
        return None
    subject = right.subject or text[start:end]
    value = quantity.value
    return RawCount(
        span_start,
        span_end,
        value,
        quantity.low,
        quantity.high,
        quantity.qualifier,
        category,
        subject,
        quantity.vague,
        single and value == 1,
    )
