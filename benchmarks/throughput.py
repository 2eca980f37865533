"""Throughput and latency of the served site, cold and warm, against the stack's limit.

Serves the demo site as production does (production settings, PostgreSQL, Redis, gunicorn
with 2 workers) and, for Home, a content page, the news list, a help-finder step and a
search, prints requests per second and median / 99th percentile latency
- cold: every request misses the page cache (a fresh query string each time),
- warm: the page is in the cache,
beside a static file of the same size served by the same server (whitenoise), the
fastest the stack answers anything; the ratios compare with it. A finder step and a search
are never cached: warm is cold for them.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/13 \\
        .venv/bin/python benchmarks/throughput.py [seconds per case, default 5]
"""

from __future__ import annotations

import http.client
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ihme_site.local_site import (  # noqa: E402
    build_demo_site,
    free_port,
    fresh_postgres_database,
    manage,
    production_env,
    start_gunicorn,
)

CASES = {
    "home": "/fi/",
    "content page": "/fi/hae-apua/sinun-oikeutesi/",
    "news list": "/fi/uutiset/",
    "finder step": "/fi/hae-apua/avun-etsija/q2/?a=k2",
    "search": "/fi/search/?q=apua",
}
# Never kept in the page cache (no-store): every request is a cold one.
NEVER_CACHED = {"finder step", "search"}
CONNECTIONS = 16
BENCH_DATABASE = "ihme_bench_http"


def run(port: int, path_for, seconds: float) -> tuple[float, list[float]]:
    """Requests per second and latencies (ms) of CONNECTIONS keep-alive clients."""
    latencies: list[float] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    counter = iter(range(10**9))

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            connection.request("GET", path_for(next(counter)), headers={"Accept-Encoding": "br"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{response.status} for {path_for(0)}")
            mine.append((time.perf_counter() - start) * 1000)
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(CONNECTIONS)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies) / (time.perf_counter() - began), latencies


def p99(values: list[float]) -> float:
    return statistics.quantiles(values, n=100)[98]


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    work = Path(tempfile.mkdtemp(prefix="ihme-bench-"))
    env = production_env(
        work,
        fresh_postgres_database(BENCH_DATABASE),
        os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/13"),
    )
    build_demo_site(env)
    manage(env, "shell", "-v0", "-c", "from django.core.cache import cache; cache.clear()")

    manage(env, "collectstatic", "--noinput", "-v0")
    # Sizes of the pages as served, for static files of the same size (written into the
    # collected files, which whitenoise indexes when the server starts).
    static_dir = work / "static" / "bench"
    static_dir.mkdir()
    port = free_port()
    server = start_gunicorn(env, port, workers=2)
    sizes = {}
    try:
        for name, path in CASES.items():
            connection = http.client.HTTPConnection("127.0.0.1", port)
            connection.request("GET", path, headers={"Accept-Encoding": "br"})
            sizes[name] = len(connection.getresponse().read())
            (static_dir / f"{name.replace(' ', '-')}.txt").write_bytes(b"x" * sizes[name])
    finally:
        server.terminate()
        server.wait()
    try:
        server = start_gunicorn(env, port, workers=2)
        print(f"{CONNECTIONS} connections, {seconds:.0f} s per case, gunicorn 2 workers\n")
        print(
            f"{'case':14} {'bytes':>6} {'state':5} {'req/s':>7} {'median':>7} {'p99':>7} "
            f"{'of static':>9}"
        )
        for name, path in CASES.items():
            static = f"/static/bench/{name.replace(' ', '-')}.txt"
            static_rps, static_ms = run(port, lambda n, s=static: s, seconds)
            if name in NEVER_CACHED:
                rows = [("cold", *run(port, lambda n, p=path: p, seconds))]
            else:
                cold = path + ("&" if "?" in path else "?") + "n="
                rows = [("cold", *run(port, lambda n, p=cold: f"{p}{n}", seconds))]
                run(port, lambda n, p=path: p, 1)  # fill the cache
                rows.append(("warm", *run(port, lambda n, p=path: p, seconds)))
            for state, rps, ms in rows:
                print(
                    f"{name:14} {sizes[name]:6} {state:5} {rps:7.0f} "
                    f"{statistics.median(ms):6.1f}ms {p99(ms):6.1f}ms {rps / static_rps:8.2f}"
                )
            print(
                f"{'':14} {'':6} {'static':5} {static_rps:7.0f} "
                f"{statistics.median(static_ms):6.1f}ms {p99(static_ms):6.1f}ms {1:8.2f}"
            )
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
