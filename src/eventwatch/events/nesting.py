"""Events inside other events: a reported clause's event rewritten by the dictionaries'
transformations or dropped as said, a gerund that is what was done, a toll that is no second
event, an intent verb whose intended act is coded."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from eventwatch.actors import SentenceActors
from eventwatch.dictionaries.model import Dictionaries, Pattern
from eventwatch.events.frame import Frame, has_own_subject, reported_clauses
from eventwatch.events.mood import conditional, mood_of
from eventwatch.events.roles import PATIENT_SUBJECT_VERBS, actors_lookup, verb_roles
from eventwatch.events.transform import Governor, rewrite
from eventwatch.lexicon import INTENT_VERBS, SUBJECT_DEPS, toll_of_the_clause
from eventwatch.records import Actor, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

def transform_nested(doc: Doc, by_token: dict[int, list[Event]],
                      matched: dict[int, tuple[Pattern, Frame]], actors: SentenceActors,
                      dictionaries: Dictionaries,
                      for_the_rules: Callable[[Token, Pattern, Frame], list[Event]]) -> None:
    """Apply the dictionaries' transformations: an event in the that-clause or infinitive of a
    coded verb ("X said Y attacked Z") and the verb's own event give way to the rewritten
    event (X accuses Y). The verb counts as coded when its pattern fired, even if it found no
    target of its own; a negated verb rewrites nothing. A complement that is asked for, not
    done ("wants to attack Y"), or whose pattern found no target ("said Russian jets bombed
    the town of Gori") is no event of its own but may still be rewritten (``for_the_rules``
    codes it). Unrewritten, the clause still names the saying's target, as in PETRARCH's
    validation suite ("X noted that Y regretted Z" is X → Y 010)."""
    actors_of = actors_lookup(actors)
    convention = dictionaries.convention
    for i in sorted(matched):
        pattern, frame = matched[i]
        token = doc[i]
        if pattern.kind != "verb" or not pattern.code.isdigit():
            continue
        clauses = {c.i: by_token.get(c.i) or for_the_rules(c, *matched[c.i])
                   for c in reported_clauses(token) if c.i > i and c.i in matched}
        if not any(clauses.values()):
            continue
        mood = mood_of(token, convention)
        if mood.negated or mood.directed:
            continue
        sources = verb_roles(token, frame, pattern, actors_of, convention)[0]
        governors = [Governor(pattern.code, s, f"{pattern.id} {pattern.text}") for s in sources]
        rewritten: list[Event] = []
        for clause, events in clauses.items():
            own_subject = has_own_subject(doc[clause])
            doer_named = any(c.dep_ in SUBJECT_DEPS or c.dep_ == "agent"
                             for c in doc[clause].children)
            # "said 90 civilians had died": whoever dies is no doer to accuse.
            suffered = doc[clause].lemma_.lower() in PATIENT_SUBJECT_VERBS
            kept = []
            for nested in events:
                if suffered or (nested.target is None and not doer_named):
                    kept.append(nested)  # "properties were destroyed in Sydney": by nobody
                    continue
                found = [e for g in governors
                         if (e := rewrite(dictionaries.transformations, g, nested, own_subject))]
                rewritten.extend(found)
                if not found:
                    kept.append(nested)
            if by_token.get(clause):  # events coded only for the rules are not kept
                by_token[clause] = kept
        if rewritten:
            by_token[i] = rewritten


def drop_nested_events(doc: Doc, by_token: dict[int, list[Event]]) -> None:
    """PETRARCH nests a that-clause's event inside the verb that governs it ("X noted that Y
    regretted Z" is X → Y 010), and an infinitive complement's inside its coded verb ("X
    threatened to shell Y" is a threat, not shelling): the nested event is not coded. Nor
    is anything else the clause says ("said its warplanes had struck rebels, killing dozens":
    the killing is said too), short of a clause with a subject of its own that the parser
    hung there ("Moscow says Georgian troops attacked, while Tbilisi accuses Russia")."""
    for i in sorted(by_token):
        if i not in by_token:
            continue
        for clause in reported_clauses(doc[i]):
            if clause.i > i:
                for token in _said_with(clause):
                    by_token.pop(token.i, None)


def _said_with(clause: Token) -> Iterator[Token]:
    """The clause's tokens less any coordinated or adverbial clause with its own subject
    (a condition, "if Y attacked Z", is still part of what was said)."""
    own_clauses = [t for t in clause.subtree if t != clause
                   and t.dep_ in ("advcl", "conj", "parataxis")
                   and has_own_subject(t) and not conditional(t)]
    apart = {u.i for t in own_clauses for u in t.subtree}
    return (t for t in clause.subtree if t.i not in apart)


def done_by_gerund(token: Token, by_token: dict[int, list[Event]]) -> bool:
    """'retaliated by expelling its ambassador': the coded gerund is what was done, so the
    governing verb's own code (RETALIATE's 190) says nothing more."""
    return any(c.dep_ == "prep" and c.lower_ == "by" and any(
        g.dep_ == "pcomp" and g.i in by_token for g in c.children) for c in token.children)


def casualties_of(token: Token, by_token: dict[int, list[Event]]) -> bool:
    """'struck the arms factory, killing at least 64 people': a participle that counts the dead
    of an act coded on the clause it is tacked on, by the same source and in the country it
    hit, is that act's toll, not a second event (PETRARCH's validation leaves its uncoded
    victims out; we would place them, "PAKPPL", and count the strike twice)."""
    if not toll_of_the_clause(token):
        return False
    act = by_token.get(token.head.i, [])
    sources = {e.source.code for e in act}
    hit = {e.target.country for e in act if e.target is not None}
    # Victims named as of another country than the act's target are news of their own:
    # "stormed the AU base at Mogadishu airport, killing two Ugandan soldiers".
    return bool(act) and all(e.source.code in sources and (
        e.target is None or e.target.country is None or e.target.country in hit
        or _placed_only(e.target)) for e in by_token[token.i])


def _placed_only(actor: Actor) -> bool:
    """A bare sector that took its country from where it was ("pounded Taliban hideouts in
    Bajaur, killing dozens of militants": PAKUAF), not from a name of its own."""
    return any(part.startswith("located:") for part in actor.entry.split("+"))


def governs_coded_intent(token: Token, by_token: dict[int, list[Event]]) -> bool:
    """'agreed to hold talks': the intended event (036) replaces the bare intent verb (030)."""
    if token.lemma_.lower() not in INTENT_VERBS:
        return False
    return any(c.dep_ == "xcomp" and c.i in by_token for c in token.children)
