"""PETRARCH ``.agents`` files: sector words appended to (``~GOV``) or put before (``NGO~``) a code.

``NAME {PLURAL} [~CODE]``: regular plurals are generated unless ``{...}`` gives the plural
(``{}`` means none). ``!PERSON! = MAN, MEN`` defines a substitution set; ``CONGRESS!PERSON!``
expands to every member, with no further plurals, as PETRARCH does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwatch.dictionaries.model import AGENT, DatedCode, Entry, PhraseRow
from eventwatch.dictionaries.petrarch._text import bracketed, data_lines
from eventwatch.dictionaries.petrarch.actors import organisation_word
from eventwatch.dictionaries.words import phrase_words, plural
from eventwatch.errors import DictionaryError


@dataclass(frozen=True, slots=True)
class AgentRecord:
    """One agent line: its phrases (plurals included) and its code.

    marker (str): the code as written, ``~GOV`` (appended) or ``NGO~`` (put first).
    """

    line: int
    phrases: tuple[tuple[str, ...], ...]
    code: str
    marker: str


def read_agents(path: Path, errors: list[DictionaryError]) -> list[AgentRecord]:
    records: list[AgentRecord] = []
    substitutions: dict[str, list[str]] = {}
    for number, line in data_lines(path, errors):
        try:
            if "!" in line and "=" in line:
                name, members = _substitution(line)
                substitutions[name] = members
                continue
            records.append(_agent(line, number, substitutions))
        except ValueError as exc:
            errors.append(DictionaryError(str(path), number, str(exc)))
    return records


def _substitution(line: str) -> tuple[str, list[str]]:
    marker, _, members = line.partition("=")
    marker = marker.strip()
    if len(marker) < 3 or marker[0] != "!" or marker[-1] != "!" or "!" in marker[1:-1]:
        raise ValueError(f"bad substitution set {marker!r} (want !NAME! = A, B)")
    items = [m.strip() for m in members.split(",") if m.strip()]
    if not items:
        raise ValueError(f"substitution set {marker} is empty")
    return marker[1:-1], items


def _agent(line: str, number: int, substitutions: dict[str, list[str]]) -> AgentRecord:
    parsed = bracketed(line)
    if parsed is None:
        raise ValueError(f"unbalanced brackets: {line!r}")
    head, codes = parsed
    if len(codes) != 1:
        raise ValueError(f"an agent needs exactly one [code]: {line!r}")
    marker = codes[0].replace(" ", "")
    code = marker.strip("~")
    if marker.count("~") != 1 or marker.strip("~") == marker or not code.isalnum():
        raise ValueError(f"bad agent code [{codes[0]}] (want [~CODE] or [CODE~])")
    name, plural_text = _name_and_plural(head)
    if "!" in name:
        phrases = [phrase_words(n) for n in _substitute(name, substitutions)]
    else:
        words = phrase_words(name)
        if plural_text is None:
            phrases = [words, (*words[:-1], plural(words[-1]))] if words else []
        else:
            phrases = [words, phrase_words(plural_text)]
    phrases = [p for p in dict.fromkeys(phrases) if p]
    if not phrases:
        raise ValueError(f"agent without words: {line!r}")
    return AgentRecord(number, tuple(phrases), code, marker)


def _name_and_plural(head: str) -> tuple[str, str | None]:
    """``NAME {PLURAL}`` → (NAME, PLURAL); no braces → (NAME, None): make a regular plural."""
    name, brace, rest = head.partition("{")
    if not brace:
        return head.strip(), None
    inside, close, after = rest.partition("}")
    if not close or after.strip():
        raise ValueError(f"bad plural braces in {head!r}")
    return name.strip(), inside.strip()


def _substitute(name: str, substitutions: dict[str, list[str]]) -> list[str]:
    before, _, rest = name.partition("!")
    marker, bang, after = rest.partition("!")
    if not bang:
        raise ValueError(f"substitution marker in {name!r} is not closed")
    if marker not in substitutions:
        raise ValueError(f"substitution set !{marker}! is not defined")
    return [before + member + after for member in substitutions[marker]]


def agent_rows(records: list[AgentRecord], path: Path) -> Iterator[PhraseRow]:
    stem = path.name.removesuffix(".txt")
    used: set[str] = set()
    for record in records:
        ident = f"{stem}:{'_'.join(record.phrases[0])}"
        if ident in used:
            ident = f"{ident}@{record.line}"
        used.add(ident)
        entry = Entry(ident, AGENT, (DatedCode(record.code, role=record.marker),),
                      f"{path.name}:{record.line}")
        for words in record.phrases:
            yield words, entry, organisation_word(words)
