"""The DuckDB store: idempotent writes, re-coding replaces, queries filter and aggregate."""

from __future__ import annotations

import dataclasses
import datetime as dt

from eventwatch.events import code_article
from eventwatch.parse import parse_articles
from eventwatch.records import Article, Reject
from eventwatch.store import Store
from eventwatch.store.queries import EventFilter, dyad_series, select_events

TEXTS = {
    "a2015": (dt.date(2015, 11, 24), "Turkey shot down a Russian warplane near the border. "
                                     "Russia imposed sanctions on Turkey."),
    "a2016": (dt.date(2016, 8, 9), "Erdogan met Putin in St Petersburg."),
}


def _coded(nlp, mini):
    articles = [Article(id=k, text=t, published=d) for k, (d, t) in TEXTS.items()]
    events = []
    for parsed in parse_articles(articles, nlp, mini.actors.has_candidate):
        events.extend(code_article(parsed, mini))
    return articles, events


def test_store_rerun_adds_nothing(nlp, mini, tmp_path):
    articles, events = _coded(nlp, mini)
    with Store(tmp_path / "t.duckdb") as store:
        assert store.add_coded(articles, events, mini.version) == (2, 3)
        assert store.add_coded(articles, events, mini.version) == (0, 0)
        assert store.add_rejects([Reject("x.bin", "E102", "binary")]) == 1
        assert store.add_rejects([Reject("x.bin", "E102", "binary")]) == 0
        assert (store.count("articles"), store.count("events")) == (2, 3)


def test_store_recoding_with_new_dictionaries_replaces_events(nlp, mini, tmp_path):
    articles, events = _coded(nlp, mini)
    with Store(tmp_path / "t.duckdb") as store:
        store.add_coded(articles, events, mini.version)
        fewer = [dataclasses.replace(e, dictionary_version="v2", id=e.id + "x")
                 for e in events if e.code != "163"]
        store.add_coded(articles, fewer, "v2")
        assert store.count("events") == 2
        assert {r["dictionary_version"] for r in store.query("SELECT * FROM events")} == {"v2"}


def test_store_queries_filter_and_series(nlp, mini, tmp_path):
    articles, events = _coded(nlp, mini)
    with Store(tmp_path / "t.duckdb") as store:
        store.add_coded(articles, events, mini.version)
        conflict = select_events(store, EventFilter(dyad=("TUR", "RUS"), root="19"))
        assert [(r["source_code"], r["target_code"], r["code"]) for r in conflict] == [
            ("TUR", "RUSMIL", "195")]
        assert len(select_events(store, EventFilter(actor="RUS", since=dt.date(2016, 1, 1)))) == 1
        series = dyad_series(store, "TUR", "RUS", "year")
        assert [(str(r["period"])[:4], r["cooperation"], r["conflict"]) for r in series] == [
            ("2015", 0, 2), ("2016", 1, 0)]
        assert series[0]["goldstein_mean"] < 0 < series[1]["goldstein_mean"]
