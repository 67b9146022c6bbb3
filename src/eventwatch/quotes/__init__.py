"""Quotations and attribution: who said what, resolved to an actor.

Direct quotes are the quoted span of a sentence whose speech verb has a subject outside the
quote ("'…,' Elena Suponina, a Moscow-based analyst, said" → the analyst, ``RUSELI``).
Indirect quotes are the that-clause of a speech verb ("Lavrov said the bloodshed must stop").
Events whose trigger lies inside a quote are linked to it, so an analyst can tell what happened
from what someone said happened.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwatch.actors import SentenceActors
from eventwatch.records import Actor, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwatch.parse import ParsedSentence

SPEECH_LEMMAS = frozenset({"say", "tell", "add", "state", "declare", "announce", "warn",
                           "insist", "note", "claim", "stress", "argue", "write", "explain",
                           "ask", "reply", "respond", "comment", "vow", "pledge", "accuse"})
_QUOTED = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: content offsets into the article text, the speaker, and how it was said.

    kind (str): ``direct`` (quoted words) or ``indirect`` (reported clause).
    speaker (Actor | None): the speaker as an actor when the dictionaries know them;
    speaker_name keeps the words used either way.
    """

    id: str
    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    kind: str
    speaker: Actor | None
    speaker_name: str
    verb: str


def sentence_quotes(article_id: str, sentence: ParsedSentence,
                    actors: SentenceActors) -> list[Quote]:
    """Every quote in one parsed sentence."""
    doc = sentence.doc
    if doc is None:
        return []
    quotes: list[Quote] = []
    spans = [(m.start(1), m.end(1)) for m in _QUOTED.finditer(doc.text)]
    for verb in doc:
        if verb.lemma_.lower() not in SPEECH_LEMMAS or verb.pos_ not in ("VERB", "AUX"):
            continue
        speaker = _speaker(verb)
        if speaker is None or any(s <= speaker.idx < e for s, e in spans):
            continue
        speaker_actor = next(iter(actors.of(speaker)), None)
        name = doc[speaker.left_edge.i : speaker.right_edge.i + 1].text
        found = [(s, e, "direct") for s, e in spans] if spans else _clauses(verb)
        for start, end, kind in found:
            quotes.append(_quote(article_id, sentence, start, end, kind, speaker_actor, name,
                                 verb))
        if found:
            break  # one speech verb per sentence carries its quotes
    return quotes


def _speaker(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def _clauses(verb: Token) -> list[tuple[int, int, str]]:
    out = []
    for child in verb.children:
        if child.dep_ == "ccomp":
            tokens = [t for t in child.subtree if t.dep_ != "mark" or t.head != child]
            if len(tokens) >= 3:
                start = tokens[0].idx
                end = tokens[-1].idx + len(tokens[-1])
                out.append((start, end, "indirect"))
    return out


def _quote(article_id: str, sentence: ParsedSentence, start: int, end: int, kind: str,
           speaker: Actor | None, name: str, verb: Token) -> Quote:
    doc: Doc = sentence.doc  # type: ignore[assignment]
    offset = sentence.start
    key = f"{article_id}|{sentence.index}|{start}|{end}"
    return Quote(hashlib.sha1(key.encode()).hexdigest()[:16], article_id, sentence.index,
                 offset + start, offset + end, doc.text[start:end].strip(), kind, speaker,
                 name, verb.text)


def link_events(events: list[Event], quotes: list[Quote]) -> dict[str, str]:
    """Event id → id of the quote its trigger lies in."""
    links: dict[str, str] = {}
    for event in events:
        for quote in quotes:
            if (quote.sentence_index == event.sentence_index
                    and quote.start <= event.trigger_start < quote.end):
                links[event.id] = quote.id
                break
    return links


__all__ = ["Quote", "link_events", "sentence_quotes"]
