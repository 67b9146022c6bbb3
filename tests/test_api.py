"""REST API over a small store with places: every endpoint, filters, bad parameters, pages."""

from __future__ import annotations

import json
import warnings

import duckdb
import pytest
from typer.testing import CliRunner

from eventdb import ROWS, build
from eventwatch.api import create_app
from eventwatch.cli import app as cli_app

with warnings.catch_warnings():  # starlette prefers httpx2; httpx works the same here
    warnings.filterwarnings("ignore", message="Using `httpx`")
    from fastapi.testclient import TestClient

N_EVENTS = sum(1 for row in ROWS if not row[-1])  # negated events are hidden by default


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    return build(tmp_path_factory.mktemp("api") / "places.duckdb")


@pytest.fixture(scope="module")
def client(db_path):
    app = create_app(db_path)
    with TestClient(app) as client:
        yield client


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.text
    return response.json()


def ids(payload):
    return [e["id"] for e in payload["events"]]


def test_api_events_lists_every_visible_event(client):
    data = get(client, "/api/events")
    assert data["count"] == N_EVENTS and data["next"] is None
    dates = [e["date"] for e in data["events"]]
    assert dates[-1] is None and dates[:-1] == sorted(dates[:-1])  # undated last
    assert all(not e["negated"] for e in data["events"])


@pytest.mark.parametrize(("query", "expected"), [
    ("actor=TUR", 12), ("actor=tur", 12), ("source=RUS", 4), ("target=TUR", 4),
    ("dyad=TUR,RUS", 10), ("dyad=RUS,TUR", 10), ("root=19", 3), ("root=5", 5),
    ("code=057", 3), ("quad_class=4", 4), ("since=2020-01-01", 4),
    ("since=2016-01-01&until=2016-12-31", 4), ("country=SYR", 4), ("country=tur", 12),
    ("bbox=36.5,35.8,36.8,36.0", 2), ("bbox=30,30,40,40", 4), ("q=CEASEFIRE", 2),
    ("actor=IGO", 1), ("actor=FRA", 0), ("actor=TURMILGOV", 0), ("dyad=TUR,RUS&root=19", 1),
])
def test_api_events_filters(client, query, expected):
    assert get(client, f"/api/events?{query}")["count"] == expected


def test_api_events_bbox_skips_country_level_places(client):
    data = get(client, "/api/events?bbox=25,35,45,43")  # all of Turkey and northern Syria
    assert {e["place_name"] for e in data["events"]} == {"Idlib", "Aleppo"}


@pytest.mark.parametrize("text", [
    '"buying oil"; DROP TABLE events; --', "' OR 1=1 --", "O'Brien", "%", "_", "\\", "';--",
])
def test_api_q_is_plain_text(client, text):
    data = client.get("/api/events", params={"q": text}).json()
    expected = [r for r in ROWS if text.lower() in r[1].lower() and not r[-1]]
    assert data["count"] == len(expected)
    assert get(client, "/api/stats")["events"] == N_EVENTS  # nothing was dropped


def test_api_unknown_actor_is_422_with_message(client):
    for url in ("/api/events?actor=ZZZ", "/api/events?source=TURXYZ", "/api/events?dyad=TUR,QQQ",
                "/api/dyads/TUR/ZZZ/series", "/api/events?actor=TU1"):
        detail = get(client, url, 422)["detail"]
        assert isinstance(detail, str) and "actor code" in detail, detail


@pytest.mark.parametrize(("url", "field"), [
    ("/api/events?limit=abc", "limit"), ("/api/events?limit=0", "limit"),
    ("/api/events?since=2015-13-01", "since"), ("/api/events?until=yesterday", "until"),
    ("/api/events?since=2020-01-01&until=2019-01-01", "since"),
    ("/api/dyads/TUR/RUS/series?by=decade", "by"), ("/api/series?by=decade", "by"),
    ("/api/events?bbox=1,2,3", "bbox"), ("/api/events?bbox=10,0,5,1", "bbox"),
    ("/api/events?quad_class=7", "quad_class"), ("/api/events?root=99", "root"),
    ("/api/events?code=19x", "code"), ("/api/events?country=XX", "country"),
    ("/api/events?dyad=TUR", "dyad"), ("/api/events?after=not-a-cursor", "after"),
    ("/api/events?order=sideways", "order"), ("/api/actors?group=planet", "group"),
])
def test_api_bad_values_are_422_with_message(client, url, field):
    detail = get(client, url, 422)["detail"]
    assert isinstance(detail, str) and field in detail, detail


def test_api_limit_over_cap_is_capped(client):
    data = get(client, "/api/events?limit=100000")
    assert data["limit"] == 500 and data["requested_limit"] == 100000
    assert data["count"] == N_EVENTS


