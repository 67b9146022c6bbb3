"""PETRARCH's internal coding ontology (PICO): how a negated event is coded.

Each line maps a CAMEO code to a sum of hexadecimal terms, ``110:0x1007f#0xFFFF+0x0080``, where
a ``±0xFFFF`` term marks the negation of the rest: 110 *Disapprove* is "not 050 diplomatic
cooperation", 011 *Decline comment* is "not 010 make statement". So the code for "did not X"
is the code with the same base and the opposite negation term; when the ontology has none,
the negated event stays uncoded, as for our own dictionaries.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from eventwatch.errors import DictionaryError

NEGATION = 0xFFFF
_TERM = re.compile(r"([+-]?)\s*(0x[0-9a-fA-F]+)")


def _value(expression: str) -> tuple[int, int] | None:
    """``-0xFFFF+0x0070`` → (base 0x0070, negation -1); ``0x1007f`` → (0x0080, +1): the
    negation term may be written out or already added in. None when not an expression."""
    terms = _TERM.findall(expression)
    if not terms:
        return None
    total = sum(int(number, 16) * (-1 if sign == "-" else 1) for sign, number in terms)
    if total >= NEGATION:
        return total - NEGATION, 1
    if total < 0:
        return total + NEGATION, -1
    return total, 0


def read_negations(path: Path, errors: list[DictionaryError]) -> Mapping[str, str]:
    """CAMEO code → the code of its negation, from a PICO file."""
    values: dict[str, tuple[int, int]] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace")
                                 .splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        code, expression = (part.strip() for part in line.split(":", 1))
        if code.startswith("-"):
            continue  # "---": no event
        value = _value(expression)
        if not code.isdigit() or value is None:
            errors.append(DictionaryError(str(path), number, f"unreadable ontology line {raw!r}"))
            continue
        values.setdefault(code, value)
    by_value: dict[tuple[int, int], str] = {}
    for code, value in values.items():
        by_value.setdefault(value, code)
    negations: dict[str, str] = {}
    for code, (base, negation) in values.items():
        options = [(base, 0)] if negation else [(base, 1), (base, -1)]
        target = next((by_value[o] for o in options if o in by_value), None)
        if target is not None:
            negations[code] = target
    return MappingProxyType(negations)
