"""A victim's path from Home to an outcome on a small phone, by taps only, with and
without JavaScript."""

import pytest
from playwright.sync_api import expect

from pages.demo_content.loader import load_language_content

pytestmark = pytest.mark.browser


def walk_to_outcome(recorded, site_url: str, language: str) -> None:
    texts = load_language_content(language)["pages"]["victims-help-finder"]
    page = recorded.page
    page.goto(f"{site_url}/{language}/")
    page.tap(".finder-entry__link")
    for question, option in (("q1", "k2"), ("q2", "k1"), ("q3", "k3")):
        label = texts["questions"][question]["options"][option]
        page.get_by_role("button", name=label, exact=True).tap()
    expect(page.locator("h1")).to_have_text(texts["outcomes"]["r3"]["title"])
    assert "/r3/?a=k2.k1.k3" in page.url
    # The outcome's first recommended page is one tap away.
    # (in a language without that page, a named fallback in Finnish, Swedish or English).
    link = page.locator(".finder-pages a").first
    title, href = link.inner_text(), link.get_attribute("href")
    link.tap()
    expect(page).to_have_url(site_url + href)
    assert title.startswith(page.locator("h1").inner_text())
    assert recorded.other_hosts() == set()
    assert recorded.context.cookies() == []


@pytest.mark.parametrize("language", ["fi", "ar"])
def test_victims_path_by_taps(phone, site_url, language):
    walk_to_outcome(phone, site_url, language)


@pytest.mark.parametrize("language", ["fi", "so"])
def test_victims_path_without_javascript(phone_without_javascript, site_url, language):
    walk_to_outcome(phone_without_javascript, site_url, language)
