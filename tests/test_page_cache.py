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


@pytest.mark.django_db
@pytest.mark.parametrize(("accept", "encoding"), [("br, gzip", "br"), ("gzip", "gzip")])
def test_pages_are_compressed_for_clients_that_accept_it(client, demo_page, accept, encoding):
    import gzip

    import brotli

    url = demo_page("your-rights", "fi").url
    plain = client.get(url).content
    for _ in range(2):  # uncached, then from the cache
        response = client.get(url, HTTP_ACCEPT_ENCODING=accept)
        assert response["Content-Encoding"] == encoding
        assert "Accept-Encoding" in response["Vary"]
        body = (
            brotli.decompress(response.content)
            if encoding == "br"
            else gzip.decompress(response.content)
        )
        assert body == plain
        assert len(response.content) < len(plain) / 2


@pytest.mark.django_db
def test_the_admin_is_never_compressed(editor_client):
    response = editor_client.get("/admin/", HTTP_ACCEPT_ENCODING="br, gzip")
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    login = Client().get("/admin/login/", HTTP_ACCEPT_ENCODING="br, gzip")
    assert not login.has_header("Content-Encoding")


PURGED: list[str] = []


class RecordingBackend:
    """A front-end cache backend that remembers what it was asked to purge."""

    def __init__(self, params):
        self.hostnames = ["*"]

    def invalidates_hostname(self, hostname) -> bool:
        return True

    def purge(self, url) -> None:
        PURGED.append(url)

    def purge_batch(self, urls) -> None:
        PURGED.extend(urls)


@pytest.mark.django_db
def test_a_publish_purges_the_cdn_for_the_page_its_parent_and_translations(
    demo_page, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.test_page_cache.RecordingBackend"}}
    PURGED.clear()
    page = demo_page("forced-labour", "en")  # in Finnish, Swedish and English only
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    for url in (
        page.full_url,
        page.get_parent().full_url,
        demo_page("forced-labour", "sv").full_url,
        demo_page("home", "fi").full_url,
    ):
        assert url in PURGED
    assert demo_page("home", "ar").full_url not in PURGED


@pytest.mark.django_db
def test_without_a_cdn_nothing_is_purged(demo_page, django_capture_on_commit_callbacks):
    PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        demo_page("your-rights", "en").save_revision().publish()
    assert PURGED == []


@pytest.mark.django_db
def test_a_new_menu_page_shows_in_the_menu_of_every_page_of_its_language(client, demo_page):
    """The menu is part of the language's shared chrome, cached with its pages."""
    from pages.models import ContentPage

    urls = [demo_page(key, "en").url for key in ("home", "get-help", "your-rights")]
    for url in urls:
        client.get(url)
    finnish = client.get(demo_page("home", "fi").url).content.decode()
    page = demo_page("home", "en").add_child(
        instance=ContentPage(title="Brand new in the menu", slug="brand-new", show_in_menus=True)
    )
    page.save_revision().publish()
    for url in urls:
        assert "Brand new in the menu" in client.get(url + "?other=address").content.decode()
        assert "Brand new in the menu" in client.get(url).content.decode()
    assert client.get(demo_page("home", "fi").url).content.decode() == finnish
