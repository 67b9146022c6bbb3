"""PETRARCH-2 verb dictionaries (``CAMEO.2.0.txt``, ``PETR_Validate_verbs_2_02.txt``), parsed.

The file has synonym sets (``&SET`` then ``+member`` lines), verb blocks (``--- NAME [code] ---``
then verb lines and ``- ... * ... [code]`` patterns) and transformations (``~ a (a b X) SAY =
a b 015``). This module only parses, keeping everything; ``patterns.py`` translates the result
into eventwatch patterns.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from eventwatch.dictionaries.model import NO_EVENT
from eventwatch.dictionaries.petrarch._text import bracketed, noted_lines
from eventwatch.errors import DictionaryError

_MARKS = "+$^%~"  # pattern markers that may be written glued to a word


@dataclass(frozen=True, slots=True)
class Synset:
    """``&NAME``: members are token lists (a member may be a phrase or another synset)."""

    name: str
    members: tuple[tuple[str, ...], ...]
    plurals: bool  # PETRARCH adds plurals unless the label ends in "_"
    line: int


@dataclass(frozen=True, slots=True)
class VerbLine:
    """A verb of a block. ``+SHOOT_DOWN`` → lemma ``shoot``, particles ``("down",)``."""

    lemma: str
    particles: tuple[str, ...]  # words after the verb of a compound, lowercase
    prefix: tuple[str, ...]  # words before it (``WIRE_+TAP``), lowercase
    forms: tuple[str, ...]  # irregular forms as written in {...}
    code: str  # its own [code], else the block's (active part; "---" if none)
    passive: str  # passive part after ":" ("" if none)
    line: int
    text: str
    own_code: bool = False  # the code is written on the verb's line, not the block's


@dataclass(frozen=True, slots=True)
class PatternLine:
    """``- PRE * POST [active:passive]`` split into uppercase tokens around the ``*``."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str  # active code; "---" when only a passive code is given ("[:173]")
    passive: str
    line: int
    text: str
    noted_for: str = ""  # the trailing note's first word, uppercase: the verb it was for


@dataclass(frozen=True, slots=True)
class VerbBlock:
    name: str
    code: str
    passive: str
    line: int
    verbs: tuple[VerbLine, ...]
    patterns: tuple[PatternLine, ...]


@dataclass(frozen=True, slots=True)
class Transformation:
    """``~ a (a b ATTACK) SAY = a b 015`` as written; ``transformations.py`` makes rules."""

    left: tuple[str, ...]
    right: tuple[str, ...]
    line: int
    text: str


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    path: Path
    synsets: Mapping[str, Synset]
    blocks: tuple[VerbBlock, ...]
    transformations: tuple[Transformation, ...]


@dataclass(slots=True)
class _OpenBlock:
    name: str
    code: str
    passive: str
    line: int
    verbs: list[VerbLine]
    patterns: list[PatternLine]

    def close(self) -> VerbBlock:
        return VerbBlock(self.name, self.code, self.passive, self.line, tuple(self.verbs),
                         tuple(self.patterns))


def read_verbs(path: Path, errors: list[DictionaryError],
               warnings: list[DictionaryError] | None = None) -> VerbDictionary:
    """Parse one verb file; each malformed line becomes an error and is skipped (after a bad
    block header, the whole block is: its verbs must not join the previous block). A pattern
    that lost its leading dash (``* (TO QUESTION) [110]``) is read, with a warning, as
    UD-PETRARCH reads it."""
    synsets: dict[str, Synset] = {}
    blocks: list[VerbBlock] = []
    transformations: list[Transformation] = []
    block: _OpenBlock | None = None
    synset: tuple[str, bool, int, list[tuple[str, ...]]] | None = None
    skipping = False  # inside a block whose header could not be read
    for number, line, note in noted_lines(path, errors):
        if synset is not None and line[0] != "+":
            synsets[synset[0]] = Synset(synset[0], tuple(synset[3]), synset[1], synset[2])
            synset = None
        try:
            if line.startswith("---"):
                if block is not None:
                    blocks.append(block.close())
                block, skipping = None, True
                name, code, passive = parse_block_header(line)
                block, skipping = _OpenBlock(name, code, passive, number, [], []), False
            elif line[0] == "&":
                label = line[1:].split()[0] if line[1:].split() else ""
                if not label.strip("_"):
                    raise ValueError("synonym set without a name")
                synset = (label.rstrip("_"), not label.endswith("_"), number, [])
            elif line[0] == "+" and synset is not None:
                member = tokenize(line[1:])
                if not member:
                    raise ValueError("empty synonym set member")
                synset[3].append(member)
            elif line[0] == "~":
                transformations.append(parse_transformation(line, number))
            elif block is None:
                if not skipping:
                    raise ValueError(f"line outside a verb block: {line!r}")
            elif line[0] == "-":
                block.patterns.append(parse_pattern(line, number, note))
            elif line[0] == "*" and line.rstrip().endswith("]"):
                block.patterns.append(parse_pattern("-" + line, number))
                if warnings is not None:
                    warnings.append(DictionaryError(str(path), number,
                                                    "pattern without its leading '-': read "
                                                    "as a pattern"))
            elif line[0] in "*[{(":
                raise ValueError(f"not a verb or a pattern (patterns start with '-'): {line!r}")
            else:
                block.verbs.append(parse_verb(line, number, block.code, block.passive))
        except ValueError as exc:
            errors.append(DictionaryError(str(path), number, str(exc)))
    if synset is not None:
        synsets[synset[0]] = Synset(synset[0], tuple(synset[3]), synset[1], synset[2])
    if block is not None:
        blocks.append(block.close())
    return VerbDictionary(path, MappingProxyType(synsets), tuple(blocks), tuple(transformations))


