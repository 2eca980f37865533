"""Health checks for the container runtime and the load balancer.

/healthz: the process answers (no database, no cache): restart the container when it fails.
/readyz: the database and the shared cache answer: send no visitors to this server when it
fails (503). Neither is cached, redirected to HTTPS or logged with anything about a visitor.
"""

from __future__ import annotations

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.warning("readyz: the database does not answer")
        return False


def _cache_answers() -> bool:
    """A round trip through the cache: the Redis client swallows its own errors (a page is
    then served uncached), so only reading back what was written shows Redis is there."""
    key, token = "readyz:probe", secrets.token_hex(8)
    try:
        cache.set(key, token, timeout=10)
        return cache.get(key) == token
    except Exception:
        logger.warning("readyz: the cache does not answer")
        return False


def _answer(checks: dict[str, bool]) -> JsonResponse:
    ready = all(checks.values())
    response = JsonResponse(
        {"status": "ok" if ready else "unavailable"}
        | {name: "ok" if passed else "unavailable" for name, passed in checks.items()},
        status=200 if ready else 503,
    )
    add_never_cache_headers(response)
    return response


@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    return _answer({})


@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    return _answer({"database": _database_answers(), "cache": _cache_answers()})
