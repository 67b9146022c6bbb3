"""Reader for eventwatch's own TSV dictionary format (see docs/dictionaries.md).

A malformed line becomes a ``DictionaryError`` with file and line number; the rest loads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from eventwatch.dictionaries.model import (
    AGENT,
    CAPITAL,
    COUNTRY,
    NAMED,
    NO_EVENT,
    PERSON,
    DatedCode,
    Dictionaries,
    Entry,
    Pattern,
    PatternIndex,
    PhraseIndex,
    PhraseRow,
)
from eventwatch.dictionaries.words import fold, is_acronym, phrase_words, plural
from eventwatch.errors import DictionaryError
from eventwatch.ontology import is_known_code


def builtin_dir() -> Path:
    """Folder of the dictionaries that ship with the package."""
    return Path(str(resources.files("eventwatch").joinpath("data/dictionaries/builtin")))


def _rows(path: Path, columns: int) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line_number, cells)`` for data rows, padding short rows, skipping comments."""
    with path.open(encoding="utf-8") as fh:
        header_seen = False
        for number, raw in enumerate(fh, start=1):
            line = raw.rstrip("\n\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            cells = [c.strip() for c in line.split("\t")]
            yield number, (cells + [""] * columns)[:columns]


def _names(cell: str) -> list[str]:
    return [n.strip() for n in cell.split("|") if n.strip()]


def _phrase_rows(names: list[str], entry: Entry, plurals: bool = False) -> Iterator[PhraseRow]:
    for name in names:
        words = phrase_words(name)
        if not words:
            continue
        surface = "".join(ch for ch in name if ch.isalnum()) if is_acronym(name) else None
        yield words, entry, surface
        if plurals:
            yield (*words[:-1], plural(words[-1])), entry, None


def _date(cell: str, path: Path, number: int) -> dt.date | None:
    if not cell:
        return None
    try:
        return dt.date.fromisoformat(cell)
    except ValueError as exc:
        raise DictionaryError(str(path), number, f"bad date {cell!r}") from exc


def read_countries(path: Path, errors: list[DictionaryError]) -> Iterator[PhraseRow]:
    for number, (iso3, names, adjectives, capitals, _comment) in _rows(path, 5):
        if len(iso3) != 3 or not iso3.isalpha() or not iso3.isupper():
            errors.append(DictionaryError(str(path), number, f"bad ISO3 code {iso3!r}"))
            continue
        country = Entry(f"countries:{iso3}", COUNTRY, (DatedCode(iso3),), f"{path.name}:{number}")
        capital = Entry(f"countries:{iso3}:capital", CAPITAL, (DatedCode(iso3 + "GOV"),),
                        f"{path.name}:{number}")
        yield from _phrase_rows(_names(names) + _names(adjectives), country)
        yield from _phrase_rows(_names(capitals), capital)


def read_agents(path: Path, errors: list[DictionaryError]) -> Iterator[PhraseRow]:
    for number, (phrase, code, _comment) in _rows(path, 3):
        if not phrase or not code.isalpha() or not code.isupper() or len(code) % 3:
            errors.append(DictionaryError(str(path), number, f"bad agent row {phrase!r} {code!r}"))
            continue
        entry = Entry(f"agents:{fold(phrase).replace(' ', '_')}", AGENT, (DatedCode(code),),
                      f"{path.name}:{number}")
        yield from _phrase_rows([phrase], entry, plurals=True)


def read_actors(path: Path, errors: list[DictionaryError]) -> Iterator[PhraseRow]:
    """Named actors: rows sharing an id are one entry with several dated codes."""
    kind = PERSON if path.stem == "people" else NAMED
    names: dict[str, list[str]] = defaultdict(list)
    codes: dict[str, list[DatedCode]] = defaultdict(list)
    lines: dict[str, int] = {}
    for number, (ident, name_cell, code, start, end, role) in _rows(path, 6):
        try:
            if not ident or not code.isalpha() or not code.isupper():
                raise DictionaryError(str(path), number, f"bad actor row {ident!r} {code!r}")
            dated = DatedCode(code, _date(start, path, number), _date(end, path, number), role)
            if dated.start and dated.end and dated.start > dated.end:
                raise DictionaryError(str(path), number, f"{start} is after {end}")
        except DictionaryError as exc:
            errors.append(exc)
            continue
        names[ident].extend(_names(name_cell))
        codes[ident].append(dated)
        lines.setdefault(ident, number)
    for ident, entry_codes in codes.items():
        entry = Entry(f"{path.stem}:{ident}", kind, tuple(entry_codes),
                      f"{path.name}:{lines[ident]}")
        if not names[ident]:
            errors.append(DictionaryError(str(path), lines[ident], f"{ident} has no names"))
        yield from _phrase_rows(list(dict.fromkeys(names[ident])), entry)


def parse_pattern(text: str) -> tuple[str, tuple[str, ...], str | None, str | None]:
    """Split ``impose sanction on +`` into lemma, words, target-after and source-after."""
    tokens = text.lower().split()
    if not tokens or tokens[0] in {"+", "$"}:
        raise ValueError("a pattern starts with the head lemma")
    lemma, words = tokens[0], []
    target_after = source_after = None
    previous = lemma
    for token in tokens[1:]:
        if token == "+":
            target_after = previous
        elif token == "$":
            source_after = previous
        else:
            words.append(token)
            previous = token
    return lemma, tuple(words), target_after, source_after


def read_patterns(path: Path, kind: str, errors: list[DictionaryError]) -> Iterator[Pattern]:
    for number, (code, text, future, _comment) in _rows(path, 4):
        try:
            if code != NO_EVENT and not is_known_code(code):
                raise ValueError(f"unknown CAMEO code {code!r}")
            if future and not is_known_code(future):
                raise ValueError(f"unknown future CAMEO code {future!r}")
            lemma, words, target_after, source_after = parse_pattern(text)
        except ValueError as exc:
            errors.append(DictionaryError(str(path), number, str(exc)))
            continue
        yield Pattern(f"{path.stem}:{number}", kind, lemma, words, code, future or None,
                      target_after, source_after, text)


def read_discards(path: Path, errors: list[DictionaryError]
                  ) -> tuple[list[PhraseRow], list[PhraseRow]]:
    sentence: list[PhraseRow] = []
    story: list[PhraseRow] = []
    for number, (phrase, scope, _comment) in _rows(path, 3):
        if scope not in {"sentence", "story"} or not phrase_words(phrase):
            errors.append(DictionaryError(str(path), number, f"bad discard {phrase!r} {scope!r}"))
            continue
        entry = Entry(f"discards:{number}", scope, (), f"{path.name}:{number}")
        (sentence if scope == "sentence" else story).extend(_phrase_rows([phrase], entry))
    return sentence, story


def version_of(paths: list[Path]) -> str:
    digest = hashlib.sha1()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def load_builtin(directory: Path | None = None) -> Dictionaries:
    """Load a dictionary folder in eventwatch's own format (default: the built-in set)."""
    folder = directory or builtin_dir()
    errors: list[DictionaryError] = []
    phrases: list[PhraseRow] = []
    files: list[Path] = []
    if (folder / "countries.tsv").exists():
        files.append(folder / "countries.tsv")
        phrases.extend(read_countries(folder / "countries.tsv", errors))
    if (folder / "agents.tsv").exists():
        files.append(folder / "agents.tsv")
        phrases.extend(read_agents(folder / "agents.tsv", errors))
    for actor_file in sorted((folder / "actors").glob("*.tsv")):
        files.append(actor_file)
        phrases.extend(read_actors(actor_file, errors))
    verbs: list[Pattern] = []
    nouns: list[Pattern] = []
    if (folder / "verbs.tsv").exists():
        files.append(folder / "verbs.tsv")
        verbs = list(read_patterns(folder / "verbs.tsv", "verb", errors))
    if (folder / "nouns.tsv").exists():
        files.append(folder / "nouns.tsv")
        nouns = list(read_patterns(folder / "nouns.tsv", "noun", errors))
    sentence: list[PhraseRow] = []
    story: list[PhraseRow] = []
    if (folder / "discards.tsv").exists():
        files.append(folder / "discards.tsv")
        sentence, story = read_discards(folder / "discards.tsv", errors)
    return Dictionaries(
        name="builtin" if directory is None else str(folder),
        version=version_of(files) if files else "empty",
        actors=PhraseIndex(phrases),
        verbs=PatternIndex(verbs),
        nouns=PatternIndex(nouns),
        sentence_discards=PhraseIndex(sentence),
        story_discards=PhraseIndex(story),
        errors=tuple(errors),
    )
