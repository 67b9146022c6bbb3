"""Actors: find actor phrases in a parsed sentence and compose them into CAMEO actor codes.

Dictionary matches (countries, capitals, sector words, people, organisations) are grouped by
the noun phrase they belong to, following the dependency parse, and composed:
"Turkish Foreign Minister Mevlut Cavusoglu" → TURGOV (the person, in office that day);
"Russia's UN ambassador" → RUSGOV (country + the head's sector beats the organisation);
"Russia-backed Syrian forces" → SYRMIL ("Russia" modifies "backed", not "forces").
People introduced with a title are remembered by surname for the rest of the article
(``ArticleMemory``), which is the only state, and it lives for one article only.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from eventwatch.actors.countries import iso3_codes
from eventwatch.dictionaries.model import (
    AGENT,
    CAPITAL,
    COUNTRY,
    NAMED,
    ORG_PREFIXES,
    PERSON,
    DatedCode,
    Dictionaries,
    Entry,
    PhraseMatch,
    by_surname_alone,
    in_office_only,
)
from eventwatch.dictionaries.words import fold
from eventwatch.lexicon import (
    FIGHT_EACH_OTHER_VERBS,
    SUBJECT_DEPS,
    participle_tail,
    prep_objects,
)
from eventwatch.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Dependencies through which a modifier belongs to the noun phrase of its head.
_NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "det", "case"})
_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
_PLACE_ADJECTIVES = frozenset({"based", "born", "headquartered", "registered"})
# Participles after a hyphen that make the noun its modifier's: "Saudi-led coalition
# warplanes", "a Japanese-owned tanker", "a Panamanian-flagged freighter".
_OWNER_PARTICIPLES = frozenset({"led", "owned", "flagged", "operated"})
_QUANTITIES = frozenset({"hundred", "hundreds", "thousand", "thousands", "dozen", "dozens",
                         "million", "millions", "score", "scores", "group", "number", "some",
                         "many", "several", "most", "all", "none", "one", "two", "three",
                         "handful", "team", "delegation", "contingent", "unit", "crowd", "bunch",
                         "couple", "pair", "lot", "series", "band"})
_LOCATIVE = frozenset({"in", "inside", "near", "across", "outside", "at", "throughout"})
# Domestic role codes that can take a country from context (not IGO, NGO, IMG...).
SECTOR_CODES = frozenset({"GOV", "MIL", "COP", "JUD", "OPP", "REB", "INS", "SEP", "SPY", "UAF",
                           "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI",
                           "LAB", "LEG", "MED", "REF", "MOD", "RAD", "PTY", "REL", "PPL", "PRO"})
# Sectors that are usually of the place where the sentence is set (not officials, spokespeople
# or analysts, who are often foreign: "officials said … in northwest Syria").
_LOCATABLE = frozenset({"MIL", "COP", "REB", "INS", "SEP", "UAF", "CVL", "REF", "OPP", "HLH",
                        "EDU", "LAB", "CRM", "AGR"})
_PRONOUNS = frozenset({"he", "she", "him", "her"})
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_OBJECT_DEPS = frozenset({"dobj", "pobj", "dative"})
# Nouns for somebody else than their possessor: "Russia's ally Belarus" is no Russian.
_RELATIONAL_NOUNS = frozenset({"ally", "neighbour", "neighbor", "rival", "enemy", "foe",
                               "partner", "counterpart", "adversary", "opponent", "critic",
                               "archrival", "arch-rival", "archenemy", "arch-enemy", "nemesis"})
_OWNING_PREPS = frozenset({"of", "from", "in", "inside", "within"})
_PLACE_NOUNS = frozenset({"region", "province", "city", "town", "village", "district", "area",
                          "state", "capital", "port", "county", "governorate", "territory",
                          "enclave", "suburb", "outskirts", "neighborhood", "neighbourhood"})
_BORDERS = frozenset({"border", "frontier", "boundary"})
# Acts that happen somewhere, not places: "in a US air raid", "in an Israeli offensive".
ACTS_OF_FORCE = frozenset({"raid", "attack", "strike", "airstrike", "bombing", "bombardment",
                            "shelling", "operation", "offensive", "clash", "fighting", "battle",
                            "assault", "ambush", "incursion", "crackdown", "invasion",
                            "shooting", "explosion", "blast", "firefight", "gunfight"})
# Things a sector does, not who does them: "a military operation in Gaza" is no Gazan army.
_ACTIVITY_NOUNS = frozenset({"operation", "offensive", "exercise", "drill", "manoeuvre",
                             "maneuver", "action", "campaign", "intervention", "buildup",
                             "presence", "deployment", "cooperation", "aid", "assistance",
                             "spending", "budget", "option", "solution", "pressure",
                             "activity", "training", "reform", "response", "mission",
                             "aggression", "term", "sentence", "coup", "takeover",
                             "incursion", "crackdown", "escalation", "involvement"})
# Words for a country's envoy to a body ("Russia's UN ambassador").
_ENVOY_WORDS = frozenset({"ambassador", "envoy", "representative", "delegate", "mission"})
# Sportspeople: "Spanish cyclist Maria Isabel Moreno", "Cuba's boxers" compete for no state.
_ATHLETE_NOUNS = frozenset({
    "athlete", "cyclist", "boxer", "swimmer", "sprinter", "gymnast", "rower", "wrestler",
    "weightlifter", "judoka", "fencer", "archer", "hurdler", "marathoner", "footballer",
    "goalkeeper", "midfielder", "batsman", "cricketer", "golfer", "skater", "skier", "jockey",
    "olympian", "medallist", "medalist", "teammate"})  # not "team", "driver", "striker"
_GEOGRAPHIC_FEATURES = frozenset({"delta", "river", "valley", "basin", "sea", "lake", "strait",
                                  "peninsula", "gulf", "mountains", "desert", "plateau"})
# Money named by its country: "nine billion US dollars" is no American party.
_CURRENCIES = frozenset({"dollar", "euro", "yen", "yuan", "renminbi", "rouble", "ruble",
                         "pound", "lira", "rupee", "peso", "franc", "dinar", "riyal", "rial",
                         "shekel", "ringgit", "baht", "krona", "krone", "hryvnia", "lari",
                         "dirham", "naira", "rupiah", "zloty", "forint"})
# Sectors that are a place's people, not a body of its own.
_PEOPLE = frozenset({"CVL", "PPL"})
_CROWD_NUMBERS = frozenset({"thousands", "hundreds", "dozens", "scores", "millions", "tens"})


@dataclass(slots=True)
class ArticleMemory:
    """What one article has introduced so far: titled people by surname, the last person."""

    surnames: dict[str, Actor] = field(default_factory=dict)
    last_person: Actor | None = None


@dataclass(frozen=True, slots=True)
class SentenceActors:
    """Actors of one sentence, keyed by the token index of their noun-phrase head."""

    by_head: dict[int, tuple[Actor, ...]]
    # Tokens a dictionary phrase spells ("forces" in "government forces", not "equipment"
    # in "military equipment"): a pattern word modifying one is part of an actor's name.
    named: frozenset[int] = frozenset()

    def of(self, token: Token) -> tuple[Actor, ...]:
        """Actors a token stands for: its own phrase, or an apposition/compound next to it."""
        found = self.by_head.get(token.i)
        if found:
            return found
        for child in token.children:
            if child.dep_ in ("appos", "compound") and child.i in self.by_head:
                return self.by_head[child.i]
        if token.dep_ == "compound" and token.head.i in self.by_head:
            return self.by_head[token.head.i]
        if token.pos_ == "NUM" or token.lemma_.lower() in _QUANTITIES:
            # "hundreds of Iranian students", "a group of Syrian refugees"
            for pobj in prep_objects(token, "of"):
                if pobj.i in self.by_head:
                    return self.by_head[pobj.i]
        return ()


def split_code(code: str) -> tuple[str | None, str | None]:
    """``TURGOV`` → (``TUR``, ``GOV``); ``IGOUNO`` → (None, ``IGO``); ``REB`` → (None, ``REB``)."""
    head = code[:3]
    if len(code) >= 3 and head in iso3_codes():
        return head, code[3:6] or None
    return None, head or None


def find_actors(doc: Doc, offset: int, dictionaries: Dictionaries, day: dt.date | None,
                memory: ArticleMemory) -> SentenceActors:
    """Resolve every actor phrase of one parsed sentence (``offset``: its start in the article)."""
    found = (_in_office(m, day) for m in dictionaries.actors.find(doc.text))
    matches = [m for m in found if m is not None]
    spans = [(m, doc.char_span(m.start, m.end, alignment_mode="expand")) for m in matches]
    spans = [(m, s) for m, s in spans if s is not None and len(s)]
    spans = [(m, s) for m, s in spans if not _first_name_only(m, s) and not _common_word(m, s)
             and not _names_a_feature(m, s) and not _names_a_town(m, s)
             and not _names_a_currency(m, s) and not _inside_a_region(m, s)
             and not _names_a_product(m, s) and not _after_a_prefix(m, s)
             and not _a_rank_before_a_title(m, s) and not _a_name_spelt_like_an_agent(m, s)]
    titles = {t.i for m, s in spans if AGENT in _kinds(m) for t in s}
    spans = [(m, s) for m, s in spans if not _surname_of_someone_else(m, s, titles)]
    covered = {t.i for _, s in spans for t in s}
    spans.extend(_elided(doc, spans, covered, dictionaries))
    spans.extend(_remembered(doc, covered, memory))
    agent_tokens = {t.i for m, s in spans if _kinds(m) & {AGENT} for t in s}
    groups: dict[int, list[tuple[PhraseMatch, Span]]] = defaultdict(list)
    for match, span in spans:
        groups[_np_head(_name_root(span), agent_tokens).i].append((match, span))
    for head_i, items in groups.items():
        groups[head_i] = _voiced_body(items)
    earlier_person = memory.last_person
    all_agents = dictionaries.convention.all_agents_compose
    by_head: dict[int, tuple[Actor, ...]] = {}
    for head_i, items in sorted(groups.items()):
        composed = _compose(doc, doc[head_i], items, offset, day, memory, all_agents)
        actors = tuple(a for a in composed if not a.code.startswith("---"))
        if actors:
            by_head[head_i] = actors
    _named_by_apposition(doc, by_head)
    _qualify_by_preposition(doc, by_head)
    _speak_for(doc, by_head)
    _act_for(doc, offset, by_head)
    _share_over_of_conjuncts(doc, by_head)
    _distribute_over_conjuncts(doc, by_head, all_agents)
    _victims_of_the_same_act(doc, by_head)
    _counterparts(doc, by_head)
    _locate_sectors(doc, groups, by_head, day)
    people = {h for h, items in groups.items() if h in by_head and (
        doc[h].ent_type_ == "PERSON" or any(PERSON in _kinds(m) for m, _ in items))}
    _resolve_pronouns(doc, offset, by_head, earlier_person, people)
    named = frozenset(t.i for _, span in spans for t in span)
    return SentenceActors(by_head, named)


def _named_by_apposition(doc: Doc, by_head: dict[int, tuple[Actor, ...]]) -> None:
    """A bare sector or a broad body is what the name right after it, or its abbreviation in
    brackets, names more closely: "the Basque separatist group ETA" is ESPREB, not the bare
    REB of "separatist group"; "the UN refugee agency UNHCR" IGOUNOREFHCR, not IGOUNO; "the
    International Criminal Court (ICC)" IGOJUDICC, not the JUD of "Court"; "the Palestinian
    movements Hamas and Fatah" both. A name after a comma may be the next item of a list
    ("rebels, Hamas and Fatah"), so it does not count."""
    for token in doc:
        own = by_head.get(token.i, ())
        if not own:
            continue
        names = [c for c in token.children if c.dep_ == "appos" and c.i in by_head and
                 c.i > token.i and (doc[c.i - 1].text == "(" or all(
                     t.pos_ == "PROPN" for t in doc[token.i + 1:c.i + 1]))]
        if not names:
            after_comma = _named_after_a_comma(token, own, by_head)
            if after_comma:
                by_head[token.i] = by_head[after_comma[0].i]
            continue
        # "the rival Palestinian movements Hamas and Fatah": each name in the apposition.
        named = [a for n in (names[0], *names[0].conjuncts) for a in by_head.get(n.i, ())]
        own_codes = {a.code for a in own}
        if any(_narrows(a, own) for a in named) and all(
                _narrows(a, own) or a.code in own_codes for a in named):
            by_head[token.i] = tuple(named)


def _named_after_a_comma(token: Token, own: tuple[Actor, ...],
                         by_head: dict[int, tuple[Actor, ...]]) -> list[Token]:
    """"Nigeria's main militant group, the Movement for the Emancipation of the Niger Delta":
    a single apposition after a comma that a dictionary names whole (NGAREB) names what an
    agent only described (NGAUAF), in the same country; a list ("rebels, Hamas and Fatah")
    has coordinated names and does not count, nor does a person ("his Lebanese counterpart,
    Michel Aoun": the title says what he is on the day better than a dated entry may)."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].text != "," or any(map(named_whole, own)):
        return []
    return [c for c in token.children if c.dep_ == "appos" and c.i in by_head
            and c.i > token.i and not c.conjuncts and c.ent_type_ != "PERSON" and all(
                named_whole(a) and a.country and {a.country} == {o.country for o in own}
                for a in by_head[c.i])][:1]