@pytest.mark.parametrize("order", ["asc", "desc"])
def test_api_keyset_pages_are_disjoint_and_complete(client, order):
    everything = ids(get(client, f"/api/events?order={order}&limit=500"))
    pages, url = [], f"/api/events?order={order}&limit=3"
    while url:
        data = get(client, url)
        pages.append(ids(data))
        url = data["next_url"]
    flat = [i for page in pages for i in page]
    assert len(pages) == -(-N_EVENTS // 3)
    assert len(flat) == len(set(flat)) == N_EVENTS and flat == everything
    assert all(len(p) == 3 for p in pages[:-1])


def test_api_keyset_cursor_keeps_filters_and_rejects_other_order(client):
    first = get(client, "/api/events?dyad=TUR,RUS&limit=4")
    second = get(client, first["next_url"])
    assert second["filters"]["dyad"] == ["TUR", "RUS"]
    assert not set(ids(first)) & set(ids(second))
    get(client, f"/api/events?order=desc&after={first['next']}", 422)


def test_api_event_has_provenance_and_article(client):
    listed = get(client, "/api/events?q=accused")["events"][0]
    event = get(client, f"/api/events/{listed['id']}")
    assert event["rule"] == "verbs:102 test pattern" and event["dictionary_version"]
    assert event["article"]["title"].startswith("Article 2") and event["article"]["id"] == "a02"
    spans = event["sentence_spans"]
    sentence = event["sentence"]
    assert sentence[slice(*spans["source"])] == event["source_name"] == "Russia"
    assert sentence[slice(*spans["target"])] == event["target_name"] == "Erdogan"
    assert sentence[slice(*spans["trigger"])] == event["trigger"] == "accused"
    article = get(client, f"/api/articles/{event['article_id']}")
    assert article["text"][event["trigger_start"]:event["trigger_end"]] == "accused"
    assert article["url"] is None and [e["id"] for e in article["events"]] == [event["id"]]
    linked = get(client, "/api/events?q=imposed")["events"][0]
    assert get(client, f"/api/events/{linked['id']}")["article"]["url"] == \
        "https://news.example/1"


def test_api_missing_event_or_article_is_404(client):
    assert "nope" in get(client, "/api/events/nope", 404)["detail"]
    assert "nope" in get(client, "/api/articles/nope", 404)["detail"]


def test_api_dyad_series(client):
    data = get(client, "/api/dyads/tur/rus/series?by=year")
    assert (data["a"], data["b"], data["by"]) == ("TUR", "RUS", "year")
    rows = {r["period"][:4]: r for r in data["series"]}
    assert set(rows) == {"2015", "2016", "2018", "2020"}
    r2015 = rows["2015"]
    assert (r2015["events"], r2015["conflict"], r2015["cooperation"]) == (3, 3, 0)
    assert (r2015["material_conflict"], r2015["verbal_conflict"]) == (2, 1)
    assert r2015["goldstein_sum"] == -20.0 and r2015["goldstein_mean"] == pytest.approx(-6.67)
    assert r2015["share"] == 1.0
    r2016 = rows["2016"]  # 2016 also has RUSMIL striking Aleppo with no target: not the dyad
    assert r2016["events"] == 3 and r2016["share"] == pytest.approx(0.75)
    # 10 events between them; the undated one has no period
    assert data["totals"]["events"] == sum(r["events"] for r in data["series"]) == 9
    month = get(client, "/api/dyads/TUR/RUS/series?by=month&since=2020-01-01")
    assert [r["period"] for r in month["series"]] == ["2020-02-01", "2020-03-01"]
    week = get(client, "/api/dyads/TUR/RUS/series?by=week")["series"]
    assert len(week) == 8  # 24 and 28 Nov 2015 share a week
    assert len(get(client, "/api/dyads/TUR/RUS/series?by=day")["series"]) == 9


def test_api_series_actors_dyads_stats(client):
    series = get(client, "/api/series?by=year")["series"]
    assert sum(r["events"] for r in series) == N_EVENTS - 1  # one undated
    assert all(r["share"] == 1.0 for r in series)
    actors = get(client, "/api/actors?limit=3")["actors"]
    assert actors[0]["code"] == "TUR" and actors[0]["events"] == 6
    countries = get(client, "/api/actors?group=country")["actors"]
    assert countries[0]["code"] == "TUR" and countries[0]["events"] == 12
    assert any(a["code"] == "IGOUNO" for a in countries)
    dyads = get(client, "/api/dyads?limit=2")["dyads"]
    assert len(dyads) == 2 and dyads[0]["events"] >= dyads[1]["events"]
    stats = get(client, "/api/stats")
    assert stats["events"] == N_EVENTS and stats["negated_events"] == 1
    assert stats["articles"] == len(ROWS) and stats["rejects"] == 0
    assert (stats["events_with_point_place"], stats["events_with_country_place"]) == (4, 2)
    assert stats["first_date"] == "2015-11-24" and stats["last_date"] == "2022-07-22"
    assert sum(stats["by_quad_class"].values()) == N_EVENTS


def test_api_map_points_and_country_shading(client):
    data = get(client, "/api/map")
    points = {p["name"]: p for p in data["points"]}
    assert set(points) == {"Idlib", "Aleppo"}
    assert (points["Idlib"]["lat"], points["Idlib"]["lon"]) == (35.93, 36.63)
    assert points["Aleppo"]["events"] == 2
    assert data["countries"] == [
        {"country": "TUR", "events": 2, "mentions": 2, "goldstein_mean": -5.0,
         "iso_numeric": "792"}]
    assert get(client, "/api/map?since=2019-01-01")["points"][0]["name"] == "Idlib"


def test_api_index_docs_and_openapi(client):
    assert "/api/events" in get(client, "/api")["endpoints"]
    spec = get(client, "/openapi.json")
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}",
                 "/api/dyads/{a}/{b}/series", "/api/dyads", "/api/actors", "/api/stats",
                 "/api/map", "/api/series"):
        assert path in spec["paths"], path
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "dyad", "bbox", "q", "after", "limit", "since", "country"} <= params
    docs = client.get("/docs")
    assert docs.status_code == 200 and "cdn" not in docs.text.lower()


