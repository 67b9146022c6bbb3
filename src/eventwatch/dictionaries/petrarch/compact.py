"""``.ewdict``: imported dictionaries as one pickle of plain tuples, quick to load.

Only builtin types are stored (no classes), and loading refuses any pickled global, so a
``.ewdict`` file cannot run code when opened. Entries and patterns are stored once and referred
to by index, which keeps the verb groups' sharing (one pattern, many verbs) intact.
"""

from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path
from typing import Any

from eventwatch.dictionaries.model import (
    DatedCode,
    Dictionaries,
    Entry,
    Pattern,
    PhraseRow,
    Transformation,
)
from eventwatch.dictionaries.petrarch.parts import DictionaryParts, gc_paused
from eventwatch.errors import DictionaryError

SUFFIX = ".ewdict"
FORMAT = "eventwatch-dictionaries"
FORMAT_VERSION = 6  # 4: "^" slots (target_after "^in"); 5: word chains ("(FOR ASYLUM)");
# 6: transformations


def save_compact(parts: DictionaryParts, path: Path) -> None:
    """Write ``parts`` to ``path`` (conventionally ``*.ewdict``)."""
    entries: dict[int, int] = {}
    entry_rows: list[tuple[Any, ...]] = []

    def rows(phrases: tuple[PhraseRow, ...]) -> list[tuple[Any, ...]]:
        out = []
        for words, entry, surface in phrases:
            index = entries.get(id(entry))
            if index is None:
                index = entries[id(entry)] = len(entry_rows)
                entry_rows.append((entry.id, entry.kind, tuple(
                    (c.code, _ordinal(c.start), _ordinal(c.end), c.role) for c in entry.codes),
                    entry.source))
            out.append((words, index, surface))
        return out

    patterns: dict[int, int] = {}
    pattern_rows: list[tuple[Any, ...]] = []
    verbs = []
    for lemma, group in parts.verbs.items():
        indexes = []
        for p in group:
            index = patterns.get(id(p))
            if index is None:
                index = patterns[id(p)] = len(pattern_rows)
                pattern_rows.append((p.id, p.kind, p.lemma, p.words, p.code, p.future_code,
                                     p.target_after, p.source_after, p.text, p.reverse_code,
                                     p.chains))
            indexes.append(index)
        verbs.append((lemma, tuple(indexes)))
    payload = {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "name": parts.name, "version": parts.version, "pattern_count": parts.pattern_count,
        "actors": rows(parts.actors),
        "sentence_discards": rows(parts.sentence_discards),
        "story_discards": rows(parts.story_discards),
        "negations": sorted(parts.negations.items()),
        "transformations": [(t.id, t.text, t.governor, t.source, t.nested, t.result)
                            for t in parts.transformations],
        "entries": entry_rows,
        "patterns": pattern_rows,
        "verbs": verbs,
        "errors": [(e.path, e.line, e.reason) for e in parts.errors],
    }
    path.write_bytes(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))


def read_compact(path: Path) -> DictionaryParts:
    """Read a ``.ewdict`` file written by ``save_compact``."""
    try:
        with path.open("rb") as fh:
            payload = _NoGlobals(fh).load()
    except (pickle.UnpicklingError, EOFError, ValueError) as exc:
        raise DictionaryError(str(path), 0, f"not an eventwatch dictionary file: {exc}") from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise DictionaryError(str(path), 0, "not an eventwatch dictionary file")
    if payload.get("format_version") != FORMAT_VERSION:
        raise DictionaryError(str(path), 0, f"format version {payload.get('format_version')} "
                                            f"is not {FORMAT_VERSION}: import it again")
    entries = [Entry(ident, kind, tuple(DatedCode(code, _date(start), _date(end), role)
                                        for code, start, end, role in codes), source)
               for ident, kind, codes, source in payload["entries"]]

    def rows(stored: list[tuple[Any, ...]]) -> tuple[PhraseRow, ...]:
        return tuple((words, entries[index], surface) for words, index, surface in stored)

    patterns = [Pattern(*row) for row in payload["patterns"]]
    return DictionaryParts(
        name=payload["name"],
        version=payload["version"],
        actors=rows(payload["actors"]),
        verbs={lemma: tuple(patterns[i] for i in indexes) for lemma, indexes in payload["verbs"]},
        pattern_count=payload["pattern_count"],
        sentence_discards=rows(payload["sentence_discards"]),
        story_discards=rows(payload["story_discards"]),
        negations=dict(payload.get("negations", ())),
        transformations=tuple(Transformation(*row) for row in payload["transformations"]),
        errors=tuple(DictionaryError(*error) for error in payload["errors"]),
    )


def load_compact(path: Path) -> Dictionaries:
    """Load a ``.ewdict`` file into indexes (what ``load_dictionaries("x.ewdict")`` calls)."""
    with gc_paused():
        return read_compact(path).build()


class _NoGlobals(pickle.Unpickler):
    """Plain data only: any class or function reference in the file is refused."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"refusing to load {module}.{name}")


def _ordinal(day: dt.date | None) -> int | None:
    return day.toordinal() if day else None


def _date(ordinal: int | None) -> dt.date | None:
    return dt.date.fromordinal(ordinal) if ordinal else None
