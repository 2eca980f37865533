"""Load test: wrk against the site under production settings, on the local address only.

Serves the demo site as production does (production settings, PostgreSQL, Redis, gunicorn
with the project's gunicorn.conf.py) on 127.0.0.1 and runs wrk (Debian's package `wrk`)
against Home, a content page, a help-finder step and a search: 64 connections for 60 s
each by default, and prints requests per second, p50 and p99 latency, and errors (socket
errors, and every answer that is not 2xx or 3xx). Bounded: each run stops after its
duration, and wrk is only ever pointed at 127.0.0.1.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379/13 \\
        .venv/bin/python benchmarks/load_test.py [seconds per case: 60] [connections: 64]
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.throughput import CASES as PAGES  # noqa: E402
from ihme_site.local_site import (  # noqa: E402
    build_demo_site,
    free_port,
    fresh_postgres_database,
    manage,
    production_env,
    start_gunicorn,
)

# The four kinds of page the hardening issue names, at the throughput benchmark's addresses.
CASES = {name: PAGES[name] for name in ("home", "content page", "finder step", "search")}
LOAD_DATABASE = "ihme_bench_load"
THREADS = 2  # the machine's cores are shared with the server


def _milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url: str, seconds: int, connections: int) -> dict[str, float]:
    if not url.startswith("http://127.0.0.1:"):
        raise ValueError("the load test targets the local site only")
    output = subprocess.run(
        [
            shutil.which("wrk") or "wrk",
            f"--threads={THREADS}",
            f"--connections={connections}",
            f"--duration={seconds}s",
            "--timeout=10s",
            "--latency",
            "--header=Accept-Encoding: br",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    percentiles = {
        float(share): value
        for share, value in re.findall(
            r"^\s*(\d+(?:\.\d+)?)%\s+([\d.]+(?:us|ms|s))\s*$", output, re.MULTILINE
        )
    }
    if 50.0 not in percentiles or 99.0 not in percentiles:
        raise RuntimeError(f"no latency distribution in wrk's output:\n{output}")
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests": float(re.search(r"(\d+) requests in", output).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _milliseconds(percentiles[50.0]),
        "p99": _milliseconds(percentiles[99.0]),
        "errors": (sum(map(int, socket_errors.groups())) if socket_errors else 0)
        + (int(non_2xx.group(1)) if non_2xx else 0),
    }


def main() -> None:
    seconds = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    connections = int(sys.argv[2]) if len(sys.argv) > 2 else 64
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: apt-get install wrk")
    work = Path(tempfile.mkdtemp(prefix="ihme-load-"))
    env = production_env(
        work,
        fresh_postgres_database(LOAD_DATABASE),
        os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/13"),
    )
    build_demo_site(env)
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "shell", "-v0", "-c", "from django.core.cache import cache; cache.clear()")
    port = free_port()
    workers = os.environ.get("WEB_CONCURRENCY", "3")
    server = start_gunicorn(env, port, workers=int(workers))
    print(f"wrk: {connections} connections, {seconds} s per case; gunicorn {workers} workers\n")
    print(f"{'case':14} {'requests':>9} {'req/s':>8} {'p50':>9} {'p99':>9} {'errors':>7}")
    failed = False
    try:
        for name, path in CASES.items():
            figures = run_wrk(f"http://127.0.0.1:{port}{path}", seconds, connections)
            failed |= figures["errors"] > 0
            print(
                f"{name:14} {figures['requests']:9.0f} {figures['rps']:8.1f} "
                f"{figures['p50']:7.1f}ms {figures['p99']:7.1f}ms {figures['errors']:7.0f}"
            )
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
