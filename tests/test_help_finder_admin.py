"""Editors in the Wagtail admin: publishing is refused for a broken finder, drafts are kept,
the routes panel shows every path, and pages a finder recommends stay live."""

from html import unescape

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from help_finder.flow import all_routes
from help_finder.models import HelpFinderPage


def finder_form(page_id: int, first_destination: str, action: str | None) -> dict:
    outcome_text = rich_text("<p>Call 112 now.</p>")
    data = nested_form_data(
        {
            "title": "Test finder",
            "slug": "test-finder",
            "intro": "A test.",
            "questions": streamfield(
                [
                    (
                        "question",
                        {
                            "key": "q1",
                            "text": "Are you in danger?",
                            "hint": "",
                            "options": streamfield(
                                [
                                    ("option", {"key": "k1", "label": "Yes", "next": "r1"}),
                                    (
                                        "option",
                                        {"key": "k2", "label": "No", "next": first_destination},
                                    ),
                                ]
                            ),
                        },
                    )
                ]
            ),
            "outcomes": streamfield(
                [
                    (
                        "outcome",
                        {
                            "key": "r1",
                            "title": "Call 112",
                            "text": outcome_text,
                            "is_emergency": True,
                            "pages": streamfield([("page", page_id)]),
                            "contacts": streamfield([]),
                        },
                    ),
                    (
                        "outcome",
                        {
                            "key": "r2",
                            "title": "Call the hotline",
                            "text": outcome_text,
                            "is_emergency": False,
                            "pages": streamfield([("page", page_id)]),
                            "contacts": streamfield([]),
                        },
                    ),
                ]
            ),
            "comments": inline_formset([]),
        }
    )
    if action:
        data[action] = action
    return data


def add_url(parent: Page) -> str:
    return reverse("wagtailadmin_pages:add", args=("help_finder", "helpfinderpage", parent.pk))


@pytest.mark.django_db
def test_publishing_a_broken_finder_is_refused_next_to_the_option(editor_client, demo_page):
    section = demo_page("get-help", "en")
    target = demo_page("your-rights", "en")
    response = editor_client.post(add_url(section), finder_form(target.pk, "q7", "action-publish"))
    assert response.status_code == 200
    # The message sits on the "Leads to" field of the second answer of the first question.
    html = unescape(response.content.decode())
    assert (
        '{"0": {"blockErrors": {"options": {"blockErrors": {"1": {"blockErrors": {"next": '
        '{"messages": ["There is no question or outcome with the key \\u201cq7\\u201d."]}'
    ) in html
    assert not HelpFinderPage.objects.filter(slug="test-finder").exists()


@pytest.mark.django_db
def test_a_broken_finder_can_still_be_saved_as_a_draft(editor_client, demo_page):
    section = demo_page("get-help", "en")
    target = demo_page("your-rights", "en")
    response = editor_client.post(add_url(section), finder_form(target.pk, "q7", None))
    assert response.status_code == 302
    draft = HelpFinderPage.objects.get(slug="test-finder")
    assert not draft.live


@pytest.mark.django_db
def test_a_valid_finder_goes_live(editor_client, demo_page):
    section = demo_page("get-help", "en")
    target = demo_page("your-rights", "en")
    response = editor_client.post(add_url(section), finder_form(target.pk, "r2", "action-publish"))
    assert response.status_code == 302
    finder = HelpFinderPage.objects.get(slug="test-finder")
    assert finder.live
    assert [q.key for q in finder.flow.questions] == ["q1"]


@pytest.mark.django_db
def test_routes_panel_lists_every_path(editor_client, demo_page):
    finder = demo_page("victims-help-finder", "en")
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=(finder.pk,))).content
    html = html.decode()
    assert "help-finder-routes" in html
    for _steps, end in all_routes(finder.flow):
        assert end.title in html
    assert html.count("help-finder-routes__step") >= 9


@pytest.mark.django_db
@pytest.mark.parametrize("view", ["wagtailadmin_pages:unpublish", "wagtailadmin_pages:delete"])
def test_a_page_a_live_finder_recommends_cannot_be_unpublished_or_deleted(
    editor_client, demo_page, view
):
    page = demo_page("help-even-if", "fi")
    response = editor_client.post(reverse(view, args=(page.pk,)), follow=True)
    assert "help finders" in response.content.decode()
    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
def test_a_section_holding_a_recommended_page_cannot_be_deleted(editor_client, demo_page):
    section = demo_page("get-help", "fi")
    editor_client.post(reverse("wagtailadmin_pages:delete", args=(section.pk,)))
    assert Page.objects.filter(pk=section.pk).exists()


@pytest.mark.django_db
def test_a_page_no_finder_recommends_can_be_unpublished(editor_client, demo_page):
    page = demo_page("organ-removal", "fi")
    editor_client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
    page.refresh_from_db()
    assert not page.live
