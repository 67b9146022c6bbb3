"""Typed records that flow between the stages.

Data flows one way: ``Article`` (ingest, clean) → ``ParsedSentence`` (parse) →
``Actor`` mentions (actors) → ``Event`` (events) → store. Every record is frozen: a stage
returns new records instead of mutating the ones it was given. Character offsets always
index into ``Article.text`` (the cleaned text that the store keeps), so any event can be
traced back to the exact characters that produced it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Article:
    """One news article after ingest (and, later, after cleaning).

    id (str): stable identifier: the input's own id, else a hash of url or text.
    text (str): the body text; offsets of every later record index into it.
    origin (str): where it came from, e.g. ``path/to/file.txt`` or ``dump.jsonl:12``.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    origin: str = ""
    removed_lines: int = 0


@dataclass(frozen=True, slots=True)
class Reject:
    """An input item that could not be read, with a stable error code and the reason."""

    item: str
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor mention resolved to a CAMEO actor code.

    code (str): full CAMEO code, e.g. ``TURGOV``, ``IGOUNO``, ``SYRREB``.
    country (str | None): ISO3 country, ``None`` for international or unknown actors.
    sector (str | None): first role code after the country (``GOV``, ``MIL``...).
    start, end (int): character offsets of the mention in the article text.
    entry (str): the dictionary entries that produced the code, e.g. ``people:cavusoglu``.
    """

    code: str
    name: str
    country: str | None
    sector: str | None
    start: int
    end: int
    entry: str


@dataclass(frozen=True, slots=True)
class CameoInfo:
    """Ontology facts for one CAMEO event code."""

    code: str
    root: str
    label: str
    goldstein: float
    quad_class: int
    plover_type: str | None
    plover_mode: str | None


@dataclass(frozen=True, slots=True)
class EventPlace:
    """Where an event happened, and how that was decided.

    precision (str): ``country`` / ``admin1`` / ``city`` / ``site``; a country-level place is
    never a point incident. method (str): ``clause`` (the event's own clause), ``sentence``,
    ``article`` (the article's focus) or ``dateline``.
    """

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    precision: str
    method: str
    geonames_id: int | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class EventCount:
    """A number attached to an event: kind (killed, injured, arrested, displaced, troops)."""

    kind: str
    value: int
    exact: bool
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event with its full provenance."""

    id: str
    article_id: str
    sentence_index: int
    sentence: str
    sentence_start: int
    source: Actor
    target: Actor | None
    cameo: CameoInfo
    trigger: str
    trigger_start: int
    trigger_end: int
    rule: str
    dictionary_version: str
    date: dt.date | None = None
    negated: bool = False
    hedged: bool = False
    future: bool = False
    reported_by: Actor | None = None
    date_resolution: str = "article"  # day / month / year / week, or "article" (publication)
    date_text: str | None = None  # the expression the date was resolved from
    place: EventPlace | None = None
    quote_id: str | None = None  # the quotation the event was coded from, if any
    counts: tuple[EventCount, ...] = ()

    @property
    def code(self) -> str:
        return self.cameo.code

    @property
    def root(self) -> str:
        return self.cameo.root


@dataclass(frozen=True, slots=True)
class RunSummary:
    """What one pipeline run did: counts for the CLI and the store."""

    articles: int = 0
    new_articles: int = 0
    events: int = 0
    new_events: int = 0
    rejects: int = 0
    seconds: float = 0.0
    reject_items: tuple[Reject, ...] = field(default_factory=tuple)
