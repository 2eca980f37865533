"""The offline machine translator: the project's own translation memory.

wagtail-localize asks a machine translator for every text of a page that has no
translation yet. Without a DeepL key (a local run, the tests, an installation that sends
no text to another service) this one answers from the memory of what translators have
already written: a text translated once into a language is offered again wherever the
same Finnish text recurs (contact lines, safety advice, repeated headings). Texts never
translated before are left for the translator.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import String, StringTranslation
from wagtail_localize.strings import StringValue


class TranslationMemory(BaseMachineTranslator):
    display_name = _("Translation memory")

    def translate(
        self, source_locale: Locale, target_locale: Locale, strings: Iterable[StringValue]
    ) -> dict[StringValue, StringValue]:
        # wagtail-localize stores each text once per language, found by a hash of its data.
        by_hash = {uuid.uuid5(String.UUID_NAMESPACE, string.data): string for string in strings}
        hash_by_string_id = dict(
            String.objects.filter(locale=source_locale, data_hash__in=by_hash).values_list(
                "id", "data_hash"
            )
        )
        remembered = (
            StringTranslation.objects.filter(
                translation_of_id__in=hash_by_string_id,
                locale=target_locale,
                has_error=False,
            )
            .exclude(data="")
            # The most recent wording wins where a text was translated more than once.
            .order_by("translation_of_id", "-updated_at")
            .values_list("translation_of_id", "data")
        )
        result: dict[StringValue, StringValue] = {}
        for string_id, data in remembered:
            source = by_hash[hash_by_string_id[string_id]]
            result.setdefault(source, StringValue(data))
        return result

    def can_translate(self, source_locale: Locale, target_locale: Locale) -> bool:
        return source_locale.language_code != target_locale.language_code
