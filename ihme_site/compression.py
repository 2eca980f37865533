"""Brotli or gzip for the public site's pages, feeds and sitemaps.

Never for the admin nor for any response that carries a secret (a CSRF token or a
cookie): compressing a secret next to text an attacker can put in the page leaks it
(BREACH). Static files are compressed ahead of time by whitenoise, which serves them
before this runs; the page cache, outside this, keeps pages as compressed here.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable

import brotli
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

COMPRESSIBLE_TYPES = (
    "text/html",
    "text/plain",
    "application/xml",
    "application/atom+xml",
    "application/json",
)
MIN_BYTES = 500


def encoding_for(request: HttpRequest) -> str | None:
    """The compression the client takes: brotli, else gzip, else none."""
    accepted = {
        part.split(";")[0].strip().lower()
        for part in request.headers.get("Accept-Encoding", "").split(",")
    }
    if "br" in accepted:
        return "br"
    if "gzip" in accepted:
        return "gzip"
    return None


def _may_compress(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        not request.path.startswith(settings.ADMIN_PATH_PREFIXES)
        and "CSRF_COOKIE" not in request.META
        and not response.cookies
        and not response.streaming
        and not response.has_header("Content-Encoding")
        and response.get("Content-Type", "").split(";")[0] in COMPRESSIBLE_TYPES
        and len(response.content) >= MIN_BYTES
    )


class CompressionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not _may_compress(request, response):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        encoding = encoding_for(request)
        if encoding is None:
            return response
        if encoding == "br":
            body = brotli.compress(response.content, quality=5)
        else:
            body = gzip.compress(response.content, compresslevel=6, mtime=0)
        if len(body) >= len(response.content):
            return response
        response.content = body
        response["Content-Encoding"] = encoding
        response["Content-Length"] = str(len(body))
        # A validator of the plain body no longer describes this one.
        if response.has_header("ETag"):
            del response["ETag"]
        return response
