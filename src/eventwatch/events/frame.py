"""The frame of a verb or event noun: what the dependency parse attaches to it.

Patterns are matched against frames, so the grammar lives in one small place: which
dependency labels count as particle, object, preposition, subject and passive agent.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventwatch.actors import ACTS_OF_FORCE
from eventwatch.dictionaries.model import PRE_VERB, SKIP
from eventwatch.events.mood import conditional
from eventwatch.lexicon import (
    ACCIDENT_VERBS,
    CAUSATIVE_VERBS,
    FINITE_TAGS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    WEEKDAYS,
    attribution,
    participle_tail,
    prep_objects,
    to_infinitive,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwatch.dictionaries.model import Pattern

OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})
PREP_DEPS = frozenset({"prep", "agent", "dative"})
# Prepositions that introduce a target when a pattern names none.
TARGET_PREPS = ("to", "with", "against", "on", "at", "toward", "towards", "into", "from",
                "over", "upon", "for", "outside", "along", "across", "inside")
DIRECTION_PREPS = ("to", "toward", "towards", "into")
HELD_BY = "@"  # in frame words, "with@talks": a preposition and the word it hangs on
# Verbs whose subject a controlled verb inherits ("X agreed to meet Y", "X went on to attack").
_INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acomp"})
# Prepositions whose gerund is done by the governing verb's subject ("retaliated by
# expelling", "attacked after accusing"); in "accused X of killing" or "barred X from
# entering" the object does it, so "of" and "from" are not here; "without consulting"
# did not happen.
SUBJECT_GERUND_PREPS = frozenset({"by", "after", "before", "while", "since", "upon",
                                  "through"})


def _sentence_apposition(obj: Token, earlier: list[Token]) -> bool:
    """A second object after a comma says what the whole act was, not what it acted on:
    "called off a joint exercise with Russia, the latest sign of Washington's anger"; unless
    it names some of the first ("killing four aid workers, among them two Canadian women")."""
    doc = obj.doc
    first = obj.left_edge.i
    return obj.dep_ in ("dobj", "oprd") and any(o.dep_ == "dobj" for o in earlier) \
        and first > 0 and doc[first - 1].text == "," and not any(
            c.dep_ == "prep" and c.lower_ in ("among", "including") for c in obj.children)


def conjuncts(token: Token) -> list[Token]:
    """A token and everything coordinated with it ("Russia, Turkey and Iran")."""
    out = [token]
    for conj in token.conjuncts:
        if conj.i > token.i:
            out.append(conj)
    return out


@dataclass(frozen=True, slots=True)
class Frame:
    """Words around a head token, by role."""

    head: Token
    particles: tuple[Token, ...]
    objects: tuple[Token, ...]
    preps: tuple[tuple[str, tuple[Token, ...]], ...]  # (preposition lemma, its objects)
    loose_preps: tuple[tuple[str, tuple[Token, ...]], ...] = ()
    complements: tuple[Token, ...] = ()  # joined infinitive verbs and their "to"
    # Per entry of ``preps``: None, or the word a preposition one level deeper hangs on.
    holders: tuple[Token | None, ...] = ()

    @classmethod
    def of(cls, head: Token) -> Frame:
        particles = tuple(c for c in head.children if c.dep_ == "prt" or _direction_adverb(c))
        objects: list[Token] = []
        for child in head.children:
            # A passive subject is the verb's deep object ("sanctions were imposed").
            if (child.dep_ in OBJECT_DEPS or child.dep_ in PASSIVE_SUBJECT_DEPS) \
                    and not _sentence_apposition(child, objects):
                objects.extend(conjuncts(child))
        preps: list[tuple[str, tuple[Token, ...]]] = []
        for holder in (head, *objects):
            preps.extend(preps_of(holder, particles_too=holder is head))
        holders: list[Token | None] = [None] * len(preps)
        # One level deeper: "call for talks with Greece", "pull out of the deal".
        nested = [t for _, pobjs in preps for t in pobjs]
        nested += [c for c in head.children if c.dep_ in ("prep", "prt") or c in particles]
        for holder in nested:
            if attribution(holder):
                continue
            deeper = preps_of(holder, particles_too=False)
            preps.extend(deeper)
            holders.extend([holder] * len(deeper))
        # Preps the parser hangs on a participle after the object ("warships equipped with
        # missiles to the Syrian coast") may hold the target, but never match pattern words.
        participles = [c for o in objects for c in o.children if c.dep_ == "acl"]
        loose = [p for holder in participles for p in preps_of(holder, particles_too=False)]
        return cls(head, particles, tuple(objects), tuple(preps), tuple(loose), (),
                   tuple(holders))

    def joined(self, other: Frame) -> Frame:
        """This frame plus another's particles, objects and prepositions (PETRARCH reads
        "vowed to wage war on X" as one verb phrase when "wage" is no dictionary verb)."""
        # "begun to question" (xcomp) is one verb phrase; in "signed an accord to supply X"
        # the purpose clause (advcl) lends its targets, not its words.
        verb = (other.head,) if other.head.dep_ == "xcomp" else ()
        marker = tuple(c for v in verb for c in v.children if c.dep_ == "aux" and c.lower_ == "to")
        return Frame(self.head, self.particles + other.particles, self.objects + other.objects,
                     self.preps + other.preps, self.loose_preps + other.loose_preps,
                     (*self.complements, *marker, *verb, *other.complements),
                     self.holders + other.holders)

    def words(self, inner_prepositions_free: bool = True) -> set[str]:
        """Lemmas and lowercased surface forms of everything in the frame.

        Surface forms let dictionaries written in surface words (PETRARCH's SANCTIONS) match,
        and make matching robust to the lemmatizer's occasional slips.
        ``inner_prepositions_free``: a preposition one phrase deeper is a word like any
        other; otherwise it is offered only tied to the phrase it sits in (``HELD_BY``).
        """
        tokens = [*self.particles, *self.objects, *self.complements]
        found: set[str] = set()
        for (prep, pobjs), holder in zip(self.preps, self.holders, strict=True):
            if self._sets_the_scene(prep, pobjs, holder):
                # "clashed with police outside a court": the court is where, so its words
                # match only a pattern that names the preposition (``(ALONG BORDER)``).
                if prep not in PARTICLE_PLACE_PREPS:
                    found.add(prep)
                found.update(f"{w}{HELD_BY}{prep}" for t in _with_modifiers(pobjs)
                             for w in (t.lemma_.lower(), t.lower_))
                found.add(HELD_BY)
                continue
            if holder is None or inner_prepositions_free:
                found.add(prep)
            else:
                # "for his commitment to peace": "to" is the commitment's, so it matches
                # only in a pattern that names "commitment" or "for" too (PETRARCH's nested
                # phrase: ``(FOR TALKS (WITH +))``, ``ASSURANCES_ON &TIETYPES FROM``).
                anchors = [holder, holder.head] if holder.dep_ == "pobj" else [holder]
                found.update(f"{prep}{HELD_BY}{w}" for a in anchors
                             for w in (a.lemma_.lower(), a.lower_))
                found.add(HELD_BY)  # marks that tied words exist, so matching looks for them
            tokens.extend(pobjs)
        # Modifiers of objects count too ("mock attack", "full diplomatic ties").
        for token in _with_modifiers(tokens):
            found.add(token.lemma_.lower())
            found.add(token.lower_)
        found.update(self._before_words())
        return found

    def _sets_the_scene(self, prep: str, pobjs: tuple[Token, ...], holder: Token | None
                        ) -> bool:
        """Whether a prepositional phrase only says where (``PLACE_PREPS``), or where an act
        on an object happened (``SETTING_PREPS`` on the verb, or one phrase deeper on
        anything but an amount)."""
        if prep in PARTICLE_PLACE_PREPS and pobjs and pobjs[0].head.i == self.head.i + 1:
            return False  # "cordoned off the roads": a particle the parser took for a place
        if prep in PLACE_PREPS:
            return True
        if prep not in SETTING_PREPS or not self.objects:
            return False
        if holder is not None:
            return not _an_amount(holder)
        if pobjs and any(_money_or_measure(o) and max(t.i for t in o.subtree) == pobjs[0].head.i - 1
                         for o in self.objects):
            return False  # "suspended $20 million in aid": the parser hung "in" on the verb
        return all(t.head.head == self.head for t in pobjs)

    def _before_words(self) -> set[str]:
        """Words before the verb, marked ``<`` (PETRARCH's pattern words left of ``*``):
        subject heads and their modifiers, auxiliaries and the governing verb of a clause
        without a subject of its own. Not adverbs:
        PETRARCH-2 codes "X recently allowed" and "X was heavily criticized" with the
        verb's default, not with ``RECENTLY *`` / ``HEAVILY *`` (the 2_02 validation)."""
        head = self.head
        tokens = [c for c in head.children if c.dep_ in (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS,
                                                         "aux", "auxpass", "neg")]
        tokens.extend(c for t in list(tokens) for c in t.children
                      if c.dep_ in ("compound", "amod", "nmod", "det", "poss"))
        if head.head != head and not has_own_subject(head) and not participle_tail(head):
            # "X wants to meet": the governing verb; not in "X indicated it deplored Y", nor
            # in "bombed Gori, killing civilians" (no bomb killed them).
            tokens.append(head.head)
        found = set()
        for token in tokens:
            found.add(PRE_VERB + token.lemma_.lower())
            found.add(PRE_VERB + token.lower_)
        return found

    def matches(self, pattern: Pattern, words: set[str]) -> bool:
        tied = HELD_BY in words
        return all(w in words or (tied and any(f"{w}{HELD_BY}{h}" in words
                                               for h in pattern.words))
                   for w in pattern.words) and all(
            _side_by_side(self.head.doc, chain) for chain in pattern.chains)

    def is_prep(self, word: str) -> bool:
        return any(prep == word for prep, _ in self.preps)

    def slot(self, after: str, pattern: Pattern) -> list[Token]:
        """Tokens that fill the slot a ``+``/``$`` marker after ``after`` points at.

        ``^in`` (PETRARCH's ``(IN ^) +``): the verb phrase's tokens right of the skipped
        phrase, the object of ``in``; ``^talks`` (``TALKS ^ +``): right of the phrase after
        the object noun.
        """
        if after.startswith(SKIP):
            return self._after_skipped(after.lstrip(SKIP), pattern)
        prep_objects = [t for prep, pobjs in self.preps if prep == after for t in pobjs]
        if prep_objects:
            return prep_objects
        if after == pattern.lemma or after in {t.lemma_.lower() for t in self.particles}:
            return list(self.objects)
        noun = self._noun(after)
        if noun is not None:
            # "MONEY $" / "EMBASSY +": the noun itself if it is an actor, else the phrase
            # after it ("received by courier money from X"); the coder takes the first actor.
            return [noun, *(t for t in phrase_after(self.head) if t.i > noun.i)]
        return []

    def takes_first_actor(self, after: str, pattern: Pattern) -> bool:
        """A slot after a skipped phrase or after a noun holds the rest of the phrase, of
        which only the first actor counts; a preposition's or the verb's slot holds all."""
        return after.startswith(SKIP) or self._is_noun_slot(after, pattern)

    def _is_noun_slot(self, word: str, pattern: Pattern) -> bool:
        return word != pattern.lemma and not self.is_prep(word) and word not in {
            t.lemma_.lower() for t in self.particles}

    def behind_an_unnamed_prep(self, token: Token, pattern: Pattern) -> bool:
        """Whether ``token`` sits inside a prepositional phrase of the verb whose
        preposition the pattern does not name ("for" in "blamed X for an attack on Y")."""
        while token.i != self.head.i and token.head.i != token.i:
            if token.dep_ == "prep" and token.head.i == self.head.i:
                return not {token.lemma_.lower(), token.lower_} & set(pattern.words)
            token = token.head
        return False

    def _noun(self, word: str) -> Token | None:
        """The object or prepositional object spelt ``word``, if the frame has one."""
        return next((t for t in (*self.objects, *(t for _, pobjs in self.preps for t in pobjs))
                     if word in (t.lemma_.lower(), t.lower_)), None)

    def _after_skipped(self, word: str, pattern: Pattern) -> list[Token]:
        """PETRARCH's ``^`` skips one phrase: a preposition's object, or the phrase that
        follows an object noun; the slot is everything right of it."""
        noun = self._noun(word) if self._is_noun_slot(word, pattern) else None
        anchor = [noun] if noun is not None else self.slot(word, pattern)
        if not anchor:
            return []
        end = max(t.right_edge.i for t in anchor)
        tokens = [t for t in phrase_after(self.head) if t.i > end]
        if noun is not None and tokens:  # the noun is no phrase to skip: skip the next one
            root = tokens[0]
            while root.head != self.head and root.head.i > end:
                root = root.head
            skipped = {t.i for t in root.subtree}
            tokens = [t for t in tokens if t.i not in skipped]
        return tokens

    def modified_only(self, word: str) -> list[Token]:
        """Modifiers spelling ``word`` when the frame reaches it only as one ("government" in
        "attacked government forces"); empty when a main word of the frame spells it."""
        main = [*self.particles, *self.objects, *self.complements,
                *(t for _, pobjs in self.preps for t in pobjs)]
        if any(word in (t.lemma_.lower(), t.lower_) for t in main) or self.is_prep(word):
            return []
        return [c for t in main for c in t.children if c.dep_ in ("compound", "amod")
                and word in (c.lemma_.lower(), c.lower_)]

    def named_objects(self, pattern: Pattern) -> set[int]:
        """Indices of the objects the pattern's own words name ("proposal" in
        ``- * PROPOSAL``): a target there comes from who owns or modifies them."""
        return {t.i for t in self.objects if _named(pattern, t)}

    def default_targets(self, pattern: Pattern, *, addressee_clause: bool = False,
                        any_prep: bool = False, clause_after: bool = False) -> Iterator[Token]:
        """Direct objects first, then the usual target prepositions, in that order.

        Words the pattern itself names ("warship" in "send warship") are not targets.
        ``clause_after``: only a clause after the verb names an addressee; in "X will do Y,
        an official said" the clause is what was said, not who was spoken to (PETRARCH).
        """
        def unnamed(token: Token) -> bool:
            return not _named(pattern, token)

        # "give Tanzania a grant": the dative noun is the recipient.
        yield from (t for c in self.head.children if c.dep_ == "dative" and not any(
            g.dep_ == "pobj" for g in c.children) for t in conjuncts(c))
        yield from (t for t in self.objects if unnamed(t))
        # "condemned attacks by the Houthis on Saudi Arabia": who did what the pattern names.
        yield from (p for o in self.objects if not unnamed(o) for p in prep_objects(o, "by"))
        # "welcomed the withdrawal of US troops from Baghdad": whose withdrawal, not whence
        # (unless an owner says it first: "suspended Mali's membership of the AU").
        # So too for a named word deeper in ("demanded a timetable for the withdrawal of US
        # troops from Iraq").
        # An adjective of manner says no owner ("the immediate withdrawal of Russian troops").
        named = [*self.objects, *(t for _, pobjs in self.preps for t in pobjs)]
        # "called for a swift withdrawal of Russian troops": what a named preposition's
        # phrase asks for is named too (CALL ``- * (FOR)``).
        asked = {t.i for prep, pobjs in self.preps if prep in pattern.words
                 and prep != pattern.lemma for t in pobjs}
        yield from (p for o in named if (not unnamed(o) or o.i in asked) and not any(
                        c.dep_ == "poss" or (_owner_modifier(c)
                                             and c.lower_ not in MANNER_ADJECTIVES)
                        for c in o.children)
                    for p in prep_objects(o, "of"))
        # "held talks with Sarkozy before flying to Tbilisi": whom the named object is with
        # comes before a later phrase's target.
        yield from (p for wanted in TARGET_PREPS for o in self.objects if not unnamed(o)
                    for p in prep_objects(o, wanted) if unnamed(p))
        # "suspended Mali's membership", "rejected a US proposal": a named object's possessor
        # or modifier is the target (the object token holds its modifiers' actors).
        for obj in self.objects:
            if not unnamed(obj):
                yield from (c for c in obj.children if c.dep_ == "poss")
                if any(_owner_modifier(c) for c in obj.children):  # not "artillery fire"
                    yield obj
        for wanted in TARGET_PREPS:
            for prep, pobjs in self.preps:
                if prep == wanted:
                    yield from (t for t in pobjs if unnamed(t) and not self._during(t))
        for wanted in DIRECTION_PREPS:
            for prep, pobjs in self.loose_preps:
                if prep == wanted:
                    yield from pobjs
        asking = pattern.code[:2] in ASKING_ROOTS
        if addressee_clause and asking:
            # "demanded in Tbilisi that Russian troops leave": the one asked, before where.
            yield from self._addressed(asking, clause_after)
        if any_prep:
            # PETRARCH's "anywhere after the verb": "In Washington, Congress debated the
            # bills" sets the scene before the verb, for nobody.
            yield from (t for prep, pobjs in self.preps if prep not in TARGET_PREPS
                        for t in pobjs if unnamed(t) and t.i > self.head.i
                        and not self._during(t))
        if addressee_clause and not asking:
            yield from self._addressed(asking, clause_after)

    def _during(self, token: Token) -> bool:
        """Whether the token is in a "during" phrase of the verb's: "describing it as
        unacceptable during a visit to Kiev" says when, and Kiev heard nothing."""
        while token != self.head and token.head != token:
            if token.dep_ == "prep" and token.lower_ == "during":
                return True
            token = token.head
        return False

    def _addressed(self, asking: bool, clause_after: bool) -> Iterator[Token]:
        """"demanded that Russia withdraw": the clause's subject is the one addressed; one
        asked for also a passive one ("demanded that Musharraf be stripped of his
        immunity"), but not what a saying says was done ("said 71 people were arrested")."""
        deps = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS if asking else SUBJECT_DEPS
        for clause in self.head.children:
            if clause.dep_ == "ccomp" and (not clause_after or clause.i > self.head.i):
                yield from (c for c in clause.children if c.dep_ in deps)


# Clauses hanging off a verb that are events or asides of their own, not its phrase.
OWN_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "parataxis", "conj", "csubj", "nsubj",
                             "nsubjpass", "mark", "punct"})


