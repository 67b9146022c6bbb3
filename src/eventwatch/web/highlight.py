"""Split a text into runs marked with the role of the span they fall in (source, target,
trigger…), so a template can wrap each run in ``<mark>`` and Jinja still escapes the text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

Span = Sequence[int] | None


def segments(text: str, spans: Mapping[str, Span]) -> list[tuple[str, str | None]]:
    """(text, role or None) runs covering ``text``; earlier roles in ``spans`` win overlaps."""
    roles: list[str | None] = [None] * len(text)
    for role, span in reversed(list(spans.items())):
        if span is None:
            continue
        start, end = max(0, span[0]), min(len(text), span[1])
        for i in range(start, end):
            roles[i] = role
    runs: list[tuple[str, str | None]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or roles[i] != roles[start]:
            runs.append((text[start:i], roles[start]))
            start = i
    return runs


__all__ = ["segments"]
