"""CAMEO event ontology: labels, Goldstein scores, quad classes and PLOVER types.

Loaded once from the package's own data file (facts carried over from the shared ontology by
``tools/build_ontology.py``) into an immutable mapping.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

from eventwatch.records import CameoInfo

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@cache
def cameo_codes() -> Mapping[str, CameoInfo]:
    """Every CAMEO event code (as a string, leading zeros kept) with its facts."""
    table: dict[str, CameoInfo] = {}
    for row in _rows("cameo.tsv"):
        table[row["code"]] = CameoInfo(
            code=row["code"],
            root=row["root"],
            label=row["label"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover_type=row["plover_type"] or None,
            plover_mode=row["plover_mode"] or None,
        )
    return MappingProxyType(table)


def cameo_info(code: str) -> CameoInfo | None:
    """Facts for ``code``; unknown 4-digit codes fall back to their 3-digit parent, then root."""
    table = cameo_codes()
    for candidate in (code, code[:3], code[:2]):
        if candidate in table:
            info = table[candidate]
            if candidate != code:
                return CameoInfo(code, info.root, info.label, info.goldstein, info.quad_class,
                                 info.plover_type, info.plover_mode)
            return info
    return None


@cache
def _code_map(name: str, key: str, value: str) -> Mapping[str, str]:
    """Two columns of a ``data/ontology`` TSV file, as a mapping."""
    return MappingProxyType({row[key]: row[value] for row in _rows(name)})


def _rows(name: str) -> list[dict[str, str]]:
    """The rows of a ``data/ontology`` TSV file (``#`` lines are comments)."""
    text = resources.files("eventwatch").joinpath(f"data/ontology/{name}").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def intent_code(root: str) -> str | None:
    """The CAMEO code for an intended or future event of ``root`` ("will meet" → 036)."""
    return _code_map("intent.tsv", "root", "code").get(root)


def demand_code(code: str) -> str:
    """The CAMEO demand for an event someone is told they must do ("must withdraw its
    troops", 0874 → 1056 demand de-escalation); 100 when nothing more specific fits."""
    return _by_longest_prefix("demand.tsv", "demand", code) or "100"


def refusal_code(code: str) -> str | None:
    """The CAMEO rejection for an event someone refused to do ("refused to meet", 040 →
    125); None when CAMEO has no refusal of it."""
    return _by_longest_prefix("refusal.tsv", "refusal", code)


def _by_longest_prefix(name: str, column: str, code: str) -> str | None:
    """The ``column`` of the table row whose code is the longest prefix of ``code`` (a four-,
    three- or two-digit code)."""
    table = _code_map(name, "code", column)
    return next((table[code[:n]] for n in (4, 3, 2) if code[:n] in table), None)


def unknown_code(code: str) -> CameoInfo | None:
    """Facts for a code CAMEO does not define (test dictionaries use 345, 9xx): kept as written,
    neutral, with no quad class, so they never pass for real CAMEO events. ``---`` is no event."""
    if not code or code.startswith("-"):
        return None
    return CameoInfo(code, code[:2], "(not a CAMEO code)", 0.0, 0, None, None)


def is_known_code(code: str) -> bool:
    return code in cameo_codes()


__all__ = ["QUAD_NAMES", "cameo_codes", "cameo_info", "intent_code", "is_known_code",
           "unknown_code"]
