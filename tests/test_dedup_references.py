"""Past references ("in November") join the day-level event they mean: the pure rule."""

from __future__ import annotations

import datetime as dt
import hashlib
import random

from eventwatch.dedup import KeyedEvent, event_key, merge_references, period
from eventwatch.ontology import cameo_info
from eventwatch.records import Actor, Event

D = dt.date


def keyed(eid: str, day: D, resolution: str = "day", code: str = "190", source: str = "TUR",
          target: str | None = "RUSMIL", *, negated: bool = False,
          published: D | None = None, key: str | None = None) -> KeyedEvent:
    """A ``KeyedEvent``; day-level events of the same day, dyad and code share a key."""
    own = key or f"{resolution if resolution in ('week', 'month', 'year') else ''}:{day}|" \
                 f"{source}|{target}|{code}"
    return KeyedEvent(eid, own, day, resolution, source, target, code, code[:2], negated,
                      published)


SHOOTDOWN = keyed("orig", D(2015, 11, 24))
IN_NOVEMBER = keyed("ref", D(2015, 11, 1), "month", published=D(2016, 6, 28))


def test_month_reference_joins_the_day_event_inside_its_month():
    assert merge_references([SHOOTDOWN, IN_NOVEMBER]) == {"ref": SHOOTDOWN.key}


def test_reference_without_a_day_event_in_its_period_stays_alone():
    october = keyed("oct", D(2015, 10, 30))
    assert merge_references([october, IN_NOVEMBER]) == {}
    assert merge_references([IN_NOVEMBER]) == {}


def test_reference_cannot_mean_an_event_after_its_article_was_published():
    early = keyed("ref", D(2015, 11, 1), "month", published=D(2015, 11, 10))
    assert merge_references([SHOOTDOWN, early]) == {}


def test_other_dyad_or_other_root_never_joins():
    reversed_dyad = keyed("rev", D(2015, 11, 24), source="RUSMIL", target="TUR")
    no_target = keyed("none", D(2015, 11, 24), target=None)
    sanctions = keyed("163", D(2015, 11, 24), code="163")
    assert merge_references([reversed_dyad, no_target, sanctions, IN_NOVEMBER]) == {}


def test_same_root_other_code_joins_but_the_exact_code_wins():
    airstrike = keyed("195", D(2015, 11, 24), code="195")
    assert merge_references([airstrike, IN_NOVEMBER]) == {"ref": airstrike.key}
    widely = [keyed(f"195-{i}", D(2015, 11, 20), code="195") for i in range(3)]
    exact = keyed("190", D(2015, 11, 26))
    assert merge_references([*widely, exact, IN_NOVEMBER]) == {"ref": exact.key}


def test_ties_pick_most_mentions_then_earliest_whatever_the_order():
    busy = [keyed(f"b{i}", D(2015, 11, 27)) for i in range(2)]
    quiet = keyed("q", D(2015, 11, 3))
    events = [*busy, quiet, IN_NOVEMBER]
    assert merge_references(events) == {"ref": busy[0].key}
    earlier, later = keyed("e", D(2015, 11, 5)), keyed("l", D(2015, 11, 25))
    for seed in range(5):
        shuffled = [earlier, later, IN_NOVEMBER]
        random.Random(seed).shuffle(shuffled)
        assert merge_references(shuffled) == {"ref": earlier.key}


def test_article_dated_events_are_candidates_but_never_references():
    reported = keyed("art", D(2015, 11, 24), "article")
    assert merge_references([reported, IN_NOVEMBER]) == {"ref": reported.key}
    undated_ref = keyed("art2", D(2016, 6, 28), "article")
    assert merge_references([SHOOTDOWN, undated_ref]) == {}


def test_negated_events_neither_join_nor_are_joined():
    denied = keyed("neg", D(2015, 11, 24), negated=True)
    assert merge_references([denied, IN_NOVEMBER]) == {}
    denied_ref = keyed("negref", D(2015, 11, 1), "month", negated=True)
    assert merge_references([SHOOTDOWN, denied_ref]) == {}


def test_week_and_year_periods():
    assert period(D(2016, 2, 29), "month") == (D(2016, 2, 1), D(2016, 2, 29))
    assert period(D(2015, 1, 1), "year") == (D(2015, 1, 1), D(2015, 12, 31))
    assert period(D(2015, 11, 17), "week") == (D(2015, 11, 11), D(2015, 11, 23))
    assert period(D(2015, 11, 17), "day") is None
    last_week = keyed("wk", D(2015, 11, 20), "week")
    that_year = keyed("yr", D(2015, 1, 1), "year")
    assert merge_references([SHOOTDOWN, last_week, that_year]) == {
        "wk": SHOOTDOWN.key, "yr": SHOOTDOWN.key}


def shot_down(day: D, resolution: str, article_id: str = "a", version: str = "v") -> Event:
    """Turkey shot down a Russian jet, as an ``Event`` record (no coder involved)."""
    cameo = cameo_info("190")
    assert cameo is not None
    sentence = "Turkey shot down a Russian jet."
    turkey = Actor("TUR", "Turkey", "TUR", None, 0, 6, "test:Turkey")
    jet = Actor("RUSMIL", "Russian jet", "RUS", "MIL", 19, 30, "test:jet")
    event_id = hashlib.sha1(f"{article_id}-{resolution}".encode()).hexdigest()[:16]
    return Event(id=event_id, article_id=article_id, sentence_index=0,
                 sentence=sentence, sentence_start=0, source=turkey, target=jet, cameo=cameo,
                 trigger="shot down", trigger_start=7, trigger_end=16, rule="test",
                 dictionary_version=version, date=day, date_resolution=resolution)


def test_keys_from_event_records_tell_a_month_from_its_first_day():
    first_day, month = shot_down(D(2015, 11, 1), "day"), shot_down(D(2015, 11, 1), "month")
    assert event_key(first_day) != event_key(month)
    assert event_key(shot_down(D(2015, 11, 1), "article")) == event_key(first_day)
    records = [KeyedEvent.of(first_day), KeyedEvent.of(month, published=D(2016, 1, 5))]
    assert records[1].signature == ("TUR", "RUSMIL", "19")
    assert merge_references(records) == {month.id: event_key(first_day)}
