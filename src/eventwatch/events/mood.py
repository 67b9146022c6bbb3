"""Whether an event is asserted: negation, future and intent, hedging, what is only asked for.

The mood of a verb comes from its own auxiliaries and adverbs and from the verbs that govern
it: "refused to withdraw" is no withdrawal, "wants to meet" is an intent, "urged Russia to
withdraw" only asks for one, "if Israel attacks Syria" has not happened.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwatch.dictionaries.model import EVENTWATCH, Convention
from eventwatch.lexicon import (
    CAUSATIVE_VERBS,
    DIRECTIVE_VERBS,
    INTENT_VERBS,
    NEGATING_VERBS,
    REFUSING_VERBS,
    SPEECH_VERBS,
    to_infinitive,
)

HEDGE_VERBS = frozenset({"claim", "allege", "believe", "think"})
HEDGE_WORDS = frozenset({"reportedly", "allegedly", "possibly", "apparently", "perhaps",
                         "purportedly", "likely", "probably", "may", "might", "could"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
OBLIGATION_AUX = frozenset({"must", "should", "ought"})
CONDITIONS = frozenset({"if", "unless"})
# Verbs whose that-clause is said not to be so.
DENYING_VERBS = frozenset({"deny", "refute", "dismiss", "reject"})
# Verbs of holding office: held over a stretch of time they tell a state, not an act.
OFFICE_VERBS = frozenset({"rule", "lead", "govern", "run", "head", "chair", "administer",
                          "dominate"})
# Nouns that measure a stretch of time ("for more than half of its history").
_TIME_NOUNS = frozenset({"year", "month", "week", "day", "decade", "century", "history",
                         "generation", "era"})


@dataclass(frozen=True, slots=True)
class Mood:
    """How an event is asserted: negated, future or intended, hedged, or only asked for."""

    negated: bool
    future: bool
    hedged: bool
    directed: bool = False
    # Negated by a verb that turns it down ("refused to meet"): a rejection, not nothing.
    refused: bool = False


def mood_of(token: Token, convention: Convention = EVENTWATCH) -> Mood:
    """Negation, future/intent and hedging from the verb and the verbs that govern it
    (whether a negated governor negates the verb is the convention's: PETRARCH codes "won't
    try to clash over" as clashing)."""
    governor_negates = convention.negated_governor_negates_complement
    negated = future = hedged = directed = refused = False
    turned_down = True
    current = token
    for _ in range(4):
        for child in current.children:
            lower = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and lower == "no") \
                    or _negated_adverb(child):
                # "will not allow Georgia to join NATO": what is not let happen does not.
                negated = negated or current == token or governor_negates or (
                    current.lemma_.lower() in CAUSATIVE_VERBS)
                turned_down = False  # "did not refuse to meet" is no rejection
            elif child.dep_ in ("aux", "auxpass") and lower in FUTURE_AUX:
                future = True
            elif lower in HEDGE_WORDS and child.dep_ in ("aux", "advmod"):
                hedged = True
            elif lower == "going" and child.dep_ == "aux":
                future = True
        infinitive = to_infinitive(current) and (current.dep_ == "advcl" or (
            current.dep_ == "ccomp" and current.head.lemma_.lower() in CAUSATIVE_VERBS))
        if (current.dep_ not in ("xcomp", "conj") and not infinitive) or current.head == current:
            break
        governor = current.head
        lemma = governor.lemma_.lower()
        if current.dep_ == "xcomp" or infinitive:
            if lemma in NEGATING_VERBS:
                negated = True
                refused = refused or (current == token and lemma in REFUSING_VERBS)
            elif lemma in INTENT_VERBS:
                future = True
        current = governor
    if _directed(token):
        directed = True
    if token.dep_ == "ccomp" and token.head.lemma_.lower() in DENYING_VERBS:
        negated = True  # "North Korea denied that it had supplied Syria with technology"
    if _passed_over(token) or _plan_turned_down(token):
        negated = True
    if token.head.lemma_.lower() in HEDGE_VERBS and token.dep_ == "ccomp":
        hedged = True
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass", "dobj") \
            and token.head.pos_ in ("VERB", "AUX"):
        # "Talks between X and Y did not take place", "Iran refused to hold talks with the
        # US": the governing verb's mood is the event's.
        verb = mood_of(token.head, convention)
        negated = negated or verb.negated
        future = future or verb.future
        hedged = hedged or verb.hedged
        directed = directed or verb.directed
    return Mood(negated, future, hedged, directed, refused and turned_down)


