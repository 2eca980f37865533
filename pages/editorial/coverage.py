"""Translation coverage: for each language, how each page of the Finnish tree stands.

A translation is
- missing: no published page in the language (a draft may be waiting),
- outdated: the Finnish page was published after the translation was last brought up to
  date, texts are left to translate, or the translated text awaits publishing,
- up to date: otherwise.
Pages translated in the translation editor are judged by wagtail-localize's records (the
last sync and the translated texts); pages written by hand in the ordinary editor by
their publication dates. Seven queries, however many pages and languages.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from ihme_site.languages import DEFAULT_LANGUAGE


class State(StrEnum):
    MISSING = "missing"
    OUTDATED = "outdated"
    UP_TO_DATE = "up-to-date"


STATE_LABELS = {
    State.MISSING: _("Missing"),
    State.OUTDATED: _("Outdated"),
    State.UP_TO_DATE: _("Up to date"),
}


@dataclass(frozen=True)
class PageTranslation:
    source: Page
    state: State
    reason: str
    translated: Page | None = None
    # wagtail-localize's record, when the page is translated in the translation editor.
    translation: Translation | None = None
    needs_sync: bool = False

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state])


@dataclass
class LanguageCoverage:
    locale: Locale
    pages: list[PageTranslation] = field(default_factory=list)

    def _count(self, state: State) -> int:
        return sum(item.state == state for item in self.pages)

    @property
    def up_to_date(self) -> int:
        return self._count(State.UP_TO_DATE)

    @property
    def outdated(self) -> int:
        return self._count(State.OUTDATED)

    @property
    def missing(self) -> int:
        return self._count(State.MISSING)


def _later(first: datetime | None, second: datetime | None) -> bool:
    return first is not None and (second is None or first > second)


def translation_coverage(source_language: str = DEFAULT_LANGUAGE) -> list[LanguageCoverage]:
    """Every other language's coverage of the live pages of the source language's tree."""
    source_locale = Locale.objects.get(language_code=source_language)
    sources = list(
        Page.objects.live()
        .filter(locale=source_locale, depth__gt=1)
        .order_by("path")
        .only("id", "title", "path", "depth", "translation_key", "last_published_at", "locale")
    )
    keys = [page.translation_key for page in sources]
    locales = list(Locale.objects.exclude(pk=source_locale.pk).order_by("language_code"))
    translated = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
        .exclude(locale=source_locale)
        .only(
            "id",
            "title",
            "translation_key",
            "locale",
            "live",
            "has_unpublished_changes",
            "last_published_at",
            "url_path",
        )
    }
    translations = {
        (translation.source.object_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(
            source__object_id__in=keys, source__locale=source_locale, enabled=True
        ).select_related("source")
    }
    progress = _text_progress(translations.values())

    coverage = []
    for locale in locales:
        language = LanguageCoverage(locale)
        for page in sources:
            key = (page.translation_key, locale.pk)
            language.pages.append(
                _judge(page, translated.get(key), translations.get(key), progress)
            )
        coverage.append(language)
    return coverage


@dataclass(frozen=True)
class TextProgress:
    untranslated: int
    last_translated_at: datetime | None


def _text_progress(translations) -> dict[int, TextProgress]:
    """For each translation (by id): texts without a usable translation, latest text edit."""
    translations = list(translations)
    if not translations:
        return {}
    segments = defaultdict(list)
    for source_id, string_id, context_id in StringSegment.objects.filter(
        source_id__in={translation.source_id for translation in translations}
    ).values_list("source_id", "string_id", "context_id"):
        segments[source_id].append((string_id, context_id))
    translated_at = {
        (string_id, context_id, locale_id): updated_at
        for string_id, context_id, locale_id, updated_at in StringTranslation.objects.filter(
            context__in={context for pairs in segments.values() for _, context in pairs},
            locale_id__in={translation.target_locale_id for translation in translations},
            has_error=False,
        ).values_list("translation_of_id", "context_id", "locale_id", "updated_at")
    }
    progress = {}
    for translation in translations:
        times = [
            translated_at.get((string_id, context_id, translation.target_locale_id))
            for string_id, context_id in segments[translation.source_id]
        ]
        done = [time for time in times if time is not None]
        progress[translation.pk] = TextProgress(len(times) - len(done), max(done, default=None))
    return progress


def _judge(
    source: Page,
    page: Page | None,
    translation: Translation | None,
    progress: dict[int, TextProgress],
) -> PageTranslation:
    if page is None or not page.live:
        reason = _("A draft waits for publishing.") if page else _("Not translated yet.")
        return PageTranslation(source, State.MISSING, str(reason), page, translation)
    if translation is not None:
        if _later(source.last_published_at, translation.source.last_updated_at):
            reason = _("The Finnish page has changed since the last sync.")
            return PageTranslation(source, State.OUTDATED, str(reason), page, translation, True)
        texts = progress[translation.pk]
        if texts.untranslated:
            reason = ngettext(
                "%(count)d text to translate.", "%(count)d texts to translate.", texts.untranslated
            ) % {"count": texts.untranslated}
            return PageTranslation(source, State.OUTDATED, reason, page, translation)
        if (
            page.has_unpublished_changes
            or _later(translation.source.last_updated_at, page.last_published_at)
            or _later(texts.last_translated_at, page.last_published_at)
        ):
            reason = _("The updated translation waits for publishing.")
            return PageTranslation(source, State.OUTDATED, str(reason), page, translation)
    elif _later(source.last_published_at, page.last_published_at):
        reason = _("The Finnish page was published after this translation.")
        return PageTranslation(source, State.OUTDATED, str(reason), page)
    return PageTranslation(source, State.UP_TO_DATE, "", page, translation)
