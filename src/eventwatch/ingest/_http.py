"""Fetching a URL with a bounded body, so a huge or endless response cannot fill memory."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from ..errors import E_FEED, E_TOO_LARGE
from ..records import Reject

DEFAULT_TIMEOUT = httpx.Timeout(20.0)
USER_AGENT = "eventwatch/0.1 (news event coder)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response body with the bits of the headers ingest needs."""

    body: bytes
    content_type: str
    charset: str | None


def new_client() -> httpx.Client:
    """The client used when the caller does not pass one."""
    return httpx.Client(
        timeout=DEFAULT_TIMEOUT, follow_redirects=True, headers={"User-Agent": USER_AGENT}
    )


def _too_large(url: str, max_bytes: int) -> Reject:
    return Reject(url, E_TOO_LARGE, f"{url}: response is over {max_bytes} bytes")


def fetch(url: str, client: httpx.Client, max_bytes: int) -> Fetched | Reject:
    """GET ``url``; HTTP and network failures become E110 rejects, big bodies E104."""
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                return Reject(url, E_FEED, f"{url}: HTTP {response.status_code}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                return _too_large(url, max_bytes)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    return _too_large(url, max_bytes)
                chunks.append(chunk)
            return Fetched(
                body=b"".join(chunks),
                content_type=response.headers.get("content-type", "").lower(),
                charset=response.charset_encoding,
            )
    except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
        return Reject(url, E_FEED, f"{url}: could not fetch ({type(exc).__name__}: {exc})")
