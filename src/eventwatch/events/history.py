"""Times that date a verb: events told about another year are history, not news.

The Phoenix discard list names every year from 1914 to 2014 and the world wars as sentence
discards, so PETRARCH-2 drops any sentence with a year between blanks: "arrived in Damascus
for talks with Assad, the first visit since the 2005 assassination of Hariri" codes nothing.
The intent is to keep background out of the record ("who seized power in a coup in 1999"),
so a discard that names a time drops only the events of the verb that time dates; one that
dates a noun ("the 2005 assassination", "on the anniversary of Japan's World War II
surrender") drops nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def a_time(text: str) -> bool:
    """A discard phrase that names a time: a bare year ("1999") or a world war ("World War
    II", "the Second World War")."""
    return (len(text) == 4 and text.isdigit()) or "world war" in text.lower()


def verbs_dated(doc: Doc, spans: Iterable[tuple[int, int]]) -> list[Token]:
    """The verbs the times at these character spans date: "was jailed since 2006", "In
    August 2005, Israel pulled out of Gaza", "fought in World War II"."""
    out: list[Token] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and (verb := _dated_verb(span.root)) is not None:
            out.append(verb)
    return out


def _dated_verb(time: Token) -> Token | None:
    """The verb a time hangs from through prepositions and other date words only."""
    token = time
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.dep_ != "prep" and token.ent_type_ != "DATE":
            return None  # it dates a thing: "the 2005 assassination"
    return None
