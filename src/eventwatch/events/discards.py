"""Discards: dictionary phrases that drop a story or a sentence (PETRARCH's ``.discards``).

A story discard ("+HORSE RACE") drops the article; a sentence discard drops the sentence,
unless it names a past time (then it drops only the events it dates, ``events/history.py``)
or stands in a phrase that only says when. Pure functions of the text, its parse and the
dictionary's phrase index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from eventwatch.dictionaries.model import PhraseIndex, PhraseMatch
from eventwatch.events.frame import in_a_time_phrase
from eventwatch.events.history import a_time

if TYPE_CHECKING:
    from spacy.tokens import Doc


def story_discarded(discards: PhraseIndex, text: str, between_blanks: bool) -> bool:
    """Whether a story discard phrase stands in ``text`` (``_bounded``)."""
    return bool(_bounded(discards.find(text), text, between_blanks))


def sentence_discards(discards: PhraseIndex, text: str, between_blanks: bool,
                      published: dt.date | None, doc: Doc | None = None
                      ) -> tuple[bool, list[tuple[int, int]]]:
    """Whether a discard phrase drops the sentence, and the spans of those that name a past
    time and only drop what they date (``events/history.py``). A time counts wherever it
    stands, as a word: "fought two uprisings against US-led forces in 2004." tells of 2004
    though PETRARCH-2's blanks would not find the year before the full stop; a year still to
    come ("leave the country by 2011" in 2008) is a plan, not history. A discard word in a
    phrase that only says when drops nothing: "Bush met Hu Jintao in Beijing on Sunday,
    hours before watching the US basketball team play China" is still a meeting."""
    matches = discards.find(text)
    times = [(m.start, m.end) for m in matches
             if a_time(text[m.start:m.end], published)]
    others = [m for m in _bounded(matches, text, between_blanks)
              if not a_time(text[m.start:m.end])
              and not (doc is not None and _told_as_a_time(doc, m.start, m.end))]
    return bool(others), times


def _told_as_a_time(doc: Doc, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` of the sentence stand in a phrase that says when."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and all(
        any(in_a_time_phrase(a) for a in (t, *t.ancestors)) for t in span)


def _bounded(matches: Iterable[PhraseMatch], text: str, between_blanks: bool
             ) -> list[PhraseMatch]:
    """The matches, or with ``between_blanks`` only those that blanks or the text's ends
    bound (``Convention.discards_between_blanks``)."""
    def bounded(match: PhraseMatch) -> bool:
        return (match.start == 0 or text[match.start - 1].isspace()) and (
            match.end == len(text) or text[match.end].isspace())

    return [m for m in matches if bounded(m)] if between_blanks else list(matches)