@pytest.mark.parametrize(("page", "twin"), [
    ("/", "/api/stats"), ("/dyads", "/api/dyads"),
    ("/dyads/TUR/RUS?by=year", "/api/dyads/TUR/RUS/series?by=year"),
    ("/map", "/api/map"), ("/search?q=ceasefire", "/api/events?q=ceasefire&amp;order=desc"),
    ("/articles/a02", "/api/articles/a02"),
])
def test_pages_render_and_link_their_json_twin(client, page, twin):
    response = client.get(page)
    assert response.status_code == 200 and "text/html" in response.headers["content-type"]
    assert f'href="{twin}"' in response.text
    assert "https://" not in response.text.replace("https://news.example", "")


def test_pages_escape_text_and_highlight_the_event(client):
    event = get(client, "/api/events?q=accused")["events"][0]
    html = client.get(f"/events/{event['id']}").text
    assert '<mark class="source" title="source">Russia</mark>' in html
    assert '<mark class="trigger" title="trigger">accused</mark>' in html
    assert '<mark class="target" title="target">Erdogan</mark>' in html
    assert "&#34;buying oil&#34;; DROP TABLE events; --" in html
    assert f'href="/api/events/{event["id"]}"' in html


def test_pages_bad_parameters_show_an_error_page(client):
    for url, status in (("/dyads/TUR/ZZZ", 422), ("/events/nope", 404),
                        ("/search?since=not-a-date", 422)):
        response = client.get(url)
        assert response.status_code == status and "text/html" in response.headers["content-type"]
    assert client.get("/search?since=&q=ceasefire&quad_class=").status_code == 200
    redirect = client.get("/dyads?a=tur&b=rus&by=year", follow_redirects=False)
    assert redirect.status_code == 303 and redirect.headers["location"] == \
        "/dyads/TUR/RUS?by=year"


def test_app_opens_the_store_read_only(db_path):
    app = create_app(db_path)
    with app.state.reader.cursor() as cur, pytest.raises(duckdb.Error):
        cur.query("CREATE TABLE scratch (i INTEGER)")
    app.state.reader.close()


def test_cli_serve_get_answers_one_request(db_path):
    runner = CliRunner()
    ok = runner.invoke(cli_app, ["serve", "--db", str(db_path), "--get", "/api/stats"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.stdout)["events"] == N_EVENTS
    bad = runner.invoke(cli_app, ["serve", "--db", str(db_path), "--get",
                                  "/api/events?actor=ZZZ"])
    assert bad.exit_code == 1 and "unknown actor code" in bad.stdout
    missing = runner.invoke(cli_app, ["serve", "--db", str(db_path) + ".nope", "--get", "/"])
    assert missing.exit_code == 2


def test_api_event_shows_its_quote_and_how_often_it_was_reported(tmp_path):
    from pathlib import Path

    from eventwatch.pipeline import run
    from eventwatch.store import Store

    fixture = Path(__file__).parent / "fixtures" / "seedlike" / "idlib_warships.txt"
    with Store(tmp_path / "q.duckdb") as store:
        run([fixture], store)
        quoted = store.query("SELECT id, quote_id FROM events WHERE quote_id IS NOT NULL")
    assert quoted
    app = create_app(tmp_path / "q.duckdb")
    with TestClient(app) as local:
        event = get(local, f"/api/events/{quoted[0]['id']}")
        assert event["quote"]["id"] == quoted[0]["quote_id"] and event["quote"]["text"]
        assert event["reports"]["mentions"] >= 1 and event["reports"]["articles"] == 1
        page = local.get(f"/events/{quoted[0]['id']}").text
        assert "quote by" in page and "mention(s) in 1 article(s)" in page
