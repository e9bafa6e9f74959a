"""Builds the stage list from config, checks what each stage needs, and runs a batch into the store.

ingest → clean → extract → group → reconcile → store. Extraction runs before grouping so
that grouping can use entities, places and event dates; both per-article stages (clean,
extract) are pure functions of one article (and the template memory learned in a first
pass), which is what lets an engine run them in parallel.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

import msgspec

from storyline.clean import Cleaner, TemplateMemory
from storyline.config import Config
from storyline.errors import InputError, StageError
from storyline.extract.stage import Extractor
from storyline.group import Grouper
from storyline.ingest import read_paths
from storyline.model import Article, Rejected, Story
from storyline.reconcile import article_place, read_event_day, reconcile_story
from storyline.reconcile.outlets import STATE_KEY, OutletHomes
from storyline.store import Batch, Store

log = logging.getLogger(__name__)

TEMPLATES_KEY = "clean.templates"
GROUPER_KEY = "group.index"
# fields an Article has when it leaves ingest
INGESTED = ("id", "raw_text", "raw_html", "url", "feed_title", "feed_published", "feed_outlet")

Progress = Callable[[int, int], None]
# Articles per transaction. Big enough that an outlet's pages in one feed are observed together
# before cleaning (template learning) and that commits are cheap; small enough that a killed
# run loses at most one chunk of work and memory stays flat on large feeds.
CHUNK = int(os.environ.get("STORYLINE_CHUNK", 2000))  # lowered by the crash-loop test
MAX_LISTED = 100_000  # article ids kept in a run report
# A story's claims are reconciled from the facts of its latest this-many reports (every report stays
# in its article list and dates): later reports supersede earlier ones, and a story this long
# (a campaign, a war) would otherwise reload all its facts with every chunk. Hand-set; no dev-set
# story comes near it (the largest has 25 articles, on timex-dev), so no dev figure moves.
RECONCILE_RECENT = 100
# Touched stories reconciled per read of the store: bounds what one read holds to this many stories'
# latest RECONCILE_RECENT reports with their facts (~40 a report). Hand-set: memory, not quality.
RECONCILE_BATCH = 16
CHANGED_ID = "id already stored with different content; give the new version a new id"
# Below this many new articles a process pool costs more than it saves (fork + pickling
# ~0.1 s against ~10 ms of clean+extract per gva-dev article).
PARALLEL_MIN = 64
# Share of the last chunk cleaned and extracted while this process groups and stores the rest (see
# _tail_split). Set from the stage times of gva-dev (benchmarks/bench_e2e.py, quiet machine): per
# article ~5.8 ms of the workers' wall time and ~3.9 ms of grouping, reconciling and commit here; the
# run takes about (1-t)·5.8 + max((1-t)·3.9, 1.5·t·5.8) + t·3.9 ms an article (the tail's workers share
# the cores with this process), lowest near t = 0.3 (8.0 ms against 9.7 unsplit).
TAIL_SHARE = 0.3


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StageInfo:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


CLEAN = StageInfo(
    "clean",
    ("raw_text", "raw_html", "url", "feed_title", "feed_published", "feed_outlet"),
    ("title", "published", "outlet", "authors", "body", "captions"),
)
# the per-article part of reconciling, run with clean and extract in the workers (reconcile.read_event_day)
EVENT_DAY = StageInfo("event day", ("title", "published", "facts"), ("event_day",))
GROUP = StageInfo("group", ("body", "title", "published", "facts", "event_day"), ("story_id", "duplicate_of"))
RECONCILE = StageInfo("reconcile", ("story_id", "duplicate_of", "facts"), ("claims", "event record"))


def analyze(stages: Sequence[Stage | StageInfo]) -> None:
    """Refuse to run when a stage reads a field no earlier stage assigns (spaCy's analyze_pipes)."""
    available = set(INGESTED)
    for stage in stages:
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise StageError(f"stage {stage.name} needs {', '.join(missing)}, which no earlier stage assigns")
        available.update(stage.assigns)


@dataclass(slots=True)
class RunReport:
    """What one run did, for the CLI summary and the API's job status."""

    read: int = 0
    new: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)  # the first MAX_LISTED; the store has all
    n_rejected: int = 0
    story_ids: list[str] = field(default_factory=list)  # stories the inputs belong to
    article_ids: list[str] = field(default_factory=list)


