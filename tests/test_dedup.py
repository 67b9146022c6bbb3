"""Dedup: wire copy across outlets, and one event reported by several articles."""

from __future__ import annotations

import json

from eventwatch.dedup import find_duplicates
from eventwatch.pipeline import run
from eventwatch.records import Article
from eventwatch.store import Store

STORY = ("ANKARA, Nov 24, 2015 (Example Wire) - Turkey shot down a Russian warplane near the "
         "Syrian border on Tuesday, the Turkish military said. Russia said the jet had been "
         "flying over Syria and called the incident a stab in the back. NATO called an "
         "emergency meeting at Turkey's request to discuss the downing of the aircraft.")


def test_dedup_finds_republished_wire_copy():
    copy = STORY.replace("Example Wire", "Other Outlet") + " Read the full story online."
    other = ("Russia imposed sanctions on Turkey on Saturday, banning charter flights and "
             "imports of Turkish fruit and vegetables after the downing of its warplane. " * 2)
    articles = [Article(id="a", text=STORY), Article(id="b", text=copy),
                Article(id="c", text=other)]
    assert find_duplicates(articles) == {"b": "a"}


def test_dedup_event_groups_count_mentions_and_outlets(tmp_path):
    rows = [{"id": "w1", "date": "2015-11-24", "source": "Example Wire", "text": STORY},
            {"id": "w2", "date": "2015-11-24", "source": "Other Outlet",
             "text": STORY.replace("Example Wire", "Other Outlet")},
            {"id": "w3", "date": "2015-11-24", "source": "Third Paper",
             "text": "Turkey shot down a Russian warplane near the Syrian border on Tuesday."}]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    with Store(tmp_path / "e.duckdb") as store:
        run([dump], store)
        assert store.query("SELECT id, duplicate_of FROM articles ORDER BY id") == [
            {"id": "w1", "duplicate_of": None}, {"id": "w2", "duplicate_of": "w1"},
            {"id": "w3", "duplicate_of": None}]
        (group,) = store.query("SELECT * FROM event_groups WHERE code LIKE '19%'")
    assert (group["mentions"], group["articles"], group["outlets"],
            group["independent_articles"]) == (3, 3, 3, 2)


SHOOTDOWN = {"id": "shootdown", "date": "2015-11-24", "source": "Anatolia Desk",
             "text": "ANKARA - Turkey shot down a Russian warplane near the Syrian border on "
                     "Tuesday, the Turkish military said. Both pilots ejected over Syria."}
LOOKBACK = {"id": "lookback", "date": "2016-06-28", "source": "Bosphorus Daily",
            "text": "Relations between Ankara and Moscow have been frozen since Turkey shot "
                    "down a Russian jet in November. Trade between the two countries has "
                    "fallen sharply and Russian tour operators cancelled their packages."}


def _groups(store: Store) -> list[dict]:
    return store.query("SELECT event_key, date, code, mentions, past_references, articles "
                       "FROM event_groups ORDER BY event_key")


def _run(tmp_path, name: str, rows: list[dict], store: Store):
    dump = tmp_path / f"{name}.jsonl"
    dump.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return run([dump], store)


def test_dedup_past_reference_counts_as_a_mention_of_the_original(tmp_path):
    with Store(tmp_path / "alone.duckdb") as store:
        _run(tmp_path, "alone", [SHOOTDOWN], store)
        alone = len(_groups(store))
    with Store(tmp_path / "e.duckdb") as store:
        _run(tmp_path, "both", [SHOOTDOWN, LOOKBACK], store)
        dates = store.query("SELECT article_id, date, date_resolution FROM events "
                            "WHERE root = '19' ORDER BY article_id")
        groups = _groups(store)
        again = _run(tmp_path, "both", [SHOOTDOWN, LOOKBACK], store)
        assert (again.new_articles, again.new_events) == (0, 0)
        assert _groups(store) == groups
    assert [(r["article_id"], str(r["date"]), r["date_resolution"]) for r in dates] == [
        ("lookback", "2015-11-01", "month"), ("shootdown", "2015-11-24", "day")]
    assert len(groups) == alone
    (shot,) = [g for g in groups if g["code"].startswith("19")]
    assert (str(shot["date"]), shot["mentions"], shot["past_references"], shot["articles"]) == (
        "2015-11-24", 2, 1, 2)


def test_dedup_past_reference_stored_first_joins_when_the_original_arrives(tmp_path):
    with Store(tmp_path / "e.duckdb") as store:
        _run(tmp_path, "later", [LOOKBACK], store)
        (before,) = [g for g in _groups(store) if g["code"].startswith("19")]
        assert (str(before["date"]), before["mentions"]) == ("2015-11-01", 1)
        _run(tmp_path, "original", [SHOOTDOWN], store)
        late = _groups(store)
    with Store(tmp_path / "f.duckdb") as store:
        _run(tmp_path, "together", [SHOOTDOWN, LOOKBACK], store)
        assert _groups(store) == late
