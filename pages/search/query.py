"""Searching the index in one language."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .index import SearchEntry, text_search_config

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
#: How alike a query word and a page word must be to count as a match.
TRIGRAM_THRESHOLD = 0.5
SNIPPET_LENGTH = 220


class QueryTooLong(ValueError):
    pass


def query_terms(raw: str) -> list[str]:
    """The words of a query: letters, digits and marks only, at most MAX_TERMS."""
    if len(raw) > MAX_QUERY_LENGTH:
        raise QueryTooLong
    cleaned = "".join(
        ch if unicodedata.category(ch)[0] in "LNM" else " "
        for ch in unicodedata.normalize("NFC", raw)
    )
    return cleaned.split()[:MAX_TERMS]


@dataclass(frozen=True)
class Result:
    entry: SearchEntry
    snippet: SafeString


def search(language_code: str, terms: list[str]) -> QuerySet[SearchEntry]:
    """Entries of live pages in this language that match, best first."""
    entries = SearchEntry.objects.filter(language_code=language_code, page__live=True)
    if not terms:
        return entries.none()
    if connection.vendor != "postgresql":
        return _substring(entries, terms).order_by("title")

    query = SearchQuery(
        " ".join(terms), config=text_search_config(language_code), search_type="plain"
    )
    stemmed = entries.filter(search_vector=query)
    if stemmed.exists():
        return stemmed.annotate(rank=SearchRank(F("search_vector"), query)).order_by("-rank", "pk")
    # No stemmed match (a language without a stemmer, an unusual inflection, a typo):
    # words that are alike, or that stand inside longer words (Thai and Chinese have no spaces).
    return (
        entries.annotate(similarity=TrigramWordSimilarity(" ".join(terms), "text"))
        .filter(_all_alike(terms))
        .order_by("-similarity", "pk")
    )


def _all_alike(terms: list[str]) -> Q:
    condition = Q()
    for term in terms:
        condition &= Q(similarity__gte=TRIGRAM_THRESHOLD) | Q(text__icontains=term)
    return condition


def _substring(entries: QuerySet[SearchEntry], terms: list[str]) -> QuerySet[SearchEntry]:
    for term in terms:
        entries = entries.filter(Q(title__icontains=term) | Q(text__icontains=term))
    return entries


def snippet(text: str, terms: list[str]) -> SafeString:
    """A piece of the page's text around the first query word, the words marked; escaped."""
    lowered = text.lower()
    positions = [lowered.find(term.lower()) for term in terms if term.lower() in lowered]
    start = max(min(positions) - SNIPPET_LENGTH // 3, 0) if positions else 0
    piece = text[start : start + SNIPPET_LENGTH]
    pattern = re.compile(
        "|".join(re.escape(term) for term in sorted(set(terms), key=len, reverse=True)),
        re.IGNORECASE,
    )
    parts, last = [], 0
    for match in pattern.finditer(piece) if terms else ():
        parts.append(escape(piece[last : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    parts.append(escape(piece[last:]))
    prefix = "… " if start else ""
    suffix = " …" if start + SNIPPET_LENGTH < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308 (every part escaped)


def matching_documents(language_code: str, terms: list[str], limit: int = 10) -> list:
    """Documents in this language whose title holds every word of the query."""
    from wagtail.documents import get_document_model

    documents = get_document_model().objects.filter(language=language_code)
    for term in terms:
        documents = documents.filter(title__icontains=term)
    return list(documents.order_by("title")[:limit]) if terms else []