class Pipeline:
    """The stages built from one frozen config, run over batches of inputs into one store."""

    def __init__(self, config: Config, store: Store) -> None:
        self.config = config
        self.store = store
        self.extractor = Extractor(config.extract)
        self.stages: list[Stage | StageInfo] = [CLEAN, self.extractor, EVENT_DAY, GROUP, RECONCILE]
        self._grouper: tuple[Grouper, bytes] | None = None  # after this run's last commit, with its state's digest
        analyze(self.stages)
        log.info("stages: %s", " → ".join(s.name for s in self.stages))

    # -- per-article stages ---------------------------------------------------------------------
    def clean_and_extract(
        self, articles: list[Article], memory: TemplateMemory, progress: Progress | None = None
    ) -> tuple[list[Article], list[Rejected]]:
        cleaner = Cleaner(self.config.clean, memory)
        kept: list[Article] = []
        rejected: list[Rejected] = []
        for i, article in enumerate(articles, start=1):
            try:
                cleaner.clean(article)
                self.extractor.process(article)
                read_event_day(article)
                kept.append(article)
            except InputError as exc:
                rejected.append(Rejected(article.id, str(exc), article.source))
            except Exception as exc:  # one page must not end a run over millions
                # a bug in a cleaner or extractor: logged with its traceback, the page is set aside
                # with the reason, and the run goes on (the page can be re-run after a fix)
                log.exception("internal error on article %s", article.id)
                rejected.append(Rejected(article.id, f"internal error in clean/extract: {exc!r}", article.source))
            if progress:
                progress(i, len(articles))
        return kept, rejected

    def local_clean_extract(
        self, articles: list[Article], memory: TemplateMemory, progress: Progress | None = None
    ) -> tuple[list[Article], list[Rejected]]:
        """clean+extract over a pool of forked processes (one per core), results in input order."""
        return self.start_clean_extract(articles, memory, progress)()

    def start_clean_extract(
        self, articles: list[Article], memory: TemplateMemory, progress: Progress | None = None
    ) -> Callable[[], tuple[list[Article], list[Rejected]]]:
        """Start clean+extract and return the call that waits for its result, so this process can
        group and store the previous chunk meanwhile.

        Both stages are pure functions of the article and the template memory, so the result is
        the serial one, in input order. Small batches and one-core machines run serially, in
        this process, before this returns. The pool is forked here, in the calling
        thread, before this process does anything else."""
        if self.config.engine == "dask":
            from storyline.engine import dask_start_clean_extract

            return dask_start_clean_extract(self.config, memory, articles, progress)
        workers = self.config.workers or os.cpu_count() or 1
        if workers <= 1 or len(articles) < PARALLEL_MIN or "fork" not in mp.get_all_start_methods():
            result = self.clean_and_extract(articles, memory, progress)  # now: memory changes next chunk
            return lambda: result
        self.extractor.warm()  # loaded once here, shared by the forked workers
        size = -(-len(articles) // (workers * 4))
        parts = [articles[i : i + size] for i in range(0, len(articles), size)]
        pool = ProcessPoolExecutor(
            workers, mp_context=mp.get_context("fork"), initializer=_init_worker, initargs=(self, memory)
        )
        futures = [pool.submit(_work, _ENCODE(part)) for part in parts]

        def collect() -> tuple[list[Article], list[Rejected]]:
            kept: list[Article] = []
            rejected: list[Rejected] = []
            done = 0
            try:
                for part, future in zip(parts, futures, strict=True):
                    k, r = _DECODE_RESULT(future.result())
                    _shared_strings(k)
                    kept += k
                    rejected += r
                    done += len(part)
                    if progress:
                        progress(done, len(articles))
            finally:
                pool.shutdown(cancel_futures=True)
                parts.clear()  # the inputs: what came back replaces them
                futures.clear()
            return kept, rejected

        return collect

    # -- the whole run ----------------------------------------------------------------------------
    def run(self, paths: Iterable[str | Path], progress: Progress | None = None) -> RunReport:
        return self.run_items(read_paths(paths), progress)

    def run_items(self, items: Iterable[Article | Rejected], progress: Progress | None = None) -> RunReport:
        """Process inputs in chunks, one transaction each: a killed run keeps every finished chunk,
        and running it again skips what is stored (content hash) and goes on where it stopped.

        Two chunks are in flight: while the workers clean and extract one, this process groups,
        reconciles and stores the one before (on two cores the grouping no longer leaves a core
        idle)."""
        report = RunReport()
        story_ids: set[str] = set()
        memory = self._templates()
        pending: _Pending | None = None
        for chunk, last in _chunks(items, CHUNK):
            articles = [i for i in chunk if isinstance(i, Article)]
            rejected = [i for i in chunk if isinstance(i, Rejected)]
            report.read += len(articles)
            fresh = self._fresh(articles, report, rejected)
            cleaner = Cleaner(self.config.clean, memory)
            for article in fresh:
                cleaner.observe(article)
            templates = memory.dumps()
            base = report.read - len(articles)
            parts = _tail_split(fresh) if last else [fresh]
            tail = {a.id for a in parts[-1]} if len(parts) > 1 else set()
            for i, part in enumerate(parts):

                def part_progress(done: int, _total: int, base: int = base) -> None:
                    if progress:
                        progress(base + done, report.read)

                # the previous part's workers finish before this part's are forked: one pool at a time
                done = pending.collect() if pending is not None else None
                collect = self.start_clean_extract(part, memory, part_progress)
                ids = [a.id for a in articles if (a.id in tail) == (i > 0)]  # in input order
                started = _Pending(ids, rejected if i == 0 else [], templates, collect)
                base += len(part)
                if pending is not None and done is not None:
                    story_ids |= self._store(pending, done, report)
                pending, done = started, None
            del chunk, articles, fresh, parts, part  # the workers have them; this process keeps only the ids
        if pending is not None:
            story_ids |= self._store(pending, pending.collect(), report)
        report.story_ids = sorted(story_ids)
        return report

    def _store(self, chunk: _Pending, done: tuple[list[Article], list[Rejected]], report: RunReport) -> set[str]:
        """Group, reconcile and store one cleaned chunk in one transaction; the stories it touched."""
        kept, dropped = done
        rejected = chunk.rejected + dropped
        # Grouping reads and writes the grouper's index: under the store's write lock, another
        # process's chunk committed since we started is seen, and nothing is stored twice.
        with self.store.write_lock():
            kept = self._still_new(kept, report, rejected)
            report.new += len(kept)
            grouper = self._grouper_for(self.store.get_state(GROUPER_KEY))
            self._grouper = None  # until this commit lands
            homes = OutletHomes.loads(self.store.get_state(STATE_KEY))
            batch = self._group_and_reconcile(kept, grouper, homes)
            batch.rejected = rejected
            batch.state[TEMPLATES_KEY] = chunk.templates
            self.store.commit(batch)
            self._grouper = (grouper, _digest(batch.state[GROUPER_KEY]))
        report.n_rejected += len(rejected)
        report.rejected += rejected[: max(0, MAX_LISTED - len(report.rejected))]
        if len(report.article_ids) < MAX_LISTED:
            report.article_ids += chunk.article_ids[: MAX_LISTED - len(report.article_ids)]
        return self.store.story_ids_of(chunk.article_ids)

    def _grouper_for(self, state: bytes | None) -> Grouper:
        """The grouper this run left after its last commit when the stored state is still the one that
        commit wrote (no other writer since); else the stored state, read back.

        Reading the state back re-weights every held article with today's IDF and costs ~0.3 s per
        chunk at 10,000 held articles; the grouper kept in memory is the one-pass grouper, so a feed
        split in chunks (or the final chunk split in two, see _tail_split) groups as in one pass."""
        if self._grouper is not None and state is not None and _digest(state) == self._grouper[1]:
            return self._grouper[0]
        return Grouper(self.config.group, state=state)

    def _fresh(self, articles: list[Article], report: RunReport, rejected: list[Rejected]) -> list[Article]:
        """Articles not stored yet; the same input again changes nothing (content hash)."""
        unique: dict[str, Article] = {}
        for a in articles:
            if a.id in unique and unique[a.id].hash != a.hash:
                rejected.append(Rejected(a.id, "duplicate id in this run with different content", a.source))
                continue
            unique[a.id] = a
        status = self.store.article_status((a.id, a.hash) for a in unique.values())
        fresh = []
        for a in unique.values():
            if status[a.id] == "new":
                fresh.append(a)
            elif status[a.id] == "same":
                report.unchanged += 1
            else:
                rejected.append(Rejected(a.id, CHANGED_ID, a.source))
        return fresh

    def _still_new(self, kept: list[Article], report: RunReport, rejected: list[Rejected]) -> list[Article]:
        """Articles stored (by another writer, or from the chunk before) while these were cleaned:
        the same content counts as unchanged, other content under a stored id is rejected."""
        status = self.store.article_status((a.id, a.hash) for a in kept)
        for a in kept:
            if status[a.id] == "same":
                report.unchanged += 1
            elif status[a.id] != "new":
                rejected.append(Rejected(a.id, CHANGED_ID, a.source))
        return [a for a in kept if status[a.id] == "new"]

    def _templates(self) -> TemplateMemory:
        blob = self.store.get_state(TEMPLATES_KEY)
        return TemplateMemory.loads(blob) if blob else TemplateMemory()

    def _stored_members(self, story_ids: list[str]) -> list[Article]:
        """The stored articles of these stories, for reconciling them again: every article with its id,
        dates, title and outlet, and with body and facts for the latest RECONCILE_RECENT of each story.

        A long-running story is touched by almost every chunk; reloading all its bodies and facts each
        time made memory and time grow with the feed (a 627-article story at 21k resampled articles;
        with bodies still read for every report, peak RSS grew 36 MB per 2,000 articles past 10k)."""
        stored = self.store.articles(story_ids=story_ids, facts=False, raw=False, body=False)
        by_story: dict[str | None, list[Article]] = {}
        for a in stored:
            by_story.setdefault(a.story_id, []).append(a)
        recent: set[str] = set()
        for members in by_story.values():
            members.sort(key=lambda a: (a.best_published or date.min, a.id), reverse=True)
            recent.update(a.id for a in members[:RECONCILE_RECENT])
        full = {a.id: a for a in self.store.articles(ids=sorted(recent), facts=True, raw=False)}
        return [full.get(a.id, a) for a in stored]

    def _learn_homes(self, kept: list[Article], homes: OutletHomes) -> set[str]:
        """Count the chunk's articles into where their outlets report from; the stored stories of every outlet
        whose home state or town that changed, to be reconciled again: a story is always placed with what the
        feed so far tells of its outlets, whatever order its articles came in (gva-dev through the pipeline, the
        head of the feed reconciled before its tail taught some outlets' homes: city 0.8295 -> 0.8325, what the
        whole feed's homes give)."""
        outlets = {a.site for a in kept if a.site is not None}
        before = {key: homes.home(key) for key in outlets}
        for article in kept:
            homes.observe(article, article_place(article))
        changed = {key for key in outlets if homes.home(key) != before[key]}
        return self.store.story_ids_of_sites(changed) if changed else set()

    def _group_and_reconcile(self, kept: list[Article], grouper: Grouper, homes: OutletHomes) -> Batch:
        """Group the chunk, learn where its outlets report from, then reconcile every story it touched,
        RECONCILE_BATCH stories at a time: what is read back from the store at once stays bounded however
        many stories a chunk touches and however long they are (a resampled stream touched 144 stories of
        up to 270 reports)."""
        rehomed = self._learn_homes(kept, homes)
        for article in sorted(kept, key=lambda a: (a.best_published or date.min, a.id)):
            grouper.add(article)
        merges = grouper.take_merges()
        new: dict[str, list[Article]] = {}
        for a in kept:
            # an article that joined a story which a later article of this chunk merged into another
            a.story_id = _follow(merges, a.story_id)
            if a.story_id:
                new.setdefault(a.story_id, []).append(a)
        sources: dict[str, list[str]] = {}  # surviving story -> the stored stories it now holds
        for story_id in sorted(set(new) | set(merges.values())):
            sources[story_id] = [story_id]
        for story_id in sorted(rehomed):  # stored stories of outlets whose home this chunk told
            target = _follow(merges, story_id)
            if target is not None:
                sources.setdefault(target, [target])
        for absorbed in sorted(merges):
            target = _follow(merges, absorbed)
            if target is not None:
                sources.setdefault(target, [target]).append(absorbed)
        moved: dict[str, str] = {}
        stories: list[Story] = []
        targets = sorted(sources)
        for i in range(0, len(targets), RECONCILE_BATCH):
            batch = targets[i : i + RECONCILE_BATCH]
            members: dict[str, list[Article]] = {t: list(new.get(t, [])) for t in batch}
            for a in self._stored_members([s for t in batch for s in sources[t]]):
                target = _follow(merges, a.story_id)
                if target != a.story_id and target is not None:
                    moved[a.id] = target
                    a.story_id = target
                if a.story_id in members:
                    members[a.story_id].append(a)
            stories += [reconcile_story(sid, arts, homes) for sid, arts in members.items() if arts]
        return Batch(
            articles=kept,
            moved=moved,
            stories=stories,
            dropped_stories=set(merges) - {s.story_id for s in stories},
            state={GROUPER_KEY: grouper.dumps(), STATE_KEY: homes.dumps()},
        )


@dataclass(slots=True)
class _Pending:
    """A chunk whose clean+extract is running: its inputs' ids, the rejects so far, the template memory
    as observed up to this chunk (stored with it), and the call that waits for the result."""

    article_ids: list[str]
    rejected: list[Rejected]
    templates: bytes
    collect: Callable[[], tuple[list[Article], list[Rejected]]]


# Articles cross to and from the workers as msgpack: msgspec encodes and decodes them ~5x cheaper than
# pickle (300 gva-dev articles with 12,771 facts: encode 0.118 -> 0.023 s, decode 0.166 -> 0.034 s CPU,
# most of it here in the main process, which is the busier one) and yields equal objects.
_ENCODE = msgspec.msgpack.Encoder().encode
_DECODE_PART = msgspec.msgpack.Decoder(list[Article]).decode
_DECODE_RESULT = msgspec.msgpack.Decoder(tuple[list[Article], list[Rejected]]).decode


def _shared_strings(articles: list[Article]) -> None:
    """One string object for the values a chunk's facts repeat (as pickle's memo gave): an article's ~40
    facts name ~15 sentences, and msgpack decodes every copy anew (+30% memory for a chunk otherwise)."""
    memo: dict[str, str] = {}
    share = memo.setdefault
    for a in articles:
        for f in a.facts:
            f.article_id, f.sentence, f.extractor, f.extractor_version = (
                share(f.article_id, f.article_id), share(f.sentence, f.sentence),
                share(f.extractor, f.extractor), share(f.extractor_version, f.extractor_version),
            )  # fmt: skip


# Set in each forked worker by _init_worker: the parent's pipeline and this chunk's memory.
_worker: tuple[Pipeline, TemplateMemory] | None = None


def _init_worker(pipeline: Pipeline, memory: TemplateMemory) -> None:
    global _worker
    _worker = (pipeline, memory)


def _work(part: bytes) -> bytes:
    """clean+extract of one part in a worker, msgpack in and out (see _ENCODE)."""
    assert _worker is not None, "worker not initialised"
    pipeline, memory = _worker
    return _ENCODE(pipeline.clean_and_extract(_DECODE_PART(part), memory))


def _chunks(items: Iterable[Article | Rejected], size: int) -> Iterator[tuple[list[Article | Rejected], bool]]:
    """Chunks of ``size`` items, each with whether it is the last (one item read ahead)."""
    chunk: list[Article | Rejected] = []
    for item in items:
        if len(chunk) >= size:
            yield chunk, False
            chunk = []
        chunk.append(item)
    if chunk:
        yield chunk, True


def _tail_split(fresh: list[Article]) -> list[list[Article]]:
    """The last chunk of a run as two parts, so that the workers clean and extract the tail while this
    process groups and stores the head (a one-chunk feed otherwise leaves a core idle through its
    grouping, reconciling and commit: 8.2 of 21.6 s on gva-dev).

    Only when every article has a feed date: grouping takes a chunk's articles in publication order,
    and with feed dates that order is known before cleaning, so the head and tail, cut from it, are
    grouped in the same order as the whole chunk (the grouper stays in memory between them)."""
    if len(fresh) < 4 * PARALLEL_MIN or any(a.feed_published is None for a in fresh):
        return [fresh]
    ordered = sorted(fresh, key=lambda a: (a.feed_published or date.min, a.id))
    cut = len(ordered) - round(len(ordered) * TAIL_SHARE)
    return [ordered[:cut], ordered[cut:]]


def _digest(state: bytes) -> bytes:
    return hashlib.blake2b(state, digest_size=16).digest()


def _follow(merges: dict[str, str], story_id: str | None) -> str | None:
    seen: set[str] = set()
    while story_id in merges and story_id not in seen:
        seen.add(story_id)
        story_id = merges[story_id]
    return story_id
