"""Code CAMEO events from parsed sentences: a pure function of the parse and the dictionaries.

For every verb (and event noun) whose lemma has patterns, the most specific pattern whose words
occur in the token's frame fires. Its source is the subject (or the passive ``by`` agent), its
target the slot the pattern marks, else the object or a target preposition; coordinated
subjects without a target code against each other. Negated events are dropped (unless asked
for), future and intended events take intent codes, and events inside reported speech record
who reported them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from eventwatch.actors import (
    ACTS_OF_FORCE,
    SECTOR_CODES,
    ArticleMemory,
    SentenceActors,
    find_actors,
    in_country,
    is_agent_word,
    named_whole,
    names_someone,
    unplaced,
)
from eventwatch.actors.countries import three_letter_parts
from eventwatch.dictionaries.model import (
    PRE_VERB,
    WRITTEN_FORM,
    Convention,
    Dictionaries,
    Pattern,
    PatternIndex,
    PhraseIndex,
    PhraseMatch,
)
from eventwatch.dictionaries.words import regular_verb_form
from eventwatch.events.frame import (
    SUBJECT_GERUND_PREPS,
    Frame,
    attribution,
    conjuncts,
    content_clause_head,
    cut_off_fragment,
    has_own_subject,
    passive_agents,
    phrase_after,
    prep_objects,
    preps_of,
    quoted_as,
    reported_clauses,
    subjects,
    unasserted,
)
from eventwatch.events.games import a_game_result, a_ranking
from eventwatch.events.ids import event_id
from eventwatch.events.mood import Mood, conditional, mood_of, obliged
from eventwatch.events.transform import Governor, rewrite
from eventwatch.lexicon import (
    INTENT_VERBS,
    SPEECH_VERBS,
    SUBJECT_DEPS,
    to_infinitive,
)
from eventwatch.ontology import cameo_info, demand_code, intent_code, unknown_code
from eventwatch.parse import ParsedArticle, ParsedSentence
from eventwatch.quotes import Quote, link_events, sentence_quotes
from eventwatch.records import Actor, CameoInfo, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# spaCy's small model lemmatizes a few verbs wrongly: (bad lemma, surface prefix) -> lemma.
LEMMA_FIXES = {("stag", "stag"): "stage"}
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
# Roots whose country-less targets are the source's own people (arrests, mass killings).
DOMESTIC_ROOTS = frozenset({"17", "20"})
# Coercion and violence: done to something in a place, the place stands for its people
# ("tortured an inmate to death in western Iran").
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
PROTEST_ROOT = "14"
STATEMENT_ROOT = "01"
# Speech verbs whose object is an act, which may happen where they say ("announced a
# ceasefire in Idlib" is aimed at Syria).
PROCLAIMING_VERBS = frozenset({"announce", "declare"})
THREAT_ROOT = "13"
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
# Roots where coordinated parties' unnamed forces are their own: they cooperate or yield
# together ("agreed to pull back troops").
SHARED_FORCE_ROOTS = COOPERATION_ROOTS | {"08"}
MUTUAL_WORDS = frozenset({
    "clash", "fight", "fighting", "exchange", "battle", "skirmish", "spar", "feud", "quarrel",
    "wrangle", "trade", "war", "hostility", "meet", "negotiate", "talk", "agree", "sign",
    "reconcile", "ceasefire", "truce", "agreement", "deal", "accord", "treaty"})
ORG_PREFIXES = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC", "INT"})


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
    if _discarded(dictionaries.story_discards, article.text[:2000], blanks):
        return ArticleAnalysis([], [])
    memory = ArticleMemory()
    events: list[Event] = []
    quotes: list[Quote] = []
    for sentence in parsed.sentences:
        if sentence.doc is None or _discarded(dictionaries.sentence_discards, sentence.text,
                                              blanks):
            continue
        actors = find_actors(sentence.doc, sentence.start, dictionaries, article.published,
                             memory)
        events.extend(_code_sentence(parsed, sentence, actors, dictionaries, settings))
        quotes.extend(sentence_quotes(article.id, sentence, actors))
    links = link_events(events, quotes)
    if links:
        events = [replace(e, quote_id=links[e.id]) if e.id in links else e for e in events]
    return ArticleAnalysis(events, quotes)


def _discarded(discards: PhraseIndex, text: str, between_blanks: bool) -> bool:
    """Whether a discard phrase occurs in ``text``; ``between_blanks``: only where blanks or
    the text's ends bound it (``Convention.discards_between_blanks``)."""
    def bounded(match: PhraseMatch) -> bool:
        return (match.start == 0 or text[match.start - 1].isspace()) and (
            match.end == len(text) or text[match.end].isspace())

    matches = discards.find(text)
    return any(map(bounded, matches)) if between_blanks else bool(matches)


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
        if token.dep_ == "prep":
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
        matched[token.i] = (pattern, frame)
        found = list(_events_for(parsed, sentence, token, frame, pattern, actors,
                                 dictionaries, settings))
        if not found and convention.obligation_is_demand and obliged(token):
            found = list(_demands(parsed, sentence, token, pattern, actors, dictionaries))
        if found:
            coded_heads.add(token.i)
            by_token[token.i] = found
            consumed.update(_named_verbs(token, pattern, dictionaries.verbs))
    if dictionaries.transformations:
        for_rules = replace(settings, require_target=False)

        def for_the_rules(token: Token, pattern: Pattern, frame: Frame) -> list[Event]:
            return list(_events_for(parsed, sentence, token, frame, pattern, actors,
                                    dictionaries, for_rules, asked_for=True))
        _transform_nested(doc, by_token, matched, actors, dictionaries, for_the_rules)
    for i in list(by_token):
        if _done_by_gerund(doc[i], by_token) or unasserted(doc[i]) or _left_in_a_state(doc[i]) \
                or a_game_result(doc[i]) or a_ranking(doc[i]):
            del by_token[i]
    if convention.nests_clause_events:
        _drop_nested_events(doc, by_token)
    else:
        for i in list(by_token):
            if _governs_coded_intent(doc[i], by_token):
                del by_token[i]
    return _unique([e for i in sorted(by_token) for e in by_token[i]])


