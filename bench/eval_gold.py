"""Accuracy on the CAMEO-manual gold dev files in ../shared/eval/cameo_manual_gold.

Runs ``eventwatch code`` (the same command users run) over:
- ConfliBERT CAMEO sentences: quad-class ("pentaclass") accuracy of the first coded event
  (0 statement = root 01, 1 verbal cooperation 02-05, 2 material cooperation 06-09,
  3 verbal conflict 10-14, 4 material conflict 15-20);
- PLOVER gold standard records: PLOVER event-type accuracy, and event F1 on
  (source country, target country, PLOVER type) triples.
Reports accuracy on all rows (no event = wrong) and on the rows we coded (precision view).

    python bench/eval_gold.py [--dictionaries SPEC] [--limit N]
"""

from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "eval" / "cameo_manual_gold"


def pentaclass(root: str) -> int:
    number = int(root)
    if number == 1:
        return 0
    if number <= 5:
        return 1
    if number <= 9:
        return 2
    if number <= 14:
        return 3
    return 4


def code(records: list[dict], dictionaries: str | None) -> dict[str, list[dict]]:
    """Run ``eventwatch code`` on records; returns events by id."""
    command = [sys.executable, "-m", "eventwatch", "code", "-"]
    if dictionaries:
        command += ["--dictionaries", dictionaries]
    payload = "\n".join(json.dumps({"id": r["id"], "date": r.get("date"), "text": r["text"]})
                        for r in records)
    result = subprocess.run(command, input=payload, capture_output=True, text=True, check=True)
    return {rec["id"]: rec["events"] for rec in map(json.loads, result.stdout.splitlines())}


def eval_conflibert(dictionaries: str | None, limit: int | None) -> dict:
    rows = [json.loads(line) for line in (GOLD / "conflibert_cameo_dev.jsonl").open()]
    rows = [r for r in rows if r["cameo_pentaclass"] is not None][:limit]
    coded = code(rows, dictionaries)
    hits = covered = 0
    confusion: collections.Counter[tuple[int, int | None]] = collections.Counter()
    for row in rows:
        events = coded.get(row["id"], [])
        predicted = pentaclass(events[0]["root"]) if events else None
        confusion[(row["cameo_pentaclass"], predicted)] += 1
        covered += predicted is not None
        hits += predicted == row["cameo_pentaclass"]
    return {"rows": len(rows), "coded": covered, "accuracy_all": hits / len(rows),
            "accuracy_coded": hits / covered if covered else 0.0,
            "confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items(), key=str)}}


def _gold_triples(row: dict) -> set[tuple]:
    kind = row["event_type"]
    actors = [a["country"] for a in row["actors"] if a.get("country")]
    recipients = [a["country"] for a in row["recipients"] if a.get("country")]
    if row.get("reciprocal") and not recipients:
        return {(a, b, kind) for a in actors for b in actors if a != b}
    return {(a, b, kind) for a in actors for b in recipients}


def _country(code: str | None, country: str | None) -> str | None:
    return country or (code[:3] if code else None)


def eval_plover(dictionaries: str | None, limit: int | None) -> dict:
    rows = [json.loads(line) for line in (GOLD / "plover_gsr_dev.jsonl").open()][:limit]
    coded = code(rows, dictionaries)
    type_hits = covered = 0
    tp = fp = fn = 0
    per_type: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for row in rows:
        events = [e for e in coded.get(row["id"], []) if e["plover_type"]]
        predicted = events[0]["plover_type"] if events else None
        covered += predicted is not None
        type_hits += predicted == row["event_type"]
        per_type[row["event_type"]][0] += predicted == row["event_type"]
        per_type[row["event_type"]][1] += 1
        gold = _gold_triples(row)
        ours = {(_country(e["source"], e["source_country"]),
                 _country(e["target"], e["target_country"]), e["plover_type"]) for e in events}
        tp += len(gold & ours)
        fp += len(ours - gold)
        fn += len(gold - ours)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"rows": len(rows), "coded": covered, "type_accuracy_all": type_hits / len(rows),
            "type_accuracy_coded": type_hits / covered if covered else 0.0,
            "triple_precision": precision, "triple_recall": recall, "triple_f1": f1,
            "per_type": {k: f"{v[0]}/{v[1]}" for k, v in sorted(per_type.items())}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dictionaries", default=None)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not GOLD.is_dir():
        print(f"gold data not present: {GOLD} is missing (it lives in ../shared); nothing to do")
        return 2
    started = time.perf_counter()
    conflibert = eval_conflibert(args.dictionaries, args.limit)
    plover = eval_plover(args.dictionaries, args.limit)
    print(f"ConfliBERT CAMEO dev: {conflibert['rows']} sentences, {conflibert['coded']} coded; "
          f"quad-class accuracy {conflibert['accuracy_all']:.3f} (all), "
          f"{conflibert['accuracy_coded']:.3f} (coded rows)")
    print(f"PLOVER GSR dev: {plover['rows']} records, {plover['coded']} coded; "
          f"event-type accuracy {plover['type_accuracy_all']:.3f} (all), "
          f"{plover['type_accuracy_coded']:.3f} (coded); (source country, target country, type) "
          f"P {plover['triple_precision']:.3f} R {plover['triple_recall']:.3f} "
          f"F1 {plover['triple_f1']:.3f}")
    print("per PLOVER type:", plover["per_type"])
    print("ConfliBERT confusion gold->predicted:", conflibert["confusion"])
    print(f"took {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
