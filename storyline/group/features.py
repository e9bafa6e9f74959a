"""Cheap per-article features for grouping: weighted terms, names, numbers, shingles.

Grouping must run at hundreds of articles per second without spaCy, so everything here is
a regular expression over the title and the first part of the body. What tells two events of
the same kind apart is what the article names (people, places, organisations), its numbers
(ages, street blocks, counts) and its date, so those get more weight than ordinary words.
Extracted facts (entities, locations) are used when the article already carries them.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from storyline.model import Article

# How much of the body is read. Leads carry the event; the tail of long pages is mostly
# background and boilerplate. Tuned on gva-dev / ecbplus-dev B-cubed (window 30, link 0.15):
# 1000 → 0.892 / 0.848; 3000 → 0.901 / 0.857; 8000 → 0.901 / 0.868.
BODY_CHARS = 6000
# Title words count this many times a body word: the title names the event. gva-dev /
# ecbplus-dev incremental B-cubed (benchmarks/eval_group.py --sweep TITLE_WEIGHT=...):
# 2 → 0.904 / 0.888; 3 → 0.906 / 0.891; 4 → 0.906 / 0.888.
TITLE_WEIGHT = 3.0
# Words of the first LEAD_CHARS characters of the body (the dateline and first sentences; 400 by hand).
LEAD_CHARS = 400
LEAD_WEIGHT = 2.0
# A multi-word capitalised phrase ("Mesa County", "Brandon Crawford") is one extra term with
# this weight on top of its words: names tell same-kind events apart. gva-dev / ecbplus-dev
# B-cubed (window 30, link 0.15): 0.5 → 0.892 / 0.864; 1.5 → 0.901 / 0.857; 3 → 0.899 / 0.876;
# 5 → 0.896 / 0.879.
NAME_WEIGHT = 3.0
# An article without a title takes its first paragraph as one when the paragraph is at most this
# long (the pipeline finds no title on ecbplus pages). ecbplus-dev incremental, all documents /
# half A B-cubed (window 30, link 0.15): 0 -> 0.840 / 0.771; 200 -> 0.844 / 0.777; 300 -> 0.846 / 0.781.
HEADLESS_LEAD = 300
# Shingle length (words) for near-duplicate detection (the usual choice for news copies; not swept).
SHINGLE_WORDS = 5
# A body that is page furniture rather than a report: when the lines that address the reader ("you'll
# get an email", "sign up for our ...", "we have sent you a verification email") make up at least
# FURNITURE_SHARE of a body under FURNITURE_BODY characters, the extractor found no text and only the
# title is read. Such bodies are alike on every page of a site, so two reports of different shootings
# from one newspaper matched on them (and were taken for copies): on gva-dev 25 of the 78 articles the
# pipeline placed in another incident's story were of this kind. A news sentence speaks of the event in
# the third person; one that speaks to the reader outside quotation marks is the site talking ("If you
# have any information, call ..." closes many reports: one sentence of several). Sentences of at most
# FURNITURE_LINE characters are judged (a run-on paragraph that once says "you" is a report). The
# places, names and tolls the extract stage read from such a body are dropped too (the author and site of
# a "Get email alerts on Jo Doe" box). Through the pipeline (eval_group.py --pipeline --halves), gva-dev
# incremental B-cubed / pairwise all, half A, held-out half B: off 0.9276 / 0.8223, 0.9360 / 0.8426,
# 0.9392 / 0.8541; share 0.2 -> 0.9370 / 0.8436, 0.9450 / 0.8616, 0.9454 / 0.8651; 0.25, 0.3 and 0.35 ->
# 0.9374 / 0.8449, 0.9458 / 0.8640, 0.9454 / 0.8651; 0.4 -> 0.9362 / 0.8418, 0.9436 / 0.8577; 0.5 ->
# 0.9339 / 0.8370, 0.9404 / 0.8512. ecbplus-dev unchanged at 0.3 and above (0.9309), 0.9289 at 0.25 (an
# opinion column that talks to its readers). 76 of gva-dev's 1,882 pipeline bodies are furniture at 0.3.
# Body and sentence lengths set by hand (the furniture bodies seen are 80 to 950 characters).
FURNITURE_SHARE = 0.3
FURNITURE_BODY = 1000
FURNITURE_LINE = 300

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<![\w.])(?:[A-Z][a-z]+(?:[’'][a-z]+)?\.?(?:\s|-)+){1,4}[A-Z][a-z]+(?:[’'][a-z]+)?")
_AGE = re.compile(r"\b(\d{1,3})[- ]year[- ]old\b")  # matched on lower-cased text
_BLOCK = re.compile(r"\b(\d{2,6}) block\b")
_SPLIT = re.compile(r"[\s-]+")
# the reader addressed, or the site speaking of itself ("us" in lower case only: "US" is the country)
_READER = re.compile(r"\b(?:[Yy]ou(?:rs?|rself|['’](?:ll|re|ve|d))?|[Oo]ur|us)\b")
_QUOTE = re.compile(r"[\"“”]")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n")

_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not now of off on once only or other our ours ourselves out over
    own same she should so some such than that the their theirs them themselves then there these
    they this those through to too under until up very was we were what when where which while who
    whom why will with would you your yours yourself yourselves said says say told according one two
    new news mr mrs ms per via like get got may might must shall us it's that's he's she's there's
    year years day days week weeks time times last first next many much people police report
    reported reports ago told tells monday tuesday wednesday thursday friday saturday sunday today
    yesterday tonight morning evening afternoon night am pm p.m a.m jan feb mar apr jun jul aug sep
    sept oct nov dec january february march april june july august september october november
    december copyright rights reserved click read share email facebook twitter comments comment
    video photo image
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass(slots=True)
class Features:
    """What grouping keeps of one article: raw term weights (before IDF) and shingle hashes."""

    terms: dict[str, float]
    shingles: list[int]
    furniture: bool = False  # the body was page furniture: only the title was read


def _stem(word: str) -> str:
    """A light plural/possessive stemmer: shootings→shooting, police's→police."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-3] + "y" if word.endswith("ies") else word[:-1]
    return word


