"""PETRARCH ``.discards`` files: phrases that make a sentence (plain) or story (``+``) off-topic.

PETRARCH matches a discard without a final ``_`` as a stem ("BASEBALL" also hits "BASEBALLS");
our index matches whole words, so such phrases also get the regular plural of their last word.
"""

from __future__ import annotations

from pathlib import Path

from eventwatch.dictionaries.model import Entry, PhraseRow
from eventwatch.dictionaries.petrarch._text import data_lines
from eventwatch.dictionaries.words import phrase_words, plural
from eventwatch.errors import DictionaryError


def read_discards(path: Path, errors: list[DictionaryError]
                  ) -> tuple[list[PhraseRow], list[PhraseRow]]:
    """``(sentence_rows, story_rows)`` of one file."""
    sentence: list[PhraseRow] = []
    story: list[PhraseRow] = []
    for number, line in data_lines(path, errors):
        is_story = line[0] == "+"
        text = line[1:].strip() if is_story else line
        words = phrase_words(text)
        if not words or "[" in text:
            errors.append(DictionaryError(str(path), number, f"bad discard {line!r}"))
            continue
        scope = "story" if is_story else "sentence"
        entry = Entry(f"discards:{number}", scope, (), f"{path.name}:{number}")
        rows = story if is_story else sentence
        rows.append((words, entry, None))
        if not text.endswith("_") and words[-1].isalpha():
            rows.append(((*words[:-1], plural(words[-1])), entry, None))
    return sentence, story
