"""Read-side queries over the store: filtered events, dyad time series, run summaries.

Actor filters match CAMEO code prefixes, so ``TUR`` finds ``TURGOV`` and ``TURMIL`` and
``IGOUNO`` finds UN bodies. Dyads are undirected: ``TUR,RUS`` counts both directions.
Every value reaches DuckDB as a parameter; only whitelisted names (periods, sort order) are
written into the SQL text. The functions take anything with ``query(sql, params)``: the
writer's ``Store`` or the API's read-only cursor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from eventwatch.store.grouped import ACTOR_COLUMNS, OWN, groups_sql

PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}


class Queryable(Protocol):
    """What the queries need: ``Store`` and the API's read-only cursor both have it."""

    def query(self, sql: str, params: Any = ()) -> list[dict[str, Any]]: ...



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
    quad_class: int | None = None
    country: str | None = None  # ISO3: where it happened, or either actor's country
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    text: str | None = None  # plain substring of the sentence, case-insensitive
    event_key: str | None = None  # every report of one event group

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
        if self.quad_class is not None:
            clauses.append("quad_class = ?")
            params.append(self.quad_class)
        if self.country:
            clauses.append("(place_country = ? OR source_country = ? OR target_country = ?)")
            params += [self.country] * 3
        if self.bbox:
            # Only real places: a country-level place has no meaningful point.
            min_lon, min_lat, max_lon, max_lat = self.bbox
            clauses.append("place_precision <> 'country' AND lon BETWEEN ? AND ? "
                           "AND lat BETWEEN ? AND ?")
            params += [min_lon, max_lon, min_lat, max_lat]
        if self.text:
            clauses.append("contains(lower(sentence), ?)")
            params.append(self.text.lower())
        if self.event_key:
            clauses.append("event_key = ?")
            params.append(self.event_key)
        return (" AND ".join(clauses) or "TRUE"), params


def select_events(store: Queryable, flt: EventFilter,
                  limit: int | None = None) -> list[dict[str, Any]]:
    where, params = flt.where()
    sql = f"SELECT * FROM events WHERE {where} ORDER BY date NULLS LAST, article_id, " \
          "sentence_index, trigger_start, id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return store.query(sql, params)


def page_events(store: Queryable, flt: EventFilter, limit: int,
                after: tuple[dt.date | None, str] | None = None,
                order: Literal["asc", "desc"] = "asc") -> list[dict[str, Any]]:
    """One page of events in (date, id) order (undated events last), after the keyset
    ``after`` = (date, id) of the previous page's last event.

    Keyset, not OFFSET: a page costs the same wherever it is, and pages never overlap. Two
    steps: the top-N runs over (date, id) only, then the page's rows come by primary key,
    so wide rows are never sorted.
    """
    where, params = flt.where()
    op, direction = (">", "ASC") if order == "asc" else ("<", "DESC")
    if after is not None:
        day, last_id = after
        if day is None:
            where += f" AND date IS NULL AND id {op} ?"
            params += [last_id]
        else:
            where += f" AND (date {op} ? OR (date = ? AND id {op} ?) OR date IS NULL)"
            params += [day, day, last_id]
    keys = store.query(f"SELECT id FROM events WHERE {where} "
                       f"ORDER BY date {direction} NULLS LAST, id {direction} LIMIT ?",
                       [*params, int(limit)])
    if not keys:
        return []
    ids = [k["id"] for k in keys]
    rows = store.query(f"SELECT * FROM events WHERE id IN ({', '.join('?' * len(ids))})", ids)
    position = {event_id: i for i, event_id in enumerate(ids)}
    return sorted(rows, key=lambda row: position[row["id"]])


def period_totals(store: Queryable, by: str) -> dict[dt.date, int]:
    """All (non-negated) event groups per period of their date: the denominator of ``share``."""
    rows = store.query(f"SELECT date_trunc('{PERIODS[by]}', date)::DATE AS period, "
                       "count(DISTINCT group_id) AS n FROM events "
                       f"WHERE NOT negated AND date IS NOT NULL AND {OWN} GROUP BY 1")
    return {r["period"]: r["n"] for r in rows}


