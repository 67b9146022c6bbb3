"""Relative and absolute date expressions resolved against the publication date.

News dates events relative to the day it was written: "on Thursday" is the most recent
Thursday on or before publication (a Thursday article's "on Thursday" is that day), "last week"
is seven days back, "on Feb. 27" is the most recent Feb. 27 not after publication. Each result
keeps its resolution (day, week, month, year) so a coder never reads "in 2015" as 1 January.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

Resolution = Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date expression pinned to the calendar.

    date: the day meant; for coarser resolutions the first day of the month or year, and for
        "week" the day exactly that many weeks back.
    resolution: how precise ``date`` is.
    text: the expression as written.
    """

    date: dt.date
    resolution: Resolution
    text: str


WEEKDAYS = {name: i for i, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple": 2,
    "a couple of": 2, "several": 3, "few": 3, "a few": 3,
}

_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
          r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_COUNT = r"(?P<count>\d+|a couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|" \
         r"ten|eleven|twelve|several|few|couple)"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_LEAD = re.compile(
    r"^(?:(?:on|in|since|by|until|till|from|during|as of|before|after|at|of|late|early|"
    r"mid|the|around|about)\s+)+")


def resolve_date(expression: str, published: dt.date) -> ResolvedDate | None:
    """Resolve one expression ("on Thursday", "last month", "in December 2019", "Feb. 27",
    "two days ago", "2020-02-27") against the publication date; None if not understood."""
    text = " ".join(expression.lower().replace(",", " ").split())
    text = _LEAD.sub("", text).strip(" .")
    for pattern, handler in _RULES:
        match = pattern.fullmatch(text)
        if match is not None:
            result = handler(match, published)
            if result is not None:
                day, resolution = result
                return ResolvedDate(day, resolution, expression)
    return None


def find_dates(source: str | Doc | Span,
               published: dt.date) -> list[tuple[int, int, ResolvedDate]]:
    """Date expressions in a sentence, as (start, end, resolved) with character offsets into
    the given text (or ``doc.text``). Uses spaCy DATE entities when given a Doc or Span, and a
    regular-expression scan for whatever they miss (or for plain text)."""
    text = source if isinstance(source, str) else source.text
    base = 0 if isinstance(source, str) else getattr(source, "start_char", 0)
    found: list[tuple[int, int, ResolvedDate]] = []
    if not isinstance(source, str):
        for ent in source.ents:
            if ent.label_ not in {"DATE", "TIME"}:
                continue
            start, end = ent.start_char - base, ent.end_char - base
            resolved = resolve_date(text[start:end], published)
            if resolved is not None:
                found.append((start, end, resolved))
            else:
                found.extend(_scan(text, published, start, end))
    taken = [(s, e) for s, e, _ in found]
    for start, end, resolved in _scan(text, published, 0, len(text)):
        if not any(start < e and s < end for s, e in taken):
            found.append((start, end, resolved))
    found.sort(key=lambda item: item[0])
    return found


def _scan(text: str, published: dt.date, lo: int, hi: int) -> list[tuple[int, int, ResolvedDate]]:
    """Regular-expression matches inside ``text[lo:hi]``, longest first, not overlapping."""
    result: list[tuple[int, int, ResolvedDate]] = []
    for match in _SCAN.finditer(text, lo, hi):
        start, end = match.span()
        word = match[0].split()[0].rstrip(".,").lower()
        if (word in MONTHS or word in WEEKDAYS) and not match[0][:1].isupper():
            continue  # "may", "march" as verbs; month and day names are capitalised
        resolved = resolve_date(text[start:end], published)
        if resolved is not None:
            result.append((start, end, resolved))
    return result


# --- rules ---------------------------------------------------------------------------------

Handler = Callable[[re.Match[str], dt.date], "tuple[dt.date, Resolution] | None"]


def _today(m: re.Match[str], pub: dt.date) -> tuple[dt.date, Resolution]:
    return pub, "day"


def _yesterday(m: re.Match[str], pub: dt.date) -> tuple[dt.date, Resolution]:
    return pub - dt.timedelta(days=1), "day"


def _tomorrow(m: re.Match[str], pub: dt.date) -> tuple[dt.date, Resolution]:
    return pub + dt.timedelta(days=1), "day"


def _weekday(m: re.Match[str], pub: dt.date) -> tuple[dt.date, Resolution]:
    """The most recent such weekday on or before publication ("last": strictly before;
    "next": strictly after)."""
    target = WEEKDAYS[m["weekday"]]
    which = m.groupdict().get("which")
    if which == "next":
        return pub + dt.timedelta(days=(target - pub.weekday() - 1) % 7 + 1), "day"
    back = (pub.weekday() - target) % 7
    if which == "last" and back == 0:
        back = 7
    return pub - dt.timedelta(days=back), "day"


def _weekend(m: re.Match[str], pub: dt.date) -> tuple[dt.date, Resolution]:
    back = (pub.weekday() - 5) % 7  # the Saturday on or before publication
    return pub - dt.timedelta(days=back), "week"


def _last_unit(m: re.Match[str], pub: dt.date) -> tuple[dt.date, Resolution] | None:
    unit = m["unit"]
    if unit == "week":
        return pub - dt.timedelta(days=7), "week"
    if unit == "month":
        return _add_months(pub.replace(day=1), -1), "month"
    return dt.date(pub.year - 1, 1, 1), "year"


