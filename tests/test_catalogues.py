"""Every interface string is translated for every site language, and compiled."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils.translation import to_locale

from ihme_site.languages import SITE_LANGUAGES

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("code", [language.code for language in SITE_LANGUAGES])
def test_catalogue_is_complete_and_compiled(code):
    folder = LOCALE_DIR / to_locale(code) / "LC_MESSAGES"
    po = polib.pofile(str(folder / "django.po"))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert po.obsolete_entries() == []
    compiled = polib.mofile(str(folder / "django.mo"))
    expected = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in po.translated_entries()}
    actual = {(entry.msgctxt, entry.msgid): entry.msgstr for entry in compiled if entry.msgid}
    assert actual == expected, "run `make messages` to recompile the catalogue"
