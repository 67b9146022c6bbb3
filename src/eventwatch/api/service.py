"""Payloads: the JSON the API returns, built once so the HTML pages render the same data.

Each function takes a read-only cursor and checked parameters and returns plain JSON-able
dicts; routes return them as JSON and pages hand them to templates (no SQL in templates).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from fastapi import HTTPException

from eventwatch.api.params import Order, encode_cursor
from eventwatch.api.reader import Cursor
from eventwatch.ontology import QUAD_NAMES
from eventwatch.store import queries
from eventwatch.store.queries import EventFilter


def _filters(flt: EventFilter) -> dict[str, Any]:
    return {k: v for k, v in dataclasses.asdict(flt).items() if v not in (None, False)}


def events_page(cur: Cursor, flt: EventFilter, limit: int,
                after: tuple[Any, str] | None, order: Order) -> dict[str, Any]:
    """One keyset page of events (every stored report, not groups; each names its group,
    ``event_key``, and says whether it is a ``past_reference`` that joined it); ``next`` is
    the cursor for the following page (or None)."""
    rows = queries.page_events(cur, flt, limit + 1, after, order)
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor(order, rows[-1]["date"], rows[-1]["id"]) if more else None
    return {"filters": _filters(flt), "order": order, "limit": limit, "count": len(rows),
            "next": nxt, "events": rows}


def _sentence_spans(event: dict[str, Any]) -> dict[str, list[int] | None]:
    """Offsets of source, target, trigger inside the sentence (stored ones index the article)."""
    base = event["sentence_start"] or 0
    spans: dict[str, list[int] | None] = {}
    for role, (start, end) in {
        "source": (event["source_start"], event["source_end"]),
        "target": (event["target_start"], event["target_end"]),
        "trigger": (event["trigger_start"], event["trigger_end"]),
    }.items():
        inside = (start is not None and end is not None
                  and 0 <= start - base <= end - base <= len(event["sentence"] or ""))
        spans[role] = [start - base, end - base] if inside else None
    return spans


def event_detail(cur: Cursor, event_id: str) -> dict[str, Any]:
    rows = cur.query("SELECT * FROM events WHERE id = ?", [event_id])
    if not rows:
        raise HTTPException(404, detail=f"no event with id {event_id!r}")
    event = rows[0]
    articles = cur.query("SELECT id, title, url, published, outlet, origin FROM articles "
                         "WHERE id = ?", [event["article_id"]])
    quotes = cur.query("SELECT * FROM quotes WHERE id = ?", [event["quote_id"]]) \
        if event.get("quote_id") else []
    groups = cur.query("SELECT mentions, articles, outlets, independent_articles FROM "
                       "event_groups WHERE event_key = ?", [event.get("event_key")])
    return {**event, "quad_name": QUAD_NAMES.get(event["quad_class"]),
            "article": articles[0] if articles else None,
            "sentence_spans": _sentence_spans(event),
            "quote": quotes[0] if quotes else None,
            "reports": groups[0] if groups else None}


def article_detail(cur: Cursor, article_id: str) -> dict[str, Any]:
    rows = cur.query("SELECT * FROM articles WHERE id = ?", [article_id])
    if not rows:
        raise HTTPException(404, detail=f"no article with id {article_id!r}")
    events = cur.query(
        """SELECT id, sentence_index, sentence_start, date, source_code, source_name,
                  target_code, target_name, code, label, quad_class, goldstein, trigger,
                  trigger_start, trigger_end, negated, rule
           FROM events WHERE article_id = ? ORDER BY sentence_index, trigger_start, id""",
        [article_id])
    return {**rows[0], "events": events}


def series(cur: Cursor, flt: EventFilter, by: str,
           totals: Mapping[Any, int] | None = None) -> dict[str, Any]:
    return {"filters": _filters(flt), "by": by,
            "series": queries.event_series(cur, flt, by, totals)}


def dyad(cur: Cursor, a: str, b: str, by: str, flt: EventFilter,
         totals: Mapping[Any, int] | None = None) -> dict[str, Any]:
    """Cooperation vs conflict between a and b (both directions) per period: event groups,
    with ``mentions`` counting their reports."""
    pair = dataclasses.replace(flt, dyad=(a, b))
    rows = queries.event_series(cur, pair, by, totals)
    totals = {k: sum(r[k] for r in rows) for k in
              ("events", "mentions", "cooperation", "conflict", "verbal_cooperation",
               "material_cooperation", "verbal_conflict", "material_conflict")}
    gsum = sum(r["goldstein_sum"] or 0 for r in rows)
    totals["goldstein_sum"] = round(gsum, 1)
    totals["goldstein_mean"] = round(gsum / totals["events"], 2) if totals["events"] else None
    return {"a": a, "b": b, "by": by, "filters": _filters(pair), "totals": totals,
            "series": rows}


def actors(cur: Cursor, flt: EventFilter, limit: int, group: str) -> dict[str, Any]:
    return {"filters": _filters(flt), "group": group,
            "actors": queries.top_actors(cur, limit, flt, group)}  # type: ignore[arg-type]


def dyads(cur: Cursor, flt: EventFilter, limit: int) -> dict[str, Any]:
    return {"filters": _filters(flt), "dyads": queries.top_dyads(cur, limit, flt)}


def stats(cur: Cursor) -> dict[str, Any]:
    return {**queries.stats(cur), "quad_names": {str(k): v for k, v in QUAD_NAMES.items()}}


def _iso_numeric(iso3: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    return country.numeric if country else None


def map_data(cur: Cursor, flt: EventFilter) -> dict[str, Any]:
    """Markers for events with a real place; country-level events only as country counts."""
    countries = queries.place_countries(cur, flt)
    for row in countries:
        row["iso_numeric"] = _iso_numeric(row["country"])
    return {"filters": _filters(flt), "points": queries.place_points(cur, flt),
            "countries": countries}


__all__ = ["actors", "article_detail", "dyad", "dyads", "event_detail", "events_page",
           "map_data", "series", "stats"]
