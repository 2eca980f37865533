"""The admin still works under its own policy, and the access log keeps no trace."""

import re
import urllib.request

import pytest
from playwright.sync_api import expect

from .conftest import RecordedPage, log_in_to_admin

pytestmark = pytest.mark.browser


def test_editor_logs_in_edits_and_publishes_under_the_admin_policy(browser, site_url):
    recorded = RecordedPage(browser, site_url, viewport={"width": 1280, "height": 900})
    context, page = recorded.context, recorded.page
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    log_in_to_admin(page, site_url, "admin")

    page.goto(f"{site_url}/en/get-help/your-rights/")
    original_title = page.locator("h1").inner_text()
    page.goto(f"{site_url}/admin/pages/search/?q=" + original_title.replace(" ", "+"))
    page.locator("a", has_text=original_title).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    page.fill("#id_title", original_title + " (updated)")
    page.locator("button[data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-publish']").click()
    expect(page.locator(".messages")).to_contain_text("published")
    assert recorded.other_hosts() == set()
    context.close()

    public = urllib.request.urlopen(f"{site_url}/en/get-help/your-rights/").read().decode()  # noqa: S310
    assert original_title + " (updated)" in public
    assert violations == []


def test_access_log_has_no_address_and_no_query(site_url, site_log):
    secret = "searchedforsecret"
    urllib.request.urlopen(f"{site_url}/fi/?q={secret}&a=k1.k2").read()  # noqa: S310
    lines = [line for line in site_log.read_text().splitlines() if '"GET /fi/ ' in line]
    assert lines, "the request was not logged"
    line = lines[-1]
    assert secret not in line and "k1.k2" not in line and "?" not in line
    assert not re.search(r"\b127\.0\.0\.1\b|\b\d{1,3}(\.\d{1,3}){3}\b", line)
