"""Aggregates count event groups, not stored reports: the same event in several outlets, and a
past reference to it, is one event with several mentions; listings still show every report."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from fastapi.testclient import TestClient

from eventwatch.api import create_app
from eventwatch.export import export_events
from eventwatch.ontology import cameo_info
from eventwatch.records import Actor, Article, Event
from eventwatch.store import Store
from eventwatch.store.queries import (
    EventFilter,
    dyad_series,
    event_series,
    select_events,
    stats,
    top_actors,
    top_dyads,
)

D = dt.date
NOV_24 = D(2015, 11, 24)

# id, outlet, published, sentence (source, trigger, target appear in it), event date, resolution
SHOOTDOWN = [
    ("anadolu-1", "Anatolia Desk", NOV_24,
     "Turkish F-16s shot down a Russian Su-24 near the Syrian border.", NOV_24, "day"),
    ("bosphorus-1", "Bosphorus Daily", NOV_24,
     "Turkey shot down a Russian warplane it said had crossed into its airspace.", NOV_24, "day"),
    ("bosphorus-2", "Bosphorus Daily", D(2015, 11, 25),
     "A day after Turkey shot down the Russian jet, Ankara called NATO allies.", NOV_24, "day"),
]
REFERENCE = ("anadolu-2", "Anatolia Desk", D(2016, 6, 28),
             "Trade has stalled since Turkey shot down a Russian jet in November.",
             D(2015, 11, 1), "month")


def _report(article_id: str, outlet: str, published: D, sentence: str, day: D,
            resolution: str) -> tuple[Article, Event]:
    """One article reporting Turkey (TUR) shooting down a Russian aircraft (RUSMIL, 190)."""
    cameo = cameo_info("190")
    assert cameo is not None
    start = sentence.index("shot down")
    turkey = Actor("TUR", "Turkey", "TUR", None, 0, 6, "test:Turkey")
    jet = Actor("RUSMIL", "Russian jet", "RUS", "MIL", start + 10, start + 20, "test:jet")
    event = Event(id=hashlib.sha1(article_id.encode()).hexdigest()[:16], article_id=article_id,
                  sentence_index=0, sentence=sentence, sentence_start=0, source=turkey,
                  target=jet, cameo=cameo, trigger="shot down", trigger_start=start,
                  trigger_end=start + 9, rule="test", dictionary_version="v", date=day,
                  date_resolution=resolution)
    return Article(id=article_id, text=sentence, published=published, outlet=outlet), event


def _store(path, rows) -> Store:
    store = Store(path)
    for row in rows:
        article, event = _report(*row)
        store.add_coded([article], [event], "v")
    return store


def test_same_event_in_three_articles_from_two_outlets_counts_once(tmp_path):
    with _store(tmp_path / "e.duckdb", SHOOTDOWN) as store:
        (year,) = dyad_series(store, "TUR", "RUS", "year")
        assert (year["events"], year["mentions"], year["conflict"]) == (1, 3, 1)
        assert year["goldstein_mean"] == year["goldstein_sum"] == -10.0
        assert len(select_events(store, EventFilter(dyad=("TUR", "RUS")))) == 3
        assert top_dyads(store)[0] | {"goldstein_mean": None} == {
            "source": "TUR", "target": "RUS", "events": 1, "mentions": 3,
            "goldstein_mean": None}


def test_past_reference_adds_no_second_event_in_any_month(tmp_path):
    with _store(tmp_path / "e.duckdb", [REFERENCE, *SHOOTDOWN]) as store:
        months = dyad_series(store, "TUR", "RUS", "month")
        assert [(str(r["period"]), r["events"], r["mentions"]) for r in months] == [
            ("2015-11-01", 1, 4)]
        days = event_series(store, EventFilter(), "day")
        assert [(r["period"], r["events"], r["share"]) for r in days] == [(NOV_24, 1, 1.0)]
        totals = stats(store)
        assert (totals["events"], totals["reports"], totals["past_references"]) == (1, 4, 1)
        assert totals["first_date"] == totals["last_date"] == NOV_24
        assert totals["by_quad_class"] == {"4": 1}


def test_group_found_only_through_its_reference_is_dated_as_the_original(tmp_path):
    with _store(tmp_path / "e.duckdb", [*SHOOTDOWN, REFERENCE]) as store:
        only_reference = EventFilter(text="trade has stalled")
        assert [(r["period"], r["events"], r["mentions"])
                for r in event_series(store, only_reference, "day")] == [(NOV_24, 1, 1)]
        # dates filter the group's day, so "since 20 November" keeps every report
        since = EventFilter(since=D(2015, 11, 20))
        assert [(r["events"], r["mentions"]) for r in event_series(store, since, "year")] == [
            (1, 4)]
        assert event_series(store, EventFilter(since=D(2015, 11, 25)), "year") == []
        for flt in (only_reference, EventFilter(code="19"), EventFilter(country="TUR")):
            assert [(r["code"], r["events"]) for r in top_actors(store, 5, flt)] == [
                ("RUSMIL", 1), ("TUR", 1)]


def test_gdelt_export_writes_one_row_per_event_unless_per_report(tmp_path):
    path = tmp_path / "e.duckdb"
    _store(path, [*SHOOTDOWN, REFERENCE]).close()
    with Store(path, read_only=True) as store:
        assert export_events(store.con, "gdelt", tmp_path / "g.tsv") == 1
        assert export_events(store.con, "gdelt", tmp_path / "r.tsv", per_report=True) == 4
        assert export_events(store.con, "csv", tmp_path / "r.csv") == 4
    fields = (tmp_path / "g.tsv").read_text().split("\t")
    assert fields[1] == "20151124" and fields[31:34] == ["4", "2", "4"]


@pytest.fixture
def client(tmp_path):
    path = tmp_path / "e.duckdb"
    _store(path, [*SHOOTDOWN, REFERENCE]).close()
    with TestClient(create_app(path)) as client:
        yield client


def test_api_series_count_groups_and_listing_names_each_reports_group(client):
    data = client.get("/api/dyads/TUR/RUS/series?by=year").json()
    assert data["totals"]["events"] == 1 and data["totals"]["mentions"] == 4
    assert [(r["period"], r["events"], r["mentions"], r["all_events"])
            for r in data["series"]] == [("2015-01-01", 1, 4, 1)]
    listing = client.get("/api/events?dyad=TUR,RUS").json()
    assert listing["count"] == 4
    assert len({e["event_key"] for e in listing["events"]}) == 1
    assert sorted(e["past_reference"] for e in listing["events"]) == [False, False, False, True]
    group = listing["events"][0]["event_key"]
    assert client.get(f"/api/events?event_key={group}").json()["count"] == 4
    assert client.get("/api/events?event_key=nothex").status_code == 422
    assert client.get("/api/stats").json()["events"] == 1
    page = client.get(f"/search?event_key={group}").text
    assert page.count('class="group-link"') == 4 and "past reference" in page


def test_store_written_before_group_ids_gets_them_when_opened(tmp_path):
    path = tmp_path / "old.duckdb"
    with _store(path, [*SHOOTDOWN, REFERENCE]) as store:
        store.con.execute("ALTER TABLE events DROP COLUMN group_id")
        store.con.execute("ALTER TABLE events DROP COLUMN past_reference")
    with Store(path) as store:
        totals = stats(store)
        assert (totals["events"], totals["reports"], totals["past_references"]) == (1, 4, 1)


def test_store_written_before_group_ids_is_upgraded_before_a_read_only_open(tmp_path):
    path = tmp_path / "old.duckdb"
    with _store(path, SHOOTDOWN) as store:
        store.con.execute("ALTER TABLE events DROP COLUMN group_id")
        store.con.execute("ALTER TABLE events DROP COLUMN past_reference")
    with Store(path, read_only=True) as store:
        assert [r["mentions"] for r in dyad_series(store, "TUR", "RUS")] == [3]
