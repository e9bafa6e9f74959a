"""The speaker's noun phrase around a cue, found without a parser.

Before the cue ("the campaign has long argued": ``np_left``), after an inverted cue ("…,” said
Sen. Ted Cruz": ``np_right``), before an appositive ("Cruz, the senator, said"), as the subject
opening the sentence or the clause ("…, and said", "…, saying"), or as the sender of a message
("released a statement saying"). ``speaker_like`` rejects a stray function word taken for one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import us

from storyline.extract.quotes_names import TITLE_HEADS
from storyline.extract.quotes_skip import closes_after, skip_left
from storyline.extract.quotes_words import (
    AUX_WORDS,
    DETERMINERS,
    NP_LINK,
    NP_STOP,
    PRONOUNS,
    PUNCT,
    WORD,
    Tok,
    cue_kind,
)

_CLAUSE_START = {"when", "that", "because", "while", "if", "but", "and", "although", "though", "where", "so"}
_CLAUSE_PUNCT = {",", ";", ":", "“", "”", '"', "''", "’", "–", "—", "(", ")"}
_LINKED_HEADS = TITLE_HEADS | {"member", "members", "supporter", "supporters", "officials", "group", "head"}
# Words that open a sentence before its subject ("But Trump said …", "And she …").
LEAD_SKIP = {"but", "and", "so", "yet", "still", "meanwhile"}


# What a speaker sends or publishes; after a verb, "a statement saying A" is its sender's speech, not the
# statement's ("Rubio's campaign sent out a press release saying A": the campaign said A). Set by hand.
MESSAGE_NOUNS = {
    "statement",
    "release",
    "letter",
    "tweet",
    "tweets",
    "ad",
    "ads",
    "advertisement",
    "memo",
    "email",
    "emails",
    "e-mail",
    "message",
    "note",
    "post",
    "video",
    "op-ed",
    "column",
    "editorial",
    "response",
    "notice",
    "announcement",
    "filing",
    "petition",
}
_PARTICLES = {"out", "up", "off", "back"}


def message_sender(s: str, toks: list[Tok], j: int) -> tuple[int, int, int] | None:
    """The subject of the verb whose object is the message noun phrase ending at ``j`` (its start and end),
    and where that verb starts."""
    v = j - np_len(toks, j)
    while v > 0 and toks[v].low in _PARTICLES:
        v -= 1
    if v < 1 or not toks[v].text.isalpha() or not toks[v].text.islower() or toks[v].low in NP_STOP:
        return None
    k = skip_left(s, toks, v)
    if k < 0 or toks[k].text in PUNCT or toks[k].low in NP_STOP:
        return None
    if toks[k].low in PRONOUNS:
        return toks[k].start, toks[k].end, toks[v].start
    return (*np_left(toks, k), toks[v].start)


def speaker_like(written: str) -> bool:
    """A name, a pronoun or a noun phrase, not a stray function word or participle ("for", "asking")."""
    words = WORD.findall(written)
    if not words:
        return False
    if any(w[:1].isupper() or w[:1].isdigit() for w in words) or words[-1].lower() in PRONOUNS:
        return True
    head = words[-1].lower()
    return head not in NP_STOP and head not in DETERMINERS and head not in NP_LINK and not head.endswith("ing")


def np_left(toks: list[Tok], j: int) -> tuple[int, int]:
    n = np_len(toks, j)
    return toks[j - n + 1].start, toks[j].end


def np_len(toks: list[Tok], j: int) -> int:
    """How many tokens ending at ``j`` form the subject noun phrase (at most 8)."""
    n = 0
    k = j
    lower = 0
    while k >= 0 and n < 8:
        t = toks[k]
        if t.text in PUNCT or (t.low in NP_STOP and t.low not in NP_LINK):
            break
        if n > 0 and (
            t.low in PRONOUNS or t.low in AUX_WORDS or (t.text[:1].islower() and t.low.endswith(("ed", "ing")))
        ):
            break  # "He criticized Clinton’s record": a verb or a pronoun ends the phrase
        if t.text[:1].islower() and t.low not in NP_LINK and t.low not in DETERMINERS:
            lower += 1
            if lower > 3:
                break
        if t.low in NP_LINK and (
            n == 0
            or k == 0
            or not toks[k - 1].text[:1].isalpha()
            or not (toks[k + 1].text[:1].isupper() or toks[k - 1].low in _LINKED_HEADS)
        ):
            break  # "Secretary of State", "a spokesman for committee Democrats"
        if t.low in DETERMINERS:
            n += 1
            break
        n += 1
        k -= 1
    return max(n, 1)


def clause_subject(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """The subject opening the clause that ends before token ``j`` ("when Rubio thanked Miami and")."""
    k = j - 1
    for _ in range(3):
        while k >= 0 and toks[k].text not in _CLAUSE_PUNCT and toks[k].low not in _CLAUSE_START:
            k -= 1
        start = k + 1
        while start < j and (toks[start].low in AUX_WORDS or toks[start].low in ("then", "later")):
            start += 1
        if start >= j:
            return None
        first = toks[start]
        appositive = (
            first.low in ("the", "a", "an")
            and k >= 1
            and toks[k].text == ","
            and toks[k - 1].text[:1].isupper()
            and toks[j].text == ","
        )  # "… for Donald Trump, the GOP front-runner, saying": a description of the name before it
        opens = first.text[:1].isupper() or first.low in PRONOUNS or first.low in DETERMINERS
        if (opens or k < 0) and not appositive:
            break
        k -= 1  # "Marine Le Pen, voiced support …, saying": the subject is before the verb's clause
    if toks[start].low in PRONOUNS:
        return toks[start].start, toks[start].end
    end = start
    while (
        end + 1 < j
        and toks[end + 1].text not in PUNCT
        and toks[end + 1].low not in NP_STOP
        and (toks[end + 1].text[:1].isupper() or toks[end + 1].low in NP_LINK or not toks[start].text[:1].isupper())
        and end - start < 6
        and cue_kind(toks[end + 1].low) is None
    ):
        end += 1
    if not (toks[start].text[:1].isupper() or toks[start].low in DETERMINERS):
        return None
    return toks[start].start, toks[end].end


def opening_subject(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """A name that opens the sentence and is followed by a comma, when no cue or quote comes before ``j``."""
    first = 1 if toks and toks[0].low in ("even", "also", "but", "and", "now", "meanwhile") else 0
    if len(toks) <= first or not toks[first].text[:1].isupper():
        return None
    k = first
    while k < j and toks[k].text not in PUNCT and k < first + 6:
        k += 1
    if k == first or k >= j or toks[k].text != "," or toks[first].low in NP_STOP or toks[first].low in LEAD_SKIP:
        return None
    if any(cue_kind(t.low) == "speech" or t.text in '“”"' for t in toks[k:j]):
        return None
    if not all(t.text[:1].isupper() or t.low in NP_LINK for t in toks[first:k]):
        return None
    return toks[first].start, toks[k - 1].end


def quoted_subject(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """ "“…,” Jo Lind, 67, a nurse in Allentown, Pa., said": the name that follows the closing quote mark and its
    comma, when only its description (no quote, no verb of saying) lies between it and the cue at ``j + 1``."""
    k = j
    while k > 0 and j - k < 40:
        if toks[k].text in ("”", '"', "''") and toks[k - 1].text in (",", "?", "!"):
            break
        if toks[k].text in ("“", "”", '"', "''") or cue_kind(toks[k].low) == "speech":
            return None
        k -= 1
    else:
        return None
    start = end = k + 1
    while end < j and (toks[end].text[:1].isupper() or toks[end].low in NP_LINK) and toks[end].text not in PUNCT:
        end += 1
    if end == start or end >= j or toks[end].text != "," or toks[end - 1].low in NP_LINK:
        return None
    return toks[start].start, toks[end - 1].end


def appositive_subject(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """ "Cruz, the Texas senator, said": the noun phrase before the appositive that ends at ``j``."""
    k = j - 1
    joined = False
    while k >= 0 and toks[k].text != "," and j - k < 30:
        if toks[k].text in '“”"' or toks[k].low in ("but", "that", "said", "says"):
            return None
        joined = joined or toks[k].low == "and"
        k -= 1
    if k >= 0 and j - k >= 14 and toks[k + 1].low not in ("who", "whose", "which"):
        return None
    if (
        k <= 0
        or toks[k].text != ","
        or (joined and toks[k + 1].low not in ("a", "an", "the") and not toks[k + 1].text[:1].islower())
    ):
        return None  # "and" only inside a described person: "X, an Iowa strategist and former adviser, said",
        # "X, director of the center and a professor, said"
    if toks[k - 1].text[:1].isupper() or toks[k - 1].low in PRONOUNS:
        first = k - np_len(toks, k - 1)
        if after_preposition(toks, first):  # "Cory James, 22, of Flint, Mich., said": a place, not a subject
            if toks[first - 1].low in _PLACE_PREPS - {"of"} and first >= 2 and toks[first - 2].text not in PUNCT:
                head = np_left(toks, first - 2)[0]
                start = next(n for n, t in enumerate(toks) if t.start == head)
                if start == 0:  # the sentence opens with it: "Legislative leaders in Ohio, for one, said" (but
                    # "The leader of the League, Jo Lind, said": the name after the office)
                    return head, toks[k - 1].end
            return appositive_subject(toks, k)  # the appositive runs on: "X, retired in Cambridge, Mass., said"
        return np_left(toks, k - 1)
    return None


# Prepositions that make the phrase after them a place or an object, never the subject of the cue (set by hand;
# on quotes-dev about 40 speakers went from a town to the person, source F1 half A 0.7864 -> 0.7867,
# held-out B 0.7364 -> 0.7365).
_PLACE_PREPS = frozenset({"of", "in", "from", "at", "near", "outside", "inside"})


def after_preposition(toks: list[Tok], first: int) -> bool:
    """The noun phrase starting at token ``first`` is the object of a place preposition ("of Flint"), or the
    state of such a place ("in Worcester, Massachusetts"): a place, not the subject of a cue."""
    if first >= 1 and toks[first - 1].low in _PLACE_PREPS:
        return True
    if first >= 2 and toks[first - 1].text == "," and toks[first - 2].text[:1].isupper():
        end = first
        while end < len(toks) and toks[end].text[:1].isupper():
            end += 1
        if "".join(t.low for t in toks[first:end]).replace(".", "") not in _US_STATES:
            return False  # "In a post Sunday, Mr. Frum, …": a name after an opening phrase
        start = first - 2 - np_len(toks, first - 2) + 1
        return start >= 1 and toks[start - 1].low in _PLACE_PREPS
    return False


# US state names and their AP abbreviations, lower case without spaces or dots ("massachusetts", "mass", "ny").
_US_STATES = frozenset(
    re.sub(r"[\s.]", "", spelling.lower())
    for state in [*us.states.STATES, us.states.DC]
    for spelling in (state.name, state.ap_abbr or state.name)
)


def np_right(s: str, toks: list[Tok], i: int) -> tuple[int, int] | None:
    """The speaker after an inverted cue: a short noun phrase up to a comma or the sentence end."""
    k = i
    while k < len(toks) and toks[k].low in AUX_WORDS:
        k += 1
    start = k
    while k < len(toks) and k - start < 10:
        t = toks[k]
        if t.text in ',.;:!?—–()“”"' or (t.low in NP_STOP and t.low not in NP_LINK):
            break
        if k > start and (
            toks[start].low in PRONOUNS
            or t.low in PRONOUNS
            or (
                t.text[:1].islower()
                and t.low.endswith(("s", "ed", "ing"))
                and t.low not in _LINKED_HEADS
                and not _modifies_head(toks, k)
            )
        ):
            break  # "…, said she sees …": a clause, not an inverted speaker
        k += 1
    if k > start and k < len(toks) and toks[k].text not in ",.;:!?—–()" and closes_after(s, toks[k - 1].end):
        pass  # "…,” said Anthony Romero in a statement.": a time or venue phrase ends the clause
    elif k == start or (
        k < len(toks)
        and toks[k].text not in ",.;:!?—–()"
        and not (toks[k].low in _POSTMODIFIERS and toks[start].low not in PRONOUNS)
    ):
        return None  # "…, said he had seen": a subject and its verb, not an inverted speaker
    first = toks[start]
    if first.low in _POSTMODIFIERS:
        return None  # "…, said of Cruz.": the speaker is before the cue
    if not (
        first.text[:1].isupper()
        or first.text[:1].isdigit()
        or first.low in DETERMINERS
        or first.low in PRONOUNS
        or _described_person(toks[start:k])
    ):
        return None
    return first.start, toks[k - 1].end


# Words that open what follows an inverted speaker's head ("…,” said a longtime adviser to both Clintons,
# who …", "said the base chief known as Bob"): the speaker is the phrase before them (set by hand, not swept).
_POSTMODIFIERS = {
    "to",
    "of",
    "at",
    "from",
    "with",
    "for",
    "in",
    "on",
    "who",
    "whose",
    "as",
    "when",
    "while",
    "after",
    "before",
    "during",
    "about",
}


def _modifies_head(toks: list[Tok], k: int) -> bool:
    """ "unaligned" in "one unaligned Florida Republican strategist": a modifier, since a name or a
    title still follows before the phrase ends."""
    for t in toks[k + 1 : k + 5]:
        if t.text in PUNCT or t.low in NP_STOP:
            return False
        if t.text[:1].isupper() or t.low in _LINKED_HEADS:
            return True
    return False


def _described_person(words: Sequence[Tok]) -> bool:
    """ "former Massachusetts congressman Barney Frank", "longtime adviser": a lower-case opening
    that is a description of a person (a capitalised name or a title word in it)."""
    return len(words) >= 2 and any(t.text[:1].isupper() or t.low in _LINKED_HEADS for t in words[1:])
