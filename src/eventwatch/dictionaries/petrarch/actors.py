"""PETRARCH ``.actors`` files: names, ``+`` synonyms and date-restricted codes.

An entry starts with a name line (``AFGHANISTAN_ [AFG]``); ``+NAME`` lines add synonyms and
``[CODE ...]`` lines (or further brackets on the name line) add codes. Date restrictions follow
PETRARCH's ``check_date``: ``<D`` applies before D, ``>D`` from D on, ``A-B`` from A up to
(not including) B; two-digit years 00-30 are 20xx, the rest 19xx.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from eventwatch.dictionaries.model import (
    COUNTRY,
    IN_OFFICE_MARK,
    NAMED,
    ORG_PREFIXES,
    SURNAME_MARK,
    DatedCode,
    Entry,
    PhraseRow,
)
from eventwatch.dictionaries.petrarch._text import bracketed, data_lines
from eventwatch.dictionaries.words import phrase_words
from eventwatch.errors import DictionaryError

# One-word names that are also everyday English words ("US" vs "us") must match in capitals.
_FUNCTION_WORDS = frozenset({
    "us", "it", "am", "is", "as", "at", "an", "in", "on", "or", "no", "so", "to", "be", "he",
    "we", "me", "my", "by", "of", "up", "do", "go", "who", "all", "one", "can", "may", "will",
})
_ONE_DAY = dt.timedelta(days=1)
_Derived = TypeVar("_Derived", str, tuple[str, ...])
_NOTE = re.compile(r"_?\([^)]*\)_?")
_ACRONYM_NOTE = re.compile(r"\(([A-Z]{2,6})\)")
_MINOR_WORDS = frozenset({"of", "the", "and", "for", "in", "de", "del", "la"})
# Last words of bodies' names, which the files sometimes date like people.
# Countries whose news names people by their first name (Thailand: "Samak", "Thaksin").
_FIRST_NAME_COUNTRIES = frozenset({"THA"})
_NOT_SURNAMES = frozenset({
    "movement", "party", "front", "army", "coalition", "council", "union", "association",
    "organization", "organisation", "committee", "group", "brigade", "brigades", "forces",
    "alliance", "league", "network", "institute", "foundation", "agency", "company",
    "ministry", "commission", "court", "church", "congress", "assembly", "government",
    "democrats", "republicans", "socialists", "communists", "liberals", "conservatives",
    "greens", "rebels", "fighters", "militia", "guard", "guards", "police", "services",
    "authority", "office", "bureau", "center", "centre", "federation", "society", "trust",
    "corporation", "holdings", "industries", "limited", "international", "national",
    "islands", "republic", "kingdom", "state", "states", "region", "province", "district",
    "administration", "regime", "cabinet", "campaign", "family",
    # Months and feasts: "the month of Ramadan" names no one.
    "ramadan", "christmas", "easter", "january", "february", "march", "april", "june", "july",
    "august", "september", "october", "november", "december"})


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """One actor: its names (text, words, line) and its dated codes."""

    line: int
    names: tuple[tuple[str, tuple[str, ...], int], ...]
    codes: tuple[DatedCode, ...]


def parse_date(text: str) -> dt.date:
    """PETRARCH's rule: eight or more digits are ``YYYYMMDD`` (extra digits ignored), six or
    seven are ``YYMMDD``; raises ``ValueError`` otherwise or for a day that does not exist."""
    if not text.isdigit() or len(text) < 6:
        raise ValueError(f"bad date {text!r} (want YYMMDD or YYYYMMDD)")
    if len(text) >= 8:
        year, rest = int(text[:4]), text[4:8]
    else:
        short = int(text[:2])
        year, rest = (2000 + short if short <= 30 else 1900 + short), text[2:6]
    try:
        return dt.date(year, int(rest[:2]), int(rest[2:]))
    except ValueError:
        raise ValueError(f"bad date {text!r}: no such day") from None


def parse_code(text: str, warnings: list[str] | None = None) -> DatedCode:
    """``CODE``, ``CODE >D``, ``CODE <D`` or ``CODE A-B`` (spaces around signs allowed).

    Oddities PETRARCH tolerates are accepted and described in ``warnings``: a bare date
    (read as ``>D``), a date of 7 or 9+ digits, a range ``A-A`` (read as that one day).
    """
    parts = text.split()
    if not parts:
        raise ValueError("empty code []")
    code, restriction = parts[0], "".join(parts[1:])
    if not restriction:
        return DatedCode(code)
    notes = warnings if warnings is not None else []
    dates = restriction.lstrip("<>").split("-")
    notes.extend(f"date {d!r} is not YYMMDD or YYYYMMDD" for d in dates if len(d) not in (6, 8))
    if restriction[0] == "<":
        return DatedCode(code, end=parse_date(restriction[1:]) - _ONE_DAY)
    if len(dates) == 1:
        if restriction[0] != ">":
            notes.append(f"bare date in [{text}] read as '>{restriction}'")
        return DatedCode(code, start=parse_date(dates[0]))
    if len(dates) != 2:
        raise ValueError(f"bad date range {restriction!r}")
    start, end = parse_date(dates[0]), parse_date(dates[1])
    if start > end:
        raise ValueError(f"range {restriction!r} ends before it starts")
    if start == end:
        notes.append(f"empty range {restriction!r} read as that one day")
    return DatedCode(code, start=start, end=end)  # both ends inclusive, as PETRARCH reads them


def read_actors(path: Path, errors: list[DictionaryError],
                warnings: list[DictionaryError] | None = None) -> list[ActorRecord]:
    """Every well-formed actor of one file; problems go to ``errors`` with their line, and
    tolerated oddities to ``warnings``.

    A name line right after another name line (no codes in between) continues the same
    actor, as its author meant; PETRARCH itself would leave the first name without a code.
    """
    records: list[ActorRecord] = []
    names: list[tuple[str, tuple[str, ...], int]] = []
    codes: list[DatedCode] = []
    start = 0
    notes: list[str] = []

    def flush() -> None:
        if not start:
            return
        if codes:
            records.append(ActorRecord(start, tuple(names), tuple(codes)))
        else:
            errors.append(DictionaryError(str(path), start, f"actor {names[0][0]!r} has no code"))

    def warn(number: int, reason: str) -> None:
        if warnings is not None:
            warnings.append(DictionaryError(str(path), number, reason))

    for number, line in data_lines(path, errors):
        is_synonym = line[0] == "+"
        parsed = bracketed(line[1:] if is_synonym else line)
        if parsed is None:
            errors.append(DictionaryError(str(path), number, f"unbalanced brackets: {line!r}"))
            continue
        name, brackets = parsed
        words = phrase_words(name) if name else ()
        if name and not words:
            errors.append(DictionaryError(str(path), number, f"name without words: {name!r}"))
            continue
        if name and not is_synonym:
            if start and not codes and not brackets:
                warn(number, f"name {name!r} without '+' inside an actor: read as a synonym")
            else:
                flush()
                names, codes, start = [], [], number
        elif not start:
            errors.append(DictionaryError(str(path), number, "synonym or code before any actor"))
            continue
        elif is_synonym and not name:
            errors.append(DictionaryError(str(path), number, "empty synonym '+'"))
            continue
        if name:
            names.append((name, words, number))
        for text in brackets:
            try:
                codes.append(parse_code(text, notes))
            except ValueError as exc:
                errors.append(DictionaryError(str(path), number, str(exc)))
            for note in notes:
                warn(number, note)
            notes.clear()
    flush()
    return records


def actor_kind(codes: tuple[DatedCode, ...]) -> str:
    """COUNTRY for plain three-letter codes (they compose with agents), NAMED otherwise."""
    if all(len(c.code) == 3 and c.code.isalpha() and c.code not in ORG_PREFIXES
           for c in codes):
        return COUNTRY
    return NAMED


def actor_rows(records: list[ActorRecord], path: Path,
               known: set[tuple[str, ...]] | None = None,
               surnames: dict[int, Surnames] | None = None) -> Iterator[PhraseRow]:
    """Phrase rows ``(words, entry, surface)`` for the index, one per name. ``known``: the
    names of every actor file read with this one; ``surnames``: by an entry's line, the
    single words that name it (``people_by_surname``)."""
    stem = path.name.removesuffix(".txt")
    used: set[str] = set()
    own = {words for record in records for _, words, _ in record.names}
    known = own | known if known else own
    unnoted = _names_without_notes(records, known)
    acronyms = _acronyms_in_notes(records, known)
    for record in records:
        first = record.names[0][1]
        ident = f"{stem}:{'_'.join(first)}"
        if ident in used:
            ident = f"{ident}@{record.line}"
        used.add(ident)
        entry = Entry(ident, actor_kind(record.codes), record.codes, f"{path.name}:{record.line}")
        # A country, or one that had other codes in the past (Iraq was IRQOCC for a while).
        a_country = any(len(c.code) == 3 and c.code.isalpha() for c in record.codes)
        dated = any(c.dated for c in record.codes)  # people
        for name, words, _ in record.names:
            yield words, entry, surface_of(name, words) or organisation_word(words)
            bare = unnoted.get((record.line, words))
            if bare is not None:
                yield bare, entry, None
            acronym = acronyms.get((record.line, words))
            if acronym is not None:
                yield (acronym.lower(),), entry, acronym
            plural = demonym_plural(words) if a_country else None
            if plural is not None and plural not in known:
                yield plural, entry, None
            member = group_member(words) if not (a_country or dated) else None
            if member is not None and member not in known:
                yield member, entry, None
        if surnames and record.line in surnames:
            own = surnames[record.line]
            alone = Entry(ident + SURNAME_MARK, entry.kind, entry.codes, entry.source)
            in_office = Entry(ident + IN_OFFICE_MARK, entry.kind, entry.codes, entry.source)
            for word in own.alone:
                yield (word,), alone, None
            for word in own.shared:
                yield (word,), in_office, None


@dataclass(frozen=True, slots=True)
class Surnames:
    """The single words that name one person: ``alone`` theirs only, ``shared`` with other
    people (the coder takes whichever of them is in office on the day)."""

    alone: tuple[str, ...] = ()
    shared: tuple[str, ...] = ()


def people_by_surname(files: list[tuple[Path, list[ActorRecord]]],
                      known: set[tuple[str, ...]]) -> dict[str, dict[int, Surnames]]:
    """Surnames that name one person alone ("Saakashvili", "Mugabe"), by file name and line:
    news names a person in full once, then by surname, and the files list most people only
    in full (``MIKHEIL_SAAKASHVILI_``). A person is an entry with dated codes (roles held
    for a time) and no bare country code; a surname is the last word of one of its names
    of two words or more, of five letters or more, that is in no other person's name but
    the first word ("Uribe" is not Nora Uribe alone while ALVARO_URIBE_VELEZ is in the
    files) and names no entry. A word that is also another person's first name is a
    given name ("Samak" is Vele Samak's surname but Thailand's Samak Sundaravej's first,
    "Nabil" many a man's): it names its owner alone only if the files follow a career of
    more than one role ("Sharon", "Moussavi"). Not a word that ends a body's name
    (``_NOT_SURNAMES``: "Movement") or a people's plural ("Syrians", of
    COALITION_OF_SECULAR_AND_DEMOCRATIC_SYRIANS). Thai people also by their first name
    (``_first_names``). A surname of four letters or more that several people share and
    no one has as a first name names each of them (``Surnames.shared``): the coder takes the
    one in office on the day ("Bush" in 2008 is George W., "Rice" Condoleezza), none if
    two are."""
    owners: dict[str, set[tuple[str, int]]] = {}
    last_words: set[str] = set()
    given_names: set[str] = set()
    careers: dict[tuple[str, int], int] = {}
    first_named: dict[str, set[tuple[str, int]]] = {}  # Thai first names, by owner
    for path, records in files:
        for record in records:
            if not any(c.dated for c in record.codes) \
                    or any(len(c.code) <= 3 for c in record.codes):
                continue  # no person: undated, or a country ("GEORGIA_(NATION)_")
            careers[path.name, record.line] = len(record.codes)
            by_first_name = all(c.code[:3] in _FIRST_NAME_COUNTRIES for c in record.codes)
            for _, words, _ in record.names:
                for word in words[1:]:
                    owners.setdefault(word, set()).add((path.name, record.line))
                if len(words) >= 2:
                    last_words.add(words[-1])
                    if words[-1] not in _NOT_SURNAMES:  # "BUSH_ADMINISTRATION" names no Bush
                        given_names.add(words[0])
                    if by_first_name:
                        first_named.setdefault(words[0], set()).add((path.name, record.line))
    alone: dict[tuple[str, int], list[str]] = {}
    shared: dict[tuple[str, int], list[str]] = {}
    for surname, people in owners.items():
        if surname not in last_words or not surname.isalpha() or (surname,) in known \
                or surname in _NOT_SURNAMES or (surname[:-1],) in known:
            continue
        if len(people) == 1 and len(surname) >= 5 and (
                surname not in given_names or careers[next(iter(people))] > 1):
            alone.setdefault(next(iter(people)), []).append(surname)
        elif len(people) > 1 and len(surname) >= 4 and surname not in given_names:
            for owner in people:
                shared.setdefault(owner, []).append(surname)
    taken = {word for words in alone.values() for word in words}
    for owner, first in _first_names(first_named, owners, careers, known).items():
        if first not in taken:
            alone.setdefault(owner, []).append(first)
    found: dict[str, dict[int, Surnames]] = {}
    for name, line in alone.keys() | shared.keys():
        found.setdefault(name, {})[line] = Surnames(tuple(alone.get((name, line), ())),
                                                    tuple(shared.get((name, line), ())))
    return found


def _first_names(first_named: dict[str, set[tuple[str, int]]],
                 owners: dict[str, set[tuple[str, int]]], careers: dict[tuple[str, int], int],
                 known: set[tuple[str, ...]]) -> dict[tuple[str, int], str]:
    """First names that name one person alone where news calls people by their first name
    (``_FIRST_NAME_COUNTRIES``: "Samak", "Abhisit"), by owner. A word that is also a later
    word of such a person's name is no such name ("Issara Somchai" may be written in the
    other order); one person under two spellings ("Thaksin Shinawatra", "Thaksin Chinnawat")
    is the entry with the longer career, and two of one career each name neither."""
    thai = {owner for people in first_named.values() for owner in people}
    found: dict[tuple[str, int], str] = {}
    for first, people in first_named.items():
        if len(first) < 4 or not first.isalpha() or (first,) in known \
                or first in _NOT_SURNAMES or owners.get(first, set()) & thai:
            continue
        ranked = sorted(people, key=lambda owner: careers[owner], reverse=True)
        if len(ranked) == 1 or careers[ranked[0]] > careers[ranked[1]]:
            found[ranked[0]] = first
    return found


def _names_without_notes(records: list[ActorRecord], known: set[tuple[str, ...]]
                         ) -> dict[tuple[int, tuple[str, ...]], tuple[str, ...]]:
    """Names with a note in brackets, ``LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_``, also
    without it: news writes the name alone, or puts the acronym in brackets after it.
    Only where the bare name is no other name and only one entry's
    (``NATIONAL_LIBERATION_ARMY_(COLOMBIA)_`` and ``…_(BOLIVIA)_`` keep their notes)."""
    bare: dict[tuple[str, ...], list[tuple[int, tuple[str, ...]]]] = {}
    for record in records:
        for name, words, _ in record.names:
            if "(" in name and ")" in name:
                stripped = phrase_words(_NOTE.sub("_", name))
                if stripped and stripped not in known:
                    bare.setdefault(stripped, []).append((record.line, words))
    return _of_one_entry(bare)


def _acronyms_in_notes(records: list[ActorRecord], known: set[tuple[str, ...]]
                       ) -> dict[tuple[int, tuple[str, ...]], str]:
    """The acronym in a name's note, ``MORO_ISLAMIC_LIBERATION_FRONT_(MILF)_``: "MILF" in
    capitals, when its letters are the initials of the name's words and no other name
    or acronym is spelt so."""
    found: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for record in records:
        for name, words, _ in record.names:
            match = _ACRONYM_NOTE.search(name)
            if match is None:
                continue
            acronym = match.group(1)
            initials = "".join(w[0] for w in phrase_words(_NOTE.sub("_", name))
                               if w not in _MINOR_WORDS).upper()
            if acronym == initials and (acronym.lower(),) not in known:
                found.setdefault(acronym, []).append((record.line, words))
    return _of_one_entry(found)


def _of_one_entry(candidates: dict[_Derived, list[tuple[int, tuple[str, ...]]]]
                  ) -> dict[tuple[int, tuple[str, ...]], _Derived]:
    """Each (entry line, name) whose derived name no other entry derives too."""
    return {key: derived for derived, keys in candidates.items()
            if len({line for line, _ in keys}) == 1 for key in keys}


def demonym_plural(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """"Afghans", "Iraqis": the country files list the singular demonym only (``+AFGHAN_``),
    and news writes the people in the plural. One-word names ending in -an or -i."""
    if len(words) == 1 and len(words[0]) >= 5 and words[0].endswith(("an", "i")):
        return (words[0] + "s",)
    return None


def group_member(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """"a Tamil Tiger base", "Tamil Tiger rebels": a group named in the plural
    (``TAMIL_TIGERS_``) is written in the singular for one member or as a modifier. Names
    of two words or more whose last word is a plain plural ("-s", not "-ss" or "-us"), of
    bodies, not people (whose codes are dated: "Shimon Peres" is no plural)."""
    last = words[-1]
    if len(words) >= 2 and len(last) >= 5 and last.isalpha() and last.endswith("s") \
            and not last.endswith(("ss", "us", "is", "ies")):
        return (*words[:-1], last[:-1])
    return None


def organisation_word(words: tuple[str, ...]) -> str | None:
    """'NGO' names an organisation only in capitals: Vietnam's General Ngo Xuan Lich is none
    (Phoenix notes its NGO agent "might cause problems with people's names")."""
    word = words[0].upper() if len(words) == 1 else ""
    return word if word in ORG_PREFIXES else None


def surface_of(name: str, words: tuple[str, ...]) -> str | None:
    """PETRARCH writes every name in capitals, so only everyday words and two-letter names
    need a capital match: "UN" and "U.N." are the United Nations, "Kim Jong Un" is not."""
    if len(words) == 1 and (words[0] in _FUNCTION_WORDS or len(words[0]) <= 2):
        return "".join(ch for ch in name if ch.isalnum())
    return None
