"""Every interface string is translated for every site language, and compiled."""

import os
import shutil
import subprocess
import sys
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


SOURCE_FOLDERS = ("ihme_site", "pages", "help_finder", "templates")


def test_every_string_of_the_code_and_templates_is_in_every_catalogue(tmp_path):
    """makemessages over a copy of the code finds exactly the catalogues' msgids."""
    root = Path(settings.BASE_DIR)
    for folder in SOURCE_FOLDERS:
        shutil.copytree(
            root / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(root / "manage.py", tmp_path)
    (tmp_path / "locale" / "fi").mkdir(parents=True)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "fi",
            "--ignore=pages/demo_content",
            "--ignore=tests",
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "ihme_site.settings.test"},
    )
    fresh = polib.pofile(str(tmp_path / "locale" / "fi" / "LC_MESSAGES" / "django.po"))
    used = {(entry.msgctxt, entry.msgid) for entry in fresh}
    assert used, "makemessages found no strings"
    for language in SITE_LANGUAGES:
        po = polib.pofile(str(LOCALE_DIR / to_locale(language.code) / "LC_MESSAGES" / "django.po"))
        assert {(entry.msgctxt, entry.msgid) for entry in po} == used, language.code
