"""Lint a folder of PETRARCH dictionaries: unparseable lines (errors) and doubtful ones (warnings).

Warnings cover names defined twice (the later one wins, as in PETRARCH), verbs listed in two
blocks, event codes that are not CAMEO (test dictionaries use such codes on purpose) and the
oddities the readers tolerate. Every finding carries ``file:line``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eventwatch.dictionaries.model import NO_EVENT
from eventwatch.dictionaries.petrarch import find_files
from eventwatch.dictionaries.petrarch.actors import read_actors
from eventwatch.dictionaries.petrarch.agents import read_agents
from eventwatch.dictionaries.petrarch.discards import read_discards
from eventwatch.dictionaries.petrarch.patterns import verb_groups
from eventwatch.dictionaries.petrarch.transformations import transformation_rules
from eventwatch.dictionaries.petrarch.verbs import VerbDictionary, read_verbs
from eventwatch.errors import DictionaryError
from eventwatch.ontology import is_known_code


@dataclass(frozen=True, slots=True)
class CheckReport:
    errors: tuple[DictionaryError, ...]
    warnings: tuple[DictionaryError, ...]
    counts: dict[str, int]


def check_petrarch(folder: Path) -> CheckReport:
    files = find_files(folder)
    errors: list[DictionaryError] = []
    warnings: list[DictionaryError] = []
    counts = {"files": len(files.all()), "actors": 0, "agents": 0, "verb_blocks": 0,
              "verb_patterns": 0, "transformations": 0, "discards": 0}
    seen: dict[tuple[str, ...], tuple[str, int]] = {}

    def duplicate(words: tuple[str, ...], path: Path, line: int, what: str) -> None:
        first = seen.setdefault(words, (path.name, line))
        if first != (path.name, line):
            warnings.append(DictionaryError(str(path), line, f"{what} {' '.join(words)!r} is "
                                            f"also at {first[0]}:{first[1]}; the later wins"))

    for path in files.actors:
        for record in read_actors(path, errors, warnings):
            counts["actors"] += 1
            for _, words, line in record.names:
                duplicate(words, path, line, "actor name")
    seen.clear()
    for path in files.agents:
        for agent in read_agents(path, errors):
            counts["agents"] += 1
            for words in agent.phrases:
                duplicate(words, path, agent.line, "agent")
    for path in files.verbs:
        verbs = read_verbs(path, errors, warnings)
        verb_groups(verbs, errors, warnings)
        warnings.extend(_unknown_codes(verbs))
        counts["verb_blocks"] += len(verbs.blocks)
        counts["verb_patterns"] += sum(len(b.patterns) for b in verbs.blocks)
        counts["transformations"] += len(transformation_rules(verbs, errors))
    for path in files.discards:
        sentence, story = read_discards(path, errors)
        counts["discards"] += len({row[1].id for row in (*sentence, *story)})
    order = sorted(range(len(warnings)), key=lambda i: (warnings[i].path, warnings[i].line))
    return CheckReport(tuple(sorted(errors, key=lambda e: (e.path, e.line))),
                       tuple(warnings[i] for i in order), counts)


def _unknown_codes(verbs: VerbDictionary) -> list[DictionaryError]:
    """Event codes that CAMEO does not define (``---`` means "no event" and is fine)."""
    found = []
    path = str(verbs.path)
    for block in verbs.blocks:
        coded = [(block.line, c) for c in (block.code, block.passive)]
        coded += [(v.line, c) for v in block.verbs for c in (v.code, v.passive)]
        coded += [(p.line, c) for p in block.patterns for c in (p.code, p.passive)]
        coded = list(dict.fromkeys((line, c) for line, c in coded if c))
        for line, code in coded:
            if code != NO_EVENT and not is_known_code(code):
                found.append(DictionaryError(path, line, f"unknown CAMEO code {code!r}"))
    return found