def _first_match(frame: Frame, patterns: Iterable[Pattern], words: set[str],
                 actors: SentenceActors) -> Pattern | None:
    """The first pattern that fits the frame (they come most specific first); among those
    as long as it, one naming an object of the verb beats one naming only its particle or
    preposition: "broke off diplomatic relations" is ``- * RELATIONS``, not ``- * OFF``
    (PETRARCH tries a verb's noun phrases first)."""
    fitting = (p for p in patterns
               if frame.matches(p, words) and not _unfilled_slot(frame, p, actors)
               and not _names_an_actor_modifier(frame, p, actors))
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


def _named_verbs(token: Token, pattern: Pattern, verbs: PatternIndex) -> list[int]:
    """Verbs under ``token`` that belong to its event, not to one of their own: a verb the
    pattern names, or the second verb of a compound the dictionary lists (``WIRE_+TAP``:
    "will not wire tap" is one negated event, not also a "tap")."""
    lemma = token.lemma_.lower()
    return [c.i for c in token.children if c.pos_ == "VERB" and (
        c.lemma_.lower() in pattern.words or c.lower_ in pattern.words
        or (c.i == token.i + 1 and any(p.words == (lemma,)
                                        for p in verbs.get(c.lemma_.lower()))))]


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
        sources = _verb_roles(token, frame, pattern, actors_of, convention)[0]
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


def _done_by_gerund(token: Token, by_token: dict[int, list[Event]]) -> bool:
    """'retaliated by expelling its ambassador': the coded gerund is what was done, so the
    governing verb's own code (RETALIATE's 190) says nothing more."""
    return any(c.dep_ == "prep" and c.lower_ == "by" and any(
        g.dep_ == "pcomp" and g.i in by_token for g in c.children) for c in token.children)


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
    return ((surface != lemma and index.spelt(surface)) or index.get(lemma)
            or index.get(WRITTEN_FORM + lemma))


