"""The extract stage: runs every extractor on an article's body and records Facts with provenance.

Each extractor returns spans into the body; this module turns them into ``Fact``
objects with the sentence they came from, a stable id and the extractor's name
and version, so a user can check every fact in one click. Quotes are also read in a
title that the body does not repeat ("Mayor: Bridge will reopen"); such a fact's offsets
index the title, and its ``attrs["field"]`` is ``"title"``.
"""

from __future__ import annotations

import logging
import re
import time
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Literal

from storyline.config import ExtractConfig
from storyline.errors import ConfigError
from storyline.extract.absence import find_absences
from storyline.extract.counts import find_counts
from storyline.extract.entities import entity_key, find_entities
from storyline.extract.nlp import load_spacy
from storyline.extract.places import Place, find_places
from storyline.extract.places_main import main_location
from storyline.extract.quotes import find_article_quotes
from storyline.extract.quotes_assemble import Attribution
from storyline.extract.sentences import Sentence, sentence_at, split_sentences
from storyline.extract.timex import tag_times
from storyline.model import TITLE_FIELD, Article, Fact

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

    def make_in_title(self, type_: str, start: int, end: int, extractor: str, **fields: Any) -> Fact:
        """A fact read in the article's title: offsets into the title, which is its sentence."""
        title = self.article.title or ""
        self.n += 1
        attrs = {**fields.pop("attrs", {}), "field": TITLE_FIELD}
        return Fact(
            fact_id=f"{self.article.id}#{self.n}",
            article_id=self.article.id,
            type=type_,  # type: ignore[arg-type]
            text=title[start:end],
            sentence=title,
            sentence_start=0,
            start=start,
            end=end,
            extractor=extractor,
            extractor_version=VERSION,
            attrs=attrs,
            **fields,
        )


_SPACE = re.compile(r"\s+")


def headline(title: str | None, body: str) -> str | None:
    """The title when the body does not open with it: a title that cleaning kept as the body's first
    line is read there, once."""
    if not title or not title.strip():
        return None
    squashed = _SPACE.sub(" ", title).strip().rstrip(".!?:;").strip()
    lead = _SPACE.sub(" ", body[: len(title) + 16]).strip()
    return None if lead.startswith(squashed) else title


def _quote_fields(q: Attribution) -> dict[str, Any]:
    return {
        "speaker": q.speaker,
        "cue": q.cue,
        "content": q.content,
        "direct": q.direct,
        "attrs": {
            "title": q.title,
            "speaker_span": [q.speaker_start, q.speaker_end],
            "cue_span": [q.cue_start, q.cue_end],
        },
    }


def place_attrs(p: Place) -> dict[str, object]:
    """The attributes a location fact keeps of its place (read by reconcile's location and firm-naming rules)."""
    return {
        "kind": p.kind,
        "city": p.city,
        "region": p.region,
        "country": p.country,
        "confidence": p.confidence,
        "source": p.source,
    }


class Extractor:
    """Finds times, counts, quotes, entities, places and absences in cleaned articles."""

    name = "extract"
    requires: tuple[str, ...] = ("body", "published")
    assigns: tuple[str, ...] = ("facts",)

    def __init__(self, config: ExtractConfig) -> None:
        if config.mode not in ("fast", "accurate"):
            raise ConfigError(f"extract.mode must be fast or accurate, not {config.mode!r}")
        self.config = config
        self.mode: Literal["fast", "accurate"] = "accurate" if config.mode == "accurate" else "fast"
        self.nlp = load_spacy(config.spacy_model) if self.mode == "accurate" else None
        if self.mode == "accurate" and self.nlp is None:
            log.warning("extract: accurate mode disabled: no spaCy model; entities and speakers use rules")
            self.mode = "fast"
        log.info("extract: %s mode", self.mode)
        self.seconds: dict[str, float] = defaultdict(float)  # time per extractor, for benchmarks

    def warm(self) -> None:
        """Load every extractor's lazy tables and models now (the gazetteer alone takes ~2 s).

        Called in the parent before worker processes are forked, so each worker shares the loaded
        tables instead of loading its own copy for every chunk."""
        sample = Article(
            id="warm-up",
            title="Two hurt in Springfield fire",
            body="Two people were injured in a fire in Springfield, Illinois, on Tuesday, police said. "
            '"We are grateful," Mayor Jane Doe told reporters. He did not say when the road would reopen.',
        )
        self.process(sample)

    def process(self, article: Article) -> None:
        body = article.body or ""
        article.facts = []
        if not body.strip():
            return
        maker = _FactMaker(article, body, split_sentences(body))
        dct = article.best_published
        facts = article.facts

        clock = time.perf_counter()
        times = tag_times(body, dct)
        clock = self._tick("times", clock)
        for t in times:
            facts.append(
                maker.make(
                    "time",
                    t.start,
                    t.end,
                    "timex",
                    value=t.value,
                    timex_type=t.type,
                    attrs={k: v.isoformat() for k, v in (("anchor", t.anchor_date), ("until", t.end_date)) if v},
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
                    attrs={"subject": c.subject, "period_text": c.period_text, "single": c.single, "vague": c.vague},
                )
            )
        clock = self._tick("counts", clock)
        in_title, in_body = find_article_quotes(headline(article.title, body), body, self.nlp, mode=self.mode)
        for q in in_title:
            if q.content_end > q.content_start:
                kind = "quote" if q.direct else "attribution"
                facts.append(maker.make_in_title(kind, q.content_start, q.content_end, "quotes", **_quote_fields(q)))
        for q in in_body:
            if q.content_end > q.content_start:
                kind = "quote" if q.direct else "attribution"
                facts.append(maker.make(kind, q.content_start, q.content_end, "quotes", **_quote_fields(q)))
        clock = self._tick("quotes", clock)
        for e in find_entities(body, self.nlp, mode=self.mode):
            facts.append(
                maker.make(
                    "entity",
                    e.start,
                    e.end,
                    "entities",
                    value=e.canonical,
                    attrs={"label": e.label, "key": entity_key(e.canonical, e.label)},
                )
            )
        clock = self._tick("entities", clock)
        places = find_places(body, url=article.url)
        for p in places:
            facts.append(
                maker.make(
                    "location",
                    p.start,
                    p.end,
                    "places",
                    value=p.name,
                    attrs=place_attrs(p),
                )
            )
        city, region, country = main_location(places)
        named = city or region or country
        # the main location points at its first mention, so it can be checked like any fact
        mention = next((p for p in places if named and named in (p.city, p.region, p.country, p.name)), None)
        if named and mention is not None:
            facts.append(
                maker.make(
                    "location",
                    mention.start,
                    mention.end,
                    "places.main",
                    value=city or region or country,
                    attrs={"kind": "main", "city": city, "region": region, "country": country},
                )
            )
        clock = self._tick("places", clock)
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
        self._tick("absences", clock)

    def _tick(self, name: str, since: float) -> float:
        now = time.perf_counter()
        self.seconds[name] += now - since
        return now