def _side_by_side(doc: Doc, chain: tuple[str, ...]) -> bool:
    """Do the chain's words follow each other somewhere in the sentence, determiners,
    possessives and punctuation aside ("on some programs" is ``(ON PROGRAMS)``)?"""
    forms = [(t.lemma_.lower(), t.lower_) for t in doc
             if t.pos_ not in ("DET", "PUNCT") and t.dep_ != "poss"]
    n = len(chain)
    return any(all(chain[k] in forms[i + k] for k in range(n))
               for i in range(len(forms) - n + 1))


def cut_off_fragment(verb: Token) -> list[Token]:
    """The first verbless piece after the verb that the parser made a root of its own
    ("broke into an anti- Gondor parade" comes back with "Gondor parade" as a second root):
    it belongs to the verb's phrase."""
    own_root = verb
    while own_root.head != own_root:
        own_root = own_root.head
    for token in verb.doc[verb.i + 1 :]:
        if token.head == token and token != own_root:
            tree = list(token.subtree)
            if token.pos_ in ("NOUN", "PROPN") and not any(t.pos_ == "VERB" for t in tree):
                return tree
            return []
    return []


def phrase_after(verb: Token) -> Iterator[Token]:
    """Tokens of the verb's phrase after it, in order (PETRARCH reads phrases left to right).
    The party named before a hyphened participle is left out: "signed a French-brokered
    deal" is no deal with France (PETRARCH's parser keeps "French-brokered" one word); so is
    the broker of "a truce brokered by Egypt", and an aside ("despite objections from
    Moscow", ``ASIDE_PREPS``), and a phrase that says when ("a week after talks in Tbilisi",
    "during a visit to Kiev").
    """
    for child in verb.children:
        if child.i > verb.i and child.dep_ not in OWN_CLAUSE_DEPS and not attribution(child) \
                and child.lower_ not in ASIDE_PREPS and child.lower_ != "during" \
                and not _measured_in_time(child):
            # who brokered it, another story, a relative clause's subject: not the verb's
            apart = {t.i for c in child.subtree
                     if _brokered(c) or _a_story_of_its_own(c) or _relative_clause_subject(c)
                     or _suffered_by_another(c) or _relative_story(c) for t in c.subtree}
            yield from (t for t in child.subtree
                        if not _before_hyphened_participle(t) and t.i not in apart)