def _narrows(name: Actor, broad: tuple[Actor, ...]) -> bool:
    """Whether a name says more than each of these: it has a sector where they are a bare
    one (not the bare KHM for OPP), or extends their code."""
    return len(name.code) > 3 and all(
        (b.country is None and len(b.code) == 3) or (
            name.code.startswith(b.code) and len(name.code) > len(b.code)) for b in broad)


def _qualify_by_preposition(doc: Doc, by_head: dict[int, tuple[Actor, ...]]) -> None:
    """'Lawmakers in Arnor and Gondor', 'soldiers from Gondor', 'Islamist positions inside
    Somalia': a bare sector takes the country (or countries) of its of/from/in/inside
    phrase, one actor per country; not "ministers in a Marxonian air raid"."""
    for head_i, actors in list(by_head.items()):
        if len(actors) != 1 or names_someone(actors[0]):
            continue
        (actor,) = actors
        countries: list[Actor] = []
        for prep in doc[head_i].children:
            if prep.dep_ != "prep" or prep.lower_ not in _OWNING_PREPS:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for token in (pobj, *pobj.conjuncts):
                    countries.extend(a for a in by_head.get(token.i, ())
                                     if len(a.code) == 3 and names_someone(a)
                                     and (prep.lower_ in ("of", "from") or _a_place(token)))
        if not countries:
            countries = _loyal_to(doc[head_i], by_head)
        if countries:
            by_head[head_i] = tuple(
                Actor((c.country or c.code) + actor.code, actor.name, c.country,
                      actor.code[:3], actor.start, actor.end, f"{c.entry}+{actor.entry}")
                for c in countries)


