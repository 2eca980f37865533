"""Headers on every public response, the quick exit on every page, and no cookies."""

import importlib
import re
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.middleware.security import SecurityMiddleware
from django.test import override_settings

PUBLIC_URLS = [
    "/fi/",
    "/ar/",
    "/fi/hae-apua/",
    "/en/get-help/your-rights/",
    "/en/get-help/help-finder/",
    "/en/get-help/help-finder/q2/?a=k2",
    "/fi/ei-ole-olemassa/",  # 404
    "/",  # the language redirect
    "/static/css/site.css",
    "/static/js/quick-exit.js",
]
REQUIRED_CSP = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_every_public_response_carries_the_safety_headers(client, url):
    response = client.get(url)
    assert response.status_code in (200, 302, 404)
    csp = response["Content-Security-Policy"]
    for directive in REQUIRED_CSP:
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions
    assert not response.cookies


@pytest.mark.django_db
def test_the_admin_has_its_own_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp
    assert "object-src 'none'" in csp
    assert csp != client.get("/fi/")["Content-Security-Policy"]


def import_production_settings(monkeypatch, **env):
    """The production settings module as a fresh import under the given environment."""
    for name, value in env.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    for module in ("ihme_site.settings.production", "ihme_site.settings.base"):
        monkeypatch.delitem(sys.modules, module, raising=False)
    try:
        return importlib.import_module("ihme_site.settings.production")
    finally:
        for module in ("ihme_site.settings.production", "ihme_site.settings.base"):
            sys.modules.pop(module, None)


def test_production_sends_hsts(monkeypatch, rf):
    production = import_production_settings(
        monkeypatch, DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="ihmiskauppa.fi"
    )
    assert production.SECURE_HSTS_SECONDS >= 31536000
    with override_settings(
        SECURE_HSTS_SECONDS=production.SECURE_HSTS_SECONDS,
        SECURE_HSTS_INCLUDE_SUBDOMAINS=production.SECURE_HSTS_INCLUDE_SUBDOMAINS,
        SECURE_SSL_REDIRECT=False,
    ):
        middleware = SecurityMiddleware(lambda request: HttpResponse())
        response = middleware(rf.get("/fi/", secure=True))
    assert response["Strict-Transport-Security"].startswith("max-age=63072000")


def test_production_refuses_to_start_without_a_secret(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
        import_production_settings(
            monkeypatch, DJANGO_SECRET_KEY=None, DJANGO_ALLOWED_HOSTS="ihmiskauppa.fi"
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "label"),
    [("/fi/", "Poistu"), ("/sv/", "Lämna"), ("/en/get-help/your-rights/", "Exit")],
)
def test_every_page_has_the_quick_exit_in_its_language(client, url, label):
    html = client.get(url).content.decode()
    links = re.findall(r"<a [^>]*data-quick-exit[^>]*>", html)
    assert len(links) == 2  # the hidden link after the skip link, and the sticky control
    for link in links:
        assert f'href="{settings.QUICK_EXIT_URL}"' in link
        assert 'rel="noreferrer"' in link
    bar = html.split('class="quick-exit"', 1)[1].split("</a>", 1)[0]
    assert label in bar
    assert '<script src="/static/js/quick-exit.js" defer></script>' in html


@pytest.mark.django_db
def test_skip_link_first_exit_link_second(client):
    html = client.get("/ar/").content.decode()
    body = html.split("<body>", 1)[1]
    links = re.findall(r"<a [^>]*>", body)
    assert 'href="#main"' in links[0]
    assert "data-quick-exit" in links[1] and 'class="skip-link"' in links[1]


@pytest.mark.django_db
def test_staying_safe_online_is_linked_next_to_the_exit_in_every_language(client, demo_page):
    from ihme_site.languages import SITE_LANGUAGES

    for language in SITE_LANGUAGES:
        safety = demo_page("staying-safe-online", language.code)
        html = client.get(f"/{language.code}/").content.decode()
        bar = html.split('class="quick-exit-bar"', 1)[1].split("</div>", 1)[0]
        assert f'href="{safety.url}"' in bar, language.code


@pytest.mark.django_db
def test_exit_destination_is_a_site_setting(client, demo_page):
    from wagtail.models import Site

    from pages.models import SiteSettings

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.exit_url = "https://www.example.org/weather"
    site_settings.save()
    html = client.get("/fi/").content.decode()
    assert (
        html.count('href="https://www.example.org/weather" rel="noreferrer" data-quick-exit') == 2
    )
