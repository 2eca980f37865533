"""The directory filter and a training module's self-check work on a phone with
JavaScript off: plain forms, answered by the server."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_directory_filter_without_javascript(phone_without_javascript, site_url):
    page = phone_without_javascript.page
    page.goto(f"{site_url}/en/get-help/help-from-organisations/")
    cards = page.locator(".card-list > li.card")
    everyone = cards.count()
    assert everyone >= 8
    page.select_option("#id_service", "violence")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(
        f"{site_url}/en/get-help/help-from-organisations/?service=violence&language="
    )
    assert 0 < cards.count() < everyone
    expect(cards.filter(has_text="Nollalinja")).to_have_count(1)
    page.select_option("#id_service", "")
    page.select_option("#id_language", "sv")
    page.get_by_role("button", name="Show").click()
    assert 0 < cards.count() < everyone
    assert phone_without_javascript.other_hosts() == set()


def test_self_check_without_javascript(phone_without_javascript, site_url):
    page = phone_without_javascript.page
    page.goto(f"{site_url}/en/for-authorities/training/identifying-victims/")
    questions = page.locator("fieldset.self-check__question")
    count = questions.count()
    assert count == 3
    for number in range(count):
        questions.nth(number).locator("input[type=radio]").first.check()
    page.get_by_role("button", name="Check my answers").click()
    expect(page.locator(".self-check__score")).to_contain_text(f"of {count} questions correctly")
    expect(page.locator(".self-check__result")).to_have_count(count)
    # The choices stay marked, so the visitor sees what they answered.
    for number in range(count):
        expect(questions.nth(number).locator("input[type=radio]").first).to_be_checked()
    assert phone_without_javascript.other_hosts() == set()
