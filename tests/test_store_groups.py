"""The store applies the past-reference rule: after any write, re-coding, or an upgrade."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from eventwatch.api import create_app
from eventwatch.export import GDELT_COLUMNS, export_events
from eventwatch.records import Article
from eventwatch.store import Store
from eventwatch.store.queries import EventFilter
from test_dedup_references import shot_down

TEXT = "Turkey shot down a Russian jet."
ORIGINAL = Article(id="orig", text=TEXT, published=dt.date(2015, 11, 24), outlet="Anatolia Desk")
LATER = Article(id="later", text=TEXT, published=dt.date(2016, 6, 28), outlet="Bosphorus Daily")
DAY = shot_down(dt.date(2015, 11, 24), "day", "orig")
MONTH = shot_down(dt.date(2015, 11, 1), "month", "later")


def _keys(store: Store) -> dict[str, tuple[str, str]]:
    rows = store.query("SELECT id, event_key, own_key FROM events")
    return {r["id"]: (r["event_key"], r["own_key"]) for r in rows}


def _merged(store: Store) -> bool:
    keys = _keys(store)
    return keys[MONTH.id][0] == keys[DAY.id][0] != keys[MONTH.id][1]


def test_store_recoding_the_original_away_unmerges_its_reference(tmp_path):
    with Store(tmp_path / "e.duckdb") as store:
        store.add_coded([ORIGINAL, LATER], [DAY, MONTH], "v")
        assert _merged(store)
        store.add_coded([ORIGINAL], [], "v2")
        (own,) = _keys(store).values()
        assert own[0] == own[1]
        (group,) = store.query("SELECT mentions, past_references FROM event_groups")
        assert (group["mentions"], group["past_references"]) == (1, 0)


def test_store_written_before_own_keys_is_regrouped_when_opened(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.add_coded([ORIGINAL, LATER], [DAY, MONTH], "v")
        store.con.execute("DROP VIEW event_groups")
        store.con.execute("UPDATE events SET event_key = own_key")
        store.con.execute("ALTER TABLE events DROP COLUMN own_key")
    with Store(path) as store:
        assert _merged(store)
        assert store.query("SELECT mentions FROM event_groups") == [{"mentions": 2}]


def test_reference_reports_and_gdelt_mentions_come_from_its_group(tmp_path):
    path = tmp_path / "e.duckdb"
    with Store(path) as store:
        store.add_coded([LATER], [MONTH], "v")
        store.add_coded([ORIGINAL], [DAY], "v")
    with TestClient(create_app(path)) as client:
        reports = client.get(f"/api/events/{MONTH.id}").json()["reports"]
    assert (reports["mentions"], reports["articles"], reports["outlets"]) == (2, 2, 2)
    out = tmp_path / "g.tsv"
    with Store(path, read_only=True) as store:
        assert export_events(store.con, "gdelt", out, EventFilter()) == 1
        first = GDELT_COLUMNS.index("NumMentions")
        (line,) = out.read_text().splitlines()
        fields = line.split("\t")
        assert fields[first:first + 3] == ["2", "2", "2"]
        assert fields[GDELT_COLUMNS.index("SQLDATE")] == "20151124"  # the original's day
        assert export_events(store.con, "gdelt", out, EventFilter(), per_report=True) == 2
    mentions = [line.split("\t")[first:first + 3] for line in out.read_text().splitlines()]
    assert mentions == [["2", "2", "2"]] * 2
