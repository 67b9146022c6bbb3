"""Repairs to the parser's tree where spaCy's small model is wrong in a way that costs events.

Each repair is a small function on a freshly parsed ``Doc`` (before any stage reads it) with
the shape of sentence it fixes in its docstring. Repairs only move heads or relabel arcs; they
never add or drop tokens, so offsets and provenance stay exact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwatch.lexicon import (
    DIRECTIVE_VERBS,
    FINITE_TAGS,
    INTENT_VERBS,
    NAMING_VERBS,
    NEGATING_VERBS,
    PASSIVE_SUBJECT_DEPS,
    SAYING_VERBS,
    SUBJECT_DEPS,
    WEEKDAYS,
    to_infinitive,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# What a speaker goes on to do in the same breath: urge, accuse, vow ...
_SPEAKER_ACTS = frozenset({
    "urge", "call", "vow", "pledge", "accuse", "warn", "demand", "ask", "promise", "deny",
    "reject", "condemn", "criticize", "criticise", "welcome", "threaten", "appeal", "blame",
    "dismiss", "announce", "express", "voice", "reiterate", "insist", "offer", "praise",
    "hail", "slam", "denounce", "add", "say", "invite", "thank"})
# Verbs whose "to"-infinitive is their complement, never a purpose (with no object).
_INFINITIVE_TAKERS = INTENT_VERBS | NEGATING_VERBS | DIRECTIVE_VERBS
_SUBJECTS = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"expl"}


def repair(doc: Doc) -> Doc:
    """Apply every repair to ``doc`` (in place) and return it."""
    _speaker_acts_after_the_clause(doc)
    _infinitive_complements(doc)
    _backed_subject_acts(doc)
    _phrases_hung_on_a_day(doc)
    _for_someone_to_act(doc)
    _quoted_name(doc)
    _perfect_read_as_an_adjective(doc)
    _subject_read_as_a_time(doc)
    _descriptor_read_as_the_root(doc)
    return doc


def _perfect_read_as_an_adjective(doc: Doc) -> None:
    """'The World Bank said it had frozen aid disbursements to Mauritania': the small model
    makes "had" the verb and "frozen" an adjective of its object, so no freezing is coded.
    A participle right after a "have" with a subject, modifying that "have"'s object, is the
    verb of a perfect tense: it takes the clause, and "have" becomes its auxiliary."""
    for have in doc:
        if have.lemma_.lower() != "have" or have.dep_ == "aux" or have.i + 1 >= len(doc) \
                or not any(c.dep_ in SUBJECT_DEPS for c in have.children):
            continue
        participle = doc[have.i + 1]
        obj = participle.head
        if participle.tag_ != "VBN" or participle.dep_ != "amod" or obj.dep_ != "dobj" \
                or obj.head != have:
            continue
        participle.head = participle if have.head == have else have.head
        participle.dep_ = have.dep_
        for child in list(have.children):
            child.head = participle
        have.head, have.dep_ = participle, "aux"
        participle.pos_ = "VERB"


def _subject_read_as_a_time(doc: Doc) -> None:
    """'..., hours after heavy shelling killed two Georgian peacekeepers': the small model
    reads "after heavy shelling" as a phrase of "hours", so "killed" has no subject and takes
    the main clause's (Saakashvili killed them). The noun right before such a subjectless
    verb is its subject, and the preposition of sequence marks the clause."""
    for verb in doc:
        if verb.dep_ != "advcl" or verb.tag_ not in FINITE_TAGS \
                or any(c.dep_ in _SUBJECTS for c in verb.children):
            continue
        span = next((c for c in verb.children if c.dep_ == "npadvmod" and c.i < verb.i), None)
        prep = next((c for c in span.children if c.dep_ == "prep"
                     and c.lower_ in ("after", "before", "since")), None) if span else None
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
        if noun is None or noun.pos_ not in ("NOUN", "PROPN") \
                or max(t.i for t in noun.subtree) != verb.i - 1:
            continue
        noun.head, noun.dep_ = verb, "nsubj"
        prep.head, prep.dep_ = verb, "mark"


def _descriptor_read_as_the_root(doc: Doc) -> None:
    """'The US Navy destroyer McFaul delivered humanitarian aid to Georgia': the small model
    makes the descriptor the sentence's root and "McFaul delivered ..." a relative clause on
    it, so the delivery has no actor for its subject. A noun root right before the name
    that is the subject of a relative clause without a relative word describes the name:
    the clause's verb is the root and the noun a compound of the name."""
    for noun in doc:
        if noun.dep_ != "ROOT" or noun.pos_ != "NOUN" or noun.i + 1 >= len(doc):
            continue
        name = doc[noun.i + 1]
        verb = name.head
        if name.pos_ != "PROPN" or name.dep_ != "nsubj" or verb.dep_ != "relcl" \
                or verb.head != noun or verb.tag_ not in FINITE_TAGS \
                or any(c.tag_ in ("WDT", "WP", "WP$") for c in verb.children):
            continue
        for child in list(noun.children):
            if child.i > name.i and child != verb:
                child.head = verb
        verb.head, verb.dep_ = verb, "ROOT"
        noun.head, noun.dep_ = name, "compound"


