"""Who did it and to whom: the source and target actors of one fired pattern.

A verb's source is its subject (or a passive's ``by`` agent; PETRARCH's agentless passives
look in the verb's phrases), its target the slot its pattern marks, else its object or a
target preposition, less what only sets the scene: a venue, a place at the source's home,
the subject of what was said. An event noun's source is its possessor or the subject of the
light verb that holds it ("X held talks with Y"). Pure functions of the parse and the
sentence's actors; ``coder`` pairs what they find into events.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from typing import TYPE_CHECKING

from eventwatch.actors import (
    ACTS_OF_FORCE,
    ORG_PREFIXES,
    SECTOR_CODES,
    SentenceActors,
    in_country,
    is_agent_word,
    named_whole,
    names_someone,
    unplaced,
)
from eventwatch.actors.countries import three_letter_parts
from eventwatch.dictionaries.model import Convention, Pattern
from eventwatch.events.frame import (
    ASKING_ROOTS,
    SUBJECT_GERUND_PREPS,
    Frame,
    conjuncts,
    content_clause_head,
    cut_off_fragment,
    go_between,
    has_own_subject,
    passive_agents,
    phrase_after,
    preps_of,
    reported_clauses,
    subjects,
)
from eventwatch.events.mood import conditional
from eventwatch.lexicon import (
    CROWD_CONTROL_VERBS,
    FIGHT_EACH_OTHER_VERBS,
    PASSIVE_SUBJECT_DEPS,
    PERSONAL_TITLES,
    SPEECH_VERBS,
    SUBJECT_DEPS,
    participle_tail,
    prep_objects,
    to_infinitive,
)
from eventwatch.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

# The actors the given tokens belong to, in token order (``SentenceActors`` behind it).
ActorsOf = Callable[[Iterable["Token"]], list[Actor]]

SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "he", "she"})
# Verbs whose "that"-clause subject is the one addressed ("demanded that Russia withdraw").
ADDRESSING_VERBS = frozenset({
    "urge", "demand", "ask", "call", "request", "press", "appeal", "insist", "implore", "beg",
    "order", "instruct", "encourage", "pressure", "push", "invite", "warn", "threaten"})
OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
# Prepositions that say where or to whom, never who: no agentless passive takes its source
# from them ("killed outside Cairo", "linked to al-Qaeda", "imposed against Russia").
NOT_DOER_PREPS = frozenset({"outside", "near", "inside", "at", "across", "along", "around",
                            "beyond", "behind", "through", "throughout", "into", "toward",
                            "towards", "within", "beside", "off", "to", "against", "on",
                            "onto", "upon", "for", "during", "including", "despite",
                            "amid", "after", "before", "since", "like"})
# Coercion and violence: done to something in a place, the place stands for its people
# ("tortured an inmate to death in western Iran").
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
# ... of which violence: assaults, fights, mass violence (no arrests or bans).
VIOLENT_ROOTS = FORCE_ROOTS - {"17"}
PROTEST_ROOT = "14"
STATEMENT_ROOT = "01"
# Speech verbs whose object is an act, which may happen where they say ("announced a
# ceasefire in Idlib" is aimed at Syria).
PROCLAIMING_VERBS = frozenset({"announce", "declare"})
THREAT_ROOT = "13"
# Appeals and demands: a that-clause's subject is who is asked ("demanded that Musharraf
# step down"), of the asker's own country or not.
# Verbs whose subject suffers what they say ("civilians died"): no doer.
PATIENT_SUBJECT_VERBS = frozenset({"die", "perish", "drown", "starve", "succumb"})
# Clauses that say how a passive subject came to harm ("was forced to flee after insurgents
# attacked his palace").
VICTIM_MARKS = frozenset({"when", "as", "after"})
LIGHT_VERBS = frozenset({"hold", "have", "conduct", "launch", "carry", "be", "begin", "start",
                         "stage", "host", "open", "resume", "continue", "make", "give"})


# Talking cooperation (intents, consultations, diplomatic acts): a place on such a verb is
# where it happened ("will meet in Vienna").
VERBAL_COOPERATION_ROOTS = frozenset({"03", "04", "05"})
# Roots and verbs for which coordinated subjects without a target act on each other.
COOPERATION_ROOTS = VERBAL_COOPERATION_ROOTS | {"06"}
MUTUAL_WORDS = FIGHT_EACH_OTHER_VERBS | {
    "fighting", "spar", "feud", "quarrel", "wrangle", "war", "hostility", "meet", "negotiate",
    "talk", "agree", "sign", "reconcile", "ceasefire", "truce", "agreement", "deal", "accord",
    "treaty"}


def verb_roles(token: Token, frame: Frame, pattern: Pattern, actors_of: ActorsOf,
               convention: Convention) -> tuple[list[Actor], list[Actor], bool]:
    """Sources, targets and whether coordinated sources may act on each other, for a verb."""
    anywhere = convention.target_anywhere_after_verb
    subject_tokens, passive = subjects(token, gerund_preps=SUBJECT_GERUND_PREPS
                                       if convention.time_gerunds_take_subject else ("by",))
    subject_tokens = [s for t in subject_tokens for s in speaker_for_pronoun(t, token)]
    if passive:
        sources = actors_of(passive_agents(token))
        by_agent = bool(sources)
        if not sources and convention.agentless_passive_source:
            sources = _agentless_sources(frame, pattern, actors_of)
        targets = actors_of(subject_tokens)
        if not targets and pattern.target_after:
            # "sanctions were imposed on Russia by the EU": the subject is the thing done.
            targets = _slot_actors(frame, pattern.target_after, pattern, actors_of)
        if not targets and by_agent:
            # ... also when the pattern names no slot (``- * SANCTIONS``): the usual places.
            own = {s.code for s in sources}
            targets = _first_actors(frame.default_targets(pattern), actors_of, own,
                                    frame.named_objects(pattern))
        return sources, targets, False
    if token.lemma_.lower() in PATIENT_SUBJECT_VERBS:
        # "Five Georgian soldiers died in a Russian air strike": the subject suffered, and
        # only the act it died in names a doer ("two people died when a wall collapsed": none).
        doers = _first_actors(_doer_phrases(token, 2, acts_only=True), actors_of)
        return doers, actors_of(subject_tokens), False
    sources = _with_misparsed_appositions(subject_tokens, actors_of(subject_tokens), actors_of)
    sources = _speakers_own(sources, subject_tokens, token, actors_of)
    if _trailing_attribution(token):
        # "..., the military said, in the rebels' third air raid": a trailing attribution
        # names no target but whom it was told to ("..., he told AFP").
        told = [t for c in token.children if c.dep_ in ("dobj", "dative")
                for t in conjuncts(c)] + list(prep_objects(token, "to"))
        return sources, _first_actors(told, actors_of, {s.code for s in sources}), False
    targets: list[Actor] = []
    if pattern.source_after:
        # "receive aid from $": the subject receives, the prepositional object acts.
        return _slot_actors(frame, pattern.source_after, pattern, actors_of), sources, False
    if pattern.target_after:
        targets = _slot_actors(frame, pattern.target_after, pattern, actors_of)
    victims = _victims_of(token, actors_of) if not targets else []
    if not targets:
        candidates = frame.default_targets(
            pattern, addressee_clause=anywhere or token.lemma_.lower() in ADDRESSING_VERBS,
            any_prep=anywhere, clause_after=anywhere)
        if victims:
            candidates = _not_circumstance(candidates)
        # A lone source itself is no target ("expelled the head of a Canadian group from
        # Darfur": Darfur is Sudan's), so the search goes on past it; coordinated sources
        # may act on each other instead (``_only_their_own``).
        own = {s.code for s in sources} if len(sources) == 1 else set()
        candidates = _not_own_clause_subject(
            _not_venue(candidates, sources, token, pattern, actors_of), sources, actors_of,
            asking=pattern.code[:2] in ASKING_ROOTS)
        targets = _first_actors(candidates, actors_of, own, frame.named_objects(pattern))
    if not targets and pattern.code[:2] in FORCE_ROOTS:
        # "fired tear gas to disperse protesters": the purpose says whom the force was for.
        targets = _first_actors(_dispersed(token), actors_of, own)
    if not targets and anywhere:
        # PETRARCH's target is the first actor after the verb, even inside the object
        # ("boycotted the parade supporting X").
        after = _not_venue(phrase_after(token), sources, token, pattern, actors_of)
        targets = _first_actors(_not_circumstance(after) if victims else after, actors_of,
                                own) or _first_actors(cut_off_fragment(token), actors_of, own)
    if not targets and anywhere and pattern.code[:2] == THREAT_ROOT:
        targets = _threatened(token, sources, actors_of)
    if pattern.code[:2] == STATEMENT_ROOT and targets and all(map(_is_media, targets)):
        own = _countries_of(sources)
        targets = [a for a in _spoken_of(token, actors_of) if a.country not in own] or targets
    # Countries coordinated inside one subject phrase are allies, unless the verb says they
    # acted on each other: "French, US and British forces launched air attacks" (even under
    # PETRARCH, where coordinated subjects otherwise always act on each other).
    return sources, targets or victims, len(subject_tokens) > 1 or (
        len(sources) > 1 and mutual(token, pattern))


def _trailing_attribution(verb: Token) -> bool:
    """A speech verb after the clause it reports ("X attacked Y, the military said")."""
    return verb.lemma_.lower() in SPEECH_VERBS and any(
        c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)


def _threatened(verb: Token, sources: list[Actor], actors_of: ActorsOf) -> list[Actor]:
    """A threat is aimed at whoever its clause names first, the threatener's own country
    aside: "North Korea threatened to restart its reactor unless Washington removed it from
    a blacklist" threatens the US; "Medvedev warned that Moscow would respond to the
    deployment of a US missile shield" too (PETRARCH's first actor after the verb, inside
    the clause the threat nests)."""
    own = _countries_of(sources)
    conditions = [c for c in verb.children if c.dep_ == "advcl" and conditional(c)]
    inside = (t for clause in (*reported_clauses(verb), *conditions) if clause.i > verb.i
              for t in clause.subtree if not _only_in(actors_of([t]), own))
    return _first_actors(inside, actors_of)


def _is_media(actor: Actor) -> bool:
    """MED anywhere in the code's three-letter parts (AFP is a bare MED in Phoenix)."""
    return "MED" in three_letter_parts(actor.code)


