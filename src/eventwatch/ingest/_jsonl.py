"""JSON Lines input: one article object per line, read as a stream.

A dump can be far larger than one article, so ``max_bytes`` bounds each line rather than
the file, and a bad line is rejected as ``file.jsonl:LINE`` while the others go through.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import E_BINARY, E_EMPTY, E_FIELDS, E_JSON, E_TOO_LARGE, E_UNREADABLE
from ..records import Article, Reject
from ._build import Meta, html_article, text_article
from ._dates import parse_date_value
from ._decode import SNIFF_BYTES, check_text, decode_bytes, looks_binary

_SKIP_CHUNK = 1 << 20


def _string(value: object) -> str | None:
    """A usable string field; ``{"name": ...}`` objects (e.g. a source) give their name."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _meta(obj: dict[str, object]) -> Meta:
    raw_id = obj.get("id")
    return Meta(
        id=None if raw_id is None or isinstance(raw_id, dict | list) else str(raw_id),
        url=_string(obj.get("url")),
        title=_string(obj.get("title")),
        published=parse_date_value(obj.get("date") or obj.get("published")),
        outlet=_string(obj.get("source")) or _string(obj.get("outlet")),
    )


def object_article(obj: dict[str, object], origin: str) -> Article | Reject:
    """One decoded JSON object → article; ``text`` wins over ``html`` when both are given."""
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        keys = ", ".join(sorted(map(str, obj))[:8]) or "none"
        return Reject(origin, E_FIELDS, f"{origin}: no 'text' or 'html' string (keys: {keys})")
    meta = _meta(obj)
    if isinstance(text, str) and text.strip():
        checked = check_text(text, origin)
        return checked if isinstance(checked, Reject) else text_article(checked, origin, meta)
    if isinstance(html, str) and html.strip():
        return html_article(html, origin, meta)
    return Reject(origin, E_EMPTY, f"{origin}: 'text'/'html' is empty")


def line_article(line: str, origin: str) -> Article | Reject | None:
    """Parse one JSONL line; ``None`` for a blank line."""
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as exc:
        is_json_error = isinstance(exc, json.JSONDecodeError)
        detail = f"{exc.msg} at column {exc.colno}" if is_json_error else repr(exc)
        return Reject(origin, E_JSON, f"{origin}: invalid JSON ({detail})")
    if not isinstance(obj, dict):
        return Reject(origin, E_JSON, f"{origin}: expected a JSON object, got {type(obj).__name__}")
    return object_article(obj, origin)


def iter_text_lines(lines: Iterable[str], name: str) -> Iterator[Article | Reject]:
    """Articles from already-decoded lines (stdin), numbered from 1 as ``name:LINE``."""
    for number, line in enumerate(lines, start=1):
        result = line_article(line, f"{name}:{number}")
        if result is not None:
            yield result


def _bounded_lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """Lines of at most ``max_bytes``; ``None`` for a longer line, skipped without keeping it."""
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _stream_lines(stream: BinaryIO, item: str, max_bytes: int) -> Iterator[Article | Reject]:
    head = stream.read(SNIFF_BYTES)
    if looks_binary(head):
        yield Reject(item, E_BINARY, f"{item}: looks like binary data, not JSON Lines")
        return
    stream.seek(0)
    seen_any = False
    for number, line in enumerate(_bounded_lines(stream, max_bytes), start=1):
        origin = f"{item}:{number}"
        if line is None:
            yield Reject(origin, E_TOO_LARGE, f"{origin}: line is over {max_bytes} bytes")
            seen_any = True
            continue
        if not line.strip():
            continue
        seen_any = True
        text = decode_bytes(line.removeprefix(b"\xef\xbb\xbf"), origin)
        result = text if isinstance(text, Reject) else line_article(text, origin)
        if result is not None:
            yield result
    if not seen_any:
        yield Reject(item, E_EMPTY, f"{item}: empty (no JSON lines)")


def iter_jsonl_file(path: Path, item: str, max_bytes: int) -> Iterator[Article | Reject]:
    """Stream a ``.jsonl`` or ``.jsonl.gz`` file; a corrupt gzip stops with one reject."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as stream:
            yield from _stream_lines(stream, item, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:
        yield Reject(item, E_UNREADABLE, f"{item}: could not be read ({exc})")
