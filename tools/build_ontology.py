"""Regenerate ``src/eventwatch/data/ontology/cameo.tsv`` from ``../shared/ontology``.

Only facts are carried over (codes, labels, Goldstein values, quad classes, PLOVER type and mode).
Codes without their own PLOVER row inherit the nearest mapped parent (4-digit → 3-digit → root);
roots 01 and 02 have no PLOVER equivalent and stay empty.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "ontology"
OUT = ROOT / "src" / "eventwatch" / "data" / "ontology" / "cameo.tsv"


def main() -> int:
    if not SHARED.is_dir():
        print(f"{SHARED} not present: cannot regenerate the ontology", file=sys.stderr)
        return 1
    with (SHARED / "cameo_event_codes.tsv").open(encoding="utf-8") as fh:
        codes = list(csv.DictReader(fh, delimiter="\t"))
    mapping = json.loads((SHARED / "cameo_to_plover.json").read_text(encoding="utf-8"))["mapping"]
    plover = {}
    for row in mapping:
        plover.setdefault(row["cameo_code"], (row["plover_event_type"], row["plover_mode"] or ""))

    def lookup(code: str) -> tuple[str, str]:
        for candidate in (code, code[:3], code[:2] + "0", code[:2]):
            if candidate in plover:
                return plover[candidate]
        return ("", "")

    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# CAMEO event codes: facts from ../shared/ontology (GDELT Goldstein, GDELT\n")
        fh.write("# quad class, CAMEO 1.1b3 labels, CAMEO->PLOVER 2021).\n")
        fh.write("# Regenerate: tools/build_ontology.py\n")
        fh.write("code\troot\tlabel\tgoldstein\tquad_class\tplover_type\tplover_mode\n")
        for row in codes:
            ptype, pmode = lookup(row["code"])
            fields = [row["code"], row["root_code"], row["name"], row["goldstein"],
                      row["quad_class"], ptype, pmode]
            fh.write("\t".join(fields) + "\n")
    print(f"wrote {len(codes)} codes to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
