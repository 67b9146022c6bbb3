"""Standard input: JSON Lines when every non-blank line is an object, else one text article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO, TextIO

from ..errors import E_ENCODING, E_TOO_LARGE, E_UNREADABLE
from ..records import Article, Reject
from ._build import Meta, text_article
from ._decode import check_text, decode_bytes
from ._jsonl import iter_text_lines
from ._limits import read_limited

STDIN_NAME = "<stdin>"


def _read(stream: TextIO | BinaryIO, max_bytes: int) -> str | Reject:
    try:
        data = read_limited(stream, max_bytes)
    except UnicodeDecodeError as exc:
        return Reject(STDIN_NAME, E_ENCODING, f"{STDIN_NAME}: not valid UTF-8 ({exc.reason})")
    except (OSError, ValueError) as exc:
        return Reject(STDIN_NAME, E_UNREADABLE, f"{STDIN_NAME}: could not be read ({exc})")
    if data is None:
        return Reject(STDIN_NAME, E_TOO_LARGE, f"{STDIN_NAME}: over the {max_bytes}-byte limit")
    if isinstance(data, bytes):
        return decode_bytes(data, STDIN_NAME)
    return check_text(data, STDIN_NAME)


def is_jsonl(text: str) -> bool:
    """True when every non-blank line starts with ``{``."""
    lines = [line.lstrip() for line in text.splitlines() if line.strip()]
    return bool(lines) and all(line.startswith("{") for line in lines)


def read_stdin(stream: TextIO | BinaryIO, max_bytes: int) -> Iterator[Article | Reject]:
    """Articles from standard input (or any stream given as ``stdin``)."""
    text = _read(stream, max_bytes)
    if isinstance(text, Reject):
        yield text
    elif is_jsonl(text):
        yield from iter_text_lines(text.splitlines(), STDIN_NAME)
    else:
        yield text_article(text, STDIN_NAME, Meta())