def _a_story_of_its_own(clause: Token) -> bool:
    """A finite adverbial clause with a subject of its own, deeper in the phrase, tells
    another story: "agreed to establish relations for the first time since they won
    independence from France" is no agreement with France; so does what a custom says
    (``HABIT_NOUNS``). A condition is part of the act
    ("threatened to shell the bases if Damascus did not ..."), and so is "for X to do Y"
    ("called for the generals to be tried")."""
    if _content_clause(clause) and clause.head.lemma_.lower() in HABIT_NOUNS:
        return True  # "breaking with the tradition that premiers visit India first"
    return clause.dep_ == "advcl" and has_own_subject(clause) and not to_infinitive(
        clause) and not conditional(clause)


def _relative_story(clause: Token) -> bool:
    """A relative clause with a subject of its own tells what others did: "issued arrest
    warrants for leaders of the alliance whose supporters have occupied Government House"
    (a clause whose subject is its relative pronoun describes the object: "a group that
    attacked X")."""
    return clause.dep_ == "relcl" and any(
        c.dep_ in SUBJECT_DEPS and c.tag_ not in ("WP", "WDT") for c in clause.children)


def _suffered_by_another(clause: Token) -> bool:
    """A participle that says what others did to the object in an act of force: "paid homage
    to the paratroopers killed in a Taliban ambush" (the Taliban are no party to the homage;
    "rejected proposals laid out by the Assembly" still names the Assembly)."""
    return clause.dep_ == "acl" and clause.tag_ == "VBN" and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(
            o.dep_ == "pobj" and o.lemma_.lower() in ACTS_OF_FORCE for o in c.children)
        for c in clause.children)


