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

from eventwatch.actors import ArticleMemory, SentenceActors, find_actors
from eventwatch.dictionaries.model import Dictionaries, Pattern
from eventwatch.dictionaries.words import regular_verb_form
from eventwatch.events.business import a_profit_warning, a_takeover, business_news
from eventwatch.events.crime import ordinary_crime
from eventwatch.events.discards import sentence_discards, story_discarded
from eventwatch.events.frame import Frame, has_own_subject, quoted_as, subjects, unasserted
from eventwatch.events.games import a_ballot_cast, a_game_result, a_ranking
from eventwatch.events.history import verbs_dated
from eventwatch.events.ids import event_id
from eventwatch.events.matching import (
    FOLDING_VERBS,
    first_match,
    lookup,
    named_verbs,
    through_the_complement,
    with_plain_complements,
)
from eventwatch.events.mood import Mood, background, done_to_no_one, mood_of, obliged
from eventwatch.events.nature import a_struggle, against_nature
from eventwatch.events.nesting import (
    casualties_of,
    done_by_gerund,
    drop_nested_events,
    governs_coded_intent,
    transform_nested,
)
from eventwatch.events.pairing import most_specific, pair_up, same_party
from eventwatch.events.roles import (
    ActorsOf,
    actors_lookup,
    noun_roles,
    speaker_for_pronoun,
    verb_roles,
)
from eventwatch.lexicon import SPEECH_VERBS, SUBJECT_DEPS, a_running_count, attribution
from eventwatch.ontology import cameo_info, demand_code, intent_code, refusal_code, unknown_code
from eventwatch.parse import ParsedArticle, ParsedSentence
from eventwatch.quotes import Quote, link_events, sentence_quotes
from eventwatch.records import Actor, CameoInfo, Event

if TYPE_CHECKING:
    from spacy.tokens import Token

# spaCy's small model lemmatizes a few verbs wrongly: (bad lemma, surface prefix) -> lemma.
LEMMA_FIXES = {("stag", "stag"): "stage"}


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
            patterns = lookup(dictionaries.verbs, token.lower_, lemma)
            if convention.regular_verb_forms_only and not regular_verb_form(token.lower_, lemma):
                patterns = dictionaries.verbs.spelt(token.lower_)  # "departes": a typo
        elif token.pos_ in ("NOUN", "PROPN") and token.head.i not in coded_heads:
            patterns = lookup(dictionaries.nouns, token.lower_, lemma)
        else:
            continue
        if not patterns:
            continue
        frame = Frame.of(token)
        if convention.complements_join_verb_phrase:
            frame = with_plain_complements(frame, dictionaries.verbs)
        words = frame.words(not convention.inner_prepositions_need_their_phrase)
        pattern = first_match(frame, patterns, words, actors)
        if pattern is None:
            continue
        joined: list[Token] = []
        if convention.complements_join_verb_phrase and not pattern.words \
                and lemma in FOLDING_VERBS:
            pattern, frame, joined = through_the_complement(frame, pattern, patterns, actors,
                                                             convention)
        matched[token.i] = (pattern, frame)
        found = list(_events_for(parsed, sentence, token, frame, pattern, actors,
                                 dictionaries, settings))
        if not found and convention.obligation_is_demand and obliged(token):
            found = list(_demands(parsed, sentence, token, pattern, actors, dictionaries))
        if found:
            coded_heads.add(token.i)
            by_token[token.i] = found
            consumed.update(named_verbs(token, pattern, dictionaries.verbs))
            consumed.update(t.i for t in joined)
    if dictionaries.transformations:
        for_rules = replace(settings, require_target=False)

        def for_the_rules(token: Token, pattern: Pattern, frame: Frame) -> list[Event]:
            return list(_events_for(parsed, sentence, token, frame, pattern, actors,
                                    dictionaries, for_rules, asked_for=True))
        transform_nested(doc, by_token, matched, actors, dictionaries, for_the_rules)
    for i in list(by_token):
        if done_by_gerund(doc[i], by_token) or any(test(doc[i]) for test in NOT_NEWS):
            del by_token[i]
    for i in list(by_token):
        if casualties_of(doc[i], by_token):
            del by_token[i]
    if convention.nests_clause_events:
        drop_nested_events(doc, by_token)
    else:
        for i in list(by_token):
            if governs_coded_intent(doc[i], by_token):
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
                   and same_party(k.target, event.target)
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
                   and same_party(other.target, statement.target) for other in events)
    return [e for e in events if e.cameo.code != PLAIN_STATEMENT or not said_more(e)]


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
    actors_of = actors_lookup(actors)

    if pattern.kind == "noun":
        sources, targets, reciprocal = noun_roles(token, frame, pattern, actors_of)
    else:
        sources, targets, reciprocal = verb_roles(token, frame, pattern, actors_of, convention)
    pairs = pair_up(token, pattern, sources, targets, reciprocal, actors_of, convention,
                    settings.require_target)
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


def _demands(parsed: ParsedArticle, sentence: ParsedSentence, token: Token, pattern: Pattern,
             actors: SentenceActors, dictionaries: Dictionaries) -> Iterator[Event]:
    """'Sarkozy said Russia must withdraw its troops from Georgia': the speaker demands it of
    the clause's subject (FRAGOV → RUS 1056, from ``data/ontology/demand.tsv``); a country
    obliging its own people is no demand between parties."""
    mood = mood_of(token, dictionaries.convention)
    info = cameo_info(demand_code(pattern.code))
    if mood.negated or info is None or not pattern.code.isdigit():
        return
    actors_of = actors_lookup(actors)
    speech = token.head
    speakers = actors_of(s for t in subjects(speech)[0] for s in speaker_for_pronoun(t, speech))
    addressees = actors_of(c for c in token.children if c.dep_ in SUBJECT_DEPS)
    for source in most_specific(speakers):
        for target in most_specific(addressees):
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
