"""The bundled demo: Turkey–Russia relations dip in 2015 (shootdown) and 2020 (Idlib)."""

from __future__ import annotations

from pathlib import Path

from eventwatch.pipeline import run
from eventwatch.store import Store
from eventwatch.store.queries import dyad_series

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_demo_turkey_russia_dips_in_2015_and_2020(tmp_path):
    with Store(tmp_path / "demo.duckdb") as store:
        summary = run([EXAMPLES], store)
        assert summary.articles >= 30 and summary.rejects == 0
        series = {str(r["period"])[:4]: r for r in dyad_series(store, "TUR", "RUS", "year")}
    assert {"2015", "2016", "2019", "2020", "2021"} <= set(series)
    by_mean = sorted(series, key=lambda y: series[y]["goldstein_mean"])
    assert set(by_mean[:2]) == {"2015", "2020"}, by_mean
    by_conflict = sorted(series, key=lambda y: -series[y]["conflict"])
    assert set(by_conflict[:2]) == {"2015", "2020"}, by_conflict
    assert series["2015"]["goldstein_mean"] < 0 < series["2017"]["goldstein_mean"]
    # the shootdown is one event reported by several articles: counted once, mentioned more
    assert series["2015"]["mentions"] > series["2015"]["events"]


def test_demo_events_carry_provenance(tmp_path):
    with Store(tmp_path / "demo.duckdb") as store:
        run([EXAMPLES / "2015-11-24-turkey-shoots-down-russian-jet.txt"], store)
        rows = store.query(
            "SELECT e.*, a.text FROM events e JOIN articles a ON a.id = e.article_id")
    assert rows
    for row in rows:
        assert row["text"][row["trigger_start"]:row["trigger_end"]] == row["trigger"]
        assert row["text"][row["source_start"]:row["source_end"]] == row["source_name"]
        assert row["rule"].startswith(("verbs:", "nouns:")) and row["dictionary_version"]
        assert row["date"] is not None