def _spoken_of(verb: Token, actors_of: ActorsOf) -> list[Actor]:
    """'Saakashvili told AFP that Russia wanted to destroy his country': the press is only
    the channel; the statement is about the clause's subject (Russia), as when nobody is
    named as the one told. The speaker's own country is no such subject ('told Russian
    newspapers that Damascus was ready'): the press then stays the target."""
    said = [c for clause in reported_clauses(verb) if clause.i > verb.i
            for c in clause.children if c.dep_ in SUBJECT_DEPS]
    return actors_of(said)


def _victims_of(verb: Token, actors_of: ActorsOf) -> list[Actor]:
    """'Three soldiers were wounded when militants fired mortars from Gaza', '... when
    insurgents attacked their patrol', 'was forced to flee after insurgents attacked his
    palace': the clause that says how it happened is aimed at the
    main clause's passive subject, unless it names a target of its own."""
    if verb.dep_ != "advcl" or not any(c.dep_ in ("mark", "advmod") and c.lower_ in VICTIM_MARKS
                                       for c in verb.children):
        return []
    patients, passive = subjects(verb.head)
    return actors_of(patients) if passive else []


def _not_circumstance(candidates: Iterable[Token]) -> Iterator[Token]:
    """Candidates less what only sets the scene: where it was ("in Baghdad", "from Gaza",
    "in the tribal district of South Waziristan") and the victims' own things ("their
    patrol")."""
    return (t for t in candidates
            if not _in_venue(t) and not _after(t, {"from"}) and not _owned(t))


