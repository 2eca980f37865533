"""Two app servers (gunicorn, production settings) sharing the database and Redis: a page
cached on both shows a change on both at once, and Redis down does not take them down."""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from ihme_site.local_site import (
    build_demo_site,
    free_port,
    manage,
    production_env,
    start_gunicorn,
)

from .conftest import _Database

pytestmark = pytest.mark.browser  # a served site, like the browser tests

# A Redis database of its own, so the tests never touch another program's keys.
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
PAGE = "/en/get-help/your-rights/"


def fetch(base: str, path: str = PAGE) -> tuple[str, str]:
    with urllib.request.urlopen(base + path) as response:  # noqa: S310 (the local site)
        return response.read().decode(), response.headers.get("X-Page-Cache", "")


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory) -> Iterator[tuple[list[str], dict[str, str]]]:
    folder = tmp_path_factory.mktemp("two-servers")
    database = _Database(folder, name="two_servers")
    env = production_env(folder, database.url, REDIS_URL)
    build_demo_site(env)
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "shell", "-v0", "-c", "from django.core.cache import cache; cache.clear()")
    servers = [start_gunicorn(env, free_port(), workers=2) for _ in range(2)]
    try:
        yield (
            [
                f"http://127.0.0.1:{server.args[server.args.index('--bind') + 1].split(':')[1]}"
                for server in servers
            ],
            env,
        )
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
        database.drop()


PUBLISH = """
from wagtail.models import Page
page = Page.objects.get(url_path="/en/get-help/your-rights/").specific
page.title = {title!r}
page.save_revision().publish()
"""


def test_a_publish_shows_on_both_servers_at_once(two_servers):
    """The publish runs in a third process (as an editor's request on either server
    would): the change reaches both servers through the shared Redis."""
    bases, env = two_servers
    for base in bases:
        for _ in range(3):  # every worker of both servers has the page cached
            fetch(base)
        assert fetch(base)[1] == "hit"
    manage(env, "shell", "-v0", "-c", PUBLISH.format(title="Rights, changed on one server"))
    for base in bases:
        for _ in range(3):
            html, _ = fetch(base)
            assert "Rights, changed on one server" in html, base


EDIT_HOTLINE = """
from pages.models import SiteSettings
hotline = SiteSettings.objects.get().header_contact
hotline.phone = {phone!r}
hotline.save_revision().publish()
"""
UNPUBLISH = """
from wagtail.models import Page
Page.objects.get(url_path="/en/get-help/your-rights/").specific.unpublish()
"""


def status(base: str, path: str) -> int:
    try:
        with urllib.request.urlopen(base + path) as response:  # noqa: S310 (the local site)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_snippet_edit_and_an_unpublish_show_on_both_servers_at_once(two_servers):
    bases, env = two_servers
    finnish = ["/fi/", "/fi/hae-apua/"]  # the edited contact is the Finnish one
    for base in bases:
        for _ in range(3):
            for path in [PAGE, *finnish]:
                fetch(base, path)
    manage(env, "shell", "-v0", "-c", EDIT_HOTLINE.format(phone="+358 29 000 0002"))
    for base in bases:
        for _ in range(3):
            for path in finnish:
                assert "+358 29 000 0002" in fetch(base, path)[0], (base, path)
    manage(env, "shell", "-v0", "-c", UNPUBLISH)
    for base in bases:
        for _ in range(3):
            assert status(base, PAGE) == 404, base
