"""Read news articles from files, folders, JSON Lines, feeds and stdin.

Every input item becomes either an ``Article`` (cleaned, with a stable id) or a ``Reject``
with a stable code from ``eventwatch.errors``; a bad item never stops the rest.
"""

from __future__ import annotations

from ._dates import date_from_filename, date_from_text, parse_date_text, parse_date_value
from ._ids import make_article_id
from ._read import DEFAULT_MAX_BYTES, read_inputs

__all__ = [
    "DEFAULT_MAX_BYTES",
    "date_from_filename",
    "date_from_text",
    "make_article_id",
    "parse_date_text",
    "parse_date_value",
    "read_inputs",
]