# Verbs whose place is where someone went, so its country is the host ("arrived in Manila").
TRAVEL_VERBS = frozenset({"arrive", "visit", "travel", "go", "fly", "come", "return", "land",
                          "head", "tour", "stop", "stay", "begin", "start"})
# Prepositions that place an event; a place there is where the parties met, not a party.
VENUE_PREPS = frozenset({"in", "at", "near"})


def _after(token: Token, preps: Collection[str]) -> bool:
    """Whether the token is the object of one of these prepositions."""
    return token.dep_ == "pobj" and token.head.lower_ in preps


def _owned(token: Token) -> bool:
    """'its armed forces', 'their patrol': a possessive that points back at a party."""
    return any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in token.children)


def _not_venue(candidates: Iterable[Token], sources: list[Actor], verb: Token,
               pattern: Pattern, actors_of: ActorsOf) -> Iterator[Token]:
    """Candidates less the venue of parties doing something together: "Syria and Israel
    held talks in Turkey" is between Syria and Israel, in Turkey. A place at a lone
    source's home is where it happened, not a party ("Chirac died at home in Paris",
    "Olmert met Abbas in Jerusalem"). Parties may still act on a place ("US and Iraqi
    troops raided homes in Baghdad"), and a body at home is no place ("launched a broadside
    at the government"). Force used on someone at home is used on its people ("police
    tortured an inmate in western Iran"), and a protest at home is against its state
    ("anti-Saleh protesters march in the southern port of Aden": YEMOPP → YEM). Where
    something was said is nobody it was said to ("told journalists in Tbilisi"), though
    condolences over an earthquake in Sichuan still go to China."""
    if mutual(verb, pattern) and len(sources) > 1:
        yield from (t for t in candidates if not _in_venue(t))
    elif pattern.code[:2] == PROTEST_ROOT or (
            pattern.code[:2] in FORCE_ROOTS and any(c.dep_ == "dobj" for c in verb.children)):
        yield from candidates
    else:
        home = _countries_of(sources)
        # "met Javier Solana in Geneva": the one met is named, though no dictionary knows
        # him, so the place is where they met, not whom.
        someone = any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" and not actors_of([c])
                      for c in verb.children)
        spoken = verb.lemma_.lower() in SPEECH_VERBS - PROCLAIMING_VERBS
        for token in candidates:
            if _in_venue(token):
                if someone or _meeting_place(token):
                    continue
                # "in the capital of Freedonia": the "of" phrase says whose place it is.
                found = actors_of([token]) or actors_of(prep_objects(token, "of"))
                place = _countries_of(found) == {a.code for a in found}
                # "told journalists in Tbilisi": where it was said, never to whom; "will
                # meet in Vienna", "signed a peace accord in Djibouti": where, not with whom.
                if place and (spoken or _only_in(found, home) or (
                        pattern.code[:2] in VERBAL_COOPERATION_ROOTS
                        and _venue_of(token, verb))):
                    continue
            yield token


