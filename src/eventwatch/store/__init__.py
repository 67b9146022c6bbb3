"""Store: the embedded DuckDB database, the only stage that writes.

Tables: ``articles`` (cleaned text and metadata), ``events`` (one row per coded event with full
provenance), ``rejects`` (items that could not be read, with code and reason). Keys are
deterministic, so re-running the same input adds nothing; an article re-coded with other
dictionaries has its events replaced, never mixed. After every write the past references
among the touched dyads are regrouped (``store.groups``), so ``event_groups`` counts "in
November" as one more mention of the November event, not as a new event.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventwatch.dedup import event_key, signature
from eventwatch.errors import StoreError
from eventwatch.quotes import Quote
from eventwatch.records import Actor, Article, Event, Reject
from eventwatch.store.groups import backfill_own_keys, group_id, regroup, signatures

DEFAULT_DB = "eventwatch.duckdb"

_ACTOR_COLUMNS = ("code", "name", "country", "sector", "start", "end", "entry")

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, url VARCHAR, title VARCHAR, published DATE, outlet VARCHAR,
    origin VARCHAR, text VARCHAR, removed_lines INTEGER, dictionary_version VARCHAR,
    ingested_at TIMESTAMP, duplicate_of VARCHAR
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, sentence_index INTEGER, sentence VARCHAR,
    sentence_start INTEGER, date DATE,
    source_code VARCHAR, source_name VARCHAR, source_country VARCHAR, source_sector VARCHAR,
    source_start INTEGER, source_end INTEGER, source_entry VARCHAR,
    target_code VARCHAR, target_name VARCHAR, target_country VARCHAR, target_sector VARCHAR,
    target_start INTEGER, target_end INTEGER, target_entry VARCHAR,
    code VARCHAR, root VARCHAR, label VARCHAR, goldstein DOUBLE, quad_class INTEGER,
    plover_type VARCHAR, plover_mode VARCHAR,
    trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
    negated BOOLEAN, hedged BOOLEAN, future BOOLEAN,
    reported_by_code VARCHAR, reported_by_name VARCHAR, reported_by_entry VARCHAR,
    rule VARCHAR, dictionary_version VARCHAR,
    date_resolution VARCHAR, date_text VARCHAR,
    place_name VARCHAR, place_geonames_id BIGINT, lat DOUBLE, lon DOUBLE, place_country VARCHAR,
    place_precision VARCHAR, place_method VARCHAR, quote_id VARCHAR, event_key VARCHAR,
    counts VARCHAR, own_key VARCHAR, group_id BIGINT, past_reference BOOLEAN
);
ALTER TABLE events ADD COLUMN IF NOT EXISTS own_key VARCHAR;
-- Derived from event_key/own_key for the aggregates (store.grouped): a number groups and
-- scans several times faster than the 16-character key, a flag than comparing two keys.
ALTER TABLE events ADD COLUMN IF NOT EXISTS group_id BIGINT;
ALTER TABLE events ADD COLUMN IF NOT EXISTS past_reference BOOLEAN;
CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, sentence_index INTEGER, start INTEGER,
    "end" INTEGER, text VARCHAR, kind VARCHAR, speaker_code VARCHAR, speaker_country VARCHAR,
    speaker_entry VARCHAR, speaker_name VARCHAR, verb VARCHAR
);
-- event_key is the group (own_key unless a past reference joined a day-level event); date,
-- dyad, code and representative come from the group's own events, never from a reference.
CREATE OR REPLACE VIEW event_groups AS
    SELECT e.event_key, min(e.date) FILTER (WHERE e.own) AS date,
           any_value(e.source_code) AS source_code, any_value(e.target_code) AS target_code,
           min(e.code) FILTER (WHERE e.own) AS code,
           min(e.label) FILTER (WHERE e.own) AS label,
           count(*) AS mentions,
           count(*) FILTER (WHERE NOT e.own) AS past_references,
           count(DISTINCT e.article_id) AS articles,
           count(DISTINCT a.outlet) AS outlets,
           count(DISTINCT coalesce(a.duplicate_of, a.id)) AS independent_articles,
           min(e.id) FILTER (WHERE e.own) AS representative
    FROM (SELECT *, own_key IS NOT DISTINCT FROM event_key AS own FROM events) e
    JOIN articles a ON a.id = e.article_id
    WHERE NOT e.negated
    GROUP BY e.event_key;
CREATE TABLE IF NOT EXISTS rejects (
    item VARCHAR, code VARCHAR, reason VARCHAR, first_seen TIMESTAMP,
    PRIMARY KEY (item, code)
);
"""


