"""Exports: stored events out as GDELT 2.0 TSV, Parquet (hive-partitioned by month), CSV or
JSONL. Every exporter has the same shape, ``(con, flt, out, header) -> rows``, and reads
through a read-only connection; the filter is the API's ``EventFilter``.

GDELT's event table has one row per real-world event with NumMentions/NumSources/NumArticles,
so the ``gdelt`` export writes one row per event group (``store.grouped``), its day-level
representative; ``per_report=True`` writes every stored report instead. Parquet, CSV and JSONL
keep every stored row (reports), with ``event_key`` naming each one's group."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb

from eventwatch.errors import EventwatchError
from eventwatch.export.gdelt import GDELT_COLUMNS, gdelt_lines
from eventwatch.store.grouped import groups_sql
from eventwatch.store.queries import EventFilter

Exporter = Callable[[duckdb.DuckDBPyConnection, EventFilter, Path, bool], int]
_ORDER = "ORDER BY date NULLS LAST, id"


class ExportError(EventwatchError):
    """The output could not be written (it exists already, or the format is unknown)."""


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any],
          size: int = 10_000) -> Iterator[dict[str, Any]]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(size):
        for row in batch:
            yield dict(zip(names, row, strict=True))


_GDELT_SELECT = """SELECT e.*, a.ingested_at, coalesce(a.url, a.origin) AS source_url,
                         g.mentions, g.outlets, g.articles"""
_GDELT_JOINS = """LEFT JOIN articles a ON a.id = e.article_id
                  LEFT JOIN event_groups g ON g.event_key = e.event_key
                  ORDER BY e.date NULLS LAST, e.id"""


def _write_gdelt(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any], out: Path,
                 header: bool) -> int:
    count = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        for line in gdelt_lines(_rows(con, sql, params), header):
            fh.write(line)
            count += 1
    return count - (1 if header else 0)


def export_gdelt(con: duckdb.DuckDBPyConnection, flt: EventFilter, out: Path,
                 header: bool) -> int:
    """One row per event group matching ``flt``: its representative (smallest id among its
    own day-level events), counts for the whole group."""
    groups, params = groups_sql(flt, (), representative=True)
    sql = (f"{_GDELT_SELECT} FROM ({groups}) m JOIN events e ON e.id = m.representative "
           f"{_GDELT_JOINS}")
    return _write_gdelt(con, sql, params, out, header)


def export_gdelt_reports(con: duckdb.DuckDBPyConnection, flt: EventFilter, out: Path,
                         header: bool) -> int:
    """One row per stored report (every mention), each with its group's counts."""
    where, params = flt.where()
    sql = f"{_GDELT_SELECT} FROM (SELECT * FROM events WHERE {where}) e {_GDELT_JOINS}"
    return _write_gdelt(con, sql, params, out, header)


def export_parquet(con: duckdb.DuckDBPyConnection, flt: EventFilter, out: Path,
                   header: bool) -> int:
    """A directory ``month=YYYY-MM/`` per month (hive partitioning; undated events go to
    pyarrow's ``__HIVE_DEFAULT_PARTITION__``). Every ``events`` column is kept as stored."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    if out.exists() and any(out.iterdir()):
        raise ExportError(f"{out} exists and is not empty: choose a new directory")
    where, params = flt.where()
    count = int(con.execute(f"SELECT count(*) FROM events WHERE {where}",
                            params).fetchall()[0][0])
    rows = con.sql(f"SELECT *, strftime(date, '%Y-%m') AS month FROM events WHERE {where} "
                   f"{_ORDER}", params=params).to_arrow_reader(65_536)
    ds.write_dataset(rows, out, format="parquet",
                     partitioning=ds.partitioning(pa.schema([("month", pa.string())]),
                                                  flavor="hive"),
                     existing_data_behavior="overwrite_or_ignore")
    return count


def _copy(options: str) -> Exporter:
    def export(con: duckdb.DuckDBPyConnection, flt: EventFilter, out: Path,
               header: bool) -> int:
        where, params = flt.where()
        written = con.execute(f"COPY (SELECT * FROM events WHERE {where} {_ORDER}) "
                              f"TO {_literal(out)} ({options})", params).fetchall()
        return int(written[0][0])
    return export


EXPORTERS: dict[str, Exporter] = {
    "gdelt": export_gdelt,
    "parquet": export_parquet,
    "csv": _copy("FORMAT csv, HEADER"),
    "jsonl": _copy("FORMAT json"),
}


def export_events(con: duckdb.DuckDBPyConnection, fmt: str, out: str | Path,
                  flt: EventFilter | None = None, header: bool = False,
                  per_report: bool = False) -> int:
    """Write events matching ``flt`` to ``out`` in ``fmt``; returns how many rows were
    written (event groups for ``gdelt`` unless ``per_report``, stored reports otherwise)."""
    if fmt not in EXPORTERS:
        raise ExportError(f"unknown format {fmt!r}: choose one of {', '.join(EXPORTERS)}")
    path = Path(out)
    if fmt != "parquet":
        path.parent.mkdir(parents=True, exist_ok=True)
    exporter = export_gdelt_reports if fmt == "gdelt" and per_report else EXPORTERS[fmt]
    return exporter(con, flt or EventFilter(), path, header)


__all__ = ["EXPORTERS", "GDELT_COLUMNS", "ExportError", "Exporter", "export_events"]
