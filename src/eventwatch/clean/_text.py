"""Small text helpers shared by the cleaning steps: normalisation, paragraphs, line shape."""

from __future__ import annotations

import re

Paragraph = tuple[str, ...]

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or nor over the to vs via with".split()
)
_SENTENCE_END = tuple(".!?…\"”’'")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def normalize_line(line: str) -> str:
    """Collapse odd spaces (NBSP, thin spaces) and drop invisible marks, so rules see plain text."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def split_paragraphs(raw: str) -> list[Paragraph]:
    """Split text into paragraphs (blank-line separated), each a tuple of normalised lines."""
    paragraphs: list[Paragraph] = []
    current: list[str] = []
    for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        clean = normalize_line(line)
        if clean:
            current.append(clean)
        elif current:
            paragraphs.append(tuple(current))
            current = []
    if current:
        paragraphs.append(tuple(current))
    return paragraphs


def join_paragraphs(paragraphs: list[Paragraph]) -> str:
    """Inverse of ``split_paragraphs``: lines joined by newlines, paragraphs by a blank line."""
    return "\n\n".join("\n".join(p) for p in paragraphs if p)


def key(text: str) -> str:
    """Comparison key: whitespace-normalised and case-folded."""
    return " ".join(text.split()).casefold()


def word_count(text: str) -> int:
    return len(text.split())


def ends_sentence(text: str) -> bool:
    """True when the line ends like a sentence (period, question mark, closing quote...)."""
    return text.rstrip().endswith(_SENTENCE_END)


def capitalized_share(text: str) -> float:
    """Share of content words (not 'of', 'the'...) that start with a capital letter."""
    words = [w for w in _WORD.findall(text) if w.casefold() not in _SMALL_WORDS]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)