def _relative_clause_subject(token: Token) -> bool:
    """Who does what a relative clause says is no party to the verb it hangs under: "said it
    had launched a rocket, a move Washington called troubling" (nor is any word of that
    subject's phrase: "the United States")."""
    return token.dep_ in SUBJECT_DEPS and token.head.dep_ == "relcl"


# Participles that name a go-between, not a party: "a truce brokered by Egypt".
_GO_BETWEEN = frozenset({"broker", "mediate"})


def _brokered(token: Token) -> bool:
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_.lower() in _GO_BETWEEN


# Roots of asking: appeals and demands (their clause says what someone is asked to do).
ASKING_ROOTS = frozenset({"02", "10"})
# Nouns that name a go-between's part: "resumed talks under UN mediation", "met under the
# auspices of the African Union". The go-between is no party (a "mediator" one talks with is).
_GO_BETWEEN_NOUNS = frozenset({"mediation", "auspices", "aegis", "sponsorship", "brokerage"})
_UNDER_WHOM = frozenset({"under", "through", "via", "with", "amid"})


def go_between(token: Token) -> bool:
    """Whether the word names a go-between's part under which something was done, or who
    played it ("under UN mediation", "under the mediation of X", "through Egypt's
    mediation")."""
    for _ in range(4):
        if token.lemma_.lower() in _GO_BETWEEN_NOUNS or token.lower_ in _GO_BETWEEN_NOUNS:
            # "agreed to US mediation", "called for UN mediation": the go-between's offer
            # is what is acted on.
            return token.dep_ == "pobj" and token.head.lower_ in _UNDER_WHOM
        if token.dep_ in ("compound", "amod", "poss", "flat"):
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ == "of":
            token = token.head.head
        else:
            return False
    return False


