"""What every public page shows around its content: header, navigation, switcher, footer.

Built once per request with a fixed number of queries, whatever the number of languages,
menu items or child pages; the parts that every page of a language shares (home, menu,
hotline, footer) are kept in the shared cache with the language's pages.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings as django_settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Page, Site

from ihme_site.languages import BY_CODE, DEFAULT_LANGUAGE, SITE_LANGUAGES, Language
from ihme_site.page_cache import generation_key

from .localization import (
    contacts_in_language,
    localize_contact,
    localized_pages_by_id,
    remember_contacts,
)
from .models import Contact, SiteSettings
from .routing import route_chain

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Translation:
    language: Language
    url: str
    absolute_url: str  # for <link rel="alternate" hreflang>, which wants absolute URLs
    is_current: bool


@dataclass
class Chrome:
    language: Language
    home: Page | None = None
    navigation: list[Page] = field(default_factory=list)
    hotline: Contact | None = None
    emergency: Contact | None = None
    languages_page: Page | None = None
    help_finder: Page | None = None
    safety_page: Page | None = None
    exit_url: str = ""
    footer_pages: list[Page] = field(default_factory=list)
    translations: list[Translation] = field(default_factory=list)
    x_default_url: str = ""
    breadcrumbs: list[Page] = field(default_factory=list)
    current_section_pk: int | None = None  # the menu item the page is in


def build_chrome(request: HttpRequest, page: Page | None = None) -> Chrome:
    language_code = translation.get_language() or DEFAULT_LANGUAGE
    language = BY_CODE.get(language_code, BY_CODE[DEFAULT_LANGUAGE])
    shared = dict(_shared_parts(request, language.code))
    remember_contacts(request, language.code, shared.pop("contacts"))
    chrome = Chrome(language=language, **shared)

    if page is not None and page.pk:
        chrome.translations = _live_translations(page, request)
        chrome.x_default_url = next(
            (t.absolute_url for t in chrome.translations if t.language.code == DEFAULT_LANGUAGE),
            chrome.translations[0].absolute_url if chrome.translations else "",
        )
        chrome.breadcrumbs = _ancestors_from_home(request, page)
        trail = [*chrome.breadcrumbs, page]
        chrome.current_section_pk = trail[1].pk if len(trail) > 1 else None
    return chrome


def _shared_parts(request: HttpRequest, code: str) -> dict[str, Any]:
    """The language's shared chrome, kept in the shared cache under the language's page-cache
    generation: whatever retires the language's pages (a page of it published, moved or
    deleted; a contact or the site settings changed) retires these with them."""
    site = Site.find_for_request(request)
    key, gen_key = f"chrome:{site.pk if site else 0}:{code}", generation_key(code)
    try:
        found = cache.get_many([gen_key, key])
    except Exception:  # the cache is down: build it from the database
        found = {}
    generation, stored = found.get(gen_key, 0), found.get(key)
    if stored is not None and stored[0] == generation:
        return stored[1]
    parts = _build_shared_parts(request, code)
    try:
        cache.set(key, (generation, parts), timeout=django_settings.PAGE_CACHE_SECONDS)
    except Exception:
        logger.warning("chrome: could not store the shared parts of %s", code)
    return parts


def _build_shared_parts(request: HttpRequest, code: str) -> dict[str, Any]:
    parts: dict[str, Any] = {"home": None, "navigation": []}
    # The home page and the menu in one query: depth 2 is a home, depth 3 its children.
    for top in (
        Page.objects.live().filter(locale__language_code=code, depth__in=(2, 3)).order_by("path")
    ):
        if top.depth == 2:
            parts["home"] = top
        elif top.show_in_menus:
            parts["navigation"].append(top)

    settings = SiteSettings.for_request(request)
    parts["hotline"] = localize_contact(request, settings.header_contact, code)
    parts["emergency"] = localize_contact(request, settings.emergency_contact, code)
    parts["exit_url"] = settings.exit_url or django_settings.QUICK_EXIT_URL
    languages_page, help_finder, safety_page, *footer = localized_pages_by_id(
        [
            settings.languages_page_id,
            settings.help_finder_page_id,
            settings.safety_page_id,
            settings.about_page_id,
            settings.contact_page_id,
            settings.accessibility_page_id,
            settings.privacy_page_id,
        ],
        code,
    )
    parts["languages_page"] = languages_page
    parts["help_finder"] = help_finder
    parts["safety_page"] = safety_page
    parts["footer_pages"] = [p for p in footer if p is not None]
    # Every contact card of the language's pages is one of these.
    parts["contacts"] = contacts_in_language(request, code)
    return parts


def _ancestors_from_home(request: HttpRequest, page: Page) -> list[Page]:
    """The live pages from the home page down to the page's parent: those routing met on
    its way when it found this page (no query), else from the tree (a preview)."""
    chain = route_chain(request)
    if any(step.pk == page.pk for step in chain):
        return [step for step in chain if 2 <= step.depth < page.depth and step.live]
    return list(page.get_ancestors().filter(depth__gte=2).live())


def _live_translations(page: Page, request: HttpRequest) -> list[Translation]:
    """The page in every language where it is live and not an alias, in site order."""
    by_language = {
        other.locale.language_code: other
        for other in page.get_translations(inclusive=True)
        .live()
        .filter(alias_of__isnull=True)
        .select_related("locale")
    }
    translations = []
    for language in SITE_LANGUAGES:
        if language.code in by_language:
            other = by_language[language.code]
            url = other.get_url(request)
            translations.append(
                Translation(
                    language=language,
                    url=url,
                    absolute_url=request.build_absolute_uri(url),
                    is_current=other.pk == page.pk,
                )
            )
    return translations
