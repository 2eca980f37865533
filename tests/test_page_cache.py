"""The full-page cache: a repeated anonymous view runs no query; every change that a page
shows retires it at once; nothing private is ever kept."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from pages.models import SiteSettings


def queries_for(client: Client, url: str, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    return response, len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["home", "get-help", "your-rights", "news", "help-from-ngos"])
def test_a_second_anonymous_view_runs_no_query(client, demo_page, key):
    page = demo_page(key, "en")
    first, first_count = queries_for(client, page.url)
    assert first_count > 0 and first["X-Page-Cache"] == "miss"
    second, second_count = queries_for(client, page.url)
    assert second_count == 0
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "s-maxage=" in second["Cache-Control"]
    assert not second.cookies


@pytest.mark.django_db
def test_publishing_shows_at_once_on_the_page_its_parent_and_its_translations(client, demo_page):
    page = demo_page("your-rights", "en")
    parent = page.get_parent()
    swedish = demo_page("your-rights", "sv")
    for url in (page.url, parent.url, swedish.url):
        client.get(url)
    page.title = "Your rights, updated"
    page.save_revision().publish()
    assert "Your rights, updated" in client.get(page.url).content.decode()
    assert "Your rights, updated" in client.get(parent.url).content.decode()
    # The Swedish page's language switcher names the English page by its language only,
    # so check the English page is gone from it after an unpublish instead.
    page.unpublish()
    assert client.get(page.url).status_code == 404
    assert f'href="{page.url}"' not in client.get(swedish.url).content.decode()
    assert f'href="{page.url}"' not in client.get(parent.url).content.decode()


@pytest.mark.django_db
def test_deleting_a_translation_updates_the_switchers(client, demo_page):
    english = demo_page("your-rights", "en")
    arabic = demo_page("your-rights", "ar")
    assert f'href="{arabic.url}"' in client.get(english.url).content.decode()
    arabic.delete()
    assert f'href="{arabic.url}"' not in client.get(english.url).content.decode()


@pytest.mark.django_db
def test_editing_a_contact_or_the_settings_shows_on_every_cached_page(client, demo_page):
    urls = [demo_page(key, "fi").url for key in ("home", "get-help", "your-rights")]
    for url in urls:
        client.get(url)
    hotline = SiteSettings.objects.get().header_contact
    hotline.phone = "+358 29 000 0001"
    hotline.save_revision().publish()
    for url in urls:
        assert "+358 29 000 0001" in client.get(url).content.decode(), url
    settings = SiteSettings.objects.get()
    settings.emergency_contact = None
    settings.save()
    for url in urls:
        assert 'class="help-bar__emergency"' not in client.get(url).content.decode(), url


@pytest.mark.django_db
def test_no_private_answer_is_kept(client, demo_page, django_user_model):
    finder = demo_page("victims-help-finder", "en")
    for url in (
        f"{finder.url}q3/?a=k2.k1",
        "/en/search/?q=112",
        demo_page("training-identification", "en").url + "?q1=1",
    ):
        first = client.get(url)
        assert first.status_code == 200
        assert "X-Page-Cache" not in first
        _, count = queries_for(client, url)
        assert count > 0, url


@pytest.mark.django_db
def test_logged_in_editors_bypass_the_cache_and_drafts_are_never_kept(
    client, demo_page, editor_client
):
    page = demo_page("your-rights", "en")
    client.get(page.url)
    page.title = "Draft title only"
    page.save_revision()  # a draft, not published
    assert "Draft title only" not in client.get(page.url).content.decode()
    response = editor_client.get(page.url)
    assert "X-Page-Cache" not in response
    preview = editor_client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert "Draft title only" in preview.content.decode()
    assert "X-Page-Cache" not in preview
    assert "Draft title only" not in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_no_cached_response_carries_set_cookie(client, demo_page):
    for key in ("home", "get-help", "contact"):
        url = demo_page(key, "fi").url
        client.get(url)
        response = client.get(url)
        assert response["X-Page-Cache"] == "hit"
        assert not response.cookies
        assert "Set-Cookie" not in response


@pytest.mark.django_db
def test_a_page_is_served_when_the_cache_does_not_answer(client, demo_page, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
        }
    }
    for _ in range(2):
        response = client.get(demo_page("home", "fi").url)
        assert response.status_code == 200
        assert "X-Page-Cache" in response  # tried, missed, served from the database
