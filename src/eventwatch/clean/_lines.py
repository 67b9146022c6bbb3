"""Line-level boilerplate: rules from the data file plus duplicate "Title – Site" lines."""

from __future__ import annotations

import re

from ._rules import BoilerplateRules
from ._text import key, word_count

_SITE_SUFFIX = re.compile(r"^(?P<left>.*\S)\s+[-–—|]\s+(?P<right>[^-–—|]+)$")
MAX_SITE_NAME_WORDS = 5
MAX_SITE_TITLE_WORDS = 40


def is_site_title(line: str, known: frozenset[str]) -> bool:
    """True for "Headline – Site Name" when the headline also appears on its own."""
    if word_count(line) > MAX_SITE_TITLE_WORDS:
        return False
    match = _SITE_SUFFIX.match(line)
    if not match or word_count(match.group("right")) > MAX_SITE_NAME_WORDS:
        return False
    return key(match.group("left")) in known


def line_reason(line: str, rules: BoilerplateRules, known: frozenset[str]) -> str | None:
    """Why this line is boilerplate, or ``None`` if it should be kept."""
    words = word_count(line)
    for rule in rules.line:
        if rule.matches(line, words):
            return rule.reason
    if is_site_title(line, known):
        return "site_title"
    return None
