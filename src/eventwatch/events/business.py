"""Deals between companies and their profit warnings are no political events.

Wire services run business beside politics, and PETRARCH dictionaries code its verbs between
whoever is named: "British bank Barclays agreed to buy the trading business of Lehman
Brothers" is AGREE (050) from Britain to a US business, "Ryanair warned that annual profits
could be wiped out, sending its shares lower in Dublin" a threat to Ireland. A purchase of a
business (its operations, a stake, a fifth of it) is a deal between firms, and a warning about
profits is a forecast; a country buying gas or arms is still trade, and a warning about what
someone will do is still a warning.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwatch.events.frame import clauses_told_with
from eventwatch.lexicon import prep_objects

# Verbs of buying and selling companies.
PURCHASE_VERBS = frozenset({"buy", "acquire", "purchase", "sell", "merge", "bid"})
# What a purchase of a company buys ("the banking operations of Wachovia", "a 20 percent
# stake", "up to a fifth of Morgan Stanley").
BUSINESS_NOUNS = frozenset({
    "business", "operation", "unit", "division", "stake", "share", "asset", "franchise",
    "subsidiary", "arm", "branch", "brand", "holding", "portfolio", "bank", "company", "firm",
    "insurer", "carmaker", "airline", "retailer", "chain", "lender", "brewer", "percent",
    "fifth", "quarter", "third", "half", "majority"})
# A company going bust ("went into administration"; the word is no government there).
INSOLVENCY_NOUNS = frozenset({"administration", "receivership", "liquidation", "bankruptcy"})
# Verbs that change a company's forecast, and what they change ("slashed its profit
# forecast"); what is told with that is business too ("... as the yen hammered the giant").
FORECAST_VERBS = frozenset({"cut", "slash", "raise", "lower", "trim", "lift", "revise",
                            "halve", "double"})
FORECAST_NOUNS = frozenset({"forecast", "outlook", "guidance", "projection"})
# Crowds of the market, not of politics ("American shoppers stormed stores on Black Friday").
MARKET_CROWDS = frozenset({"shopper", "consumer", "investor", "buyer", "holidaymaker",
                           "bargain-hunter"})
# Verbs of warning, and what a company's forecast is about.
WARNING_VERBS = frozenset({"warn", "caution"})
# (not "sales" or "revenue": "warned that arms sales to Georgia would", "would cut its gas
# revenue" may well be threats).
EARNINGS_NOUNS = frozenset({"profit", "earning", "dividend", "margin", "turnover"})


def a_takeover(verb: Token) -> bool:
    """Whether the verb buys or sells a business, or agrees, plans or offers to ("agreed to
    buy the trading business of Lehman Brothers", "acquired a 20 percent stake in X"), or is
    told with such a deal ("..., giving the battered bank a fresh injection of capital",
    "completed its investment, taking a 21 percent stake in the bank")."""
    # "raised its stake in Volkswagen and aimed to seize control"
    return _a_purchase(verb) or any(map(_a_purchase, clauses_told_with(verb)))


def _a_purchase(verb: Token) -> bool:
    purchases = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return any(_buys_a_business(p) for p in purchases)


def _buys_a_business(verb: Token) -> bool:
    """A purchase of a business ("bought a stake"), or any deal in a stake in something
    ("raised its stake in Volkswagen"; not "raising the stakes"). Control seized is not here:
    a government seizing a firm ("Venezuela seized control of Cemex's local business") is a
    political act."""
    bought = _bought(verb)
    if any(o.lower_ == "stake" and any(c.dep_ == "prep" and c.lower_ == "in" for c in o.children)
           for o in bought):
        return True
    return verb.lemma_.lower() in PURCHASE_VERBS and any(
        o.lemma_.lower() in BUSINESS_NOUNS for o in bought)


def _bought(purchase: Token) -> list[Token]:
    """The purchase's object: "bought [a stake]", "buy up to [a fifth] of X"."""
    found = [c for c in purchase.children if c.dep_ == "dobj"]
    if any(c.lower_ == "up" for c in purchase.children):
        found += prep_objects(purchase, "to")
    return found


def a_profit_warning(verb: Token) -> bool:
    """Whether the verb warns about a company's own figures: "warned that annual profits
    could be wiped out", "warned that fuel prices would slash its earnings"."""
    return verb.lemma_.lower() in WARNING_VERBS and any(
        s.dep_ in ("nsubj", "nsubjpass", "dobj") and s.lemma_.lower() in EARNINGS_NOUNS
        for c in verb.children if c.dep_ == "ccomp" for s in c.children)


def business_news(verb: Token) -> bool:
    """Whether the verb tells a company's fortunes: an insolvency ("went into
    administration"), a forecast changed and what is told with it ("slashed its annual profit
    forecast as a strong yen hammered the Japanese giant"), or what shoppers and investors
    do ("American shoppers stormed stores")."""
    if any(p.lemma_.lower() in INSOLVENCY_NOUNS for p in prep_objects(verb, "into")):
        return True
    if _changes_a_forecast(verb) or (verb.dep_ in ("advcl", "conj")
                                     and _changes_a_forecast(verb.head)):
        return True
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in MARKET_CROWDS for c in verb.children)


def _changes_a_forecast(verb: Token) -> bool:
    return verb.lemma_.lower() in FORECAST_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in FORECAST_NOUNS for c in verb.children)
