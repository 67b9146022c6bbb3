"""The app factory: one read-only store, the REST API, the dashboard and its static files."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from eventwatch import __version__
from eventwatch.api import routes
from eventwatch.api.reader import Reader
from eventwatch.web import STATIC_DIR, pages

DESCRIPTION = """Read-only REST API over an eventwatch store: coded political events (CAMEO,
Goldstein, quad class, PLOVER) with their provenance, dyad time series, top actors and places.
Every dashboard page links the `/api/...` URL that returns the data it shows."""


class DropEmptyParams:
    """HTML forms send empty fields (`?since=`); on pages, an empty field means "not set"."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not scope["path"].startswith("/api"):
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v.strip() != ""]
            if len(kept) != len(pairs):
                scope = {**scope, "query_string": urlencode(kept).encode("latin-1")}
        await self.app(scope, receive, send)


def _messages(exc: RequestValidationError) -> list[str]:
    return [f"{'.'.join(str(p) for p in err['loc'][1:]) or 'request'}: {err['msg']}"
            for err in exc.errors()]


def _error_page(request: Request, status: int, messages: list[str]) -> Response:
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "messages": messages, "json_url": None,
                                "missing_assets": []}, status_code=status)


def _install_error_handlers(app: FastAPI) -> None:
    """JSON errors under /api (``detail`` says what was wrong); an HTML page elsewhere."""

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": _messages(exc)[0], "errors": _messages(exc)},
                                status_code=422)
        return _error_page(request, 422, _messages(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith(("/api", "/static", "/docs", "/openapi")):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        return _error_page(request, exc.status_code, [str(exc.detail)])


def _install_docs(app: FastAPI) -> None:
    """Swagger UI from the vendored swagger-ui-dist (FastAPI's default loads it from a CDN);
    without ``make assets``, a plain page listing the endpoints."""

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> Response:
        if (STATIC_DIR / "vendor" / "swagger-ui-bundle.js").is_file():
            return get_swagger_ui_html(
                openapi_url="/openapi.json", title="eventwatch API",
                swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                swagger_css_url="/static/vendor/swagger-ui.css",
                swagger_favicon_url="/static/favicon.svg")
        return request.app.state.templates.TemplateResponse(
            request, "docs.html", {"openapi": app.openapi(), "json_url": "/openapi.json",
                                   "missing_assets": []})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return RedirectResponse("/static/favicon.svg", status_code=301)


def create_app(db_path: str | Path) -> FastAPI:
    """A FastAPI app serving the store at ``db_path`` read-only (API, dashboard, docs)."""
    reader = Reader(db_path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        reader.close()

    app = FastAPI(title="eventwatch", version=__version__, description=DESCRIPTION,
                  lifespan=lifespan, docs_url=None, redoc_url=None)
    app.state.reader = reader
    app.state.templates = pages.make_templates()
    app.include_router(routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    _install_docs(app)
    _install_error_handlers(app)
    app.add_middleware(DropEmptyParams)
    return app


__all__ = ["create_app"]