# Gatherings whose place is where they were held ("at a summit in Bucharest").
MEETING_NOUNS = frozenset({"summit", "meeting", "talk", "talks", "conference", "negotiation",
                           "session", "forum", "gathering", "round"})


def _meeting_place(place: Token) -> bool:
    """Whether the place says where a gathering was held: "promised at a summit in Bucharest
    that Georgia would join", "ended two days of talks in Vienna". Nobody there is a party."""
    prep = place.head
    return _after(place, VENUE_PREPS) and prep.head.lemma_.lower() in MEETING_NOUNS


def _venue_of(place: Token, verb: Token) -> bool:
    """Whether the place is where the verb's meeting happened ("will meet in Vienna"): its
    phrase hangs on the verb itself ("agreed to a ceasefire in Syria" is about Syria), and
    the verb is no journey, whose place is the host ("arrived in Manila")."""
    return place.head.head == verb and verb.lemma_.lower() not in TRAVEL_VERBS


def _in_venue(token: Token) -> bool:
    """Whether the token names where something happened: the object of "in", "at" or
    "near", also as an apposition or conjunct there, or the X of "the city of X" or "the
    north of X"."""
    for _ in range(4):
        if _after(token, VENUE_PREPS):
            return True
        if token.dep_ in ("appos", "conj", "compound"):
            token = token.head
        elif _after(token, {"of"}) and token.head.head.dep_ == "pobj":
            token = token.head.head
        else:
            return False
    return False


def _not_own_clause_subject(candidates: Iterable[Token], sources: list[Actor],
                            actors_of: ActorsOf, asking: bool = False) -> Iterator[Token]:
    """Candidates less a that-clause's subject of the source's own country: in "the Polish
    president said Warsaw would send tanks", Warsaw is what was said, not who was told; so
    is a sector of no country when the source has one ("Netanyahu said the government
    would pass the budget"). Asking someone of one's own country is still asking
    (``asking``: "Zardari demanded that President Musharraf step down"), unless that is
    the country itself ("insisting Iran would not give up its rights")."""
    own = _countries_of(sources)
    for token in candidates:
        clause_subject = token.dep_ in SUBJECT_DEPS and token.head.dep_ == "ccomp"
        found = actors_of([token]) if clause_subject else []
        said = clause_subject and token.head.head.lemma_.lower() in SPEECH_VERBS
        someone_asked = asking and any(a.code != a.country for a in found)
        if not someone_asked and (_only_in(found, own) or (
                said and found and all(a.country for a in sources)
                and all(a.country is None and a.code in SECTOR_CODES for a in found))):
            continue
        yield token


