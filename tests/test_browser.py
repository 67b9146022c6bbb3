"""The dashboard in a real browser: Debian's /usr/bin/chromium driven by Playwright, against
``eventwatch serve`` on the demo store (examples/) and on the small store with places.

Skipped, saying why, when playwright, chromium or the built assets (``make assets``) are
missing. Screenshots go to build/screenshots/. Any request leaving 127.0.0.1 fails the test.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

pytest.importorskip("playwright", reason="playwright is not installed (pip install -e '.[dev]')")

from playwright.sync_api import expect

from eventdb import build
from eventwatch.web import missing_assets

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "build" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} missing: apt-get install "
                       "chromium (make test does it when run as root)"),
    pytest.mark.skipif(bool(missing_assets()), reason="dashboard assets not built: make assets"),
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _serve(db: Path) -> Iterator[str]:
    """``eventwatch serve`` in a subprocess on a free loopback port, stopped afterwards."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "eventwatch", "serve", "--db", str(db),
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"server did not start: {proc.stderr.read()!r}") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def demo_url(tmp_path_factory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "demo.duckdb"
    subprocess.run([sys.executable, "-m", "eventwatch", "run", str(ROOT / "examples"),
                    "--db", str(db)], check=True, capture_output=True)
    with _serve(db) as url:
        yield url


@pytest.fixture(scope="session")
def places_url(tmp_path_factory) -> Iterator[str]:
    with _serve(build(tmp_path_factory.mktemp("browser") / "places.duckdb")) as url:
        yield url


@pytest.fixture
def offline(page):
    """The page, with every request that would leave the machine recorded and aborted."""
    outside: list[str] = []

    def guard(route):
        if urlparse(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    assert not outside, f"requests left the machine: {outside}"
    assert not errors, f"JavaScript errors: {errors}"


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=True)


def test_browser_dyad_chart_conflict_peaks_in_2015_and_2020(offline, demo_url):
    page = offline
    page.goto(f"{demo_url}/dyads/TUR/RUS?by=year")
    expect(page.locator("#dyad-chart")).to_have_attribute("data-drawn", "true")
    assert page.locator("#dyad-chart canvas").count() >= 1
    drawn = page.evaluate("window.eventwatch.charts['dyad-chart']")
    api = page.request.get(f"{demo_url}/api/dyads/TUR/RUS/series?by=year").json()
    assert drawn["rows"] == api["series"]  # the page drew what the API returns
    conflict = dict(zip([p[:4] for p in drawn["periods"]], drawn["series"]["conflict"],
                        strict=True))
    assert set(sorted(conflict, key=conflict.__getitem__)[-2:]) == {"2015", "2020"}, conflict
    assert conflict["2015"] > conflict["2016"] and conflict["2020"] > conflict["2019"]
    assert conflict["2020"] > conflict.get("2021", 0)
    _shot(page, "dyad_tur_rus.png")


def test_browser_click_event_shows_sentence_with_actors_highlighted(offline, demo_url):
    page = offline
    page.goto(f"{demo_url}/dyads/TUR/RUS?by=year")
    link = page.locator("a.event-link").nth(1)
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{href}")
    event = page.request.get(f"{demo_url}/api{href}").json()
    sentence = page.locator("#sentence")
    expect(sentence.locator("mark.source")).to_have_text(event["source_name"])
    expect(sentence.locator("mark.target")).to_have_text(event["target_name"])
    expect(sentence.locator("mark.trigger")).to_have_text(event["trigger"])
    expect(sentence).to_have_text(event["sentence"])
    expect(page.locator("#rule")).to_have_text(event["rule"])
    expect(page.locator("#article-link")).to_have_text(event["article"]["title"])
    _shot(page, "event.png")
    page.locator("#article-link").click()
    expect(page.locator(f'a.trigger-link[href="{href}"]')).to_have_count(1)


def test_browser_map_markers_in_idlib_and_aleppo(offline, places_url):
    page = offline
    page.goto(f"{places_url}/map")
    expect(page.locator("#map")).to_have_attribute("data-drawn", "true")
    _shot(page, "map.png")

    def marker(name):
        return page.locator(f'#map g.marker[data-places="{name}"]')

    if marker("Idlib").count() == 0:  # 60 km apart: one cluster at this zoom; zoom in
        page.locator('#map g.cluster[data-places*="Idlib"]').click()
    expect(marker("Idlib")).to_have_count(1)
    expect(marker("Aleppo")).to_have_count(1)
    idlib, aleppo = marker("Idlib").bounding_box(), marker("Aleppo").bounding_box()
    assert idlib["x"] < aleppo["x"] and idlib["y"] > aleppo["y"]  # Idlib is SW of Aleppo
    expect(page.locator('#map path.country.shaded[data-country="TUR"]')).to_have_count(1)
    expect(page.locator('#map g[data-places*="Turkey"]')).to_have_count(0)  # never a point
    _shot(page, "map_zoomed.png")


def test_browser_overview_and_search(offline, places_url):
    page = offline
    page.goto(places_url)
    expect(page.locator("#overview-chart")).to_have_attribute("data-drawn", "true")
    _shot(page, "overview.png")
    page.goto(f"{places_url}/search")
    page.fill('input[name="q"]', '"buying oil"; DROP TABLE events; --')
    page.click('button[type="submit"]')
    expect(page.locator("table.events tbody tr")).to_have_count(1)
    expect(page.locator("td.sentence")).to_contain_text('"buying oil"; DROP TABLE events')
    _shot(page, "search.png")
    page.goto(f"{places_url}/api/stats")
    assert '"events": 13' in page.content()