def _loyal_to(head: Token, by_head: dict[int, tuple[Actor, ...]]) -> list[Actor]:
    """'Rebels loyal to former vice president Riek Machar', 'militiamen loyal to the
    Sudanese government': a bare sector belongs to the country of the named actor it is loyal
    (or allied) to."""
    return [a for adj in head.children if adj.dep_ == "amod"
            and adj.lower_ in ("loyal", "allied") for pobj in prep_objects(adj, "to")
            for a in by_head.get(pobj.i, ())
            if a.country in iso3_codes() and names_someone(a)][:1]


# Words for someone who speaks for another: "a spokesman for the army" is the army's voice.
SPOKESPERSONS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen",
                           "spokeswomen", "spokespeople", "spokespersons"})


def _voiced_body(items: list[tuple[PhraseMatch, Span]]) -> list[tuple[PhraseMatch, Span]]:
    """'Georgian Interior Ministry spokesman Shota Utiashvili' speaks as the ministry
    (GEOGOV), not as the media Phoenix's SPOKESPERSON [~MED] stands for: a spokesperson's
    agent yields to any other phrase of the same noun."""
    spokespeople = [(m, s) for m, s in items
                    if AGENT in _kinds(m) and s[-1].lower_ in SPOKESPERSONS and len(s) == 1
                    and any(c.code == "MED" for e in m.entries for c in e.codes)]
    if not spokespeople or len(spokespeople) == len(items):
        return items
    return [item for item in items if item not in spokespeople]


def _speak_for(doc: Doc, by_head: dict[int, tuple[Actor, ...]]) -> None:
    """'A spokesman for the Pakistani army' speaks as PAKMIL, not as a bare MED or GOV."""
    for head_i, actors in list(by_head.items()):
        if doc[head_i].lower_ not in SPOKESPERSONS or any(map(names_someone, actors)):
            continue
        for word in ("for", "of"):
            voiced = [a for pobj in prep_objects(doc[head_i], word)
                      for a in by_head.get(pobj.i, ())]
            if voiced:
                by_head[head_i] = tuple(
                    Actor(a.code, actors[0].name, a.country, a.sector, actors[0].start,
                          actors[0].end, f"{actors[0].entry}+for:{a.entry}")
                    for a in voiced)
                break


# Words for people who act for a body: "leaders of the Southern African Development
# Community" act as the community when no dictionary codes the word itself. Not "head":
# "the head of the committee" is often a person the sentence goes on to name.
REPRESENTATIVES = frozenset({"leader", "chief", "member", "official", "representative",
                             "delegate", "delegation", "envoy"})
# Parts of a body that act as the body: "both houses of the Russian parliament appealed".
BODY_PARTS = frozenset({"house", "chamber", "wing", "branch"})
# The means a body uses act as the body: "light aircraft of the Tamil Tigers bombed a base".
MEANS_OF_FORCE = frozenset({"aircraft", "plane", "warplane", "jet", "helicopter", "gunship",
                            "drone", "warship", "ship", "boat", "vessel", "tank", "bomber"})
_ACTING_FOR = REPRESENTATIVES | BODY_PARTS | MEANS_OF_FORCE


def _act_for(doc: Doc, offset: int, by_head: dict[int, tuple[Actor, ...]]) -> None:
    """'Leaders of the Shanghai Cooperation Organization voiced support': a word for people
    who act for a body (``REPRESENTATIVES``), for a part of one (``BODY_PARTS``: "both
    houses of the Russian parliament"), or for its means (``MEANS_OF_FORCE``: "light aircraft
    of the Tamil Tigers"), that no dictionary codes is the body its "of" phrase names, a
    country or an organisation, not a bare sector or a place."""
    for token in doc:
        if token.i in by_head or token.lemma_.lower() not in _ACTING_FOR \
                or token.pos_ != "NOUN" or any(c.lower_ == "family" for c in token.children):
            continue  # "family members of Japanese abducted by North Korea" are no Japan
        bodies = [a for pobj in prep_objects(token, "of")
                  for conj in (pobj, *pobj.conjuncts) for a in by_head.get(conj.i, ())
                  if a.country or a.code[:3] in ORG_PREFIXES]
        start = offset + token.idx
        if bodies:
            by_head[token.i] = tuple(
                Actor(a.code, token.text, a.country, a.sector, start, start + len(token),
                      f"{a.entry}+of:{token.lower_}") for a in bodies)


def _share_over_of_conjuncts(doc: Doc, by_head: dict[int, tuple[Actor, ...]]) -> None:
    """'The ambassadors of Arnor, Osgiliath and Gondor': the sector composed with the first
    country (ARNGOV) belongs to each coordinated country too (OSGGOV, GONGOV)."""
    for head_i, actors in list(by_head.items()):
        actor = actors[0]
        if len(actors) != 1 or not actor.country or not actor.code.startswith(actor.country) \
                or not actor.sector:
            continue
        extra = [Actor(c.country + actor.code[3:], actor.name, c.country, actor.sector,
                       actor.start, actor.end, f"{c.entry}+of:{actor.entry}")
                 for word in ("of", "from", "in") for pobj in prep_objects(doc[head_i], word)
                 for conj in pobj.conjuncts
                 for c in by_head.get(conj.i, ()) if c.country and not c.sector
                 and c.country != actor.country]
        if extra:
            by_head[head_i] = (actor, *extra)


