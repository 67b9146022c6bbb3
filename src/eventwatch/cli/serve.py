"""``eventwatch serve``: the REST API and dashboard over a store, read-only."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import Annotated

import typer

from eventwatch.store import DEFAULT_DB


def serve(
    db: Annotated[Path, typer.Option("--db", help="DuckDB database file.")] = Path(DEFAULT_DB),
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    get: Annotated[str | None, typer.Option(
        "--get", help="Answer one GET request for this path in-process, print the body and "
                      "exit (1 on an error status), e.g. --get /api/stats.")] = None,
) -> None:
    """Serve the REST API (/api, docs at /docs) and the dashboard, read-only."""
    from eventwatch.api import create_app
    from eventwatch.errors import StoreError

    try:
        app = create_app(db)
    except StoreError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    if get is not None:
        raise typer.Exit(code=get_once(app, get))
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="info")


def get_once(app: object, path: str) -> int:
    """Datasette's ``--get``: one request through the ASGI app, no socket; body to stdout."""
    with warnings.catch_warnings():  # starlette nags about httpx vs httpx2; both work here
        warnings.filterwarnings("ignore", message="Using `httpx`")
        from fastapi.testclient import TestClient

    with TestClient(app) as client:  # type: ignore[arg-type]
        response = client.get(path, follow_redirects=False)
    sys.stdout.write(response.text)
    if not response.text.endswith("\n"):
        sys.stdout.write("\n")
    return 0 if response.status_code < 400 else 1


__all__ = ["get_once", "serve"]
