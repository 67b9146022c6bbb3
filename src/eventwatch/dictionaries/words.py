"""Word splitting and normalisation shared by dictionary loading and matching.

Dictionary phrases and article text are compared as sequences of normalised *words*
(lowercase, accents folded, punctuation dropped), independent of the parser's tokenizer.
That lets the same matcher run on raw sentences before parsing (to skip sentences with no
actor) and on parsed sentences after it, and keeps "U.S.", "al-Assad" and "Çavuşoğlu" robust.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_IRREGULAR_PLURALS = {"man": "men", "woman": "women", "person": "people", "child": "children",
                      "staff": "staff", "personnel": "personnel", "police": "police",
                      "militia": "militias", "chief": "chiefs", "wife": "wives"}


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lowercase and strip accents: ``Çavuşoğlu`` → ``cavusoglu``."""
    lowered = word.lower()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return folded.replace("ı", "i").replace("ø", "o").replace("ß", "ss")


def iter_words(text: str, offset: int = 0) -> Iterator[tuple[str, str, int, int]]:
    """Yield ``(folded, surface, start, end)`` for every word in ``text``."""
    for match in _WORD.finditer(text):
        surface = match.group()
        yield fold(surface), surface, match.start() + offset, match.end() + offset


def phrase_words(phrase: str) -> tuple[str, ...]:
    """The folded words of a dictionary phrase (underscores count as spaces, PETRARCH-style)."""
    text = phrase.replace("_", " ")
    if text.isascii():  # fast path for large dictionaries: folding ASCII is lowercasing
        return tuple(_WORD.findall(text.lower()))
    return tuple(fold(w) for w in _WORD.findall(text))


def plural(word: str) -> str:
    """Regular English plural of a noun, good enough for sector words."""
    for singular, plural_form in _IRREGULAR_PLURALS.items():
        if word == singular or (word.endswith(singular) and len(word) > len(singular) + 2):
            return word[: len(word) - len(singular)] + plural_form
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def is_acronym(phrase: str) -> bool:
    """Short all-caps names (``US``, ``UN``, ``EU``) must match case-sensitively."""
    letters = [ch for ch in phrase if ch.isalpha()]
    return 0 < len(letters) <= 5 and all(ch.isupper() for ch in letters)


_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh", "o")


def regular_verb_form(surface: str, lemma: str) -> bool:
    """Is ``surface`` a form that English spelling rules make from ``lemma`` (or the lemma)?

    PETRARCH matches the forms it generates and the ones a dictionary lists, nothing else; a
    typo such as "departes" that a lemmatizer quietly maps to "depart" is no such form.
    Irregular forms (went, taken) are not judged here: only words spelt as lemma + suffix.
    """
    if surface == lemma or not surface.startswith(lemma):
        return True
    suffix = surface[len(lemma):]
    stem = lemma[:-1]
    forms = {"s", "ed", "ing", "n", "en"}
    if lemma.endswith(_SIBILANT_ENDINGS):
        forms.add("es")
    if lemma.endswith("e"):
        forms.add("d")
    vowels = "aeiou"
    if len(lemma) > 2 and lemma[-1] not in vowels + "wxy" and lemma[-2] in vowels \
            and lemma[-3] not in vowels:  # planned, committed; not "departted"
        forms.update({lemma[-1] + "ed", lemma[-1] + "ing"})
    return suffix in forms or (lemma.endswith("y") and surface in (stem + "ies", stem + "ied"))


def verb_stems(surface: str) -> list[str]:
    """Base forms English spelling rules could have made ``surface`` from ("jeered" → jeer,
    jeere; "planned" → plan; "carried" → carry), for when the tagger leaves an inflected verb
    unlemmatized. Only stems ``regular_verb_form`` accepts are returned."""
    found: list[str] = []
    for suffix in ("ing", "ied", "ies", "ed", "es", "s", "d"):
        if not surface.endswith(suffix) or len(surface) - len(suffix) < 2:
            continue
        stem = surface[: -len(suffix)]
        if suffix in ("ied", "ies"):
            candidates = [stem + "y"]  # "carried" → carry
        elif suffix in ("ing", "ed"):
            candidates = [stem, stem + "e"]  # "jeered" → jeer, "used" → use
            if len(stem) > 2 and stem[-1] == stem[-2]:
                candidates.append(stem[:-1])  # "planned" → plan
        else:
            candidates = [stem]
        found.extend(c for c in candidates
                     if c not in found and regular_verb_form(surface, c))
    return found

