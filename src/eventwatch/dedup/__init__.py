"""Dedup: the same story and the same event, reported more than once.

Two levels, both cheap enough to run on every batch:
- **articles**: wire copy republished by several outlets is near-identical; MinHash over word
  5-shingles with LSH (datasketch) finds the earlier copy, so the store can mark the later one
  ``duplicate_of`` and counts can skip it;
- **events**: one real-world event reported by many articles has the same day, dyad and code;
  ``event_key`` names that group, and the store's ``event_groups`` view counts its mentions,
  articles and distinct outlets. A past reference dated only to a week, month or year ("in
  November") joins the matching day-level event's group (``merge_references``) instead of
  counting as a new event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH

from eventwatch.dedup.keys import COARSE, event_key
from eventwatch.dedup.references import KeyedEvent, merge_references, period, signature
from eventwatch.records import Article

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


__all__ = ["COARSE", "DuplicateFinder", "KeyedEvent", "event_key", "find_duplicates",
           "merge_references", "period", "signature"]