def _before_hyphened_participle(token: Token) -> bool:
    head = token.head
    return (token.dep_ == "npadvmod" and head.dep_ == "amod" and head.tag_ == "VBN"
            and token.i + 2 == head.i and token.nbor(1).text == "-")


def clauses_told_with(verb: Token) -> list[Token]:
    """The clauses that tell one story with the verb: the clause it is tacked on ("beat
    Djokovic, ..." under "won the title") and the clauses tacked on it ("beat Djokovic to
    win the title", "completed its investment, taking a stake")."""
    told = [verb.head] if verb.dep_ in ("advcl", "conj") else []
    return told + [c for c in verb.children if c.dep_ == "advcl"]


# Adjectives that say how or when an act is done, not whose it is.
MANNER_ADJECTIVES = frozenset({"immediate", "full", "complete", "total", "swift", "rapid",
                               "quick", "prompt", "speedy", "gradual", "partial", "phased",
                               "unconditional", "orderly", "early", "eventual", "further"})


def _owner_modifier(token: Token) -> bool:
    """A proper-name or adjective modifier that says whose an object is ("a US proposal");
    a noun does not ("artillery fire"), nor a name hyphened to a participle, which did what
    the participle says ("the UN-brokered deal")."""
    doc = token.doc
    return token.dep_ in ("compound", "amod") and token.pos_ in ("PROPN", "ADJ") and \
        token.text[:1].isalpha() and not (
            token.i + 2 < len(doc) and doc[token.i + 1].text == "-"
            and doc[token.i + 2].tag_ == "VBN")


