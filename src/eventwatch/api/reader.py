"""The store opened read-only for the web: one DuckDB database, one cursor per request.

Read-only (Datasette's habit): the app never writes, and while it holds the file no writer can
open it, so answers cached for the app's lifetime (actor codes, events per period) stay true.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

import duckdb

from eventwatch.errors import StoreError
from eventwatch.store import queries, upgrade


class Cursor:
    """One request's view of the database; has the ``query`` the store queries need."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        result = self._con.execute(sql, list(params))
        names = [d[0] for d in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


class Reader:
    """A DuckDB file opened with ``read_only=True``; ``cursor()`` hands out per-request cursors."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}: create it with "
                             f"`eventwatch run PATH --db {self.path}`")
        self._lock = threading.Lock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._totals: dict[str, Mapping[dt.date, int]] = {}
        upgrade(self.path)
        self._connection()  # fail now, not on the first request
        for by in queries.PERIODS:  # now, not under the first requests' load (count distinct
            self.period_totals(by)  # groups: ~40 ms per period on a million reports)

    def _connection(self) -> duckdb.DuckDBPyConnection:
        """The open database; reopened after ``close()`` (an app may start and stop again)."""
        with self._lock:
            if self._con is None:
                try:
                    self._con = duckdb.connect(self.path, read_only=True)
                except duckdb.Error as exc:
                    raise StoreError(f"cannot open database {self.path} read-only: "
                                     f"{exc}") from exc
            return self._con

    @contextmanager
    def cursor(self) -> Iterator[Cursor]:
        con = self._connection().cursor()
        try:
            yield Cursor(con)
        finally:
            con.close()

    @cached_property
    def actor_codes(self) -> frozenset[str]:
        """Every stored actor code (computed once: the file cannot change while we hold it)."""
        with self.cursor() as cur:
            return queries.actor_codes(cur)

    def period_totals(self, by: str) -> Mapping[dt.date, int]:
        """All events per period (the denominator of ``share``), counted once per ``by``."""
        with self._lock:
            cached = self._totals.get(by)
        if cached is None:
            with self.cursor() as cur:
                cached = MappingProxyType(queries.period_totals(cur, by))
            with self._lock:
                self._totals[by] = cached
        return cached

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None


__all__ = ["Cursor", "Reader"]
