"""Past references: "since Turkey shot down a Russian jet in November" is a further mention
of the 24 November shoot-down, not a new event (GDELT's "old events re-coded as new").

A reference dated to a week, month or year joins the day-level event it most likely means:
same source and target codes, same CAMEO root, dated inside the reference's period and not
after the referring article was published. Among several candidates the exact CAMEO code wins,
then the event with most day-level mentions, then the earliest, then the smallest key, so the
choice never depends on input order. A reference with no candidate keeps its own key.
Negated events neither join nor are joined (the ``event_groups`` view does not count them).

Pure: the store feeds it stored rows, anything else can feed it ``Event`` records.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from eventwatch.dedup.keys import COARSE, event_key
from eventwatch.records import Event

Signature = tuple[str, str, str]  # source code, target code ("" for none), CAMEO root
_WEEK_SLACK = dt.timedelta(days=6)  # week dates are approximate ("last week" = 7 days back)


@dataclass(frozen=True, slots=True)
class KeyedEvent:
    """What grouping needs to know about one event, from an ``Event`` or a stored row.

    key: the event's own key (``event_key``); published: its article's publication date,
    the latest day a reference in it can mean.
    """

    id: str
    key: str
    date: dt.date | None
    resolution: str
    source: str
    target: str | None
    code: str
    root: str
    negated: bool = False
    published: dt.date | None = None

    @classmethod
    def of(cls, event: Event, published: dt.date | None = None) -> KeyedEvent:
        return cls(event.id, event_key(event), event.date, event.date_resolution,
                   event.source.code, event.target.code if event.target else None,
                   event.code, event.root, event.negated, published)

    @property
    def signature(self) -> Signature:
        return signature(self.source, self.target, self.root)


def signature(source: str, target: str | None, root: str) -> Signature:
    """Events that could share a group share this; the store regroups per signature."""
    return source, target or "", root


@dataclass(frozen=True, slots=True)
class _DayGroup:
    key: str
    date: dt.date
    code: str
    mentions: int


def period(day: dt.date, resolution: str) -> tuple[dt.date, dt.date] | None:
    """The days a coarse date can mean (``None`` for day and article dates)."""
    if resolution == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    if resolution == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if resolution == "week":
        return day - _WEEK_SLACK, day + _WEEK_SLACK
    return None


def _day_groups(events: Iterable[KeyedEvent]) -> dict[Signature, list[_DayGroup]]:
    """Day-level groups (day or article resolution) by signature, with their mention count,
    in date order so a reference's period is found by bisection."""
    mentions: Counter[str] = Counter()
    first: dict[str, KeyedEvent] = {}
    for event in events:
        mentions[event.key] += 1
        first.setdefault(event.key, event)
    groups: dict[Signature, list[_DayGroup]] = defaultdict(list)
    for key, event in first.items():
        assert event.date is not None
        groups[event.signature].append(_DayGroup(key, event.date, event.code, mentions[key]))
    for days in groups.values():
        days.sort(key=lambda g: g.date)
    return groups


def _best(reference: KeyedEvent, candidates: list[_DayGroup]) -> _DayGroup | None:
    """The candidate (date-sorted) ``reference`` joins, if any."""
    assert reference.date is not None
    window = period(reference.date, reference.resolution)
    if window is None:
        return None
    start, end = window
    if reference.published is not None:
        end = min(end, reference.published)
    lo = bisect.bisect_left(candidates, start, key=lambda g: g.date)
    hi = bisect.bisect_right(candidates, end, key=lambda g: g.date)
    return min(candidates[lo:hi], default=None,
               key=lambda g: (g.code != reference.code, -g.mentions, g.date, g.key))


def merge_references(events: Iterable[KeyedEvent]) -> dict[str, str]:
    """Event id → key of the day-level group it joins, for every coarse reference that joins
    one. Events not in the result keep their own key."""
    dated = [e for e in events if not e.negated and e.date is not None]
    days = _day_groups(e for e in dated if e.resolution not in COARSE)
    joined: dict[str, str] = {}
    for reference in dated:
        if reference.resolution in COARSE:
            best = _best(reference, days.get(reference.signature, []))
            if best is not None:
                joined[reference.id] = best.key
    return joined


__all__ = ["KeyedEvent", "Signature", "merge_references", "period", "signature"]