def _actor_fields(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {f"{prefix}_{col}": (getattr(actor, col) if actor else None) for col in _ACTOR_COLUMNS}


def event_row(event: Event) -> dict[str, Any]:
    """One ``events`` row (flat columns) for an event."""
    cameo = event.cameo
    reporter = event.reported_by
    place = event.place
    return {
        "id": event.id, "article_id": event.article_id, "sentence_index": event.sentence_index,
        "sentence": event.sentence, "sentence_start": event.sentence_start, "date": event.date,
        **_actor_fields("source", event.source), **_actor_fields("target", event.target),
        "code": cameo.code, "root": cameo.root, "label": cameo.label,
        "goldstein": cameo.goldstein, "quad_class": cameo.quad_class,
        "plover_type": cameo.plover_type, "plover_mode": cameo.plover_mode,
        "trigger": event.trigger, "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end, "negated": event.negated, "hedged": event.hedged,
        "future": event.future,
        "reported_by_code": reporter.code if reporter else None,
        "reported_by_name": reporter.name if reporter else None,
        "reported_by_entry": reporter.entry if reporter else None,
        "rule": event.rule, "dictionary_version": event.dictionary_version,
        "date_resolution": event.date_resolution, "date_text": event.date_text,
        "place_name": place.name if place else None,
        "place_geonames_id": place.geonames_id if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "place_country": place.country if place else None,
        "place_precision": place.precision if place else None,
        "place_method": place.method if place else None,
        "quote_id": event.quote_id,
        "event_key": event_key(event),  # the group; ``store.groups.regroup`` may change it
        "counts": json.dumps([dataclasses.asdict(c) for c in event.counts])
        if event.counts else None,
        "own_key": event_key(event),
        "group_id": group_id(event_key(event)),
        "past_reference": False,
    }


def quote_row(quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker
    return {"id": quote.id, "article_id": quote.article_id,
            "sentence_index": quote.sentence_index, "start": quote.start, "end": quote.end,
            "text": quote.text, "kind": quote.kind,
            "speaker_code": speaker.code if speaker else None,
            "speaker_country": speaker.country if speaker else None,
            "speaker_entry": speaker.entry if speaker else None,
            "speaker_name": quote.speaker_name, "verb": quote.verb}


class Store:
    """A DuckDB file (or ``:memory:``) holding articles, events and rejects."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only:
            upgrade(self.path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
            if not read_only:
                self.con.execute(SCHEMA)
                backfill_own_keys(self.con)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def coded_versions(self, ids: Sequence[str]) -> dict[str, str]:
        """Dictionary version each of ``ids`` was coded with, for those already stored."""
        if not ids:
            return {}
        rows = self.con.execute(
            "SELECT id, dictionary_version FROM articles WHERE id IN (SELECT unnest($1))",
            [list(ids)],
        ).fetchall()
        return {row[0]: row[1] for row in rows}

    def add_coded(self, articles: Sequence[Article], events: Sequence[Event],
                  dictionary_version: str, quotes: Sequence[Quote] = (),
                  duplicates: Mapping[str, str] | None = None) -> tuple[int, int]:
        """Store coded articles and their events; returns (new articles, new events)."""
        if not articles:
            return 0, 0
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        previous = self.coded_versions([a.id for a in articles])
        stale = [i for i, v in previous.items() if v != dictionary_version]
        fresh = [a for a in articles if a.id not in previous or a.id in stale]
        article_rows = [{
            "id": a.id, "url": a.url, "title": a.title, "published": a.published,
            "outlet": a.outlet, "origin": a.origin, "text": a.text,
            "removed_lines": a.removed_lines, "dictionary_version": dictionary_version,
            "ingested_at": now, "duplicate_of": (duplicates or {}).get(a.id)} for a in fresh]
        fresh_ids = {a.id for a in fresh}
        event_rows = [event_row(e) for e in events if e.article_id in fresh_ids]
        quote_rows = [quote_row(q) for q in quotes if q.article_id in fresh_ids]
        before = self.count("events")
        touched = {signature(r["source_code"], r["target_code"], r["root"]) for r in event_rows}
        self.con.execute("BEGIN TRANSACTION")
        try:
            if stale:
                touched |= signatures(self.con, "article_id IN (SELECT unnest($1))", [stale])
                self.con.execute("DELETE FROM events WHERE article_id IN (SELECT unnest($1))",
                                 [stale])
                self.con.execute("DELETE FROM quotes WHERE article_id IN (SELECT unnest($1))",
                                 [stale])
                self.con.execute("DELETE FROM articles WHERE id IN (SELECT unnest($1))", [stale])
            self._insert("articles", article_rows)
            self._insert("events", event_rows)
            self._insert("quotes", quote_rows)
            regroup(self.con, touched)
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        return len(fresh) - len(stale), self.count("events") - before

    def add_rejects(self, rejects: Iterable[Reject]) -> int:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rows = [{"item": r.item, "code": r.code, "reason": r.reason, "first_seen": now}
                for r in rejects]
        before = self.count("rejects")
        self._insert("rejects", rows)
        return self.count("rejects") - before

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        columns = [c[0] for c in self.con.execute(f"DESCRIBE {table}").fetchall()]
        data = pa.Table.from_pylist(rows).select(columns)  # noqa: F841  (used by DuckDB)
        self.con.execute(f"INSERT OR IGNORE INTO {table} SELECT * FROM data")

    def count(self, table: str) -> int:
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def upgrade(path: str | Path) -> None:
    """A store written before ``group_id``/``past_reference`` gets them (and the current
    schema) before it is opened read-only, so every reader sees the same columns."""
    if str(path) == ":memory:" or not Path(path).exists():
        return
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            columns = {row[0] for row in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = 'events'"
            ).fetchall()}
    except duckdb.Error:
        return  # the read-only open reports it
    if columns and "event_key" not in columns:
        raise StoreError(f"{path} was written before event groups (no event_key): "
                         "re-create it with `eventwatch run`")
    if columns and "past_reference" not in columns:
        Store(path).close()


__all__ = ["DEFAULT_DB", "SCHEMA", "Store", "event_row", "quote_row", "upgrade"]
