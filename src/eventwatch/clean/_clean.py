"""The cleaning pipeline: appeal blocks, boilerplate lines, title, teasers, repeated leads.

Every removal is recorded as (line, reason) so a user can audit what was dropped; the
cleaned text keeps one blank line between paragraphs, because later offsets index into it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..records import Article
from ._appeal import appeal_spans
from ._dateline import find_dateline
from ._lines import line_reason
from ._rules import BoilerplateRules, default_rules
from ._structure import repeated_indices, teaser_indices, title_index
from ._text import Paragraph, join_paragraphs, key, split_paragraphs

_Line = tuple[int, str]  # (position in the input, text): positions keep `removed` in order
_Para = tuple[_Line, ...]
_Removed = list[tuple[int, str, str]]


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The outcome of ``clean_text``.

    text (str): the cleaned body, paragraphs separated by one blank line.
    title (str | None): the headline found at the top (removed from ``text``).
    removed (tuple): (line, reason) for every dropped line, in input order.
    dateline (str | None): the dateline that opens the body, e.g. ``"ALANYA, Turkey (Reuters) – "``
        (it stays in ``text`` too).
    """

    text: str
    title: str | None
    removed: tuple[tuple[str, str], ...]
    dateline: str | None = None


def _texts(paras: list[_Para]) -> list[Paragraph]:
    return [tuple(text for _, text in para) for para in paras]


def _drop_paragraphs(
    paras: list[_Para], indices: Iterable[int], reason: str, removed: _Removed
) -> list[_Para]:
    drop = set(indices)
    for index in sorted(drop):
        removed.extend((pos, text, reason) for pos, text in paras[index])
    return [para for index, para in enumerate(paras) if index not in drop]


def _drop_lines(
    paras: list[_Para], rules: BoilerplateRules, known: frozenset[str], removed: _Removed
) -> list[_Para]:
    kept_paras: list[_Para] = []
    for para in paras:
        kept: list[_Line] = []
        for pos, text in para:
            reason = line_reason(text, rules, known)
            if reason:
                removed.append((pos, text, reason))
            else:
                kept.append((pos, text))
        if kept:
            kept_paras.append(tuple(kept))
    return kept_paras


def _take_title(paras: list[_Para]) -> tuple[str | None, list[_Para]]:
    index = title_index(_texts(paras))
    if index is None:
        return None, paras
    title, rest = paras[index][0][1], paras[index][1:]
    return title, [*paras[:index], *([rest] if rest else []), *paras[index + 1 :]]


def _clean(raw: str, known_title: str | None, rules: BoilerplateRules) -> CleanResult:
    paragraphs = split_paragraphs(raw)
    known = frozenset(key(line) for para in paragraphs for line in para)
    if known_title:
        known |= {key(known_title)}
    counter = itertools.count()
    paras = [tuple((next(counter), line) for line in para) for para in paragraphs]
    removed: _Removed = []
    appeals = [i for span in appeal_spans(paragraphs, rules) for i in span]
    paras = _drop_paragraphs(paras, appeals, "appeal", removed)
    paras = _drop_lines(paras, rules, known, removed)
    title = known_title
    if not title:
        title, paras = _take_title(paras)
    paras = _drop_paragraphs(paras, teaser_indices(_texts(paras)), "teaser", removed)
    paras = _drop_paragraphs(paras, repeated_indices(_texts(paras), title), "repeated", removed)
    body = _texts(paras)
    removed.sort()
    return CleanResult(
        text=join_paragraphs(body),
        title=title or None,
        removed=tuple((text, reason) for _, text, reason in removed),
        dateline=find_dateline(body[0][0]) if body else None,
    )


def clean_text(raw: str, *, rules: BoilerplateRules | None = None) -> CleanResult:
    """Clean a plain-text article: drop boilerplate, find the title, keep paragraphs."""
    return _clean(raw, None, rules or default_rules())


def clean_article(article: Article, *, rules: BoilerplateRules | None = None) -> Article:
    """Apply the same cleaning to an article's text; a title it already has is kept."""
    result = _clean(article.text, article.title or None, rules or default_rules())
    return replace(
        article,
        text=result.text,
        title=article.title or result.title,
        removed_lines=article.removed_lines + len(result.removed),
    )