def _quoted_name(doc: Doc) -> None:
    """'The United States called Iran's launch of a rocket into orbit 'troubling'': the small
    model hangs the quoted word on "into", where it names nothing. A word or two in quotes after
    the object of a verb of naming, before any comma or new clause, is what the object was
    called: the verb's object predicate (``oprd``), as in "called it troubling". Where the
    model took the object itself for the predicate, it is the object again."""
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in NAMING_VERBS:
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        predicates = [c for c in verb.children if c.dep_ == "oprd"]
        if objects and predicates:
            continue
        obj = (objects or predicates or [None])[0]
        quoted = _quoted_after(obj) if obj is not None else None
        if quoted is None:
            continue
        inside = {q.i for q in quoted}
        heads = [t for t in quoted if t.head.i not in inside]
        if len(heads) == 1 and heads[0].head != verb and heads[0].pos_ != "VERB":
            heads[0].head, heads[0].dep_ = verb, "oprd"
            obj.dep_ = "dobj"


def _quoted_after(noun: Token) -> list[Token] | None:
    """The words of a quotation of one to three words after ``noun``, before any comma,
    conjunction or new clause."""
    doc = noun.doc
    for token in doc[noun.i + 1:]:
        if token.text in (",", ";", ".") or token.dep_ in ("cc", "mark"):
            return None
        if token.tag_ == "``":
            closing = next((t for t in doc[token.i + 1: token.i + 5] if t.tag_ == "''"), None)
            if closing is None or closing.i == token.i + 1:
                return None
            return list(doc[token.i + 1: closing.i])
    return None


# Verbs that ask for someone to act ("called for X to resign"); not "waited for X to act",
# nor "gave approval for X to deliver aid", where the small model hangs "for" on the verb.
_ASKING_FOR = DIRECTIVE_VERBS | {"plead", "lobby", "campaign", "pray", "clamor", "clamour"}


def _for_someone_to_act(doc: Doc) -> None:
    """'Merkel called for Russian troops to pull out of Georgia': the small model makes
    "for" the infinitive's marker and the troops its subject, so the call is for nobody and
    the pull-out reads as done. As in "called on the junta to free Aung San Suu Kyi", the
    troops are the object of "for" and the infinitive is the verb's complement: asked for,
    not done."""
    for verb in doc:
        head = verb.head
        if verb.dep_ not in ("advcl", "ccomp", "xcomp") or head.pos_ != "VERB" \
                or head.lemma_.lower() not in _ASKING_FOR or not to_infinitive(verb) \
                or head.i > verb.i:
            continue
        marker = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "for"),
                      None)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if marker is None or subject is None or not marker.i < subject.i < verb.i:
            continue
        marker.head, marker.dep_ = head, "prep"
        subject.head, subject.dep_ = marker, "pobj"
        verb.dep_ = "xcomp"


def _phrases_hung_on_a_day(doc: Doc) -> None:
    """'Russia accused Georgia on Friday of aggression': the small model hangs "of
    aggression" on the day, where it hides in a phrase that only says when. A weekday takes
    no such phrase ("on Friday of next week" aside, whose object is itself a date): it
    belongs to the verb the day is told for."""
    for prep in doc:
        day = prep.head
        if prep.dep_ != "prep" or day.lower_ not in WEEKDAYS or day.i > prep.i:
            continue
        verb = day.head.head if day.dep_ == "pobj" else day.head if day.dep_ == "npadvmod" \
            else None
        if verb is None or verb.pos_ not in ("VERB", "AUX") or any(
                c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children):
            continue
        prep.head = verb


def _backed_subject_acts(doc: Doc) -> None:
    """'Pakistani troops backed by helicopter gunships killed 25 militants, the army said':
    with a speaker after the clause, the small model makes the troops the saying's subject
    (or an unlabelled ``dep`` of it) and "killed" a clause on the gunships (a finite verb as
    ``acl``). The troops do the killing, and the killing is what was said."""
    for verb in doc:
        if verb.dep_ != "acl" or verb.tag_ != "VBD":
            continue
        by = verb.head.head
        participle = by.head
        if verb.head.dep_ != "pobj" or by.dep_ != "agent" or participle.dep_ != "acl" \
                or participle.tag_ != "VBN":
            continue
        subject = participle.head
        saying = subject.head
        if subject.dep_ not in SUBJECT_DEPS | {"dep"} or saying.i < verb.i or not any(
                c.dep_ in SUBJECT_DEPS and c.i > verb.i for c in saying.children):
            continue
        subject.head, subject.dep_ = verb, "nsubj"
        verb.head = saying
        verb.dep_ = "ccomp"


def _infinitive_complements(doc: Doc) -> None:
    """'The Taliban threatened on Thursday to kill two engineers unless ...': with a clause
    after it, the small model may read the infinitive as a purpose (advcl); so in "called on
    the junta to free Aung San Suu Kyi". After a verb of intent, refusal or appeal with no
    object it is the complement (xcomp): threatened or asked for, not done.
    ("Offered military assistance to Turkey to assist the insurgency" keeps its purpose.)"""
    for verb in doc:
        if verb.dep_ == "advcl" and verb.pos_ == "VERB" \
                and verb.head.lemma_.lower() in _INFINITIVE_TAKERS \
                and to_infinitive(verb) \
                and not any(c.dep_ in _SUBJECTS or c.dep_ == "mark" for c in verb.children) \
                and not any(c.dep_ == "dobj" for c in verb.head.children):
            verb.dep_ = "xcomp"


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
        # "told parliament that Pakistan would not allow foreign troops to operate on its
        # soil and urged Washington to ...": the said clause may nest a complement.
        while saying.dep_ in ("ccomp", "xcomp") and saying.lemma_.lower() not in SAYING_VERBS \
                and saying.tag_ != verb.tag_:
            saying = saying.head
        if saying.lemma_.lower() not in SAYING_VERBS or verb.tag_ != saying.tag_ \
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
