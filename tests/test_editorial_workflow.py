"""The editorial workflow in the admin: who may do what, moderation, scheduled publishing,
previews and the admin's language."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from help_finder.models import HelpFinderPage
from pages.models import Contact, ContentPage, HomePage, LanguagesPage, SectionPage
from tests.accounts import verified_client


def content_form(title: str, slug: str, text: str, action: str | None = None) -> dict:
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "",
            "body": streamfield([("text", rich_text(f"<p>{text}</p>"))]),
            "comments": inline_formset([]),
        }
    )
    if action:
        data[action] = action
    return data


def add_url(parent: Page) -> str:
    return reverse("wagtailadmin_pages:add", args=("pages", "contentpage", parent.pk))


@pytest.fixture
def parent(demo_page):
    return demo_page("get-help", "fi")


@pytest.mark.django_db
def test_editor_submits_and_moderator_approves_and_publishes(parent, group_user):
    editor = verified_client(group_user("Editors"))
    response = editor.post(
        add_url(parent),
        content_form("Uusi ohje", "uusi-ohje", "Ensimmäinen versio.", "action-submit"),
    )
    assert response.status_code == 302
    page = parent.get_children().get(slug="uusi-ohje").specific
    assert not page.live
    state = page.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert Client().get(f"/fi/{parent.slug}/uusi-ohje/").status_code == 404

    # An editor may not approve their own submission.
    task_state = state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)
    )
    editor.post(approve, {})
    page.refresh_from_db()
    assert not page.live

    moderator = verified_client(group_user("Moderators"))
    response = moderator.post(approve, {})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    response = Client().get(page.url)
    assert response.status_code == 200
    assert "Ensimmäinen versio." in response.content.decode()


@pytest.mark.django_db
def test_editor_cannot_publish_without_approval(parent, group_user):
    editor_user = group_user("Editors")
    editor = verified_client(editor_user)
    editor.post(add_url(parent), content_form("Luonnos", "luonnos", "Teksti.", "action-publish"))
    page = parent.get_children().get(slug="luonnos")
    assert not page.live
    assert not page.permissions_for_user(editor_user).can_publish()

    live_page = parent.get_children().live().first().specific
    title = live_page.title
    edit = reverse("wagtailadmin_pages:edit", args=(live_page.pk,))
    editor.post(edit, {**content_form("Muutettu", live_page.slug, "x", "action-publish")})
    live_page.refresh_from_db()
    assert live_page.title == title  # the live version is untouched


@pytest.mark.django_db
def test_translator_cannot_publish_source_pages(parent, group_user):
    translator_user = group_user("Translators")
    page = parent.get_children().live().type(ContentPage).first().specific
    assert page.permissions_for_user(translator_user).can_edit()
    assert not page.permissions_for_user(translator_user).can_publish()
    assert not page.permissions_for_user(translator_user).can_unpublish()
    title = page.title
    verified_client(translator_user).post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        content_form("Kääntäjän muutos", page.slug, "x", "action-publish"),
    )
    page.refresh_from_db()
    assert page.title == title


@pytest.mark.django_db
def test_moderator_publishes_but_editor_and_translator_only_propose_contacts(group_user):
    hotline = Contact.objects.filter(locale__language_code="fi", phone__startswith="+358").first()
    edit = reverse("wagtailsnippets_pages_contact:edit", args=(hotline.pk,))
    phone = hotline.phone
    for group in ("Editors", "Translators"):
        client = verified_client(group_user(group))
        client.post(
            edit,
            {
                "name": hotline.name,
                "phone": "+358 00 000 0000",
                "email": "",
                "website": "",
                "opening_hours": "",
                "notes": "",
                "action-publish": "action-publish",
            },
        )
        hotline.refresh_from_db()
        assert hotline.phone == phone  # a draft at most; visitors still see the number
    assert verified_client(group_user("Moderators")).get(edit).status_code == 200


@pytest.mark.django_db
def test_scheduled_go_live_and_expiry_take_effect_when_the_periodic_command_runs(
    parent, group_user
):
    now = timezone.now()
    page = parent.add_child(
        instance=ContentPage(
            title="Ajastettu",
            slug="ajastettu",
            body=[("text", rich_text("<p>Julkaistaan myöhemmin.</p>"))],
            live=False,
        )
    )
    revision = page.save_revision()
    page.go_live_at = now + timedelta(hours=1)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert not page.live  # scheduled, not yet published

    expiring = parent.get_children().live().type(ContentPage).exclude(pk=page.pk).first().specific
    expiring.expire_at = now + timedelta(hours=1)
    expiring.save_revision().publish()
    expiring.refresh_from_db()
    assert expiring.live

    call_command("run_periodic_jobs", "--once", verbosity=0)
    page.refresh_from_db()
    assert not page.live  # the hour has not passed

    later = now + timedelta(hours=2)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("run_periodic_jobs", "--once", verbosity=0)
    page.refresh_from_db()
    expiring.refresh_from_db()
    assert page.live
    assert not expiring.live and expiring.expired
    assert Client().get(page.url).status_code == 200
    assert Client().get(f"/fi/{parent.slug}/{expiring.slug}/").status_code == 404


PREVIEWED_TYPES = [HomePage, SectionPage, ContentPage, LanguagesPage, HelpFinderPage]


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", PREVIEWED_TYPES, ids=lambda t: t.__name__)
def test_editors_see_a_preview_of_every_page_type(page_type, group_user):
    page = page_type.objects.filter(locale__language_code="fi").first()
    page.title = f"Esikatselu {page.title}"
    page.save_revision()
    editor = verified_client(group_user("Editors"))
    response = editor.get(reverse("wagtailadmin_pages:view_draft", args=(page.pk,)))
    assert response.status_code == 200
    assert page.title in response.content.decode()
    # The live page is unchanged until publishing.
    assert page.title not in Client().get(page.url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "dashboard", "coverage"),
    [
        ("fi", "Kojelauta", "Käännösten kattavuus"),
        ("sv", "Instrumentpanel", "Översättningstäckning"),
        ("en", "Dashboard", "Translation coverage"),
    ],
)
def test_the_admin_speaks_each_users_language(language, dashboard, coverage, group_user):
    client = verified_client(group_user("Editors", language=language))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'lang="{language}"' in html
    assert dashboard in html
    # The project's own admin views too.
    html = client.get(reverse("translation_coverage")).content.decode()
    assert f"<title>{coverage}" in html