def _provenance(actor: Actor) -> list[tuple[str, str]]:
    """The parts of an actor's ``entry``: (source, id) for each dictionary entry that built
    it (``agents:missile``, ``Phoenix.agents:troop``, ``countries:SYR``) and each placement
    (``located:SYR``)."""
    parts = []
    for part in actor.entry.split("+"):
        for tag in _ROLE_TAGS:
            part = part.removeprefix(tag)
        source, _, ident = part.partition(":")
        parts.append((source, ident))
    return parts


# How an entry came to an actor, written before it: "of:" (shared over "the ambassadors
# of X and Y"), "for:" (the one a spokesman speaks for).
_ROLE_TAGS = ("of:", "for:")


def names_someone(actor: Actor) -> bool:
    """Whether a dictionary entry names the actor ("US" in "a US proposal"), rather than
    agents alone, perhaps placed in a country ("missiles ... in Syria": ``SYRMIL``)."""
    return any(not _agents_file(source) and source not in PLACEMENTS
               for source, _ in _provenance(actor))


def named_whole(actor: Actor) -> bool:
    """Whether dictionary entries name the actor with its full code (Hamas: PSEREBHMS, NATO:
    IGOWSTNAT), not a bare country or a country composed with agents or a placement."""
    return actor.code != actor.country and names_someone(actor) and not any(
        _agents_file(source) or source in PLACEMENTS for source, _ in _provenance(actor))


def _agents_file(source: str) -> bool:
    """``agents``, ``Phoenix.agents``, ``PETR_Validate_agents_2_02``: an agents dictionary."""
    return "agents" in source


def is_agent_word(actor: Actor, words: Collection[str]) -> bool:
    """Whether one of ``words`` is itself an agent of the actor, not just a word it modifies:
    the "missiles" deployed (``agents:missile``), not a "police headquarters"
    (``agents:police``)."""
    return not names_someone(actor) and any(
        _agents_file(source) and ident.rsplit("_", 1)[-1] in words
        for source, ident in _provenance(actor))


# Evidence for placing a bare sector in a country (``in_country``'s ``why``).
PLACEMENTS = frozenset({"located", "conj", "domestic", "its", "same"})


def in_country(actor: Actor, country: str, why: str) -> Actor:
    """A bare sector actor (``MIL``) placed in ``country`` (``AFGMIL``); ``why`` (one of
    ``PLACEMENTS``) names the evidence in its provenance."""
    return Actor(country + actor.code, actor.name, country, actor.code[:3], actor.start,
                 actor.end, f"{actor.entry}+{why}:{country}")


def placed_by(actor: Actor, why: str) -> str | None:
    """The country ``in_country`` placed the actor in for ``why``, if that was its last step."""
    source, country = _provenance(actor)[-1]
    return country if source == why and actor.code.startswith(country) else None


def unplaced(actor: Actor, why: str) -> Actor:
    """The bare sector before ``in_country`` placed it for ``why`` (or the actor itself)."""
    country = placed_by(actor, why)
    if country is None:
        return actor
    code = actor.code[len(country):]
    return Actor(code, actor.name, None, code[:3], actor.start, actor.end,
                 actor.entry.rpartition(f"+{why}:")[0])


def _own_identity(token: Token) -> bool:
    """Whether a conjunct names an identity of its own that no dictionary knows, on the
    other side of a fight ("Ethiopian troops and Islamist fighters clashed": the fighters
    are not Ethiopian). Allies keep the shared country ("Republican and Democratic
    senators wrote"), and "armoured vehicles" says what, not whose."""
    verb = token.head.head
    fight = verb.lemma_.lower() in FIGHT_EACH_OTHER_VERBS
    return fight and token.head.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ in ("amod", "compound") and c.i < token.i and c.ent_type_ == "NORP"
        for c in token.children)


def _distribute_over_conjuncts(doc: Doc, by_head: dict[int, tuple[Actor, ...]],
                               shared_modifiers: bool = False) -> None:
    """'British sailors and marines': the country of the first conjunct covers the others.

    ``shared_modifiers`` (the PETRARCH convention): so do its other modifier agents.
    """
    for head_i, actors in list(by_head.items()):
        token = doc[head_i]
        if token.dep_ != "conj" or token.head.i not in by_head or _own_identity(token):
            continue
        first = by_head[token.head.i]
        countries = list(dict.fromkeys(a.country for a in first if a.country))
        if not countries or (len(countries) > 1 and len(actors) > 1):
            continue
        if shared_modifiers and len(first) == 1 and first[0].country:
            # "the Danish Islamist media and government": DNK and MUS both cover "government".
            code = first[0].code
            countries = [code[: max(3, len(code) - 3)]]
        # "Lawmakers and officials in Arnor and Gondor": one actor per country.
        distributed = (
            in_country(a, country, "conj")
            if a.country is None and a.code[:3] in SECTOR_CODES and len(a.code) <= 6 else a
            for a in actors for country in countries)
        by_head[head_i] = tuple(dict.fromkeys(distributed))


def _victims_of_the_same_act(doc: Doc, by_head: dict[int, tuple[Actor, ...]]) -> None:
    """'Ambushed French troops, killing 10 soldiers': the soldiers the participle names are
    the French troops the governing verb acted on, not soldiers of no one (nor of a place
    named later). People killed by an act on a place are its people: "bombed the Georgian
    town of Gori, killing seven civilians" (GEOCVL)."""
    for head_i, actors in list(by_head.items()):
        token, verb = doc[head_i], doc[head_i].head
        if len(actors) != 1 or actors[0].country or token.dep_ != "dobj" \
                or not participle_tail(verb):
            continue
        (actor,) = actors
        acted_on = [a for obj in verb.head.children if obj.dep_ == "dobj"
                    for a in by_head.get(obj.i, ()) if a.country and (
                        a.sector == actor.code or (a.sector is None and actor.code in _PEOPLE))]
        if len({a.country for a in acted_on}) == 1:
            by_head[head_i] = (in_country(actor, acted_on[0].country, "same"),)


def _counterparts(doc: Doc, by_head: dict[int, tuple[Actor, ...]]) -> None:
    """'Lavrov met his Turkish counterpart': a counterpart holds the subject's office, so the
    bare country the phrase names takes the subject's sector (TURGOV)."""
    for head_i, actors in list(by_head.items()):
        token = doc[head_i]
        if token.lemma_.lower() != "counterpart" or len(actors) != 1:
            continue
        (actor,) = actors
        if not actor.country or actor.code != actor.country:
            continue
        verb = _clause_of(token)
        sectors = {a.code[3:6] for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                   for a in by_head.get(c.i, ()) if a.country and a.sector}
        if len(sectors) == 1:
            (sector,) = sectors
            by_head[head_i] = (Actor(actor.country + sector, actor.name, actor.country, sector,
                                     actor.start, actor.end, f"{actor.entry}+counterpart"),)