def split_code(text: str) -> tuple[str, str]:
    """``042:043`` → active ``042``, passive ``043``; ``:173`` → ``---``, ``173``."""
    active, _, passive = text.replace(" ", "").partition(":")
    return active or NO_EVENT, passive


def parse_block_header(line: str) -> tuple[str, str, str]:
    """``---  ACCELERATE   [---]  ---`` → ``("ACCELERATE", "---", "")``: name, active and
    passive code; no code means ``---``.

    Dashes glued to the code (``[110]---  ---``) are tolerated; of several codes (PETRARCH-1
    ``--- DELAY [120] [031:031] ---``) the first counts, as in PETRARCH.
    """
    parsed = bracketed(line.strip("- \t"))
    if parsed is None or not parsed[0]:
        raise ValueError(f"bad verb block header {line!r}")
    name, codes = parsed
    return name, *split_code(codes[0] if codes else "")


def parse_verb(line: str, number: int, block_code: str, block_passive: str = "") -> VerbLine:
    """``SPEED {SPEEDING SPEEDS SPED} [code]``, ``+CORDON_OFF {...}``, ``WIRE_+TAP``."""
    parsed = bracketed(line)
    if parsed is None or len(parsed[1]) > 1:
        raise ValueError(f"bad verb line {line!r}")
    head, codes = parsed
    verb, brace, rest = head.partition("{")
    forms: list[str] = []
    if brace:
        inside, close, after = rest.partition("}")
        if not close or after.strip():
            raise ValueError(f"bad verb forms in {line!r}")
        forms = inside.split()
    words = verb.split()
    if not words:
        raise ValueError(f"verb line without a verb: {line!r}")
    forms = words[1:] + forms  # PETRARCH reads extra words as more forms
    parts = words[0].split("_")
    at = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    parts = [p.lstrip("+") for p in parts]
    if not all(_is_word(p) for p in parts):
        raise ValueError(f"bad verb {words[0]!r}")
    lowered = [p.lower() for p in parts]
    code, passive = split_code(codes[0]) if codes else (block_code, block_passive)
    return VerbLine(lowered[at], tuple(lowered[at + 1 :]), tuple(lowered[:at]), tuple(forms),
                    code, passive, number, line, bool(codes))


def parse_pattern(line: str, number: int, note: str = "") -> PatternLine:
    """``- $ TROOP * (TOWARD +) [154]`` → tokens before/after ``*`` and the code(s)."""
    parsed = bracketed(line[1:])
    if parsed is None or len(parsed[1]) != 1:
        raise ValueError(f"a pattern needs one [code] at its end: {line!r}")
    body, (code_text,) = parsed
    if not code_text.replace(":", "").strip():
        raise ValueError(f"empty code in {line!r}")
    active, passive = split_code(code_text)
    tokens = tokenize(body)
    if tokens.count("*") != 1:
        raise ValueError(f"a pattern needs exactly one '*': {line!r}")
    _check_groups(tokens, line)
    star = tokens.index("*")
    noted_for = note.split()[0].upper() if note.split() else ""
    return PatternLine(tokens[:star], tokens[star + 1 :], active, passive, number, line,
                       noted_for)


def parse_transformation(line: str, number: int) -> Transformation:
    left, equals, right = line[1:].partition("=")
    if not equals or not left.split() or not right.split():
        raise ValueError(f"a transformation needs 'pattern = result': {line!r}")
    # Not ``tokenize``: "_" is a role here (no actor), and WILL_ATTACK one verb name.
    words = left.replace("(", " ( ").replace(")", " ) ").split()
    return Transformation(tuple(words), tuple(right.split()), number, line)


def tokenize(text: str) -> tuple[str, ...]:
    """Split pattern text into words, brackets ``( ) { }``, ``*``, markers and ``&SETS``.

    Underscores join words (split here, except inside a synset name, which may contain them);
    a marker glued to a word (``+INSPECTOR``) is split off.
    """
    for ch in "(){}*|":
        text = text.replace(ch, f" {ch} ")
    tokens: list[str] = []
    for raw in text.split():
        while len(raw) > 1 and raw[0] in _MARKS:
            tokens.append(raw[0])
            raw = raw[1:]
        if raw.startswith("&"):
            tokens.append(raw)
        elif "_" in raw:
            tokens.extend(p for p in raw.split("_") if p)
        else:
            tokens.append(raw)
    return tuple(tokens)


def _check_groups(tokens: tuple[str, ...], line: str) -> None:
    """Parentheses and braces must pair and not nest in the same kind."""
    open_kind = {"(": 0, "{": 0}
    pairs = {")": "(", "}": "{"}
    for token in tokens:
        if token in open_kind:
            open_kind[token] += 1
            if open_kind[token] > 1:
                raise ValueError(f"nested {token} in {line!r}")
        elif token in pairs:
            open_kind[pairs[token]] -= 1
            if open_kind[pairs[token]] < 0:
                raise ValueError(f"unmatched {token} in {line!r}")
    if any(open_kind.values()):
        raise ValueError(f"unclosed bracket in {line!r}")


def _is_word(text: str) -> bool:
    return bool(text) and text.replace("-", "").replace("'", "").replace(".", "").isalnum()