def event_series(store: Queryable, flt: EventFilter, by: str = "month",
                 totals: Mapping[dt.date, int] | None = None) -> list[dict[str, Any]]:
    """Event groups matching ``flt`` per period of the group's date (``store.grouped``):
    counts per quad class, Goldstein, share of all; ``mentions`` counts their reports.

    ``share`` is the fraction of all (non-negated) groups in that period that match;
    ``totals`` (from ``period_totals``) saves recounting them when the caller keeps them.
    """
    period = PERIODS[by]
    groups, params = groups_sql(flt, ("date", "quad_class", "goldstein"))
    rows = store.query(
        f"""SELECT date_trunc('{period}', date)::DATE AS period, count(*) AS events,
                   sum(mentions)::BIGINT AS mentions,
                   count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
                   count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
                   count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
                   count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
                   count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
                   count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
                   round(sum(goldstein), 1) AS goldstein_sum,
                   round(avg(goldstein), 2) AS goldstein_mean
            FROM ({groups}) WHERE date IS NOT NULL
            GROUP BY 1 ORDER BY 1""",
        params,
    )
    if totals is None:
        totals = period_totals(store, by) if rows else {}
    for row in rows:
        row["all_events"] = totals.get(row["period"], 0)
        row["share"] = round(row["events"] / row["all_events"], 4) if row["all_events"] else None
    return rows


def dyad_series(store: Queryable, a: str, b: str, by: str = "year") -> list[dict[str, Any]]:
    """Event groups between ``a`` and ``b`` per period: counts per quad class and Goldstein."""
    return event_series(store, EventFilter(dyad=(a, b)), by)