def _names_an_actor_modifier(frame: Frame, pattern: Pattern, actors: SentenceActors) -> bool:
    """A pattern word found only as a dictionary word modifying a dictionary noun that heads
    an actor is part of the actor's name, not of the event: "attacked government forces" is
    no ``- * GOVERNMENT`` criticism; "supplied military equipment" (no actor noun) and
    "access for relief workers" (no actor word) still fit their patterns."""
    return any(m.i in actors.named and m.head.i in actors.named and actors.of(m.head)
               for w in pattern.words if not w.startswith(PRE_VERB)
               for m in frame.modified_only(w))


def _unfilled_slot(frame: Frame, pattern: Pattern, actors: SentenceActors) -> bool:
    """A prepositional target slot with no actor in it: "called Erdogan on Tuesday" is not
    "call on +", so the next pattern gets its chance."""
    after = pattern.target_after
    if not after or after == pattern.lemma or not frame.is_prep(after):
        return False
    return not any(actors.of(t) for t in frame.slot(after, pattern))


def _events_for(parsed: ParsedArticle, sentence: ParsedSentence, token: Token, frame: Frame,
                pattern: Pattern, actors: SentenceActors, dictionaries: Dictionaries,
                settings: CoderSettings, asked_for: bool = False) -> Iterable[Event]:
    """The events of one fired pattern; ``asked_for``: code it even if it is only asked for
    ("urged X to attack"), for a transformation to rewrite."""
    convention = dictionaries.convention
    mood = mood_of(token, convention)
    negation = dictionaries.negations.get(pattern.code) if mood.negated else None
    if (mood.directed and not asked_for) or (
            mood.negated and not negation and not settings.include_negated):
        return
    actors_of = _actors_lookup(actors)

    if pattern.kind == "noun":
        sources, targets, reciprocal = _noun_roles(token, frame, pattern, actors_of)
    else:
        sources, targets, reciprocal = _verb_roles(token, frame, pattern, actors_of, convention)
    sources, targets = _most_specific(sources), _most_specific(targets)
    if pattern.code[:2] in DOMESTIC_ROOTS:
        targets = [_domestic(t, sources) for t in targets]
    if len(sources) > 1 and pattern.code[:2] in SHARED_FORCE_ROOTS and _only_bare_forces(targets):
        # "Cambodia and Thailand agreed to pull back troops": their own troops, so the
        # parties agreed with each other.
        targets, reciprocal = [], True
    elif reciprocal and not convention.every_coordination_is_mutual:
        reciprocal = _mutual(token, pattern)
    elif reciprocal and pattern.code[:2] == STATEMENT_ROOT:
        reciprocal = False  # "US and Israeli sources said": a statement, not to each other
    if reciprocal and _only_their_own(sources, targets) and _mutual(token, pattern):
        # "Thai and Cambodian troops exchanged fire near a Cambodian temple", "the US and
        # Cuba restored relations, reopening embassies in Washington and Havana": the
        # coordinated parties acted on each other, not on their own places.
        targets = []
    pairs = _pairs(sources, targets, reciprocal, settings.require_target)
    if not pairs:
        return
    code = negation or pattern.code  # "did not clash over" codes as its negation (PICO)
    if mood.future and convention.future_takes_intent_code:
        code = pattern.future_code or intent_code(code[:2]) or code
    directed = [(source, target, code) for source, target in pairs]
    if pattern.reverse_code:
        directed += [(target, source, pattern.reverse_code) for source, target in pairs
                     if target is not None]
    reporter = _reporter(token, actors_of)
    for source, target, event_code in directed:
        info = cameo_info(event_code) or unknown_code(event_code)
        if info is not None:  # None: "---", the pattern matched to block coding
            yield _event(parsed, sentence, token, pattern, dictionaries, mood, source, target,
                         info, reporter)


def _actors_lookup(actors: SentenceActors) -> Callable[[Iterable[Token]], list[Actor]]:
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


