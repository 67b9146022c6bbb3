"""From roles to pairs: which source acts on which target, once the roles are found. Country-less
targets of force are placed, coordinated parties act on each other or together, and a party
acting on itself is dropped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwatch.actors import in_country, names_someone
from eventwatch.dictionaries.model import Convention, Pattern
from eventwatch.events.frame import prep_objects
from eventwatch.events.roles import (
    COOPERATION_ROOTS,
    FORCE_ROOTS,
    ORG_PREFIXES,
    STATEMENT_ROOT,
    ActorsOf,
    mutual,
)
from eventwatch.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

# Roots whose country-less targets are the source's own people (arrests, mass killings).
DOMESTIC_ROOTS = frozenset({"17", "20"})
# Roots where coordinated parties' unnamed forces are their own: they cooperate or yield
# together ("agreed to pull back troops").
SHARED_FORCE_ROOTS = COOPERATION_ROOTS | {"08"}
# Roots of words said against someone: demand, disapprove, reject, threaten.
VERBAL_CONFLICT_ROOTS = frozenset({"10", "11", "12", "13"})


def pair_up(token: Token, pattern: Pattern, sources: list[Actor], targets: list[Actor],
            reciprocal: bool, actors_of: ActorsOf, convention: Convention,
            require_target: bool) -> list[tuple[Actor, Actor | None]]:
    """The (source, target) pairs of one fired pattern, from the roles the verb gave:
    ``reciprocal`` says coordinated sources may act on each other when no target is named."""
    sources, targets = most_specific(sources), most_specific(targets)
    root = pattern.code[:2]
    if root in FORCE_ROOTS and any(not t.country for t in targets):
        scene = _scene_country(token, actors_of)
        targets = [_placed(t, sources, scene, domestic=root in DOMESTIC_ROOTS)
                   for t in targets]
    if len(sources) > 1 and pattern.code[:2] in SHARED_FORCE_ROOTS and _only_bare_forces(targets):
        # "Cambodia and Thailand agreed to pull back troops": their own troops, so the
        # parties agreed with each other.
        targets, reciprocal = [], True
    elif reciprocal and not convention.every_coordination_is_mutual:
        reciprocal = mutual(token, pattern)
    elif reciprocal and pattern.code[:2] == STATEMENT_ROOT:
        reciprocal = False  # "US and Israeli sources said": a statement, not to each other
    elif reciprocal and not targets and _people_acted_on(token):
        # "The presidents of Poland and Ukraine ... joining Baltic leaders at a rally": they
        # joined others no dictionary codes, not each other.
        reciprocal = False
    if reciprocal and _only_their_own(sources, targets) and mutual(token, pattern):
        # "Thai and Cambodian troops exchanged fire near a Cambodian temple", "the US and
        # Cuba restored relations, reopening embassies in Washington and Havana": the
        # coordinated parties acted on each other, not on their own places.
        targets = []
    return _pairs(sources, targets, reciprocal, require_target, pattern.code)


def same_party(a: Actor | None, b: Actor | None) -> bool:
    """Codes naming one party, one perhaps more finely: GEO and GEOGOV, TURJUD and TUR (one
    is the other, or part of it)."""
    if a is None or b is None:
        return a is b
    return a.code.startswith(b.code) or b.code.startswith(a.code)


def most_specific(actors: list[Actor]) -> list[Actor]:
    """'The Prime Minister, John Howard': GOV and AUSGOV are one actor, the specific one."""
    return [a for a in actors if a.country or not any(
        b.country and b.sector and b.sector == a.sector for b in actors)]


def _placed(target: Actor, sources: list[Actor], scene: str | None, domestic: bool) -> Actor:
    """A country-less target of force is of the country the act was done in ("US troops
    raided a government office in Iraq's Diyala province, arresting a university president":
    an Iraqi; "militants stormed a police post in eastern Afghanistan, killing five
    officers"); with no such place, a target of repression (``domestic``) is the source's
    own ("Turkish police detained protesters"), and other targets stay as they are."""
    if target.country or target.code[:3] in ORG_PREFIXES:
        return target
    if not domestic:
        return in_country(target, scene, "scene") if scene else target
    countries = {s.country for s in sources if s.country}
    if len(countries) != 1:
        return target
    (country,) = countries
    if scene and scene != country:
        return in_country(target, scene, "scene")
    return in_country(target, country, "domestic")


def _scene_country(verb: Token, actors_of: ActorsOf) -> str | None:
    """The country of the place an act was done in: an "in" phrase of the verb or its object,
    or of the verb it is tacked on to ("raided an office in Iraq's Diyala province, killing a
    secretary and arresting ...")."""
    holder = verb
    for _ in range(3):
        places = [holder, *(c for c in holder.children if c.dep_ == "dobj")]
        countries = {a.country for p in places for t in prep_objects(p, "in")
                     for a in actors_of([t]) if a.country}
        if len(countries) == 1:
            return next(iter(countries))
        if holder.dep_ not in ("advcl", "conj", "xcomp"):
            break
        holder = holder.head
    return None


def _pairs(sources: list[Actor], targets: list[Actor], reciprocal: bool,
           require_target: bool, code: str = "") -> list[tuple[Actor, Actor | None]]:
    pairs: list[tuple[Actor, Actor | None]] = []
    if targets:
        for s in sources:
            own = [t for t in targets if t.code != s.code or _rivals(s, t, code)]
            foreign = [t for t in own if not same_party(s, t)]
            # One of several sources, several targets: its own country's is an artefact
            # of pairing every source with every target ("the US and Cuba ... embassies
            # in Washington and Havana"); alone it may be domestic ("Syrian jets and
            # artillery hit Ghouta").
            pairs.extend((s, t) for t in (foreign if len(sources) > 1 and foreign else own))
    elif reciprocal and len(sources) > 1:
        pairs = [(s, t) for s in sources for t in sources
                 if s.code != t.code and not _same_side(s, t)]
    elif not require_target:
        pairs = [(s, None) for s in sources]
    return pairs


def _rivals(source: Actor, target: Actor, code: str) -> bool:
    """Two parties the dictionaries name apart, with one code, one speaking against the
    other: "Nawaz Sharif ... accusing Asif Ali Zardari of breaking his promise" is PAKELI →
    PAKELI 112. Other same-code pairs are one side acting together or on its own ("troops
    seized the base", a bank buying a bank)."""
    return code[:2] in VERBAL_CONFLICT_ROOTS and source.entry != target.entry and \
        names_someone(source) and names_someone(target) and not (
            source.start < target.end and target.start < source.end)


def _people_acted_on(verb: Token) -> bool:
    """Whether the verb's object names people of some nation or a person ("joined Baltic
    leaders", "met Javier Solana") that no dictionary codes."""
    return any(c.dep_ == "dobj" and (c.ent_type_ in ("PERSON", "NORP") or any(
        g.dep_ in ("amod", "compound") and g.ent_type_ == "NORP" for g in c.children))
        for c in verb.children)


def _same_side(a: Actor, b: Actor) -> bool:
    """Coordinated actors of one side act together, not on each other: a country and its own
    sector ("Israeli tanks and troops ... searching houses": ISR, ISRMIL), or one sector with
    and without a country ("the Prime Minister, John Howard": GOV, AUSGOV). A government and
    its rebels are two sides ("the Colombian government and the FARC signed")."""
    if same_party(a, b):
        return True
    return bool(a.sector) and a.sector == b.sector and (
        not a.country or not b.country or a.country == b.country)


def _only_their_own(sources: list[Actor], targets: list[Actor]) -> bool:
    """Coordinated sources whose targets are each one of them or part of one of them."""
    return len(sources) > 1 and bool(targets) and all(
        any(same_party(s, t) for s in sources) for t in targets)


def _only_bare_forces(targets: list[Actor]) -> bool:
    """Targets that are armed forces of no one named ("troops", "police")."""
    return bool(targets) and all(t.country is None and t.code[:3] in ("MIL", "COP")
                                 for t in targets)

