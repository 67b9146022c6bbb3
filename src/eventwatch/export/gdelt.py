"""GDELT 2.0 event table rows (61 tab-separated columns) from stored events.

GDELT conventions kept: CAMEO actor codes split into country, known group and up to three
type codes; upper-case actor names; FIPS 10-4 country codes for geography (from
``data/ontology/fips_iso.tsv``, GeoNames countryInfo facts); geo type 1 country, 2 US state,
3 US city, 4 world city, 5 world state, 0 none. NumMentions / NumSources / NumArticles come
from the ``event_groups`` view (same day, dyad and code across articles and outlets; 1 when
the event is alone). Our own choices, documented: AvgTone left empty (not computed),
IsRootEvent = 1 for the article's first two sentences, GLOBALEVENTID = our 64-bit hex id
masked to a positive BIGINT; only ActionGeo is filled (we place events, not actors).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

from eventwatch.actors.countries import three_letter_parts

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)

# CAMEO actor type (role) codes; any other 3-letter part after the country is a known group.
TYPE_CODES = frozenset(
    "GOV MIL COP JUD LEG OPP PTY REB INS SEP SPY UAF UIS IGO NGO NGM MNC IMG CVL BUS MED EDU "
    "ELI HLH HRI LAB REF REL RAD MOD AGR CRM DEV ENV SET".split())

_GEO_TYPE = {"country": 1, "admin1": 5, "city": 4, "site": 4}
_US_GEO_TYPE = {"country": 1, "admin1": 2, "city": 3, "site": 3}


@cache
def fips_codes() -> Mapping[str, str]:
    """ISO 3166 alpha-3 → FIPS 10-4 country code."""
    text = resources.files("eventwatch").joinpath("data/ontology/fips_iso.tsv").read_text("utf-8")
    return {row["iso3"]: row["fips10"] for row in csv.DictReader(text.splitlines(),
                                                                  delimiter="\t")}


def _text(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _number(value: float | None, fmt: str = "g") -> str:
    return "" if value is None else format(value, fmt)


def actor_fields(code: str | None, name: str | None, country: str | None) -> list[str]:
    """The ten GDELT actor columns for one CAMEO actor code."""
    if not code:
        return [""] * len(_ACTOR)
    parts = three_letter_parts(code)
    if country and parts and parts[0] == country:
        parts = parts[1:]
    types = [p for p in parts if p in TYPE_CODES][:3]
    groups = [p for p in parts if p not in TYPE_CODES]
    return [code, _text(name).upper(), country or "", groups[0] if groups else "", "", "", "",
            *[*types, "", "", ""][:3]]


def action_geo(event: Mapping[str, Any]) -> list[str]:
    precision, country = event.get("place_precision"), event.get("place_country")
    if not precision:
        return ["0"] + [""] * (len(_GEO) - 1)
    fips = fips_codes().get(country or "", "")
    kind = (_US_GEO_TYPE if country == "USA" else _GEO_TYPE).get(precision, 4)
    feature = fips if precision == "country" else _text(event.get("place_geonames_id"))
    return [str(kind), _text(event.get("place_name")), fips, fips, "",
            _number(event.get("lat"), ".4f"), _number(event.get("lon"), ".4f"), feature]


def _count(event: Mapping[str, Any], key: str) -> str:
    return str(event.get(key) or 1)


def gdelt_row(event: Mapping[str, Any]) -> list[str]:
    """One event (an ``events`` row plus ``ingested_at`` and ``source_url``) as 61 fields."""
    day = event["date"]
    code = event["code"] or ""
    fraction = (f"{day.year + day.timetuple().tm_yday / 365:.4f}" if day else "")
    added = event.get("ingested_at")
    row = [
        str(int(event["id"], 16) & 0x7FFF_FFFF_FFFF_FFFF),
        day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
        str(day.year) if day else "", fraction,
        *actor_fields(event["source_code"], event["source_name"], event["source_country"]),
        *actor_fields(event["target_code"], event["target_name"], event["target_country"]),
        "1" if (event["sentence_index"] or 0) <= 1 else "0",
        code, code[:3], event["root"] or code[:2], str(event["quad_class"]),
        _number(event["goldstein"]), _count(event, "mentions"), _count(event, "outlets"),
        _count(event, "articles"), "",
        "0", *[""] * (len(_GEO) - 1), "0", *[""] * (len(_GEO) - 1),
        *action_geo(event),
        added.strftime("%Y%m%d%H%M%S") if added else "", _text(event.get("source_url")),
    ]
    assert len(row) == len(GDELT_COLUMNS)
    return row


def gdelt_lines(events: Iterable[Mapping[str, Any]], header: bool = False) -> Iterator[str]:
    """Tab-separated lines, no quoting (GDELT has none: tabs and newlines become spaces)."""
    if header:
        yield "\t".join(GDELT_COLUMNS) + "\n"
    for event in events:
        yield "\t".join(gdelt_row(event)) + "\n"


__all__ = ["GDELT_COLUMNS", "TYPE_CODES", "actor_fields", "fips_codes", "gdelt_lines",
           "gdelt_row"]
