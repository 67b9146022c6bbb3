"""Code CAMEO events from parsed sentences: a pure function of the parse and the dictionaries.

For every verb (and event noun) whose lemma has patterns, the most specific pattern whose words
occur in the token's frame fires. Its source is the subject (or the passive ``by`` agent), its
target the slot the pattern marks, else the object or a target preposition; coordinated
subjects without a target code against each other. Negated events are dropped (unless asked
for), future and intended events take intent codes, and events inside reported speech record
who reported them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwatch.actors import (
    ArticleMemory,
    SentenceActors,
    find_actors,
    in_country,
    names_someone,
)
from eventwatch.dictionaries.model import (
    PRE_VERB,
    WRITTEN_FORM,
    Convention,
    Dictionaries,
    Pattern,
    PatternIndex,
)
from eventwatch.dictionaries.words import regular_verb_form, verb_stems
from eventwatch.events.business import a_profit_warning, a_takeover, business_news
from eventwatch.events.crime import ordinary_crime
from eventwatch.events.discards import sentence_discards, story_discarded
from eventwatch.events.frame import (
    DIRECTION_PARTICLES,
    Frame,
    has_own_subject,
    prep_objects,
    quoted_as,
    reported_clauses,
    subjects,
    unasserted,
)
from eventwatch.events.games import a_ballot_cast, a_game_result, a_ranking
from eventwatch.events.history import verbs_dated
from eventwatch.events.ids import event_id
from eventwatch.events.mood import (
    Mood,
    background,
    conditional,
    done_to_no_one,
    mood_of,
    obliged,
)
from eventwatch.events.nature import a_struggle, against_nature
from eventwatch.events.roles import (
    COOPERATION_ROOTS,
    FORCE_ROOTS,
    ORG_PREFIXES,
    PATIENT_SUBJECT_VERBS,
    STATEMENT_ROOT,
    ActorsOf,
    mutual,
    noun_roles,
    speaker_for_pronoun,
    verb_roles,
)
from eventwatch.events.transform import Governor, rewrite
from eventwatch.lexicon import (
    INTENT_VERBS,
    SPEECH_VERBS,
    SUBJECT_DEPS,
    a_running_count,
    attribution,
    to_infinitive,
    toll_of_the_clause,
)
from eventwatch.ontology import (
    cameo_info,
    demand_code,
    intent_code,
    refusal_code,
    unknown_code,
)
from eventwatch.parse import ParsedArticle, ParsedSentence
from eventwatch.quotes import Quote, link_events, sentence_quotes
from eventwatch.records import Actor, CameoInfo, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# spaCy's small model lemmatizes a few verbs wrongly: (bad lemma, surface prefix) -> lemma.
LEMMA_FIXES = {("stag", "stag"): "stage"}
# Verbs that name their object when a predicate follows ("called the move an attempt").
NAMING_VERBS = frozenset({"call"})
# Verbs whose patterns name what the verb's infinitive does: "offered to resume talks" is
# OFFER's ``- * TALKS`` (036), "declined to comment" DECLINE's ``- * COMMENT`` (011).
FOLDING_VERBS = frozenset({"offer", "propose", "decline"})
# Roots whose country-less targets are the source's own people (arrests, mass killings).
DOMESTIC_ROOTS = frozenset({"17", "20"})
# Roots where coordinated parties' unnamed forces are their own: they cooperate or yield
# together ("agreed to pull back troops").
SHARED_FORCE_ROOTS = COOPERATION_ROOTS | {"08"}
# "Make statement, not specified below": the code that says least.
PLAIN_STATEMENT = "010"


@dataclass(frozen=True, slots=True)
class CoderSettings:
    """Options of the coder; the defaults are what ``eventwatch code`` uses."""

    include_negated: bool = False
    require_target: bool = True


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """What coding one article yields: events and the quotations they may come from."""

    events: list[Event]
    quotes: list[Quote]


def code_article(parsed: ParsedArticle, dictionaries: Dictionaries,
                 settings: CoderSettings = CoderSettings()) -> list[Event]:
    """Every event in one parsed article, in sentence order."""
    return analyse_article(parsed, dictionaries, settings).events


def analyse_article(parsed: ParsedArticle, dictionaries: Dictionaries,
                    settings: CoderSettings = CoderSettings()) -> ArticleAnalysis:
    """Events and quotations of one parsed article (a pure function of parse + dictionaries)."""
    article = parsed.article
    blanks = dictionaries.convention.discards_between_blanks
    if story_discarded(dictionaries.story_discards, article.text[:2000], blanks):
        return ArticleAnalysis([], [])
    memory = ArticleMemory()
    events: list[Event] = []
    quotes: list[Quote] = []
    for sentence in parsed.sentences:
        if sentence.doc is None:
            continue
        discarded, times = sentence_discards(dictionaries.sentence_discards, sentence.text,
                                             blanks, article.published, sentence.doc)
        if discarded:
            continue
        actors = find_actors(sentence.doc, sentence.start, dictionaries, article.published,
                             memory)
        history = {sentence.start + v.idx for v in verbs_dated(sentence.doc, times)}
        events.extend(e for e in _code_sentence(parsed, sentence, actors, dictionaries, settings)
                      if e.trigger_start not in history)
        quotes.extend(sentence_quotes(article.id, sentence, actors))
    links = link_events(events, quotes)
    if links:
        events = [replace(e, quote_id=links[e.id]) if e.id in links else e for e in events]
    return ArticleAnalysis(events, quotes)


def _code_sentence(parsed: ParsedArticle, sentence: ParsedSentence, actors: SentenceActors,
                   dictionaries: Dictionaries, settings: CoderSettings) -> Iterable[Event]:
    doc = sentence.doc
    assert doc is not None
    coded_heads: set[int] = set()
    consumed: set[int] = set()  # verbs a coded pattern named: "wire tap" is one event
    by_token: dict[int, list[Event]] = {}
    matched: dict[int, tuple[Pattern, Frame]] = {}  # the pattern that fired, events or not
    convention = dictionaries.convention
    for token in doc:
        if token.i in consumed or quoted_as(token) is not None:
            continue
        lemma = token.lemma_.lower()
        lemma = LEMMA_FIXES.get((lemma, token.lower_[:len(lemma)]), lemma)
        if token.dep_ == "prep" or attribution(token):
            continue  # a verb form the parser reads as a preposition: "according to X"
        if token.pos_ in ("VERB", "AUX"):
            patterns = _lookup(dictionaries.verbs, token.lower_, lemma)
            if convention.regular_verb_forms_only and not regular_verb_form(token.lower_, lemma):
                patterns = dictionaries.verbs.spelt(token.lower_)  # "departes": a typo
        elif token.pos_ in ("NOUN", "PROPN") and token.head.i not in coded_heads:
            patterns = _lookup(dictionaries.nouns, token.lower_, lemma)
        else:
            continue
        if not patterns:
            continue
        frame = Frame.of(token)
        if convention.complements_join_verb_phrase:
            frame = _with_plain_complements(frame, dictionaries.verbs)
        words = frame.words(not convention.inner_prepositions_need_their_phrase)
        pattern = _first_match(frame, patterns, words, actors)
        if pattern is None:
            continue
        joined: list[Token] = []
        if convention.complements_join_verb_phrase and not pattern.words \
                and lemma in FOLDING_VERBS:
            pattern, frame, joined = _through_the_complement(frame, pattern, patterns, actors,
                                                             convention)
        matched[token.i] = (pattern, frame)
        found = list(_events_for(parsed, sentence, token, frame, pattern, actors,
                                 dictionaries, settings))
        if not found and convention.obligation_is_demand and obliged(token):
            found = list(_demands(parsed, sentence, token, pattern, actors, dictionaries))
        if found:
            coded_heads.add(token.i)
            by_token[token.i] = found
            consumed.update(_named_verbs(token, pattern, dictionaries.verbs))
            consumed.update(t.i for t in joined)
    if dictionaries.transformations:
        for_rules = replace(settings, require_target=False)

        def for_the_rules(token: Token, pattern: Pattern, frame: Frame) -> list[Event]:
            return list(_events_for(parsed, sentence, token, frame, pattern, actors,
                                    dictionaries, for_rules, asked_for=True))
        _transform_nested(doc, by_token, matched, actors, dictionaries, for_the_rules)
    for i in list(by_token):
        if _done_by_gerund(doc[i], by_token) or any(test(doc[i]) for test in NOT_NEWS):
            del by_token[i]
    for i in list(by_token):
        if _casualties_of(doc[i], by_token):
            del by_token[i]
    if convention.nests_clause_events:
        _drop_nested_events(doc, by_token)
    else:
        for i in list(by_token):
            if _governs_coded_intent(doc[i], by_token):
                del by_token[i]
    return _once_per_party(_without_plain_statements(
        _unique([e for i in sorted(by_token) for e in by_token[i]])))


def _once_per_party(events: list[Event]) -> list[Event]:
    """One event per source, code and party: "accused Russia of waging war, saying Russian
    warplanes had bombed Georgian bases" is one accusation of Russia, not a second one of
    its military (the earlier trigger's stays)."""
    kept: list[Event] = []
    for event in events:
        if not any(k.cameo.code == event.cameo.code and k.source.code == event.source.code
                   and k.target is not None and event.target is not None
                   and _same_party(k.target, event.target)
                   and k.trigger_start != event.trigger_start for k in kept):
            kept.append(event)
    return kept


def _without_plain_statements(events: list[Event]) -> list[Event]:
    """Drop a bare statement (010) when the sentence codes something more telling between the
    same parties: "demanded that Russia halt ..., saying Moscow's bullying had ..." is a demand,
    and the saying only explains it."""
    def said_more(statement: Event) -> bool:
        return any(other.cameo.code != PLAIN_STATEMENT
                   and other.source.code == statement.source.code
                   and _same_party(other.target, statement.target) for other in events)
    return [e for e in events if e.cameo.code != PLAIN_STATEMENT or not said_more(e)]


def _same_party(a: Actor | None, b: Actor | None) -> bool:
    """Codes naming one party, one perhaps more finely: GEO and GEOGOV, TURJUD and TUR."""
    if a is None or b is None:
        return a is b
    return a.code.startswith(b.code) or b.code.startswith(a.code)


def _first_match(frame: Frame, patterns: Iterable[Pattern], words: set[str],
                 actors: SentenceActors) -> Pattern | None:
    """The first pattern that fits the frame (they come most specific first); among those
    as long as it, one naming an object of the verb beats one naming only its particle or
    preposition: "broke off diplomatic relations" is ``- * RELATIONS``, not ``- * OFF``
    (PETRARCH tries a verb's noun phrases first)."""
    fitting = (p for p in patterns
               if frame.matches(p, words) and not _unfilled_slot(frame, p, actors)
               and not _slot_past_the_object(frame, p, actors)
               and not _names_an_actor_modifier(frame, p, actors)
               and not _another_verb(frame, p) and not _a_name_given(frame, p))
    first = next(fitting, None)
    if first is None or frame.named_objects(first) or any(
            w.startswith(PRE_VERB) for w in first.words):
        return first  # words before the verb ("&WEAPON *") are no particle either
    for other in fitting:
        if len(other.words) < len(first.words):
            break
        if frame.named_objects(other):
            return other
    return first


def _another_verb(frame: Frame, pattern: Pattern) -> bool:
    """A verb with a particle is another verb than the bare one: "was sworn in as prime
    minister" is no SWEAR (Phoenix's 110, an allegation), "Mauritius take on Madagascar" no
    TAKE (171, an arrest). Only a pattern that names more than the verb codes it. A particle
    of direction keeps the verb ("forced out refugees", "fought back", "shot down"), and
    "up to 16" is a number, not "kidnapped up"."""
    return not pattern.words and any(
        p.head == frame.head and p.lower_ not in DIRECTION_PARTICLES
        and not (p.i + 1 < len(p.doc) and p.nbor().lower_ == "to") for p in frame.particles)


def _a_name_given(frame: Frame, pattern: Pattern) -> bool:
    """"Called the decision irresponsible", "calling it a government plot": a verb of naming
    with a predicate names its object and makes no call, so its bare pattern (a telephone
    call, 041) does not fit; one that names the predicate may ("called it troubling")."""
    verb = frame.head
    return not pattern.words and verb.lemma_.lower() in NAMING_VERBS and any(
        c.dep_ == "oprd" or (c.dep_ == "dobj" and (_predicate_after(c) or _quoted_after(c)))
        for c in verb.children)


def _quoted_after(noun: Token) -> bool:
    """"Called Iran's launch of a rocket into orbit 'troubling'": a word or two in quotes
    after the object, before any comma, is what it was called (the parser may hang it
    anywhere)."""
    doc = noun.doc
    for token in doc[noun.i + 1:]:
        if token.text in (",", ";", ".") or token.dep_ in ("cc", "mark"):
            return False
        if token.tag_ == "``":
            closing = next((t for t in doc[token.i + 1: token.i + 5] if t.tag_ == "''"), None)
            return closing is not None and closing.i > token.i + 1
    return False


def _predicate_after(noun: Token) -> bool:
    """An adjective after its noun is a predicate the parser hung on it: "called the
    decision irresponsible" (English puts an attribute first)."""
    return any(c.dep_ == "amod" and c.i > noun.i and c.tag_ == "JJ" for c in noun.children)


def _named_verbs(token: Token, pattern: Pattern, verbs: PatternIndex) -> list[int]:
    """Verbs under ``token`` that belong to its event, not to one of their own: a verb the
    pattern names, or the second verb of a compound the dictionary lists (``WIRE_+TAP``:
    "will not wire tap" is one negated event, not also a "tap")."""
    lemma = token.lemma_.lower()
    return [c.i for c in token.children if c.pos_ == "VERB" and (
        c.lemma_.lower() in pattern.words or c.lower_ in pattern.words
        or (c.i == token.i + 1 and any(p.words == (lemma,)
                                        for p in verbs.get(c.lemma_.lower()))))]


def _through_the_complement(frame: Frame, bare: Pattern, patterns: tuple[Pattern, ...],
                            actors: SentenceActors, convention: Convention
                            ) -> tuple[Pattern, Frame, list[Token]]:
    """"Lee offered to resume talks with North Korea": a verb that fits only its bare
    pattern may fit a worded one through its infinitive complement (OFFER's ``- * TALKS``,
    036), as PETRARCH-2 folds a nested verb phrase into the verb; the complement is then no
    event of its own. Otherwise the bare pattern and the frame stay."""
    complements = [c for c in frame.head.children if c.dep_ == "xcomp" and to_infinitive(c)
                   and c.pos_ == "VERB"]
    for complement in complements:
        wider = frame.joined(Frame.of(complement))
        words = wider.words(not convention.inner_prepositions_need_their_phrase)
        found = _first_match(wider, patterns, words, actors)
        if found is not None and found.words:
            return found, wider, [complement]
    return bare, frame, []


def _with_plain_complements(frame: Frame, verbs: PatternIndex) -> Frame:
    """PETRARCH matches a verb's patterns against its whole verb phrase: "vowed to wage war
    on X", "signed an accord to supply X", "believed linked to X". An infinitive or
    participle complement whose verb has no patterns of its own joins the frame; one that
    does is coded as its own event."""
    for child in frame.head.children:
        infinitive = to_infinitive(child)
        participle = child.dep_ == "xcomp" and child.tag_ == "VBN"
        if child.dep_ in ("xcomp", "advcl") and (infinitive or participle) \
                and child.pos_ == "VERB" and not _lookup(verbs, child.lower_, child.lemma_.lower()):
            frame = frame.joined(Frame.of(child))
    return frame


def _transform_nested(doc: Doc, by_token: dict[int, list[Event]],
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
    actors_of = _actors_lookup(actors)
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


def _drop_nested_events(doc: Doc, by_token: dict[int, list[Event]]) -> None:
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


def _left_in_a_state(token: Token) -> bool:
    """'clashed near the temple, leaving two Cambodian troops dead': "leave" with a state
    after its object says how the event ended, not that anyone went anywhere."""
    return token.lemma_.lower() == "leave" and any(
        c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and c.tag_ in ("JJ", "VBN")
        for c in token.children)


# Coded verbs that tell no event: what is only proposed, a state an event left behind,
# background, games, rankings, ballots, fights against nature and struggles, company deals,
# warnings and fortunes, ordinary crime, acts done to no one.
NOT_NEWS: tuple[Callable[[Token], bool], ...] = (
    unasserted, _left_in_a_state, background, a_game_result, a_ranking, a_ballot_cast,
    against_nature, a_struggle, a_takeover, a_profit_warning, business_news, ordinary_crime,
    done_to_no_one, a_running_count)


def _done_by_gerund(token: Token, by_token: dict[int, list[Event]]) -> bool:
    """'retaliated by expelling its ambassador': the coded gerund is what was done, so the
    governing verb's own code (RETALIATE's 190) says nothing more."""
    return any(c.dep_ == "prep" and c.lower_ == "by" and any(
        g.dep_ == "pcomp" and g.i in by_token for g in c.children) for c in token.children)


def _casualties_of(token: Token, by_token: dict[int, list[Event]]) -> bool:
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


def _governs_coded_intent(token: Token, by_token: dict[int, list[Event]]) -> bool:
    """'agreed to hold talks': the intended event (036) replaces the bare intent verb (030)."""
    if token.lemma_.lower() not in INTENT_VERBS:
        return False
    return any(c.dep_ == "xcomp" and c.i in by_token for c in token.children)


def _lookup(index: PatternIndex, surface: str, lemma: str) -> tuple[Pattern, ...]:
    """A dictionary entry for the exact form wins: one the dictionary spells out as a form
    (FIND's "found", not FOUND's), then a verb of its own (PETRARCH's ``LEFT [042:043]`` is
    not ``LEAVE [012]``); otherwise the lemma's patterns, or those of a form the lemma is
    (the tagger leaves "overran" as it is)."""
    found = ((surface != lemma and index.spelt(surface)) or index.get(lemma)
             or index.get(WRITTEN_FORM + lemma))
    if not found and surface == lemma:
        found = next((p for stem in verb_stems(surface) if (p := index.get(stem))), ())
    return found or ()


def _names_an_actor_modifier(frame: Frame, pattern: Pattern, actors: SentenceActors) -> bool:
    """A pattern word found only as a dictionary word modifying a dictionary noun that heads
    an actor is part of the actor's name, not of the event: "attacked government forces" is
    no ``- * GOVERNMENT`` criticism; "supplied military equipment" (no actor noun) and
    "access for relief workers" (no actor word) still fit their patterns."""
    return any(m.i in actors.named and m.head.i in actors.named and actors.of(m.head)
               for w in pattern.words if not w.startswith(PRE_VERB)
               for m in frame.modified_only(w))


def _prep_slot(frame: Frame, pattern: Pattern) -> str | None:
    """The preposition the pattern's target slot follows, if the frame has it."""
    after = pattern.target_after
    return after if after and after != pattern.lemma and frame.is_prep(after) else None


def _unfilled_slot(frame: Frame, pattern: Pattern, actors: SentenceActors) -> bool:
    """A prepositional target slot with no actor in it: "called Erdogan on Tuesday" is not
    "call on +", so the next pattern gets its chance."""
    after = _prep_slot(frame, pattern)
    return after is not None and not any(actors.of(t) for t in frame.slot(after, pattern))


def _slot_past_the_object(frame: Frame, pattern: Pattern, actors: SentenceActors) -> bool:
    """A target slot inside a phrase of the verb's that the pattern does not name, while an
    actor is the verb's object: "blamed al-Qaeda for an attack on pilgrims" is no BLAME
    ``- * ATTACK ON +`` (written for "blamed the attack on X"); PETRARCH-2 looks for a bare
    pattern word in the verb's noun phrase, and the blame is on al-Qaeda."""
    after = _prep_slot(frame, pattern)
    if after is None or not any(actors.of(t) for t in frame.objects):
        return False
    slot = frame.slot(after, pattern)
    return bool(slot) and all(frame.behind_an_unnamed_prep(t, pattern) for t in slot)


def _events_for(parsed: ParsedArticle, sentence: ParsedSentence, token: Token, frame: Frame,
                pattern: Pattern, actors: SentenceActors, dictionaries: Dictionaries,
                settings: CoderSettings, asked_for: bool = False) -> Iterable[Event]:
    """The events of one fired pattern; ``asked_for``: code it even if it is only asked for
    ("urged X to attack"), for a transformation to rewrite."""
    convention = dictionaries.convention
    mood = mood_of(token, convention)
    negation = dictionaries.negations.get(pattern.code) if mood.negated else None
    if mood.refused and not negation:
        negation = refusal_code(pattern.code)  # "refused to meet X": a rejection (125)
    if (mood.directed and not asked_for) or (
            mood.negated and not negation and not settings.include_negated):
        return
    actors_of = _actors_lookup(actors)

    if pattern.kind == "noun":
        sources, targets, reciprocal = noun_roles(token, frame, pattern, actors_of)
    else:
        sources, targets, reciprocal = verb_roles(token, frame, pattern, actors_of, convention)
    sources, targets = _most_specific(sources), _most_specific(targets)
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
    pairs = _pairs(sources, targets, reciprocal, settings.require_target, pattern.code)
    if not pairs:
        return
    code = negation or pattern.code  # "did not clash over" codes as its negation (PICO)
    if mood.future and convention.future_takes_intent_code:
        code = pattern.future_code or intent_code(code[:2]) or code
    directed = [(source, target, code) for source, target in pairs]
    if pattern.reverse_code and not negation and (
            pattern.kind != "verb" or _answered_back(token)):
        # "[046:046]": the other party did it back; not when it did not happen ("refused
        # to hold talks with Russia").
        directed += [(target, source, pattern.reverse_code) for source, target in pairs
                     if target is not None]
    reporter = _reporter(token, actors_of)
    for source, target, event_code in directed:
        info = cameo_info(event_code) or unknown_code(event_code)
        if info is not None:  # None: "---", the pattern matched to block coding
            yield _event(parsed, sentence, token, pattern, dictionaries, mood, source, target,
                         info, reporter)


def _answered_back(verb: Token) -> bool:
    """Whether a paired code's second half (``[046:046]``, ``[043:042]``) is coded for this
    verb: the other party did it back only where the verb has a subject of its own, in the
    active voice. PETRARCH-2's parse nests a coordinated verb phrase ("telephoned X and
    pledged support") or a governed one ("agreed to hold talks") where the reverse finds no
    subject, and reads a passive pair as active and passive ("were killed by police in a
    shootout"). An auxiliary nests the phrase too, but the validation suites expect the
    reverse there ("Romendacil will meet Eriadori leaders"), and they are the spec. A
    coordinated clause with a subject of its own nests nothing: "Hu held talks with Lee,
    and the two leaders agreed to ..." is two sentences joined."""
    return verb.dep_ != "conj" and any(c.dep_ == "nsubj" for c in verb.children) and not any(
        c.dep_ in ("auxpass", "nsubjpass") or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                                               and not has_own_subject(c))
        for c in verb.children)


def _actors_lookup(actors: SentenceActors) -> ActorsOf:
    """The actors the given tokens belong to, in token order."""
    def actors_of(tokens: Iterable[Token]) -> list[Actor]:
        out: list[Actor] = []
        for t in tokens:
            out.extend(actors.of(t))
        return out
    return actors_of


def _event(parsed: ParsedArticle, sentence: ParsedSentence, token: Token, pattern: Pattern,
           dictionaries: Dictionaries, mood: Mood, source: Actor, target: Actor | None,
           info: CameoInfo, reporter: Actor | None) -> Event:
    """The event record, with offsets into the article and the rule that fired."""
    article = parsed.article
    start = sentence.start + token.idx
    return Event(
        id=event_id(article.id, sentence.index, start, info.code, source, target),
        article_id=article.id,
        sentence_index=sentence.index,
        sentence=sentence.text,
        sentence_start=sentence.start,
        source=source,
        target=target,
        cameo=info,
        trigger=token.text,
        trigger_start=start,
        trigger_end=start + len(token),
        rule=f"{pattern.id} {pattern.text}",
        dictionary_version=dictionaries.version,
        date=article.published,
        negated=mood.negated,
        hedged=mood.hedged,
        future=mood.future,
        reported_by=reporter,
    )


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
            foreign = [t for t in own if not _same_country_nested(s, t)]
            # One of several sources, several targets: its own country's is an artefact.
            pairs.extend((s, t) for t in (foreign if len(sources) > 1 and foreign else own))
    elif reciprocal and len(sources) > 1:
        pairs = [(s, t) for s in sources for t in sources
                 if s.code != t.code and not _same_side(s, t)]
    elif not require_target:
        pairs = [(s, None) for s in sources]
    return pairs


# Roots of words said against someone: demand, disapprove, reject, threaten.
VERBAL_CONFLICT_ROOTS = frozenset({"10", "11", "12", "13"})


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


def _most_specific(actors: list[Actor]) -> list[Actor]:
    """'The Prime Minister, John Howard': GOV and AUSGOV are one actor, the specific one."""
    return [a for a in actors if a.country or not any(
        b.country and b.sector and b.sector == a.sector for b in actors)]


def _same_side(a: Actor, b: Actor) -> bool:
    """Coordinated actors of one side act together, not on each other: a country and its own
    sector ("Israeli tanks and troops ... searching houses": ISR, ISRMIL), or one sector with
    and without a country ("the Prime Minister, John Howard": GOV, AUSGOV). A government and
    its rebels are two sides ("the Colombian government and the FARC signed")."""
    if _same_country_nested(a, b):
        return True
    return bool(a.sector) and a.sector == b.sector and (
        not a.country or not b.country or a.country == b.country)


def _only_their_own(sources: list[Actor], targets: list[Actor]) -> bool:
    """Coordinated sources whose targets are each one of them or part of one of them."""
    return len(sources) > 1 and bool(targets) and all(
        any(_same_country_nested(s, t) for s in sources) for t in targets)


def _only_bare_forces(targets: list[Actor]) -> bool:
    """Targets that are armed forces of no one named ("troops", "police")."""
    return bool(targets) and all(t.country is None and t.code[:3] in ("MIL", "COP")
                                 for t in targets)


def _same_country_nested(source: Actor, target: Actor) -> bool:
    """USA and USAGOV, KHMMIL and KHM: one is the other, or part of it. One of several
    coordinated sources paired with such a target beside a foreign one is an artefact of
    pairing every source with every target ("the US and Cuba ... embassies in Washington
    and Havana"); alone it may be domestic ("Syrian jets and artillery hit Ghouta")."""
    return source.code.startswith(target.code) or target.code.startswith(source.code)


def _demands(parsed: ParsedArticle, sentence: ParsedSentence, token: Token, pattern: Pattern,
             actors: SentenceActors, dictionaries: Dictionaries) -> Iterator[Event]:
    """'Sarkozy said Russia must withdraw its troops from Georgia': the speaker demands it of
    the clause's subject (FRAGOV → RUS 1056, from ``data/ontology/demand.tsv``); a country
    obliging its own people is no demand between parties."""
    mood = mood_of(token, dictionaries.convention)
    info = cameo_info(demand_code(pattern.code))
    if mood.negated or info is None or not pattern.code.isdigit():
        return
    actors_of = _actors_lookup(actors)
    speech = token.head
    speakers = actors_of(s for t in subjects(speech)[0] for s in speaker_for_pronoun(t, speech))
    addressees = actors_of(c for c in token.children if c.dep_ in SUBJECT_DEPS)
    for source in _most_specific(speakers):
        for target in _most_specific(addressees):
            if target.code == source.code or (target.country and target.country == source.country):
                continue
            event = _event(parsed, sentence, token, pattern, dictionaries, mood, source, target,
                           info, None)
            yield replace(event, rule=f"must-clause demand [{event.rule}]")


def _reporter(token: Token, actors_of: ActorsOf) -> Actor | None:
    """Who said it: the subject of the speech verb that governs the event's clause."""
    current = token
    for _ in range(4):
        for child in current.children:
            if attribution(child):
                pobjs = [p for to in child.children for p in to.children if p.dep_ == "pobj"]
                found = actors_of(pobjs)
                if found:
                    return found[0]
        if current.dep_ not in ("ccomp", "parataxis", "xcomp", "conj") or current.head == current:
            return None
        current = current.head
        if current.lemma_.lower() in SPEECH_VERBS:
            found = actors_of(subjects(current)[0])
            return found[0] if found else None
    return None


def _unique(events: list[Event]) -> list[Event]:
    """One event per trigger, code and pair of actor codes: "arrived in Moscow for talks
    with Russian leaders" meets RUS once, though two phrases name it."""
    seen: set[tuple[int, str, str, str | None]] = set()
    out = []
    for event in events:
        key = (event.trigger_start, event.cameo.code, event.source.code,
               event.target.code if event.target else None)
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out
