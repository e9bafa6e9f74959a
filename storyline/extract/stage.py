"""The extract stage: runs every extractor on an article's body and records Facts with provenance.

Each extractor returns spans into the body; this module turns them into ``Fact``
objects with the sentence they came from, a stable id and the extractor's name
and version, so a user can check every fact in one click.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from storyline.config import ExtractConfig
from storyline.extract.absence import find_absences
from storyline.extract.counts import find_counts
from storyline.extract.entities import entity_key, find_entities
from storyline.extract.nlp import load_spacy
from storyline.extract.places import find_places, main_location
from storyline.extract.quotes import find_quotes
from storyline.extract.sentences import Sentence, sentence_at, split_sentences
from storyline.extract.timex import tag_times
from storyline.model import Article, Fact

log = logging.getLogger(__name__)

VERSION = "1"  # bump when an extractor's output changes, so stored facts can be told apart


@dataclass(slots=True)
class _FactMaker:
    article: Article
    body: str
    sentences: list[Sentence]
    n: int = 0

    def make(self, type_: str, start: int, end: int, extractor: str, **fields: Any) -> Fact:
        sentence = sentence_at(self.sentences, start)
        self.n += 1
        return Fact(
            fact_id=f"{self.article.id}#{self.n}",
            article_id=self.article.id,
            type=type_,  # type: ignore[arg-type]
            text=self.body[start:end],
            sentence=sentence.text if sentence else self.body[start:end],
            sentence_start=sentence.start if sentence else start,
            start=start,
            end=end,
            extractor=extractor,
            extractor_version=VERSION,
            **fields,
        )


class Extractor:
    """Finds times, counts, quotes, entities, places and absences in cleaned articles."""

    name = "extract"
    requires: tuple[str, ...] = ("body", "published")
    assigns: tuple[str, ...] = ("facts",)

    def __init__(self, config: ExtractConfig) -> None:
        self.config = config
        self.nlp = load_spacy(config.spacy_model) if config.use_spacy else None
        if config.use_spacy and self.nlp is None:
            log.warning("extract: spaCy model missing, entities and speakers come from rules only")

    def process(self, article: Article) -> None:
        body = article.body or ""
        article.facts = []
        if not body.strip():
            return
        maker = _FactMaker(article, body, split_sentences(body))
        dct = article.best_published
        facts = article.facts

        times = tag_times(body, dct)
        for t in times:
            facts.append(
                maker.make(
                    "time",
                    t.start,
                    t.end,
                    "timex",
                    value=t.value,
                    timex_type=t.type,
                    attrs={
                        k: v.isoformat() for k, v in (("anchor", t.anchor_date), ("until", t.end_date)) if v
                    },
                )
            )
        for c in find_counts(body, list(times), dct):
            facts.append(
                maker.make(
                    "count",
                    c.start,
                    c.end,
                    "counts",
                    value=c.value,
                    low=c.low,
                    high=c.high,
                    qualifier=c.qualifier,
                    category=c.category,
                    period=c.period,
                    attrs={"subject": c.subject, "period_text": c.period_text},
                )
            )
        for q in find_quotes(body, self.nlp):
            if q.content_end <= q.content_start:
                continue
            facts.append(
                maker.make(
                    "quote" if q.direct else "attribution",
                    q.content_start,
                    q.content_end,
                    "quotes",
                    speaker=q.speaker,
                    cue=q.cue,
                    content=q.content,
                    direct=q.direct,
                    attrs={
                        "title": q.title,
                        "speaker_span": [q.speaker_start, q.speaker_end],
                        "cue_span": [q.cue_start, q.cue_end],
                    },
                )
            )
        for e in find_entities(body, self.nlp):
            facts.append(
                maker.make(
                    "entity",
                    e.start,
                    e.end,
                    "entities",
                    value=e.canonical,
                    attrs={"label": e.label, "key": entity_key(e.canonical)},
                )
            )
        places = find_places(body, url=article.url)
        for p in places:
            facts.append(
                maker.make(
                    "location",
                    p.start,
                    p.end,
                    "places",
                    value=p.name,
                    attrs={
                        "kind": p.kind,
                        "city": p.city,
                        "region": p.region,
                        "country": p.country,
                        "confidence": p.confidence,
                    },
                )
            )
        city, region, country = main_location(places)
        if city or region or country:
            facts.append(
                maker.make(
                    "location",
                    0,
                    0,
                    "places.main",
                    value=city or region or country,
                    attrs={"kind": "main", "city": city, "region": region, "country": country},
                )
            )
        for sentence in maker.sentences:
            for a in find_absences(sentence.text, sentence.start):
                facts.append(
                    maker.make(
                        "absence",
                        a.start,
                        a.end,
                        "absence",
                        value=None,
                        attrs={"what": list(a.what), "about": a.about},
                    )
                )
