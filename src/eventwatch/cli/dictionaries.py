"""``eventwatch dictionaries``: turn PETRARCH dictionaries into a quick ``.ewdict``; lint them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

sub_app = typer.Typer(help="Import and check PETRARCH-format dictionaries.",
                      no_args_is_help=True, add_completion=False)
console = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

FolderArg = Annotated[Path, typer.Argument(help="Folder of PETRARCH-2 dictionary files.",
                                           exists=True, file_okay=False, dir_okay=True)]


@sub_app.command("import")
def import_(
    folder: FolderArg,
    out_file: Annotated[Path, typer.Option("--out", "-o",
                                           help="Output file; must end in .ewdict.")],
) -> None:
    """Read a PETRARCH folder and write it as one .ewdict file (use it with -d FILE)."""
    from eventwatch.dictionaries.petrarch import gc_paused, read_petrarch
    from eventwatch.dictionaries.petrarch.compact import SUFFIX, save_compact

    if out_file.suffix != SUFFIX:
        raise typer.BadParameter(f"the output file must end in {SUFFIX}", param_hint="--out")
    with gc_paused():
        parts = read_petrarch(folder)
        save_compact(parts, out_file)
    for error in parts.errors:
        console.print(f"[red]error[/] {escape(str(error))}")
    verbs = len(parts.verbs)
    out.print(f"wrote {out_file}: {len(parts.actors)} actor/agent phrases, {verbs} verbs, "
              f"{parts.pattern_count} verb patterns, "
              f"{len(parts.sentence_discards) + len(parts.story_discards)} discard phrases; "
              f"{len(parts.errors)} lines skipped; version {parts.version}")


@sub_app.command("check")
def check(
    folder: FolderArg,
    max_warnings: Annotated[int, typer.Option(help="Warnings to print (0: all).")] = 200,
) -> None:
    """Lint a PETRARCH folder: unparseable lines (exit 1), duplicates, non-CAMEO codes."""
    from eventwatch.dictionaries.petrarch.check import check_petrarch

    report = check_petrarch(folder)
    for error in report.errors:
        out.print(f"{escape(error.path)}:{error.line}: [red]error[/]: {escape(error.reason)}")
    shown = report.warnings if max_warnings <= 0 else report.warnings[:max_warnings]
    for warning in shown:
        out.print(f"{escape(warning.path)}:{warning.line}: [yellow]warning[/]: "
                  f"{escape(warning.reason)}")
    if len(shown) < len(report.warnings):
        out.print(f"... {len(report.warnings) - len(shown)} more warnings "
                  "(--max-warnings 0 shows all)")
    counts = ", ".join(f"{value} {key.replace('_', ' ')}" for key, value in report.counts.items())
    out.print(f"{counts}; {len(report.errors)} errors, {len(report.warnings)} warnings")
    if report.errors:
        raise typer.Exit(code=1)


__all__ = ["sub_app"]
