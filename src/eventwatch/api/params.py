"""Query parameters: parsed and checked once, so a bad value is a 422 with a message.

Actor codes are CAMEO code prefixes. A prefix is accepted when some stored actor code starts
with it, or when it is made of known 3-letter CAMEO parts (a country, a sector, a known group)
even if nothing is stored for it yet; anything else is a typo and gets a 422.
"""

from __future__ import annotations

import base64
import binascii
import csv
import datetime as dt
import re
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Annotated, Literal

from fastapi import Depends, HTTPException, Query, Request

from eventwatch.actors.countries import iso3_codes, three_letter_parts
from eventwatch.api.reader import Cursor, Reader
from eventwatch.store.queries import EventFilter

LIMIT_CAP = 500
DEFAULT_LIMIT = 50
Period = Literal["day", "week", "month", "year"]
Order = Literal["asc", "desc"]

_CODE = re.compile(r"[A-Z]{1,30}")
_CAMEO_ROOT = re.compile(r"(0[1-9]|1[0-9]|20)")
_CAMEO_CODE = re.compile(r"[0-9]{2,4}")
_EVENT_KEY = re.compile(r"[0-9a-f]{16}")


def unprocessable(message: str) -> HTTPException:
    return HTTPException(status_code=422, detail=message)


@cache
def code_parts() -> frozenset[str]:
    """3-letter parts a CAMEO actor code may be built from: countries, sectors, known groups."""
    parts = set(iso3_codes())
    base = resources.files("eventwatch").joinpath("data/dictionaries/builtin")
    files = [base / "agents.tsv", *sorted((base / "actors").iterdir(), key=str)]
    for path in files:
        if not path.name.endswith(".tsv"):
            continue
        lines = [ln for ln in path.read_text("utf-8").splitlines() if ln and ln[0] != "#"]
        for row in csv.DictReader(lines, delimiter="\t"):
            code = (row.get("code") or "").strip()
            if _CODE.fullmatch(code) and len(code) % 3 == 0:
                parts.update(three_letter_parts(code))
    return frozenset(parts)


def check_actor(value: str, reader: Reader, name: str = "actor") -> str:
    """``value`` upper-cased if it is a usable actor code prefix, else a 422."""
    code = value.strip().upper()
    if not _CODE.fullmatch(code):
        raise unprocessable(f"{name}: {value!r} is not an actor code (letters only, e.g. TUR)")
    if any(stored.startswith(code) for stored in reader.actor_codes):
        return code
    parts = code_parts()
    if len(code) % 3 == 0 and all(part in parts for part in three_letter_parts(code)):
        return code
    raise unprocessable(f"{name}: unknown actor code {code!r}: no stored actor code starts with "
                        "it and it is not built from CAMEO country, sector or group codes")


def get_reader(request: Request) -> Reader:
    reader: Reader = request.app.state.reader
    return reader


def _dyad(value: str, reader: Reader) -> tuple[str, str]:
    parts = value.split(",")
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise unprocessable(f"dyad: expected two actor codes separated by a comma, e.g. "
                            f"TUR,RUS; got {value!r}")
    return check_actor(parts[0], reader, "dyad"), check_actor(parts[1], reader, "dyad")


def _bbox(value: str) -> tuple[float, float, float, float]:
    try:
        min_lon, min_lat, max_lon, max_lat = (float(v) for v in value.split(","))
    except ValueError as exc:
        raise unprocessable(f"bbox: expected minlon,minlat,maxlon,maxlat; got {value!r}") from exc
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise unprocessable("bbox: need -180 <= minlon <= maxlon <= 180 and "
                            f"-90 <= minlat <= maxlat <= 90; got {value!r}")
    return min_lon, min_lat, max_lon, max_lat


def _country(value: str) -> str:
    code = value.strip().upper()
    if code not in iso3_codes():
        raise unprocessable(f"country: {value!r} is not an ISO 3166 alpha-3 country code")
    return code


