"""Score ``eventwatch code`` on the hand-annotated dev sentences in bench/data.

Each line of ``bench/data/dev_sentences.jsonl`` holds ``{"id", "date", "text", "expected",
"note"}`` where ``expected`` lists gold ``{"source", "target", "root"}`` events (ISO3 country
codes, or ``IGO``/``NGO``; ``[]`` when the sentence has no codable dyadic event).

The sentences are sent to ``python -m eventwatch code -`` (the command users run) and scored on
(source country, target country, CAMEO root) triples:

- micro precision / recall / F1 over triples;
- exact-record accuracy (predicted triple set == gold triple set, including empty == empty);
- root-only accuracy on records where gold and prediction both have exactly one event;
- per-root recall (and precision), false positives on records whose gold is empty;
- the first ``--show`` records where prediction and gold differ.

    python bench/eval_sentences.py [--dictionaries SPEC] [--show 30] [--data FILE]

``bench/data/wire_2008_labelled.jsonl`` is a second set in the same format: 800 sentences
written for this project in the manner of a news wire in August 2008 (sport, business,
weather, accidents, background and politics; 412 with no political event), labelled by
hand at the country level. Its labels give armed groups the country they fight in
("Taliban" → AFG), code meetings in both directions and leave out events dated to past
years, so the triple scores understate coders with other conventions; the count of
no-event records that got events anyway is the figure to watch. The facts are written from
memory and not all checked: it measures coding, not history.

``bench/data/no_event_lookalikes.jsonl`` holds 420 more sentences of August to December 2008
wire copy, none with a political event, written to fool a keyword coder: sport told with the
verbs of war ("France overwhelmed Poland 45-29"), takeovers ("Barclays agreed to buy ...
Lehman Brothers"), profit warnings, robberies, struggles ("battling to keep up with demand").
Only the count of records that got events anyway means anything there. Its counterweight,
``bench/data/political_lookalikes.jsonl``, holds 100 labelled political sentences told in
the same words ("Russian troops captured Gori during the Olympic Games", "China agreed to buy
Russian oil"), so that a rule against look-alikes is seen to keep the real events.
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
DATA = ROOT / "bench" / "data" / "dev_sentences.jsonl"

Triple = tuple[str | None, str | None, str | None]


def load(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise SystemExit(f"{path}:{number}: invalid JSON: {error}") from error
    return rows


def code(rows: list[dict], dictionaries: str | None) -> dict[str, list[dict]]:
    """Run ``eventwatch code -`` on the rows; returns the coded events by record id."""
    command = [sys.executable, "-m", "eventwatch", "code", "-"]
    if dictionaries:
        command += ["--dictionaries", dictionaries]
    payload = "\n".join(
        json.dumps({"id": r["id"], "date": r.get("date"), "text": r["text"]}, ensure_ascii=False)
        for r in rows
    )
    result = subprocess.run(command, input=payload, capture_output=True, text=True,
                            encoding="utf-8", check=False)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"eventwatch code exited with status {result.returncode}")
    coded: dict[str, list[dict]] = {}
    for line in result.stdout.splitlines():
        if line.strip():
            record = json.loads(line)
            coded[record["id"]] = record.get("events") or []
    return coded


def actor(code_: str | None, country: str | None) -> str | None:
    """Country of an actor: its country field, else the first three letters of its code."""
    value = country or (code_[:3] if code_ else None)
    if value is None:
        return None
    value = value.upper()
    for prefix in ("IGO", "NGO"):
        if value.startswith(prefix):
            return prefix
    return value


def root_of(event: dict) -> str | None:
    root = event.get("root") or (str(event["code"])[:2] if event.get("code") else None)
    return str(root).zfill(2) if root is not None else None


def predicted_triples(events: list[dict]) -> set[Triple]:
    return {(actor(e.get("source"), e.get("source_country")),
             actor(e.get("target"), e.get("target_country")), root_of(e)) for e in events}


def gold_triples(row: dict) -> set[Triple]:
    return {(e["source"], e["target"], str(e["root"]).zfill(2)) for e in row["expected"]}


def show(triples: set[Triple]) -> str:
    if not triples:
        return "[]"
    return ", ".join(f"{s or '?'}>{t or '?'}:{r or '?'}" for s, t, r in sorted(triples, key=str))


def ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def score(rows: list[dict], coded: dict[str, list[dict]]) -> dict:
    tp = fp = fn = exact = 0
    single = single_hits = 0
    empty_gold = empty_gold_fp = 0
    gold_by_root: collections.Counter[str] = collections.Counter()
    hit_by_root: collections.Counter[str] = collections.Counter()
    pred_by_root: collections.Counter[str] = collections.Counter()
    pred_hit_by_root: collections.Counter[str] = collections.Counter()
    misses = []
    for row in rows:
        gold = gold_triples(row)
        predicted = predicted_triples(coded.get(row["id"], []))
        hits = gold & predicted
        tp += len(hits)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        exact += gold == predicted
        if len(gold) == 1 and len(predicted) == 1:
            single += 1
            single_hits += next(iter(gold))[2] == next(iter(predicted))[2]
        if not gold:
            empty_gold += 1
            empty_gold_fp += bool(predicted)
        for triple in gold:
            gold_by_root[triple[2]] += 1
            hit_by_root[triple[2]] += triple in hits
        for triple in predicted:
            pred_by_root[triple[2] or "?"] += 1
            pred_hit_by_root[triple[2] or "?"] += triple in hits
        if gold != predicted:
            misses.append((row, gold, predicted))
    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    f1 = ratio(2 * tp, 2 * tp + fp + fn)
    return {
        "records": len(rows), "tp": tp, "fp": fp, "fn": fn,
        "precision": precision, "recall": recall, "f1": f1,
        "exact": exact, "single": single, "single_hits": single_hits,
        "empty_gold": empty_gold, "empty_gold_fp": empty_gold_fp,
        "gold_by_root": gold_by_root, "hit_by_root": hit_by_root,
        "pred_by_root": pred_by_root, "pred_hit_by_root": pred_hit_by_root,
        "misses": misses,
    }


def report(result: dict, limit: int) -> None:
    n = result["records"]
    print(f"dev sentences: {n} records, {result['tp'] + result['fn']} gold triples, "
          f"{result['tp'] + result['fp']} predicted triples")
    print(f"triples (source country, target country, root): "
          f"P {result['precision']:.3f}  R {result['recall']:.3f}  F1 {result['f1']:.3f}  "
          f"(tp {result['tp']}, fp {result['fp']}, fn {result['fn']})")
    print(f"exact-record accuracy: {ratio(result['exact'], n):.3f} ({result['exact']}/{n})")
    print(f"root accuracy where gold and prediction both have one event: "
          f"{ratio(result['single_hits'], result['single']):.3f} "
          f"({result['single_hits']}/{result['single']})")
    print(f"records with no gold event that got events anyway: "
          f"{result['empty_gold_fp']}/{result['empty_gold']}")
    print("per root: recall (hits/gold)   precision (hits/predicted)")
    roots = sorted(set(result["gold_by_root"]) | set(result["pred_by_root"]))
    for root in roots:
        gold, hits = result["gold_by_root"][root], result["hit_by_root"][root]
        pred, pred_hits = result["pred_by_root"][root], result["pred_hit_by_root"][root]
        recall = f"{ratio(hits, gold):.2f} ({hits}/{gold})" if gold else "  -"
        precision = f"{ratio(pred_hits, pred):.2f} ({pred_hits}/{pred})" if pred else "  -"
        print(f"  {root:>2}  {recall:<16} {precision}")
    misses = result["misses"]
    if limit and misses:
        print(f"\nfirst {min(limit, len(misses))} of {len(misses)} records with differences:")
        for row, gold, predicted in misses[:limit]:
            print(f"- {row['id']}: {row['text']}")
            print(f"    gold: {show(gold)}   predicted: {show(predicted)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dictionaries", default=None,
                        help="passed through to `eventwatch code --dictionaries`")
    parser.add_argument("--show", type=int, default=30, metavar="N",
                        help="list the first N records whose prediction differs from gold")
    parser.add_argument("--data", type=Path, default=DATA, help="dev sentences JSONL file")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"dev sentences not found: {args.data} is missing; nothing to score",
              file=sys.stderr)
        return 2
    rows = load(args.data)
    if not rows:
        print(f"dev sentences file {args.data} is empty; nothing to score", file=sys.stderr)
        return 2
    started = time.perf_counter()
    coded = code(rows, args.dictionaries)
    report(score(rows, coded), args.show)
    print(f"\ntook {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
