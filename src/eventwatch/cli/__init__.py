"""Command line: thin Typer commands over plain functions (pipeline, coding, store queries)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwatch.store import DEFAULT_DB

app = typer.Typer(help="eventwatch: news articles in, coded political events out.",
                  no_args_is_help=True, add_completion=False)


def _mount_subcommands() -> None:
    from eventwatch.cli.dictionaries import sub_app
    from eventwatch.cli.export import export, plot_app
    from eventwatch.cli.serve import serve

    app.add_typer(sub_app, name="dictionaries")
    app.command()(serve)
    app.command()(export)
    app.add_typer(plot_app, name="plot")
    from eventwatch.cli.places import places_command

    app.command("places")(places_command)


console = Console(stderr=True)
out = Console()

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
DictOption = Annotated[
    str | None,
    typer.Option("--dictionaries", "-d",
                 help="Dictionaries: 'builtin' (default), a folder in eventwatch's format, "
                      "'petrarch:DIR', or a compact FILE.ewdict."),
]


def parse_date(value: str | None, name: str = "") -> dt.date | None:
    """An ISO date option, or a clear usage error naming the option."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        prefix = f"{name}: " if name else ""
        raise typer.BadParameter(f"{prefix}not an ISO date (YYYY-MM-DD): {value!r}") from exc


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, feeds or '-' for stdin.")],
    db: DbOption = Path(DEFAULT_DB),
    dictionaries: DictOption = None,
    workers: Annotated[int, typer.Option(help="Worker processes for parsing and coding.")] = 1,
    batch_size: Annotated[int, typer.Option(help="Articles per batch.")] = 32,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Run on Dask: a scheduler address (tcp://host:8786) or 'local'."),
    ] = None,
) -> None:
    """Ingest, code and store articles; print a summary."""
    from eventwatch.engine import EngineSettings
    from eventwatch.pipeline import run as run_pipeline
    from eventwatch.store import Store

    settings = EngineSettings(dictionaries=dictionaries, workers=workers, batch_size=batch_size,
                              scheduler=scheduler)
    with Store(db) as store, Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), TextColumn("{task.completed}"),
        TimeElapsedColumn(), console=console, transient=True,
    ) as bar:
        read = bar.add_task("read", total=None)
        coded = bar.add_task("coded", total=None)

        def progress(stage: str, n: int) -> None:
            bar.advance(coded if stage == "coded" else read, n)

        summary = run_pipeline(paths, store, settings, progress)
        _print_run_summary(store, summary)
    if summary.articles == 0 and summary.rejects > 0:
        raise typer.Exit(code=1)


def _print_run_summary(store: Any, summary: Any) -> None:
    from eventwatch.ontology import cameo_codes
    from eventwatch.store.queries import counts_by_root, top_dyads

    out.print(f"[bold]articles[/] {summary.articles} read, {summary.new_articles} new   "
              f"[bold]events[/] {summary.events} coded, {summary.new_events} new   "
              f"[bold]rejects[/] {summary.rejects}   [bold]time[/] {summary.seconds:.1f}s")
    for reject in summary.reject_items[:20]:
        out.print(f"  [red]reject[/] {reject.item}: {reject.reason} [{reject.code}]")
    out.print(f"store {store.path}: {store.count('articles')} articles, "
              f"{store.count('events')} events, {store.count('rejects')} rejects")
    dyads = Table("source", "target", "events", "mean Goldstein", title="Top dyads")
    for row in top_dyads(store, 10):
        dyads.add_row(row["source"], row["target"], str(row["events"]),
                      f"{row['goldstein_mean']:+.2f}")
    out.print(dyads)
    roots = Table("root", "label", "events", title="Events per CAMEO root")
    codes = cameo_codes()
    for row in counts_by_root(store):
        roots.add_row(row["root"], codes[row["root"]].label, str(row["events"]))
    out.print(roots)


