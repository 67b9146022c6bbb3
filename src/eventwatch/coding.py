"""``eventwatch code``: JSONL sentences/stories in, JSONL events out, one line per input line.

The output format is what accuracy is measured through; keep it stable:
``{"id": ..., "events": [{"source", "target", "code", "root", ...}]}`` in input order, with
lines that yield no event (or cannot be read: then with an ``"error"``) included.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from eventwatch.dictionaries import load_dictionaries
from eventwatch.engine import code_safely, parse_safely
from eventwatch.events import CoderSettings, event_to_dict
from eventwatch.parse import load_model
from eventwatch.records import Article, Reject

CHUNK = 256


def _article(number: int, line: str) -> tuple[str, Article | None, str | None]:
    """Turn one input line into an article, or an error message naming the line."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return f"line-{number}", None, f"line {number}: invalid JSON ({exc.msg})"
    if not isinstance(record, dict):
        return f"line-{number}", None, f"line {number}: not a JSON object"
    ident = str(record.get("id", f"line-{number}"))
    text = record.get("text")
    if not isinstance(text, str):
        return ident, None, f"line {number}: no 'text' string"
    published = None
    raw_date = record.get("date")
    if raw_date:
        try:
            published = dt.date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            return ident, None, f"line {number}: bad date {raw_date!r}"
    article = Article(id=ident, text=text, published=published, origin=f"line {number}")
    return ident, article, None


def _settings(line: str, default: CoderSettings) -> CoderSettings:
    """Per-record options (PETRARCH suites carry ``config``: ``require_dyad=false``)."""
    try:
        config = json.loads(line).get("config") or {}
    except (json.JSONDecodeError, AttributeError):
        return default
    require = str(config.get("require_dyad", "")).strip().lower()
    if require in ("false", "0", "no"):
        return CoderSettings(include_negated=default.include_negated, require_target=False)
    return default


def code_records(lines: Iterable[str], dictionaries: str | None = None,
                 include_negated: bool = False) -> Iterator[dict[str, Any]]:
    """Code each JSONL line; yields one output record per non-blank input line, in order."""
    dicts = load_dictionaries(dictionaries)
    nlp = load_model()
    settings = CoderSettings(include_negated=include_negated)
    numbered = ((n, line) for n, line in enumerate(lines, start=1) if line.strip())
    while chunk := list(islice(numbered, CHUNK)):
        parsed_inputs = [_article(n, line) for n, line in chunk]
        good = [a for _, a, _ in parsed_inputs if a is not None]
        options = {a.origin: _settings(line, settings) for (_, line), (_, a, _) in zip(
            chunk, parsed_inputs, strict=True) if a is not None}
        parsed_articles, rejects = parse_safely(good, nlp, dicts.actors.has_candidate)
        failed = {r.item: r.reason for r in rejects}  # a bug: report the line, code the rest
        coded: dict[str, list[dict[str, Any]]] = {}
        for parsed in parsed_articles:
            result = code_safely(parsed, dicts, options[parsed.article.origin])
            if isinstance(result, Reject):
                failed[result.item] = result.reason
            else:
                coded[parsed.article.origin] = [event_to_dict(e) for e in result[0]]
        for ident, article, error in parsed_inputs:
            if article is None or article.origin in failed:
                yield {"id": ident, "events": [],
                       "error": error if article is None else failed[article.origin]}
            else:
                yield {"id": ident, "events": coded[article.origin]}


def code_jsonl(lines: Iterable[str], dictionaries: str | None = None,
               include_negated: bool = False) -> Iterator[str]:
    for record in code_records(lines, dictionaries, include_negated):
        yield json.dumps(record, ensure_ascii=False)
