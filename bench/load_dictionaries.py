"""Dictionary loading: the Phoenix production PETRARCH dictionaries, cold, time and peak RSS.

Every measurement runs in a fresh interpreter (nothing cached, nothing imported), so it is what
a worker process pays at start-up:
1. ``load_petrarch(DIR)`` on the text files (targets: <= 1.5 s and <= 200 MB peak RSS);
2. ``load_dictionaries("x.ewdict")`` on the compact file ``eventwatch dictionaries import``
   writes (made once, by another child, in a temporary folder);
3. a baseline interpreter that only imports eventwatch.dictionaries, for the RSS floor.
Load time excludes the import (shown apart); RSS is ``ru_maxrss`` of the child.

    python bench/load_dictionaries.py [--folder DIR] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PHOENIX = ROOT.parent / "shared" / "eval" / "petrarch" / "dictionaries" / \
    "phoenix_production_petrarch2"
TARGET_SECONDS = 1.5
TARGET_MB = 200.0

CHILD = """
import json, resource, sys, time
from pathlib import Path
mode, where = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
from eventwatch.dictionaries import load_dictionaries
from eventwatch.dictionaries.petrarch import load_petrarch
t1 = time.perf_counter()
summary = {}
if mode == "save":
    from eventwatch.dictionaries.petrarch import read_petrarch
    from eventwatch.dictionaries.petrarch.compact import save_compact
    save_compact(read_petrarch(Path(where)), Path(sys.argv[3]))
elif mode == "petrarch":
    summary = load_petrarch(Path(where)).summary()
elif mode == "ewdict":
    summary = load_dictionaries(where).summary()
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "summary": summary,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(mode: str, *args: str) -> dict:
    """Run one fresh child. The parent stays small: Linux children inherit its peak RSS."""
    done = subprocess.run([sys.executable, "-c", CHILD, mode, *args], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def report(label: str, runs: list[dict], targets: bool) -> bool:
    load = statistics.median(r["load"] for r in runs)
    rss = max(r["rss_mb"] for r in runs)
    imported = statistics.median(r["import"] for r in runs)
    ok = load <= TARGET_SECONDS and rss <= TARGET_MB
    verdict = ("PASS" if ok else "FAIL") if targets else ""
    print(f"{label:<22} load {load:6.3f} s (min {min(r['load'] for r in runs):.3f})  "
          f"import {imported:5.3f} s  peak RSS {rss:6.1f} MB  {verdict}")
    return ok or not targets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=PHOENIX)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"dictionaries not present: {args.folder} is missing; nothing to do")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        compact = Path(tmp) / "phoenix.ewdict"
        measure("save", str(args.folder), str(compact))
        runs = {mode: [measure(mode, where) for _ in range(args.repeat)]
                for mode, where in (("baseline", ""), ("petrarch", str(args.folder)),
                                    ("ewdict", str(compact)))}
        size = compact.stat().st_size / 1e6
    summary = runs["petrarch"][0]["summary"]
    print(f"{args.folder.name}: {summary['actor_phrases']} actor/agent phrases, "
          f"{summary['verb_patterns']} verb patterns, {summary['discards']} discards, "
          f"{summary['errors']} lines skipped; .ewdict {size:.1f} MB")
    print(f"targets: load <= {TARGET_SECONDS} s, peak RSS <= {TARGET_MB:.0f} MB "
          f"(median of {args.repeat} fresh processes)")
    report("baseline (import only)", runs["baseline"], targets=False)
    ok = report("load_petrarch(DIR)", runs["petrarch"], targets=True)
    ok = report("load .ewdict", runs["ewdict"], targets=True) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
