"""Times that date a verb: events told about another year are history, not news.

The Phoenix discard list names every year from 1914 to 2014 and the world wars as sentence
discards, so PETRARCH-2 drops any sentence with a year between blanks: "arrived in Damascus
for talks with Assad, the first visit since the 2005 assassination of Hariri" codes nothing.
The intent is to keep background out of the record ("who seized power in a coup in 1999"),
so a discard that names a time drops only the events of the verb that time dates; one that
dates a noun ("the 2005 assassination", "on the anniversary of Japan's World War II
surrender") drops nothing, and neither does one after "since", which runs up to now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def a_time(text: str, published: dt.date | None = None) -> bool:
    """A discard phrase that names a past time: a bare year ("1999") before the year of
    publication, if known, or a world war ("World War II", "the Second World War")."""
    if len(text) == 4 and text.isdigit():
        return published is None or int(text) < published.year
    return "world war" in text.lower()


def verbs_dated(doc: Doc, spans: Iterable[tuple[int, int]]) -> list[Token]:
    """The verbs the times at these character spans date: "was jailed in 2006", "In August
    2005, Israel pulled out of Gaza", "fought in World War II"."""
    out: list[Token] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and (verb := _dated_verb(span.root)) is not None:
            out.append(verb)
    return out


# Prepositions that make a dated thing a time of the verb: "ruled Cuba from the 1959
# revolution", "swept to power after the 2003 Rose Revolution", "broke away from Georgia in
# a 1992-1993 war". Not "since", which runs up to now: "the first Arab leader to visit Iraq
# since 2003" visits today.
TIME_PREPS = frozenset({"in", "at", "from", "until", "till", "after", "before", "during"})


def _dated_verb(time: Token) -> Token | None:
    """The verb a time hangs from through prepositions and other date words only, or through
    a dated thing that is the verb's time ("from the 1959 revolution")."""
    token = time
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.dep_ == "prep" and token.lower_ == "since":
            return None
        if token.dep_ != "prep" and token.ent_type_ != "DATE":
            # it dates a thing ("the 2005 assassination"), which may be the verb's time
            prep = token.head
            if token.dep_ == "pobj" and prep.lower_ in TIME_PREPS and \
                    prep.head.pos_ in ("VERB", "AUX"):
                return prep.head
            return None
    return None
