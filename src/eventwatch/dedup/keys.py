"""Event keys: the name of one real-world event, however many articles report it."""

from __future__ import annotations

import hashlib

from eventwatch.records import Event

# Resolutions whose date names a period, not a day: a "November" reference is not 1 November.
COARSE = frozenset({"week", "month", "year"})


def event_key(event: Event) -> str:
    """Same day, same dyad, same CAMEO code: the same real-world event, however reported.

    A coarse date (week, month, year) is marked with its resolution, so "in November" never
    shares a key with a report dated 1 November; ``dedup.merge_references`` decides which
    day-level event such a reference joins.
    """
    target = event.target.code if event.target else ""
    day = event.date.isoformat() if event.date else ""
    if event.date_resolution in COARSE:
        day = f"{event.date_resolution}:{day}"
    raw = f"{day}|{event.source.code}|{target}|{event.cameo.code}"
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


__all__ = ["COARSE", "event_key"]
