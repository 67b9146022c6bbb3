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