def _locate_sectors(doc: Doc, groups: dict[int, list[tuple[PhraseMatch, Span]]],
                    by_head: dict[int, tuple[Actor, ...]], day: dt.date | None) -> None:
    """Sector-only actors take the country of the one place the sentence is set in.

    "Islamic State attacked an army camp in western Kabul" → the camp's ``MIL`` is ``AFGMIL``.
    Only places introduced by a locative preposition count, and only when there is one. Where
    the sentence also names another country, a sector outside the place's clause stays
    bare: in "Sri Lanka will lift its ban on Tamil Tiger rebels, paving the way for talks
    scheduled in Thailand", the rebels are not Thai. A border is no setting: "fighting in
    Bajaur near the Afghan border" is in Pakistan. Nor is an act of force a country's name
    modifies: "civilians killed in a US air raid" are no Americans. A participle tacked on
    the place's clause happened there: "Russian warplanes struck a base near Tbilisi,
    killing dozens of civilians" (GEOCVL).
    """
    places = set()
    place_clauses = set()
    for head_i, items in groups.items():
        head = doc[head_i]
        if _in_a_place(head) and head.lemma_.lower() not in _BORDERS and _a_place(head):
            for match, _ in items:
                entry = match.entries[0]
                if (code := entry.code_on(day)) and _is_place(_kind_on(entry, day), code):
                    places.add(code[:3])
                    place_clauses.add(_clause_of(head).i)
    if len(places) != 1:
        return
    (country,) = places
    elsewhere = any(a.country and a.country != country
                    for actors in by_head.values() for a in actors)
    for head_i, actors in list(by_head.items()):
        if elsewhere and place_clauses.isdisjoint(_settings_of(doc[head_i])):
            continue
        if elsewhere and _owned_by_a_pronoun(doc[head_i]):
            continue  # "no business as usual while its troops remained": Russia's, not Belgian
        by_head[head_i] = tuple(
            in_country(a, country, "located")
            if a.country is None and a.code[:3] in _LOCATABLE and len(a.code) <= 6 else a
            for a in actors)


