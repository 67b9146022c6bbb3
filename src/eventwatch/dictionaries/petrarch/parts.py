"""Loaded dictionary content before indexing: what the readers produce and ``.ewdict`` stores."""

from __future__ import annotations

import atexit
import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

from eventwatch.dictionaries.model import (
    PETRARCH,
    Dictionaries,
    Pattern,
    PatternIndex,
    PhraseIndex,
    PhraseRow,
    Transformation,
)
from eventwatch.errors import DictionaryError


@dataclass(frozen=True, slots=True)
class DictionaryParts:
    """Phrase rows and verb pattern groups (lemma → patterns, most specific first)."""

    name: str
    version: str
    actors: tuple[PhraseRow, ...]
    verbs: Mapping[str, tuple[Pattern, ...]]
    pattern_count: int
    sentence_discards: tuple[PhraseRow, ...]
    story_discards: tuple[PhraseRow, ...]
    errors: tuple[DictionaryError, ...]
    negations: Mapping[str, str] = field(default_factory=dict)
    transformations: tuple[Transformation, ...] = ()

    def build(self) -> Dictionaries:
        return Dictionaries(
            name=self.name,
            version=self.version,
            actors=PhraseIndex(self.actors),
            verbs=PatternIndex.from_groups(self.verbs, self.pattern_count),
            nouns=PatternIndex(()),
            sentence_discards=PhraseIndex(self.sentence_discards),
            story_discards=PhraseIndex(self.story_discards),
            errors=self.errors,
            convention=PETRARCH,
            negations=self.negations,
            transformations=self.transformations,
        )


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large acyclic structures, then move
    what they left alive into the collector's permanent generation.

    Loading allocates about a million small objects that form no cycles. Scanned while they
    are made, loading takes about 60% longer; left to the collector, the first allocation
    after it comes back starts a full collection that scans them all (0.18 s for Phoenix),
    and so does every later full collection while coding. ``gc.freeze`` spares both, as in a
    pre-fork server: loaded dictionaries live as long as the process that loads them. At exit
    the objects go back to the collector, so that extension modules (DuckDB's) see theirs
    freed at shutdown instead of reporting them leaked.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        atexit.unregister(gc.unfreeze)  # once, however many loads
        atexit.register(gc.unfreeze)
        if was_enabled:
            gc.enable()
