"""The whole editorial journey in a real browser: an editor writes, a moderator publishes,
a translator translates, the Finnish page changes, the coverage report notices, a sync
brings the new text in."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import log_in_to_admin

pytestmark = pytest.mark.browser

FINNISH = {
    "title": "Apu kaupan kassalla",
    "intro": "Mistä tunnistaa, että työntekijää hyväksikäytetään.",
    "text": "Työnantaja pitää passisi itsellään.",
    "changed": "Työnantaja pitää passisi ja pankkikorttisi itsellään.",
}
SWEDISH = {
    FINNISH["title"]: "Hjälp vid butikskassan",
    FINNISH["intro"]: "Hur man känner igen att en arbetstagare utnyttjas.",
    FINNISH["text"]: "Arbetsgivaren behåller ditt pass.",
    FINNISH["changed"]: "Arbetsgivaren behåller ditt pass och ditt bankkort.",
    "apu-kaupan-kassalla": "hjalp-vid-butikskassan",
}


def log_in(browser: Browser, site_url: str, username: str) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in_to_admin(page, site_url, username)
    return page


def footer_action(page: Page, name: str) -> None:
    """Open the editor's footer menu of further actions and choose one by its label."""
    page.locator("footer button[data-w-dropdown-target='toggle']").last.click()
    page.locator("footer").get_by_role("button", name=name, exact=True).click()


def type_rich_text(page: Page, text: str, replace: bool = False) -> None:
    """Type into the first rich-text (Draftail) field of the page editor, the first body block."""
    field = page.locator(".public-DraftEditor-content").first
    expect(field).to_be_editable()
    field.click()
    if replace:
        page.keyboard.press("Control+A")
    field.press_sequentially(text)
    expect(field).to_have_text(text)
    # Draftail writes the text to the form's field a moment after the last key.
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile(re.escape(text)))


def approve_and_publish(moderator: Page, site_url: str, title: str) -> None:
    moderator.goto(f"{site_url}/admin/")
    review = moderator.locator("tr", has_text=title)
    review.get_by_role("link", name=title).click()
    footer_action(moderator, "Approve and Publish")
    expect(moderator.locator(".messages")).to_contain_text(f"{title}' has been updated")


def public_status(url: str) -> int:
    try:
        return urllib.request.urlopen(url).status  # noqa: S310 (the local test site)
    except urllib.error.HTTPError as error:
        return error.code


def translate_waiting_texts(translator: Page) -> None:
    """In the translation editor, translate every text still waiting, tab by tab."""
    for tab in ("content", "promote"):
        translator.get_by_role("tab").and_(translator.locator(f"[aria-controls=tab-{tab}]")).click()
        section = translator.locator(f"section#tab-{tab}.active")
        # The editor is drawn by a script after the page loads.
        expect(section.locator("li.incomplete, li.complete").first).to_be_visible()
        waiting = section.locator("li.incomplete:visible")
        while waiting.count():
            item = waiting.first
            source = item.locator("p").first.inner_text().strip()
            item.get_by_role("button", name="Translate").click()
            item.locator("textarea").fill(SWEDISH[source])
            item.get_by_role("button", name="Save").click()
            expect(section.locator("li.complete", has_text=SWEDISH[source])).to_be_visible()


def switch_language(visitor: Page, language: str) -> None:
    visitor.locator("details.language-switcher summary").click()
    visitor.locator(f"details.language-switcher a[hreflang={language}]").click()


def coverage_row(page: Page, site_url: str, title: str):
    page.goto(f"{site_url}/admin/translation-coverage/?language=sv")
    return page.locator("#coverage-pages tr", has_text=title)


