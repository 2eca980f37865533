"""The demo site served from a subprocess on a local port, as production serves it (gunicorn
with gunicorn.conf.py). Used by the browser tests and the benchmarks, never by the site."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def wait_for_port(
    port: int, process: subprocess.Popen, timeout: float = 60, host: str = "127.0.0.1"
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped with code {process.returncode}")
        try:
            with socket.create_connection((host, port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)  # the server is still starting
    raise RuntimeError("the server did not start")


def manage(
    env: dict[str, str], *arguments: str, check: bool = True, capture: bool = False
) -> subprocess.CompletedProcess:
    """Run manage.py with env; capture=True keeps its output (text) on the result."""
    return subprocess.run(  # noqa: S603 (our own manage.py, our own arguments)
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        env=env,
        check=check,
        cwd=ROOT,
        capture_output=capture,
        text=capture,
    )


def build_demo_site(env: dict[str, str]) -> None:
    """Migrate the database named in env and fill it with the demo content."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo_content", "--no-admin", "-v0")


def start_gunicorn(
    env: dict[str, str], port: int, output: IO | int = subprocess.DEVNULL, workers: int = 2
) -> subprocess.Popen:
    """gunicorn on 127.0.0.1:port; returns once it accepts connections.

    Workers share the page cache only through Redis (REDIS_URL): with the test settings'
    in-process cache, use one worker, or a publish would not reach the other's pages.
    """
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            str(ROOT / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "ihme_site.wsgi:application",
        ],
        env=env,
        cwd=ROOT,
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    wait_for_port(port, server)
    return server


def _postgres_url(database: str) -> str:
    """The URL of a database on the PostgreSQL server that DATABASE_URL names."""
    server = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    return urlunsplit(urlsplit(server)._replace(path=f"/{database}"))


def drop_postgres_database(name: str) -> None:
    import psycopg

    with psycopg.connect(_postgres_url("postgres"), autocommit=True) as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def fresh_postgres_database(name: str) -> str:
    """An empty PostgreSQL database beside the one DATABASE_URL names; returns its URL."""
    import psycopg

    drop_postgres_database(name)
    with psycopg.connect(_postgres_url("postgres"), autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    return _postgres_url(name)


def production_env(work: Path, database_url: str, redis_url: str = "") -> dict[str, str]:
    """The environment of the site under production settings, served on 127.0.0.1 over
    plain HTTP (as behind the proxy), for the benchmarks and tests. No redis_url: the
    cache is in each process's memory."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ihme_site.settings.production",
        "DJANGO_SECRET_KEY": "local-runs-only-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "LOG_LEVEL": "WARNING",
    }
