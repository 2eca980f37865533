"""What an outcome shows: its pages in the visitor's language (or a named fallback) and
its contacts, with a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import HttpRequest
from django.utils import translation
from wagtail.models import Page

from ihme_site.languages import BY_CODE, SITE_LANGUAGES, Language
from pages.localization import localize_contact

from .flow import Outcome

FALLBACK_LANGUAGES = tuple(language.code for language in SITE_LANGUAGES if language.full_tree)


@dataclass
class Recommendation:
    """A recommended page: in the visitor's language, or in the fallback languages."""

    page: Page | None
    fallbacks: list[tuple[Language, Page]] = field(default_factory=list)


def recommendations(pages: list[Page | None], language_code: str) -> list[Recommendation]:
    present = [page for page in pages if page is not None]
    if not present:
        return []
    wanted_languages = {language_code, *FALLBACK_LANGUAGES}
    versions: dict[object, dict[str, Page]] = {}
    for version in (
        Page.objects.live()
        .filter(
            translation_key__in={page.translation_key for page in present},
            locale__language_code__in=wanted_languages,
        )
        .select_related("locale")
    ):
        versions.setdefault(version.translation_key, {})[version.locale.language_code] = version

    result = []
    for page in present:
        by_language = versions.get(page.translation_key, {})
        if language_code in by_language:
            result.append(Recommendation(page=by_language[language_code]))
        elif by_language:
            result.append(
                Recommendation(
                    page=None,
                    fallbacks=[
                        (BY_CODE[code], by_language[code])
                        for code in FALLBACK_LANGUAGES
                        if code in by_language
                    ],
                )
            )
    return result


def outcome_context(request: HttpRequest, outcome: Outcome) -> dict[str, object]:
    language_code = translation.get_language()
    return {
        "outcome": outcome,
        "recommendations": recommendations(list(outcome.pages), language_code),
        "contacts": [
            localize_contact(request, contact, language_code)
            for contact in outcome.contacts
            if contact is not None
        ],
    }