def _countries_of(actors: Iterable[Actor]) -> set[str]:
    """The actors' countries (a named code such as IGOUNO starts with its own "country")."""
    return {a.country or a.code[:3] for a in actors}


def _only_in(actors: list[Actor], countries: set[str]) -> bool:
    """Whether there are actors, all of the given countries."""
    found = _countries_of(actors)
    return bool(found) and found <= countries


def _slot_actors(frame: Frame, after: str, pattern: Pattern, actors_of: ActorsOf) -> list[Actor]:
    """Actors in a ``+``/``$`` slot (``Frame.takes_first_actor`` says whether only the
    first one counts)."""
    tokens = frame.slot(after, pattern)
    return _first_actors(tokens, actors_of) if frame.takes_first_actor(after, pattern) \
        else actors_of(tokens)


def _agentless_sources(frame: Frame, pattern: Pattern, actors_of: ActorsOf) -> list[Actor]:
    """PETRARCH codes an agentless passive from the actor in the verb's phrases: "X was
    criticized over its dispute with Y" is Y criticizing X (the ``$`` slot if the pattern
    names one). A place or a recipient is not who did it ("protesters were killed outside
    Cairo", "gunmen linked to al-Qaeda"); PETRARCH-2 itself takes sources only after
    by/from/in."""
    if pattern.source_after:
        return _slot_actors(frame, pattern.source_after, pattern, actors_of)
    # Only phrases on the verb itself: "four people, including two policemen, were killed"
    # names victims, and "killed during a coup in Haiti" a place, never the killer. In "a
    # soldier was killed and two others were wounded in a clash with PKK rebels" the parser
    # hangs the shared phrase on the last passive of the pair.
    passives = [c for c in frame.head.children if c.dep_ == "conj" and c.tag_ == "VBN"
                and any(g.dep_ == "auxpass" for g in c.children)]
    violent = pattern.code[:2] in VIOLENT_ROOTS
    for holder in (frame.head, *passives):
        phrases = _doer_phrases(holder, 2, acts_only=False)
        if violent:
            # "seven people were killed in the United States when a bomber crashed": a place
            # a killing happened in did no killing.
            phrases = (t for t in phrases if not _a_place_in(t))
        found = _first_actors(phrases, actors_of)
        if found:
            return found
    return []


def _a_place_in(token: Token) -> bool:
    """A place named after "in", unless an apposition calls it a party ("shot dead in
    Osgiliath, the state's fiercest foe", as PETRARCH's validation suite has it)."""
    return token.ent_type_ in ("GPE", "LOC", "FAC") and token.head.lower_ == "in" \
        and not any(c.dep_ == "appos" for c in token.children)


def _doer_phrases(holder: Token, depth: int, acts_only: bool) -> Iterator[Token]:
    """Objects of ``holder``'s prepositions that may name a doer, then one level deeper
    ("criticized over its dispute with Y", "put under investigation in Italy"). Where an
    act of force happened is not who did it: "killed in a suicide attack in southern
    Afghanistan" is not Afghanistan's doing. With ``acts_only`` (a death) only the act it
    happened in is looked into ("died in a Russian air strike"), no
    place ("20 people have died on New South Wales roads")."""
    where_not_who = holder.lemma_.lower() in ACTS_OF_FORCE
    objects = [pobj for prep, pobjs in preps_of(holder) if prep not in NOT_DOER_PREPS
               and not (where_not_who and prep == "in") for pobj in pobjs
               if not acts_only or pobj.lemma_.lower() in ACTS_OF_FORCE]
    yield from objects
    if depth > 1:
        for pobj in objects:
            yield from _doer_phrases(pobj, depth - 1, acts_only=False)


