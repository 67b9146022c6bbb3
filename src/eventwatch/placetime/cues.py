"""Word-level cues around a capitalised gazetteer name that say whether it is a place here.

The small spaCy model leaves many place names untagged or inside organisation names
("Enfield Council", "Winnipeg police", "the Suffolk Times"), and tags people as places
("Mr Paterson", a "Tyler" whose full name was given earlier). These cues let the gazetteer
scan accept the first kind and skip the second without a bigger model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Words that follow a place name when it names a local institution: "Winnipeg police",
# "Enfield Council", "the Suffolk Times", "Slidell PD", "the Venice International Film Festival".
INSTITUTIONS = frozenset(
    "police pd council councillor councillors mayor court courthouse times post herald "
    "tribune gazette chronicle courier examiner journal club university college school "
    "schools hospital airport festival fire ambulance residents officials authorities "
    "station stadium library museum department commission federation chamber board "
    "prix assembly cathedral church zoo marathon".split()
)
# Words after which a capitalised name is a person: "Mr Paterson", "Sgt Tonroe".
TITLES = frozenset(
    "mr mrs ms miss dr sgt prof sir dame rev sen rep gov capt lt gen col cpl const det insp "
    "supt judge coach officer president senator".split()
)
# Prepositions that make a bare name a place even when a person shares it ("in Georgia").
PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "from", "between", "around"})
_ORG_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT"})


def institution_follows(doc: Doc, j: int) -> bool:
    """A local-institution word right after the name ending before token ``j``, or among the
    capitalised words that continue it ("Cavan Sustainable Energy Group" is not one)."""
    for k in range(j, min(len(doc), j + 4)):
        token = doc[k]
        if token.lower_ in INSTITUTIONS:
            return True
        if not (token.text[:1].isupper() or token.text in {"'s", "’s", "&"}):
            return False
    return False


def noun_of_name(doc: Doc, i: int) -> bool:
    """"the Bank of England", "the Summit of the Americas": a word before "of" and a name is
    the head of a longer name, not a place of its own."""
    if i + 2 >= len(doc) or doc[i + 1].lower_ != "of":
        return False
    after = doc[i + 2]
    return after.text[:1].isupper() or after.lower_ == "the"


def inside_name(doc: Doc, i: int) -> bool:
    """Token ``i`` continues a multi-word organisation or facility name ("Pearson
    International Airport" for "Airport")."""
    token = doc[i]
    return token.ent_iob_ == "I" and token.ent_type_ in _ORG_LABELS


def person_tokens(doc: Doc, place_words: frozenset[str]) -> set[int]:
    """Indices of single tokens that refer to a person: after a title ("Mr Paterson"), or a
    first or last name of a person the text names in full ("Campbell Paterson" … "Paterson"),
    unless a place preposition governs them. ``place_words`` (lower case: countries, states)
    never count as name parts."""
    names = {t.lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
             for t in (ent[0], ent[-1]) if t.is_alpha and t.lower_ not in place_words}
    found: set[int] = set()
    for token in doc:
        if not token.text[:1].isupper():
            continue
        previous = doc[token.i - 1].lower_.rstrip(".") if token.i > 0 else ""
        if previous in TITLES or (token.lower_ in names and not (
                token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS)):
            found.add(token.i)
    return found
