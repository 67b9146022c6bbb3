"""Find donation/subscription appeal blocks ("we have a small favor to ask ... Remind me later.").

An appeal spans several paragraphs, most of which look harmless on their own, so it is
removed as a block: from the paragraph that opens it to the line that closes it, or, when
no closing line follows, through the paragraphs that keep asking for support. A paragraph
with reported speech ("..., the mayor said") never opens one: that is news about an appeal.
"""

from __future__ import annotations

import re

from ._rules import BoilerplateRules, Rule
from ._text import Paragraph, word_count

MAX_APPEAL_PARAGRAPHS = 10
_PERSON = re.compile(r"\b(we|us|our|you|your)\b", re.IGNORECASE)


def _any(rules: tuple[Rule, ...], text: str) -> bool:
    words = word_count(text)
    return any(rule.matches(text, words) for rule in rules)


def _closing_paragraph(paragraphs: list[Paragraph], start: int, rules: BoilerplateRules) -> int:
    """Index of the paragraph holding the closing line, or -1 when none is near."""
    stop = min(len(paragraphs), start + MAX_APPEAL_PARAGRAPHS)
    for index in range(start, stop):
        if any(_any(rules.appeal_end, line) for line in paragraphs[index]):
            return index
    return -1


def _continuation_end(paragraphs: list[Paragraph], start: int, rules: BoilerplateRules) -> int:
    """Last index of the run of paragraphs after ``start`` that keep making the appeal."""
    end = start
    for index in range(start + 1, min(len(paragraphs), start + MAX_APPEAL_PARAGRAPHS)):
        text = " ".join(paragraphs[index])
        if not (_any(rules.appeal_cue, text) and _PERSON.search(text)):
            break
        end = index
    return end


def appeal_spans(paragraphs: list[Paragraph], rules: BoilerplateRules) -> list[range]:
    """Paragraph index ranges that form appeal blocks."""
    spans: list[range] = []
    index = 0
    while index < len(paragraphs):
        text = " ".join(paragraphs[index])
        if _any(rules.appeal_start, text) and not _any(rules.appeal_veto, text):
            end = _closing_paragraph(paragraphs, index, rules)
            if end < 0:
                end = _continuation_end(paragraphs, index, rules)
            spans.append(range(index, end + 1))
            index = end + 1
        else:
            index += 1
    return spans
