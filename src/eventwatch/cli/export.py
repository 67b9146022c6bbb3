"""``eventwatch export`` (GDELT TSV, Parquet, CSV, JSONL) and ``eventwatch plot dyad``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from eventwatch.store import DEFAULT_DB

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
plot_app = typer.Typer(help="Charts as image files.", no_args_is_help=True)




def export(
    out: Annotated[Path, typer.Argument(help="Output file (a directory for parquet).")],
    format: Annotated[str, typer.Option("--format", "-f",
                                        help="gdelt, parquet, csv or jsonl.")] = "jsonl",
    since: Annotated[str | None, typer.Option(help="First date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last date, YYYY-MM-DD.")] = None,
    db: DbOption = Path(DEFAULT_DB),
    header: Annotated[bool, typer.Option(help="gdelt: write a header line (GDELT has "
                                              "none).")] = False,
    include_negated: Annotated[bool, typer.Option(help="Also export negated events.")] = False,
    per_report: Annotated[bool, typer.Option(help="gdelt: one row per stored report "
                                                  "instead of one per event.")] = False,
) -> None:
    """Export events: GDELT 2.0 TSV, Parquet by month, CSV or JSONL.

    gdelt is GDELT's 61-column event table, tab-separated, no header (--header adds one),
    one row per event (its reports grouped, as GDELT does, with NumMentions; --per-report
    writes every report); parquet is a directory partitioned by month (hive: month=YYYY-MM);
    parquet, csv and jsonl keep every stored report with its group's event_key."""
    from eventwatch.export import EXPORTERS, ExportError, export_events
    from eventwatch.store import Store
    from eventwatch.store.queries import EventFilter

    if format not in EXPORTERS:
        raise typer.BadParameter(f"--format must be one of {', '.join(EXPORTERS)}")
    from eventwatch.cli import parse_date

    flt = EventFilter(since=parse_date(since, "--since"), until=parse_date(until, "--until"),
                      include_negated=include_negated)
    with Store(db, read_only=True) as store:
        try:
            count = export_events(store.con, format, out, flt, header=header,
                                  per_report=per_report)
        except ExportError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(code=1) from exc
    rows = "event group" if format == "gdelt" and not per_report else "report"
    typer.echo(f"wrote {count} events to {out} ({format}, one row per {rows})", err=True)


@plot_app.command("dyad")
def plot_dyad(
    a: Annotated[str, typer.Argument(help="First actor code prefix, e.g. TUR.")],
    b: Annotated[str, typer.Argument(help="Second actor code prefix, e.g. RUS.")],
    out: Annotated[Path, typer.Option("--out", help="FILE.png or FILE.svg.")],
    db: DbOption = Path(DEFAULT_DB),
    by: Annotated[str, typer.Option(help="day, week, month or year.")] = "year",
) -> None:
    """Cooperation vs conflict and mean Goldstein between two actors, as an image."""
    from eventwatch.cli import dyad_rows
    from eventwatch.plot import PlotError
    from eventwatch.plot import plot_dyad as draw

    rows = dyad_rows(db, a, b, by)
    if not rows:
        typer.echo(f"error: no dated events between {a.upper()} and {b.upper()}", err=True)
        raise typer.Exit(code=1)
    try:
        path = draw(rows, a.upper(), b.upper(), by, out)
    except PlotError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    typer.echo(f"wrote {path}", err=True)


__all__ = ["export", "plot_app", "plot_dyad"]
