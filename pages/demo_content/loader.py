"""Build the demo site from tree.py and content/<language>/*.json.

Idempotent: a page or contact that exists (same translation key and locale) is left as it
is, so running the loader twice changes nothing.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from wagtail.models import Locale, Page, Site

from help_finder.models import HelpFinderPage
from ihme_site.languages import SITE_LANGUAGES
from pages.directory import DirectoryPage, Organisation
from pages.events import EventIndexPage, EventPage
from pages.models import (
    Contact,
    ContentPage,
    HomePage,
    LanguagesPage,
    SectionPage,
    SiteSettings,
)
from pages.news import NewsArticlePage, NewsIndexPage
from pages.publications import PublicationPage
from pages.training import TrainingModulePage

from .finders import FINDERS
from .tree import CONTACTS, ORGANISATIONS, PAGES, SOURCE_LANGUAGE, PageSpec

CONTENT_DIR = Path(__file__).resolve().parent / "content"
KEY_NAMESPACE = uuid.UUID("5b0f7c1e-3a51-4d8e-9a3c-1e6f2b7d9c40")
PAGE_TYPES = {
    "home": HomePage,
    "section": SectionPage,
    "content": ContentPage,
    "languages": LanguagesPage,
    "help_finder": HelpFinderPage,
    "news_index": NewsIndexPage,
    "news_article": NewsArticlePage,
    "event_index": EventIndexPage,
    "event": EventPage,
    "publication": PublicationPage,
    "training": TrainingModulePage,
    "directory": DirectoryPage,
}
#: The content files' sections: pages, contacts and the directory's organisations.
CONTENT_SECTIONS = ("pages", "contacts", "organisations")
#: Blocks that point at other pages: filled in once every page of the language exists.
LINKING_BLOCKS = {"page_links"}


def translation_key(kind: str, key: str) -> uuid.UUID:
    """The same key in every language and on every run, so translations find each other."""
    return uuid.uuid5(KEY_NAMESPACE, f"{kind}:{key}")


def with_block_ids(raw: Any) -> Any:
    """Give every stream child an id, as the admin does: wagtail-localize needs them."""
    if isinstance(raw, list):
        return [with_block_ids(item) for item in raw]
    if isinstance(raw, dict):
        result = {key: with_block_ids(value) for key, value in raw.items()}
        if "type" in raw and "value" in raw:
            result.setdefault("id", str(uuid.uuid4()))
        return result
    return raw


def self_check_stream(questions: list[dict[str, Any]]) -> str:
    """A training module's self-check from the content files' plain lists."""
    return json.dumps(
        with_block_ids(
            [
                {
                    "type": "question",
                    "value": {
                        "question": question["question"],
                        "options": [
                            {"type": "option", "value": option} for option in question["options"]
                        ],
                        "explanation": question["explanation"],
                    },
                }
                for question in questions
            ]
        )
    )


def load_language_content(language_code: str) -> dict[str, dict[str, Any]]:
    """The merged content files of one language: {"pages": {...}, "contacts": {...}, …}."""
    merged: dict[str, dict[str, Any]] = {section: {} for section in CONTENT_SECTIONS}
    folder = CONTENT_DIR / language_code
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for section in CONTENT_SECTIONS:
            duplicate = merged[section].keys() & data.get(section, {}).keys()
            if duplicate:
                raise ValueError(f"{path}: {section} {sorted(duplicate)} already defined")
            merged[section].update(data.get(section, {}))
    return merged


@dataclass
class LoadReport:
    created_pages: dict[str, int] = field(default_factory=dict)
    created_contacts: dict[str, int] = field(default_factory=dict)


class DemoSiteLoader:
    def __init__(self) -> None:
        self.report = LoadReport()

    @transaction.atomic
    def load(self) -> LoadReport:
        locales = {
            language.code: Locale.objects.get_or_create(language_code=language.code)[0]
            for language in SITE_LANGUAGES
        }
        for code, locale in locales.items():
            content = load_language_content(code)
            contacts = self._load_contacts(locale, content["contacts"])
            self._load_organisations(locale, content["organisations"])
            self._load_pages(locale, content["pages"], contacts)
        self._configure_site()
        return self.report

    # --- Contacts ---------------------------------------------------------------------
    def _load_contacts(self, locale: Locale, texts: dict[str, Any]) -> dict[str, Contact]:
        contacts = {}
        for spec in CONTACTS:
            key = translation_key("contact", spec.key)
            contact = Contact.objects.filter(translation_key=key, locale=locale).first()
            if contact is None and spec.key in texts:
                text = texts[spec.key]
                contact = Contact.objects.create(
                    translation_key=key,
                    locale=locale,
                    name=text["name"],
                    opening_hours=text.get("opening_hours", ""),
                    notes=text.get("notes", ""),
                    phone=spec.phone,
                    email=spec.email,
                    website=spec.website,
                )
                self._count(self.report.created_contacts, locale)
            if contact is None:  # not written in this language: show the source version
                contact = Contact.objects.filter(
                    translation_key=key, locale__language_code=SOURCE_LANGUAGE
                ).first()
            if contact is not None:
                contacts[spec.key] = contact
        return contacts

    # --- Organisations of the directory -------------------------------------------------
    def _load_organisations(self, locale: Locale, texts: dict[str, Any]) -> None:
        for spec in ORGANISATIONS:
            key = translation_key("organisation", spec.key)
            if spec.key not in texts or Organisation.objects.filter(
                translation_key=key, locale=locale
            ):
                continue
            text = texts[spec.key]
            Organisation.objects.create(
                translation_key=key,
                locale=locale,
                name=text["name"],
                description=text["description"],
                area=text.get("area", ""),
                service_types=list(spec.service_types),
                languages=list(spec.languages),
                phone=spec.phone,
                website=spec.website,
            )

    # --- Pages ------------------------------------------------------------------------
    def _load_pages(
        self, locale: Locale, texts: dict[str, Any], contacts: dict[str, Contact]
    ) -> None:
        pages: dict[str, Page] = {}
        created: list[tuple[PageSpec, Page]] = []
        for spec in PAGES:
            existing = Page.objects.filter(
                translation_key=translation_key("page", spec.key), locale=locale
            ).first()
            if existing is not None:
                pages[spec.key] = existing.specific
                continue
            if spec.key not in texts:
                continue
            parent = Page.get_first_root_node() if spec.parent is None else pages.get(spec.parent)
            if parent is None:
                continue
            text = texts[spec.key]
            page = PAGE_TYPES[spec.page_type](
                translation_key=translation_key("page", spec.key),
                locale=locale,
                title=text["title"],
                # Home pages are siblings under the root, and their slug is never in a URL.
                slug=locale.language_code if spec.page_type == "home" else text["slug"],
                intro=text.get("intro", ""),
                search_description=text.get("search_description", ""),
                show_in_menus=spec.show_in_menus,
                live=False,
            )
            for name, value in {**spec.details, **text.get("fields", {})}.items():
                setattr(page, name, page._meta.get_field(name).to_python(value))
            if "self_check" in text:
                page.self_check = self_check_stream(text["self_check"])
            if hasattr(page, "body"):
                page.body = self._stream(text.get("body", []), {}, contacts, skip=LINKING_BLOCKS)
            if spec.page_type == "help_finder":
                page.questions, page.outcomes = self._finder(spec.key, text, contacts, linked=False)
            parent.add_child(instance=page)
            pages[spec.key] = page
            created.append((spec, page))
            self._count(self.report.created_pages, locale)

        # Every page of the language now exists: links can point at them. Publish in tree
        # order so that listings show the pages in the order of tree.py.
        for spec, page in created:
            text = texts[spec.key]
            if hasattr(page, "body"):
                page.body = self._stream(text.get("body", []), pages, contacts)
            if spec.page_type == "home":
                page.doors = self._doors(text.get("doors", []), pages)
            if spec.page_type == "help_finder":
                page.questions, page.outcomes = self._finder(spec.key, text, contacts, linked=True)
            page.save_revision().publish()

    def _stream(
        self,
        blocks: list[dict[str, Any]],
        pages: dict[str, Page],
        contacts: dict[str, Contact],
        skip: set[str] | frozenset[str] = frozenset(),
    ) -> str:
        raw = []
        for block in blocks:
            kind, value = block["type"], block["value"]
            if kind in skip:
                continue
            if kind == "contact":
                value = contacts[value].pk
            elif kind == "accordion":
                value = {
                    "title": value.get("title", ""),
                    "items": [{"type": "item", "value": item} for item in value["items"]],
                }
            elif kind == "page_links":
                links = [
                    {"type": "page", "value": pages[key].pk}
                    for key in value["pages"]
                    if key in pages
                ]
                if not links:
                    continue
                value = {"title": value.get("title", ""), "links": links}
            elif kind == "callout":
                value = {
                    "style": value["style"],
                    "title": value.get("title", ""),
                    "text": value["text"],
                }
            raw.append({"type": kind, "value": value})
        return json.dumps(with_block_ids(raw))

    def _doors(self, doors: list[dict[str, str]], pages: dict[str, Page]) -> str:
        return json.dumps(
            with_block_ids(
                [
                    {
                        "type": "door",
                        "value": {
                            "page": pages[door["page"]].pk,
                            "title": door["title"],
                            "text": door.get("text", ""),
                        },
                    }
                    for door in doors
                    if door["page"] in pages
                ]
            )
        )

    def _finder(
        self, key: str, text: dict[str, Any], contacts: dict[str, Contact], linked: bool
    ) -> tuple[str, str]:
        """A finder's two streams: routing from finders.py, words from the language.

        Recommended pages are the source-language pages, as wagtail-localize keeps them in
        a translation; the finder shows each in the visitor's language when it exists.
        """
        spec = FINDERS[key]
        questions = [
            {
                "type": "question",
                "value": {
                    "key": question.key,
                    "text": text["questions"][question.key]["text"],
                    "hint": text["questions"][question.key].get("hint", ""),
                    "options": [
                        {
                            "type": "option",
                            "value": {
                                "key": option.key,
                                "label": text["questions"][question.key]["options"][option.key],
                                "next": option.next,
                            },
                        }
                        for option in question.options
                    ],
                },
            }
            for question in spec.questions
        ]
        outcomes = [
            {
                "type": "outcome",
                "value": {
                    "key": outcome.key,
                    "title": text["outcomes"][outcome.key]["title"],
                    "text": text["outcomes"][outcome.key]["text"],
                    "is_emergency": outcome.emergency,
                    "pages": [
                        {"type": "page", "value": self._source(Page, "page", page_key).pk}
                        for page_key in outcome.pages
                    ]
                    if linked
                    else [],
                    "contacts": [
                        {"type": "contact", "value": contacts[contact_key].pk}
                        for contact_key in outcome.contacts
                    ],
                },
            }
            for outcome in spec.outcomes
        ]
        return json.dumps(with_block_ids(questions)), json.dumps(with_block_ids(outcomes))

    # --- Site -------------------------------------------------------------------------
    def _configure_site(self) -> None:
        source_home = Page.objects.get(
            translation_key=translation_key("page", "home"),
            locale__language_code=SOURCE_LANGUAGE,
        )
        # Wagtail's first migration makes a "Welcome" page; the Finnish home replaces it.
        Page.objects.filter(
            depth=2, content_type__model="page", content_type__app_label="wagtailcore"
        ).delete()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        if site.root_page_id != source_home.pk:
            site.root_page = source_home
            site.site_name = "Ihmiskauppa.fi"
            site.save()

        settings = SiteSettings.for_site(site)
        chosen = {
            "header_contact": (Contact, "contact", "hotline"),
            "emergency_contact": (Contact, "contact", "emergency"),
            "languages_page": (Page, "page", "help-in-your-language"),
            "help_finder_page": (Page, "page", "victims-help-finder"),
            "safety_page": (Page, "page", "staying-safe-online"),
            "news_section": (Page, "page", "news"),
            "about_page": (Page, "page", "about"),
            "contact_page": (Page, "page", "contact"),
            "accessibility_page": (Page, "page", "accessibility-statement"),
            "privacy_page": (Page, "page", "privacy-notice"),
        }
        missing = {
            field: self._source(*source)
            for field, source in chosen.items()
            if getattr(settings, f"{field}_id") is None
        }
        if missing:  # only what an editor has not chosen yet
            for field, value in missing.items():
                setattr(settings, field, value)
            settings.save()

    @staticmethod
    def _source(model, kind: str, key: str):
        return model.objects.filter(
            translation_key=translation_key(kind, key), locale__language_code=SOURCE_LANGUAGE
        ).first()

    @staticmethod
    def _count(counter: dict[str, int], locale: Locale) -> None:
        counter[locale.language_code] = counter.get(locale.language_code, 0) + 1
