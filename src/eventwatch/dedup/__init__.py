"""Dedup: the same story and the same event, reported more than once.

Two levels, both cheap enough to run on every batch:
- **articles**: wire copy republished by several outlets is near-identical; MinHash over word
  5-shingles with LSH (datasketch) finds the earlier copy, so the store can mark the later one
  ``duplicate_of`` and counts can skip it;
- **events**: one real-world event reported by many articles has the same day, dyad and code;
  ``event_key`` names that group, and the store's ``event_groups`` view counts its mentions,
  articles and distinct outlets.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH

from eventwatch.records import Article, Event

_WORD = re.compile(r"\w+")
SHINGLE = 4
NUM_PERM = 64


def _minhash(text: str) -> MinHash:
    words = [w.lower() for w in _WORD.findall(text)]
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    sketch = MinHash(num_perm=NUM_PERM, seed=1)
    for shingle in shingles:
        sketch.update(shingle.encode("utf-8"))
    return sketch


class DuplicateFinder:
    """Remembers articles seen so far and names the earlier near-copy of a new one."""

    def __init__(self, threshold: float = 0.7) -> None:
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._seen: set[str] = set()

    def add(self, article: Article) -> str | None:
        """Index ``article``; return the id of an earlier near-duplicate, if any."""
        if article.id in self._seen or len(article.text) < 200:
            return None
        sketch = _minhash(article.text)
        matches = sorted(self._lsh.query(sketch))
        self._lsh.insert(article.id, sketch)
        self._seen.add(article.id)
        return matches[0] if matches else None


def find_duplicates(articles: Iterable[Article], threshold: float = 0.7) -> dict[str, str]:
    """Article id → id of the earlier article it nearly copies (first seen wins)."""
    finder = DuplicateFinder(threshold)
    found = {}
    for article in articles:
        original = finder.add(article)
        if original:
            found[article.id] = original
    return found


def event_key(event: Event) -> str:
    """Same day, same dyad, same CAMEO code: the same real-world event, however reported."""
    target = event.target.code if event.target else ""
    day = event.date.isoformat() if event.date else ""
    raw = f"{day}|{event.source.code}|{target}|{event.cameo.code}"
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


__all__ = ["DuplicateFinder", "event_key", "find_duplicates"]
