"""Exports: GDELT 2.0 TSV opens in DuckDB with GDELT's 61 columns; Parquet round-trips every
event field; CSV and JSONL; the CLI; plot dyad."""

from __future__ import annotations

import json

import duckdb
import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from eventdb import ROWS, build
from eventwatch.cli import app as cli_app
from eventwatch.export import GDELT_COLUMNS, export_events
from eventwatch.export.gdelt import actor_fields, fips_codes
from eventwatch.store import Store
from eventwatch.store.queries import EventFilter

VISIBLE = sum(1 for row in ROWS if not row[-1])


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build(tmp_path_factory.mktemp("export") / "places.duckdb")


def _export(db_path, fmt, out, **kwargs):
    with Store(db_path, read_only=True) as store:
        return export_events(store.con, fmt, out, EventFilter(**kwargs.pop("flt", {})), **kwargs)


def _read_gdelt(path, header=False):
    con = duckdb.connect()
    if header:
        rel = con.sql("SELECT * FROM read_csv(?, delim='\t', header=true, quote='', "
                      "all_varchar=true)", params=[str(path)])
    else:
        rel = con.sql("SELECT * FROM read_csv(?, delim='\t', header=false, quote='', "
                      "names=?, all_varchar=true)", params=[str(path), list(GDELT_COLUMNS)])
    return rel.columns, [dict(zip(rel.columns, row, strict=True)) for row in rel.fetchall()]


def test_gdelt_has_its_61_columns():
    assert len(GDELT_COLUMNS) == len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
                                    "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
                                    "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[-10:] == ("ActionGeo_Type", "ActionGeo_FullName",
                                   "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
                                   "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long",
                                   "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL")


def test_gdelt_export_opens_in_duckdb_with_gdelt_columns(db_path, tmp_path):
    out = tmp_path / "events.tsv"
    assert _export(db_path, "gdelt", out) == VISIBLE
    text = out.read_text()
    assert text.count("\n") == VISIBLE and text.count("\t") == 60 * VISIBLE  # no header
    columns, rows = _read_gdelt(out)
    assert tuple(columns) == GDELT_COLUMNS and len(rows) == VISIBLE
    by_code = {(r["Actor1Code"], r["EventCode"]): r for r in rows}
    shot = by_code[("TUR", "190")]
    assert (shot["SQLDATE"], shot["MonthYear"], shot["Year"]) == ("20151124", "201511", "2015")
    assert shot["Actor2Code"] == "RUSMIL" and shot["Actor2CountryCode"] == "RUS"
    assert shot["Actor2Type1Code"] == "MIL" and shot["Actor2Name"] == "RUSSIAN WARPLANES"
    assert (shot["EventBaseCode"], shot["EventRootCode"], shot["QuadClass"]) == ("190", "19", "4")
    assert float(shot["GoldsteinScale"]) == -10 and shot["ActionGeo_Type"] == "0"
    assert float(shot["FractionDate"]) == pytest.approx(2015 + 328 / 365, abs=1e-4)
    idlib = by_code[("SYRMIL", "195")]
    assert (idlib["ActionGeo_Type"], idlib["ActionGeo_FullName"]) == ("4", "Idlib")
    assert (idlib["ActionGeo_CountryCode"], idlib["ActionGeo_FeatureID"]) == ("SY", "169388")
    assert (float(idlib["ActionGeo_Lat"]), float(idlib["ActionGeo_Long"])) == (35.93, 36.63)
    turkey = by_code[("TUR", "112")]
    assert (turkey["ActionGeo_Type"], turkey["ActionGeo_CountryCode"]) == ("1", "TU")
    grain = by_code[("TUR", "0311")]  # leading zero kept
    assert grain["Actor2Code"] == "IGOUNO" and grain["Actor2Type1Code"] == "IGO"
    assert grain["Actor2KnownGroupCode"] == "UNO" and grain["Actor2CountryCode"] is None
    assert all(len(r["DATEADDED"]) == 14 and r["SOURCEURL"] for r in rows)
    assert len({r["GLOBALEVENTID"] for r in rows}) == VISIBLE
    assert all(0 < int(r["GLOBALEVENTID"]) < 2**63 for r in rows)


def test_gdelt_header_variant(db_path, tmp_path):
    out = tmp_path / "events.tsv"
    _export(db_path, "gdelt", out, header=True, flt={"since": "2020-01-01"})
    columns, rows = _read_gdelt(out, header=True)
    assert tuple(columns) == GDELT_COLUMNS and len(rows) == 4


def test_gdelt_facts():
    assert fips_codes()["RUS"] == "RS" and fips_codes()["TUR"] == "TU"
    assert fips_codes()["SYR"] == "SY" and fips_codes()["DEU"] == "GM"
    assert actor_fields("TURGOVMIL", "turkish army", "TUR")[:3] == ["TURGOVMIL", "TURKISH ARMY",
                                                                    "TUR"]
    assert actor_fields("TURGOVMIL", "x", "TUR")[7:] == ["GOV", "MIL", ""]
    assert actor_fields(None, None, None) == [""] * 10


