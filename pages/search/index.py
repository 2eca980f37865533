"""The per-language search index: a row per live, non-alias page, refreshed on publish."""

from __future__ import annotations

import html
import re
from typing import Any

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connection, models
from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail.search.index import SearchField

#: PostgreSQL's own text-search configurations for the site's languages; others use "simple".
TEXT_SEARCH_CONFIGS = {
    "fi": "finnish",
    "sv": "swedish",
    "en": "english",
    "ru": "russian",
    "ro": "romanian",
    "fr": "french",
    "es": "spanish",
    "ar": "arabic",
}
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")


def text_search_config(language_code: str) -> str:
    return TEXT_SEARCH_CONFIGS.get(language_code, "simple")


class SearchEntry(models.Model):
    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="search_entry")
    language_code = models.CharField(max_length=20, db_index=True)
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    text = models.TextField(blank=True)  # all the page's words, without markup
    search_vector = SearchVectorField(null=True)

    class Meta:
        # GIN indexes (tsvector and trigram) are made on PostgreSQL by the migration.
        verbose_name = "search index entry"

    def __str__(self) -> str:
        return f"{self.language_code}: {self.title}"


#: Streams whose words count though the page type does not list them as search fields.
EXTRA_STREAMS = ("questions", "outcomes", "doors")


def page_text(page: Page) -> str:
    """Every word a visitor reads on the page, as plain text: the page type's search fields
    (text, rich text and streams) and the help finder's and home page's streams."""
    names = [field.field_name for field in page.search_fields if isinstance(field, SearchField)]
    parts: list[str] = [page.search_description]
    for name in dict.fromkeys([*names, *EXTRA_STREAMS]):
        value = getattr(page, name, None)
        if isinstance(value, StreamValue):
            parts.extend(stream_strings(value.get_prep_value()))
        elif isinstance(value, str):
            parts.append(value)
    return plain(" ".join(part for part in parts if part))


def stream_strings(value: Any) -> list[str]:
    """The strings in a stream's stored form (keys and ids are left out)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in stream_strings(item)]
    if isinstance(value, dict):
        if "type" in value and "value" in value:
            return stream_strings(value["value"])
        return [
            text
            for key, item in value.items()
            if key not in ("key", "next", "style", "id")
            for text in stream_strings(item)
        ]
    return []


def plain(markup: str) -> str:
    return SPACE.sub(" ", html.unescape(TAG.sub(" ", markup))).strip()


def index_page(page: Page) -> None:
    """Add or refresh the page's entry; a page that is not live, or an alias, has none."""
    page = page.specific
    if not page.live or page.alias_of_id is not None or page.depth < 2:
        SearchEntry.objects.filter(page_id=page.pk).delete()
        return
    language_code = page.locale.language_code
    entry, _created = SearchEntry.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "language_code": language_code,
            "title": page.title,
            "description": page.search_description or getattr(page, "intro", ""),
            "text": page_text(page),
        },
    )
    if connection.vendor == "postgresql":
        config = text_search_config(language_code)
        SearchEntry.objects.filter(pk=entry.pk).update(
            search_vector=SearchVector("title", weight="A", config=config)
            + SearchVector("description", weight="B", config=config)
            + SearchVector("text", weight="C", config=config)
        )


def remove_page(page_id: int) -> None:
    SearchEntry.objects.filter(page_id=page_id).delete()


def rebuild() -> int:
    """Index every live page again; returns how many entries there are."""
    SearchEntry.objects.all().delete()
    for page in Page.objects.live().filter(depth__gte=2, alias_of__isnull=True).specific():
        index_page(page)
    return SearchEntry.objects.count()
