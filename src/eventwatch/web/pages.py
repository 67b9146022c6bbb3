"""HTML pages: each calls the same payload function as its API twin and renders it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from eventwatch.api import service
from eventwatch.api.params import (
    DEFAULT_LIMIT,
    Db,
    Filters,
    Order,
    Period,
    check_actor,
    decode_cursor,
    effective_limit,
    get_reader,
)
from eventwatch.api.reader import Reader
from eventwatch.ontology import QUAD_NAMES
from eventwatch.store.queries import EventFilter
from eventwatch.web import TEMPLATE_DIR, missing_assets
from eventwatch.web.highlight import segments

router = APIRouter(include_in_schema=False)


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATE_DIR))
    templates.env.policies["json.dumps_kwargs"] = {"default": _json_default}
    templates.env.globals["quad_names"] = QUAD_NAMES
    templates.env.globals["segments"] = segments
    return templates


def _render(request: Request, name: str, json_url: str, **context: Any) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, {
        "json_url": json_url, "missing_assets": missing_assets(), **context})


def _query(request: Request, **override: Any) -> str:
    """The request's query string with ``override`` applied (None removes a key)."""
    params = {k: v for k, v in request.query_params.items() if v != ""}
    params.update({k: v for k, v in override.items() if v is not None})
    for key in [k for k, v in override.items() if v is None]:
        params.pop(key, None)
    return urlencode(params)


def _with_query(path: str, query: str) -> str:
    return f"{path}?{query}" if query else path


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, cur: Db) -> HTMLResponse:
    stats = service.stats(cur)
    series = service.series(cur, EventFilter(), "month",
                            request.app.state.reader.period_totals("month"))
    return _render(request, "overview.html", "/api/stats", stats=stats, series=series,
                   dyads=service.dyads(cur, EventFilter(), 10),
                   actors=service.actors(cur, EventFilter(), 10, "country"))


@router.get("/dyads", response_class=HTMLResponse)
def dyad_index(request: Request, cur: Db, reader: Annotated[Reader, Depends(get_reader)],
               a: str | None = None, b: str | None = None) -> Response:
    if a and b:
        a, b = check_actor(a, reader, "a"), check_actor(b, reader, "b")
        return RedirectResponse(_with_query(f"/dyads/{a}/{b}", _query(request, a=None, b=None)),
                                status_code=303)
    return _render(request, "dyads.html", "/api/dyads",
                   dyads=service.dyads(cur, EventFilter(), 20),
                   actors=service.actors(cur, EventFilter(), 40, "country"))


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, a: str, b: str, flt: Filters, cur: Db,
              reader: Annotated[Reader, Depends(get_reader)], by: Period = "month",
              after: str | None = None,
              limit: Annotated[int, Query(ge=1)] = DEFAULT_LIMIT) -> HTMLResponse:
    a, b = check_actor(a, reader, "a"), check_actor(b, reader, "b")
    data = service.dyad(cur, a, b, by, flt, reader.period_totals(by))
    pair = dataclasses.replace(flt, dyad=(a, b))
    page = service.events_page(cur, pair, effective_limit(limit),
                               decode_cursor(after, "asc") if after else None, "asc")
    json_url = _with_query(f"/api/dyads/{a}/{b}/series", _query(request, after=None,
                                                                  limit=None))
    events_url = "/api/events?" + _query(request, dyad=f"{a},{b}", by=None)
    next_url = _with_query(request.url.path, _query(request, after=page["next"])) \
        if page["next"] else None
    return _render(request, "dyad.html", json_url, data=data, page=page,
                   events_url=events_url, next_url=next_url,
                   actors=service.actors(cur, EventFilter(), 40, "country"))


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str, cur: Db) -> HTMLResponse:
    event = service.event_detail(cur, event_id)
    return _render(request, "event.html", f"/api/events/{event_id}", event=event)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, cur: Db) -> HTMLResponse:
    article = service.article_detail(cur, article_id)
    spans = {f"e{i}": [e["trigger_start"], e["trigger_end"]]
             for i, e in enumerate(article["events"])}
    return _render(request, "article.html", f"/api/articles/{article_id}", article=article,
                   text_spans=spans)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, flt: Filters, cur: Db) -> HTMLResponse:
    return _render(request, "map.html", _with_query("/api/map", _query(request)),
                   data=service.map_data(cur, flt), query=dict(request.query_params))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, flt: Filters, cur: Db, after: str | None = None,
                order: Order = "desc",
                limit: Annotated[int, Query(ge=1)] = DEFAULT_LIMIT) -> HTMLResponse:
    searched = any(v for k, v in request.query_params.items() if k not in ("order", "limit"))
    page = service.events_page(cur, flt, effective_limit(limit),
                               decode_cursor(after, order) if after else None, order) \
        if searched else None
    next_url = _with_query(request.url.path, _query(request, after=page["next"])) \
        if page and page["next"] else None
    return _render(request, "search.html", "/api/events?" + _query(request, order=order),
                   page=page, next_url=next_url, query=dict(request.query_params))


__all__ = ["make_templates", "router"]
