"""The quick exit in a real browser, in a left-to-right and a right-to-left language."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PAGES = {
    "fi": ["/fi/", "/fi/hae-apua/millaista-apua-saat/"],
    "ar": ["/ar/", "/ar/get-help/"],
}
CASES = [(language, path) for language, paths in PAGES.items() for path in paths]


def open_page(recorded, site_url, path):
    page = recorded.page
    response = page.goto(site_url + path)
    assert response.status == 200
    return page


@pytest.mark.parametrize(("language", "path"), CASES)
def test_exit_control_is_visible_and_stays_while_scrolling(phone, site_url, language, path):
    page = open_page(phone, site_url, path)
    control = page.locator(".quick-exit")
    expect(control).to_be_visible()
    page.mouse.wheel(0, 5000)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    box = control.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 740
    assert box["height"] >= 44 and box["width"] >= 44
    # At the end of the line: the right in Finnish, the left in Arabic.
    centre = box["x"] + box["width"] / 2
    assert (centre > 180) if language == "fi" else (centre < 180)


@pytest.mark.parametrize(("language", "path"), CASES)
def test_second_tab_reaches_the_hidden_exit_link(phone, site_url, language, path):
    page = open_page(phone, site_url, path)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.get_attribute("data-quick-exit") is not None
    expect(focused).to_be_visible()
    expect(focused).to_be_in_viewport()


@pytest.mark.parametrize(("language", "path"), CASES)
def test_shift_three_times_leaves_and_back_does_not_return(
    phone, site_url, exit_site, language, path
):
    page = phone.page
    before = f"{site_url}/en/"
    page.goto(before)
    open_page(phone, site_url, path)
    status = page.locator("[data-quick-exit-status]")
    page.keyboard.press("Shift")
    expect(status).not_to_be_empty()
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(page).to_have_url(exit_site)
    page.go_back()
    assert page.url != site_url + path
    assert page.url == before


def test_typing_capitals_does_not_exit(phone, site_url):
    page = open_page(phone, site_url, "/fi/")
    for key in ("Shift+A", "Shift+B", "Shift+C"):
        page.keyboard.press(key)
    page.keyboard.press("Shift")
    expect(page).to_have_url(site_url + "/fi/")


def test_exit_control_blanks_the_page_and_replaces_it(phone, site_url, exit_site):
    page = open_page(phone, site_url, "/fi/")
    open_page(phone, site_url, "/fi/hae-apua/")
    page.locator(".quick-exit").tap()
    expect(page).to_have_url(exit_site)
    page.go_back()
    expect(page).to_have_url(site_url + "/fi/")


def test_overlay_restored_from_the_back_forward_cache_is_removed(phone, site_url):
    page = open_page(phone, site_url, "/fi/")
    page.evaluate("document.documentElement.classList.add('quick-exit-active')")
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    assert (
        page.evaluate("document.documentElement.classList.contains('quick-exit-active')") is False
    )


@pytest.mark.parametrize("language", ["fi", "ar"])
def test_without_javascript_the_exit_is_a_plain_link(
    phone_without_javascript, site_url, exit_site, language
):
    page = open_page(phone_without_javascript, site_url, f"/{language}/")
    control = page.locator(".quick-exit")
    assert control.get_attribute("href") == exit_site
    assert control.get_attribute("rel") == "noreferrer"
    control.tap()
    expect(page).to_have_url(exit_site)


@pytest.mark.parametrize("path", ["/fi/hae-apua/millaista-apua-saat/", "/ar/get-help/"])
def test_sticky_exit_bar_never_covers_the_focused_element(phone, site_url, path):
    page = open_page(phone, site_url, path)
    bar_bottom = page.locator(".quick-exit-bar").bounding_box()["height"]
    # Forwards, then backwards: going back, the browser scrolls the focused element up to
    # the top edge, where only the scroll padding keeps it out from under the bar.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.locator(".site-footer a").last.focus()
    checked = 0
    for _ in range(40):
        page.keyboard.press("Shift+Tab")
        focused = page.evaluate(
            """() => {
              const el = document.activeElement;
              if (!el || el === document.body || el.closest('.quick-exit-bar')
                  || el.classList.contains('skip-link')) return null;
              const box = el.getBoundingClientRect();
              return {top: box.top, html: el.outerHTML.slice(0, 120)};
            }"""
        )
        if focused is None:
            continue
        checked += 1
        assert focused["top"] >= bar_bottom - 1, focused["html"]
    assert checked > 15
