"""Find the visitor's-language version of pages and snippets with one query."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from django.db.models import OuterRef, Q, Subquery
from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Page, TranslatableMixin

T = TypeVar("T", bound=TranslatableMixin)
CONTACTS_ATTRIBUTE = "_contacts_by_language"


def localize_all(items: Iterable[T | None], language_code: str | None = None) -> list[T | None]:
    """Each item in the active language where a live translation exists, else the item.

    One query for the whole list, however many items: use this instead of ``.localized``
    in loops. Keeps the order and the ``None`` entries of ``items``.
    """
    items = list(items)
    present = [item for item in items if item is not None]
    if not present:
        return items
    model = Page if isinstance(present[0], Page) else type(present[0])
    queryset = model._default_manager.filter(
        translation_key__in={item.translation_key for item in present},
        locale__language_code=language_code or translation.get_language(),
    )
    if model is Page:
        queryset = queryset.live()
    by_key = {found.translation_key: found for found in queryset}
    return [None if item is None else by_key.get(item.translation_key, item) for item in items]


def localized_pages_by_id(
    page_ids: Sequence[int | None], language_code: str, fallback_to_source: bool = False
) -> list[Page | None]:
    """The live translations of the pages with these ids, in order, with one query.

    A page with no live translation in the language gives None, or with fallback_to_source
    the page itself if it is live.
    """
    wanted = [pk for pk in page_ids if pk]
    if not wanted:
        return [None] * len(page_ids)
    sources = Page.objects.filter(pk__in=wanted)
    in_language = Q(
        locale__language_code=language_code,
        translation_key__in=sources.values("translation_key"),
    )
    found = (
        Page.objects.live()
        .filter(in_language | Q(pk__in=wanted) if fallback_to_source else in_language)
        .select_related("locale")
        .annotate(
            source_id=Subquery(
                sources.filter(translation_key=OuterRef("translation_key")).values("pk")[:1]
            )
        )
    )
    translated, fallback = {}, {}
    for page in found:
        if page.locale.language_code == language_code:
            translated[page.source_id] = page
        if fallback_to_source and page.pk in wanted:
            fallback[page.pk] = page
    return [(translated.get(pk) or fallback.get(pk)) if pk else None for pk in page_ids]


def contacts_in_language(request: HttpRequest, language_code: str) -> dict:
    """Every published contact written in the language, by translation key.

    One query per request at most: the header, the footer and every contact card share it,
    and the chrome's shared parts keep it in the shared cache (pages.chrome).
    """
    from .models import Contact  # models import this module

    cache = request.__dict__.setdefault(CONTACTS_ATTRIBUTE, {})
    if language_code not in cache:
        cache[language_code] = {
            contact.translation_key: contact
            for contact in Contact.objects.filter(locale__language_code=language_code, live=True)
        }
    return cache[language_code]


def remember_contacts(request: HttpRequest, language_code: str, contacts: dict) -> None:
    """Give the request the language's contacts found elsewhere (the shared cache)."""
    request.__dict__.setdefault(CONTACTS_ATTRIBUTE, {})[language_code] = contacts


def localize_contact(request: HttpRequest, contact: T | None, language_code: str | None = None):
    """The contact in the request's language if published in it, else as it is.

    None for a contact that has never been published (a draft is not for visitors).
    """
    if contact is None:
        return None
    by_key = contacts_in_language(request, language_code or translation.get_language())
    return by_key.get(contact.translation_key, contact if contact.live else None)
