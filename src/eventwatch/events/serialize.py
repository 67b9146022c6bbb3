"""Plain-dict form of events: the stable shape of ``eventwatch code`` output and JSONL export."""

from __future__ import annotations

from typing import Any

from eventwatch.records import Actor, Event, EventPlace


def actor_to_dict(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"code": actor.code, "name": actor.name, "country": actor.country,
            "sector": actor.sector, "start": actor.start, "end": actor.end,
            "entry": actor.entry}


def place_to_dict(place: EventPlace | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"name": place.name, "geonames_id": place.geonames_id, "lat": place.lat,
            "lon": place.lon, "country": place.country, "precision": place.precision,
            "method": place.method, "start": place.start, "end": place.end}


def event_to_dict(event: Event) -> dict[str, Any]:
    """Flat event fields first (what evaluations read), then provenance."""
    cameo = event.cameo
    return {
        "id": event.id,
        "source": event.source.code,
        "target": event.target.code if event.target else None,
        "code": cameo.code,
        "root": cameo.root,
        "label": cameo.label,
        "goldstein": cameo.goldstein,
        "quad_class": cameo.quad_class,
        "plover_type": cameo.plover_type,
        "plover_mode": cameo.plover_mode,
        "source_country": event.source.country,
        "target_country": event.target.country if event.target else None,
        "date": event.date.isoformat() if event.date else None,
        "date_resolution": event.date_resolution,
        "date_text": event.date_text,
        "place": place_to_dict(event.place),
        "counts": [{"kind": c.kind, "value": c.value, "exact": c.exact, "text": c.text}
                   for c in event.counts],
        "negated": event.negated,
        "hedged": event.hedged,
        "future": event.future,
        "trigger": event.trigger,
        "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "article_id": event.article_id,
        "source_actor": actor_to_dict(event.source),
        "target_actor": actor_to_dict(event.target),
        "reported_by": actor_to_dict(event.reported_by),
        "rule": event.rule,
        "dictionary_version": event.dictionary_version,
    }
