"""Stable article ids, so re-ingesting the same input never creates a second article."""

from __future__ import annotations

import hashlib

ID_HEX_CHARS = 16


def make_article_id(own_id: object, url: str | None, text: str) -> str:
    """The input's own id; else a hash of the url; else of the whitespace-normalised text."""
    if own_id is not None and not isinstance(own_id, dict | list) and str(own_id).strip():
        return str(own_id).strip()
    basis = url.strip() if url and url.strip() else " ".join(text.split())
    return hashlib.sha1(basis.encode("utf-8"), usedforsecurity=False).hexdigest()[:ID_HEX_CHARS]
