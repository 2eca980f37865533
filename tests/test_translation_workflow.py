"""Translating in the admin with wagtail-localize: submitting, the translation editor, sync,
the coverage report, PO files and the offline translation memory."""

from __future__ import annotations

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.client import encode_multipart
from django.urls import reverse
from django.utils.translation import override as override_language
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from pages.editorial.coverage import State, translation_coverage
from pages.models import ContentPage
from tests.accounts import verified_client

BOUNDARY = "BoUnDaRy"


def publish_finnish(parent, slug: str, texts: list[str]) -> ContentPage:
    page = parent.add_child(
        instance=ContentPage(
            title=f"Sivu {slug}",
            slug=slug,
            body=[("text", f"<p>{text}</p>") for text in texts],
        )
    )
    page.save_revision().publish()
    return page


def submit(client: Client, page, language: str) -> Translation:
    locale = Locale.objects.get(language_code=language)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=(page.pk,)),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302, response.content[:2000]
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def segments(translation: Translation):
    return StringSegment.objects.filter(source=translation.source).select_related("string")


def translate_strings(client: Client, translation: Translation, translate) -> None:
    """What the translation editor does when a translator types each text and saves it."""
    for segment in segments(translation):
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk)),
            encode_multipart(BOUNDARY, {"value": translate(segment.string.data)}),
            content_type=f"multipart/form-data; boundary={BOUNDARY}",
        )
        assert response.status_code in (200, 201)


def publish_translation(client: Client, translation: Translation) -> None:
    page = translation.get_target_instance()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), {"action": "publish"}
    )
    assert response.status_code == 302
    assert translation.get_target_instance().live


def state_of(page, language: str):
    with override_language("en"):  # the reasons are written in the admin's language
        coverage = translation_coverage()
    coverage = next(c for c in coverage if c.locale.language_code == language)
    return next(item for item in coverage.pages if item.source.pk == page.pk)


@pytest.fixture(autouse=True)
def commit_callbacks_at_once(monkeypatch):
    """wagtail-localize publishes when the transaction commits, and a test's transaction
    never does: run such callbacks at once, as a committed request would."""
    monkeypatch.setattr(
        "django.db.transaction.on_commit", lambda func, using=None, robust=False: func()
    )


@pytest.fixture
def parent(demo_page):
    return demo_page("get-help", "fi")


@pytest.fixture
def translator(group_user):
    return verified_client(group_user("Translators"))


@pytest.fixture
def moderator(group_user):
    return verified_client(group_user("Moderators"))


def swedish(text: str) -> str:
    return f"SV {text}"


@pytest.mark.django_db
def test_translate_publish_change_sync_and_the_coverage_report_follows(
    parent, translator, moderator
):
    page = publish_finnish(parent, "kaannettava", ["Ensimmäinen kappale.", "Toinen kappale."])
    assert state_of(page, "sv").state == State.MISSING

    translation = submit(translator, page, "sv")
    assert state_of(page, "sv").state == State.MISSING  # a draft, not yet published

    translate_strings(translator, translation, swedish)
    # A translator may not publish; a moderator does.
    response = translator.post(
        reverse("wagtailadmin_pages:edit", args=(translation.get_target_instance().pk,)),
        {"action": "publish"},
    )
    assert response.status_code == 302  # Wagtail sends it back with "no permission"
    assert not translation.get_target_instance().live
    publish_translation(moderator, translation)
    swedish_page = translation.get_target_instance()
    html = Client().get(swedish_page.url).content.decode()
    assert "SV Ensimmäinen kappale." in html
    assert state_of(page, "sv").state == State.UP_TO_DATE

    # The Finnish page changes: the Swedish one is outdated until synced and translated.
    page.body[1] = ("text", RichText("<p>Uusi kappale.</p>"))  # the first block keeps its id
    page.save_revision().publish()
    item = state_of(page, "sv")
    assert item.state == State.OUTDATED and item.needs_sync

    response = moderator.post(
        reverse("wagtail_localize:update_translations", args=(translation.source_id,)),
        {"publish_translations": "on"},
    )
    assert response.status_code == 302
    item = state_of(page, "sv")
    assert item.state == State.OUTDATED and not item.needs_sync
    assert "1 text to translate" in item.reason
    # The sync brought the new Finnish text in, in place of the removed one.
    assert "Uusi kappale." in Client().get(swedish_page.url).content.decode()

    translate_strings(translator, translation, swedish)
    assert state_of(page, "sv").state == State.OUTDATED  # translated, awaiting publishing
    publish_translation(moderator, translation)
    assert state_of(page, "sv").state == State.UP_TO_DATE
    html = Client().get(swedish_page.url).content.decode()
    assert "SV Uusi kappale." in html and "Toinen" not in html


