"""Read side of event groups: one row per real-world event, however many reports it has.

Aggregates (series, top dyads and actors, stats, the GDELT export) count event groups
(``event_key``), not stored rows: the same shoot-down in five outlets is one event with five
mentions, and "in November" written in 2016 is one more mention of the November event, never
a second event. A group is in when any of its reports matches the filter; it is dated and coded
as its own day-level events (``own_key = event_key``), never as a past reference, and the
date filters (``since``/``until``) apply to that group date. ``mentions`` counts the matching
reports. A group matched only through a reference (a text or place filter) takes its date and
code from its own events in a second, narrow look-up, needed only for filters that can tell a
group's reports apart (code, place, text).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # queries imports this module
    from eventwatch.store.queries import EventFilter

# Taken from the group's own events: the same for all of them (the key hashes day, dyad, code).
GROUP_COLUMNS = ("date", "code", "root", "label", "quad_class", "goldstein")
# The same for every report of a group (a reference joins only its own dyad).
ACTOR_COLUMNS = ("source_code", "source_name", "source_country",
                 "target_code", "target_name", "target_country")
OWN = "NOT past_reference"  # a group's own event (own_key = event_key)


def splits_groups(flt: EventFilter) -> bool:
    """Whether ``flt`` can match some reports of a group and not others. Actor, dyad, root
    and event_key filters cannot (a reference joins only its own dyad and root), nor can dates,
    which apply to the group's date."""
    return bool(flt.code or flt.country or flt.bbox or flt.text)


def groups_sql(flt: EventFilter, columns: Sequence[str] = (*GROUP_COLUMNS, *ACTOR_COLUMNS),
               representative: bool = False) -> tuple[str, list[Any]]:
    """A SELECT of one row per matching group: ``group_id``, ``mentions``, the requested
    ``columns`` (group coding from its own events, actors from any report) and, if asked,
    ``representative`` (smallest id among its own events). Ask only for the columns needed:
    the scan reads each one for every stored row."""
    where, params = dataclasses.replace(flt, since=None, until=None).where()
    if flt.since or flt.until:
        columns = tuple(dict.fromkeys(("date", *columns)))
    coded = [c for c in columns if c not in ACTOR_COLUMNS]
    own = [f"any_value({c}) FILTER (WHERE own) AS {c}" for c in coded]
    if representative:
        coded.append("representative")
        own.append("coalesce(min(id) FILTER (WHERE own AND NOT negated), "
                   "min(id) FILTER (WHERE own)) AS representative")
    actors = [f"any_value({c}) AS {c}" for c in columns if c in ACTOR_COLUMNS]
    hit = f"""SELECT group_id, count(*) AS mentions, bool_or(own) AS has_own,
                     {", ".join([*own, *actors])}
              FROM (SELECT *, {OWN} AS own FROM events WHERE {where}) GROUP BY 1"""
    if splits_groups(flt):
        lookup = "".join(f", any_value({c}) AS {c}" if c != "representative"
                         else ", min(id) AS representative" for c in coded)
        picked = [f"CASE WHEN h.has_own THEN h.{c} ELSE l.{c} END AS {c}" for c in coded]
        kept = [f"h.{c}" for c in columns if c in ACTOR_COLUMNS]
        sql = f"""WITH hit AS ({hit}),
                  lost AS (SELECT group_id{lookup} FROM events
                           WHERE {OWN} AND NOT negated AND group_id IN
                                 (SELECT group_id FROM hit WHERE NOT has_own)
                           GROUP BY 1)
                  SELECT {", ".join(["h.group_id", "h.mentions", *picked, *kept])}
                  FROM hit h LEFT JOIN lost l USING (group_id)"""
    else:
        sql = hit
    if flt.since or flt.until:  # on the group's date, with the filter's own clauses
        dates, date_params = type(flt)(since=flt.since, until=flt.until,
                                       include_negated=True).where()
        return f"SELECT * FROM ({sql}) WHERE {dates}", params + date_params
    return sql, params


__all__ = ["ACTOR_COLUMNS", "GROUP_COLUMNS", "OWN", "groups_sql", "splits_groups"]
