"""No admin view answers an anonymous visitor: every admin URL pattern, GET and POST."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

# The only admin pages meant for someone not logged in.
PUBLIC_ADMIN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    # The admin's icons (a static SVG sprite) and interface strings for its scripts, which
    # the login page itself needs; neither holds any content of the site.
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
}
# wagtail-localize views whose addresses the project's checked versions take over.
TAKEN_OVER = {
    "upload_pofile": "checked_upload_pofile",
    "update_translations": "checked_update_translations",
    "convert_to_alias": "checked_convert_to_alias",
}
SAMPLE_BY_CONVERTER = {
    "int": "1",
    "str": "x",
    "slug": "x",
    "path": "x/y",
    "uuid": "00000000-0000-0000-0000-000000000001",
}
ROUTE_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
REGEX_GROUP = re.compile(r"\((?:\?P<\w+>)?(?P<body>[^)]*)\)")


def regex_sample(match: re.Match) -> str:
    """A value for a regex group: its first plain-word alternative, else a number."""
    words = [part for part in match["body"].split("|") if part.isalpha()]
    return words[0] if words else "1"


def sample_path(pattern) -> str:
    """A concrete path the pattern matches, with a sample value for each parameter."""
    text = str(pattern.pattern)
    if text.startswith("^") or text.endswith("$") or "(?P<" in text:
        text = REGEX_GROUP.sub(regex_sample, text.lstrip("^").rstrip("$"))
        return text.replace("\\", "")
    return ROUTE_PARAMETER.sub(
        lambda match: SAMPLE_BY_CONVERTER.get(match["converter"] or "str", "x"), text
    )


def admin_urls(resolver=None, prefix: str = "") -> list[tuple]:
    """(url, name, view) of every URL pattern under /admin/."""
    found = []
    for entry in (resolver or get_resolver()).url_patterns:
        path = prefix + sample_path(entry)
        if isinstance(entry, URLResolver):
            found.extend(admin_urls(entry, path))
        elif isinstance(entry, URLPattern) and path.startswith("admin/"):
            found.append(("/" + path, entry.name or entry.lookup_str, entry.callback))
    return found


ADMIN_VIEWS = admin_urls()
ADMIN_URLS = [(url, name) for url, name, _ in ADMIN_VIEWS]


def test_the_list_of_admin_urls_is_complete():
    # Wagtail's and wagtail-localize's admin and this project's report and upload check.
    assert len(ADMIN_URLS) > 250
    names = {name for _, name in ADMIN_URLS}
    assert {"translation_coverage", "checked_upload_pofile", "wagtailadmin_home"} <= names
    assert names >= PUBLIC_ADMIN_VIEWS
    for url, name, view in ADMIN_VIEWS:
        try:
            match = resolve(url)
        except Resolver404:
            pytest.fail(f"sample URL {url} of {name} does not resolve")
        # Each sample reaches its own view, or the project's checked one registered earlier
        # at the same address.
        if name in TAKEN_OVER:
            assert match.url_name == TAKEN_OVER[name], (url, name)
        else:
            assert match.func is view, (url, name)


def refused(response) -> bool:
    if response.status_code in (302, 301):
        return response["Location"].startswith("/admin/login/")
    return response.status_code in (400, 401, 403, 404, 405)


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "name"), ADMIN_URLS, ids=[name for _, name in ADMIN_URLS])
def test_anonymous_visitors_reach_no_admin_view(url, name):
    client = Client(enforce_csrf_checks=False, raise_request_exception=True)
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        if name in PUBLIC_ADMIN_VIEWS:
            assert response.status_code < 500, (method, url)
            continue
        assert refused(response), (method, url, response.status_code)
