"""A fight against nature, or a struggle to get something done, is no political event.

"Firefighters battled a forest fire that forced the evacuation of three villages", "troops
fought the floods": the verbs are the verbs of conflict (Phoenix's BATTLE and FIGHT are 190)
and a search for a target runs on past the fire to the villages. What a verb acts on here is
a hazard, not an actor. "Toyota and Honda are battling to keep up with demand as American
drivers abandon trucks" fights no one either: a struggle to do something has no opponent.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwatch.lexicon import ARMED_NOUNS, SUBJECT_DEPS, prep_objects, to_infinitive

# Fires, floods, droughts, epidemics and pests.
HAZARD_NOUNS = frozenset({
    "fire", "blaze", "flame", "wildfire", "bushfire", "inferno", "flood", "floodwater",
    "drought", "epidemic", "pandemic", "outbreak", "virus", "disease", "cholera", "malaria",
    "locust", "storm", "hurricane", "typhoon", "cyclone", "erosion", "famine"})


# Verbs of fighting something off ("opened fire", "exchanged fire" are gunfire, not these).
FIGHTING_VERBS = frozenset({"fight", "battle", "combat", "tackle", "contain", "attack",
                            "struggle", "counter"})


def against_nature(verb: Token) -> bool:
    """Whether the verb fights off a hazard: its object, or what it acts against ("battled
    a blaze", "fought against the floods")."""
    return verb.lemma_.lower() in FIGHTING_VERBS and any(
        t.lemma_.lower() in HAZARD_NOUNS for t in _acted_on(verb))


def _acted_on(verb: Token) -> list[Token]:
    return [*(c for c in verb.children if c.dep_ == "dobj"),
            *prep_objects(verb, "against"), *prep_objects(verb, "with")]


def a_struggle(verb: Token) -> bool:
    """Whether the verb is an effort to do something ("battling to keep up with demand",
    "struggled to contain the spill"): no one it is fought with or against, and no armed
    force doing it ("troops are battling to retake the town" is fighting)."""
    return verb.lemma_.lower() in FIGHTING_VERBS and any(
        c.dep_ == "xcomp" and to_infinitive(c) for c in verb.children) and not any(
        c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("against", "with"))
        or (c.dep_ in SUBJECT_DEPS and c.lemma_.lower() in ARMED_NOUNS)
        for c in verb.children)
