"""Exports: stored events out as GDELT 2.0 TSV, Parquet (hive-partitioned by month), CSV or
JSONL. Every exporter has the same shape, ``(con, where, params, out, header) -> rows``, and
reads through a read-only connection; the filter is the API's ``EventFilter``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb

from eventwatch.errors import EventwatchError
from eventwatch.export.gdelt import GDELT_COLUMNS, gdelt_lines
from eventwatch.store.queries import EventFilter

Exporter = Callable[[duckdb.DuckDBPyConnection, str, list[Any], Path, bool], int]
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


def export_gdelt(con: duckdb.DuckDBPyConnection, where: str, params: list[Any], out: Path,
                 header: bool) -> int:
    sql = (f"SELECT e.*, a.ingested_at, coalesce(a.url, a.origin) AS source_url, "
           f"g.mentions, g.outlets, g.articles "
           f"FROM (SELECT * FROM events WHERE {where}) e "
           f"LEFT JOIN articles a ON a.id = e.article_id "
           f"LEFT JOIN event_groups g ON g.event_key = e.event_key "
           f"ORDER BY e.date NULLS LAST, e.id")
    count = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        for line in gdelt_lines(_rows(con, sql, params), header):
            fh.write(line)
            count += 1
    return count - (1 if header else 0)


def export_parquet(con: duckdb.DuckDBPyConnection, where: str, params: list[Any], out: Path,
                   header: bool) -> int:
    """A directory ``month=YYYY-MM/`` per month (hive partitioning; undated events go to
    pyarrow's ``__HIVE_DEFAULT_PARTITION__``). Every ``events`` column is kept as stored."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    if out.exists() and any(out.iterdir()):
        raise ExportError(f"{out} exists and is not empty: choose a new directory")
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
    def export(con: duckdb.DuckDBPyConnection, where: str, params: list[Any], out: Path,
               header: bool) -> int:
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
                  flt: EventFilter | None = None, header: bool = False) -> int:
    """Write events matching ``flt`` to ``out`` in ``fmt``; returns how many were written."""
    if fmt not in EXPORTERS:
        raise ExportError(f"unknown format {fmt!r}: choose one of {', '.join(EXPORTERS)}")
    where, params = (flt or EventFilter()).where()
    path = Path(out)
    if fmt != "parquet":
        path.parent.mkdir(parents=True, exist_ok=True)
    return EXPORTERS[fmt](con, where, params, path, header)


__all__ = ["EXPORTERS", "GDELT_COLUMNS", "ExportError", "Exporter", "export_events"]
