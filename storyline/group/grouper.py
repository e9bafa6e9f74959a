"""Incremental story clustering: each article joins the stories of the earlier articles it matches.

An article is compared with the held articles that share one of its most distinctive terms
(an inverted index, so the cost does not grow with the number of stories), by TF-IDF cosine over
title, lead, names and numbers; beyond the time window only a close text match (FAR_MIN_COSINE)
that names the same people, or a report that dates its event to a held report's day in its city
(FAR_SAME_DAY_COSINE), counts. It joins every story holding an article at or above
``LINK_THRESHOLD`` (single link), so a bridging article merges stories; a near-copy (``dedup``)
always joins the story of what it copies. Batch mode runs the same procedure, in the same order
(publication day, then id), with the document frequencies of the whole batch.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import math
import zlib
from array import array
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import msgspec
import numpy as np

from storyline.config import GroupConfig
from storyline.errors import StorylineError
from storyline.group.dedup import DuplicateIndex
from storyline.group.evidence import Evidence, adjustment, evidence_of, same_day_and_place
from storyline.group.features import article_features
from storyline.model import Article

log = logging.getLogger(__name__)

# Score (cosine plus evidence.adjustment) at or above which an article joins a story. Tuned on
# half A of gva-dev and ecbplus-dev (gold clusters split by a hash of the cluster id) through the
# real pipeline (benchmarks/eval_group.py --pipeline), incremental, window 30, story top 2, fact
# weights as first tried (see evidence.py): gva-dev half A B-cubed / pairwise 0.08 -> 0.913 / 0.768;
# 0.10 -> 0.914 / 0.772; 0.12 -> 0.911 / 0.767; 0.15 -> 0.907 / 0.759; 0.18 -> 0.904 / 0.747.
# ecbplus-dev half A B-cubed: 0.10 -> 0.811; 0.12 -> 0.802; 0.15 -> 0.781; 0.18 -> 0.763.
# Window 60, gap penalty 0.04, undated penalty 0.10: 0.08 -> gva-dev half A 0.926 / 0.803, ecbplus-dev
# half A 0.856 (all 0.874); 0.10 -> 0.924 / 0.800, 0.843 (all 0.880). Kept at 0.10: ecbplus halves by
# cluster hash cannot see the confusion that matters (the two events of a topic fall in either half).
LINK_THRESHOLD = 0.10
# A bridging article merges a second story into the one it matches best only at this score
# (single link would chain same-kind events of one topic). Tuned on ecbplus-dev / gva-dev B-cubed
# with the first grouper (window 7, link 0.15): 0.25 -> 0.906 / 0.867; 0.3 -> 0.906 / 0.867;
# 0.4 -> 0.905 / 0.867. With story top 2, window 30: 0.3, 0.4 and no merging give gva-dev
# 0.907 / 0.906 / 0.906 and ecbplus-dev 0.831 / 0.834 / 0.834 (all documents).
MERGE_THRESHOLD = 0.30
# The score against a story is the mean of the article's STORY_TOP best scores against its
# members: one match on topic words with one member of a big story does not join it (ecbplus-dev:
# the first report of a topic's second event joined the first event's story). Window 30, link
# 0.15, all documents / half A B-cubed: 1 -> gva 0.907 / 0.908, ecbplus 0.774 / 0.805;
# 2 -> gva 0.907 / 0.907, ecbplus 0.831 / 0.820; 3 -> gva 0.906 / 0.906, ecbplus 0.834 / 0.790.
STORY_TOP = 2
# Text cosine below which a candidate is not about the same event whatever its facts say.
# ecbplus-dev at the final settings: 0.03 and 0.05 give the same stories; gva-dev half A
# (link 0.10, fact weights as first tried): 0.03 -> 0.914, 0.05 -> 0.914; 0.08 -> 0.911 (link 0.12).
MIN_COSINE = 0.05
# Articles further apart than the window are still compared, and may join, when their text cosine
# reaches FAR_MIN_COSINE and both name at least FAR_SHARED_PERSONS of the same people (PERSON keys
# from the extract stage; a page without facts never matches beyond the window): follow-ups weeks
# or years on (an arrest, a trial, a sentencing) name the event and its people as the first reports
# did, while other shootings the same outlet covered in the same city share its words but not its
# names (on gva-dev, far links at score >= 0.1 were right 106 times and wrong 141 with the cosine
# alone, 81 and 20 with two shared names). Matching beyond the window reaches only articles still
# held (below MIN_WINDOW_ARTICLES nothing is evicted; at scale the window's articles). Through the
# pipeline, incremental, window 60, half A / all B-cubed and pairwise, gva-dev then ecbplus-dev:
# off -> 0.930 / 0.814, 0.921 / 0.790; 0.938, 0.905. Cosine alone: 0.2 / 0.25 -> 0.934 / 0.829,
# 0.923 / 0.793; 0.954, 0.922; 0.3 -> 0.933 / 0.819; 0.954; 0.4 -> 0.931 / 0.823, 0.923 / 0.798;
# 0.942, 0.907; 0.6 -> 0.928 / 0.808 (storyline run at 0.25: gva counts mean 0.8006 -> 0.7899).
# Cosine 0.25 with 1 / 2 / 3 shared names: 0.936 / 0.841, 0.927 / 0.810; 0.954, 0.922 | 0.937 /
# 0.843, 0.928 / 0.822; 0.947, 0.918 | 0.936 / 0.838, 0.927 / 0.817; 0.947, 0.918 (counts mean
# 0.7984 with 1, 0.8000 with 2); 2 names at cosine 0.15 as at 0.25 (the link threshold binds), at
# 0.35 0.933 / 0.826; 0.942. Held-out half B at 0.25 / 2: gva 0.929 / 0.815 -> 0.939 / 0.852,
# ecbplus 0.859 -> 0.878. Kept at 2 names for gva-dev's precision (0.943 with 1, 0.950 with 2).
# FAR_MIN_COSINE 0 switches matching beyond the window off.
FAR_MIN_COSINE = 0.25
FAR_SHARED_PERSONS = 2
# One shared full name is enough where the two reports place their events in the same city or region:
# the victim or the suspect named in full ("Jo Doe", never an official: evidence._OFFICES) by an arrest,
# a charge or a plea months on; a surname alone (FAR_SHARED_PERSONS) is not. Through the pipeline's
# articles, gva-dev B-cubed / pairwise all 0.9465 / 0.8683 -> 0.9486 / 0.8734, half A 0.9516 -> 0.9535,
# held-out half B 0.9519 -> 0.9541; eval_gva injured half A 0.8471 -> 0.8471, half B 0.8343 -> 0.8381.
# Without the place condition 0.9483 (half B injured 0.8362, killed 0.8838 -> 0.8819); same city only
# 0.9473. ecbplus-dev 0.9309 throughout.
FAR_SHARED_NAME = True
# A story whose only candidates lie beyond the window is scored by the best of them, not by the mean of
# STORY_TOP: its other reports were never compared (they share no names with the follow-up), so they are
# not misses. gva-dev B-cubed all 0.9486 -> 0.9489, half A 0.9535 -> 0.9535, half B 0.9541 -> 0.9549;
# eval_gva killed / injured half A 0.8926 / 0.8471 -> 0.8946 / 0.8492, half B unchanged (0.8838 / 0.8381);
# ecbplus-dev 0.9309 -> 0.9359 (half A 0.9638 -> 0.9723, half B 0.8869 unchanged).
FAR_STORY_BEST = True
# A report beyond the window that dates its event to the day a held report of its city gives (a plea
# or a sentencing that recalls "the July 24 shooting at the bar") is compared at this cosine without
# shared names; evidence.RECALLED_DAY drops the publication gap from such a pair's score. With the gap
# dropped (0 = off), gva-dev B-cubed / pairwise all, half A, held-out half B, then eval_gva killed /
# injured half A (half B unchanged at 0.8838 / 0.8400): off 0.9512 / 0.8807, 0.9545, 0.9564, 0.8967 /
# 0.8512; 0.1 -> 0.9524 / 0.8841, 0.9557, 0.9578, 0.8988 / 0.8533; 0.15 -> 0.9520 / 0.8828, 0.9549,
# 0.9578, the same counts; 0.2 -> 0.9516 / 0.8820, 0.9549, 0.9570; 0.25 -> 0.9514, 0.9545, 0.9570, injured
# A 0.8512. Kept at 0.15, not the 0.1 of half A: a city with shootings every day (Chicago) has many
# reports of one day, and the held-out half is the same at 0.1 and 0.15. ecbplus-dev 0.9359 throughout.
FAR_SAME_DAY_COSINE = 0.15
# A shingle copy must also match in title/lead terms at this cosine: pages that share only the
# site's boilerplate (sign-in boxes, share bars) are not copies. gva-dev: see DUP_JACCARD.
DUP_MIN_COSINE = 0.15
# Terms kept per article (the highest TF-IDF weights); the rest is noise for matching. Set by
# hand (not swept); it bounds the state at about 60 terms per article in the window.
KEEP_TERMS = 60
# Terms under which an article is indexed and with which a new article queries the index.
# Retrieval depth matters where events of one topic share most words: ecbplus-dev incremental
# B-cubed 0.867 with 12/20 terms, 0.891 with 20/20, 0.890 with 20/40, 0.891 with 60/60 (gva-dev
# 0.906-0.907 for all); querying with more terms costs time for nothing.
INDEX_TERMS = 20
QUERY_TERMS = 20
# A posting list longer than this is a common word in this window: skipped when querying
# (bounds the cost per article at scale; the dev windows never reach it).
MAX_POSTING = 2000
# At most this many candidates (most shared keys first) are scored per new article; on the dev
# sets 60, 100 and 1000 give the same stories.
MAX_CANDIDATES = 60
# A stored article is re-weighted with the current IDF once the document count has grown by
# this factor since it was weighted (early articles saw few documents). On the dev sets it made
# no measurable difference (ecbplus-dev 0.854 with 1.0001, 1.05 and 1.25 at the time); it guards
# long runs. Set by hand.
REWEIGHT_GROWTH = 1.25
# Added to every IDF (scikit-learn's smooth_idf adds 1): with two articles, the words they share
# would otherwise weigh nothing and the first pair of reports of an event could never match.
IDF_FLOOR = 1.0
# Hard cap on the articles held in the window whatever their dates (undated feeds).
MAX_WINDOW_ARTICLES = 200_000
# Below this many articles held, none is forgotten for its age: a feed out of publication order (an
# archive, a crawl, a dev set) then clusters the same whether it arrives in one chunk or many, since
# matching itself refuses pairs further apart than the window. gva-dev through storyline run in
# chunks of 1,000 (STORYLINE_CHUNK): pairwise F1 0.527 when the clock's jumps evicted the stories
# that later chunks' older articles belonged to; one chunk of 2,000 gave 0.790.
MIN_WINDOW_ARTICLES = 10_000
# Document-frequency table size at which terms seen only once are forgotten (memory bound, not
# a quality setting; a forgotten term reads as unseen, i.e. maximally rare).
DF_CAP = 400_000
# A body line already seen in this many earlier articles is site boilerplate (sign-in boxes,
# share bars) and left out of terms and shingles; without it gva-dev finds 40 "copies", 18 of
# them pages that share only boilerplate, with it 25 (22 right). 3 was set by hand, not swept.
TEMPLATE_MIN = 3
LINES_CAP = 400_000
# 2: entries carry their event evidence; 3: + the main participant; 4: + the weekday; 5: + street blocks;
# 6: + the full names and surnames of the people named with no office, and whether it is a first report
# 7: + the state a dateline writes out
STATE_VERSION = 7
READABLE_VERSIONS = (2, 3, 4, 5, 6, 7)  # older states read with no main participants / weekdays / blocks / names


class GroupStateError(StorylineError):
    """A saved grouping state that cannot be read back."""


@dataclass(slots=True)
class _Entry:
    key: int
    article_id: str
    day: int  # date ordinal; 0 when unknown
    vector: dict[str, float]  # the top KEEP_TERMS terms, best first, weighted by the IDF at arrival
    # their sublinear weights before IDF, in the vector's order: an array of doubles, not a second dict
    # (with the postings as arrays, 20,000 resampled articles held 153 -> 107 MB; the same numbers, so the same cosines)
    weights: array[float]
    norm: float
    n_docs: int  # documents seen when ``vector`` was weighted
    story: str  # story id when added; resolve through Grouper._find
    dup_root: str  # the earliest article this one copies, or its own id
    evidence: Evidence  # place, event day, names and tolls from the extracted facts


def _story_id(article: Article) -> str:
    return "st-" + hashlib.sha1(f"{article.id}\x00{article.hash}".encode()).hexdigest()[:16]


class Grouper:
    """Places each article, on arrival, into a story; resumable from ``dumps()``."""

    def __init__(self, config: GroupConfig | None = None, state: bytes | None = None) -> None:
        self.config = config or GroupConfig()
        if self.config.embeddings:
            log.info("group: embeddings requested but not used by this grouper: lexical features only")
        self._window = max(int(self.config.window_days), 0)
        self._df: dict[str, int] = {}
        self._n_docs = 0
        self._frozen: tuple[dict[str, int], int] | None = None
        self._entries: dict[int, _Entry] = {}
        self._order: deque[int] = deque()
        # term -> keys of the held articles indexed under it, in arrival order: arrays of int64, not sets (a key
        # is added once; sys.getsizeof: a set of one key 216 bytes, this array 88; 34,560 postings at 10,000 held)
        self._postings: dict[str, array[int]] = {}
        self._dups = DuplicateIndex()
        self._parent: dict[str, str] = {}  # absorbed story -> the story it was merged into
        self._born: dict[str, int] = {}  # story -> key of its first article (older survives merges)
        self._merges: dict[str, str] = {}
        self._lines: dict[int, int] = {}  # body line hash -> articles seen with it
        self._size: dict[str, int] = {}  # story (root) -> its articles in the window
        self._next_key = 0
        self._clock = 0
        self._far_links: set[int] = set()  # the candidates of the article being placed that lie beyond the window
        if state is not None:
            self._load(state)

    # -- public API -------------------------------------------------------------------------

    def add(self, article: Article) -> None:
        """Set ``article.story_id`` and ``article.duplicate_of``; record merges it causes."""
        feats = article_features(article, self._template_lines)
        day = _day(article.best_published)
        if day:
            self._clock = max(self._clock, day)
        self._evict()
        if self._frozen is None:
            self._n_docs += 1
            for term in feats.terms:
                self._df[term] = self._df.get(term, 0) + 1
            if len(self._df) > DF_CAP:
                self._df = {t: n for t, n in self._df.items() if n > 1}
        weights = self._weights(feats.terms)
        idf = self._idf_of(weights)
        terms = dict(sorted(weights.items(), key=lambda kv: -kv[1] * idf[kv[0]])[:KEEP_TERMS])
        key = self._next_key
        self._next_key += 1

        sig = self._dups.signature(feats.shingles)
        blocks = tuple(sorted(t[6:] for t in feats.terms if t.startswith("block:")))
        evidence = evidence_of(article, len(article.body or ""), blocks)
        if feats.furniture:  # places, names and tolls read from a sign-up box; the event day may stand
            evidence = Evidence(event_day=evidence.event_day, short=True, weekday=evidence.weekday, blocks=blocks)
        sims, cosines = self._links(terms, idf, day, evidence)
        dup_key = self._dups.find(sig) if sig is not None else None
        if dup_key is not None and cosines.get(dup_key, 0.0) < DUP_MIN_COSINE:
            dup_key = None  # shared shingles but another event: site boilerplate, not a copy
        if dup_key is not None:
            sims[dup_key] = 1.0  # a copy is of the same event whatever else differs
        best = self._story_scores(sims)
        if best:
            top = max(best.values())
            # the best-matching story is joined; others only when the article matches them strongly too
            roots = {r for r, sim in best.items() if sim >= MERGE_THRESHOLD or sim == top}
            story = min(roots, key=lambda s: self._born.get(s, -1))
            for other in roots - {story}:
                self._parent[other] = story
                self._merges[other] = story
                self._size[story] = self._size.get(story, 0) + self._size.pop(other, 0)
        else:
            story = _story_id(article)
            self._born[story] = key
        self._size[story] = self._size.get(story, 0) + 1
        dup_root = self._entries[dup_key].dup_root if dup_key is not None else article.id
        article.story_id = story
        article.duplicate_of = dup_root if dup_key is not None else None

        entry = self._entry(key, article.id, day or self._clock, terms, story, dup_root, idf, evidence)
        self._entries[key] = entry
        self._order.append(key)
        for term in self._keys(terms):
            self._postings.setdefault(term, array("q")).append(key)
        if sig is not None:
            self._dups.add(key, sig)

    def take_merges(self) -> dict[str, str]:
        """``{absorbed_story_id: surviving_story_id}`` since the last call."""
        merges, self._merges = self._merges, {}
        return {absorbed: self._find(survivor) for absorbed, survivor in merges.items()}

    def story_of(self, story_id: str) -> str:
        """The story a (possibly since absorbed) story id now belongs to, while it is in the window."""
        return self._find(story_id)

    def cluster_batch(self, articles: Iterable[Article]) -> dict[str, str]:
        """Group a whole batch at once (document frequencies of the batch); returns id -> story_id.

        Sets ``story_id`` (final, after merges) and ``duplicate_of`` on every article.
        """
        batch = sorted(articles, key=lambda a: (_day(a.best_published), a.id))
        df: dict[str, int] = {}
        lines = Grouper(self.config)  # a scratch grouper only to see boilerplate lines as add() will
        for article in batch:
            for term in article_features(article, lines._template_lines).terms:
                df[term] = df.get(term, 0) + 1
        self._frozen = (df, len(batch))
        try:
            for article in batch:
                self.add(article)
        finally:
            self._frozen = None
        result = {}
        for article in batch:
            story = self._find(article.story_id or _story_id(article))
            article.story_id = result[article.id] = story
        return result

    def dumps(self) -> bytes:
        """The state as compact bytes (zlib-compressed JSON) for ``Grouper(config, state=...)``."""
        self._compact()
        entries = []
        for key in self._order:
            e = self._entries[key]
            sig = self._dups.sigs.get(key)
            entries.append(
                [
                    e.key,
                    e.article_id,
                    e.day,
                    dict(zip(e.vector, e.weights, strict=True)),
                    e.story,
                    e.dup_root,
                    base64.b64encode(sig.tobytes()).decode() if sig is not None else None,
                    e.evidence.dump(),
                ]
            )
        state = {
            "version": STATE_VERSION,
            "df": self._df,
            "n_docs": self._n_docs,
            "entries": entries,
            "parent": self._parent,
            "born": self._born,
            "merges": self._merges,
            "lines": list(self._lines.items()),
            "next_key": self._next_key,
            "clock": self._clock,
        }
        # msgspec and zlib level 1: the state is written with every commit (gva-dev, 1,882 articles held:
        # json + zlib 6 took 0.26 s, this 0.06 s, for a blob 14% larger); the format is the same JSON
        return zlib.compress(msgspec.json.encode(state), 1)

    # -- matching ---------------------------------------------------------------------------

    def _idf(self, term: str) -> float:
        df, n = self._frozen if self._frozen is not None else (self._df, self._n_docs)
        return math.log((n + 1) / (df.get(term, 0) + 1)) + IDF_FLOOR

    def _idf_of(self, terms: Iterable[str]) -> dict[str, float]:
        df, n = self._frozen if self._frozen is not None else (self._df, self._n_docs)
        top = math.log(n + 1) + IDF_FLOOR
        return {t: top - math.log(df.get(t, 0) + 1) for t in terms}

    @staticmethod
    def _weights(raw: dict[str, float]) -> dict[str, float]:
        return {t: 1.0 + math.log(w) if w > 1.0 else w for t, w in raw.items()}

    def _entry(
        self,
        key: int,
        article_id: str,
        day: int,
        terms: dict[str, float],
        story: str,
        dup_root: str,
        idf: dict[str, float],
        evidence: Evidence,
    ) -> _Entry:
        vector = {t: w * idf[t] for t, w in terms.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        n_docs = self._frozen[1] if self._frozen is not None else self._n_docs
        weights = array("d", terms.values())
        return _Entry(key, article_id, day, vector, weights, norm, n_docs, story, dup_root, evidence)

    def _reweight(self, entry: _Entry) -> None:
        """Weight a stored article with today's IDF (early articles saw few documents)."""
        idf = self._idf_of(entry.vector)
        entry.vector = {t: w * idf[t] for t, w in zip(entry.vector, entry.weights, strict=True)}
        entry.norm = math.sqrt(sum(v * v for v in entry.vector.values())) or 1.0
        entry.n_docs = self._frozen[1] if self._frozen is not None else self._n_docs

    def _template_lines(self, hashes: list[int]) -> set[int]:
        """Count the article's lines; return those already seen in TEMPLATE_MIN earlier articles."""
        seen = {h for h in hashes if self._lines.get(h, 0) >= TEMPLATE_MIN}
        for h in set(hashes):
            self._lines[h] = self._lines.get(h, 0) + 1
        if len(self._lines) > LINES_CAP:
            self._lines = {h: n for h, n in self._lines.items() if n > 1}
        return seen

    def _keys(self, terms: dict[str, float]) -> list[str]:
        return list(terms)[:INDEX_TERMS]  # terms are ordered by TF-IDF weight

    def _links(
        self, terms: dict[str, float], idf: dict[str, float], day: int, evidence: Evidence
    ) -> tuple[dict[int, float], dict[int, float]]:
        """Held articles that may be about the same event: ``(scores, cosines)``.

        A candidate's score is its text cosine plus what the facts add (``evidence.adjustment``),
        for every candidate whose cosine reaches MIN_COSINE (FAR_MIN_COSINE beyond the window);
        ``cosines`` holds those whose cosine reaches DUP_MIN_COSINE (a shingle match there is a copy).
        """
        counts: Counter[int] = Counter()
        for term in list(terms)[:QUERY_TERMS]:
            posting = self._postings.get(term)
            if posting is None or len(posting) > MAX_POSTING:
                continue
            counts.update(posting)  # C-level counting loop
        if not counts:
            return {}, {}
        ranked = [k for k, _ in counts.most_common(MAX_CANDIDATES)] if len(counts) > MAX_CANDIDATES else counts
        vec = {t: w * idf[t] for t, w in terms.items()}
        keys = vec.keys()
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        n_docs = self._frozen[1] if self._frozen is not None else self._n_docs
        links: dict[int, float] = {}
        cosines: dict[int, float] = {}
        self._far_links.clear()
        for key in ranked:
            other = self._entries[key]
            far = bool(day and other.day and abs(day - other.day) > self._window)
            recalled = far and FAR_SAME_DAY_COSINE and same_day_and_place(evidence, other.evidence)
            if far and not recalled and (not FAR_MIN_COSINE or not _far_evidence(evidence, other.evidence)):
                continue
            if other.n_docs * REWEIGHT_GROWTH < n_docs:
                self._reweight(other)
            ovec = other.vector
            dot = sum([vec[t] * ovec[t] for t in keys & ovec.keys()])
            sim = dot / (norm * other.norm)
            if sim < ((FAR_SAME_DAY_COSINE if recalled else FAR_MIN_COSINE) if far else MIN_COSINE):
                continue
            gap = abs(day - other.day) if day and other.day else None  # None: an undated side
            score = sim + adjustment(evidence, other.evidence, gap, self._idf)
            links[key] = score
            if far:
                self._far_links.add(key)
            if sim >= DUP_MIN_COSINE:
                cosines[key] = sim
        return links, cosines

    def _story_scores(self, sims: dict[int, float]) -> dict[str, float]:
        """Stories the article may join, with its score against each, when at least LINK_THRESHOLD.

        The score against a story is the mean of its STORY_TOP best article scores (fewer when the
        story has fewer articles in the window; a missing one counts 0): an article that matches one
        member of a big story on topic words alone does not join it, one that matches several does.
        """
        members: dict[str, list[float]] = {}
        near: set[str] = set()
        for k, sim in sims.items():
            root = self._find(self._entries[k].story)
            members.setdefault(root, []).append(sim)
            if k not in self._far_links:
                near.add(root)
        best = {}
        for root, scores in members.items():
            if max(scores) >= 1.0:  # a copy
                best[root] = 1.0
                continue
            top = sorted(scores, reverse=True)[:STORY_TOP]
            if FAR_STORY_BEST and root not in near:
                score = top[0]  # a late follow-up (shared people, a recalled day): the rest is out of reach
            else:
                score = sum(top) / max(min(STORY_TOP, self._size.get(root, 1)), len(top))
            if score >= LINK_THRESHOLD:
                best[root] = score
        return best

    # -- stories ----------------------------------------------------------------------------

    def _find(self, story: str) -> str:
        root = story
        while root in self._parent:
            root = self._parent[root]
        while story != root:  # path compression
            parent = self._parent[story]
            self._parent[story] = root
            story = parent
        return root

    def _evict(self) -> None:
        """Forget articles older than the window, in arrival order. An article undated before any
        dated one arrived (day 0) has no age: it goes when an article that arrived after it goes (it
        used to stay at the front and keep every later article in the window, so the state grew
        with the feed: all 9,949 articles of a 10k resampled stream were still held)."""
        horizon = self._clock - self._window
        evicted = 0
        undated: list[int] = []
        while self._order:
            key = self._order[0]
            day = self._entries[key].day
            held = len(self._order) + len(undated)
            if held > MAX_WINDOW_ARTICLES or (held > MIN_WINDOW_ARTICLES and 0 < day < horizon):
                self._order.popleft()
                for earlier in undated:
                    self._forget(earlier)
                evicted += len(undated) + 1
                undated.clear()
                self._forget(key)
            elif day == 0:
                undated.append(self._order.popleft())
            else:
                break
        self._order.extendleft(reversed(undated))
        if evicted and len(self._born) > 2 * len(self._entries) + 1000:
            self._compact()

    def _forget(self, key: int) -> None:
        entry = self._entries.pop(key)
        root = self._find(entry.story)
        if self._size.get(root, 0) > 1:
            self._size[root] -= 1
        else:
            self._size.pop(root, None)
        for term in self._keys(entry.vector):
            posting = self._postings.get(term)
            if posting is not None:
                posting.remove(key)
                if not posting:
                    del self._postings[term]
        self._dups.remove(key)

    def _compact(self) -> None:
        """Forget stories and merge links that no article in the window refers to any more."""
        live = set()
        for entry in self._entries.values():
            entry.story = self._find(entry.story)
            live.add(entry.story)
        pending = set(self._merges) | set(self._merges.values())
        self._parent = {a: s for a, s in self._parent.items() if a in pending or s in pending}
        self._born = {s: k for s, k in self._born.items() if s in live or s in pending}

    def _load(self, blob: bytes) -> None:
        try:
            state = msgspec.json.decode(zlib.decompress(blob))
        except (zlib.error, ValueError) as exc:
            raise GroupStateError(f"grouping state is not readable: {exc}") from exc
        if state.get("version") not in READABLE_VERSIONS:
            raise GroupStateError(f"grouping state version {state.get('version')} is not one of {READABLE_VERSIONS}")
        self._df, self._n_docs = state["df"], state["n_docs"]
        self._parent, self._born, self._merges = state["parent"], state["born"], state["merges"]
        self._next_key, self._clock = state["next_key"], state["clock"]
        self._lines = {h: n for h, n in state["lines"]}
        for key, article_id, day, terms, story, dup_root, sig, evidence in state["entries"]:
            entry = self._entry(
                key, article_id, day, terms, story, dup_root, self._idf_of(terms), Evidence.load(evidence)
            )
            self._entries[key] = entry
            self._order.append(key)
            root = self._find(story)
            self._size[root] = self._size.get(root, 0) + 1
            for term in self._keys(terms):
                self._postings.setdefault(term, array("q")).append(key)
            if sig is not None:
                self._dups.add(key, np.frombuffer(base64.b64decode(sig), dtype=np.uint32).copy())


def _far_evidence(a: Evidence, b: Evidence) -> bool:
    """What lets two reports further apart than the window be compared: a participant's full name in one
    city or region (FAR_SHARED_NAME), or FAR_SHARED_PERSONS surnames in common."""
    same_place = bool((a.city and a.city == b.city) or (a.region and a.region == b.region))
    if FAR_SHARED_NAME and same_place and set(a.names) & set(b.names):
        return True
    return _share_persons(a, b)


def _share_persons(a: Evidence, b: Evidence) -> bool:
    """Both articles name at least FAR_SHARED_PERSONS of the same people."""
    if len(a.persons) < FAR_SHARED_PERSONS or len(b.persons) < FAR_SHARED_PERSONS:
        return False
    return len(set(a.persons).intersection(b.persons)) >= FAR_SHARED_PERSONS


def _day(value: date | None) -> int:
    return value.toordinal() if value is not None else 0
