"""Graceful failure under gunicorn with production settings: the database stopped mid-way
gives cached pages or the translated 503 page (never a 500 or a traceback), /readyz says
503, and every page answers again within 5 s of the database returning; with Redis stopped,
pages still answer (uncached).

The services are cut through a relay (tests/tcp_proxy.py), so the machine's own PostgreSQL
and Redis, which other tests use, keep running.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.utils import translation

from ihme_site.local_site import (
    ROOT,
    build_demo_site,
    free_port,
    manage,
    production_env,
    start_gunicorn,
)

from ..tcp_proxy import TcpRelay
from .conftest import _Database

pytestmark = pytest.mark.browser  # a served site, like the browser tests

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
CACHED = ["/en/", "/fi/hae-apua/", "/ar/"]
NOT_CACHED = [
    ("/en/get-help/your-rights/", "en"),
    ("/sv/", "sv"),
    ("/fa/", "fa"),
    ("/en/search/?q=help", "en"),
]
RECOVERY_SECONDS = 5


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str


def fetch(base: str, path: str) -> Answer:
    try:
        with urllib.request.urlopen(base + path, timeout=10) as response:  # noqa: S310
            return Answer(response.status, dict(response.headers), response.read().decode())
    except urllib.error.HTTPError as error:
        return Answer(error.code, dict(error.headers), error.read().decode())


@dataclass
class Stack:
    base: str
    database: TcpRelay
    redis: TcpRelay


@pytest.fixture(scope="module")
def stack(tmp_path_factory) -> Iterator[Stack]:
    database = _Database(tmp_path_factory.mktemp("outages"), name="outages")
    if not database.postgres:
        pytest.skip("stopping the database needs PostgreSQL (CI runs these on it)")
    db_parts, redis_parts = urlsplit(database.url), urlsplit(REDIS_URL)
    db_relay = TcpRelay(db_parts.port or 5432, db_parts.hostname or "127.0.0.1")
    redis_relay = TcpRelay(redis_parts.port or 6379, redis_parts.hostname or "127.0.0.1")
    db_relay.start()
    redis_relay.start()
    user = db_parts.username or "postgres"
    env = production_env(
        tmp_path_factory.mktemp("outages-site"),
        urlunsplit(db_parts._replace(netloc=f"{user}@127.0.0.1:{db_relay.port}")),
        urlunsplit(redis_parts._replace(netloc=f"127.0.0.1:{redis_relay.port}")),
    )
    build_demo_site(env)
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "shell", "-v0", "-c", "from django.core.cache import cache; cache.clear()")
    server = start_gunicorn(env, port := free_port(), workers=2)
    try:
        yield Stack(f"http://127.0.0.1:{port}", db_relay, redis_relay)
    finally:
        server.terminate()
        server.wait(timeout=30)
        db_relay.stop()
        redis_relay.stop()
        database.drop()


def container_health_check(base: str, path: str) -> int:
    env = {**os.environ, "GUNICORN_BIND": base.split("//")[1], "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    command = [sys.executable, str(ROOT / "ops" / "healthcheck.py"), path]
    return subprocess.run(command, env=env, check=False, timeout=30).returncode


def all_answer_200(base: str, paths: list[str]) -> bool:
    return all(fetch(base, path).status == 200 for path in paths)


def test_database_stopped_then_back(stack):
    for path in CACHED:  # cached now, in the shared Redis
        assert fetch(stack.base, path).status == 200
        assert fetch(stack.base, path).headers["X-Page-Cache"] == "hit"
    assert fetch(stack.base, "/readyz").status == 200

    stack.database.stop()

    for path in CACHED:
        answer = fetch(stack.base, path)
        assert answer.status == 200, path
        assert answer.headers["X-Page-Cache"] == "hit"
    for path, language in NOT_CACHED:
        answer = fetch(stack.base, path)
        assert answer.status == 503, path
        assert answer.headers["Retry-After"] == "30"
        assert "no-store" in answer.headers["Cache-Control"]
        assert f'<html lang="{language}"' in answer.body
        with translation.override(language):
            assert translation.gettext("The site is temporarily unavailable") in answer.body
        assert 'href="tel:+358295463177"' in answer.body and 'href="tel:112"' in answer.body
        assert "Traceback" not in answer.body and "OperationalError" not in answer.body
    readiness = fetch(stack.base, "/readyz")
    assert readiness.status == 503 and '"database": "unavailable"' in readiness.body
    assert fetch(stack.base, "/healthz").status == 200
    # The container health check (docker-compose.yml) sees the same.
    assert container_health_check(stack.base, "/readyz") == 1
    assert container_health_check(stack.base, "/healthz") == 0

    stack.database.start()
    returned = time.monotonic()
    pages = [*CACHED, *(path for path, _ in NOT_CACHED), "/readyz"]
    while not all_answer_200(stack.base, pages):
        assert time.monotonic() - returned < RECOVERY_SECONDS, "the site did not recover"
    # Each worker of the server recovered (the requests above may all have hit one).
    for _ in range(6):
        assert all_answer_200(stack.base, pages)


def test_redis_stopped_pages_still_answer(stack):
    stack.redis.stop()
    try:
        for path in [*CACHED, "/en/get-help/your-rights/", "/en/search/?q=help"]:
            answer = fetch(stack.base, path)
            assert answer.status == 200, path
            assert "X-Page-Cache" not in answer.headers or answer.headers["X-Page-Cache"] == "miss"
        readiness = fetch(stack.base, "/readyz")
        assert readiness.status == 503 and '"cache": "unavailable"' in readiness.body
    finally:
        stack.redis.start()
    assert fetch(stack.base, "/readyz").status == 200
