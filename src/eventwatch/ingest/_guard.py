"""The last line of defence: an unexpected error ends one item as a reject, never the run."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from eventwatch.errors import E_UNREADABLE
from eventwatch.records import Article, Reject

_log = logging.getLogger("eventwatch.ingest")


def guarded(item: str, results: Iterator[Article | Reject]) -> Iterator[Article | Reject]:
    """Yield from ``results``; on an unexpected error, a reject naming ``item`` instead."""
    try:
        yield from results
    except Exception as exc:
        _log.exception("unexpected error while reading %s", item)
        yield Reject(item, E_UNREADABLE, f"{item}: could not be read (internal error: {exc!r})")