def noun_roles(token: Token, frame: Frame, pattern: Pattern, actors_of: ActorsOf
               ) -> tuple[list[Actor], list[Actor], bool]:
    """The same for an event noun: "talks between X and Y", "X's attack on Y", "X held talks
    with Y"."""
    between = [t for prep, pobjs in frame.preps if prep == "between" for t in pobjs]
    if between:
        return actors_of(between), [], True
    sources = actors_of(c for c in token.children if c.dep_ == "poss")
    if not sources:
        sources = actors_of(t for prep, pobjs in frame.preps if prep == "by" for t in pobjs)
    if not sources:
        sources = actors_of(_light_verb_subjects(token))
    targets: list[Actor] = []
    if pattern.target_after:
        targets = _slot_actors(frame, pattern.target_after, pattern, actors_of)
    if not targets:
        targets = _first_actors((t for prep, pobjs in frame.preps
                                 if prep in ("with", "to", "against", "on", "of") for t in pobjs),
                                actors_of)
    return sources, targets, len(sources) > 1


def _with_misparsed_appositions(tokens: list[Token], found: list[Actor],
                                actors_of: ActorsOf) -> list[Actor]:
    """'Arnor and the evil awful Gondor' parses Gondor as an apposition of Arnor: an apposition
    naming another country's actor is coordination, not a second name for the same actor."""
    countries = _countries_of(found)
    extra = []
    for token in tokens:
        for child in token.children:
            # Only a bare name ("Gondor"), not a description ("a NATO member").
            if child.dep_ != "appos" or child.pos_ != "PROPN":
                continue
            if child.i == token.i + 1:
                continue  # "minister Calimehtar": a title and its name, one actor
            if _described_person(token, child, actors_of):
                continue
            # "Mordor, the Shire, Arnor and Bree": the names coordinated with it count too.
            for actor in actors_of(conjuncts(child)):
                key = actor.country or actor.code[:3]
                if key not in countries and key not in ORG_PREFIXES:
                    countries.add(key)
                    extra.append(actor)
    return found + extra if found else found


def _described_person(head: Token, apposition: Token, actors_of: ActorsOf) -> bool:
    """A person set off by a comma after a description that names its country is the one
    described: "Mauritania's new military strongman, General Mohamed Ould Abdel Aziz" is
    one actor, whatever country the files give him (Phoenix: MUSGOV). Not "the Prime
    Minister, John Howard", whose description names no country, nor "President Barack Obama
    and Russian President Dmitry Medvedev", a coordination the parser took for apposition."""
    described = actors_of([head])
    return apposition.ent_type_ == "PERSON" and apposition.doc[
        apposition.left_edge.i - 1].text == "," and bool(described) and all(
        a.country for a in described)


def speaker_for_pronoun(subject: Token, verb: Token) -> list[Token]:
    """'Hungary said it will support…': a pronoun subject inside reported speech is the speaker."""
    if subject.pos_ != "PRON" or subject.lower_ not in SPEAKER_PRONOUNS:
        return [subject]
    speakers = _speakers(verb)
    if speakers and not _may_stand_for(subject, speakers[0]):
        # "NATO Secretary General Jaap de Hoop Scheffer condemned Russia's recognition of
        # Abkhazia, saying it violated UN resolutions": "it" is the recognition, not him.
        return [subject]
    return speakers or [subject]


def _may_stand_for(pronoun: Token, speaker: Token) -> bool:
    """Whether the pronoun can stand for the speaker: "it" is no person (as the parser's
    entity type or a title says: "opposition leader Morgan Tsvangirai ..., saying it would
    leave him powerless" is the proposal). The small model tags too many people ORG ("Rand
    Paul said he …") to rule out "he" for organisations."""
    return pronoun.lower_ != "it" or not (speaker.ent_type_ == "PERSON" or any(
        c.dep_ == "compound" and c.lemma_.lower() in PERSONAL_TITLES for c in speaker.children))


def _speakers(verb: Token) -> list[Token]:
    """The subject of the verb that governs ``verb``'s clause: "Hungary said it will…",
    "Ethiopia indicated it would…", also through a participle tacked on that clause ("North
    Korea said it had stopped disabling its plant, accusing Washington of ...")."""
    current = verb
    for _ in range(3):
        said_in = content_clause_head(current)
        climbs = current.dep_ in ("ccomp", "conj", "xcomp") or participle_tail(current)
        if said_in is None and (not climbs or current.head == current):
            break
        current = said_in or current.head
        if current.pos_ in ("VERB", "AUX"):
            speakers, passive = subjects(current)
            if speakers and not passive and not any(s.pos_ == "PRON" for s in speakers):
                return speakers
    return []