def _named(pattern: Pattern, token: Token) -> bool:
    """Whether the pattern's own words name the token, by lemma or surface form
    (``WARSHIPS`` names "warships", lemma "warship")."""
    return token.lemma_.lower() in pattern.words or token.lower_ in pattern.words


# Prepositions whose phrase is an aside to the act, not part of it: "pressed deeper into
# Georgia despite a ceasefire" is no PRESS ``- * &CEASEFIRE`` (pressing for a ceasefire).
ASIDE_PREPS = frozenset({"despite", "notwithstanding", "amid", "amidst", "without"})
# Prepositions that say where an act on an object happened ("arrested a commander in the
# town of Nablus"): on a verb with an object, or one phrase deeper ("arrested by forces in
# the town of Nablus"), their words match only with them, as PLACE_PREPS do ("provided $400
# million in aid" keeps its aid: "in" is on an amount). "During" says when an act on an
# object happened: "backed Russia's operation during talks with Medvedev" is no ``- * TALKS``.
SETTING_PREPS = frozenset({"in", "at", "during"})
# Prepositions that only say where: their objects are places, not what a pattern names.
PLACE_PREPS = frozenset({"outside", "near", "inside", "beside", "behind", "beyond", "around",
                         "opposite", "along", "across", "off"})
# Place prepositions that are particles too: a pattern naming one alone means the particle
# ("kick off" talks: ``- * OFF``), never the place ("attacked a navy patrol off the coast").
PARTICLE_PLACE_PREPS = frozenset({"off"})


def _money_or_measure(token: Token) -> bool:
    """"$20 million", "20 million dollars", "500 tonnes"; not "four Egyptian Shiites"."""
    return token.tag_ == "$" or token.ent_type_ in ("MONEY", "QUANTITY")


def _an_amount(token: Token) -> bool:
    """"$1.5 billion", "500 tonnes": what an "in" phrase on it says is what it is made of."""
    return token.tag_ == "$" or token.like_num or any(
        c.dep_ in ("nummod", "quantmod") for c in token.children)


def _with_modifiers(tokens: Iterable[Token]) -> list[Token]:
    """The tokens and their compound and adjective modifiers."""
    tokens = list(tokens)
    return tokens + [c for t in tokens for c in t.children if c.dep_ in ("compound", "amod")]


# Particles that send a verb somewhere without making it another verb ("forced out").
DIRECTION_PARTICLES = frozenset({"back", "down", "out", "away"})
# Adverbs of direction the parser leaves as advmod right after the verb: "pulled back from
# South Ossetia" is PETRARCH's ``- * BACK`` (0874, retreat) as much as a particle would be.
DIRECTION_ADVERBS = DIRECTION_PARTICLES | {"off"}


def _direction_adverb(token: Token) -> bool:
    return token.dep_ == "advmod" and token.lower_ in DIRECTION_ADVERBS \
        and token.i == token.head.i + 1


def preps_of(holder: Token, particles_too: bool = False) -> list[tuple[str, tuple[Token, ...]]]:
    """A holder's prepositions with their objects; "on Monday" or "in August" says when, so
    it neither matches a pattern's preposition (PRESS ``- * ON`` is "pressed on") nor holds
    a target; "despite a ceasefire" is an aside (``ASIDE_PREPS``)."""
    found = []
    for child in holder.children:
        if child.lower_ in ASIDE_PREPS:
            continue
        if child.dep_ in PREP_DEPS or (particles_too and child.dep_ == "prt"):
            pobjs = [t for c in child.children if c.dep_ in ("pobj", "pcomp")
                     for t in conjuncts(c)]
            if (pobjs and all(_says_when(t) for t in pobjs)) or _measured_in_time(child):
                continue
            found.append((child.lemma_.lower(), tuple(pobjs)))
    return found


