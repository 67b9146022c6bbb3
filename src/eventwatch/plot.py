"""Charts as files: ``eventwatch plot dyad A B --out FILE.png|svg`` (matplotlib, optional).

Same data as the dashboard's dyad chart (``dyad_series``): cooperation and conflict counts
as bars, mean Goldstein as a dashed line on a second axis.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eventwatch.errors import EventwatchError

FORMATS = (".png", ".svg")


class PlotError(EventwatchError):
    """The chart could not be drawn (no matplotlib, unknown file type)."""


def plot_dyad(rows: Sequence[dict[str, Any]], a: str, b: str, by: str, out: str | Path) -> Path:
    """Draw a dyad series to ``out`` (.png or .svg); returns the path written."""
    path = Path(out)
    if path.suffix.lower() not in FORMATS:
        raise PlotError(f"--out must end in .png or .svg, not {path.suffix or 'nothing'}")
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise PlotError("plotting needs matplotlib: pip install 'eventwatch[plot]'") from exc
    labels = [str(r["period"])[:4] if by == "year" else str(r["period"])[:7 if by == "month"
              else 10] for r in rows]
    xs = range(len(rows))
    fig, ax = plt.subplots(figsize=(10, 4.5), dpi=110)
    ax.bar([x - 0.2 for x in xs], [r["cooperation"] for r in rows], 0.4, color="#2e8540",
           label="cooperation")
    ax.bar([x + 0.2 for x in xs], [r["conflict"] for r in rows], 0.4, color="#c0392b",
           label="conflict")
    ax.set_ylabel("events")
    ax.set_xticks(list(xs), labels, rotation=45 if len(rows) > 12 else 0, ha="right"
                  if len(rows) > 12 else "center")
    right = ax.twinx()
    right.plot(list(xs), [r["goldstein_mean"] for r in rows], "--o", color="#8a5a00",
               label="mean Goldstein")
    right.set_ylim(-10, 10)
    right.axhline(0, color="#8a5a00", linewidth=0.5, alpha=0.5)
    right.set_ylabel("mean Goldstein")
    handles = ax.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
    ax.legend(handles, [h.get_label() for h in handles], loc="upper right", frameon=False)
    ax.set_title(f"{a}–{b} by {by}: cooperation vs conflict (both directions)")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path


__all__ = ["FORMATS", "PlotError", "plot_dyad"]
