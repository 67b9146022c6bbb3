"""``eventwatch places``: JSONL articles in, resolved place mentions out (one line each).

Input lines are ``{"id", "text", "date"?, "countries"?}`` objects; ``countries`` (ISO3 codes)
is an optional hint of what the article is about. Output lines are
``{"id", "places": [{"start", "end", "text", "geonames_id", "lat", "lon", "country",
"precision"}]}`` in input order, offsets indexing into the input text. A line that is not a
JSON object with a string ``text`` gets ``{"id", "places": [], "error"}`` so line numbers of
input and output stay aligned.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from spacy.language import Language

BATCH_SIZE = 32


def places_command(
    file: Annotated[str, typer.Argument(help="JSONL file, or '-' for stdin.")] = "-",
) -> None:
    """Find and resolve the places named in each article (JSONL in, JSONL out)."""
    from eventwatch.parse import load_model

    nlp = load_model()
    handle = sys.stdin if file == "-" else open(file, encoding="utf-8")  # noqa: SIM115
    try:
        for row in place_records(_read_lines(handle), nlp):
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if handle is not sys.stdin:
            handle.close()


def _read_lines(handle: Iterable[str]) -> Iterator[Any]:
    for line in handle:
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as exc:
            yield _BadLine(f"not valid JSON: {exc.msg}")


class _BadLine:
    """A placeholder for an input line that could not be decoded."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def place_records(records: Iterable[Any], nlp: Language,
                  batch_size: int = BATCH_SIZE) -> Iterator[dict[str, Any]]:
    """Output rows for decoded input records, in order (the CLI and bench/eval_geo.py share
    this). Texts go through ``nlp.pipe`` in batches."""
    from eventwatch.placetime.places import find_places

    batch: list[tuple[Any, str | None, str | None]] = []

    def flush() -> Iterator[dict[str, Any]]:
        texts = [text for _, text, _ in batch if text is not None]
        docs = iter(nlp.pipe(texts, batch_size=batch_size))
        for record, text, error in batch:
            record_id = record.get("id") if isinstance(record, dict) else None
            if text is None:
                yield {"id": record_id, "places": [], "error": error}
                continue
            hint = record.get("countries") or ()
            places = find_places(next(docs), countries_hint=hint if isinstance(
                hint, list | tuple) else (), demonyms=True)
            yield {"id": record_id, "places": [_place_json(p) for p in places]}
        batch.clear()

    for record in records:
        if isinstance(record, _BadLine):
            batch.append(({}, None, record.reason))
        elif not isinstance(record, dict) or not isinstance(record.get("text"), str):
            batch.append((record if isinstance(record, dict) else {}, None,
                          "not a JSON object with a string 'text'"))
        else:
            batch.append((record, record["text"], None))
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()


def _place_json(place: Any) -> dict[str, Any]:
    return {"start": place.start, "end": place.end, "text": place.text,
            "geonames_id": place.geonames_id, "lat": place.lat, "lon": place.lon,
            "country": place.country, "precision": place.precision}