# Entries per word/name cache: words repeat (Zipf), so a small cache answers most lookups, and the
# caches live as long as the process: at 100,000 entries each the four held ~80 MB by the end of a
# 100k-article resampled stream and grew all the way (issue 7's flat-memory target). Memory, not
# quality: the cached functions are pure, so the size changes speed only.
CACHE_SIZE = 32_768


@lru_cache(maxsize=CACHE_SIZE)
def _term(raw: str) -> str:
    """The term of one word as found in the text ("" for a stopword); cached: words repeat."""
    word = raw.lower()
    if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
        return ""
    return _stem(word)


def _add(terms: dict[str, float], words: list[str], weight: float) -> None:
    for word in words:
        terms[word] = terms.get(word, 0.0) + weight


def _add_words(terms: dict[str, float], words: list[str], weight: float) -> None:
    """Add the terms of ``words`` (as found in the text): each distinct word is looked up once."""
    for word, n in Counter(words).items():
        term = _term(word)
        if term:
            terms[term] = terms.get(term, 0.0) + n * weight


def _names(text: str) -> list[str]:
    keys = map(_name_key, _NAME.findall(text))
    return [key for key in keys if key]


@lru_cache(maxsize=CACHE_SIZE)
def _name_key(phrase: str) -> str:
    """The term of a capitalised phrase ("" when fewer than two words are left); cached: names repeat."""
    parts = [p.lower().strip(".") for p in _SPLIT.split(phrase)]
    # drop sentence-initial function words caught by the capitalisation rule ("The Mesa County")
    while parts and parts[0] in STOPWORDS:
        parts.pop(0)
    while parts and parts[-1] in STOPWORDS:
        parts.pop()
    # order-free key, so "NATO-Ukraine Council" and "Ukraine-NATO Council" are one name
    return "n:" + " ".join(sorted(parts)) if len(parts) >= 2 else ""


def _numbers(text: str) -> list[str]:
    low = text.lower()  # the patterns are lower-case: one pass of str.lower instead of re.IGNORECASE
    out = [f"age:{age}" for age in _AGE.findall(low)] if "year" in low else []
    if "block" in low:
        out += [f"block:{block}" for block in _BLOCK.findall(low)]
    return out


def _fact_terms(article: Article) -> list[str]:
    out = []
    for fact in article.facts:
        if fact.type == "entity":
            if isinstance(fact.value, str):
                name = _entity_key(fact.value)
                if name:
                    out.append(name)
            key = fact.attrs.get("key")
            if fact.attrs.get("label") == "PERSON" and isinstance(key, str) and len(key) >= 3:
                out.append("p:" + key)  # a surname; evidence.adjustment reads its rarity
        elif fact.type == "location":
            city = fact.attrs.get("city")
            if isinstance(city, str) and city:
                out.append("loc:" + city.lower())
    return out


