"""Store access for the server and the ingest jobs that write to it.

Reads go straight to the ``Store`` (the same calls ``Storyline`` makes), so a read-only
server needs no NLP stack: the pipeline is imported and built on the first ingest only.
A pool of store connections serves request threads on a file or server database (SQLite
in WAL mode lets readers run beside the writer); ``:memory:`` has one shared, locked
store, since a second connection would be a second, empty database.

Writes: one job at a time, on one worker thread, in submission order, so two ingests never
race on the grouper state. A job's status is kept in memory (the last ``KEEP_JOBS``).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from storyline.config import Config
from storyline.errors import StorylineError
from storyline.model import Article, Rejected
from storyline.store import Store, open_store

if TYPE_CHECKING:
    from storyline.pipeline import Pipeline, RunReport

log = logging.getLogger(__name__)

JobStatus = Literal["queued", "running", "done", "failed"]
Items = list[Article | Rejected]
KEEP_JOBS = 200  # finished jobs remembered for their status resource; older ones are forgotten


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _in_memory(db: str) -> bool:
    return db == ":memory:" or db.startswith("file::memory:")


class StoreAccess:
    """Stores for request threads and the ingest worker's pipeline, closed together."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.shared = _in_memory(config.db)
        self._lock = threading.RLock()
        self._idle: list[Store] = []  # readers not in use; as many exist as requests ran at once
        self._all: list[Store] = []
        self._main = open_store(config.db)  # opens (and creates) the store now: errors show at start
        self._all.append(self._main)
        self._pipeline: Pipeline | None = None  # kept between jobs: building it loads spaCy

    @contextmanager
    def read(self) -> Iterator[Store]:
        if self.shared:
            with self._lock:
                yield self._main
            return
        with self._lock:
            store = self._idle.pop() if self._idle else None
        if store is None:
            store = open_store(self.config.db)
            with self._lock:
                self._all.append(store)
        try:
            yield store
        finally:
            with self._lock:
                self._idle.append(store)

    def run_items(self, items: Items) -> RunReport:
        """Run the pipeline over ``items`` into the store (called on the ingest worker thread only)."""
        from storyline.pipeline import Pipeline  # the NLP stack loads on the first write, not at start

        with self._write_lock():
            if self._pipeline is None:
                store = self._main if self.shared else open_store(self.config.db)
                if store is not self._main:
                    self._all.append(store)
                self._pipeline = Pipeline(self.config, store)
            return self._pipeline.run_items(items)

    @contextmanager
    def _write_lock(self) -> Iterator[None]:
        if self.shared:  # readers and the writer share one connection
            with self._lock:
                yield
        else:
            yield

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                store.close()
            self._all.clear()
            self._idle.clear()


@dataclass(slots=True)
class Job:
    id: str
    kind: str  # "page", "feed" or "url"
    inputs: int
    status: JobStatus = "queued"
    submitted: str = field(default_factory=_now)
    started: str | None = None
    finished: str | None = None
    report: dict[str, Any] | None = None
    error: str | None = None

    def json(self) -> dict[str, Any]:
        return {
            "job_id": self.id,
            "kind": self.kind,
            "inputs": self.inputs,
            "status": self.status,
            "submitted": self.submitted,
            "started": self.started,
            "finished": self.finished,
            "report": self.report,
            "error": self.error,
            "url": f"/api/jobs/{self.id}",
        }


class Jobs:
    """Ingest jobs run one at a time on a worker thread; status kept for the last KEEP_JOBS."""

    def __init__(self, access: StoreAccess) -> None:
        self.access = access
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyline-ingest")
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._futures: dict[str, Future[None]] = {}
        self._lock = threading.Lock()

    def submit(self, kind: str, inputs: int, make_items: Callable[[], Items]) -> Job:
        job = Job(id=uuid.uuid4().hex[:16], kind=kind, inputs=inputs)
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()
            self._futures[job.id] = self._pool.submit(self._run, job, make_items)
        return job

    def wait(self, job: Job, seconds: float) -> Job:
        future = self._futures.get(job.id)
        if future is not None and seconds > 0:
            with suppress(FutureTimeout):
                future.result(timeout=seconds)
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def all(self) -> list[Job]:
        with self._lock:
            return list(reversed(self._jobs.values()))

    def _forget_old(self) -> None:
        finished = [j.id for j in self._jobs.values() if j.status in ("done", "failed")]
        for job_id in finished[: max(0, len(self._jobs) - KEEP_JOBS)]:
            self._jobs.pop(job_id, None)
            self._futures.pop(job_id, None)

    def _run(self, job: Job, make_items: Callable[[], Items]) -> None:
        job.status, job.started = "running", _now()
        try:
            report = self.access.run_items(make_items())
            job.report = {
                "read": report.read,
                "new": report.new,
                "unchanged": report.unchanged,
                "rejected": [{"id": r.id, "reason": r.reason} for r in report.rejected],
                "story_ids": report.story_ids,
                "article_ids": report.article_ids,
            }
            job.status = "done"
        except StorylineError as exc:
            job.status, job.error = "failed", str(exc)
        except Exception as exc:  # a job must end with a status, whatever broke; the trace goes to the log
            log.exception("ingest job %s failed", job.id)
            job.status, job.error = "failed", f"internal error: {type(exc).__name__}"
        finally:
            job.finished = _now()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
