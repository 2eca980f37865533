"""404 and 500 pages: translated, never a 500 for a bad address, 500 without the database."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from pages.views import server_error


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "language", "direction"),
    [
        ("/fi/ei-tallaista-sivua/", "fi", "ltr"),
        ("/sv/finns-inte/", "sv", "ltr"),
        ("/ar/not-here/", "ar", "rtl"),
        ("/so/not-here/", "so", "ltr"),
        ("/fi/hae-apua/ei-ole/", "fi", "ltr"),
    ],
)
def test_unknown_path_gives_the_translated_404(client, path, language, direction):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    with translation.override(language):
        assert translation.gettext("Page not found") in html
    assert "tel:+358295463177" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/xx/", "/de/hilfe/", "/fi-FI/", "/%00/", "/fi/%ff%fe/", "/fi/" + "a/" * 300]
)
def test_unknown_language_prefix_ends_in_a_404_not_a_500(client, path):
    response = client.get(path, follow=True)
    assert response.status_code == 404
    assert b"tel:+358295463177" in response.content


@pytest.mark.django_db
def test_404_for_an_unknown_prefix_uses_the_browser_language(client):
    response = client.get("/xx/foo/", HTTP_ACCEPT_LANGUAGE="sv", follow=True)
    assert response.status_code == 404
    assert b'<html lang="sv"' in response.content


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "language"), [("/fi/x/", "fi"), ("/ar/x/", "ar"), ("/", "fi")])
def test_500_page_renders_without_the_database(django_assert_num_queries, path, language):
    request = RequestFactory().get(path)
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    with translation.override(language):
        assert translation.gettext("Something went wrong") in html
    assert 'href="tel:+358295463177"' in html
    assert 'href="tel:112"' in html
