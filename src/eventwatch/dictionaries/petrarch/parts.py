"""Loaded dictionary content before indexing: what the readers produce and ``.ewdict`` stores."""

from __future__ import annotations

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
    """Pause the cyclic garbage collector while building large acyclic structures.

    Loading allocates a few hundred thousand small objects that form no cycles; without this
    the collector keeps rescanning them and loading takes about 60% longer.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