@app.command()
def code(
    file: Annotated[str, typer.Argument(help="JSONL file, or '-' for stdin.")] = "-",
    dictionaries: DictOption = None,
    include_negated: Annotated[bool, typer.Option(help="Also emit negated events.")] = False,
) -> None:
    """JSONL in ({"id","date","text"} per line), JSONL out ({"id","events":[...]}) in order."""
    from eventwatch.coding import code_jsonl

    stream = sys.stdin if file == "-" else open(file, encoding="utf-8")  # noqa: SIM115
    try:
        for line in code_jsonl(stream, dictionaries, include_negated=include_negated):
            sys.stdout.write(line + "\n")
    finally:
        if stream is not sys.stdin:
            stream.close()


@app.command()
def events(
    db: DbOption = Path(DEFAULT_DB),
    actor: Annotated[str | None, typer.Option(help="Actor code prefix, e.g. TUR.")] = None,
    dyad: Annotated[str | None, typer.Option(help="Two code prefixes, e.g. TUR,RUS.")] = None,
    root: Annotated[str | None, typer.Option(help="CAMEO root, e.g. 19.")] = None,
    since: Annotated[str | None, typer.Option(help="First date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last date, YYYY-MM-DD.")] = None,
    format: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
) -> None:
    """List stored events with filters."""
    from eventwatch.store import Store
    from eventwatch.store.queries import EventFilter, select_events

    if format not in ("table", "jsonl", "csv"):
        raise typer.BadParameter("--format must be table, jsonl or csv")
    pair = None
    if dyad:
        parts = [p.strip().upper() for p in dyad.split(",")]
        if len(parts) != 2 or not all(parts):
            raise typer.BadParameter("--dyad takes two codes separated by a comma, e.g. TUR,RUS")
        pair = (parts[0], parts[1])
    flt = EventFilter(actor=actor.upper() if actor else None, dyad=pair, root=root,
                      since=parse_date(since, "--since"), until=parse_date(until, "--until"))
    with Store(db, read_only=True) as store:
        rows = select_events(store, flt, limit)
    _print_rows(rows, format)


def _print_rows(rows: list[dict[str, Any]], format: str) -> None:
    if format == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
    elif format == "csv":
        buffer = io.StringIO()
        if rows:
            writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        sys.stdout.write(buffer.getvalue())
    else:
        table = Table("date", "source", "target", "code", "label", "goldstein", "trigger",
                      title=f"{len(rows)} events")
        for row in rows:
            table.add_row(str(row["date"] or ""), row["source_code"], row["target_code"] or "",
                          row["code"], row["label"], f"{row['goldstein']:+.1f}", row["trigger"])
        out.print(table)


def dyad_rows(db: Path, a: str, b: str, by: str) -> list[dict[str, Any]]:
    """The dyad series for the ``dyad`` and ``plot dyad`` commands (``--by`` checked)."""
    from eventwatch.store import Store
    from eventwatch.store.queries import PERIODS, dyad_series

    if by not in PERIODS:
        raise typer.BadParameter("--by must be day, week, month or year")
    with Store(db, read_only=True) as store:
        return dyad_series(store, a.upper(), b.upper(), by)


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="First actor code prefix, e.g. TUR.")],
    b: Annotated[str, typer.Argument(help="Second actor code prefix, e.g. RUS.")],
    db: DbOption = Path(DEFAULT_DB),
    by: Annotated[str, typer.Option(help="day, week, month or year.")] = "year",
) -> None:
    """Cooperation vs conflict between two actors over time (both directions): events (one
    per event group, however many reports) and their mentions."""
    rows = dyad_rows(db, a, b, by)
    table = Table(by, "events", "mentions", "cooperation", "conflict", "mean Goldstein", "",
                  title=f"{a.upper()}–{b.upper()} by {by}")
    for row in rows:
        label = str(row["period"])[:4] if by == "year" else str(row["period"])
        mean = row["goldstein_mean"] or 0.0
        bar = ("[green]" + "+" * round(mean)) if mean > 0 else ("[red]" + "-" * round(-mean))
        table.add_row(label, str(row["events"]), str(row["mentions"]), str(row["cooperation"]),
                      str(row["conflict"]), f"{mean:+.2f}", bar)
    out.print(table)


_mount_subcommands()


def main() -> None:
    app()


__all__ = ["app", "main"]