def _this_unit(m: re.Match[str], pub: dt.date) -> tuple[dt.date, Resolution] | None:
    unit = m["unit"]
    if unit == "week":
        return pub - dt.timedelta(days=pub.weekday()), "week"
    if unit == "month":
        return pub.replace(day=1), "month"
    return dt.date(pub.year, 1, 1), "year"


def _next_unit(m: re.Match[str], pub: dt.date) -> tuple[dt.date, Resolution] | None:
    unit = m["unit"]
    if unit == "week":
        return pub + dt.timedelta(days=7), "week"
    if unit == "month":
        return _add_months(pub.replace(day=1), 1), "month"
    return dt.date(pub.year + 1, 1, 1), "year"


def _ago(m: re.Match[str], pub: dt.date) -> tuple[dt.date, Resolution] | None:
    count = _number(m["count"])
    unit = m["unit"]
    if count is None:
        return None
    if unit == "day":
        return pub - dt.timedelta(days=count), "day"
    if unit == "week":
        return pub - dt.timedelta(weeks=count), "week"
    if unit == "month":
        return _add_months(pub.replace(day=1), -count), "month"
    return dt.date(pub.year - count, 1, 1), "year"


def _month_day(m: re.Match[str], pub: dt.date) -> tuple[dt.date, Resolution] | None:
    """"Feb. 27", "27 February", with or without a year; without one, the most recent such
    day not after publication."""
    month, day = MONTHS[m["month"].rstrip(".")], int(m["day"])
    if m["year"]:
        return _safe(int(m["year"]), month, day), "day"
    for year in (pub.year, pub.year - 1, pub.year - 2, pub.year - 3, pub.year - 4):
        candidate = _safe(year, month, day)
        if candidate is not None and candidate <= pub:
            return candidate, "day"
    return None


def _month_year(m: re.Match[str], pub: dt.date) -> tuple[dt.date, Resolution] | None:
    month = MONTHS[m["month"].rstrip(".")]
    if m["year"]:
        return dt.date(int(m["year"]), month, 1), "month"
    year = pub.year if month <= pub.month else pub.year - 1
    return dt.date(year, month, 1), "month"


def _year(m: re.Match[str], pub: dt.date) -> tuple[dt.date, Resolution] | None:
    return dt.date(int(m["year"]), 1, 1), "year"


def _iso(m: re.Match[str], pub: dt.date) -> tuple[dt.date, Resolution] | None:
    return _safe(int(m["year"]), int(m["m"]), int(m["d"])), "day"


def _numeric(m: re.Match[str], pub: dt.date) -> tuple[dt.date, Resolution] | None:
    """US-style 2/27/2020 (news in English mostly writes month first)."""
    return _safe(int(m["year"]), int(m["m"]), int(m["d"])), "day"


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


_RULES: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(r"(?:earlier |later )?(?:today|this (?:morning|afternoon|evening)|tonight)"),
     _today),
    (re.compile(r"yesterday" + _PART + r"|last night"), _yesterday),
    (re.compile(r"tomorrow" + _PART), _tomorrow),
    (re.compile(r"(?:(?P<which>last|this|next|past) )?" + _WEEKDAY + _PART), _weekday),
    (re.compile(r"(?:over |during )?(?:the |last |this |past )?weekend"), _weekend),
    (re.compile(r"(?:last|past|previous) " + _UNIT), _last_unit),
    (re.compile(r"(?:earlier |later )?this " + _UNIT), _this_unit),
    (re.compile(r"(?:earlier|later) in the (?P<unit>week|month|year)"), _this_unit),
    (re.compile(r"next " + _UNIT), _next_unit),
    (re.compile(_COUNT + r" " + _UNIT + r" ago"), _ago),
    (re.compile(_MONTH + r" " + _DAY + r"(?: " + _YEAR + r")?"), _month_day),
    (re.compile(_DAY + r" (?:of )?" + _MONTH + r"(?: " + _YEAR + r")?"), _month_day),
    (re.compile(_MONTH + r"(?: (?:of )?" + _YEAR + r")?"), _month_year),
    (re.compile(_YEAR), _year),
    (re.compile(r"(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"), _iso),
    (re.compile(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<year>\d{4})"), _numeric),
]

# The scan for plain text: the same shapes, found inside sentences (case-insensitive).
_SCAN = re.compile(
    r"\b(?:"
    r"\d{4}-\d{1,2}-\d{1,2}"
    r"|(?:last|this|next|past) (?:week|month|year|weekend)"
    r"|(?:earlier|later) (?:this|in the) (?:week|month|year)"
    r"|(?:\d+|a couple of|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|several) (?:day|week|month|year)s? ago"
    r"|(?:(?:last|next) )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|yesterday|today|tonight|last night|tomorrow"
    r"|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    r"(?: [0-3]?\d(?:st|nd|rd|th)?)?(?:,? (?:1[89]|20)\d\d)?"
    r"|[0-3]?\d(?:st|nd|rd|th)? (?:of )?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|"
    r"may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
    r"(?:,? (?:1[89]|20)\d\d)?"
    r"|(?<=in )(?:1[89]|20)\d\d"
    r")\b",
    re.IGNORECASE,
)
