"""The Dask engine: the per-article stages (clean, extract) spread over Dask workers.

``storyline run --engine dask`` starts a LocalCluster on this machine (one single-threaded
worker process per core) or joins the cluster at ``--scheduler ADDRESS``. Each worker builds
the same ``Pipeline`` from the same frozen config once and runs ``Pipeline.clean_and_extract``
on its partitions, so the articles that come back are those the local engine makes; grouping
and reconciling stay in the calling process, in input order. See docs/scale.md for clusters.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from storyline.errors import ConfigError

if TYPE_CHECKING:
    from storyline.clean.template import TemplateMemory
    from storyline.config import Config
    from storyline.model import Article, Rejected
    from storyline.pipeline import Pipeline, Progress

log = logging.getLogger(__name__)

# Partitions per worker: enough that a slow partition does not leave the other workers idle at
# the end, few enough that per-task overhead (~1 ms plus pickling) stays negligible next to
# ~10-20 ms of cleaning and extraction per article (gva-dev, benchmarks/bench_dask.py).
PARTITIONS_PER_WORKER = 4
MIN_PARTITION = 8  # articles; smaller partitions cost more in scheduling than they save
# The LocalCluster's workers run without distributed's statistical profiler (it takes the GIL to walk
# the task thread's stack every 10 ms) and its GIL monitor, and check their event loop's health every
# half second instead of every 20 ms: storyline's tasks are pure Python holding the GIL, so each wake-up
# costs the task, and none shows anything a user of `storyline run` reads. benchmarks/bench_dask.py
# --limit 400, quiet machine: profiler off 1.59x (the local pool 1.74x in the same run). A real
# cluster keeps its own configuration.
LOCAL_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
}


class DaskEngine:
    """One Dask client (and its LocalCluster when no scheduler is given), reused across chunks."""

    def __init__(self, scheduler: str | None = None, n_workers: int | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigError("--engine dask needs dask and distributed: pip install 'storyline[scale]'") from exc
        self.cluster: Any = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="30s")
            else:
                import dask

                with dask.config.set(LOCAL_WORKER_CONFIG):  # the nannies pass it on to their workers
                    self.cluster = LocalCluster(
                        n_workers=n_workers or os.cpu_count() or 1,
                        threads_per_worker=1,  # spaCy and the cleaners hold the GIL: processes, not threads
                        processes=True,
                        dashboard_address=None,
                    )
                self.client = Client(self.cluster)
        except OSError as exc:  # includes timeouts reaching the scheduler
            raise ConfigError(f"cannot reach the Dask scheduler {scheduler or '(local)'}: {exc}") from exc
        log.info("dask engine: %s", self.client)

    @property
    def n_workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def clean_and_extract(
        self,
        config: Config,
        memory: TemplateMemory,
        articles: list[Article],
        progress: Progress | None = None,
    ) -> tuple[list[Article], list[Rejected]]:
        """``Pipeline.clean_and_extract`` on the workers; results in input order."""
        return self.start(config, memory, articles, progress)()

    def start(
        self,
        config: Config,
        memory: TemplateMemory,
        articles: list[Article],
        progress: Progress | None = None,
    ) -> Callable[[], tuple[list[Article], list[Rejected]]]:
        """Submit the partitions now; the returned call waits for them (results in input order)."""
        if not articles:
            return lambda: ([], [])
        parts = partition(articles, self.n_workers * PARTITIONS_PER_WORKER)
        shared = self.client.scatter(memory, broadcast=True)
        futures = [self.client.submit(_work, config, shared, part, pure=False) for part in parts]

        def collect() -> tuple[list[Article], list[Rejected]]:
            from distributed import as_completed

            index = {f.key: i for i, f in enumerate(futures)}
            results: list[Any] = [None] * len(futures)
            done = 0
            for future in as_completed(futures):
                i = index[future.key]
                results[i] = future.result()
                done += len(parts[i])
                if progress:
                    progress(done, len(articles))
            kept = [a for r in results for a in r[0]]
            rejected = [x for r in results for x in r[1]]
            return kept, rejected

        return collect

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def partition(items: list[Article], parts: int) -> list[list[Article]]:
    """Consecutive slices of about equal size, at least MIN_PARTITION items each."""
    size = max(MIN_PARTITION, -(-len(items) // max(parts, 1)))
    return [items[i : i + size] for i in range(0, len(items), size)]


def _work(config: Config, memory: TemplateMemory, articles: list[Article]) -> tuple[list[Article], list[Rejected]]:
    """On a worker: the local engine's own code, with a pipeline built once per worker and config."""
    from distributed import get_worker

    worker = get_worker()
    cache: dict[Any, Pipeline] = worker.__dict__.setdefault("_storyline_pipelines", {})
    pipeline = cache.get(config)
    if pipeline is None:
        from storyline.pipeline import Pipeline

        pipeline = cache[config] = Pipeline(config, cast(Any, None))  # the store is not used here
    return pipeline.clean_and_extract(articles, memory)


# One engine per scheduler address for the life of the process: the pipeline calls
# dask_start_clean_extract once per chunk, and a LocalCluster (plus a spaCy load per worker) takes
# seconds to start. Closed at exit.
_engines: dict[str | None, DaskEngine] = {}
_engines_lock = threading.Lock()


def engine_for(scheduler: str | None) -> DaskEngine:
    with _engines_lock:
        if scheduler not in _engines:
            _engines[scheduler] = DaskEngine(scheduler)
        return _engines[scheduler]


def close_engines() -> None:
    with _engines_lock:
        while _engines:
            _, engine = _engines.popitem()
            engine.close()


atexit.register(close_engines)


def dask_start_clean_extract(
    config: Config, memory: TemplateMemory, fresh_articles: list[Article], progress: Progress | None = None
) -> Callable[[], tuple[list[Article], list[Rejected]]]:
    """The pipeline's hook for ``engine = "dask"`` (see Pipeline.start_clean_extract)."""
    return engine_for(config.scheduler).start(config, memory, fresh_articles, progress)
