"""The languages of the site: the one list every other setting is derived from.

Adding a language is a change here plus content and a message catalogue in locale/.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in English, for the admin
    name_local: str  # the language's own name, shown to visitors
    bidi: bool = False
    full_tree: bool = False  # the whole page tree, not only the victims' essentials


SITE_LANGUAGES: tuple[Language, ...] = (
    Language("fi", "Finnish", "suomi", full_tree=True),
    Language("sv", "Swedish", "svenska", full_tree=True),
    Language("en", "English", "English", full_tree=True),
    Language("ru", "Russian", "русский"),
    Language("uk", "Ukrainian", "українська"),
    Language("et", "Estonian", "eesti"),
    Language("ro", "Romanian", "română"),
    Language("bg", "Bulgarian", "български"),
    Language("vi", "Vietnamese", "Tiếng Việt"),
    Language("th", "Thai", "ไทย"),
    Language("tl", "Filipino (Tagalog)", "Tagalog"),
    Language("zh-hans", "Chinese (simplified)", "简体中文"),
    Language("es", "Spanish", "español"),
    Language("fr", "French", "français"),
    Language("so", "Somali", "Soomaali"),
    Language("ar", "Arabic", "العربية", bidi=True),
    Language("fa", "Persian", "فارسی", bidi=True),
    Language("ckb", "Central Kurdish (Sorani)", "کوردی", bidi=True),
)

DEFAULT_LANGUAGE = "fi"

#: Codes that browsers send for a language the site knows under another code (a region,
#: as in "zh-CN" or "fil-PH", is tried without it too).
ACCEPT_LANGUAGE_ALIASES: dict[str, str] = {
    "fil": "tl",
    "zh": "zh-hans",
    "ku": "ckb",
}

BY_CODE: dict[str, Language] = {language.code: language for language in SITE_LANGUAGES}


def lang_info() -> dict[str, dict[str, object]]:
    """Entries for django.conf.locale.LANG_INFO, which lacks Somali and Filipino."""
    return {
        language.code: {
            "bidi": language.bidi,
            "code": language.code,
            "name": language.name,
            "name_local": language.name_local,
        }
        for language in SITE_LANGUAGES
    }
