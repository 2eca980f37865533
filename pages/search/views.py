"""/<language>/search/?q=…: results in the visitor's language only; nothing is stored."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .promotions import promotions_for
from .query import QueryTooLong, Result, matching_documents, query_terms, search, snippet

RESULTS_PER_PAGE = 10


@require_safe
def search_view(request: HttpRequest) -> HttpResponse:
    raw = request.GET.get("q", "")
    status, message, page_of_results, terms = 200, "", None, []
    promotions, documents = [], []
    language_code = translation.get_language()
    try:
        terms = query_terms(raw)
    except QueryTooLong:
        status, message = 400, _("Your search is too long. Use a few words.")
    else:
        if raw.strip() and not terms:
            status, message = 400, _("Type a word or two to search.")
        elif terms:
            promotions = promotions_for(language_code, " ".join(terms))
            documents = matching_documents(language_code, terms)
            entries = search(language_code, terms).select_related("page")
            page_of_results = Paginator(entries, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
            page_of_results.object_list = [
                Result(entry=entry, snippet=snippet(entry.text, terms))
                for entry in page_of_results.object_list
            ]
    response = render(
        request,
        "search/results.html",
        {
            "query": raw[:200] if status == 200 else "",
            "message": message,
            "results": page_of_results,
            "promotions": promotions,
            "documents": documents,
            "searched": bool(terms),
        },
        status=status,
    )
    # A query is the visitor's own: no cache keeps it, no search engine indexes it.
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
