"""What every public page shows around its content: header, navigation, switcher, footer.

Built once per request with a fixed number of queries, whatever the number of languages,
menu items or child pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings as django_settings
from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Page

from ihme_site.languages import BY_CODE, DEFAULT_LANGUAGE, SITE_LANGUAGES, Language

from .localization import localize_contact, localized_pages_by_id
from .models import Contact, SiteSettings


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
    chrome = Chrome(language=BY_CODE.get(language_code, BY_CODE[DEFAULT_LANGUAGE]))

    # The home page and the menu in one query: depth 2 is a home, depth 3 its children.
    for top in (
        Page.objects.live()
        .filter(locale__language_code=chrome.language.code, depth__in=(2, 3))
        .order_by("path")
    ):
        if top.depth == 2:
            chrome.home = top
        elif top.show_in_menus:
            chrome.navigation.append(top)

    settings = SiteSettings.for_request(request)
    code = chrome.language.code
    chrome.hotline = localize_contact(request, settings.header_contact, code)
    chrome.emergency = localize_contact(request, settings.emergency_contact, code)
    chrome.exit_url = settings.exit_url or django_settings.QUICK_EXIT_URL
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
    chrome.languages_page = languages_page
    chrome.help_finder = help_finder
    chrome.safety_page = safety_page
    chrome.footer_pages = [p for p in footer if p is not None]

    if page is not None and page.pk:
        chrome.translations = _live_translations(page, request)
        chrome.x_default_url = next(
            (t.absolute_url for t in chrome.translations if t.language.code == DEFAULT_LANGUAGE),
            chrome.translations[0].absolute_url if chrome.translations else "",
        )
        chrome.breadcrumbs = list(page.get_ancestors().filter(depth__gte=2).live())
        trail = [*chrome.breadcrumbs, page]
        chrome.current_section_pk = trail[1].pk if len(trail) > 1 else None
    return chrome


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
