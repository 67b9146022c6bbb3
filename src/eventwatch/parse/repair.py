"""Repairs to the parser's tree where spaCy's small model is wrong in a way that costs events.

Each repair is a small function on a freshly parsed ``Doc`` (before any stage reads it) with
the shape of sentence it fixes in its docstring. Repairs only move heads; they never add or
drop tokens, so offsets and provenance stay exact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Verbs whose that-clause is what was said.
_SAYING = frozenset({"say", "tell", "announce", "state", "add", "claim", "insist", "declare",
                     "note", "stress", "write", "argue"})
# What a speaker goes on to do in the same breath: urge, accuse, vow ...
_SPEAKER_ACTS = frozenset({
    "urge", "call", "vow", "pledge", "accuse", "warn", "demand", "ask", "promise", "deny",
    "reject", "condemn", "criticize", "criticise", "welcome", "threaten", "appeal", "blame",
    "dismiss", "announce", "express", "voice", "reiterate", "insist", "offer", "praise",
    "hail", "slam", "denounce", "add", "say", "invite", "thank"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def repair(doc: Doc) -> Doc:
    """Apply every repair to ``doc`` (in place) and return it."""
    _speaker_acts_after_the_clause(doc)
    return doc


def _speaker_acts_after_the_clause(doc: Doc) -> None:
    """'Sarkozy said Russia had violated the ceasefire and urged Moscow to withdraw': the
    small model coordinates "urged" with the said clause's verb, making Russia urge Moscow.
    A subjectless speaker's act (urge, accuse, vow …) in the saying's own tense, coordinated
    with a clause verb that is no such act, is the speaker's: it moves up to the saying.
    "Georgia said Russian jets bombed Gori and killed five civilians" keeps its killing."""
    for verb in doc:
        clause = verb.head
        if verb.dep_ != "conj" or verb.pos_ != "VERB" or clause.dep_ != "ccomp":
            continue
        saying = clause.head
        if saying.lemma_.lower() not in _SAYING or verb.tag_ != saying.tag_ \
                or verb.lemma_.lower() not in _SPEAKER_ACTS \
                or clause.lemma_.lower() in _SPEAKER_ACTS \
                or any(c.dep_ in _SUBJECTS for c in verb.children):
            continue
        # The "and" (and a comma before it) that joins the two verbs goes with the verb.
        joiners = [c for c in clause.children if c.dep_ in ("cc", "punct") and c.i < verb.i
                   and all(t.dep_ in ("cc", "punct") for t in doc[c.i:verb.i])]
        for joiner in joiners:
            joiner.head = saying
        verb.head = saying
