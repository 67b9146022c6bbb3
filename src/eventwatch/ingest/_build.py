"""Turn extracted text plus what the input says about it into a cleaned ``Article``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from ..clean import clean_article
from ..errors import E_NO_TEXT
from ..records import Article, Reject
from ._dates import date_from_filename, date_from_text, parse_date_text
from ._html import extract_html
from ._ids import make_article_id


@dataclass(frozen=True, slots=True)
class Meta:
    """Facts an input gives before its text is read (JSONL fields, feed entry, file name)."""

    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    file_name: str | None = None


def text_article(raw: str, origin: str, meta: Meta) -> Article | Reject:
    """Clean plain text; the date falls back to the file name, then to a dateline."""
    article = Article(
        id=make_article_id(meta.id, meta.url, raw),
        text=raw,
        title=meta.title or None,
        url=meta.url or None,
        published=meta.published,
        outlet=meta.outlet or None,
        origin=origin,
    )
    cleaned = clean_article(article)
    if not cleaned.text.strip():
        return Reject(origin, E_NO_TEXT, f"{origin}: no article text left after cleaning")
    if cleaned.published is None:
        published = date_from_filename(meta.file_name) or date_from_text(raw)
        cleaned = replace(cleaned, published=published)
    return cleaned


def html_article(html: str, origin: str, meta: Meta) -> Article | Reject:
    """Extract an HTML page; input fields win over the page's own metadata."""
    extracted = extract_html(html, meta.url)
    if extracted is None:
        return Reject(origin, E_NO_TEXT, f"{origin}: no article text found in the HTML")
    page_date = parse_date_text(extracted.date) if extracted.date else None
    merged = replace(
        meta,
        title=meta.title or extracted.title,
        published=meta.published or page_date,
        outlet=meta.outlet or extracted.sitename,
    )
    return text_article(extracted.text, origin, merged)
