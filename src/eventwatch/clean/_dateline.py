"""Recognise news datelines ("ALANYA, Turkey (Reuters) – ") and date-only lines.

Datelines stay in the text (place and date are useful to later stages); this module only
finds them, so the title detector can skip them and ingest can read a date from them.
"""

from __future__ import annotations

import re

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A full calendar date with a year: "Nov 24, 2015", "24 November 2015", "2015-11-24".
DATE = (
    rf"(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})"
)
_PLACE = r"[A-Z][A-Z.'’ -]*[A-Z.](?:,\s*[A-Z][A-Za-z.'’ -]*?)?"
_SHORT_DATE = rf"{MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?"
_DATELINE = re.compile(
    rf"^(?:(?:{_PLACE})(?:,\s*{_SHORT_DATE})?\s*)?\([A-Za-z][^()]{{1,40}}\)\s*(?:[-–—]+|:)\s*"
    rf"|^{_PLACE}(?:,\s*{_SHORT_DATE})?\s+[-–—]+\s+"
)
_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted|dated?)\s*:?\s*(?:on\s+)?)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?P<date>{DATE})(?:[\s,]+\d{{1,2}}[:.]\d{{2}}.*)?$",
    re.IGNORECASE,
)
_DATE_AFTER_PLACE = re.compile(rf"^(?:{_PLACE}),\s*(?P<date>{DATE})")


def find_dateline(paragraph: str) -> str | None:
    """The dateline prefix of a body paragraph, e.g. ``"ALANYA, Turkey (Reuters) – "``."""
    match = _DATELINE.match(paragraph)
    return match.group(0) if match else None


def is_date_line(line: str) -> bool:
    """True for a line that only carries a date ("Feb 28, 2020", "Updated: 2020-02-28 10:00")."""
    return _DATE_LINE.match(line.strip()) is not None


def dateline_date(line: str) -> str | None:
    """The date written in a date-only line or in a dateline, or ``None``."""
    line = line.strip()
    for pattern in (_DATE_LINE, _DATE_AFTER_PLACE):
        match = pattern.match(line)
        if match:
            return match.group("date")
    return None
