"""Bounded reads: never hold more than ``max_bytes`` (plus one chunk) of an input in memory.

``stream.read(n)`` on a buffered file allocates ``n`` bytes up front, so a plain
``read(max_bytes + 1)`` would cost 20 MB per small file; reading in chunks avoids that.
"""

from __future__ import annotations

from typing import Any, BinaryIO, TextIO

CHUNK = 1 << 20


def read_limited(stream: BinaryIO | TextIO, max_bytes: int) -> bytes | str | None:
    """The whole stream, or ``None`` as soon as it proves longer than ``max_bytes``."""
    parts: list[Any] = []
    size = 0
    while chunk := stream.read(min(CHUNK, max_bytes + 1 - size)):
        parts.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            return None
    empty = stream.read(0)
    return empty.join(parts)
