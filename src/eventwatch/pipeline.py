"""The main job: inputs → ingest → clean → code (engine) → store, with a run summary.

Side effects (reading files, writing the database, reporting progress) live here and in the
CLI; every stage in between is a function of its input records.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventwatch.dedup import DuplicateFinder
from eventwatch.dictionaries import load_dictionaries
from eventwatch.engine import CodedBatch, EngineSettings, run_batches
from eventwatch.ingest import read_inputs
from eventwatch.records import Article, Reject, RunSummary
from eventwatch.store import Store

Progress = Callable[[str, int], None]


@dataclass(slots=True)
class _Tally:
    articles: int = 0
    new_articles: int = 0
    skipped: int = 0
    events: int = 0
    new_events: int = 0
    rejects: list[Reject] = field(default_factory=list)


def run(paths: Iterable[str | Path], store: Store, settings: EngineSettings = EngineSettings(),
        progress: Progress | None = None) -> RunSummary:
    """Ingest, code and store everything under ``paths``; bad items become rejects."""
    started = time.perf_counter()
    version = load_dictionaries(settings.dictionaries).version
    tally = _Tally()
    report = progress or (lambda _stage, _n: None)
    finder = DuplicateFinder()
    duplicates: dict[str, str] = {}

    def articles() -> Iterator[Article]:
        seen: set[str] = set()
        for item in read_inputs(paths):
            if isinstance(item, Reject):
                tally.rejects.append(item)
                report("reject", 1)
                continue
            tally.articles += 1
            report("read", 1)
            if item.id in seen:
                continue
            seen.add(item.id)
            original = finder.add(item)
            if original:
                duplicates[item.id] = original
            yield item

    def fresh(items: Iterator[Article]) -> Iterator[Article]:
        """Skip articles already coded with these dictionaries: re-runs add nothing."""
        buffer: list[Article] = []
        for article in items:
            buffer.append(article)
            if len(buffer) >= 256:
                yield from _unstored(buffer, store, version, tally)
                buffer = []
        yield from _unstored(buffer, store, version, tally)

    def on_batch(batch: CodedBatch) -> None:
        if batch.rejects:
            tally.rejects.extend(batch.rejects)
            report("reject", len(batch.rejects))
        new_articles, new_events = store.add_coded(batch.articles, batch.events, version,
                                                   batch.quotes, duplicates)
        tally.new_articles += new_articles
        tally.events += len(batch.events)
        tally.new_events += new_events
        report("coded", len(batch.articles))

    run_batches(fresh(articles()), settings, on_batch)
    store.add_rejects(tally.rejects)
    return RunSummary(
        articles=tally.articles,
        new_articles=tally.new_articles,
        events=tally.events,
        new_events=tally.new_events,
        rejects=len(tally.rejects),
        seconds=time.perf_counter() - started,
        reject_items=tuple(tally.rejects),
    )


def _unstored(buffer: list[Article], store: Store, version: str, tally: _Tally
              ) -> Iterator[Article]:
    coded = store.coded_versions([a.id for a in buffer])
    for article in buffer:
        if coded.get(article.id) == version:
            tally.skipped += 1
            continue
        yield article