def test_parquet_round_trips_every_event_field(db_path, tmp_path):
    out = tmp_path / "parquet"
    assert _export(db_path, "parquet", out, flt={"include_negated": True}) == len(ROWS)
    months = sorted(p.name for p in out.iterdir())
    assert "month=2015-11" in months and "month=2020-02" in months
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    exported = {row["id"]: row for row in table.to_pylist()}
    with Store(db_path, read_only=True) as store:
        stored = store.query("SELECT * FROM events")
        columns = [c[0] for c in store.con.execute("DESCRIBE events").fetchall()]
    assert set(table.column_names) == {*columns, "month"}
    assert len(exported) == len(stored) == len(ROWS)
    for row in stored:
        back = exported[row["id"]]
        for column in columns:
            assert back[column] == row[column], (row["id"], column)
        assert back["month"] == (row["date"].strftime("%Y-%m") if row["date"] else None)


def test_parquet_refuses_a_non_empty_directory(db_path, tmp_path):
    (tmp_path / "x").write_text("keep me")
    result = CliRunner().invoke(cli_app, ["export", "--db", str(db_path), "-f", "parquet",
                                          str(tmp_path)])
    assert result.exit_code == 1 and (tmp_path / "x").read_text() == "keep me"


def test_csv_and_jsonl_exports(db_path, tmp_path):
    assert _export(db_path, "csv", tmp_path / "e.csv") == VISIBLE
    rows = duckdb.connect().sql("SELECT * FROM read_csv(?, header=true)",
                                params=[str(tmp_path / "e.csv")]).fetchall()
    assert len(rows) == VISIBLE
    assert _export(db_path, "jsonl", tmp_path / "e.jsonl", flt={"until": "2015-12-31"}) == 3
    lines = [json.loads(x) for x in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert [x["date"] for x in lines] == ["2015-11-24", "2015-11-28", "2015-12-02"]
    assert lines[2]["sentence"] == 'Russia accused Erdogan of "buying oil"; DROP TABLE events; --'


@pytest.mark.parametrize("fmt", ["gdelt", "csv", "jsonl", "parquet"])
def test_cli_export(db_path, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(cli_app, ["export", "--db", str(db_path), "--format", fmt,
                                          "--since", "2016-01-01", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and "wrote 9 events" in result.output


def test_cli_export_rejects_bad_values(db_path, tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli_app, ["export", "--db", str(db_path), "-f", "xml",
                                   str(tmp_path / "x")]).exit_code != 0
    assert runner.invoke(cli_app, ["export", "--db", str(db_path), "--since", "2015-13-01",
                                   str(tmp_path / "x")]).exit_code != 0


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_cli_plot_dyad(db_path, tmp_path, suffix):
    pytest.importorskip("matplotlib", reason="plot needs matplotlib (the 'plot' extra)")
    out = tmp_path / f"dyad{suffix}"
    result = CliRunner().invoke(cli_app, ["plot", "dyad", "TUR", "RUS", "--db", str(db_path),
                                          "--out", str(out)])
    assert result.exit_code == 0, result.output
    head = out.read_bytes()[:200]
    assert head.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in out.read_bytes()


def test_cli_plot_dyad_rejects_unknown_suffix_and_empty_dyad(db_path, tmp_path):
    runner = CliRunner()
    bad = runner.invoke(cli_app, ["plot", "dyad", "TUR", "RUS", "--db", str(db_path),
                                  "--out", str(tmp_path / "x.gif")])
    assert bad.exit_code == 1
    empty = runner.invoke(cli_app, ["plot", "dyad", "FRA", "DEU", "--db", str(db_path),
                                    "--out", str(tmp_path / "x.png")])
    assert empty.exit_code == 1 and not (tmp_path / "x.png").exists()


def test_gdelt_mention_counts_come_from_event_groups(tmp_path):
    from eventwatch.pipeline import run

    story = ("Turkey shot down a Russian warplane near the Syrian border on Tuesday, the "
             "Turkish military said in a statement issued in Ankara.")
    rows = [{"id": f"w{i}", "date": "2015-11-24", "source": f"Outlet {i % 2}",
             "text": story + " More details followed." * i} for i in range(3)]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    db = tmp_path / "e.duckdb"
    with Store(db) as store:
        run([dump], store)
    out = tmp_path / "g.tsv"
    assert _export(db, "gdelt", out) == 1  # one event, as GDELT has it
    _, exported = _read_gdelt(out)
    assert [(r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in exported] == [
        ("3", "2", "3")]
    assert _export(db, "gdelt", out, per_report=True) == 3
    _, exported = _read_gdelt(out)
    assert {(r["NumMentions"], r["NumSources"], r["NumArticles"]) for r in exported} == {
        ("3", "2", "3")}
