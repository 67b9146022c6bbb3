"""Which of a verb's patterns fires: the most specific one whose words the verb's frame holds
and whose target slot an actor fills, read as PETRARCH-2 reads its dictionaries."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from eventwatch.actors import SentenceActors
from eventwatch.dictionaries.model import PRE_VERB, WRITTEN_FORM, Convention, Pattern, PatternIndex
from eventwatch.dictionaries.words import verb_stems
from eventwatch.events.frame import DIRECTION_PARTICLES, Frame
from eventwatch.lexicon import NAMING_VERBS, to_infinitive

if TYPE_CHECKING:
    from spacy.tokens import Token



# Verbs whose patterns name what the verb's infinitive does: "offered to resume talks" is
# OFFER's ``- * TALKS`` (036), "declined to comment" DECLINE's ``- * COMMENT`` (011).
FOLDING_VERBS = frozenset({"offer", "propose", "decline"})


def lookup(index: PatternIndex, surface: str, lemma: str) -> tuple[Pattern, ...]:
    """A dictionary entry for the exact form wins: one the dictionary spells out as a form
    (FIND's "found", not FOUND's), then a verb of its own (PETRARCH's ``LEFT [042:043]`` is
    not ``LEAVE [012]``); otherwise the lemma's patterns, or those of a form the lemma is
    (the tagger leaves "overran" as it is)."""
    found = ((surface != lemma and index.spelt(surface)) or index.get(lemma)
             or index.get(WRITTEN_FORM + lemma))
    if not found and surface == lemma:
        found = next((p for stem in verb_stems(surface) if (p := index.get(stem))), ())
    return found or ()


def first_match(frame: Frame, patterns: Iterable[Pattern], words: set[str],
                 actors: SentenceActors) -> Pattern | None:
    """The first pattern that fits the frame (they come most specific first); among those
    as long as it, one naming an object of the verb beats one naming only its particle or
    preposition: "broke off diplomatic relations" is ``- * RELATIONS``, not ``- * OFF``
    (PETRARCH tries a verb's noun phrases first)."""
    fitting = (p for p in patterns
               if frame.matches(p, words) and not _unfilled_slot(frame, p, actors)
               and not _slot_past_the_object(frame, p, actors)
               and not _names_an_actor_modifier(frame, p, actors)
               and not _another_verb(frame, p) and not _a_name_given(frame, p))
    first = next(fitting, None)
    if first is None or frame.named_objects(first) or any(
            w.startswith(PRE_VERB) for w in first.words):
        return first  # words before the verb ("&WEAPON *") are no particle either
    for other in fitting:
        if len(other.words) < len(first.words):
            break
        if frame.named_objects(other):
            return other
    return first


def _another_verb(frame: Frame, pattern: Pattern) -> bool:
    """A verb with a particle is another verb than the bare one: "was sworn in as prime
    minister" is no SWEAR (Phoenix's 110, an allegation), "Mauritius take on Madagascar" no
    TAKE (171, an arrest). Only a pattern that names more than the verb codes it. A particle
    of direction keeps the verb ("forced out refugees", "fought back", "shot down"), and
    "up to 16" is a number, not "kidnapped up"."""
    return not pattern.words and any(
        p.head == frame.head and p.lower_ not in DIRECTION_PARTICLES
        and not (p.i + 1 < len(p.doc) and p.nbor().lower_ == "to") for p in frame.particles)


def _a_name_given(frame: Frame, pattern: Pattern) -> bool:
    """"Called the decision irresponsible", "calling it a government plot": a verb of naming
    with a predicate names its object and makes no call, so its bare pattern (a telephone
    call, 041) does not fit; one that names the predicate may ("called it troubling"), but
    not one that names only words inside it ("calling it a defeat for the oligarchy" is no
    CALL ``- * (FOR)``, a call for something)."""
    verb = frame.head
    if verb.lemma_.lower() not in NAMING_VERBS:
        return False
    doc = verb.doc
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # (an "oprd" after a comma is an aside the parser hung there: "called for X to resign,
    # the latest in a series of criticisms")
    predicates = [c for c in verb.children if c.dep_ == "oprd"
                  and not any(t.text == "," for t in doc[verb.i + 1: c.i])] + [
        a for c in objects if _predicate_after(c)
        for a in c.children if a.dep_ == "amod" and a.i > c.i]
    if not predicates:
        return False
    return not any(w in (p.lemma_.lower(), p.lower_) for w in pattern.words for p in predicates)


def _predicate_after(noun: Token) -> bool:
    """An adjective after its noun is a predicate the parser hung on it: "called the
    decision irresponsible" (English puts an attribute first)."""
    return any(c.dep_ == "amod" and c.i > noun.i and c.tag_ == "JJ" for c in noun.children)


def named_verbs(token: Token, pattern: Pattern, verbs: PatternIndex) -> list[int]:
    """Verbs under ``token`` that belong to its event, not to one of their own: a verb the
    pattern names, or the second verb of a compound the dictionary lists (``WIRE_+TAP``:
    "will not wire tap" is one negated event, not also a "tap")."""
    lemma = token.lemma_.lower()
    return [c.i for c in token.children if c.pos_ == "VERB" and (
        c.lemma_.lower() in pattern.words or c.lower_ in pattern.words
        or (c.i == token.i + 1 and any(p.words == (lemma,)
                                        for p in verbs.get(c.lemma_.lower()))))]


def through_the_complement(frame: Frame, bare: Pattern, patterns: tuple[Pattern, ...],
                            actors: SentenceActors, convention: Convention
                            ) -> tuple[Pattern, Frame, list[Token]]:
    """"Lee offered to resume talks with North Korea": a verb that fits only its bare
    pattern may fit a worded one through its infinitive complement (OFFER's ``- * TALKS``,
    036), as PETRARCH-2 folds a nested verb phrase into the verb; the complement is then no
    event of its own. Otherwise the bare pattern and the frame stay."""
    complements = [c for c in frame.head.children if c.dep_ == "xcomp" and to_infinitive(c)
                   and c.pos_ == "VERB"]
    for complement in complements:
        wider = frame.joined(Frame.of(complement))
        words = wider.words(not convention.inner_prepositions_need_their_phrase)
        found = first_match(wider, patterns, words, actors)
        if found is not None and found.words:
            return found, wider, [complement]
    return bare, frame, []


def with_plain_complements(frame: Frame, verbs: PatternIndex) -> Frame:
    """PETRARCH matches a verb's patterns against its whole verb phrase: "vowed to wage war
    on X", "signed an accord to supply X", "believed linked to X". An infinitive or
    participle complement whose verb has no patterns of its own joins the frame; one that
    does is coded as its own event."""
    for child in frame.head.children:
        infinitive = to_infinitive(child)
        participle = child.dep_ == "xcomp" and child.tag_ == "VBN"
        if child.dep_ in ("xcomp", "advcl") and (infinitive or participle) \
                and child.pos_ == "VERB" and not lookup(verbs, child.lower_, child.lemma_.lower()):
            frame = frame.joined(Frame.of(child))
    return frame


def _names_an_actor_modifier(frame: Frame, pattern: Pattern, actors: SentenceActors) -> bool:
    """A pattern word found only as a dictionary word modifying a dictionary noun that heads
    an actor is part of the actor's name, not of the event: "attacked government forces" is
    no ``- * GOVERNMENT`` criticism; nor is "stormed the grounds of Government House", a
    proper name the dictionary word begins. "Supplied military equipment" (no actor noun)
    and "access for relief workers" (no actor word) still fit their patterns."""
    return any(m.i in actors.named and actors.of(m.head) and (
                   m.head.i in actors.named or (m.dep_ == "compound" and m.head.pos_ == "PROPN"))
               for w in pattern.words if not w.startswith(PRE_VERB)
               for m in frame.modified_only(w))


def _prep_slot(frame: Frame, pattern: Pattern) -> str | None:
    """The preposition the pattern's target slot follows, if the frame has it."""
    after = pattern.target_after
    return after if after and after != pattern.lemma and frame.is_prep(after) else None


def _unfilled_slot(frame: Frame, pattern: Pattern, actors: SentenceActors) -> bool:
    """A prepositional target slot with no actor in it: "called Erdogan on Tuesday" is not
    "call on +", so the next pattern gets its chance."""
    after = _prep_slot(frame, pattern)
    return after is not None and not any(actors.of(t) for t in frame.slot(after, pattern))


def _slot_past_the_object(frame: Frame, pattern: Pattern, actors: SentenceActors) -> bool:
    """A target slot inside a phrase of the verb's that the pattern does not name, while an
    actor is the verb's object: "blamed al-Qaeda for an attack on pilgrims" is no BLAME
    ``- * ATTACK ON +`` (written for "blamed the attack on X"); PETRARCH-2 looks for a bare
    pattern word in the verb's noun phrase, and the blame is on al-Qaeda."""
    after = _prep_slot(frame, pattern)
    if after is None or not any(actors.of(t) for t in frame.objects):
        return False
    slot = frame.slot(after, pattern)
    return bool(slot) and all(frame.behind_an_unnamed_prep(t, pattern) for t in slot)
