"""Boilerplate rules loaded from a TSV data file.

Rules are data (``data/boilerplate/lines.tsv``) so that new site chrome can be handled
without touching code; the loader turns them into an immutable ``BoilerplateRules``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_RULES_PATH = Path(__file__).resolve().parents[1] / "data" / "boilerplate" / "lines.tsv"
_KINDS = ("line", "appeal_start", "appeal_veto", "appeal_end", "appeal_cue")


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern with its removal reason and the longest line (in words) it may touch."""

    kind: str
    reason: str
    max_words: int
    pattern: re.Pattern[str]

    def matches(self, text: str, words: int) -> bool:
        """True when the pattern is found and the word-count guard allows it."""
        if self.max_words and words > self.max_words:
            return False
        return self.pattern.search(text) is not None


@dataclass(frozen=True, slots=True)
class BoilerplateRules:
    """All rules of one rules file, grouped by kind."""

    line: tuple[Rule, ...]
    appeal_start: tuple[Rule, ...]
    appeal_veto: tuple[Rule, ...]
    appeal_end: tuple[Rule, ...]
    appeal_cue: tuple[Rule, ...]


def _parse_row(row: str, where: str) -> Rule:
    fields = row.split("\t")
    if len(fields) != 5:
        raise ValueError(f"{where}: expected 5 tab-separated fields, got {len(fields)}")
    kind, reason, max_words, flags, pattern = fields
    if kind not in _KINDS:
        raise ValueError(f"{where}: unknown kind {kind!r}")
    if not max_words.isdigit():
        raise ValueError(f"{where}: max_words must be a whole number, got {max_words!r}")
    re_flags = re.IGNORECASE if flags == "i" else 0
    try:
        compiled = re.compile(pattern, re_flags)
    except re.error as exc:
        raise ValueError(f"{where}: bad pattern: {exc}") from exc
    return Rule(kind, reason, int(max_words), compiled)


def load_rules(path: Path | str | None = None) -> BoilerplateRules:
    """Read a rules file (the built-in one by default); raises ``ValueError`` on a bad row."""
    source = Path(path) if path is not None else DEFAULT_RULES_PATH
    grouped: dict[str, list[Rule]] = {kind: [] for kind in _KINDS}
    lines = source.read_text(encoding="utf-8").splitlines()
    for number, row in enumerate(lines, start=1):
        if not row.strip() or row.startswith("#") or row.startswith("kind\t"):
            continue
        rule = _parse_row(row, f"{source.name}:{number}")
        grouped[rule.kind].append(rule)
    return BoilerplateRules(**{kind: tuple(rules) for kind, rules in grouped.items()})


@functools.cache
def default_rules() -> BoilerplateRules:
    """The built-in rules, parsed once per process (the result is immutable)."""
    return load_rules()
