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
from typing import TYPE_CHECKING

from eventwatch.dictionaries import load_dictionaries
from eventwatch.errors import E_CODING
from eventwatch.events import CoderSettings, analyse_article
from eventwatch.parse import MODEL, ParsedArticle, load_model, parse_articles
from eventwatch.placetime.annotate import annotate_article
from eventwatch.quotes import Quote
from eventwatch.records import Article, Event, Reject

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwatch.dictionaries.model import Dictionaries


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
    """The articles coded, their events and quotes, and the articles the coder failed on."""

    articles: tuple[Article, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...] = ()
    rejects: tuple[Reject, ...] = ()


def code_batch(articles: list[Article], settings: EngineSettings) -> CodedBatch:
    """Parse and code one batch (runs in a worker; model and dictionaries load once there).
    An article the coder fails on becomes a reject naming it and the error; the rest of the
    batch is coded."""
    dictionaries = load_dictionaries(settings.dictionaries)
    nlp = load_model(settings.model)
    coded: list[Article] = []
    events: list[Event] = []
    quotes: list[Quote] = []
    parsed_articles, rejects = parse_safely(articles, nlp, dictionaries.actors.has_candidate)
    for parsed in parsed_articles:
        result = code_safely(parsed, dictionaries, settings.coder)
        if isinstance(result, Reject):
            rejects.append(result)
            continue
        coded.append(parsed.article)
        events.extend(result[0])
        quotes.extend(result[1])
    return CodedBatch(tuple(coded), tuple(events), tuple(quotes), tuple(rejects))


def code_safely(parsed: ParsedArticle, dictionaries: Dictionaries, coder: CoderSettings
                ) -> tuple[list[Event], list[Quote]] | Reject:
    """One parsed article's placed and dated events and its quotes, or, if the coder fails
    on it (a bug), the reject naming it: the rest of a run or a batch goes on."""
    try:
        analysis = analyse_article(parsed, dictionaries, coder)
        return annotate_article(parsed, analysis.events), analysis.quotes
    except Exception as exc:
        return coding_failed(parsed.article, exc)


def parse_safely(articles: list[Article], nlp: Language, is_candidate: Callable[[str], bool]
                 ) -> tuple[list[ParsedArticle], list[Reject]]:
    """The batch parsed together; if that fails, each article alone, so only the one the
    parser (or our repairs of its output) fails on is lost, as a reject."""
    try:
        return list(parse_articles(articles, nlp, is_candidate)), []
    except Exception:
        parsed: list[ParsedArticle] = []
        rejects: list[Reject] = []
        for article in articles:
            try:
                parsed.extend(parse_articles([article], nlp, is_candidate))
            except Exception as exc:
                rejects.append(coding_failed(article, exc, "parser"))
        return parsed, rejects


def coding_failed(article: Article, exc: Exception, stage: str = "coder") -> Reject:
    """The reject for an article eventwatch failed on (``E_CODING``)."""
    where = article.origin or article.id
    return Reject(where, E_CODING,
                  f"{where}: the {stage} failed ({type(exc).__name__}: {exc}); please report it")


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
