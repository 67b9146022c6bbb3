"""English words and dependency labels that more than one stage reads.

The parser's repairs and the coder must agree on what a saying verb, a subject or an
infinitive is; keeping the lists (and the one test on them) here keeps them from drifting
apart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Token

# Dependency labels of a clause's subject (spaCy's English labels).
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})

# Verbs whose that-clause is what was said ("Lavrov said Georgia had violated the truce").
SAYING_VERBS = frozenset({"say", "tell", "announce", "state", "add", "claim", "insist",
                          "declare", "note", "stress", "write", "argue"})
# Saying verbs plus those that report, reveal or believe a clause.
SPEECH_VERBS = SAYING_VERBS | {"report", "confirm", "reveal", "allege", "quote", "explain",
                               "believe", "think", "assert"}
# Verbs whose infinitive is meant, not done ("vowed to retaliate").
INTENT_VERBS = frozenset({"plan", "intend", "want", "seek", "hope", "expect", "aim", "prepare",
                          "threaten", "pledge", "promise", "vow", "agree", "offer", "decide",
                          "propose", "try", "attempt", "wish", "consider", "mull"})
# Verbs whose infinitive is not done ("refused to withdraw").
NEGATING_VERBS = frozenset({"refuse", "decline", "fail", "reject", "deny", "avoid", "cancel"})
# Of these, the ones that turn the act down: "refused to meet" is a rejection (CAMEO 12),
# "failed to meet" is not.
REFUSING_VERBS = frozenset({"refuse", "decline", "reject"})
# Verbs whose complement is asked of someone, not done ("urged Russia to withdraw").
DIRECTIVE_VERBS = frozenset({"urge", "demand", "ask", "call", "request", "press", "appeal",
                             "insist", "implore", "beg", "order", "instruct", "encourage",
                             "pressure", "push", "invite", "want"})
# Verbs that make their object do what their infinitive says ("prompted a general to warn":
# the general warned). Unlike a directive, the infinitive happened.
CAUSATIVE_VERBS = frozenset({"prompt", "force", "compel", "cause", "lead", "spur", "drive",
                             "oblige", "provoke", "trigger", "persuade",
                             "convince", "inspire", "move", "help", "enable", "allow"})
# Verbs of accidents: what follows from them ("crashed, killing 60") is nobody's doing.
ACCIDENT_VERBS = frozenset({"crash", "capsize", "sink", "derail", "collapse", "overturn",
                            "plunge", "skid", "topple", "erupt", "veer"})
# Nouns of armed forces and fighters, by lemma ("troops", "rebels", "gunmen").
ARMED_NOUNS = frozenset({"troop", "soldier", "force", "army", "military", "rebel", "militant",
                         "insurgent", "fighter", "militia", "guerrilla", "gunman", "jihadist",
                         "police", "policeman", "marine", "navy", "commando", "separatist"})
# Verbs whose coordinated subjects fight each other ("Ethiopian troops and Islamist
# insurgents fought").
FIGHT_EACH_OTHER_VERBS = frozenset({"clash", "fight", "battle", "skirmish", "exchange",
                                    "trade"})


# Participles a speaker names his source with: "a spokesman said, citing a message from the
# Russian embassy".
CITING_WORDS = frozenset({"citing", "quoting"})


def attribution(token: Token) -> bool:
    """ "according to X" names who reports it, never a party to it, wherever the parser hangs
    it ("killing dozens, according to officials" came back as a verb joined to "killing");
    so does "citing X" tacked on a saying (Phoenix's ``- * MESSAGE [045]`` of CITE made the
    spokesman mediate for the embassy he cited)."""
    if token.lower_ in CITING_WORDS:
        return token.dep_ == "advcl" and token.head.lemma_.lower() in SPEECH_VERBS
    return token.lower_ == "according" and (token.dep_ == "prep" or (
        token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"))


def prep_objects(holder: Token, word: str) -> Iterator[Token]:
    """The objects of the holder's preposition ``word`` ("of" in "the movement of X")."""
    return (p for c in holder.children if c.dep_ == "prep" and c.lower_ == word
            for p in c.children if p.dep_ == "pobj")


def to_infinitive(verb: Token) -> bool:
    """Whether the verb carries its own "to" ("vowed to retaliate", "a plan to withdraw")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# Tags of finite verbs (a verb with a tense of its own, not a participle or infinitive).
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Names of the days of the week ("on Friday").
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"})
# Titles that make a name a person's, whatever the entity tagger says ("opposition leader
# Morgan Tsvangirai", which the small model tags ORG).
PERSONAL_TITLES = frozenset({
    "president", "minister", "premier", "leader", "chancellor", "secretary", "spokesman",
    "spokeswoman", "general", "king", "queen", "prince", "ambassador", "envoy", "governor",
    "senator", "mayor", "commander", "chairman", "chairwoman", "emir", "sheikh", "ayatollah"})
# Verbs that name their object when a predicate follows ("called the move an attempt").
NAMING_VERBS = frozenset({"call"})
# Verbs of crowd control: "fired tear gas to disperse protesters" used force on them.
CROWD_CONTROL_VERBS = frozenset({"disperse", "scatter", "quell", "repel", "break", "clear",
                                 "push", "drive", "contain"})


# Verbs that count the toll of an act: "pounded Taliban hideouts, killing 25 militants".
CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "leave"})


def toll_of_the_clause(verb: Token) -> bool:
    """A participle counting the dead or wounded of the clause it is tacked on."""
    return participle_tail(verb) and verb.lemma_.lower() in CASUALTY_VERBS


# Nouns that keep a count of the dead and hurt; "number" and "total" only in a tail.
TOLL_NOUNS = frozenset({"toll", "tally"})
COUNT_NOUNS = TOLL_NOUNS | {"number", "total", "count"}
_COUNTING_VERBS = frozenset({"bring", "raise", "push", "take"})


def a_running_count(verb: Token) -> bool:
    """'killed three Canadian soldiers, bringing to 93 the number of Canadian troops killed',
    'raising the death toll to 40': the verb moves a count, it does nothing to the people
    counted. "Bush raised the number of troops in Iraq" is still an act."""
    if verb.lemma_.lower() not in _COUNTING_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [p for c in verb.children if c.dep_ == "prep" for p in c.children
                if p.dep_ == "pobj"]
    counts = COUNT_NOUNS if participle_tail(verb) else TOLL_NOUNS
    return any(o.lemma_.lower() in counts for o in objects)


def participle_tail(verb: Token) -> bool:
    """A present participle tacked on a clause: "bombed the town, killing dozens"."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG"