def _speakers_own(sources: list[Actor], subject_tokens: list[Token], verb: Token,
                  actors_of: ActorsOf) -> list[Actor]:
    """'Saudi Arabia said its air defence forces intercepted …': a sector that the clause
    calls the speaker's own ("its", "their") is the speaker's country's, even where a place
    in the sentence had lent it another ("its troops killed militants in Chechnya"). So is
    a bare sector the speaker belongs to: "a spokesman for the Pakistani army said troops
    killed 30 militants" (PAKMIL's troops, not an army accusing MIL)."""
    bare = [unplaced(s, "located") for s in sources]
    if any(s.country for s in bare) or not any(s.code[:3] in SECTOR_CODES for s in bare):
        return sources
    speakers = actors_of(_speakers(verb))
    if not any(c.dep_ == "poss" and c.lower_ in ("its", "their")
               for t in subject_tokens for c in t.children):
        speaker = speakers[0] if len(speakers) == 1 else None
        if speaker is None or not speaker.country or not any(
                s.code == speaker.sector for s in bare):
            return sources
        return [in_country(a, speaker.country, "its") if a.code == speaker.sector else a
                for a in bare]
    if len(speakers) == 1 and named_whole(speakers[0]):
        # "NATO said its troops killed …", "Hamas said its fighters …": a body's own troops
        # are the body itself, as "NATO troops" are IGOWSTNAT.
        return [_as_speaker(a, speakers[0]) if a.code[:3] in SECTOR_CODES else a for a in bare]
    countries = {a.country for a in speakers if a.country}
    if len(countries) != 1:
        return sources
    (country,) = countries
    return [in_country(a, country, "its") if a.code[:3] in SECTOR_CODES else a for a in bare]


def _as_speaker(actor: Actor, speaker: Actor) -> Actor:
    return Actor(speaker.code, actor.name, speaker.country, speaker.sector, actor.start,
                 actor.end, f"{actor.entry}+its:{speaker.code}")



