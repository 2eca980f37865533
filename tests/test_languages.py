"""The 18 languages: settings, URL prefixes, lang and dir, and the "/" language choice."""

import pytest
from django.conf import settings
from django.utils.translation import get_language_info

from ihme_site.languages import SITE_LANGUAGES
from pages.views import best_language

RTL = {"ar", "fa", "ckb"}


def test_every_site_language_is_a_django_and_wagtail_language():
    codes = [code for code, _name in settings.LANGUAGES]
    assert codes == [language.code for language in SITE_LANGUAGES]
    assert len(codes) == 18
    assert settings.LANGUAGE_CODE == "fi"
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES
    assert set(settings.LANGUAGES_BIDI) == RTL


@pytest.mark.parametrize(("code", "own_name"), [("so", "Soomaali"), ("tl", "Tagalog")])
def test_languages_unknown_to_django_have_their_own_names(code, own_name):
    info = get_language_info(code)
    assert info["name_local"] == own_name
    assert info["bidi"] is False


@pytest.mark.django_db
@pytest.mark.parametrize("language", [language.code for language in SITE_LANGUAGES])
def test_home_renders_in_every_language_with_its_lang_and_dir(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    direction = "rtl" if language in RTL else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert "tel:+358295463177" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ar,en;q=0.8", "/ar/"),
        ("ar-IQ", "/ar/"),
        ("sv-FI,sv;q=0.9,en;q=0.5", "/sv/"),
        ("fil-PH", "/tl/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("de-DE,de;q=0.9", "/fi/"),
        ("xx;q=1, de;q=0.5, fa;q=0.1", "/fa/"),
        ("", "/fi/"),
        ("*", "/fi/"),
    ],
)
def test_root_redirects_to_the_browser_language_without_a_cookie(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]
    assert not response.cookies
    assert "Set-Cookie" not in response


@pytest.mark.django_db
def test_root_skips_languages_whose_home_is_not_live(client, demo_page):
    demo_page("home", "ar").unpublish()
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar, en;q=0.5")
    assert response["Location"] == "/en/"


def test_best_language_prefers_the_highest_quality():
    assert best_language("en;q=0.2, sv;q=0.9", {"en", "sv", "fi"}) == "sv"
