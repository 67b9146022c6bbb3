"""API latency under concurrent clients on a synthetic store of 1,000,000 events.

Builds the store with DuckDB SQL (a few seconds; kept in --db for reuse): reports come in
threes (same day, dyad and code, so one event group of three mentions, as wire copies are),
and every 50th report is a month-dated past reference in its original's group, so the series
count groups as they do on real stores (--events counts reports). Then starts
``eventwatch serve`` in a subprocess on 127.0.0.1, and runs --clients threads with httpx
clients, each sending a bounded number of requests (--requests in all per endpoint, stopped
after --seconds anyway). Prints p50/p99 latency per endpoint; the target is p99 < 200 ms for
the dyad series. Loopback only.

    python bench/api.py [--events 1000000] [--clients 8] [--requests 400] [--db FILE]
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx

COUNTRIES = ("TUR RUS SYR USA IRN ISR UKR CHN FRA DEU GBR IRQ EGY SAU QAT JOR LBN LBY GRC "
             "ARM AZE GEO IND PAK AFG JPN KOR PRK BRA MEX").split()
SECTORS = ("", "GOV", "MIL", "REB", "CVL", "OPP", "BUS", "MED", "COP", "LEG")
CITIES = (("Idlib", 35.93, 36.63, "SYR"), ("Aleppo", 36.20, 37.16, "SYR"),
          ("Ankara", 39.93, 32.86, "TUR"), ("Moscow", 55.75, 37.62, "RUS"),
          ("Kyiv", 50.45, 30.52, "UKR"), ("Tehran", 35.69, 51.39, "IRN"),
          ("Baghdad", 33.34, 44.40, "IRQ"), ("Gaza", 31.50, 34.47, "ISR"))
DYADS = [("TUR", "RUS"), ("USA", "IRN"), ("RUS", "UKR"), ("ISR", "LBN"), ("CHN", "USA"),
         ("SYR", "TUR"), ("FRA", "DEU"), ("IRQ", "IRN")]


def _codes() -> list[tuple[str, str, str, float, int]]:
    from eventwatch.ontology import cameo_codes

    return [(c.code, c.root, c.label, c.goldstein, c.quad_class)
            for c in cameo_codes().values() if c.quad_class]


def build_store(path: Path, n: int) -> None:
    """n synthetic reports of about n/3 events (and n/5 articles) written with set-based
    SQL, then checkpointed."""
    import duckdb

    from eventwatch.store import Store

    Store(path).close()  # schema
    con = duckdb.connect(str(path))
    codes = _codes()
    con.execute("CREATE TEMP TABLE cameo (k INTEGER, code VARCHAR, root VARCHAR, "
                "label VARCHAR, goldstein DOUBLE, quad_class INTEGER)")
    con.executemany("INSERT INTO cameo VALUES (?, ?, ?, ?, ?, ?)",
                    [(i, *c) for i, c in enumerate(codes)])
    con.execute("CREATE TEMP TABLE city (k INTEGER, name VARCHAR, lat DOUBLE, lon DOUBLE, "
                "country VARCHAR)")
    con.executemany("INSERT INTO city VALUES (?, ?, ?, ?, ?)",
                    [(i, *c) for i, c in enumerate(CITIES)])
    countries = "[" + ",".join(f"'{c}'" for c in COUNTRIES) + "]"
    sectors = "[" + ",".join(f"'{s}'" for s in SECTORS) + "]"
    con.execute(f"""
        INSERT INTO events (id, article_id, sentence_index, sentence, sentence_start, date,
            source_code, source_name, source_country, source_sector, source_start, source_end,
            target_code, target_name, target_country, target_sector, target_start, target_end,
            code, root, label, goldstein, quad_class, trigger, trigger_start, trigger_end,
            negated, hedged, future, rule, dictionary_version, date_resolution,
            place_name, lat, lon, place_country, place_precision, place_method,
            own_key, event_key, group_id, past_reference)
        WITH r AS (
            SELECT i, i // 3 AS g, hash(i // 3) AS h1, hash(i // 3 + 7919) AS h2,
                   hash(i // 3 + 104729) AS h3, i % 50 = 49 AS reference
            FROM range({n}) t(i)),
        a AS (
            SELECT i, g, reference, h1, h2, h3,
                   {countries}[1 + (h1 % {len(COUNTRIES)})::INTEGER] AS sc,
                   {countries}[1 + (h2 % {len(COUNTRIES)})::INTEGER] AS tc,
                   {sectors}[1 + ((h1 >> 8) % {len(SECTORS)})::INTEGER] AS ss,
                   {sectors}[1 + ((h2 >> 8) % {len(SECTORS)})::INTEGER] AS ts,
                   (h3 % {len(codes)})::INTEGER AS ck,
                   ((h3 >> 16) % 10)::INTEGER AS pk
            FROM r)
        SELECT printf('%016x', i), 'a' || (i // 5), (i % 5)::INTEGER,
               'Synthetic sentence ' || i || ': ' || sc || ' and ' || tc || ' met.', 0,
               CASE WHEN reference THEN date_trunc('month', DATE '2015-01-01'
                        + ((h1 >> 20) % 3287)::INTEGER)::DATE
                    ELSE DATE '2015-01-01' + ((h1 >> 20) % 3287)::INTEGER END,
               sc || ss, sc, sc, nullif(ss, ''), 0, 3,
               tc || ts, tc, tc, nullif(ts, ''), 8, 11,
               cameo.code, cameo.root, cameo.label, cameo.goldstein, cameo.quad_class,
               'met', 4, 7, (hash(i) % 50) = 0, false, false, 'verbs:1 synthetic', 'bench',
               CASE WHEN reference THEN 'month' ELSE 'day' END,
               CASE WHEN pk < 3 THEN city.name WHEN pk < 5 THEN sc END,
               CASE WHEN pk < 3 THEN city.lat END, CASE WHEN pk < 3 THEN city.lon END,
               CASE WHEN pk < 3 THEN city.country WHEN pk < 5 THEN sc END,
               CASE WHEN pk < 3 THEN 'city' WHEN pk < 5 THEN 'country' END,
               CASE WHEN pk < 5 THEN 'sentence' END,
               printf('%016x', CASE WHEN reference THEN {n} + i ELSE g END),
               printf('%016x', g), g, reference
        FROM a JOIN cameo ON cameo.k = a.ck
        LEFT JOIN city ON city.k = ((a.h3 >> 24) % {len(CITIES)})::INTEGER
    """)
    con.execute(f"""INSERT INTO articles (id, title, published, origin, text, removed_lines,
                        dictionary_version, ingested_at)
                    SELECT 'a' || i, 'Synthetic article ' || i, DATE '2015-01-01', 'bench',
                           'text', 0, 'bench', now()::TIMESTAMP FROM range({n // 5}) t(i)""")
    con.execute("CHECKPOINT")
    con.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "eventwatch", "serve", "--db", str(db),
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc, f"http://127.0.0.1:{port}"
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.1)
    proc.terminate()
    raise RuntimeError("server did not start")


def run_load(base: str, make_url: Callable[[random.Random], str], clients: int, requests: int,
             seconds: float) -> tuple[list[float], int]:
    """Latencies (ms) of ``requests`` GETs spread over ``clients`` threads; errors counted."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    per_client = -(-requests // clients)

    def client(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=30) as http:
            for _ in range(per_client):
                if time.monotonic() > deadline:
                    return
                url = make_url(rng)
                start = time.perf_counter()
                response = http.get(url)
                elapsed = (time.perf_counter() - start) * 1000
                with lock:
                    latencies.append(elapsed)
                    errors += response.status_code != 200

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors


def _events_url(rng: random.Random) -> str:
    a, b = rng.choice(DYADS)
    year = rng.randint(2015, 2023)
    return rng.choice([f"/api/events?dyad={a},{b}&limit=50",
                       f"/api/events?actor={a}&since={year}-01-01&limit=50",
                       f"/api/events?country={b}&quad_class=4&limit=50"])


def _dyad_url(rng: random.Random) -> str:
    a, b = rng.choice(DYADS)
    return f"/api/dyads/{a}/{b}/series?by={rng.choice(['month', 'week', 'year'])}"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=400, help="per endpoint")
    parser.add_argument("--seconds", type=float, default=120, help="cap per endpoint")
    parser.add_argument("--db", type=Path, default=None, help="reuse/keep the synthetic store")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="ew-bench-")
    db = args.db or Path(tmp.name) / "bench.duckdb"
    if not db.exists():
        start = time.perf_counter()
        build_store(db, args.events)
        print(f"built {args.events:,} events in {time.perf_counter() - start:.1f}s → {db}")
    proc, base = start_server(db)
    try:
        httpx.get(base + "/api/stats", timeout=60)  # warm-up: first query loads the columns
        for _ in range(20):
            httpx.get(base + _dyad_url(random.Random(0)), timeout=60)
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"{args.clients} concurrent clients, {args.requests} requests per endpoint; "
              f"{os.cpu_count()} cores, load average before the run {load} "
              "(other jobs on the machine inflate the figures)")
        print(f"{'endpoint':<14}{'n':>6}{'p50 ms':>10}{'p99 ms':>10}{'mean ms':>10}"
              f"{'req/s':>9}{'errors':>8}")
        results = {}
        for name, make in (("events", _events_url), ("dyad series", _dyad_url)):
            start = time.perf_counter()
            lat, errors = run_load(base, make, args.clients, args.requests, args.seconds)
            wall = time.perf_counter() - start
            results[name] = percentile(lat, 99)
            print(f"{name:<14}{len(lat):>6}{percentile(lat, 50):>10.1f}{results[name]:>10.1f}"
                  f"{statistics.fmean(lat):>10.1f}{len(lat) / wall:>9.1f}{errors:>8}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        tmp.cleanup()
    target = results["dyad series"] < 200
    print(f"dyad series p99 {results['dyad series']:.0f} ms: "
          f"{'meets' if target else 'MISSES'} the 200 ms target")
    return 0 if target else 1


if __name__ == "__main__":
    sys.exit(main())