def top_dyads(store: Queryable, limit: int = 10,
              flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Most frequent country-level dyads (organisations stand as their code), directed as
    coded (source → target), counting event groups matching ``flt`` (and their mentions)."""
    groups, params = groups_sql(flt or EventFilter(), ("goldstein", "source_code", "source_country",
                                                        "target_code", "target_country"))
    return store.query(
        f"""SELECT coalesce(source_country, source_code) AS source,
                  coalesce(target_country, target_code) AS target, count(*) AS events,
                  sum(mentions)::BIGINT AS mentions, round(avg(goldstein), 2) AS goldstein_mean
           FROM ({groups}) WHERE target_code IS NOT NULL
           GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?""",
        [*params, limit],
    )


def top_actors(store: Queryable, limit: int = 20, flt: EventFilter | None = None,
               group: Literal["code", "country"] = "code") -> list[dict[str, Any]]:
    """Actors in the most event groups (as source or target); ``group="country"`` folds
    TURGOV, TURMIL… into TUR (organisations stay as their code)."""
    groups, params = groups_sql(flt or EventFilter(), ACTOR_COLUMNS)
    key = "code" if group == "code" else "coalesce(country, code)"
    return store.query(
        f"""WITH sel AS ({groups}),
            roles AS (
                SELECT source_code AS code, source_name AS name, source_country AS country,
                       mentions, 1 AS as_source, 0 AS as_target FROM sel
                UNION ALL
                SELECT target_code, target_name, target_country, mentions, 0, 1
                FROM sel WHERE target_code IS NOT NULL)
            SELECT {key} AS code,
                   coalesce(mode(name) FILTER (WHERE code = {key}), mode(name)) AS name,
                   any_value(country) AS country,
                   count(*) AS events, sum(mentions)::BIGINT AS mentions,
                   sum(as_source)::BIGINT AS as_source, sum(as_target)::BIGINT AS as_target
            FROM roles GROUP BY 1 ORDER BY events DESC, code LIMIT ?""",
        [*params, limit],
    )


def stats(store: Queryable) -> dict[str, Any]:
    """Totals for the overview page and ``/api/stats``. ``events`` counts event groups (one
    real-world event however often reported); ``reports`` counts the stored (non-negated)
    event rows, i.e. their mentions, of which ``past_references`` joined an earlier event."""
    groups, params = groups_sql(EventFilter(), ("date", "quad_class"))
    row = store.query(
        f"""SELECT count(*) AS events, coalesce(sum(mentions), 0)::BIGINT AS reports,
                   min(date) AS first_date, max(date) AS last_date
            FROM ({groups})""", params)[0]
    rows = store.query(
        """SELECT count(*) FILTER (WHERE negated) AS negated_events,
                  count(*) FILTER (WHERE NOT negated AND past_reference) AS past_references,
                  count(DISTINCT group_id) FILTER (
                      WHERE NOT negated AND place_precision <> 'country'
                      AND lat IS NOT NULL) AS events_with_point_place,
                  count(DISTINCT group_id) FILTER (
                      WHERE NOT negated AND place_precision = 'country')
                      AS events_with_country_place,
                  count(DISTINCT source_code) AS source_actors,
                  count(DISTINCT dictionary_version) AS dictionary_versions
           FROM events""")[0]
    quads = store.query(f"SELECT quad_class, count(*) AS events FROM ({groups}) "
                        "GROUP BY 1 ORDER BY 1", params)
    counts = store.query("SELECT (SELECT count(*) FROM articles) AS articles, "
                         "(SELECT count(*) FROM rejects) AS rejects")[0]
    return {**counts, **row, **rows,
            "by_quad_class": {str(r["quad_class"]): r["events"] for r in quads}}


def _per_place(store: Queryable, flt: EventFilter, place: dict[str, str], where: str,
               extra: str = "") -> list[dict[str, Any]]:
    """Event groups per place (``place``: alias → column; a group reported at two places
    counts at both), Goldstein as the group's own coding; ``mentions``: reports there."""
    cond, params = flt.where()
    inner = ", ".join(f"{column} AS {alias}" for alias, column in place.items())
    return store.query(
        f"""SELECT {", ".join(place)}, count(*) AS events, sum(mentions)::BIGINT AS mentions,
                   round(avg(goldstein), 2) AS goldstein_mean{extra}
            FROM (SELECT {inner}, group_id AS k, count(*) AS mentions,
                         any_value(place_geonames_id) AS geonames_id, min(id) AS first_event,
                         coalesce(any_value(goldstein) FILTER (WHERE {OWN}),
                                  any_value(goldstein)) AS goldstein
                  FROM events WHERE {cond} AND {where} GROUP BY ALL)
            GROUP BY ALL ORDER BY events DESC, 1""",
        params,
    )


def place_points(store: Queryable, flt: EventFilter) -> list[dict[str, Any]]:
    """Event groups with a real place (admin1, city, site) per place: map markers."""
    return _per_place(
        store, flt, {"name": "place_name", "lat": "lat", "lon": "lon",
                     "precision": "place_precision", "country": "place_country"},
        "lat IS NOT NULL AND lon IS NOT NULL AND coalesce(place_precision, '') <> 'country'",
        ", any_value(geonames_id) AS geonames_id, min(first_event) AS first_event")


def place_countries(store: Queryable, flt: EventFilter) -> list[dict[str, Any]]:
    """Event groups placed only at country level, per country: shaded countries."""
    return _per_place(store, flt, {"country": "place_country"},
                      "place_precision = 'country' AND place_country IS NOT NULL")


def actor_codes(store: Queryable) -> frozenset[str]:
    """Every actor code stored (as source or target), to tell unknown codes from empty ones."""
    rows = store.query("SELECT DISTINCT source_code AS code FROM events "
                       "UNION SELECT DISTINCT target_code FROM events")
    return frozenset(r["code"] for r in rows if r["code"])


def counts_by_root(store: Queryable) -> list[dict[str, Any]]:
    """Event groups (and their mentions) per CAMEO root, for the run summary."""
    groups, params = groups_sql(EventFilter(), ("root",))
    return store.query(
        f"""SELECT root, count(*) AS events, sum(mentions)::BIGINT AS mentions
            FROM ({groups}) GROUP BY root ORDER BY root""", params)
