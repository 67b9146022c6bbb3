"""Dashboard: HTML pages rendering the API's payloads, each linking its JSON twin.

Templates and static assets ship in the package. Third-party JS (uPlot, d3-geo,
topojson-client) and the world-atlas base map are built into ``static/vendor/`` by
``make assets`` from pinned npm packages; nothing is fetched from a CDN at run time.
"""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).parent / "static"
TEMPLATE_DIR = Path(__file__).parent / "templates"
VENDOR_FILES = ("uPlot.iife.min.js", "uPlot.min.css", "d3-array.min.js", "d3-geo.min.js",
                "topojson-client.min.js", "countries-110m.json")


def missing_assets() -> list[str]:
    """Vendored files not built yet (``make assets``): pages then say so instead of charts."""
    return [name for name in VENDOR_FILES if not (STATIC_DIR / "vendor" / name).is_file()]


__all__ = ["STATIC_DIR", "TEMPLATE_DIR", "VENDOR_FILES", "missing_assets"]
