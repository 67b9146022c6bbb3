"""The exception tree and stable error codes.

    EventwatchError
    ├── IngestError        an input item could not be read (carries the item and a code)
    ├── DictionaryError    a dictionary line could not be parsed (carries file and line)
    └── StoreError         the database could not be opened or written

Error codes are stable strings recorded with every reject, so users can count and filter them.
"""

from __future__ import annotations


class EventwatchError(Exception):
    """Root of every error eventwatch raises on purpose."""


class IngestError(EventwatchError):
    """An input item (file, JSONL line, feed entry) could not be turned into an article."""

    def __init__(self, item: str, code: str, reason: str) -> None:
        super().__init__(f"{item}: {reason} [{code}]")
        self.item = item
        self.code = code
        self.reason = reason


class DictionaryError(EventwatchError):
    """A dictionary line could not be parsed; the rest of the file still loads."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class StoreError(EventwatchError):
    """The embedded database could not be opened or written."""


# Stable reject codes: (code, meaning). Keep in sync with docs/architecture.md.
E_EMPTY = "E101"  # the item has no text at all
E_BINARY = "E102"  # the item looks like binary data, not text
E_ENCODING = "E103"  # the bytes are not valid UTF-8 (and no other declared encoding fits)
E_TOO_LARGE = "E104"  # the item exceeds the size limit
E_JSON = "E105"  # a JSONL line is not valid JSON or not an object
E_FIELDS = "E106"  # a JSONL object lacks a text/html field
E_UNREADABLE = "E107"  # the file could not be opened (permissions, vanished)
E_NO_TEXT = "E108"  # nothing was left after extraction and boilerplate removal
E_UNSUPPORTED = "E109"  # unknown file type
E_FEED = "E110"  # a feed could not be fetched or parsed
E_CODING = "E111"  # parsing or coding failed on the article (a bug: the rest of the run goes on)
