"""Views outside Wagtail's page serving: the language chooser at "/" and the error pages."""

from __future__ import annotations

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.http import require_safe

from ihme_site.languages import ACCEPT_LANGUAGE_ALIASES, BY_CODE, DEFAULT_LANGUAGE

from .models import HomePage


def best_language(accept_language: str, available: set[str]) -> str:
    """The first language of the browser's list that the site has a home page in."""
    for code, _quality in parse_accept_lang_header(accept_language or ""):
        for candidate in (code.lower(), code.lower().split("-")[0]):  # "sv-fi", then "sv"
            candidate = ACCEPT_LANGUAGE_ALIASES.get(candidate, candidate)
            if candidate in available:
                return candidate
    return DEFAULT_LANGUAGE


@require_safe
def choose_language(request: HttpRequest) -> HttpResponse:
    """Send "/" to the home page in the browser's language; remember nothing."""
    available = set(HomePage.objects.live().values_list("locale__language_code", flat=True))
    language = best_language(request.headers.get("Accept-Language", ""), available)
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ["Accept-Language"])
    return response


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


# Errors that mean the database does not answer (stopped, restarting, unreachable), not a bug.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
# How long a client or proxy should wait before asking again while the database is away.
RETRY_AFTER_SECONDS = 30


def server_error(request: HttpRequest) -> HttpResponse:
    """The error page, in the language of the URL, rendered without touching the database:
    503 when the database does not answer (the site recovers by itself), else 500."""
    unavailable = isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE)
    language = translation.get_language_from_path(request.path_info) or DEFAULT_LANGUAGE
    with translation.override(language):
        template = loader.get_template("503.html" if unavailable else "500.html")
        body = template.render(
            {
                "language": BY_CODE[language],
                "hotline_phone": settings.HOTLINE_PHONE,
                "hotline_uri": "tel:" + settings.HOTLINE_PHONE.replace(" ", ""),
                "quick_exit_url": settings.QUICK_EXIT_URL,
            }
        )
    response = HttpResponse(body, status=503 if unavailable else 500)
    # Neither the page cache nor a CDN may keep an error in place of the page.
    add_never_cache_headers(response)
    if unavailable:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
