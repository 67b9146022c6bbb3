"""Local files and folders: pick a reader by extension, check size before reading.

Size is checked with ``stat`` first and reads are bounded, so an oversized file is rejected
without ever being loaded.
"""

from __future__ import annotations

import gzip
import os
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import E_EMPTY, E_TOO_LARGE, E_UNREADABLE, E_UNSUPPORTED
from ..records import Article, Reject
from ._build import Meta, html_article, text_article
from ._decode import decode_bytes
from ._feed import read_feed
from ._guard import guarded
from ._jsonl import iter_jsonl_file
from ._limits import read_limited

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
SUPPORTED = (*TEXT_SUFFIXES, *HTML_SUFFIXES, *JSONL_SUFFIXES, *FEED_SUFFIXES)


def file_kind(path: Path) -> str | None:
    """``text``, ``html``, ``jsonl`` or ``feed``; extension-less files are text; a ``.gz``
    file is the kind of what it compresses (``page.html.gz`` is HTML)."""
    name = path.name.lower()
    if name.endswith(".gz") and not name.endswith(JSONL_SUFFIXES):
        name = name[:-3]
    for kind, suffixes in (
        ("jsonl", JSONL_SUFFIXES),
        ("html", HTML_SUFFIXES),
        ("feed", FEED_SUFFIXES),
        ("text", TEXT_SUFFIXES),
    ):
        if name.endswith(suffixes):
            return kind
    return "text" if not path.suffix else None


def walk_folder(folder: Path) -> Iterator[Path | Reject]:
    """Files under ``folder``, recursively, in sorted order; hidden files and folders skipped."""
    errors: list[OSError] = []
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(Path(root) / name for name in files if not name.startswith("."))
    for error in errors:
        item = str(error.filename or folder)
        yield Reject(item, E_UNREADABLE, f"{item}: folder could not be read ({error.strerror})")
    yield from sorted(found, key=lambda path: path.relative_to(folder).parts)


def _read_bounded(path: Path, item: str, max_bytes: int) -> bytes | Reject:
    try:
        size = path.stat().st_size
        if size == 0:
            return Reject(item, E_EMPTY, f"{item}: empty file")
        if size > max_bytes:
            reason = f"{item}: {size} bytes is over the {max_bytes}-byte limit"
            return Reject(item, E_TOO_LARGE, reason)
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rb") as stream:
            data = read_limited(stream, max_bytes)
    except (OSError, EOFError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
        detail = getattr(exc, "strerror", None) or exc
        return Reject(item, E_UNREADABLE, f"{item}: could not be read ({detail})")
    if not isinstance(data, bytes):  # the file grew after stat
        return Reject(item, E_TOO_LARGE, f"{item}: over the {max_bytes}-byte limit")
    return data


def read_file(path: Path, item: str, max_bytes: int) -> Iterator[Article | Reject]:
    """All articles (or rejects) from one local file."""
    kind = file_kind(path)
    if kind is None:
        expected = ", ".join(SUPPORTED)
        reason = f"{item}: unsupported file type '{path.suffix}' (expected {expected})"
        yield Reject(item, E_UNSUPPORTED, reason)
        return
    if kind == "jsonl":
        yield from iter_jsonl_file(path, item, max_bytes)
        return
    data = _read_bounded(path, item, max_bytes)
    if isinstance(data, Reject):
        yield data
    elif kind == "feed":
        yield from read_feed(data, item)
    else:
        text = decode_bytes(data, item, html=kind == "html")
        if isinstance(text, Reject):
            yield text
            return
        meta = Meta(file_name=path.name.removesuffix(".gz"))
        yield (html_article if kind == "html" else text_article)(text, item, meta)


def read_path(path: Path, item: str, max_bytes: int) -> Iterator[Article | Reject]:
    """A file or a folder given on the command line."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        reason = "no such file or folder" if isinstance(exc, FileNotFoundError) else exc.strerror
        yield Reject(item, E_UNREADABLE, f"{item}: {reason}")
        return
    if stat.S_ISDIR(mode):
        for entry in walk_folder(path):
            if isinstance(entry, Reject):
                yield entry
            else:  # one bad file never stops the rest of the folder
                yield from guarded(str(entry), read_file(entry, str(entry), max_bytes))
    elif stat.S_ISREG(mode):
        yield from read_file(path, item, max_bytes)
    else:
        yield Reject(item, E_UNREADABLE, f"{item}: not a regular file or folder")
