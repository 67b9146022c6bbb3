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
from eventwatch.engine import coding_failed
from eventwatch.events import CoderSettings, code_article, event_to_dict
from eventwatch.parse import load_model, parse_articles
from eventwatch.placetime.annotate import annotate_article
from eventwatch.records import Article

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
        options = [_settings(line, settings) for (_, line), (_, a, _) in zip(
            chunk, parsed_inputs, strict=True) if a is not None]
        coded: dict[int, list[dict[str, Any]] | str] = {}
        for position, parsed in enumerate(parse_articles(good, nlp,
                                                         dicts.actors.has_candidate)):
            try:
                events = annotate_article(parsed, code_article(parsed, dicts, options[position]))
            except Exception as exc:  # a coder bug: report the line, code the others
                coded[position] = coding_failed(parsed.article, exc).reason
                continue
            coded[position] = [event_to_dict(e) for e in events]
        position = 0
        for ident, article, error in parsed_inputs:
            if article is None:
                yield {"id": ident, "events": [], "error": error}
                continue
            result = coded[position]
            position += 1
            if isinstance(result, str):
                yield {"id": ident, "events": [], "error": result}
            else:
                yield {"id": ident, "events": result}


def code_jsonl(lines: Iterable[str], dictionaries: str | None = None,
               include_negated: bool = False) -> Iterator[str]:
    for record in code_records(lines, dictionaries, include_negated):
        yield json.dumps(record, ensure_ascii=False)
