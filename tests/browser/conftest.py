"""A real site for real browsers: gunicorn serving the demo site from its own database,
and Debian's Chromium, launched so that it can reach nothing but that site."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from ihme_site.local_site import (
    build_demo_site,
    drop_postgres_database,
    free_port,
    fresh_postgres_database,
    manage,
    start_gunicorn,
    wait_for_port,
)
from tests.accounts import code

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>;127.0.0.0/8;localhost",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, "
    "EXCLUDE 127.0.0.2",
]


class _Database:
    """A database of its own for the browser tests' server: PostgreSQL when the tests run
    on PostgreSQL, else an SQLite file."""

    def __init__(self, tmp: Path, name: str = "browser") -> None:
        self.url = os.environ.get("DATABASE_URL", "")
        self.postgres = self.url.startswith(("postgres://", "postgresql://"))
        if self.postgres:
            self.name = f"ihme_{name}_{os.getpid()}"
            self.url = fresh_postgres_database(self.name)
        else:
            self.url = f"sqlite:///{tmp / (name + '.sqlite3')}"

    def drop(self) -> None:
        if self.postgres:
            drop_postgres_database(self.name)


ADMIN_PASSWORD = "browser-tests-only-password"
# One user per editorial group (same password), admin in English for stable selectors;
# "newcomer" is a Moderator who has not yet enrolled an authenticator app.
EDITORIAL_USERS = {
    "editor": "Editors",
    "moderator": "Moderators",
    "translator": "Translators",
    "newcomer": "Moderators",
}
# The authenticator keys of the users who must use one (pages/two_factor.py). A wide
# tolerance lets each login use the code of a later 30-second step than the one before,
# since a code, once used, is refused.
ENROLLED_KEYS = {"admin": b"browser-admin-key-01", "moderator": b"browser-moderat-k-01"}
ENROLLED_TOLERANCE = 20
EDITORIAL_USERS_SCRIPT = f"""
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile
for username, group in {EDITORIAL_USERS!r}.items():
    user = User.objects.create_user(username, username + "@example.invalid", {ADMIN_PASSWORD!r})
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
for username, key in {ENROLLED_KEYS!r}.items():
    TOTPDevice.objects.create(
        user=User.objects.get(username=username), name="Browser tests", key=key.hex(),
        tolerance={ENROLLED_TOLERANCE!r}, confirmed=True,
    )
"""
_logins_with_a_code: dict[str, int] = {}


def log_in_to_admin(page: Page, site_url: str, username: str) -> None:
    """Through the admin's login form, and past the code of the user's app if they have one."""
    page.goto(f"{site_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", ADMIN_PASSWORD)
    page.click("button[type=submit]")
    if username in ENROLLED_KEYS:
        expect(page).to_have_url(re.compile(r"/admin/two-factor/verify/"))
        steps_ahead = _logins_with_a_code.get(username, -1) + 1
        assert steps_ahead < ENROLLED_TOLERANCE, "more logins than the tolerance allows"
        _logins_with_a_code[username] = steps_ahead
        page.fill("input[name=code]", code(ENROLLED_KEYS[username], steps_ahead))
        page.click("button[type=submit]")
    expect(page).to_have_url(f"{site_url}/admin/")


@pytest.fixture(scope="session")
def exit_site(tmp_path_factory) -> Iterator[str]:
    """A neutral everyday site on another origin, standing in for the quick exit's weather page."""
    folder = tmp_path_factory.mktemp("exit-site")
    (folder / "index.html").write_text(
        "<!doctype html><html lang=en><title>Weather</title><h1>Weather today</h1></html>"
    )
    port = free_port("127.0.0.2")
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.2"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, server, host="127.0.0.2")
        yield f"http://127.0.0.2:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def site_log(tmp_path_factory) -> Path:
    """Where the site server's gunicorn writes its access and error log."""
    return tmp_path_factory.mktemp("site-log") / "gunicorn.log"


@pytest.fixture(scope="session")
def site_url(tmp_path_factory, exit_site, site_log) -> Iterator[str]:
    """The demo site under gunicorn (with the project's gunicorn.conf.py) on a free port."""
    database = _Database(tmp_path_factory.mktemp("browser-site"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ihme_site.settings.test",
        "DATABASE_URL": database.url,
        "QUICK_EXIT_URL": exit_site,
        "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD,
    }
    build_demo_site(env)
    manage(env, "createsuperuser", "--noinput", "--username", "admin", "--email", "a@b.invalid")
    manage(env, "shell", "-v0", "-c", EDITORIAL_USERS_SCRIPT)
    with site_log.open("w") as log:
        # One worker (with threads): the test settings keep the page cache in the process.
        env["GUNICORN_THREADS"] = "4"
        server = start_gunicorn(env, port := free_port(), output=log, workers=1)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()
            server.wait(timeout=30)
            database.drop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    assert executable, "Debian's chromium is missing: `make browser` installs it"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class RecordedPage:
    """A page in a fresh browser context that remembers every request it made."""

    def __init__(self, browser: Browser, site_url: str, **context_options) -> None:
        self.context = browser.new_context(**context_options)
        self.page: Page = self.context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.site_url = site_url

    def other_hosts(self) -> set[str]:
        own = urlsplit(self.site_url).netloc
        return {
            urlsplit(url).netloc
            for url in self.requests
            if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != own
        }


@pytest.fixture
def phone(browser, site_url) -> Iterator[RecordedPage]:
    """A 360 px wide touch screen, JavaScript on."""
    recorded = RecordedPage(
        browser, site_url, viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True
    )
    yield recorded
    recorded.context.close()


@pytest.fixture
def phone_without_javascript(browser, site_url) -> Iterator[RecordedPage]:
    recorded = RecordedPage(
        browser,
        site_url,
        viewport={"width": 360, "height": 740},
        has_touch=True,
        is_mobile=True,
        java_script_enabled=False,
    )
    yield recorded
    recorded.context.close()
