"""Dictionaries: data files loaded into immutable indexes (built-in TSV or PETRARCH format)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from eventwatch.dictionaries.builtin import builtin_dir, load_builtin
from eventwatch.dictionaries.model import (
    AGENT,
    CAPITAL,
    COUNTRY,
    NAMED,
    PERSON,
    DatedCode,
    Dictionaries,
    Entry,
    Pattern,
    PatternIndex,
    PhraseIndex,
    PhraseMatch,
)


@lru_cache(maxsize=8)
def load_dictionaries(spec: str | None = None) -> Dictionaries:
    """Load dictionaries by spec: ``None``/``builtin``, a folder in our format, ``petrarch:DIR``
    or a ``*.ewdict`` file made by ``eventwatch dictionaries import``.

    Cached per spec: dictionaries are immutable, so sharing one load is safe.
    """
    if spec in (None, "", "builtin"):
        return load_builtin()
    if spec.endswith(".ewdict"):
        from eventwatch.dictionaries.petrarch.compact import load_compact

        return load_compact(Path(spec))
    if spec.startswith("petrarch:"):
        from eventwatch.dictionaries.petrarch import load_petrarch

        return load_petrarch(Path(spec.removeprefix("petrarch:")))
    return load_builtin(Path(spec))


__all__ = [
    "AGENT", "CAPITAL", "COUNTRY", "NAMED", "PERSON", "DatedCode", "Dictionaries", "Entry",
    "Pattern", "PatternIndex", "PhraseIndex", "PhraseMatch", "builtin_dir", "load_builtin",
    "load_dictionaries",
]
