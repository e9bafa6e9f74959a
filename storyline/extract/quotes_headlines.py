"""Attributions on a line of their own: a title-case headline ("Governor Jane Roe Warns Budget Talks Could
Collapse") and a "Speaker: what" line, as in a headline ("Pence: Clinton camp was mocking") or a transcript
("WALLACE: Governor, ..."); page labels ("Correction: …", "The Latest: …") and tallies ("Sanders: 46.") are none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.extract.quotes_assemble import Raw
from storyline.extract.quotes_cues import ALL_FORMS, HEADLINE_RE
from storyline.extract.sentences import Sentence

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


def _title_attributions(text: str) -> list[Raw]:
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
                    Raw(
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


# A headline that names the topic between the speaker and the colon, and quotes what was said after it:
# "Gillibrand on Hillary Releasing Her Speeches: ‘I Think She Will.’" (on quotes-dev half A: 1 line, a gold
# attribution; with the label prefix of ``HEADLINE_RE`` source F1 half A 0.7873 -> 0.7874; half B has no such line).
_ON_TOPIC = re.compile(
    r"^(?P<who>(?:[A-Z][\w.’'\-]*\s){0,3}[A-Z][\w.’'\-]*) on [^:\n]{1,80}:\s+(?P<what>[‘“\"'][^\n]*)$", re.MULTILINE
)


def headline_attributions(text: str, sentences: Sequence[Sentence]) -> list[Raw]:
    """ "Pence: Clinton camp was mocking" (a headline) or "WALLACE: Governor, ..." (a transcript)."""
    out = _title_attributions(text)
    for m in _ON_TOPIC.finditer(text):
        who_span = (m.start("who"), m.end("who"))
        out.append(
            Raw(
                None,
                (m.start("what") - 2, m.start("what") - 1),
                [(m.start("what"), m.end("what"))],
                0,
                speaker_override=who_span,
            )
        )
    for m in HEADLINE_RE.finditer(text):
        who = m.group("who")
        if who.split()[0].lower().rstrip("’'s") in _LABEL_WORDS or who.split()[0] in _DETERMINED_LABEL:
            continue
        if len(_LETTER_WORD.findall(m.group("what"))) < _LINE_MIN_WORDS:
            continue  # "Clinton: 547.", "Rubio: Finish second.": a tally or a section heading, not speech
        s, e = m.start("what"), m.end("what")
        who_span = (m.start("who"), m.end("who"))
        out.append(Raw(None, (m.end("who"), m.end("who") + 1), [(s, e)], 0, speaker_override=who_span))
    return out