def in_a_time_phrase(token: Token) -> bool:
    """Whether the token heads a phrase or clause of sequence measured in time ("hours
    before watching the game", "hours before the game began")."""
    if token.dep_ == "prep":
        return _measured_in_time(token)
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in SEQUENCE_PREPS for c in token.children) and any(
        c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME") for c in token.children)


def _measured_in_time(prep: Token) -> bool:
    """"a week after talks in Moscow", "hours before the vote": a span of time before the
    preposition of sequence makes its phrase say when, whatever it names; so does one after
    it ("signed the accord after five hours of talks with Rice": no accord with Rice). (A
    day the parser hung on another preposition, "agreed to share information Friday on
    missing people", does not.)"""
    return prep.lower_ in SEQUENCE_PREPS and any(
        (c.dep_ == "npadvmod" or (c.dep_ == "pobj" and c.pos_ != "PROPN"))
        and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


SEQUENCE_PREPS = frozenset({"after", "before", "since", "following", "ahead", "prior",
                            "until", "till"})


def _says_when(token: Token) -> bool:
    """A date or time, not a name the parser ended with one ("met Bashar Assad Tuesday"),
    nor a common noun spelt like a month ("called for a march")."""
    when = (token.ent_type_ in ("DATE", "TIME") and token.pos_ != "PROPN") or (
        token.lower_ in _WEEKDAYS or (token.lower_ in _MONTHS and token.text[:1].isupper()))
    return when and all(_says_when(c) for c in token.children if c.dep_ == "compound")


_WEEKDAYS = WEEKDAYS | {"weekend", "today", "yesterday", "tomorrow"}
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july",
                     "august", "september", "october", "november", "december"})


def subjects(verb: Token, depth: int = 0, gerund_preps: Collection[str] = SUBJECT_GERUND_PREPS
             ) -> tuple[list[Token], bool]:
    """Subjects of a verb and whether they are passive subjects (patients, not agents).

    ``gerund_preps``: prepositions whose gerund is done by the governing verb's subject."""
    active = [t for c in verb.children if c.dep_ in SUBJECT_DEPS for t in conjuncts(c)]
    auxpass = [c for c in verb.children if c.dep_ == "auxpass"]
    if not active:  # "X was heavily criticized": the parser may hang X on the auxiliary
        active = [t for a in auxpass for c in a.children if c.dep_ in SUBJECT_DEPS
                  for t in conjuncts(c)]
    if active:
        # ... and label it nsubj next to an auxpass: still the passive's patient.
        return active, bool(auxpass)
    passive = [t for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS for t in conjuncts(c)]
    if passive:
        return passive, True
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return conjuncts(verb.head), False
    speaker = _quoted_speaker(verb)
    if speaker is not None:
        return conjuncts(speaker), False
    # "Iran issued a statement condemning the raid", "X retaliated by expelling Y", "X was
    # arrested after attacking Y": another verb's subject did it (active, unless passive).
    doer_verb = _statement_author(verb) or _governing_verb(verb, gerund_preps)
    if depth < 3 and doer_verb is not None:
        return subjects(doer_verb, depth + 1, gerund_preps)[0], bool(auxpass)
    caused = _made_to_act(verb)
    if caused:
        return caused, bool(auxpass)
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp") \
            and verb.head.lemma_.lower() in ACCIDENT_VERBS:
        return [], False  # "a jet crashed on take-off, killing 150 people": nobody's doing
    anchor = _finite_anchor(verb)
    if depth < 3 and anchor is not None:
        return subjects(anchor, depth + 1, gerund_preps)[0], bool(auxpass)
    if depth < 3 and verb.dep_ in _INHERIT_DEPS and verb.head != verb:
        found, passive = subjects(verb.head, depth + 1, gerund_preps)
        if verb.dep_ == "xcomp":  # "X was seen to break in": X breaks in, unless the
            passive = bool(auxpass)  # complement is passive itself ("to be arrested")
        elif _passive_participle(verb):
            passive = True  # "X appeared in court, charged with trying to kill Y": X was
        return found, passive
    return [], False


def _passive_participle(verb: Token) -> bool:
    """A past participle tacked on a clause with no auxiliary of its own is passive: "charged
    with", "backed by" ("having charged" is not)."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass", "mark") for c in verb.children)


def _made_to_act(verb: Token) -> list[Token]:
    """'The deal prompted a Russian general to warn Warsaw': the object of a causative verb
    does what its infinitive says (not the deal, nor whoever signed it)."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in CAUSATIVE_VERBS:
        return []
    return [t for c in verb.head.children if c.dep_ == "dobj" for t in conjuncts(c)]


def quoted_as(verb: Token) -> Token | None:
    """The gerund of "Interfax quoted Lavrov as saying …" (or "cited X as warning"): the
    quoting verb only says where the words come from."""
    return next((gerund for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "as"
                 for gerund in prep.children if _quoted_speaker(gerund) is not None), None)


def _quoted_speaker(verb: Token) -> Token | None:
    """Lavrov in "quoted Lavrov as saying" or "Lavrov was quoted as saying": the quoting
    verb's object speaks."""
    quoting = _governing_verb(verb, ("as",)) if verb.tag_ == "VBG" else None
    if quoting is None:
        return None
    return next((c for c in quoting.children if c.dep_ in ("dobj", "nsubjpass")), None)


# Nouns for one's own words: "said in a statement that …", "issued a communique that …".
STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "interview", "speech",
                             "letter", "message", "announcement", "declaration", "address",
                             "broadcast", "briefing", "conference", "remark", "comment"})


