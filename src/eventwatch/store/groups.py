"""Applying ``dedup.merge_references`` to stored events.

Each event row keeps its own key in ``own_key`` and the key of the group it counts in as
``event_key``: the same for most events, the day-level event's key for a past reference that
joined it. ``event_groups``, the API and the GDELT export group and join on ``event_key``;
``group_id`` (the key as a number) and ``past_reference`` (``own_key <> event_key``) follow it
for the aggregates, which scan them faster.
Groups are recomputed per signature (dyad + CAMEO root) from everything stored, so the result
depends on what is stored, never on batch order, and re-running the same input changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import pyarrow as pa

from eventwatch.dedup import KeyedEvent, merge_references, signature
from eventwatch.dedup.references import Signature

_ROWS = """SELECT e.id, e.own_key, e.event_key, e.date, e.date_resolution, e.source_code,
                  e.target_code, e.code, e.root, e.negated, a.published
           FROM events e LEFT JOIN articles a ON a.id = e.article_id"""
# The SQL twin of ``group_id``; keeps group_id and past_reference in step with event_key.
_DERIVED = ("group_id = (('0x' || event_key)::UBIGINT & 9223372036854775807)::BIGINT, "
            "past_reference = own_key IS DISTINCT FROM event_key")
_BY_SIGNATURE = """ JOIN _ew_signatures s ON s.source = e.source_code
                    AND s.target = coalesce(e.target_code, '') AND s.root = e.root"""


def group_id(key: str) -> int:
    """``event_key`` as a positive BIGINT (its 16 hex digits, top bit dropped)."""
    return int(key, 16) & 0x7FFF_FFFF_FFFF_FFFF


def signatures(con: duckdb.DuckDBPyConnection, where: str, params: list[object]
               ) -> set[Signature]:
    """Signatures of the stored events matching ``where`` (e.g. the events about to go)."""
    rows = con.execute(f"SELECT DISTINCT source_code, target_code, root FROM events "
                       f"WHERE {where}", params).fetchall()
    return {signature(*row) for row in rows}


def _stored(con: duckdb.DuckDBPyConnection, among: Iterable[Signature] | None
            ) -> list[tuple[KeyedEvent, str]]:
    """Stored events (as ``KeyedEvent``) with their current group key."""
    if among is None:
        rows = con.execute(_ROWS).fetchall()
    else:
        source, target, root = zip(*among, strict=True)
        con.register("_ew_signatures", pa.table({"source": source, "target": target,
                                                 "root": root}))
        try:
            rows = con.execute(_ROWS + _BY_SIGNATURE).fetchall()
        finally:
            con.unregister("_ew_signatures")
    return [(KeyedEvent(id=r[0], key=r[1], date=r[3], resolution=r[4], source=r[5],
                        target=r[6], code=r[7], root=r[8], negated=r[9], published=r[10]),
             r[2]) for r in rows]


def regroup(con: duckdb.DuckDBPyConnection, among: Iterable[Signature] | None = None) -> int:
    """Give the stored events of ``among`` (all when ``None``) the group key they belong
    to now; returns how many rows changed group."""
    among = None if among is None else sorted(set(among))
    if among == []:
        return 0
    stored = _stored(con, among)
    joined = merge_references(event for event, _ in stored)
    changed = [(event.id, joined.get(event.id, event.key)) for event, current in stored
               if joined.get(event.id, event.key) != current]
    if changed:
        ids, keys = zip(*changed, strict=True)
        con.register("_ew_regrouped", pa.table({"id": ids, "event_key": keys}))
        try:
            con.execute("UPDATE events SET event_key = r.event_key FROM _ew_regrouped r "
                        "WHERE events.id = r.id")
            con.execute(f"UPDATE events SET {_DERIVED} WHERE id IN "
                        "(SELECT id FROM _ew_regrouped)")
        finally:
            con.unregister("_ew_regrouped")
    return len(changed)


def backfill_own_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Stores written before ``own_key`` existed: their key is their own; then regroup.
    Stores written before ``group_id``: derive it and ``past_reference``."""
    (filled,) = con.execute("UPDATE events SET own_key = event_key "
                            "WHERE own_key IS NULL AND event_key IS NOT NULL").fetchone() or (0,)
    con.execute(f"UPDATE events SET {_DERIVED} WHERE group_id IS NULL AND event_key IS NOT NULL")
    if filled:
        regroup(con)


__all__ = ["backfill_own_keys", "group_id", "regroup", "signatures"]
