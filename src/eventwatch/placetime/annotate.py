"""Place and date each coded event, from its own clause first.

The place is the one attached to the event's clause ("killed 33 soldiers in Idlib"), else a
place named in the sentence, else the article's focus (its most mentioned sub-national place),
and ``EventPlace.method`` says which. A country-level place keeps precision ``country`` so no
one plots it as a point incident. The date is a date expression in the clause ("Thursday",
"in December 2019") resolved against the publication date, else the publication date itself
(``date_resolution = "article"``). Counts ("killed 33 Turkish soldiers") in the clause are
attached as ``EventCount``s.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Collection
from typing import TYPE_CHECKING

from eventwatch.lexicon import attribution, toll_of_the_clause
from eventwatch.placetime.counts import find_counts
from eventwatch.placetime.dates import find_dates
from eventwatch.placetime.places import Place, find_places
from eventwatch.records import Event, EventCount, EventPlace

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from eventwatch.parse import ParsedArticle

_PRECISION_RANK = {"site": 0, "city": 1, "admin1": 2, "country": 3}
# Clauses below the trigger that describe something else ("said that …", "after …").
_LOCATIVE = frozenset({"in", "near", "at", "outside", "inside", "across", "along", "into",
                       "around", "throughout", "on"})
_OTHER_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "parataxis"})


def annotate_article(parsed: ParsedArticle, events: list[Event]) -> list[Event]:
    """Events of one article with place, date resolution and counts filled in."""
    if not events:
        return events
    article = parsed.article
    by_sentence: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        by_sentence[event.sentence_index].append(event)
    hint = frozenset(c for e in events for c in (e.source.country,
                                                  e.target.country if e.target else None) if c)
    places_of: dict[int, list[Place]] = {}
    for sentence in parsed.sentences:
        if sentence.doc is not None and sentence.index in by_sentence:
            places_of[sentence.index] = [
                p for p in find_places(sentence.doc, countries_hint=hint)
                if p.precision in _PRECISION_RANK]
    focus = _focus([p for ps in places_of.values() for p in ps])
    out: list[Event] = []
    for sentence in parsed.sentences:
        if sentence.index not in by_sentence:
            continue
        doc = sentence.doc
        assert doc is not None
        dates = find_dates(doc, article.published) if article.published else []
        counts = find_counts(doc)
        triggers = {e.trigger_start - sentence.start for e in by_sentence[sentence.index]}
        for event in by_sentence[sentence.index]:
            clause = _clause(doc, event.trigger_start - sentence.start, triggers)
            out.append(_annotated(event, sentence.start, doc, clause, places_of[sentence.index],
                                  focus, dates, counts))
    order = {e.id: i for i, e in enumerate(events)}
    return sorted(out, key=lambda e: order[e.id])


def _clause(doc: Doc, trigger_offset: int, triggers: Collection[int] = ()) -> set[int]:
    """Character offsets covered by the trigger's own clause (its subtree, minus nested
    clauses that report or time other happenings). A participle counting the act's dead
    belongs to it unless it is an event of its own (``triggers``): "shelled Turkish troops,
    killing eight soldiers" is one act with eight killed."""
    token = next((t for t in doc if t.idx == trigger_offset), None)
    if token is None:
        return set()
    excluded: set[int] = set()
    for child in token.children:
        toll = toll_of_the_clause(child) and child.idx not in triggers
        if (child.dep_ in _OTHER_CLAUSES and not toll) or attribution(child):
            # nested clauses, and attribution ("according to Ankara"), are not the setting
            excluded.update(t.i for t in child.subtree)
    chars: set[int] = set()
    for t in token.subtree:
        if t.i not in excluded:
            chars.update(range(t.idx, t.idx + len(t)))
    return chars


def _annotated(event: Event, offset: int, doc: Doc, clause: set[int], places: list[Place],
               focus: Place | None, dates, counts) -> Event:
    # "Turkey sent troops", "talks between Ankara and Moscow": a place that names the source
    # or target is a metonym for an actor, not where the event happened.
    actor_spans = [(a.start - offset, a.end - offset) for a in (event.source, event.target) if a]
    places = [p for p in places if not any(s < p.end and p.start < e for s, e in actor_spans)]
    in_clause = [p for p in places if p.start in clause]
    if in_clause:
        place, method = _best(in_clause, event.trigger_start - offset, doc), "clause"
    elif places:
        place, method = _best(places, event.trigger_start - offset, doc), "sentence"
    elif focus is not None:
        place, method = focus, "article"
    else:
        place, method = None, ""
    changes: dict = {}
    if place is not None:
        own = place in places
        changes["place"] = EventPlace(
            name=place.name, lat=place.lat, lon=place.lon, country=place.country,
            precision=place.precision, method=method, geonames_id=place.geonames_id,
            start=offset + place.start if own else None, end=offset + place.end if own else None)
    clause_dates = [(s, e, d) for s, e, d in dates if s in clause]
    if clause_dates:
        _, _, resolved = clause_dates[0]
        changes.update(date=resolved.date, date_resolution=resolved.resolution,
                       date_text=resolved.text)
    clause_counts = tuple(EventCount(c.kind, c.value, c.exact, c.text)
                          for c in counts if c.start in clause)
    if clause_counts:
        changes["counts"] = clause_counts
    return dataclasses.replace(event, **changes) if changes else event


def _best(places: list[Place], trigger: int, doc: Doc) -> Place:
    """A place introduced by a locative preposition ("in Idlib") first, then the most
    precise one, then the one nearest the trigger."""
    def locative(place: Place) -> bool:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        head = span.root.head if span is not None else None
        return head is not None and head.dep_ == "prep" and head.lower_ in _LOCATIVE

    return min(places, key=lambda p: (not locative(p), _PRECISION_RANK[p.precision],
                                      abs(p.start - trigger)))


def _focus(places: list[Place]) -> Place | None:
    """The article's most mentioned sub-national place (else its most mentioned country)."""
    for allowed in (("site", "city", "admin1"), ("country",)):
        counted = Counter(p.geonames_id or p.name for p in places if p.precision in allowed)
        if counted:
            key, _ = counted.most_common(1)[0]
            return next(p for p in places if (p.geonames_id or p.name) == key)
    return None


__all__ = ["annotate_article"]
