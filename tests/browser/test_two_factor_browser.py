"""Two-step verification in a real browser: a Moderator without an app is held at the set-up
page, enrols one by its key, and from then on enters its code after the password."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.accounts import code, key_from_page

from .conftest import ADMIN_PASSWORD
from .test_accessibility import AXE_OPTIONS

pytestmark = pytest.mark.browser


def password_step(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/admin/login/")
    page.fill("input[name=username]", "newcomer")
    page.fill("input[name=password]", ADMIN_PASSWORD)
    page.click("button[type=submit]")


def axe_violations(page: Page) -> list[str]:
    results = Axe().run(page, options=AXE_OPTIONS)
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"]]


def test_a_moderator_enrols_an_app_and_then_uses_it(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()

    password_step(page, site_url)
    # Held at the set-up page, whatever admin page they ask for.
    expect(page).to_have_url(re.compile(r"/admin/two-factor/set-up/\?next=%2Fadmin%2F$"))
    page.goto(f"{site_url}/admin/pages/")
    expect(page).to_have_url(re.compile(r"/admin/two-factor/set-up/"))
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    assert axe_violations(page) == []

    key = key_from_page(page.locator("[data-two-factor-key]").inner_text())
    page.get_by_label("Six-digit code").fill(code(key))
    page.get_by_role("button", name="Turn on").click()
    expect(page).to_have_url(f"{site_url}/admin/pages/")
    expect(page.locator(".messages")).to_contain_text("Two-step verification is on.")

    # A new session (as a new day would bring): now the code is asked for.
    context.clear_cookies()
    password_step(page, site_url)
    expect(page).to_have_url(re.compile(r"/admin/two-factor/verify/"))
    assert axe_violations(page) == []
    # The code of the next 30-second step: the one used to enrol cannot be used again.
    page.get_by_label("Six-digit code").fill(code(key, steps_ahead=1))
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"{site_url}/admin/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    # The verification page's own logout leaves the admin as well.
    context.clear_cookies()
    password_step(page, site_url)
    expect(page).to_have_url(re.compile(r"/admin/two-factor/verify/"))
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.goto(f"{site_url}/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    context.close()
