"""Numbers attached to event words: how many were killed, injured, arrested, displaced, and
how many troops were sent.

The number is tied to its event along the dependency parse, not by proximity: "33 Turkish
soldiers were killed" (nummod → soldiers → nsubjpass of killed) is 33 killed, while "2,000
troops were deployed" is 2,000 troops. Soldiers who were killed count as killed, not troops.
Vague quantities get a conventional floor and ``exact=False``: dozens → 12, scores → 20,
hundreds → 100, thousands → 1,000, tens of thousands → 10,000, hundreds of thousands →
100,000, millions → 1,000,000. So does a hedge: "more than 22,000" → 22,000, not exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

KINDS = ("killed", "injured", "arrested", "displaced", "troops")

EVENT_VERBS = {
    "kill": "killed", "die": "killed", "murder": "killed", "slay": "killed",
    "execute": "killed", "behead": "killed", "massacre": "killed", "perish": "killed",
    "injure": "injured", "wound": "injured", "hurt": "injured", "maim": "injured",
    "arrest": "arrested", "detain": "arrested", "jail": "arrested", "imprison": "arrested",
    "round": "arrested", "apprehend": "arrested", "capture": "arrested", "abduct": "arrested",
    "displace": "displaced", "flee": "displaced", "evacuate": "displaced", "uproot": "displaced",
    "deploy": "troops", "send": "troops", "dispatch": "troops", "station": "troops",
    "mobilize": "troops", "mobilise": "troops", "withdraw": "troops",
}
EVENT_NOUNS = {
    "dead": "killed", "death": "killed", "fatality": "killed", "body": "killed",
    "toll": "killed", "victim": "killed", "killed": "killed",
    "injured": "injured", "wounded": "injured", "injury": "injured", "casualty": "injured",
    "arrest": "arrested", "detainee": "arrested", "detention": "arrested",
    "prisoner": "arrested", "arrested": "arrested", "detained": "arrested",
    "refugee": "displaced", "displaced": "displaced", "evacuee": "displaced",
    "troop": "troops", "soldier": "troops", "serviceman": "troops", "servicemen": "troops",
    "personnel": "troops", "marine": "troops", "paratrooper": "troops", "commando": "troops",
}
# Kinds a verb outranks a noun on: "soldiers were killed" is killed, not troops.
VERB_FIRST = frozenset({"killed", "injured", "arrested", "displaced"})

VAGUE = {"dozen": 12, "dozens": 12, "score": 20, "scores": 20, "hundreds": 100,
         "thousands": 1_000, "millions": 1_000_000, "tens": 10, "several": 3, "few": 3,
         "handful": 3}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "k": 1_000, "m": 1_000_000, "mln": 1_000_000}
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1}
HEDGE = re.compile(
    r"(?:more than|over|at least|about|around|nearly|almost|some|up to|approximately|roughly|"
    r"an estimated|estimated|less than|fewer than|as many as|close to|upwards of|just over|"
    r"just under|under|at most|as few as)\s+$", re.IGNORECASE)
SKIP_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})


@dataclass(frozen=True, slots=True)
class Count:
    """A number tied to an event word.

    kind: ``killed``, ``injured``, ``arrested``, ``displaced`` or ``troops``.
    value: the number (a conventional floor for vague quantities, see the module doc).
    exact: False for vague quantities and hedged numbers ("more than", "at least").
    start, end, text: the number phrase as written, hedge included.
    """

    start: int
    end: int
    text: str
    kind: str
    value: int
    exact: bool


def find_counts(doc: Doc | Span) -> list[Count]:
    """Counts in a parsed sentence or document, in text order, one per number phrase."""
    counts: list[Count] = []
    used: set[int] = set()
    for token in doc:
        if token.i in used or not _is_number(token) or token.ent_type_ in SKIP_ENTITIES:
            continue
        phrase = _number_phrase(token)
        if any(t.i in used for t in phrase) or _is_age_or_label(phrase):
            continue
        top = max(phrase, key=lambda t: _depth_rank(t, phrase))
        kind = _kind(top)
        if kind is None:
            continue
        value, vague = _value(phrase)
        if value is None:
            continue
        start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)
        hedge = HEDGE.search(doc.doc.text[max(0, start - 20):start])
        if hedge is not None:
            start -= len(hedge.group(0))
        used.update(t.i for t in phrase)
        counts.append(Count(start=start, end=end, text=doc.doc.text[start:end], kind=kind,
                            value=value, exact=not vague and hedge is None))
    return counts


def _is_number(token: Token) -> bool:
    lower = token.lower_
    return (token.like_num and not token.is_punct) or lower in VAGUE or (lower in WORDS and (
        lower not in {"a", "an"} and token.pos_ == "NUM"))


def _number_phrase(token: Token) -> list[Token]:
    """The contiguous number words around ``token``: "1.5 million", "tens of thousands",
    "hundreds of thousands", "22,000"."""
    doc = token.doc
    start = token.i
    while start > 0 and _part_of_number(doc[start - 1]):
        start -= 1
    end = token.i + 1
    while end < len(doc) and (_part_of_number(doc[end]) or (
            doc[end].lower_ == "of" and end + 1 < len(doc)
            and doc[end - 1].lower_ in {"tens", "hundreds", "thousands", "dozens"}
            and doc[end + 1].lower_ in {"thousands", "millions", "hundreds"})):
        end += 1
    return [doc[i] for i in range(start, end) if doc[i].lower_ != "of"] or [token]


def _part_of_number(token: Token) -> bool:
    lower = token.lower_
    return (token.like_num and not token.is_punct and token.ent_type_ not in SKIP_ENTITIES) \
        or lower in SCALES or (lower in VAGUE and lower not in {"few"})


def _depth_rank(token: Token, phrase: list[Token]) -> int:
    """The phrase's head: the token whose syntactic head lies outside the phrase."""
    return 1 if token.head not in phrase or token.head == token else 0