def event_filter(
    reader: Annotated[Reader, Depends(get_reader)],
    actor: Annotated[str | None, Query(description="Actor code prefix on either side, "
                                                   "e.g. TUR (matches TURGOV, TURMIL).")] = None,
    source: Annotated[str | None, Query(description="Source actor code prefix.")] = None,
    target: Annotated[str | None, Query(description="Target actor code prefix.")] = None,
    dyad: Annotated[str | None, Query(description="Two code prefixes, both directions: "
                                                  "TUR,RUS.")] = None,
    root: Annotated[str | None, Query(description="CAMEO root, 01-20.")] = None,
    code: Annotated[str | None, Query(description="CAMEO event code prefix, e.g. 190.")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="1 verbal cooperation, "
                          "2 material cooperation, 3 verbal conflict, 4 material conflict.")
                          ] = None,
    since: Annotated[dt.date | None, Query(description="First date, YYYY-MM-DD.")] = None,
    until: Annotated[dt.date | None, Query(description="Last date, YYYY-MM-DD.")] = None,
    country: Annotated[str | None, Query(description="ISO3: where the event happened or "
                                                     "either actor's country.")] = None,
    bbox: Annotated[str | None, Query(description="minlon,minlat,maxlon,maxlat: events with "
                                                  "a real place (not country-level) inside.")
                    ] = None,
    q: Annotated[str | None, Query(max_length=200, description="Plain text searched in the "
                                   "sentence (case-insensitive; no operators).")] = None,
    event_key: Annotated[str | None, Query(description="An event group: every report of "
                                                       "one event.")] = None,
) -> EventFilter:
    """The shared event filters of ``/api/events``, ``/api/series``, ``/api/map``…"""
    if root is not None:
        root = root.strip().zfill(2)
        if not _CAMEO_ROOT.fullmatch(root):
            raise unprocessable(f"root: expected a CAMEO root 01-20; got {root!r}")
    if code is not None and not _CAMEO_CODE.fullmatch(code.strip()):
        raise unprocessable(f"code: expected a CAMEO code of 2-4 digits; got {code!r}")
    if event_key is not None and not _EVENT_KEY.fullmatch(event_key):
        raise unprocessable(f"event_key: expected 16 hex digits; got {event_key!r}")
    if since and until and since > until:
        raise unprocessable(f"since ({since}) is after until ({until})")
    return EventFilter(
        actor=check_actor(actor, reader) if actor else None,
        source=check_actor(source, reader, "source") if source else None,
        target=check_actor(target, reader, "target") if target else None,
        dyad=_dyad(dyad, reader) if dyad else None,
        root=root, code=code.strip() if code else None, quad_class=quad_class,
        since=since, until=until, country=_country(country) if country else None,
        bbox=_bbox(bbox) if bbox else None, text=q if q else None,
        event_key=event_key,
    )


def effective_limit(limit: int) -> int:
    """Limits over the cap are capped, not refused: a client asking for more gets the most."""
    return min(limit, LIMIT_CAP)


def encode_cursor(order: Order, date: dt.date | None, event_id: str) -> str:
    """An opaque ``after`` value: sort order, date (empty when undated) and id of the last
    event of a page."""
    raw = f"{order[0]}|{date.isoformat() if date else ''}|{event_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(value: str, order: Order) -> tuple[dt.date | None, str]:
    """(date, id) from an ``after`` cursor made by ``encode_cursor`` for the same order."""
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        tag, day, event_id = raw.split("|")
        date = dt.date.fromisoformat(day) if day else None
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise unprocessable(f"after: not a cursor from a previous page: {value!r}") from exc
    if tag not in ("a", "d") or not event_id:
        raise unprocessable(f"after: not a cursor from a previous page: {value!r}")
    if tag != order[0]:
        raise unprocessable("after: the cursor was made for the other sort order")
    return date, event_id


def get_cursor(reader: Annotated[Reader, Depends(get_reader)]) -> Iterator[Cursor]:
    """A read cursor for one request, closed when the response is done."""
    with reader.cursor() as cur:
        yield cur


# Dependencies the API routes and their HTML twins share.
Db = Annotated[Cursor, Depends(get_cursor)]
Filters = Annotated[EventFilter, Depends(event_filter)]


__all__ = ["DEFAULT_LIMIT", "LIMIT_CAP", "Db", "Filters", "Order", "Period", "check_actor",
           "decode_cursor", "effective_limit", "encode_cursor", "event_filter", "get_cursor",
           "get_reader", "unprocessable"]