@lru_cache(maxsize=CACHE_SIZE)
def _entity_key(value: str) -> str:
    """The name term of an entity fact's value ("" for a one-word name)."""
    parts = sorted(p for p in _SPLIT.split(value.lower()) if p and p not in STOPWORDS)
    return "n:" + " ".join(parts) if len(parts) >= 2 else ""


@lru_cache(maxsize=CACHE_SIZE)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.lower().encode())


def shingle_hashes(body: str) -> list[int]:
    """Hashes of the distinct SHINGLE_WORDS-word shingles of the body (case-folded words)."""
    return _shingles(_WORD.findall(body))


def _shingles(words: list[str]) -> list[int]:
    hashes = np.fromiter(map(_word_hash, words), dtype=np.uint64, count=len(words))
    n = len(hashes) - SHINGLE_WORDS + 1
    if n <= 0:
        return [int(hashes.sum() % (1 << 32))] if len(hashes) else []
    # polynomial rolling combination of the word hashes, modulo 2**32
    acc = np.zeros(n, dtype=np.uint64)
    for j in range(SHINGLE_WORDS):
        acc = (acc * np.uint64(1_000_003) + hashes[j : j + n]) & np.uint64(0xFFFFFFFF)
    return np.unique(acc).tolist()


def line_hash(line: str) -> int:
    return zlib.crc32(" ".join(line.lower().split()).encode())


def is_furniture(body: str) -> bool:
    """The body is page furniture, not a report (see FURNITURE_SHARE)."""
    if not body or len(body) >= FURNITURE_BODY:
        return False
    total = reader = 0
    for sentence in _SENTENCE.split(body):
        size = len(sentence.strip())
        total += size
        if size <= FURNITURE_LINE and _READER.search(sentence) and not _QUOTE.search(sentence):
            reader += size
    return total > 0 and reader >= FURNITURE_SHARE * total


def article_features(article: Article, templates: Callable[[list[int]], set[int]] | None = None) -> Features:
    """Term weights of the title, lead and body, plus names, numbers and facts as extra terms.

    ``templates`` receives the hashes of the body's lines and returns those to leave out
    (lines the caller has seen on many other pages: boilerplate).
    """
    title = article.title or ""
    body = article.body or ""
    if not title and HEADLESS_LEAD and body:
        # no headline found: the first paragraph (often the headline or standfirst) stands in for it
        first, _, rest = body.partition("\n")
        if len(first) <= HEADLESS_LEAD:
            title, body = first, rest.lstrip()
    furniture = is_furniture(body)
    if furniture:
        body = ""  # the page has only its title (and the site's sign-up box)
    if templates is not None and body:
        lines = [line for line in body[: BODY_CHARS * 2].splitlines() if line.strip()]
        skip = templates([line_hash(line) for line in lines])
        if skip:
            body = "\n".join(line for line in lines if line_hash(line) not in skip)
    lead, rest = body[:LEAD_CHARS], body[LEAD_CHARS:BODY_CHARS]
    # split at a word boundary so no word is cut in two between the regions
    cut = lead.rfind(" ") if len(lead) == LEAD_CHARS else -1
    if cut > 0:
        lead, rest = lead[:cut], lead[cut:] + rest
    lead_words, rest_words = _WORD.findall(lead), _WORD.findall(rest)
    terms: dict[str, float] = {}
    for words, text, weight in (
        (_WORD.findall(title), title, TITLE_WEIGHT),
        (lead_words, lead, LEAD_WEIGHT),
        (rest_words, rest, 1.0),
    ):
        _add_words(terms, words, weight)
        _add(terms, _names(text), NAME_WEIGHT * weight)
        _add(terms, _numbers(text), NAME_WEIGHT * weight)
    if not furniture:  # facts read from furniture name its author and site ("Get email alerts on Jo Doe")
        _add(terms, _fact_terms(article), NAME_WEIGHT)
    tail_words = _WORD.findall(body[BODY_CHARS : BODY_CHARS * 2]) if len(body) > BODY_CHARS else []
    return Features(terms, _shingles(lead_words + rest_words + tail_words), furniture)