def _owned_by_a_pronoun(head: Token) -> bool:
    """'its troops', 'their police': a sector someone named elsewhere owns."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her")
               for c in head.children)


def _in_a_place(head: Token) -> bool:
    """'in Kabul', and 'in the tribal region of Bajaur', 'in the northern city of Mosul',
    'in the Bajaur tribal area'."""
    if head.dep_ in ("compound", "nmod") and head.head.lemma_.lower() in _PLACE_NOUNS:
        head = head.head
    prep = head.head
    if head.dep_ != "pobj":
        return False
    if prep.lower_ == "of" and prep.head.lemma_.lower() in _PLACE_NOUNS \
            and prep.head.dep_ == "pobj":
        prep = prep.head.head
    return prep.lower_ in _LOCATIVE


def _a_place(head: Token) -> bool:
    """Not an act a country's name modifies: "civilians killed in a US air raid" are no
    Americans (a temple, a camp or a factory named by its country still is a place)."""
    return head.lemma_.lower() not in ACTS_OF_FORCE


def _is_place(kind: str, code: str) -> bool:
    """A country or capital, or a region the files code in full within a country ("in
    Gaza": PSEGZA), as where a sentence is set."""
    return kind in (COUNTRY, CAPITAL) or (kind == NAMED and code[:3] in iso3_codes())


def _settings_of(token: Token) -> set[int]:
    """The clauses whose place the token is at: its own and, for a participle tail ("…,
    killing dozens"), the clause it is tacked on (not the other way round: "gave an address
    to troops, hailing progress in Afghanistan" puts no troops in Afghanistan)."""
    clause = _clause_of(token)
    found = {clause.i}
    while participle_tail(clause):
        clause = _clause_of(clause.head)
        found.add(clause.i)
    return found


def _clause_of(token: Token) -> Token:
    """The verb whose clause the token is in (the root if none)."""
    while token.head != token and token.pos_ not in ("VERB", "AUX"):
        token = token.head
    return token


def _resolve_pronouns(doc: Doc, offset: int, by_head: dict[int, tuple[Actor, ...]],
                      earlier: Actor | None, people: Collection[int] = ()) -> None:
    """'he'/'she' → the last person mentioned before the pronoun (this sentence or earlier);
    as an object ('accusing him'), also a name the parser takes for a person (``people``:
    their heads), though no dictionary says so. 'them' as an object → the last group
    mentioned before it in the sentence that is neither a place nor a subject ("arrested
    dozens of Fatah supporters across the Gaza Strip, accusing them"; "ambushed a unit of
    French soldiers, killing 10 of them")."""
    def known(actor: Actor) -> bool:
        return actor.entry.startswith(("people:", "titled:")) or "+people:" in actor.entry

    persons = sorted(((head, a) for head, actors in by_head.items() for a in actors
                      if head in people or known(a)), key=lambda item: item[1].start)
    groups = [h for h in sorted(by_head) if doc[h].tag_ in ("NNS", "NNPS")
              and doc[h].ent_type_ not in _PLACE_ENTITIES and doc[h].dep_ not in SUBJECT_DEPS]
    for token in doc:
        if token.i in by_head:
            continue
        start = offset + token.idx
        if token.lower_ in _PRONOUNS:
            is_object = token.dep_ in _OBJECT_DEPS
            before = [a for _, a in persons if a.end <= start and (is_object or known(a))]
            found = before[-1:] or ([earlier] if earlier else [])
        elif token.lower_ == "them" and token.dep_ in _OBJECT_DEPS:
            heads = [h for h in groups if h < token.i]
            found = list(by_head[heads[-1]]) if heads else []
        else:
            continue
        if found:
            by_head[token.i] = tuple(Actor(a.code, token.text, a.country, a.sector, start,
                                           start + len(token), a.entry) for a in found)


def _in_office(match: PhraseMatch, day: dt.date | None) -> PhraseMatch | None:
    """A surname several people share (``in_office_only``) names the one whose role covers
    the day: "Bush" in 2008 is George W. Bush, not his father; with two in office, or none,
    or no day, nobody."""
    if not any(map(in_office_only, match.entries)):
        return match
    holders = [e for e in match.entries if day is not None and e.in_office(day)]
    if len(holders) != 1:
        return None
    return replace(match, entries=tuple(holders))


def _kinds(match: PhraseMatch) -> set[str]:
    return {entry.kind for entry in match.entries}


def _first_name_only(match: PhraseMatch, span: Span) -> bool:
    """A one-word person's name that is only the first part of someone else's full name:
    the Phoenix files' "Hassan" (a Jordanian prince) is not "Hassan Ghashghavi"."""
    if len(span) != 1 or not _kinds(match) <= {PERSON, NAMED}:
        return False
    name = span[0]
    surname = name.head
    return (name.dep_ == "compound" and surname.i == name.i + 1 and surname.pos_ == "PROPN"
            and name.ent_type_ == surname.ent_type_ == "PERSON")


def _surname_of_someone_else(match: PhraseMatch, span: Span, titles: Collection[int]
                             ) -> bool:
    """A surname alone (``SURNAME_MARK``) names the files' person only as a proper noun that
    modifies nothing ("Kraft foods", "the Hilton Hotel" are nobody), is no place ("a centre
    in Kerry") and follows no first name of its own ("Leandra English" is not the files'
    English: her full name would have matched). A title before it is fine ("President
    Atambayev"; ``titles``: tokens of agent words)."""
    if not all(map(by_surname_alone, match.entries)):
        return False
    word = span[0]
    return len(span) != 1 or word.pos_ != "PROPN" or word.dep_ == "compound" or (
        word.dep_ == "pobj" and word.head.lower_ in _LOCATIVE) or any(
        c.dep_ == "compound" and c.pos_ == "PROPN" and c.i not in titles
        for c in word.children)


def _common_word(match: PhraseMatch, span: Span) -> bool:
    """A name written in lower case is a common word: "pardon a Thanksgiving turkey", "a
    china cup". Agents ("troops") are common words anyway; an all-caps text has no lower case."""
    return len(span) == 1 and AGENT not in _kinds(match) and span[0].text.islower()


def _names_a_town(match: PhraseMatch, span: Span) -> bool:
    """A person's name inside the name of a town is no actor: "the town of Dera Ismail Khan"
    (in Pakistan) is not Ismail Khan (an Afghan governor)."""
    root = span.root
    return (_kinds(match) <= {PERSON, NAMED} and root.dep_ == "pobj"
            and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _PLACE_NOUNS
            and any(t.dep_ == "compound" and t.pos_ == "PROPN" and t.i < span.start
                    for t in root.children))


def _names_a_feature(match: PhraseMatch, span: Span) -> bool:
    """A name inside a river's, delta's or sea's name is no actor: "the Niger Delta" (in
    Nigeria), "the Congo River", "the South China Sea"."""
    feature = span[-1].head
    return (AGENT not in _kinds(match) and feature.i == span.end
            and feature.lower_ in _GEOGRAPHIC_FEATURES and feature.text[:1].isupper())


# Regions whose names end in a country's name ("Latin America" is no USA).
_REGION_PREFIXES = {"america": frozenset({"latin", "south", "central", "north"})}


def _inside_a_region(match: PhraseMatch, span: Span) -> bool:
    """A country's name ending a region's name is no actor: "a foothold in Latin America",
    "the largest country in South America" (unless the files name the region itself)."""
    before = span.doc[span.start - 1] if span.start else None
    prefixes = _REGION_PREFIXES.get(span.text.lower(), frozenset())
    return (before is not None and before.lower_ in prefixes and before.text[:1].isupper()
            and AGENT not in _kinds(match))


def _names_a_currency(match: PhraseMatch, span: Span) -> bool:
    """A country's name before its money is no actor: "invested nine billion US dollars",
    "the Turkish lira"."""
    money = span[-1].head
    return (AGENT not in _kinds(match) and money.i >= span.end
            and money.lemma_.lower() in _CURRENCIES and money.pos_ == "NOUN")


# Prefixes that make a name a stance or a time, not a party: "anti-Taliban fighters" fight
# the Taliban; a "post-Taliban government" and "pro-Russian separatists" are not theirs.
_NOT_THEIR_PREFIXES = frozenset({"anti", "pro", "post", "pre", "non"})


# Words that rank a title after them: Phoenix's DEPUTY is a police deputy ([~COP]), but
# "Russian deputy foreign minister Grigory Karasin" is no policeman.
_RANKS = frozenset({"deputy"})


def _a_name_spelt_like_an_agent(match: PhraseMatch, span: Span) -> bool:
    """'Chinese Foreign Ministry spokesman Qin Gang': a capitalised word inside a person's
    name, after its first word, is a name, not Phoenix's GANG [~CRM]."""
    token = span[0]
    return len(span) == 1 and AGENT in _kinds(match) and token.text[:1].isupper() \
        and token.ent_type_ == "PERSON" and token.ent_iob_ == "I" and token.pos_ == "PROPN"


def _a_rank_before_a_title(match: PhraseMatch, span: Span) -> bool:
    """'deputy foreign minister', 'India's deputy high commissioner': a rank that modifies
    the noun after it is no agent of its own."""
    token = span[0]
    return len(span) == 1 and token.lower_ in _RANKS and AGENT in _kinds(match) \
        and token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i


def _after_a_prefix(match: PhraseMatch, span: Span) -> bool:
    """A country or body glued to a prefix by a hyphen names no actor (PETRARCH's parser
    keeps "anti-Taliban" one word); an agent keeps its own rule (``_against``)."""
    return AGENT not in _kinds(match) and _glued_to_a_prefix(span)


def _glued_to_a_prefix(span: Span) -> bool:
    doc = span.doc
    return (span.start >= 2 and doc[span.start - 1].text == "-"
            and not doc[span.start - 1].whitespace_ and not doc[span.start - 2].whitespace_
            and doc[span.start - 2].lower_ in _NOT_THEIR_PREFIXES)


def _names_a_product(match: PhraseMatch, span: Span) -> bool:
    """A maker's name with a model number names the machine, not the firm: "a Boeing 737
    chartered to fly to Iran", "an Airbus A320"."""
    last = span[-1]
    model = [t for t in (*last.children, last.head) if t.i >= span.end
             and t.ent_type_ == "PRODUCT" and t.dep_ in ("nummod", "compound", "nsubj", "dobj",
                                                          "pobj", "ROOT", "appos")]
    return AGENT not in _kinds(match) and bool(model) and (
        model[0].head == last or last.dep_ == "compound")


def _elided(doc: Doc, spans: list[tuple[PhraseMatch, Span]], covered: set[int],
            dictionaries: Dictionaries) -> Iterable[tuple[PhraseMatch, Span]]:
    """Names that share their last words with a coordinated name: "North and South Korea"
    is North Korea and South Korea (the word before "and" names nothing on its own)."""
    for _, span in spans:
        first = span[0]
        word = first.head if first.dep_ == "conj" else span.root.head
        if len(span) < 2 or word.i != span.start - 2 or word.i in covered \
                or doc[word.i + 1].dep_ != "cc" or word.pos_ not in ("PROPN", "ADJ", "NOUN") \
                or "conj" not in (first.dep_, span.root.dep_):
            continue
        name = " ".join([word.text, *(t.text for t in span[1:])])
        found = [m for m in dictionaries.actors.find(name) if m.start == 0 and m.end == len(name)]
        if found:
            match = found[0]
            yield (PhraseMatch(word.idx, word.idx + len(word), name, match.entries),
                   doc[word.i : word.i + 1])


def _remembered(doc: Doc, covered: set[int], memory: ArticleMemory
                ) -> Iterable[tuple[PhraseMatch, Span]]:
    """Surnames of people the article introduced with a title earlier."""
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN":
            continue
        actor = memory.surnames.get(fold(token.text))
        if actor is not None:
            entry = Entry(actor.entry, PERSON, (DatedCode(actor.code),))
            yield (PhraseMatch(token.idx, token.idx + len(token), token.text, (entry,)),
                   doc[token.i : token.i + 1])


def _name_root(span: Span) -> Token:
    """The word a name hangs from, leaving out a leading article that belongs to a later
    noun: in "signed the EU-brokered accord" the match "the EU" hangs from "brokered" (the
    EU brokered it), though its "the" is the accord's."""
    words = [t for t in span if t.dep_ != "det" or span.start <= t.head.i < span.end]
    return span.doc[words[0].i : words[-1].i + 1].root if words else span.root


def _np_head(token: Token, agent_tokens: set[int]) -> Token:
    """Climb from a modifier to the head noun of its phrase."""
    for _ in range(8):
        head = token.head
        if head == token:
            break
        if token.dep_ == "poss" and head.lemma_.lower() in _RELATIONAL_NOUNS:
            break
        nominal_modifier = token.dep_ in _NP_DEPS and head.pos_ in _NOMINAL
        coordinated_modifier = (token.dep_ == "conj" and head.pos_ in ("ADJ", "PROPN")
                                and head.dep_ in _NP_DEPS)
        if nominal_modifier or coordinated_modifier:
            token = head
        elif token.dep_ == "pobj" and head.lower_ == "of" and (
                head.head.i in agent_tokens or head.head.lower_ in _CROWD_NUMBERS):
            token = head.head  # "thousands of Georgians" are Georgians
        elif token.dep_ == "npadvmod" and head.lower_ in _PLACE_ADJECTIVES and head.dep_ == "amod":
            token = head.head  # "a Moscow-based analyst": the place says where, not who
        elif token.dep_ == "npadvmod" and head.lower_ in _OWNER_PARTICIPLES \
                and head.dep_ == "amod":
            token = head.head  # "Saudi-led coalition warplanes" are the leader's
        else:
            break
    return token


def _compose(doc: Doc, head: Token, items: list[tuple[PhraseMatch, Span]], offset: int,
             day: dt.date | None, memory: ArticleMemory, all_agents: bool = False
             ) -> tuple[Actor, ...]:
    """The actors a noun phrase names. ``all_agents``: the PETRARCH way, every agent composes
    around each country (``Convention.all_agents_compose``)."""
    items.sort(key=lambda item: item[1].start)
    if _an_athlete(head, items):
        return ()
    start = min(min(s.start_char for _, s in items), head.idx)
    end = max(max(s.end_char for _, s in items), head.idx + len(head))
    name = doc.text[start:end]
    by_kind: dict[str, list[tuple[PhraseMatch, Span]]] = defaultdict(list)
    for match, span in items:
        by_kind[_kind_on(match.entries[0], day)].append((match, span))
    head_agent = next((m for m, s in by_kind[AGENT] if s.start <= head.i < s.end), None)
    if head_agent is None and head.pos_ == "NOUN" and head.text.islower() \
            and head.lemma_.lower() in _ACTIVITY_NOUNS:  # not a name: "Israel Flying Aid"
        # "Russia's military action", "the military coup in Mauritania": a sector word
        # modifying the act says what kind of act it is; the act is the country's. A
        # possessor still does it ("the military's brutal crackdown").
        by_kind[AGENT] = [(m, sp) for m, sp in by_kind[AGENT]
                          if sp.root.dep_ not in ("amod", "compound")]
    agent = head_agent or (by_kind[AGENT][-1][0] if by_kind[AGENT] else None)
    agent_code = agent.entries[0].code_on(day) if agent else None
    entries = [m.entries[0].id for m, _ in items]
    # PETRARCH test dictionaries name made-up countries (GON, ARN): still countries.
    own_countries = _countries(by_kind[COUNTRY], day) if all_agents else []

    def make(code: str) -> Actor:
        # PETRARCH's "---" names a phrase that must not become an actor; callers drop it.
        country, sector = split_code(code)
        if country is None and code[:3] in own_countries:
            country, sector = code[:3], code[3:6] or None
        return Actor(code, name, country, sector, offset + start, offset + end,
                     "+".join(entries))

    if by_kind[PERSON]:
        code = by_kind[PERSON][-1][0].entries[0].code_on(day)
        if code and not _titled_elsewhere(code, by_kind, by_kind[PERSON][-1][1], day):
            actor = make(code)
            _remember(memory, actor, by_kind[PERSON][-1][1])
            return (actor,)
    countries = _countries(by_kind[COUNTRY], day)
    if not countries and head_agent:
        # A capital modifying a sector word is a country ("a Moscow-based analyst" → RUSELI).
        countries = [c[:3] for c in _countries(
            [(m, sp) for m, sp in by_kind[CAPITAL] if not sp.start <= head.i < sp.end], day)]
    if by_kind[NAMED] and countries and _coordinated(by_kind[NAMED], by_kind[COUNTRY]):
        # "Afghan and NATO forces": both, each with the phrase's agent.
        named = [m.entries[0].code_on(day) for m, _ in by_kind[NAMED]]
        return tuple(make(c + (agent_code or "")) for c in countries) + tuple(
            make(code) for code in dict.fromkeys(named) if code)
    if by_kind[NAMED] and not (head_agent and countries):
        named, span = by_kind[NAMED][-1]
        code = named.entries[0].code_on(day)
        titled = len(by_kind[NAMED]) > 1 and (
            code is None or _titled_elsewhere(code, by_kind, span, day))
        if titled:
            # "NATO Secretary-General Jaap de Hoop Scheffer" (whose own dated code is Dutch,
            # or none on the day) speaks for NATO.
            body, body_span = by_kind[NAMED][0]
            code = body.entries[0].code_on(day)  # the title's body
            if code:  # "Georgia's National Security Council" (the files' is the US one)
                code = _retitled(code, countries, by_kind, body_span, day)
        elif code and len(countries) == 1 and agent_code and countries[0] not in SECTOR_CODES \
                and _envoy_to(span, by_kind[AGENT]):
            # "Russia's UN ambassador Vitaly Churkin" speaks for Russia at the UN.
            code = countries[0] + agent_code
        elif code:
            code = _retitled(code, countries, by_kind, span, day)
        if code in ORG_PREFIXES and len(countries) == 1:
            code += countries[0]  # "a US-based aid group": NGOUSA, as Phoenix's [NGO~] agents
        if code:
            if len(code) == 3 and head_agent and agent_code:
                code += agent_code  # an ethnic group with a sector: "Kurdish forces"
            return (make(code),)
    if countries and all_agents and by_kind[AGENT]:
        # "Thai anti-government protesters" are THAOPP: PETRARCH's parser keeps
        # "anti-government" one word, so no GOV composes.
        agents = [(m, span) for m, span in by_kind[AGENT]
                  if not _against(doc, span) and not _glued_to_a_prefix(span)]
        return tuple(make(_petrarch_code(c, agents, day)) for c in countries)
    if countries:
        actors = tuple(make(c + (agent_code or "")) for c in countries)
        if head.ent_type_ == "PERSON" and head.pos_ == "PROPN" and len(actors) == 1:
            return (_remember_titled(head, memory, actors[0]),)
        return actors
    if by_kind[CAPITAL]:
        code = by_kind[CAPITAL][-1][0].entries[0].code_on(day)
        if code:
            return (make(code),)
    if agent_code and (head_agent or (head.pos_ in ("NOUN", "PROPN")
                       and (head.lemma_.lower() not in _ACTIVITY_NOUNS
                            or by_kind[AGENT][-1][1].root.dep_ == "poss")
                       and not _against(doc, by_kind[AGENT][-1][1]))):
        # "troops", or a sector word modifying a non-actor head: "an army camp".
        return (make(agent_code),)
    return ()


def _retitled(code: str, countries: list[str],
              by_kind: dict[str, list[tuple[PhraseMatch, Span]]], span: Span,
              day: dt.date | None) -> str:
    """The name's role in the one country named before it, when that is another country
    than the files': "Saudi King Abdullah" is not Jordan's (JORGOV), "Pakistani Taliban"
    are no Afghans."""
    if len(countries) == 1 and None not in split_code(code) \
            and _titled_elsewhere(code, by_kind, span, day):
        return countries[0] + code[3:]
    return code


def _envoy_to(body: Span, agents: list[tuple[PhraseMatch, Span]]) -> bool:
    """Whether an envoy word follows the body's name ("UN ambassador", "NATO envoy"): a
    country's envoy to the body, not the body's own."""
    return any(span.start == body.end and span[0].lemma_.lower() in _ENVOY_WORDS
               for _, span in agents)


def _an_athlete(head: Token, items: list[tuple[PhraseMatch, Span]]) -> bool:
    """A phrase headed by a sportsperson ("Spanish cyclist Maria Isabel Moreno", "American
    favourite Christian Cantwell", "Cuba's boxers") names no party: the head itself, or the
    title of the name it heads, is an athlete word no dictionary matched."""
    words = [head, *(c for c in head.children if c.dep_ in ("compound", "amod", "appos")
                     and c.i < head.i)]
    named = {t.i for _, span in items for t in span}
    return any(w.lemma_.lower() in _ATHLETE_NOUNS and w.i not in named for w in words)


def _against(doc: Doc, span: Span) -> bool:
    """Whether the span follows "anti-": "anti-government protests" are nobody's (while
    "anti-government protesters" are the protesters)."""
    before = [t.lower_ for t in doc[max(span.start - 2, 0):span.start]]
    return before[-1:] == ["anti"] or before == ["anti", "-"]


def _coordinated(named: list[tuple[PhraseMatch, Span]],
                 countries: list[tuple[PhraseMatch, Span]]) -> bool:
    """Whether a name and a country are coordinated modifiers ("Afghan and NATO forces")
    rather than a title and its body ("NATO's Turkish commander")."""
    spans = [s for _, s in named + countries]
    return any(t.dep_ == "conj" and any(o.start <= t.head.i < o.end for o in spans
                                          if not o.start <= t.i < o.end)
               for s in spans for t in s)


def _titled_elsewhere(code: str, by_kind: dict[str, list[tuple[PhraseMatch, Span]]],
                      person: Span, day: dt.date | None) -> bool:
    """A title before the name that names another country or body than the dictionary's
    code for the person: "NATO Secretary-General Jens Stoltenberg" speaks for NATO, though
    the files still code him as Norway's. The text is newer than the dictionary."""
    titles = [m.entries[0].code_on(day) for kind in (COUNTRY, NAMED)
              for m, span in by_kind[kind] if span.end <= person.start]
    return any(t and t[:3] != code[:3] for t in titles)


def _kind_on(entry: Entry, day: dt.date | None) -> str:
    """An entry's kind on the day: a name whose dated codes make it a plain country then
    (PETRARCH's Georgia: USRGEO until 1991, GEO since) composes like one, so "Russian and
    Georgian troops" are RUSMIL and GEOMIL."""
    if entry.kind == NAMED and len(entry.codes) > 1:
        code = entry.code_on(day)
        if code and len(code) == 3 and code.isalpha():
            return COUNTRY
    return entry.kind


def _petrarch_code(country: str, agents: list[tuple[PhraseMatch, Span]],
                   day: dt.date | None) -> str:
    """PETRARCH composes every agent around the country: prefix agents (``[NGO~]``) before
    it, the others after it, in text order ("MSF Arnor diplomat" → NGO + ARN + GOV)."""
    before: list[str] = []
    after: list[str] = []
    for match, _ in agents:
        code = match.entries[0].code_on(day)
        if not code:
            continue
        roles = {c.role for c in match.entries[0].codes}
        target = before if any(r.endswith("~") for r in roles) else after
        if code not in target:
            target.append(code)
    return "".join(before) + country + "".join(after)


def _countries(items: list[tuple[PhraseMatch, Span]], day: dt.date | None) -> list[str]:
    codes: list[str] = []
    for match, _ in items:
        code = match.entries[0].code_on(day)
        if code and code not in codes:
            codes.append(code)
    return codes


def _remember(memory: ArticleMemory, actor: Actor, span: Span) -> None:
    memory.last_person = actor
    memory.surnames.setdefault(fold(span[-1].text), actor)


def _remember_titled(head: Token, memory: ArticleMemory, actor: Actor) -> Actor:
    """'Turkish envoy John Smith': an unknown person with a title is known as Smith later."""
    person = Actor(actor.code, actor.name, actor.country, actor.sector, actor.start,
                   actor.end, f"titled:{fold(head.text)}+{actor.entry}")
    memory.last_person = person
    memory.surnames.setdefault(fold(head.text), person)
    return person


__all__ = ["ACTS_OF_FORCE", "PLACEMENTS", "SECTOR_CODES", "ArticleMemory", "SentenceActors",
           "find_actors", "in_country", "is_agent_word", "names_someone", "placed_by",
           "split_code", "unplaced"]
