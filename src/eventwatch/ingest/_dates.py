"""Publication dates from input fields, file names and datelines.

A missing date stays ``None``: guessing (e.g. today's date) would silently misdate events.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as date_parser

from ..clean import dateline_date

MIN_YEAR = 1800
MAX_YEAR = 2200
DATELINE_LINES = 6
_FILE_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?!\d)")
_EPOCH_MS_ABOVE = 100_000_000_000


def _in_range(day: dt.date) -> dt.date | None:
    return day if MIN_YEAR <= day.year <= MAX_YEAR else None


def parse_date_text(text: str) -> dt.date | None:
    """Parse an ISO or common written date; ``None`` unless year, month and day are all given."""
    text = text.strip()
    if not text or len(text) > 100:
        return None
    try:
        first = date_parser.parse(text, default=dt.datetime(1, 1, 1))
        second = date_parser.parse(text, default=dt.datetime(2, 2, 2))
    except (ValueError, OverflowError):
        return None
    if first.date() != second.date():
        return None
    return _in_range(first.date())


def parse_date_value(value: object) -> dt.date | None:
    """A JSON ``date``/``published`` value: a string, or a Unix timestamp (seconds or ms)."""
    if isinstance(value, dt.datetime):
        return _in_range(value.date())
    if isinstance(value, dt.date):
        return _in_range(value)
    if isinstance(value, str):
        return parse_date_text(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if abs(value) > _EPOCH_MS_ABOVE else value
        try:
            return _in_range(dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date())
        except (OverflowError, OSError, ValueError):
            return None
    return None


def date_from_filename(name: str | None) -> dt.date | None:
    """The ``YYYY-MM-DD`` prefix of a file name, e.g. ``2015-11-24-shootdown.txt``."""
    match = _FILE_DATE.match(name or "")
    if not match:
        return None
    try:
        return _in_range(dt.date(*(int(part) for part in match.groups())))
    except ValueError:
        return None


def date_from_text(text: str, max_lines: int = DATELINE_LINES) -> dt.date | None:
    """A date in a dateline or date line among the first lines of the text."""
    lines = (line for line in text.splitlines() if line.strip())
    for _, line in zip(range(max_lines), lines, strict=False):
        found = dateline_date(line)
        parsed = parse_date_text(found) if found else None
        if parsed:
            return parsed
    return None