@pytest.mark.django_db
def test_the_coverage_report_lists_each_language_with_links_to_act(
    parent, translator, django_assert_max_num_queries
):
    page = publish_finnish(parent, "raportti", ["Raportoitava teksti."])
    with django_assert_max_num_queries(20):  # admin session, menus and 7 for the report
        response = translator.get(reverse("translation_coverage"))
    html = response.content.decode()
    assert response.status_code == 200
    for language in ("sv", "en", "ar", "so"):
        assert f'data-language="{language}"' in html

    response = translator.get(reverse("translation_coverage") + "?language=sv&state=missing")
    html = response.content.decode()
    assert f'data-page="{page.pk}" data-state="missing"' in html
    assert reverse("wagtail_localize:submit_page_translation", args=(page.pk,)) in html

    # The demo's Swedish pages were written by hand after the Finnish ones: up to date.
    sv = next(c for c in translation_coverage() if c.locale.language_code == "sv")
    assert sv.missing == 1 and sv.outdated == 0 and sv.up_to_date == len(sv.pages) - 1
    # The other languages hold the victims' essentials only.
    so = next(c for c in translation_coverage() if c.locale.language_code == "so")
    assert so.up_to_date and so.missing


@pytest.mark.django_db
def test_coverage_query_count_is_flat_in_pages(parent, translator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            translation_coverage()
        return len(queries)

    submit(translator, publish_finnish(parent, "lisa", ["Teksti."]), "sv")
    before = count()
    for number in range(5):
        page = publish_finnish(parent, f"lisa-{number}", [f"Teksti {number}."])
        submit(translator, page, "sv")
    assert count() == before


# --- PO files --------------------------------------------------------------------------------


def download_po(client: Client, translation: Translation) -> polib.POFile:
    response = client.get(reverse("wagtail_localize:download_pofile", args=(translation.pk,)))
    assert response.status_code == 200
    return polib.pofile(response.content.decode("utf-8"))


def upload(client: Client, translation: Translation, content: bytes):
    url = reverse("wagtail_localize:upload_pofile", args=(translation.pk,))
    return client.post(
        url,
        {"file": SimpleUploadedFile("translation.po", content), "next": "/admin/"},
    )


@pytest.mark.django_db
def test_po_round_trip_brings_the_new_text_to_the_page(parent, translator, moderator):
    page = publish_finnish(parent, "po-sivu", ["Teksti PO-tiedostoon."])
    translation = submit(translator, page, "sv")
    po = download_po(translator, translation)
    assert "Teksti PO-tiedostoon." in [entry.msgid for entry in po]
    for entry in po:
        entry.msgstr = f"Från PO: {entry.msgid}"
    response = upload(translator, translation, str(po).encode("utf-8"))
    assert response.status_code == 302
    publish_translation(moderator, translation)
    html = Client().get(translation.get_target_instance().url).content.decode()
    assert "Från PO: Teksti PO-tiedostoon." in html


def other_translation_po(translator, parent) -> bytes:
    other = submit(translator, publish_finnish(parent, "toinen", ["Toinen sivu."]), "sv")
    po = download_po(translator, other)
    for entry in po:
        entry.msgstr = "Fel sida"
    return str(po).encode("utf-8")


BAD_FILES = {
    "garbage": lambda translator, parent: b"\x00\x01 this is not a PO file \xff",
    "not utf-8": lambda translator, parent: 'msgid "x"\nmsgstr "\u00e4"\n'.encode("latin-1"),
    "unbalanced quotes": lambda translator, parent: b'msgid "broken\nmsgstr ""\n',
    "no header": lambda translator, parent: b'msgid "Teksti."\nmsgstr "Text."\n',
    "empty": lambda translator, parent: b"",
    "another translation": other_translation_po,
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_po_file_is_refused_with_a_message_and_nothing_changes(kind, parent, translator):
    translation = submit(translator, publish_finnish(parent, "tarkka", ["Tarkka teksti."]), "sv")
    content = BAD_FILES[kind](translator, parent)
    before = list(StringTranslation.objects.values_list("pk", "data", "updated_at"))
    response = upload(translator, translation, content)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was imported" in html
    assert 'role="alert"' in html
    assert list(StringTranslation.objects.values_list("pk", "data", "updated_at")) == before


@pytest.mark.django_db
def test_an_upload_without_a_file_is_refused(parent, translator):
    translation = submit(translator, publish_finnish(parent, "tyhja", ["Teksti."]), "sv")
    response = translator.post(
        reverse("wagtail_localize:upload_pofile", args=(translation.pk,)), {}
    )
    assert response.status_code == 400
    assert "Choose a PO file" in response.content.decode()


# --- Machine translation ----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_offline_translation_memory_reuses_earlier_translations(parent, translator):
    first = submit(
        translator, publish_finnish(parent, "eka", ["Soita auttavaan puhelimeen."]), "sv"
    )
    translate_strings(translator, first, lambda text: "Ring stödtelefonen.")

    second_page = publish_finnish(
        parent, "toka", ["Soita auttavaan puhelimeen.", "Tämä lause on uusi."]
    )
    second = submit(translator, second_page, "sv")
    response = translator.post(
        reverse("wagtail_localize:machine_translate", args=(second.pk,)), {"next": "/admin/"}
    )
    assert response.status_code == 302
    translated = {
        segment.string.data: StringTranslation.objects.filter(
            translation_of=segment.string, context=segment.context, locale=second.target_locale
        ).first()
        for segment in segments(second)
    }
    remembered = translated["Soita auttavaan puhelimeen."]
    assert remembered.data == "Ring stödtelefonen."
    assert remembered.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    new_sentence = next(value for key, value in translated.items() if "uusi" in key)
    assert new_sentence is None  # never translated before: left for the translator


# --- Only publishers publish, whatever the route -------------------------------------------------


@pytest.mark.django_db
def test_a_translator_syncs_but_cannot_publish_by_syncing(parent, translator, moderator):
    page = publish_finnish(parent, "synkka", ["Vanha teksti."])
    translation = submit(translator, page, "sv")
    translate_strings(translator, translation, swedish)
    publish_translation(moderator, translation)
    swedish_page = translation.get_target_instance()
    published_revision = swedish_page.live_revision_id

    page.body[0] = ("text", RichText("<p>Muutettu teksti.</p>"))
    page.save_revision().publish()
    url = reverse("wagtail_localize:update_translations", args=(translation.source_id,))
    form = translator.get(url).context["form"]
    assert form.fields["publish_translations"].disabled
    response = translator.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    swedish_page.refresh_from_db()
    assert swedish_page.live_revision_id == published_revision  # nothing published
    assert state_of(page, "sv").reason == "1 text to translate."


@pytest.mark.django_db
def test_a_translator_cannot_turn_a_translation_into_an_alias(parent, translator, moderator):
    page = publish_finnish(parent, "alias", ["Teksti."])
    translation = submit(translator, page, "sv")
    translate_strings(translator, translation, swedish)
    publish_translation(moderator, translation)
    swedish_page = translation.get_target_instance()
    url = reverse("wagtail_localize:convert_to_alias", args=(swedish_page.pk,))
    translator.post(url)
    swedish_page.refresh_from_db()
    assert swedish_page.alias_of_id is None
    moderator.post(url)
    swedish_page.refresh_from_db()
    assert swedish_page.alias_of_id == page.pk


# --- Snippets go through the same flow ----------------------------------------------------------


@pytest.mark.django_db
def test_a_contact_is_translated_and_published_like_a_page(translator, moderator):
    from pages.models import Contact

    finnish = Contact.objects.create(
        locale=Locale.objects.get(language_code="fi"),
        name="Uusi neuvonta",
        phone="+358 40 000 0000",
        opening_hours="Arkisin 9-15",
    )
    response = translator.post(
        reverse(
            "wagtail_localize:submit_snippet_translation", args=("pages", "contact", finnish.pk)
        ),
        {"locales": [Locale.objects.get(language_code="sv").pk]},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=finnish.translation_key, target_locale__language_code="sv"
    )
    translate_strings(
        translator,
        translation,
        {"Uusi neuvonta": "Ny rådgivning", "Arkisin 9-15": "Vardagar 9-15"}.get,
    )
    swedish = translation.get_target_instance()
    assert not swedish.live  # a translator's work waits for a moderator
    edit = reverse("wagtailsnippets_pages_contact:edit", args=(swedish.pk,))
    translator.post(edit, {"action": "publish"})
    swedish.refresh_from_db()
    assert not swedish.live
    moderator.post(edit, {"action": "publish"})
    swedish.refresh_from_db()
    assert swedish.live
    assert (swedish.name, swedish.opening_hours, swedish.phone) == (
        "Ny rådgivning",
        "Vardagar 9-15",
        "+358 40 000 0000",
    )
