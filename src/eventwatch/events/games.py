"""Sports results, rankings and election wins are no political events.

Wire services run sport and business beside politics, and their verbs are the verbs of
conflict: "China beat Japan 3-1", "Spain face Germany in the final", "China overtook the US
to become Japan's biggest trading partner". Dictionaries code such a sentence as an assault
or a meeting between two countries (Phoenix's BEAT, DEFEAT and OVERTAKE are 190). A contest
verb in a sentence that carries a score or names a game is a result, and overtaking someone
as the biggest or to become the top one is a ranking: neither is an event.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from eventwatch.events.frame import clauses_told_with
from eventwatch.lexicon import prep_objects

# Verbs a result is told with ("edged Cuba 3-2", "held Italy to a draw").
CONTEST_VERBS = frozenset({
    "beat", "defeat", "crush", "thrash", "edge", "rout", "down", "overcome", "face", "play",
    "draw", "lose", "win", "stun", "upset", "trounce", "whip", "sweep", "oust", "eliminate",
    "overpower", "outclass", "outplay", "outscore", "dominate", "take", "hold", "knock",
    "meet", "overtake", "topple", "humble", "hammer", "batter", "dump", "overwhelm"})
# Nouns that name a game or its stage ("in the final", "a friendly match").
GAME_NOUNS = frozenset({
    "final", "semifinal", "quarterfinal", "match", "friendly", "tournament", "medal",
    "championship", "qualifier", "playoff", "play-off", "derby", "fixture", "innings",
    "semi", "olympiad", "singles", "doubles", "wicket", "volleyball",
    "basketball", "football", "soccer", "tennis", "cricket", "rugby", "hockey", "handball",
    "badminton", "baseball", "softball", "breaststroke", "backstroke", "freestyle",
    "marathon", "relay", "hurdles", "decathlon", "heptathlon", "triathlon", "archery",
    "fencing", "epee", "sabre", "rowing", "canoeing", "kayak", "cycling", "judo", "taekwondo",
    "wrestling", "boxing", "weightlifting", "gymnastics", "diving", "swimming", "polo",
    "equestrian", "dressage", "sailing", "athletics", "golf", "snooker", "tie-break",
    "medley", "duet", "downhill", "slalom"})
# (not "goal" or "game": "our goal was", "war games")
# Prizes, only where a verb hands them over ("met on the sidelines of the Olympic Games" is a
# meeting): "won the shooting gold of the Games".
PRIZE_NOUNS = frozenset({"gold", "silver", "bronze", "title", "trophy", "cup", "crown",
                         "medal", "prize", "award"})
# Races named as prizes, in capitals ("clinched the Tour of Spain"; a "tour" is a visit).
_RACES = frozenset({"Tour", "Giro", "Vuelta"})
# What a vote is won for ("won control of the lower house in the March elections").
ELECTION_NOUNS = frozenset({"election", "poll", "vote", "referendum", "primary", "runoff",
                            "run-off", "ballot", "seat", "nomination", "landslide"})
# Games the tokenizer splits: "in straight sets", "in four sets", "a one-day international".
_GAME_PHRASES = re.compile(r"\bin (?:straight|two|three|four|five) sets\b|\bone-day "
                           r"internationals?\b|\btwenty20\b", re.IGNORECASE)
# Race distances ("the 100m butterfly"), not money ("$100m").
_DISTANCE = re.compile(r"(?<![\w.,$£€])\d{2,5}m\b")
# "3-1", "97-76", "6-3 7-6"; not "2-3 percent", "1990-95" or a vote ("voted 52-48").
_SCORE = re.compile(r"(?<![\w.$£€-])\d{1,3}-\d{1,3}(?![\w%-])"
                    r"(?!\s*(?:per|percent|million|billion|years?|months?|weeks?|days?))")


# Verbs that hand over a prize ("giving India its first Olympic gold medal").
PRIZE_VERBS = frozenset({"give", "hand", "bring", "earn", "win", "secure", "clinch"})
# ... of which those that win it ("gave the opposition a seat" may be a concession).
WINNING_VERBS = frozenset({"earn", "win", "secure", "clinch"})
# Verbs that take a prize as their object ("captured the team gold", "retained their title",
# "taking silver and bronze"); only a prize itself counts here, not "the Games".
TAKING_VERBS = frozenset({"take", "claim", "capture", "retain", "defend", "grab", "bag",
                          "collect", "scoop", "snatch", "land"})
# What is beaten in business, not in a game or a war ("beat forecasts").
_BENCHMARKS = frozenset({"forecast", "expectation", "estimate", "record", "target", "odds",
                         "consensus", "prediction"})

# Verbs a ranking is told with ("overtook Germany as the world's top exporter").
RANKING_VERBS = frozenset({"overtake", "surpass", "outstrip", "overhaul", "outpace", "eclipse",
                           "outsell", "outrank"})
# Words that say what the ranking is of.
_RANKS = frozenset({"biggest", "largest", "top", "leading", "second", "third", "first",
                    "richest", "busiest", "best", "most", "no."})


def a_ranking(verb: Token) -> bool:
    """Whether ``verb`` tells a ranking: an overtaking "as" something or "to become"
    something, or in a sentence that names a rank ("the world's biggest carmaker")."""
    if verb.lemma_.lower() not in RANKING_VERBS:
        return False
    return any((c.dep_ == "prep" and c.lower_ == "as")
               or (c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() == "become")
               for c in verb.children) or any(t.lower_ in _RANKS for t in verb.sent)


def a_game_result(verb: Token) -> bool:
    """Whether ``verb`` tells a sports result: a contest verb in a sentence with a score or a
    game noun, and no vote, or one that beats a forecast; a prize or an election won or
    handed over ("giving India its first gold medal", "captured the team gold", "won control
    of the lower house in the March elections"); or anything told with a prize won ("beat
    Djokovic to win the title", "won the shot put, beating X", "stormed to victory,
    capturing the gold", "clinched the Tour of Spain and praised his team-mates")."""
    if _a_prize_won(verb, elections=True) or _a_game_told(verb):
        return True  # "stormed to victory", "pulled out of the Masters Cup"
    if any(map(_a_prize_won, clauses_told_with(verb))):
        return True
    if any(map(_a_game_told, _told_on(verb))):
        # "smashed the record in the 100 metres final, leaving X trailing"; "smashed the world
        # record, clocking 9.69 seconds and beating X"
        return True
    if verb.lemma_.lower() not in CONTEST_VERBS:
        return False
    if verb.dep_ in ("advcl", "conj") and verb.head.lemma_.lower() == "win":
        return True  # "won the men's shot put, beating American favourite Christian Cantwell"
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _BENCHMARKS for c in verb.children):
        return True
    sentence = verb.sent
    if any(t.lemma_.lower() == "vote" for t in sentence):
        return False
    told_with = _own_phrase(verb) if verb.lemma_.lower() in _MEETING_VERBS else sentence
    return bool(_SCORE.search(sentence.text) or _GAME_PHRASES.search(sentence.text)
                or _DISTANCE.search(sentence.text)) or any(
        _game_noun(t) or _a_tournament(t) for t in told_with)