def _is_age_or_label(phrase: list[Token]) -> bool:
    last = phrase[-1]
    doc = last.doc
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.text in {"-", "–"} and last.i + 2 < len(doc) and doc[
            last.i + 2].lower_ in {"year", "years", "month", "day", "week"}:
        return True
    return last.head.lower_ in {"year", "years", "old", "aged", "age", "percent", "%"}


def _kind(number: Token) -> str | None:
    """Follow the parse from the number to the event word that counts it."""
    noun = number
    if number.dep_ in {"nummod", "quantmod", "amod", "compound", "npadvmod"} and \
            number.head.pos_ in {"NOUN", "PROPN", "ADJ"}:
        noun = number.head
    elif number.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "ROOT",
                         "conj"}:
        of = next((c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if pobj is not None:
            noun = pobj  # "thousands of troops", "dozens of people"
    noun_kind = _noun_kind(noun)
    verb_kind = _verb_kind(noun)
    if verb_kind is None and number.dep_ == "pobj" and number.head.lower_ in {"to", "at"}:
        verb_kind = _toll(number.head.head)  # "the death toll rose to 50"
    if verb_kind in VERB_FIRST:
        return verb_kind
    return noun_kind  # "sent 2,000 troops" is troops; "sent 300 tanks" counts no one


def _noun_kind(noun: Token) -> str | None:
    kind = EVENT_NOUNS.get(noun.lemma_.lower()) or EVENT_NOUNS.get(noun.lower_)
    if kind is not None:
        return kind
    for child in noun.children:  # "people killed", "50 people dead"
        if child.dep_ in {"acl", "amod", "relcl"}:
            verb = EVENT_VERBS.get(child.lemma_.lower())
            if verb in VERB_FIRST:
                return verb
            adjective = EVENT_NOUNS.get(child.lower_)
            if adjective in VERB_FIRST:
                return adjective
    return None


def _verb_kind(noun: Token) -> str | None:
    """The event verb governing the counted noun (up through conjunctions and
    "at least 12 people were killed and 30 wounded")."""
    node = noun
    for _ in range(3):
        head = node.head
        if head == node:
            break
        if node.dep_ in {"nsubj", "nsubjpass", "dobj", "attr", "pobj", "conj", "npadvmod",
                         "oprd", "ccomp", "xcomp", "appos", "agent"} or head.pos_ == "ADP":
            kind = EVENT_VERBS.get(head.lemma_.lower())
            if head.pos_ in {"VERB", "AUX"} and kind is not None:
                return kind
            if head.pos_ == "ADJ" and head.lower_ in EVENT_NOUNS:
                return EVENT_NOUNS[head.lower_]  # "12 were dead"
        for child in node.children:
            if child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in EVENT_VERBS:
                return EVENT_VERBS[child.lemma_.lower()]
        if head.pos_ in {"VERB", "AUX"} and head.lemma_.lower() not in EVENT_VERBS and (
                node.dep_ not in {"conj", "pobj"}):
            break
        node = head
    return None


def _toll(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.lemma_.lower() in {"toll", "death",
                                                                             "number"}:
            return "killed"
    return None


def _value(phrase: list[Token]) -> tuple[int | None, bool]:
    """The number a phrase stands for, and whether it was vague."""
    value: float | None = None
    vague = False
    for token in phrase:
        lower = token.lower_.replace(",", "")
        if lower in VAGUE:
            vague = True
            amount = VAGUE[lower]
            value = amount if value is None else value * amount
        elif lower in SCALES:
            value = SCALES[lower] if value is None else value * SCALES[lower]
        elif lower in WORDS:
            value = WORDS[lower] if value is None else value + WORDS[lower]
        else:
            try:
                number = float(lower)
            except ValueError:
                return None, vague
            value = number if value is None else value * number
    return (int(value) if value is not None else None), vague
