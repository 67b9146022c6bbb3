"""Boilerplate removal for news text: subscription appeals, site chrome, credits, teasers.

Conservative by design: a line is dropped only when a rule (``data/boilerplate/lines.tsv``)
or a structural check says it is boilerplate, never for being unusual, so real news
sentences survive. Every removal is recorded with its reason.
"""

from __future__ import annotations

from ._clean import CleanResult, clean_article, clean_text
from ._dateline import dateline_date, find_dateline
from ._rules import BoilerplateRules, default_rules, load_rules

__all__ = [
    "BoilerplateRules",
    "CleanResult",
    "clean_article",
    "clean_text",
    "dateline_date",
    "default_rules",
    "find_dateline",
    "load_rules",
]
