"""Immutable in-memory indexes that the coder reads: phrases → entries, lemmas → patterns.

Both the built-in TSV dictionaries and PETRARCH dictionaries load into these structures, so
one coder serves both sources of knowledge. Nothing here changes after construction.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from eventwatch.dictionaries.words import iter_words
from eventwatch.errors import DictionaryError

# Entry kinds: how an actor phrase takes part in composing a CAMEO actor code.
COUNTRY = "country"  # Turkey, Turkish → TUR
CAPITAL = "capital"  # Ankara → TURGOV (a metonym for the government)
AGENT = "agent"  # troops → MIL (a sector appended to a country)
PERSON = "person"  # Mevlut Cavusoglu → TURGOV on dates in office
NAMED = "named"  # organisations, armed groups, seats of power: a full code
# Code prefixes of organisations (international, non-governmental, multinational bodies):
# a three-letter one is a kind of body, never a country (Phoenix's "AID_GROUP_ [NGO]").
ORG_PREFIXES = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC", "INT"})
# The code of a pattern that matches to block coding (PETRARCH's ``[---]``; also allowed in
# the built-in verbs.tsv): "dismissed two army commanders" is no ``dismiss +`` rejection.
NO_EVENT = "---"
# Suffix of the id of an entry that stands for a person named by surname alone ("Saakashvili"
# for MIKHEIL_SAAKASHVILI_): its phrase may only be a person, never a modifier of a thing.
SURNAME_MARK = "#surname"
# ... and of one shared by several people: it names whichever of them holds a role that day.
IN_OFFICE_MARK = "#in-office" + SURNAME_MARK


def by_surname_alone(entry: Entry) -> bool:
    """Whether the entry is a person's, reached by surname alone (``SURNAME_MARK``)."""
    return entry.id.endswith(SURNAME_MARK)


def in_office_only(entry: Entry) -> bool:
    """Whether the entry is reached by a surname several people share (``IN_OFFICE_MARK``)."""
    return entry.id.endswith(IN_OFFICE_MARK)


