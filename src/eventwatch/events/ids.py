"""Event ids: one deterministic scheme for every coded event, so re-running adds nothing."""

from __future__ import annotations

import hashlib

from eventwatch.records import Actor


def event_id(article_id: str, sentence: int, trigger_start: int, code: str, source: Actor,
             target: Actor | None) -> str:
    """A hash of where the event was found and what it is (code and both actors)."""
    key = f"{article_id}|{sentence}|{trigger_start}|{code}|{source.code}|{source.start}|" \
          f"{target.code if target else ''}|{target.start if target else ''}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]
