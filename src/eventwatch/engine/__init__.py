"""Engine: run the stages over batches of articles, in this process or on worker processes.

The engine only schedules. Each batch goes through ``code_batch`` (parse → actors → events),
a pure function of the articles and a dictionary spec, so it can run on any worker; results
come back as small records and only the caller writes them to the store.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice

from eventwatch.dictionaries import load_dictionaries
from eventwatch.events import CoderSettings, analyse_article
from eventwatch.parse import MODEL, load_model, parse_articles
from eventwatch.placetime.annotate import annotate_article
from eventwatch.quotes import Quote
from eventwatch.records import Article, Event


@dataclass(frozen=True, slots=True)
class EngineSettings:
    """How to run: dictionary spec, worker processes, articles per batch."""

    dictionaries: str | None = None
    workers: int = 1
    batch_size: int = 32
    model: str = MODEL
    scheduler: str | None = None  # a Dask scheduler address, or "local" for a LocalCluster
    coder: CoderSettings = CoderSettings()


@dataclass(frozen=True, slots=True)
class CodedBatch:
    articles: tuple[Article, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...] = ()


def code_batch(articles: list[Article], settings: EngineSettings) -> CodedBatch:
    """Parse and code one batch (runs in a worker; model and dictionaries load once there)."""
    dictionaries = load_dictionaries(settings.dictionaries)
    nlp = load_model(settings.model)
    events: list[Event] = []
    quotes: list[Quote] = []
    for parsed in parse_articles(articles, nlp, dictionaries.actors.has_candidate):
        analysis = analyse_article(parsed, dictionaries, settings.coder)
        events.extend(annotate_article(parsed, analysis.events))
        quotes.extend(analysis.quotes)
    return CodedBatch(tuple(articles), tuple(events), tuple(quotes))


def _warm(settings: EngineSettings) -> None:
    load_dictionaries(settings.dictionaries)
    load_model(settings.model)


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def run_batches(articles: Iterable[Article], settings: EngineSettings,
                on_batch: Callable[[CodedBatch], None]) -> None:
    """Code every article, calling ``on_batch`` in input order as batches finish."""
    if settings.scheduler:
        from eventwatch.engine.dask import run_on_dask

        run_on_dask(articles, settings, on_batch)
        return
    if settings.workers <= 1:
        for batch in batches(articles, settings.batch_size):
            on_batch(code_batch(batch, settings))
        return
    workers = min(settings.workers, os.cpu_count() or 1)
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm,
                             initargs=(settings,)) as pool:
        pipeline(pool, articles, settings, on_batch, inflight=workers * 2)


def pipeline(pool: Executor, articles: Iterable[Article], settings: EngineSettings,
              on_batch: Callable[[CodedBatch], None], inflight: int) -> None:
    """Keep a bounded number of batches in flight so memory stays flat on big inputs."""
    pending: list[Future[CodedBatch]] = []
    for batch in batches(articles, settings.batch_size):
        pending.append(pool.submit(code_batch, batch, settings))
        if len(pending) >= inflight:
            on_batch(pending.pop(0).result())
    for future in pending:
        on_batch(future.result())


__all__ = ["CodedBatch", "EngineSettings", "batches", "code_batch", "pipeline", "run_batches"]