def _verb_roles(token: Token, frame: Frame, pattern: Pattern, actors_of,
                convention: Convention) -> tuple[list[Actor], list[Actor], bool]:
    anywhere = convention.target_anywhere_after_verb
    subject_tokens, passive = subjects(token, gerund_preps=SUBJECT_GERUND_PREPS
                                       if convention.time_gerunds_take_subject else ("by",))
    subject_tokens = [s for t in subject_tokens for s in _speaker_for_pronoun(t, token)]
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
        targets = _first_actors(_not_own_clause_subject(
            _not_venue(candidates, sources, token, pattern, actors_of), sources, actors_of),
            actors_of, own, frame.named_objects(pattern))
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
        len(sources) > 1 and _mutual(token, pattern))


def _threatened(verb: Token, sources: list[Actor], actors_of) -> list[Actor]:
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


def _spoken_of(verb: Token, actors_of) -> list[Actor]:
    """'Saakashvili told AFP that Russia wanted to destroy his country': the press is only
    the channel; the statement is about the clause's subject (Russia), as when nobody is
    named as the one told. The speaker's own country is no such subject ('told Russian
    newspapers that Damascus was ready'): the press then stays the target."""
    said = [c for clause in reported_clauses(verb) if clause.i > verb.i
            for c in clause.children if c.dep_ in SUBJECT_DEPS]
    return actors_of(said)


def _victims_of(verb: Token, actors_of) -> list[Actor]:
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
               pattern: Pattern, actors_of) -> Iterator[Token]:
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
    if _mutual(verb, pattern) and len(sources) > 1:
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
                if someone:
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


def _not_own_clause_subject(candidates: Iterable[Token], sources: list[Actor], actors_of
                            ) -> Iterator[Token]:
    """Candidates less a that-clause's subject of the source's own country: in "the Polish
    president said Warsaw would send tanks", Warsaw is what was said, not who was told; so
    is a sector of no country when the source has one ("Netanyahu said the government
    would pass the budget")."""
    own = _countries_of(sources)
    for token in candidates:
        clause_subject = token.dep_ in SUBJECT_DEPS and token.head.dep_ == "ccomp"
        found = actors_of([token]) if clause_subject else []
        said = clause_subject and token.head.head.lemma_.lower() in SPEECH_VERBS
        if _only_in(found, own) or (
                said and found and all(a.country for a in sources)
                and all(a.country is None and a.code in SECTOR_CODES for a in found)):
            continue
        yield token


def _countries_of(actors: Iterable[Actor]) -> set[str]:
    """The actors' countries (a named code such as IGOUNO starts with its own "country")."""
    return {a.country or a.code[:3] for a in actors}


def _only_in(actors: list[Actor], countries: set[str]) -> bool:
    """Whether there are actors, all of the given countries."""
    found = _countries_of(actors)
    return bool(found) and found <= countries


def _slot_actors(frame: Frame, after: str, pattern: Pattern, actors_of) -> list[Actor]:
    """Actors in a ``+``/``$`` slot (``Frame.takes_first_actor`` says whether only the
    first one counts)."""
    tokens = frame.slot(after, pattern)
    return _first_actors(tokens, actors_of) if frame.takes_first_actor(after, pattern) \
        else actors_of(tokens)


def _agentless_sources(frame: Frame, pattern: Pattern, actors_of) -> list[Actor]:
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
    for holder in (frame.head, *passives):
        found = _first_actors(_doer_phrases(holder, 2, acts_only=False), actors_of)
        if found:
            return found
    return []


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


def _noun_roles(token: Token, frame: Frame, pattern: Pattern, actors_of
                ) -> tuple[list[Actor], list[Actor], bool]:
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


def _with_misparsed_appositions(tokens: list[Token], found: list[Actor], actors_of
                                ) -> list[Actor]:
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
            # "Mordor, the Shire, Arnor and Bree": the names coordinated with it count too.
            for actor in actors_of(conjuncts(child)):
                key = actor.country or actor.code[:3]
                if key not in countries and key not in ORG_PREFIXES:
                    countries.add(key)
                    extra.append(actor)
    return found + extra if found else found