@dataclass(frozen=True, slots=True)
class DatedCode:
    """One code of an entry and the dates it applies (``None`` = open-ended)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    role: str = ""

    @property
    def dated(self) -> bool:
        """Whether either end is dated (a role held for a time, not the entry's fallback)."""
        return self.start is not None or self.end is not None

    def applies(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """A dictionary entry that phrases point at.

    id (str): provenance id, ``<file>:<entry>``, e.g. ``people:mevlut_cavusoglu``.
    kind (str): one of COUNTRY, CAPITAL, AGENT, PERSON, NAMED.
    codes (tuple): dated codes; the undated one (if any) is the fallback.
    """

    id: str
    kind: str
    codes: tuple[DatedCode, ...]
    source: str = ""

    def in_office(self, day: dt.date) -> bool:
        """Whether a role with both ends dated covers ``day``: an open-ended one (">2004")
        runs on long after the files were written, so it says little about the day."""
        return any(c.start is not None and c.end is not None and c.applies(day)
                   for c in self.codes)

    def code_on(self, day: dt.date | None) -> str | None:
        """The code in force on ``day``; the undated fallback when no range covers it."""
        dated = [c for c in self.codes if c.dated]
        undated = [c for c in self.codes if not c.dated]
        if day is not None:
            applying = [c for c in dated if c.applies(day)]
            if applying:  # the narrowest range wins: it was written as the exception
                return min(applying, key=_span).code
        else:
            # No date known: the current (open-ended) role is the best guess.
            for code in dated:
                if code.end is None:
                    return code.code
        return undated[0].code if undated else None


def _span(code: DatedCode) -> int:
    """Days a dated code covers; open-ended ranges count as unbounded."""
    if code.start is None or code.end is None:
        return 10**9
    return (code.end - code.start).days


# What dictionary readers produce for PhraseIndex: (folded words, entry, required surface).
PhraseRow = tuple[tuple[str, ...], Entry, str | None]


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """A dictionary phrase found in text: character offsets and the entries it names."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class _Phrase:
    words: tuple[str, ...]
    entry: Entry
    surface: str | None  # required surface (letters only) for case-sensitive acronyms


class PhraseIndex:
    """Longest-match phrase lookup over normalised words."""

    __slots__ = ("_by_first", "_size")

    def __init__(self, phrases: Iterable[PhraseRow]) -> None:
        by_first: dict[str, list[_Phrase]] = defaultdict(list)
        seen: set[tuple[tuple[str, ...], str, str | None]] = set()
        for words, entry, surface in phrases:
            if not words or (words, entry.id, surface) in seen:
                continue
            seen.add((words, entry.id, surface))
            by_first[words[0]].append(_Phrase(words, entry, surface))
        for bucket in by_first.values():
            bucket.sort(key=lambda p: -len(p.words))
        self._by_first: Mapping[str, tuple[_Phrase, ...]] = MappingProxyType(
            {k: tuple(v) for k, v in by_first.items()}
        )
        self._size = len(seen)

    def __len__(self) -> int:
        return self._size

    def has_candidate(self, text: str) -> bool:
        """Cheap pre-parse check: does any word of ``text`` start a dictionary phrase?"""
        by_first = self._by_first
        return any(folded in by_first for folded, _, _, _ in iter_words(text))

    def find(self, text: str, offset: int = 0) -> list[PhraseMatch]:
        """Every longest, non-overlapping phrase in ``text`` (offsets shifted by ``offset``)."""
        words = list(iter_words(text, offset))
        matches: list[PhraseMatch] = []
        i = 0
        while i < len(words):
            length, entries = self._match_at(words, i)
            if length:
                start, end = words[i][2], words[i + length - 1][3]
                matches.append(PhraseMatch(start, end, text[start - offset : end - offset],
                                           entries))
                i += length
            else:
                i += 1
        return matches

    def _match_at(self, words: list[tuple[str, str, int, int]], i: int
                  ) -> tuple[int, tuple[Entry, ...]]:
        bucket = self._by_first.get(words[i][0])
        if not bucket:
            return 0, ()
        best_len = 0
        found: list[Entry] = []
        for phrase in bucket:
            n = len(phrase.words)
            if n < best_len:
                break
            if i + n > len(words) or any(words[i + k][0] != w for k, w in enumerate(phrase.words)):
                continue
            if phrase.surface is not None:
                surface = "".join(words[i + k][1] for k in range(n))
                if surface != phrase.surface:
                    continue
            best_len = n
            found.append(phrase.entry)
        return best_len, tuple(found)


# Prefix of a slot after a skipped phrase: target_after "^in" is PETRARCH's "(IN ^) +".
SKIP = "^"
# Prefix of pattern words wanted before the verb (the subject, an adverb, an auxiliary):
# "<military". A frame offers them as "<" + lemma, never as plain words.
PRE_VERB = "<"


@dataclass(frozen=True, slots=True)
class Pattern:
    """A verb or noun pattern: the head lemma, words its frame must contain, and the code.

    target_after / source_after: the pattern word that the ``+`` / ``$`` marker follows
    (the head lemma itself means the direct object); ``None`` when the marker is absent.
    reverse_code: PETRARCH's ``[042:043]``: also code target → source with this code
    ("X left for Y for talks": X visits Y, 042, and Y hosts X, 043).
    chains: runs of pattern words that must stand side by side in the sentence, articles and
    other determiners aside (PETRARCH's ``(FOR ASYLUM)``: "for foreign asylum" does not match).
    """

    id: str
    kind: str
    lemma: str
    words: tuple[str, ...]
    code: str
    future_code: str | None
    target_after: str | None
    source_after: str | None
    text: str
    reverse_code: str | None = None
    chains: tuple[tuple[str, ...], ...] = ()

    @property
    def specificity(self) -> int:
        return len(self.words)


class PatternIndex:
    """Patterns grouped by head lemma, most specific first."""

    __slots__ = ("_by_lemma", "_size")

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        grouped: dict[str, list[Pattern]] = defaultdict(list)
        count = 0
        for pattern in patterns:
            grouped[pattern.lemma].append(pattern)
            count += 1
        self._by_lemma: Mapping[str, tuple[Pattern, ...]] = MappingProxyType(
            {k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in grouped.items()}
        )
        self._size = count

    @classmethod
    def from_groups(cls, groups: Mapping[str, tuple[Pattern, ...]], size: int) -> PatternIndex:
        """An index over ready groups (lemma → patterns, already most specific first).

        Several lemmas may share one tuple: every verb of a PETRARCH verb block has the block's
        patterns, and sharing keeps that cheap. ``size`` is the number of distinct patterns.
        """
        index = cls(())
        index._by_lemma = MappingProxyType(dict(groups))
        index._size = size
        return index

    def __len__(self) -> int:
        return self._size

    def __contains__(self, lemma: object) -> bool:
        return lemma in self._by_lemma

    def get(self, lemma: str) -> tuple[Pattern, ...]:
        return self._by_lemma.get(lemma, ())

    def spelt(self, form: str) -> tuple[Pattern, ...]:
        """The patterns of a form the dictionary spells out ("met", "found" for FIND), else
        of a verb of that name."""
        return self.get(WRITTEN_FORM + form) or self.get(form)

    def lemmas(self) -> frozenset[str]:
        return frozenset(self._by_lemma)


# Index key prefix of a form a dictionary spells out ("=found", FIND's past tense), kept
# apart from the lemma keys ("found", to establish) so both can be looked up.
WRITTEN_FORM = "="
ANY_CODE = "Q"  # a transformation's "any code": in its result, the nested event's own code
ANY_ACTOR = "."  # a transformation role filled by any actor, not bound to a variable
NO_ACTOR = "_"  # a transformation role left empty: an infinitive with no subject of its own


@dataclass(frozen=True, slots=True)
class Transformation:
    """Rewrites an event nested in a coded verb's clause: PETRARCH's ``~ a (b . ATTACK) SAY =
    a b 112`` ("X said Y attacked Z" is X accusing Y, not an attack).

    governor: code of the governing verb (SAY → 010); source: variable of its source.
    nested / result: (source, target, code) of the nested event and of the event that replaces
    both. Roles are variables (``a``, ``b``: each binds one actor, compared by code),
    ANY_ACTOR (also no actor in the nested target) or NO_ACTOR. A code matches itself and its
    children (190: every 19x code); ANY_CODE matches every code.
    """

    id: str
    text: str
    governor: str
    source: str
    nested: tuple[str, str, str]
    result: tuple[str, str, str]

    def match(self, governor_code: str, nested_code: str,
              actors: tuple[str, str | None, str | None]) -> dict[str, int] | None:
        """Where this rule's variables bind, or ``None`` when it does not apply.

        ``actors``: codes of the governor's source, the nested source and the nested target
        (``None``: the role is empty). The answer maps each variable to its position there.
        """
        if not covers(self.governor, governor_code):
            return None
        if self.nested[2] != ANY_CODE and not covers(self.nested[2], nested_code):
            return None
        bound: dict[str, int] = {}
        for position, role in enumerate((self.source, self.nested[0], self.nested[1])):
            code = actors[position]
            if code is None and role == ANY_ACTOR and position == 2:
                continue  # the nested target "." may be empty: "bombed the town of Gori"
            if (role == NO_ACTOR) != (code is None):
                return None  # "_" wants an empty role, every other role an actor
            if code is None:
                continue
            if role in bound:
                if actors[bound[role]] != code:
                    return None
            elif role != ANY_ACTOR:
                if any(actors[p] == code for p in bound.values()):
                    return None  # one actor, one variable: "a (b . X)" is not "a (a . X)"
                bound[role] = position
        return bound


def covers(general: str, code: str) -> bool:
    """CAMEO's hierarchy: a root-level code (``190``) covers its children (``193``, ``1951``);
    any other code covers itself and its four-digit children."""
    family = general[:2] if len(general) == 3 and general.endswith("0") else general
    return code.startswith(family)


@dataclass(frozen=True, slots=True)
class Convention:
    """How a tradition of dictionaries reads a sentence, as named rules.

    The two traditions code the same sentence differently (PETRARCH's validation suites are
    their spec; our dev sentences are ours). The coder and the actor finder consult these
    rules by name, so a third tradition is a new instance, not new branches in the coder.
    """

    name: str
    summary: str
    # Targets: the first actor anywhere after the verb (any preposition, a that-clause's
    # subject, inside the object), not only objects and target prepositions.
    target_anywhere_after_verb: bool = False
    # Future and intended events take CAMEO intent codes ("will meet" → 036), rather than
    # keeping the code as written.
    future_takes_intent_code: bool = True
    # A verb's patterns see the words of its plain infinitive or participle complement
    # ("vowed to wage war on X" matches VOW's ``* WAR``).
    complements_join_verb_phrase: bool = False
    # An event in a coded verb's that-clause or infinitive is nested in that verb and not
    # coded ("X threatened to shell Y" is a threat). Otherwise an intended event replaces
    # the bare intent verb ("agreed to hold talks" is the talks, as intent).
    nests_clause_events: bool = False
    # An agentless passive takes its source from the verb's phrases ("X was criticized over
    # its dispute with Y": Y criticizes X).
    agentless_passive_source: bool = False
    # A negated governing verb negates its complement ("won't try to clash" is no clash).
    negated_governor_negates_complement: bool = True
    # Only forms the lemmatizer reaches regularly are coded ("departes", a typo, is not).
    regular_verb_forms_only: bool = False
    # Every agent of a phrase composes around each of its countries, prefix agents before
    # it (``NGOARNGOV``); made-up country codes count as countries; coordinated agents share
    # every modifier agent of the first.
    all_agents_compose: bool = False
    # Coordinated subjects without a target code against each other whatever the verb
    # ("Gondor and Osgiliath postponed their meeting": both ways, 120). Otherwise only when
    # they cooperate or fight each other, not allies who "launched attacks".
    every_coordination_is_mutual: bool = False
    # A gerund after "after", "before", "while" … is done by the governing verb's subject
    # ("X attacked Y after accusing Z"). Otherwise only a "by" gerund is, which says what
    # was done ("X retaliated by expelling Y"); PETRARCH's suites code no "after leaving".
    time_gerunds_take_subject: bool = True
    # A preposition inside a prepositional phrase matches only patterns that name that
    # phrase too: "praised X for his commitment to peace" is no ``- * (TO)`` (PETRARCH's
    # tree). Otherwise patterns are bags of words ("launch drill around +" for "launched
    # drills in six zones around Taiwan").
    inner_prepositions_need_their_phrase: bool = False
    # "X said Y must do Z" is X demanding Z of Y (CAMEO 10x, ``data/ontology/demand.tsv``).
    # PETRARCH codes only what its dictionaries' verbs say (here X → Y 010).
    obligation_is_demand: bool = True
    # A discard phrase counts only between blanks, as PETRARCH-2 compares the raw sentence's
    # whitespace tokens: "leave by 2011." is no discard "2011", "since 2006 and" is.
    discards_between_blanks: bool = False


EVENTWATCH = Convention(
    "eventwatch",
    "targets only under target prepositions; future events take intent codes")
PETRARCH = Convention(
    "petrarch",
    "the first actor anywhere after the verb (any preposition, a that-clause subject) is the "
    "target; codes are kept as written, future or not, CAMEO or not",
    target_anywhere_after_verb=True,
    future_takes_intent_code=False,
    complements_join_verb_phrase=True,
    nests_clause_events=True,
    agentless_passive_source=True,
    negated_governor_negates_complement=False,
    regular_verb_forms_only=True,
    all_agents_compose=True,
    every_coordination_is_mutual=True,
    time_gerunds_take_subject=False,
    inner_prepositions_need_their_phrase=True,
    obligation_is_demand=False,
    discards_between_blanks=True,
)
CONVENTIONS = {c.name: c for c in (EVENTWATCH, PETRARCH)}


@dataclass(frozen=True, slots=True)
class Dictionaries:
    """Everything the coder knows, with a version that every event records."""

    name: str
    version: str
    actors: PhraseIndex
    verbs: PatternIndex
    nouns: PatternIndex
    sentence_discards: PhraseIndex
    story_discards: PhraseIndex
    errors: tuple[DictionaryError, ...] = field(default_factory=tuple)
    # How the knowledge source's tradition reads a sentence (EVENTWATCH or PETRARCH).
    convention: Convention = EVENTWATCH
    # CAMEO code → code of its negation ("did not clash over" 110 → 050), when the source has
    # an ontology for it (PETRARCH's PICO); negated events are otherwise left uncoded.
    negations: Mapping[str, str] = field(default_factory=dict)
    # Rules that rewrite an event nested in a coded verb's clause, tried in order.
    transformations: tuple[Transformation, ...] = ()

    def summary(self) -> dict[str, int | str]:
        return {
            "name": self.name,
            "version": self.version,
            "actor_phrases": len(self.actors),
            "verb_patterns": len(self.verbs),
            "noun_patterns": len(self.nouns),
            "discards": len(self.sentence_discards) + len(self.story_discards),
            "transformations": len(self.transformations),
            "errors": len(self.errors),
        }
