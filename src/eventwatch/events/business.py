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

# Verbs of buying and selling companies.
PURCHASE_VERBS = frozenset({"buy", "acquire", "purchase", "sell", "merge", "bid"})
# What a purchase of a company buys ("the banking operations of Wachovia", "a 20 percent
# stake", "up to a fifth of Morgan Stanley").
BUSINESS_NOUNS = frozenset({
    "business", "operation", "unit", "division", "stake", "share", "asset", "franchise",
    "subsidiary", "arm", "branch", "brand", "holding", "portfolio", "bank", "company", "firm",
    "insurer", "carmaker", "airline", "retailer", "chain", "lender", "brewer", "percent",
    "fifth", "quarter", "third", "half", "majority"})
# Verbs of warning, and what a company's forecast is about.
WARNING_VERBS = frozenset({"warn", "caution"})
# (not "sales" or "revenue": "warned that arms sales to Georgia would", "would cut its gas
# revenue" may well be threats).
EARNINGS_NOUNS = frozenset({"profit", "earning", "dividend", "margin", "turnover"})


def a_takeover(verb: Token) -> bool:
    """Whether the verb buys or sells a business, or agrees, plans or offers to ("agreed to
    buy the trading business of Lehman Brothers", "acquired a 20 percent stake in X"), or is
    tacked on such a deal ("..., giving the battered bank a fresh injection of capital")."""
    if verb.dep_ == "advcl" and verb.head != verb and _a_purchase(verb.head):
        return True
    return _a_purchase(verb)


def _a_purchase(verb: Token) -> bool:
    purchases = [verb] if verb.lemma_.lower() in PURCHASE_VERBS else [
        c for c in verb.children
        if c.dep_ == "xcomp" and c.lemma_.lower() in PURCHASE_VERBS]
    return any(o.lemma_.lower() in BUSINESS_NOUNS for p in purchases for o in _bought(p))


def _bought(purchase: Token) -> list[Token]:
    """The purchase's object: "bought [a stake]", "buy up to [a fifth] of X"."""
    found = [c for c in purchase.children if c.dep_ == "dobj"]
    if any(c.lower_ == "up" for c in purchase.children):
        found += [o for c in purchase.children if c.dep_ == "prep" and c.lower_ == "to"
                  for o in c.children if o.dep_ == "pobj"]
    return found


def a_profit_warning(verb: Token) -> bool:
    """Whether the verb warns about a company's own figures: "warned that annual profits
    could be wiped out", "warned that fuel prices would slash its earnings"."""
    return verb.lemma_.lower() in WARNING_VERBS and any(
        s.dep_ in ("nsubj", "nsubjpass", "dobj") and s.lemma_.lower() in EARNINGS_NOUNS
        for c in verb.children if c.dep_ == "ccomp" for s in c.children)
