"""Read-side queries over the store: filtered events, dyad time series, run summaries.

Actor filters match CAMEO code prefixes, so ``TUR`` finds ``TURGOV`` and ``TURMIL`` and
``IGOUNO`` finds UN bodies. Dyads are undirected: ``TUR,RUS`` counts both directions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from eventwatch.store import Store

PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}


@dataclass(frozen=True, slots=True)
class EventFilter:
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    root: str | None = None
    code: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    include_negated: bool = False

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if not self.include_negated:
            clauses.append("NOT negated")
        if self.actor:
            clauses.append("(starts_with(source_code, ?) OR starts_with(target_code, ?))")
            params += [self.actor, self.actor]
        if self.source:
            clauses.append("starts_with(source_code, ?)")
            params.append(self.source)
        if self.target:
            clauses.append("starts_with(target_code, ?)")
            params.append(self.target)
        if self.dyad:
            a, b = self.dyad
            clauses.append("((starts_with(source_code, ?) AND starts_with(target_code, ?)) OR "
                           "(starts_with(source_code, ?) AND starts_with(target_code, ?)))")
            params += [a, b, b, a]
        if self.root:
            clauses.append("root = ?")
            params.append(self.root.zfill(2))
        if self.code:
            clauses.append("starts_with(code, ?)")
            params.append(self.code)
        if self.since:
            clauses.append("date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("date <= ?")
            params.append(self.until)
        return (" AND ".join(clauses) or "TRUE"), params


def select_events(store: Store, flt: EventFilter, limit: int | None = None) -> list[dict[str, Any]]:
    where, params = flt.where()
    sql = f"SELECT * FROM events WHERE {where} ORDER BY date NULLS LAST, article_id, " \
          "sentence_index, trigger_start, id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return store.query(sql, params)


def dyad_series(store: Store, a: str, b: str, by: str = "year") -> list[dict[str, Any]]:
    """Events between ``a`` and ``b`` per period: counts per quad class and Goldstein."""
    period = PERIODS[by]
    where, params = EventFilter(dyad=(a, b)).where()
    return store.query(
        f"""SELECT date_trunc('{period}', date)::DATE AS period, count(*) AS events,
                   count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
                   count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
                   round(sum(goldstein), 1) AS goldstein_sum,
                   round(avg(goldstein), 2) AS goldstein_mean
            FROM events WHERE {where} AND date IS NOT NULL
            GROUP BY 1 ORDER BY 1""",
        params,
    )


def top_dyads(store: Store, limit: int = 10) -> list[dict[str, Any]]:
    """Most frequent country-level dyads (organisations stand as their code)."""
    return store.query(
        """SELECT coalesce(source_country, source_code) AS source,
                  coalesce(target_country, target_code) AS target, count(*) AS events,
                  round(avg(goldstein), 2) AS goldstein_mean
           FROM events WHERE NOT negated AND target_code IS NOT NULL
           GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?""",
        [limit],
    )


def counts_by_root(store: Store) -> list[dict[str, Any]]:
    return store.query(
        """SELECT root, min(label) FILTER (WHERE length(code) = 2) AS root_label,
                  count(*) AS events
           FROM events WHERE NOT negated GROUP BY root ORDER BY root"""
    )
