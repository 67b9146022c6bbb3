"""``read_inputs``: the one entry point that turns paths, URLs and stdin into articles."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

import httpx

from ..records import Article, Reject
from ._build import Meta, html_article
from ._decode import decode_bytes
from ._feed import read_feed
from ._files import read_path
from ._guard import guarded
from ._http import Fetched, fetch, new_client
from ._stdin import read_stdin

DEFAULT_MAX_BYTES = 20_000_000


class _Clients:
    """Hands out the caller's client, or one made on first use and closed at the end."""

    def __init__(self, client: httpx.Client | None) -> None:
        self._given = client
        self._own: httpx.Client | None = None

    def get(self) -> httpx.Client:
        if self._given is not None:
            return self._given
        if self._own is None:
            self._own = new_client()
        return self._own

    def close(self) -> None:
        if self._own is not None:
            self._own.close()


def _is_html(fetched: Fetched) -> bool:
    if "html" in fetched.content_type:
        return True
    head = fetched.body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _read_url(url: str, clients: _Clients, max_bytes: int) -> Iterator[Article | Reject]:
    """A feed URL; a plain HTML page at the URL is read as a single article."""
    fetched = fetch(url, clients.get(), max_bytes)
    if isinstance(fetched, Reject):
        yield fetched
    elif _is_html(fetched):
        text = decode_bytes(fetched.body, url, html=True, header_charset=fetched.charset)
        yield text if isinstance(text, Reject) else html_article(text, url, Meta(url=url))
    else:
        yield from read_feed(fetched.body, url)


def _read_one(
    raw: str | Path,
    stdin: TextIO | BinaryIO | None,
    max_bytes: int,
    clients: _Clients,
) -> Iterator[Article | Reject]:
    text = str(raw)
    if text == "-":
        yield from read_stdin(stdin if stdin is not None else sys.stdin, max_bytes)
    elif isinstance(raw, str) and text.lower().startswith(("http://", "https://")):
        yield from _read_url(text, clients, max_bytes)
    else:
        yield from read_path(Path(raw), text, max_bytes)


def read_inputs(
    paths: Iterable[str | Path],
    *,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    client: httpx.Client | None = None,
) -> Iterator[Article | Reject]:
    """Yield an ``Article`` or a ``Reject`` for every item found in ``paths``; never raises.

    paths: files (.txt, .html/.htm, .jsonl, .jsonl.gz, .xml/.rss/.atom, or no extension),
        folders (recursive, sorted, hidden entries skipped), ``-`` for ``stdin``, and
        ``http(s)://`` feed URLs fetched with ``client``.
    max_bytes (int): limit per file, per JSONL line, per stdin read and per HTTP response.
    """
    clients = _Clients(client)
    try:
        for raw in paths:
            yield from guarded(str(raw), _read_one(raw, stdin, max_bytes, clients))
    finally:
        clients.close()
