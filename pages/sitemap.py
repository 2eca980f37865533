"""sitemap.xml (every live public page of every language once, with its translations as
hreflang alternates) and robots.txt."""

from __future__ import annotations

from collections import defaultdict

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Page

from ihme_site.languages import DEFAULT_LANGUAGE

from .base import without_restricted


@require_GET
def sitemap(request: HttpRequest) -> HttpResponse:
    pages = list(
        without_restricted(Page.objects.live())
        .filter(depth__gt=1, alias_of__isnull=True)
        .select_related("locale")
        .order_by("path")
    )
    translations = defaultdict(list)
    for page in pages:
        page.full_url_for_sitemap = page.get_full_url(request)
        translations[page.translation_key].append(page)
    entries = []
    for page in pages:
        group = translations[page.translation_key]
        default = next(
            (other for other in group if other.locale.language_code == DEFAULT_LANGUAGE), None
        )
        entries.append(
            {
                "page": page,
                "alternates": group if len(group) > 1 else [],
                "x_default": default if len(group) > 1 else None,
            }
        )
    return TemplateResponse(
        request, "sitemap.xml", {"entries": entries}, content_type="application/xml"
    )


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # Search results and help-finder answers are for the visitor, not for an index.
        "Disallow: /*/search/",
        "Disallow: /*?a=",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
