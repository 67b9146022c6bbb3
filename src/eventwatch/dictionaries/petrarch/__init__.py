"""PETRARCH-2 dictionaries (actors, agents, verbs, discards) loaded into eventwatch's indexes.

``load_petrarch(folder)`` finds the files by name, reads each with its own reader and builds
the same immutable ``Dictionaries`` the built-in TSV format gives. Malformed lines become
``DictionaryError``s (file and line) in ``Dictionaries.errors``; everything else loads.
How each PETRARCH construct is translated is documented in ``docs/petrarch.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eventwatch.dictionaries.builtin import version_of
from eventwatch.dictionaries.model import (
    ANY_CODE,
    Dictionaries,
    Pattern,
    PhraseRow,
    Transformation,
    by_surname_alone,
    in_office_only,
)
from eventwatch.dictionaries.petrarch.actors import (
    actor_rows,
    people_by_surname,
    read_actors,
)
from eventwatch.dictionaries.petrarch.agents import agent_rows, read_agents
from eventwatch.dictionaries.petrarch.discards import read_discards
from eventwatch.dictionaries.petrarch.ontology import read_negations
from eventwatch.dictionaries.petrarch.parts import DictionaryParts, gc_paused
from eventwatch.dictionaries.petrarch.patterns import verb_groups
from eventwatch.dictionaries.petrarch.transformations import transformation_rules
from eventwatch.dictionaries.petrarch.verbs import read_verbs
from eventwatch.errors import DictionaryError


@dataclass(frozen=True, slots=True)
class PetrarchFiles:
    """The dictionary files of a folder, by role, in name order."""

    actors: tuple[Path, ...]
    agents: tuple[Path, ...]
    verbs: tuple[Path, ...]
    discards: tuple[Path, ...]
    ontology: tuple[Path, ...] = ()

    def all(self) -> list[Path]:
        return [*self.actors, *self.agents, *self.verbs, *self.discards, *self.ontology]


def find_files(folder: Path) -> PetrarchFiles:
    """``*actors*.txt``, ``*agents*.txt``, ``*verbs*.txt``/``CAMEO*.txt``, ``*discards*.txt``;
    anything else (ontology, issues) is ignored."""
    if not folder.is_dir():
        raise DictionaryError(str(folder), 0, "not a folder of PETRARCH dictionaries")
    names = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".txt")

    def having(*keys: str) -> tuple[Path, ...]:
        return tuple(p for p in names if any(k in p.name.lower() for k in keys))

    verbs = tuple(p for p in names if "verbs" in p.name.lower()
                  or p.name.lower().startswith("cameo"))
    return PetrarchFiles(having("actors"), having("agents"), verbs, having("discards"),
                         having("coding_ontology", "coding.ontology"))


def read_petrarch(folder: Path) -> DictionaryParts:
    """Read every dictionary file of ``folder`` into rows and pattern groups."""
    files = find_files(folder)
    errors: list[DictionaryError] = []
    if not files.all():
        errors.append(DictionaryError(str(folder), 0, "no PETRARCH dictionary files found"))
    # Later definitions of the same name win, as in PETRARCH; actors come before agents.
    actors: dict[tuple[tuple[str, ...], str | None], PhraseRow] = {}
    records = [(path, read_actors(path, errors)) for path in files.actors]
    # A name of any file is no bare name of another's bracketed one (EPA, EPA_(EJERCITO …)).
    known = {words for _, found in records for record in found for _, words, _ in record.names}
    surnames = people_by_surname(records, known)
    shared: dict[tuple[tuple[str, ...], str | None, str], PhraseRow] = {}
    for path, found in records:
        for row in actor_rows(found, path, known, surnames.get(path.name, {})):
            key = row[0], row[2]
            if in_office_only(row[1]):
                shared[(*key, row[1].id)] = row  # each of the people who share the surname
            elif key not in actors or not by_surname_alone(row[1]):
                actors[key] = row  # a surname never replaces a name
    agents: dict[tuple[tuple[str, ...], str | None], PhraseRow] = {}
    for path in files.agents:
        for row in agent_rows(read_agents(path, errors), path):
            agents[row[0], row[2]] = row
    verbs: dict[str, tuple[Pattern, ...]] = {}
    transformations: list[Transformation] = []
    pattern_count = 0
    for path in files.verbs:
        verb_file = read_verbs(path, errors)
        transformations.extend(transformation_rules(verb_file, errors))
        translated = verb_groups(verb_file, errors)
        pattern_count += translated.count
        for lemma, group in translated.groups.items():
            verbs[lemma] = _merge(verbs[lemma], group) if lemma in verbs else group
    sentence: list[PhraseRow] = []
    story: list[PhraseRow] = []
    for path in files.discards:
        more_sentence, more_story = read_discards(path, errors)
        sentence.extend(more_sentence)
        story.extend(more_story)
    negations: dict[str, str] = {}
    for path in files.ontology:
        negations.update(read_negations(path, errors))
    return DictionaryParts(
        name=f"petrarch:{folder}",
        version=version_of(files.all()) if files.all() else "empty",
        # A shared surname never replaces a name either.
        actors=(*actors.values(), *(r for k, r in shared.items() if k[:2] not in actors),
                *agents.values()),
        verbs=verbs,
        pattern_count=pattern_count,
        sentence_discards=tuple(sentence),
        story_discards=tuple(story),
        errors=tuple(errors),
        negations=negations,
        # Tried in order: rules with a written nested code before "Q" (any code) rules, as
        # PETRARCH looks up the specific code first.
        transformations=tuple(sorted(transformations, key=lambda r: r.nested[2] == ANY_CODE)),
    )


def _merge(first: tuple[Pattern, ...], second: tuple[Pattern, ...]) -> tuple[Pattern, ...]:
    return tuple(sorted((*first, *second), key=lambda p: -len(p.words)))


def load_petrarch(folder: Path) -> Dictionaries:
    """Load a folder of PETRARCH-2 dictionaries (see ``docs/petrarch.md``)."""
    with gc_paused():
        return read_petrarch(folder).build()


__all__ = ["DictionaryParts", "PetrarchFiles", "find_files", "gc_paused", "load_petrarch",
           "read_petrarch"]
