"""Ordinary crime is no political event.

"Masked robbers stormed a jeweller's shop in Antwerp", "a farmer was shot dead by robbers who
stormed his home near Pretoria": the verbs are the verbs of attack (Phoenix's STORM is 190),
and a place in the sentence gives the robbers a country. Robbers, thieves and burglars are
after property, not a party; gunmen, bandits and gangs may be political and stay coded.
"""

from __future__ import annotations

from spacy.tokens import Token

# Who commits crimes for gain, by lemma.
CRIMINAL_NOUNS = frozenset({"robber", "thief", "burglar", "mugger", "pickpocket", "fraudster",
                            "conman", "shoplifter", "carjacker"})


def ordinary_crime(verb: Token) -> bool:
    """Whether the verb's doer is a robber or a thief: its subject ("robbers stormed a
    shop"), the antecedent of its relative subject ("robbers who stormed their home") or
    the agent of its passive ("shot dead by robbers")."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers = [verb.head if d.tag_ in ("WP", "WDT") and verb.dep_ == "relcl" else d
             for d in doers]
    doers += [p for c in verb.children if c.dep_ == "agent" for p in c.children
              if p.dep_ == "pobj"]
    return any(d.lemma_.lower() in CRIMINAL_NOUNS for d in doers)