def _light_verb_subjects(noun: Token) -> list[Token]:
    """Who holds the talks: 'X held talks', 'X is in talks', 'X hosted talks'."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in LIGHT_VERBS:
        found, passive = subjects(head)
        return [] if passive else found
    for child in noun.children:  # "Moscow hosted talks" parsed with "hosted" as a modifier
        if child.dep_ == "amod" and child.lemma_.lower() in LIGHT_VERBS:
            return [c for c in child.children if c.dep_ == "nsubj"]
    return []


def _first_actors(tokens: Iterable[Token], actors_of: ActorsOf, skip: Collection[str] = (),
                  pattern_words: Collection[int] = ()) -> list[Actor]:
    """The first candidate naming a country or organisation; a bare sector only as last
    resort. Actors coded as in ``skip`` (the source's own codes) are passed over; a word of
    the pattern (``pattern_words``) counts only for an actor named in it ("a US proposal"),
    not as an agent ("missiles")."""
    fallback: list[Actor] = []
    for token in tokens:
        if go_between(token):
            continue
        named = actors_of(conjuncts(token))
        if (token.dep_ == "dobj" or _addressed_in_clause(token)) and named \
                and all(a.code in skip for a in named) and any(map(names_someone, named)) \
                and not _sent_somewhere(token):
            # "X's office accused Prime Minister Y of treason over the Georgia conflict": Y
            # is the one accused, of X's own side (no event), not the conflict's country; so
            # is Y in "demanded that Y be stripped of his immunity". One sent somewhere is no
            # target: "dispatched Rice to Tbilisi".
            return named
        if token.dep_ == "dobj" and not named and _unknown_person(token):
            # "forcing Morales to cancel a meeting with Hugo Chavez": the one forced is
            # named, though no dictionary knows him; whoever comes later is no target.
            return [a for a in _whose(token, actors_of) if a.code not in skip] or fallback
        found = [a for a in named if a.code not in skip and (
            token.i not in pattern_words
            or not is_agent_word(a, {token.lemma_.lower(), token.lower_}))]
        if not found:
            # "rejected the Croatian government's request": the possessor is the target;
            # "protested against the movement of Russian warships": whose movement.
            found = [a for a in actors_of(c for c in token.children if c.dep_ == "poss")
                     if a.code not in skip] or [
                a for a in actors_of(prep_objects(token, "of")) if a.code not in skip]
        named = token.pos_ == "PROPN" and any(map(names_someone, found))
        if token.lemma_.lower() != "counterpart" and not named and _owned(token):
            continue  # "put its armed forces on alert": the source's own; not "its rival X"
        if any(_names_a_party(a) for a in found):
            return found
        fallback = fallback or found
    return fallback


def _dispersed(verb: Token) -> Iterator[Token]:
    """Those a purpose infinitive of crowd control says the force was used on ("fired tear
    gas to disperse the protesters", "opened fire to break up the rally"). Other purposes
    name no one struck ("fired guns into the air to celebrate Moscow's decision")."""
    for clause in verb.children:
        if clause.dep_ == "advcl" and clause.i > verb.i and to_infinitive(clause) \
                and clause.lemma_.lower() in CROWD_CONTROL_VERBS and not has_own_subject(clause):
            yield from (t for c in clause.children if c.dep_ == "dobj" for t in conjuncts(c))


def _addressed_in_clause(token: Token) -> bool:
    """The subject of a that-clause the verb governs ("demanded that Musharraf be tried")."""
    return (token.dep_ in SUBJECT_DEPS or token.dep_ in PASSIVE_SUBJECT_DEPS) \
        and token.head.dep_ == "ccomp"


def _whose(person: Token, actors_of: ActorsOf) -> list[Actor]:
    """What an uncoded person's title or "of" phrase says he is: "Mohamed Badie, the supreme
    guide of the Muslim Brotherhood", "Sajid Mir, of the Lashkar-e-Taiba group"."""
    titles = [c for c in person.children if c.dep_ == "appos"]
    return actors_of(titles) or actors_of(p for t in [person, *titles]
                                          for p in prep_objects(t, "of"))


def _unknown_person(token: Token) -> bool:
    """A person's name the dictionaries do not know, not sent anywhere ("sent Rice to
    Tbilisi" acts on Tbilisi), or people only counted (``_people_counted``)."""
    return (token.ent_type_ == "PERSON" and token.text[:1].isupper() and not _sent_somewhere(
        token)) or _people_counted(token)


def _people_counted(token: Token) -> bool:
    """'killing 10 soldiers and wounding 21': a bare number as the object stands for people
    the sentence does not name again; whoever comes later ("in the deadliest attack in
    Afghanistan") is no target."""
    return token.tag_ == "CD" and token.dep_ == "dobj" and token.ent_type_ == "CARDINAL" \
        and not any(c.dep_ == "prep" for c in token.children)


def _sent_somewhere(obj: Token) -> bool:
    """Whether the verb sends its object somewhere ("dispatched Rice to Tbilisi"): then the
    object is no target, and the search goes on to where."""
    return any(prep_objects(obj.head, "to"))


def _names_a_party(actor: Actor) -> bool:
    """A country, an organisation, or an identity ("Muslim rebels", ``REBMUS``): more than a
    bare sector ("the army", "rebels")."""
    code = actor.code
    return bool(actor.country) or code[:3] in ORG_PREFIXES or any(
        part not in SECTOR_CODES for part in three_letter_parts(code))


def mutual(token: Token, pattern: Pattern) -> bool:
    """Whether coordinated subjects without a target did it to each other: they cooperate
    ("Russia and Turkey agreed", roots 03-06), or the verb or noun says they acted on each
    other ("clashed", "exchanged fire", "agreed to a ceasefire", "fighting between"); allies
    who "launched attacks" or "both said" did not."""
    return pattern.code[:2] in COOPERATION_ROOTS or token.lemma_.lower() in MUTUAL_WORDS


def actors_lookup(actors: SentenceActors) -> ActorsOf:
    """The actors the given tokens belong to, in token order."""
    def actors_of(tokens: Iterable[Token]) -> list[Actor]:
        out: list[Actor] = []
        for t in tokens:
            out.extend(actors.of(t))
        return out
    return actors_of