def test_editor_moderator_translator_journey(browser, site_url):
    # An editor writes a Finnish page under "Get help" and submits it for moderation.
    editor = log_in(browser, site_url, "editor")
    editor.goto(f"{site_url}/admin/pages/search/?q=Hae+apua")
    editor.get_by_role("link", name="Hae apua", exact=True).first.click()
    get_help_id = re.search(r"/pages/(\d+)/", editor.url)[1]
    editor.goto(f"{site_url}/admin/pages/add/pages/contentpage/{get_help_id}/")
    editor.fill("#id_title", FINNISH["title"])
    editor.fill("#id_intro", FINNISH["intro"])
    # Wagtail fills the address from the title as the editor leaves the field.
    expect(editor.locator("#id_slug")).to_have_value("apu-kaupan-kassalla")
    editor.locator("button.c-sf-add-button").first.click()
    editor.locator(".w-combobox [role=option]", has_text="Text").first.click()
    type_rich_text(editor, FINNISH["text"])
    footer_action(editor, "Submit to Moderators approval")
    expect(editor.locator(".messages")).to_contain_text("submitted for moderation")
    finnish_url = f"{site_url}/fi/hae-apua/apu-kaupan-kassalla/"
    assert public_status(finnish_url) == 404  # not before a moderator publishes it

    # A moderator approves and publishes it.
    moderator = log_in(browser, site_url, "moderator")
    approve_and_publish(moderator, site_url, FINNISH["title"])
    assert public_status(finnish_url) == 200

    # A translator finds it missing in Swedish and translates it in the translation editor.
    translator = log_in(browser, site_url, "translator")
    row = coverage_row(translator, site_url, FINNISH["title"])
    expect(row).to_have_attribute("data-state", "missing")
    row.get_by_role("link", name="Translate").click()
    translator.get_by_label("Swedish").check()
    translator.locator("main form [type=submit]").last.click()
    expect(translator).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    swedish_edit_url = translator.url
    # A new translation is a draft: visitors do not see the Finnish text under /sv/.
    assert public_status(f"{site_url}/sv/fa-hjalp/apu-kaupan-kassalla/") == 404
    translate_waiting_texts(translator)
    expect(translator.get_by_role("button", name="Publish in Swedish")).to_have_count(0)

    # The moderator publishes the Swedish page.
    moderator.goto(swedish_edit_url)
    moderator.get_by_role("button", name="Publish in Swedish").click()
    expect(moderator.locator(".messages")).to_contain_text("Published")

    # The language switcher links the two, both ways.
    visitor = browser.new_context().new_page()
    visitor.goto(finnish_url)
    switch_language(visitor, "sv")
    expect(visitor.locator("h1")).to_have_text(SWEDISH[FINNISH["title"]])
    expect(visitor.locator("main")).to_contain_text(SWEDISH[FINNISH["text"]])
    swedish_url = visitor.url
    switch_language(visitor, "fi")
    expect(visitor).to_have_url(finnish_url)

    row = coverage_row(translator, site_url, FINNISH["title"])
    expect(row).to_have_attribute("data-state", "up-to-date")

    # The Finnish page changes: the Swedish translation is outdated.
    editor.goto(f"{site_url}/admin/pages/search/?q=" + FINNISH["title"].replace(" ", "+"))
    editor.get_by_role("link", name=FINNISH["title"], exact=True).first.click()
    type_rich_text(editor, FINNISH["changed"], replace=True)
    footer_action(editor, "Submit to Moderators approval")
    expect(editor.locator(".messages")).to_contain_text("submitted for moderation")
    approve_and_publish(moderator, site_url, FINNISH["title"])

    row = coverage_row(translator, site_url, FINNISH["title"])
    expect(row).to_have_attribute("data-state", "outdated")
    # A sync brings the new Finnish text into the translation editor.
    row.get_by_role("link", name="Sync").click()
    translator.locator("main form [type=submit]").last.click()
    row = translator.locator("#coverage-pages tr", has_text=FINNISH["title"])
    expect(row).to_have_attribute("data-state", "outdated")
    expect(row).to_contain_text("1 text to translate")
    translator.goto(swedish_edit_url)
    expect(translator.locator("section#tab-content li.incomplete:visible > p")).to_have_text(
        [FINNISH["changed"]]
    )
    translate_waiting_texts(translator)

    moderator.goto(swedish_edit_url)
    moderator.get_by_role("button", name="Publish in Swedish").click()
    expect(moderator.locator(".messages")).to_contain_text("Published")
    visitor.goto(swedish_url)
    expect(visitor.locator("main")).to_contain_text(SWEDISH[FINNISH["changed"]])
    row = coverage_row(translator, site_url, FINNISH["title"])
    expect(row).to_have_attribute("data-state", "up-to-date")
