"""HTML → article text and metadata through trafilatura (precision over recall)."""

from __future__ import annotations

import html as html_lib
import logging
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml.etree import ParserError, XMLSyntaxError
from trafilatura.settings import set_date_params

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Extracted:
    """What trafilatura found in a page: paragraphs joined by blank lines, and metadata."""

    text: str
    title: str | None = None
    date: str | None = None
    sitename: str | None = None


def _paragraphs(text: str | None) -> str:
    """trafilatura separates paragraphs with one newline; the pipeline wants a blank line."""
    lines = (line.strip() for line in (text or "").splitlines())
    return "\n\n".join(line for line in lines if line)


def extract_html(html: str, url: str | None = None) -> Extracted | None:
    """Main text plus title, date (htmldate, no extensive search) and site name."""
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=True,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=set_date_params(False),
        )
    except Exception as exc:  # trafilatura/lxml raise many types on hostile markup
        _log.debug("trafilatura failed on %s: %r", url, exc)
        return None
    text = _paragraphs(getattr(doc, "text", None))
    if not text:
        return None
    return Extracted(
        text=text,
        title=getattr(doc, "title", None) or None,
        date=getattr(doc, "date", None) or None,
        sitename=getattr(doc, "sitename", None) or None,
    )


def fragment_text(fragment: str) -> str:
    """Text of a feed summary: plain text as is, HTML through trafilatura, else its bare text."""
    if "<" not in fragment:
        return _paragraphs(html_lib.unescape(fragment))
    extracted = extract_html(fragment)
    if extracted:
        return extracted.text
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, XMLSyntaxError, ValueError):
        return ""
    return _paragraphs(root.text_content())
