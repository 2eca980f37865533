"""The full-page cache of the public site.

Visitors carry no cookies, so a public page is the same for all of them: the whole response
is kept in the shared cache (Redis in production, local memory for a local run), keyed by
the full address. Only what is safe to share is stored: a 200 answer to GET or HEAD without
a session cookie, outside the admin, without Set-Cookie, and not marked no-store or private
(search results, help-finder steps, an answered self-check and previews are).

Invalidation is by generation: each language has a number, stored with every page of the
language; a change bumps the numbers of the languages it shows in (pages.cache_invalidation),
and every app server sees the new number in the shared cache at once: a page kept under an
older number is not served. Addresses outside a language (sitemap.xml) share a site-wide
number, bumped by every change. A hit costs one cache round trip (the number and the page
together) and no unpickling of a response object: the page is kept as status, headers and
body.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from ihme_site.compression import encoding_for
from ihme_site.languages import SITE_LANGUAGES

logger = logging.getLogger(__name__)

LANGUAGE_CODES = frozenset(language.code for language in SITE_LANGUAGES)
SITE_WIDE = "_site"
GENERATION_KEY = "page-cache:generation:{bucket}"
HIT_HEADER = "X-Page-Cache"
# Vary values a cached page may carry: every cookie-less visitor gets the same page.
HARMLESS_VARY = {"cookie", "accept-encoding"}


def bucket_for(path: str) -> str:
    """The language bucket of an address: its language prefix, else the site-wide one."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in LANGUAGE_CODES else SITE_WIDE


def bump(languages: Iterable[str]) -> None:
    """Retire every cached page of these languages (and the site-wide addresses)."""
    buckets = {*(code for code in languages if code in LANGUAGE_CODES), SITE_WIDE}
    for bucket in buckets:
        key = generation_key(bucket)
        try:
            cache.add(key, 0, timeout=None)
            cache.incr(key)
        except Exception:  # a cache that does not answer holds no pages to retire
            logger.warning("page cache: could not retire the pages of %s", bucket)


def generation_key(bucket: str) -> str:
    return GENERATION_KEY.format(bucket=bucket)


def _cache_key(request: HttpRequest, bucket: str) -> str:
    """The page's key: its full address and the encoding the client takes (the page is
    kept compressed as sent, see ihme_site.compression)."""
    address = request.build_absolute_uri()
    digest = hashlib.sha256(address.encode()).hexdigest()
    encoding = encoding_for(request) or "identity"
    return f"page-cache:page:{bucket}:{encoding}:{digest}"


# What is kept of a page: (generation, status, headers, body).
Stored = tuple[int, int, list[tuple[str, str]], bytes]


def _freeze(response: HttpResponse, generation: int) -> Stored:
    return (generation, response.status_code, list(response.items()), response.content)


def _thaw(stored: Stored) -> HttpResponse:
    _generation, status, headers, body = stored
    response = HttpResponse(body, status=status)
    for name, value in headers:
        response[name] = value
    return response


def _may_use_cache(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(settings.PAGE_CACHE_SKIP_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _may_store(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("no-store", "private", "no-cache")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= HARMLESS_VARY


def public_cache_control(response: HttpResponse) -> None:
    """Let a CDN in front keep the page (it is purged on publish); browsers revalidate."""
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=settings.CDN_S_MAXAGE,
        stale_while_revalidate=settings.CDN_STALE_WHILE_REVALIDATE,
    )


class FullPageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _may_use_cache(request):
            return self.get_response(request)
        bucket = bucket_for(request.path)
        key, gen_key = _cache_key(request, bucket), generation_key(bucket)
        try:
            found = cache.get_many([gen_key, key])  # one round trip
        except Exception:  # the cache is down: serve the page from the database
            logger.warning("page cache: not answering")
            found = None
        generation = (found or {}).get(gen_key, 0)
        stored = (found or {}).get(key)
        if stored is not None and stored[0] == generation:
            response = _thaw(stored)
            response[HIT_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if found is not None and _may_store(response):
            public_cache_control(response)
            response[HIT_HEADER] = "miss"
            if request.method != "GET":  # a HEAD answer may come without its body
                return response
            try:
                cache.set(key, _freeze(response, generation), timeout=settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.warning("page cache: could not store a page")
        return response