# Nouns whose that-clause is a proposition nobody asserts happened: "rejected the EU's
# demand that Belgrade impose sanctions", "denied charges that his government helped".
PROPOSITION_NOUNS = frozenset({"demand", "call", "request", "proposal", "suggestion",
                               "accusation", "allegation", "charge", "claim", "hope", "wish",
                               "fear", "speculation", "rumour", "rumor", "suspicion",
                               "expectation", "possibility", "prospect", "idea", "belief",
                               "notion", "theory", "assumption", "perception", "impression"})
# Nouns whose that-clause says what is usually done, not what was done: "breaking with the
# tradition that Nepalese premiers make their first trip to India".
HABIT_NOUNS = frozenset({"tradition", "custom", "convention", "practice", "habit", "norm"})


# Nouns whose denial says a that-clause is not so: "there was no sign that Russian forces
# were advancing" ("no doubt that" still asserts it).
EVIDENCE_NOUNS = frozenset({"sign", "evidence", "indication", "proof", "confirmation", "hint"})


def has_own_subject(verb: Token) -> bool:
    """Whether the verb has a subject (active or passive) of its own."""
    return any(c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children)


def _content_clause(clause: Token) -> bool:
    """A that-clause with a subject of its own that the parser hung on a noun (not a true
    relative clause: "a statement that was issued")."""
    return clause.dep_ in ("relcl", "acl") and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and has_own_subject(
        clause)


def unasserted(verb: Token) -> bool:
    """Whether the verb's clause only states a proposition (``PROPOSITION_NOUNS``) or one
    there is no sign of (``EVIDENCE_NOUNS``), alone or coordinated with or governed by such
    a clause."""
    current = verb
    for _ in range(4):
        if _content_clause(current):
            noun = current.head
            return noun.lemma_.lower() in PROPOSITION_NOUNS | HABIT_NOUNS or (
                noun.lemma_.lower() in EVIDENCE_NOUNS
                and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children))
        if current.dep_ not in ("conj", "xcomp", "ccomp") or current.head == current:
            return False
        current = current.head
    return False


def content_clause_head(clause: Token) -> Token | None:
    """The verb whose noun holds a that-clause the parser hung on the noun as a relative or
    adjectival clause: in "said in a statement that it had asked X", what was said."""
    if not _content_clause(clause):
        return None
    noun = clause.head
    if noun.lemma_.lower() not in STATEMENT_NOUNS:
        return None  # "denied charges that X", "voiced hope that X": not the subject's words
    holder = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
    return holder if holder is not None and holder.pos_ in ("VERB", "AUX") else None


def reported_clauses(verb: Token) -> list[Token]:
    """The verb's that-clauses and infinitives, including a that-clause on its noun."""
    found = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    nouns = [c for c in verb.children if c.dep_ == "dobj"]
    nouns += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    found += [c for n in nouns for c in n.children if content_clause_head(c) == verb]
    return sorted(found, key=lambda t: t.i)


# Things issued whose participle speaks for the issuer ("a resolution condemning X").
ISSUED_NOUNS = STATEMENT_NOUNS | {"resolution", "report"}
# Verbs whose subject is the author of the statement they take as object.
ISSUING_VERBS = frozenset({"issue", "release", "send", "publish", "deliver", "make", "post",
                           "write", "sign", "adopt", "pass", "circulate"})


def _statement_author(verb: Token) -> Token | None:
    """The issuing verb of a statement a participle hangs on ("issued a statement
    condemning X", "sent a letter accusing X"); not "vetoed a resolution demanding X"."""
    noun = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and noun.dep_ == "dobj" \
            and noun.lemma_.lower() in ISSUED_NOUNS \
            and noun.head.lemma_.lower() in ISSUING_VERBS:
        return noun.head
    return None


def _finite_anchor(verb: Token) -> Token | None:
    """The finite verb a finite verb is really coordinated with, when the parser coordinates
    it with an infinitive or participle below that verb: in "deplored Russia's move to
    recognise the regions and called on Moscow to honour the ceasefire", "called" hangs on
    "recognise" but goes with "deplored"."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS or head.tag_ not in ("VB", "VBG"):
        return None
    return next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")
                 and a.tag_ in FINITE_TAGS), None)


def _governing_verb(verb: Token, gerund_preps: Collection[str]) -> Token | None:
    """The verb whose subject does a gerund under one of ``gerund_preps``. Not a passive's
    "by": "people were displaced by fighting in Mindanao" did no fighting. Nor a phrase
    that opens a clause of its own, which the parser marks with "that": "warned Poland that
    by agreeing to host the shield it was exposing itself" (Poland agreed)."""
    prep = verb.head
    if verb.dep_ == "pcomp" and prep.dep_ == "prep" and prep.lower_ in gerund_preps \
            and prep.head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ == "mark" for c in prep.children) and not (
                prep.lower_ == "by" and any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass"
                                            for c in prep.head.children)):
        return prep.head
    return None


def passive_agents(verb: Token) -> list[Token]:
    """The ``by`` phrase of a passive verb: its real source."""
    return [t for c in verb.children if c.dep_ == "agent"
            for p in c.children if p.dep_ == "pobj" for t in conjuncts(p)]