def _speaker_for_pronoun(subject: Token, verb: Token) -> list[Token]:
    """'Hungary said it will support…': a pronoun subject inside reported speech is the speaker."""
    if subject.pos_ != "PRON" or subject.lower_ not in SPEAKER_PRONOUNS:
        return [subject]
    return _speakers(verb) or [subject]


def _speakers(verb: Token) -> list[Token]:
    """The subject of the verb that governs ``verb``'s clause: "Hungary said it will…",
    "Ethiopia indicated it would…"."""
    current = verb
    for _ in range(3):
        said_in = content_clause_head(current)
        if said_in is None and (current.dep_ not in ("ccomp", "conj", "xcomp")
                                or current.head == current):
            break
        current = said_in or current.head
        if current.pos_ in ("VERB", "AUX"):
            speakers, passive = subjects(current)
            if speakers and not passive and not any(s.pos_ == "PRON" for s in speakers):
                return speakers
    return []


def _speakers_own(sources: list[Actor], subject_tokens: list[Token], verb: Token,
                  actors_of) -> list[Actor]:
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



def _domestic(target: Actor, sources: list[Actor]) -> Actor:
    """'Turkish police detained protesters': country-less targets of repression are domestic."""
    countries = {s.country for s in sources if s.country}
    if target.country or len(countries) != 1 or target.code[:3] in ORG_PREFIXES:
        return target
    (country,) = countries
    return in_country(target, country, "domestic")


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


def _first_actors(tokens: Iterable[Token], actors_of, skip: Collection[str] = (),
                  pattern_words: Collection[int] = ()) -> list[Actor]:
    """The first candidate naming a country or organisation; a bare sector only as last
    resort. Actors coded as in ``skip`` (the source's own codes) are passed over; a word of
    the pattern (``pattern_words``) counts only for an actor named in it ("a US proposal"),
    not as an agent ("missiles")."""
    fallback: list[Actor] = []
    for token in tokens:
        found = [a for a in actors_of(conjuncts(token)) if a.code not in skip and (
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


def _names_a_party(actor: Actor) -> bool:
    """A country, an organisation, or an identity ("Muslim rebels", ``REBMUS``): more than a
    bare sector ("the army", "rebels")."""
    code = actor.code
    return bool(actor.country) or code[:3] in ORG_PREFIXES or any(
        part not in SECTOR_CODES for part in three_letter_parts(code))


def _mutual(token: Token, pattern: Pattern) -> bool:
    """Whether coordinated subjects without a target did it to each other: they cooperate
    ("Russia and Turkey agreed", roots 03-06), or the verb or noun says they acted on each
    other ("clashed", "exchanged fire", "agreed to a ceasefire", "fighting between"); allies
    who "launched attacks" or "both said" did not."""
    return pattern.code[:2] in COOPERATION_ROOTS or token.lemma_.lower() in MUTUAL_WORDS


def _pairs(sources: list[Actor], targets: list[Actor], reciprocal: bool,
           require_target: bool) -> list[tuple[Actor, Actor | None]]:
    pairs: list[tuple[Actor, Actor | None]] = []
    if targets:
        for s in sources:
            own = [t for t in targets if t.code != s.code]
            foreign = [t for t in own if not _same_country_nested(s, t)]
            # One of several sources, several targets: its own country's is an artefact.
            pairs.extend((s, t) for t in (foreign if len(sources) > 1 and foreign else own))
    elif reciprocal and len(sources) > 1:
        pairs = [(s, t) for s in sources for t in sources
                 if s.code != t.code and not _same_side(s, t)]
    elif not require_target:
        pairs = [(s, None) for s in sources]
    return pairs


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
    speakers = actors_of(s for t in subjects(speech)[0] for s in _speaker_for_pronoun(t, speech))
    addressees = actors_of(c for c in token.children if c.dep_ in SUBJECT_DEPS)
    for source in _most_specific(speakers):
        for target in _most_specific(addressees):
            if target.code == source.code or (target.country and target.country == source.country):
                continue
            event = _event(parsed, sentence, token, pattern, dictionaries, mood, source, target,
                           info, None)
            yield replace(event, rule=f"must-clause demand [{event.rule}]")


def _reporter(token: Token, actors_of) -> Actor | None:
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
