"""Paragraph-level judgements that need context: the title, teasers, repeated paragraphs.

These work on the text-only view of the paragraphs and return indices, so the caller
decides how to record what was removed.
"""

from __future__ import annotations

from ._dateline import find_dateline, is_date_line
from ._text import Paragraph, capitalized_share, ends_sentence, key, word_count

MAX_TITLE_WORDS = 25
MAX_TITLE_CHARS = 200
MAX_TEASER_WORDS = 11
MAX_TEASER_COMMAS = 2
TITLE_CASE_SHARE = 0.8
MIN_BODY_WORDS = 8
MIN_REPEAT_WORDS = 8
# A title followed by an unwrapped body line on the next line (no blank line between).
MIN_UNWRAPPED_BODY_CHARS = 100


def looks_like_headline(line: str) -> bool:
    """Short, no final period or comma, and not a dateline or a bare date."""
    words = word_count(line)
    return (
        2 <= words <= MAX_TITLE_WORDS
        and len(line) <= MAX_TITLE_CHARS
        and not line.endswith((".", ",", ";", ":"))
        and find_dateline(line) is None
        and not is_date_line(line)
    )


def title_index(paragraphs: list[Paragraph]) -> int | None:
    """Index of the paragraph whose first line is the title, or ``None``.

    Only the first paragraph that is not a bare date is considered: a headline later in the
    text is more likely a teaser or a subheading than the article's title.
    """
    for index, paragraph in enumerate(paragraphs):
        first = paragraph[0]
        if len(paragraph) == 1 and is_date_line(first):
            continue
        alone = len(paragraph) == 1 or len(paragraph[1]) >= MIN_UNWRAPPED_BODY_CHARS
        return index if alone and looks_like_headline(first) else None
    return None


def _is_teaser(paragraph: Paragraph) -> bool:
    """A one-line headline: Title Case, or a Title Case kicker and a colon ("Quake Latest: ...")."""
    if len(paragraph) != 1:
        return False
    line = paragraph[0]
    if not 2 <= word_count(line) <= MAX_TEASER_WORDS:
        return False
    if ends_sentence(line) or line.endswith((",", ";")) or any(q in line for q in '"“”'):
        return False
    if is_date_line(line) or find_dateline(line):
        return False
    if line.isupper() or line.count(",") > MAX_TEASER_COMMAS:  # tables, lists of names
        return False
    if capitalized_share(line) >= TITLE_CASE_SHARE:
        return True
    kicker, _, rest = line.partition(":")
    return bool(rest) and capitalized_share(kicker) >= TITLE_CASE_SHARE


def _is_body(paragraph: Paragraph) -> bool:
    """A full body paragraph: long enough, ends like a sentence, and does not start mid-sentence."""
    text = " ".join(paragraph)
    return ends_sentence(text) and word_count(text) >= MIN_BODY_WORDS and not text[0].islower()


def teaser_indices(paragraphs: list[Paragraph]) -> set[int]:
    """Runs of teaser paragraphs with a body paragraph right before and right after them."""
    found: set[int] = set()
    index = 1
    while index < len(paragraphs):
        if not _is_teaser(paragraphs[index]):
            index += 1
            continue
        end = index
        while end + 1 < len(paragraphs) and _is_teaser(paragraphs[end + 1]):
            end += 1
        after = end + 1
        bounded = after < len(paragraphs) and _is_body(paragraphs[after])
        if bounded and _is_body(paragraphs[index - 1]):
            found.update(range(index, after))
        index = after
    return found


def repeated_indices(paragraphs: list[Paragraph], title: str | None) -> set[int]:
    """Paragraphs equal (after whitespace and case normalisation) to the title or an earlier one."""
    title_key = key(title) if title else None
    seen: set[str] = set()
    found: set[int] = set()
    for index, paragraph in enumerate(paragraphs):
        text = key(" ".join(paragraph))
        if text == title_key or text in seen:
            found.add(index)
        elif word_count(text) >= MIN_REPEAT_WORDS:
            seen.add(text)
    return found