def background(verb: Token) -> bool:
    """Biography and standing facts, not news: what someone once did ("Samak once hosted a
    cooking show") and an office held over a stretch of time ("Mugabe has led Zimbabwe
    since independence", "the army has ruled Pakistan for half its history")."""
    once = any(c.dep_ == "advmod" and c.lower_ == "once" and c.i < verb.i
               and c.nbor().lower_ not in ("again", "more") for c in verb.children)
    if once and verb.tag_ in ("VBD", "VBN"):
        return True
    return verb.lemma_.lower() in OFFICE_VERBS and any(
        c.dep_ == "prep" and (c.lower_ == "since" or (c.lower_ == "for" and _a_stretch(c)))
        for c in verb.children)


def done_to_no_one(verb: Token) -> bool:
    """An act with no one on its receiving end did not happen to anyone: "injuring 38 people
    but killing none", "the blast hurt no one", "killed nobody"."""
    return any(c.dep_ == "dobj" and (c.lower_ in ("none", "nobody", "noone") or (
        c.lower_ == "one" and any(d.lower_ == "no" for d in c.children)))
        for c in verb.children)


def _a_stretch(prep: Token) -> bool:
    """Whether a "for" phrase measures time ("for 20 years"), not a cause ("for peace")."""
    return any(t.ent_type_ in ("DATE", "TIME") or t.lemma_.lower() in _TIME_NOUNS
               for t in prep.subtree if t != prep)


def _plan_turned_down(token: Token) -> bool:
    """What a rejected plan was to do did not happen: "rejected a French initiative to revive
    peace talks", "refused a proposal to withdraw"."""
    noun = token.head
    return (token.dep_ in ("acl", "relcl") and to_infinitive(token)
            and noun.dep_ == "dobj" and noun.head.lemma_.lower() in NEGATING_VERBS)


def _passed_over(token: Token) -> bool:
    """The alternative turned down did not happen: "resigned rather than face impeachment",
    "opted for talks instead of attacking Iran", "left without meeting Suu Kyi"."""
    if token.dep_ == "conj":
        return any(c.dep_ == "cc" and c.lower_ == "than" and c.i < token.i
                   and any(g.lower_ == "rather" for g in c.children)
                   for c in token.head.children)
    marker = token.head
    if token.dep_ == "pcomp" and marker.lower_ == "without":
        return True  # "left Myanmar without meeting Aung San Suu Kyi"
    return token.dep_ in ("pcomp", "pobj") and marker.lower_ in ("than", "of") and any(
        c.lower_ in ("rather", "instead") for c in marker.children)


def _negated_adverb(child: Token) -> bool:
    """"did not even ever clash": the parser hangs the negation on an adverb of the verb.
    "not only ... but also" is no negation."""
    return child.dep_ == "advmod" and child.lower_ not in ("only", "just", "merely") and any(
        g.dep_ == "neg" for g in child.children)


def _directed(token: Token) -> bool:
    """'urged Ethiopia to open talks', 'demanded that Russia withdraw': asked for, not done;
    so is every verb coordinated with it ('appealed to the US to drop or ease a ban'), and
    a condition ('if Israel attacks Syria')."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    head = token.head
    if _in_a_condition(token):
        return True  # "Iran will retaliate if Israel attacks Syria": no attack happened
    if token.dep_ not in ("xcomp", "ccomp") or head == token:
        return False
    return obliged(token) or (head.lemma_.lower() in DIRECTIVE_VERBS and (
        token.dep_ == "ccomp" or _addressed(head)))


def _in_a_condition(token: Token) -> bool:
    """Whether the verb is an "if"/"unless" clause, or a complement or conjunct inside one
    ("if Poland agreed to host a US missile base")."""
    for _ in range(4):
        if token.dep_ == "advcl" and conditional(token):
            return True
        if token.dep_ not in ("xcomp", "conj", "ccomp") or token.head == token:
            return False
        token = token.head
    return False


def _addressed(verb: Token) -> bool:
    """Whether a directive names whom it is addressed to ("wants Iran to", "called on Iran
    to", "was asked to"); "Iran wants to hold talks" is Iran's own intent."""
    return any(c.dep_ in ("dobj", "nsubjpass", "auxpass", "dative") or (
        c.dep_ == "prep" and c.lower_ in ("on", "upon", "to", "for")
        and any(g.dep_ == "pobj" for g in c.children)) for c in verb.children)


def obliged(token: Token) -> bool:
    """'Sarkozy said Russia must withdraw its troops': what must happen has not happened."""
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in SPEECH_VERBS and any(
        c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in token.children)


def conditional(clause: Token) -> bool:
    """An "if" or "unless" clause, or an "until" clause in the present tense ("will not
    resume talks until Islamabad takes action"; "fought until the army withdrew" happened)."""
    return any(c.dep_ == "mark" and (c.lower_ in CONDITIONS or (
        c.lower_ in ("until", "till") and clause.tag_ in ("VBZ", "VBP")))
        for c in clause.children)