def _told_on(verb: Token) -> list[Token]:
    """The verbs a participle or coordinated verb is tacked on, up the chain."""
    found = []
    while verb.dep_ in ("advcl", "conj") and verb.head != verb and len(found) < 3:
        verb = verb.head
        found.append(verb)
    return found


# Contest verbs that are everyday political verbs too: a game elsewhere in the sentence does
# not make them one ("met Hu Jintao, hours before watching the US team play China in an
# Olympic preliminary").
_MEETING_VERBS = frozenset({"meet", "face", "hold", "take"})
_OWN_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "acl", "conj", "parataxis", "xcomp"})


def _own_phrase(verb: Token) -> list[Token]:
    """The verb's phrase without the clauses in it, however deep ("hours before watching
    ...")."""
    apart = {t.i for c in verb.subtree if c != verb and (
        c.dep_ in _OWN_CLAUSE_DEPS or (c.dep_ == "pcomp" and c.pos_ == "VERB"))
        for t in c.subtree}
    return [t for t in verb.subtree if t.i not in apart]


def _a_game_told(verb: Token) -> bool:
    """A verb that tells a game in its own words: a game or a prize among its objects ("in
    the 100 metres final", where the parser reads "final" as an adjective after its noun), a
    prize won, or a win reached."""
    return _a_prize_won(verb) or _to_victory(verb) or _a_record_broken(verb) or any(
        _game_noun(t) or _a_prize(o) for o in _objects(verb)
        for t in (o, *(c for c in o.children if c.i > o.i)))


