"""RSS/Atom feeds: each entry becomes an article from its content or summary HTML.

Entries are identified by their link (hashed) rather than their guid, because guids are
often URLs or opaque CMS keys and the link is what a reader can follow back.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import time
from collections.abc import Iterator, Mapping

import feedparser

from ..errors import E_FEED, E_NO_TEXT
from ..records import Article, Reject
from ._build import Meta, text_article
from ._decode import check_text
from ._html import fragment_text

_log = logging.getLogger(__name__)


def _entry_html(entry: Mapping[str, object]) -> str:
    """The longest of the entry's content blocks and its summary."""
    candidates = [str(block.get("value") or "") for block in entry.get("content") or []]
    candidates.append(str(entry.get("summary") or ""))
    return max(candidates, key=len)


def _entry_date(entry: Mapping[str, object]) -> dt.date | None:
    for field in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(field)
        if isinstance(parsed, time.struct_time):
            try:
                return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:
                continue
    return None


def _entry_article(
    entry: Mapping[str, object], origin: str, outlet: str | None
) -> Article | Reject:
    link = entry.get("link") if isinstance(entry.get("link"), str) else None
    guid = entry.get("id") if isinstance(entry.get("id"), str) else None
    text = fragment_text(_entry_html(entry))
    if not text.strip():
        return Reject(origin, E_NO_TEXT, f"{origin}: feed entry has no content or summary text")
    checked = check_text(text, origin)
    if isinstance(checked, Reject):
        return checked
    meta = Meta(
        id=None if link else guid,
        url=link,
        title=str(entry.get("title") or "").strip() or None,
        published=_entry_date(entry),
        outlet=outlet,
    )
    return text_article(checked, origin, meta)


def read_feed(data: bytes, item: str) -> Iterator[Article | Reject]:
    """Parse feed bytes (never a URL or path: feedparser would fetch or open it)."""
    try:
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:  # feedparser's parsers raise many types on hostile input
        _log.debug("feedparser failed on %s: %r", item, exc)
        yield Reject(item, E_FEED, f"{item}: could not parse the feed ({exc!r})")
        return
    if not parsed.entries and (parsed.bozo or not parsed.version):
        problem = parsed.get("bozo_exception") or "no RSS/Atom entries found"
        yield Reject(item, E_FEED, f"{item}: not a readable RSS/Atom feed ({problem})")
        return
    outlet = str(parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        origin = link if isinstance(link, str) and link else f"{item}#{number}"
        yield _entry_article(entry, origin, outlet)
