"""What a change does to coding: the records whose coded triples differ from a git revision.

Codes INPUT (JSONL ``{"id", "date", "text"}``) with ``eventwatch code`` twice, once with the
source tree of REV (checked out into a temporary git worktree) and once with this checkout,
and prints each record whose set of (source, target, code) triples changed. This is how every
coding change is reviewed before it is committed: read each diff, on sentences of several
kinds, under both dictionary sources.

    python bench/coding_diff.py INPUT.jsonl [--against HEAD] [--dictionaries SPEC]

``bench/data/wire_sentences.jsonl`` (480 wire-style sentences written for this project, with
no gold) is a good INPUT, and ``bench/data/mixed_desk_sentences.jsonl`` (320 more, from every
desk of a wire: sport, business, crime, disasters, politics, many with no event at all) shows
false events; so are the news corpora under ``../shared`` when present.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def code(source: Path, data: Path, dictionaries: str) -> dict[str, set[tuple[str, str, str]]]:
    """Triples per record id, coded with the package under ``source``."""
    env = {**os.environ, "PYTHONPATH": str(source)}
    command = [sys.executable, "-m", "eventwatch", "code", str(data), "-d", dictionaries]
    result = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    return {record["id"]: {(e["source"], e["target"], e["code"]) for e in record["events"]}
            for record in map(json.loads, result.stdout.splitlines())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--against", default="HEAD", help="git revision to compare with")
    parser.add_argument("--dictionaries", default="builtin")
    args = parser.parse_args()
    texts = {r["id"]: r["text"] for r in map(json.loads, args.data.open(encoding="utf-8"))}
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(tree),
                        args.against], check=True)
        try:
            before = code(tree / "src", args.data, args.dictionaries)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                           check=True)
    after = code(ROOT / "src", args.data, args.dictionaries)
    changed = [i for i in texts if before.get(i, set()) != after.get(i, set())]
    for i in changed:
        print(f"# {i} {texts[i]}")
        print("  -", sorted(before.get(i, set()) - after.get(i, set())))
        print("  +", sorted(after.get(i, set()) - before.get(i, set())))
    print(f"{len(changed)} of {len(texts)} records differ from {args.against}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