# Verbs that break a sporting record, and the records they break ("smashed the 100 metres
# world record"; not "a record oil price", which names no one's feat).
_RECORD_VERBS = frozenset({"smash", "break", "set", "shatter", "equal", "better", "lower"})
_RECORDS = frozenset({"world", "olympic", "national", "continental", "european", "asian",
                      "african", "commonwealth", "games"})


def _a_record_broken(verb: Token) -> bool:
    return verb.lemma_.lower() in _RECORD_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() == "record"
        and any(m.lower_ in _RECORDS for m in c.children if m.dep_ in ("compound", "amod"))
        for c in verb.children)


# Tournaments named in capitals, after their place or sponsor ("the Qatar Open").
_TOURNAMENTS = frozenset({"Open", "Masters", "Wimbledon"})


def _a_tournament(token: Token) -> bool:
    return token.text in _TOURNAMENTS and token.i > token.sent.start


def _a_prize_won(verb: Token, elections: bool = False) -> bool:
    """A prize (or, with ``elections``, an election) won or handed over by the verb, or a
    prize it takes."""
    lemma = verb.lemma_.lower()
    if lemma in PRIZE_VERBS and any(_game_noun(t) or _a_prize(t) or t.text in _RACES or (
            elections and lemma in WINNING_VERBS and t.lemma_.lower() in ELECTION_NOUNS)
            for t in verb.subtree):
        return True
    return lemma in TAKING_VERBS and any(
        _a_prize(t) and t.text != "Games" and t.dep_ not in ("compound", "amod", "nmod")
        for c in verb.children if c.dep_ == "dobj" for t in c.subtree)  # not "a gold mine"


def a_ballot_cast(verb: Token) -> bool:
    """Whether ``verb`` is people voting in an election ("Bolivians voted in a recall
    referendum on the mandates of President Evo Morales"): a vote cast, not an act aimed at
    anyone ("parliament voted to impeach Musharraf" is)."""
    return verb.lemma_.lower() == "vote" and any(
        c.dep_ == "prep" and c.lower_ in ("in", "at") and any(
            p.dep_ == "pobj" and p.lemma_.lower() in ELECTION_NOUNS for p in c.children)
        for c in verb.children)


def _game_noun(token: Token) -> bool:
    """A game noun, not an adjective ("final status talks"); an adjective after its noun is
    the parser's reading of a noun ("the men's archery final")."""
    attribute = token.dep_ in ("amod", "advmod") and token.i < token.head.i
    return (token.lemma_.lower() in GAME_NOUNS and not attribute and token.pos_ != "VERB") \
        or _a_game_against(token)


def _a_game_against(token: Token) -> bool:
    """'their final two games against Italy and Scotland'; not war games."""
    return token.lemma_.lower() == "game" and token.pos_ == "NOUN" and any(
        c.dep_ == "prep" and c.lower_ == "against" for c in token.children) and not any(
        c.dep_ in ("compound", "amod") and c.lower_ in ("war", "military", "naval")
        for c in token.children)


def _a_prize(token: Token) -> bool:
    """A prize ("the Booker Prize"), or "the Games" (the Olympics; not "war games")."""
    return (token.lemma_.lower() in PRIZE_NOUNS and token.pos_ in ("NOUN", "PROPN")) \
        or token.text == "Games"


# What a win is reached as ("stormed to victory", "cruised to a win", "swam to gold").
_VICTORIES = frozenset({"victory", "win", "gold", "title", "triumph"})


def _to_victory(verb: Token) -> bool:
    return any(o.lemma_.lower() in _VICTORIES for o in prep_objects(verb, "to"))


def _objects(verb: Token) -> list[Token]:
    """The verb's direct objects and the objects of its prepositions, however nested ("pulled
    out of [the Masters Cup]")."""
    found = [c for c in verb.children if c.dep_ == "dobj"]
    preps = [c for c in verb.children if c.dep_ == "prep"]
    while preps:
        prep = preps.pop()
        found += [c for c in prep.children if c.dep_ == "pobj"]
        preps += [c for c in prep.children if c.dep_ == "prep"]
    return found
