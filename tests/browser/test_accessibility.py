"""WCAG 2.2 AA in a real browser: axe-core on every page type and language, at a phone's
and a desktop's width; keyboard order and focus; 320 px; 200 % text; print."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
LANGUAGES = ["fi", "sv", "en", "ar", "so"]


def page_types(language: str) -> dict[str, str]:
    """A URL of every page type, by the demo content's slugs."""
    from pages.demo_content.loader import load_language_content

    pages = load_language_content(language)["pages"]
    get_help = pages["get-help"]["slug"]
    finder = pages["victims-help-finder"]["slug"]
    urls = {
        "home": f"/{language}/",
        "section": f"/{language}/{get_help}/",
        "help finder question": f"/{language}/{get_help}/{finder}/q3/?a=k2.k1",
        "help finder outcome": f"/{language}/{get_help}/{finder}/r5/?a=k2.k2",
        "languages": f"/{language}/{pages['help-in-your-language']['slug']}/",
        "content": f"/{language}/{get_help}/{pages['staying-safe-online']['slug']}/",
        "404": f"/{language}/no-such-page/",
        "search results": f"/{language}/search/?q=112",
        "search without results": f"/{language}/search/?q=qwxzyv",
    }
    urls["directory"] = f"/{language}/{get_help}/{pages['help-from-ngos']['slug']}/"
    urls["directory filtered"] = urls["directory"] + "?service=legal&language="
    if "accessibility-statement" in pages:
        urls["accessibility statement"] = f"/{language}/{pages['accessibility-statement']['slug']}/"
    if "news" in pages:  # the full trees: every page type for professionals too
        news, events = pages["news"]["slug"], pages["events"]["slug"]
        authorities, training = pages["for-authorities"]["slug"], pages["training"]["slug"]
        module = f"/{language}/{authorities}/{training}/{pages['training-identification']['slug']}/"
        publications = pages["publications"]["slug"]
        urls |= {
            "news index": f"/{language}/{news}/",
            "news article": f"/{language}/{news}/{pages['news-training-reach']['slug']}/",
            "event index": f"/{language}/{events}/",
            "event": f"/{language}/{events}/{pages['seminar-helping-children']['slug']}/",
            "publication": f"/{language}/{publications}/"
            f"{pages['child-trafficking-study']['slug']}/",
            "training module": module,
            "self-check answered": module + "?q1=1&q2=2&q3=3",
        }
    return urls


CASES = [
    (language, kind, url) for language in LANGUAGES for kind, url in page_types(language).items()
]


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize(("language", "kind", "url"), CASES)
def test_no_axe_violations(browser, site_url, axe, width, language, kind, url):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(site_url + url)
    results = axe.run(page, options=AXE_OPTIONS)
    violations = [
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
    context.close()
    assert violations == []


KEYBOARD_PAGES = ["/fi/", "/fi/hae-apua/millaista-apua-saat/", "/ar/", "/ar/get-help/"]


@pytest.mark.parametrize("path", KEYBOARD_PAGES)
def test_keyboard_order_and_visible_focus(phone, site_url, path):
    page = phone.page
    page.goto(site_url + path)
    order = []
    for _ in range(8):
        page.keyboard.press("Tab")
        order.append(
            page.evaluate(
                """() => {
                  const el = document.activeElement;
                  const style = getComputedStyle(el);
                  return {
                    where: el.closest('main') ? 'main' : el.closest('header') ? 'header'
                      : el.classList.contains('skip-link') ? el.getAttribute('href')
                      : el.closest('.quick-exit-bar') ? 'exit-bar' : 'other',
                    visible: style.outlineStyle !== 'none' || style.boxShadow !== 'none',
                  };
                }"""
            )
        )
    assert order[0]["where"] == "#main"  # the skip link
    assert order[1]["where"] not in ("#main", "header", "main")  # the hidden exit link
    places = [step["where"] for step in order[2:]]
    assert places.index("header") < (places.index("main") if "main" in places else 99)
    assert all(step["visible"] for step in order)


@pytest.mark.parametrize("path", KEYBOARD_PAGES)
def test_no_horizontal_scrolling_at_320_px(browser, site_url, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


CLIPPED = """() => [...document.querySelectorAll('body *')].filter(el => {
  const style = getComputedStyle(el);
  if (el.closest('.visually-hidden, .skip-link, .quick-exit__more')) return false;
  const hidesX = ['hidden', 'clip'].includes(style.overflowX);
  const hidesY = ['hidden', 'clip'].includes(style.overflowY);
  return (hidesX && el.scrollWidth > el.clientWidth + 1)
      || (hidesY && el.scrollHeight > el.clientHeight + 1);
}).map(el => el.outerHTML.slice(0, 100))"""


@pytest.mark.parametrize("path", KEYBOARD_PAGES)
def test_200_percent_text_clips_nothing(browser, site_url, path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + path)
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert page.evaluate(CLIPPED) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    context.close()


MAIN_CONTROLS = [
    ".help-bar__hotline",
    ".help-bar__emergency",
    ".quick-exit",
    ".language-switcher summary",
]


@pytest.mark.parametrize("path", ["/fi/", "/ar/"])
def test_target_sizes(phone, site_url, path):
    page = phone.page
    page.goto(site_url + path)
    for selector in MAIN_CONTROLS:
        box = page.locator(selector).first.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, selector
    page.goto(
        site_url + path + "hae-apua/avun-etsija/"
        if path == "/fi/"
        else site_url + path + "get-help/help-finder/"
    )
    for option in page.locator(".finder-option").all():
        box = option.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44


def test_right_to_left_pages_mirror(phone, site_url):
    page = phone.page
    page.goto(site_url + "/ar/get-help/")
    crumbs = page.locator(".breadcrumbs li")
    first, last = crumbs.first.bounding_box(), crumbs.last.bounding_box()
    assert first["x"] > last["x"]  # the trail runs from right to left
    site_name = page.locator(".site-name").bounding_box()
    switcher = page.locator(".language-switcher summary").bounding_box()
    assert site_name["x"] > switcher["x"]
    expect(page.locator("html")).to_have_attribute("dir", "rtl")


def test_guidance_prints_on_a4_without_navigation(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "/en/for-authorities/identifying-a-victim/")
    page.emulate_media(media="print")
    for hidden in (
        ".primary-nav",
        ".quick-exit-bar",
        ".help-bar",
        ".language-switcher",
        ".breadcrumbs",
    ):
        assert page.locator(hidden).first.evaluate("el => getComputedStyle(el).display") == "none"
    answers = page.locator("details .rich-text").all()
    assert answers and all(answer.is_visible() for answer in answers)  # answers print open
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    context.close()


def test_the_axe_check_finds_a_planted_violation(browser, site_url, axe):
    """Guards the harness: a check that saw nothing would pass every page."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "/fi/")
    page.evaluate("document.querySelector('main').append(document.createElement('img'))")
    results = axe.run(page, options=AXE_OPTIONS)
    assert "image-alt" in {v["id"] for v in results.response["violations"]}
    context.close()


@pytest.mark.parametrize("path", ["/fi/", "/fi/hae-apua/millaista-apua-saat/", "/ar/get-help/"])
def test_the_page_starts_on_the_first_screen_of_a_phone(phone, site_url, path):
    """Hotline, 112 and exit on top, the menu folded: the heading is on screen at once."""
    page = phone.page
    page.goto(site_url + path)
    assert page.locator("main h1").bounding_box()["y"] < 740 / 2
    expect(page.locator(".primary-nav")).to_be_hidden()
    page.locator(".site-menu__toggle").tap()
    expect(page.locator(".primary-nav")).to_be_visible()
    expect(page.locator(".site-header__search input")).to_be_visible()


def test_menu_and_search_are_open_on_a_wide_screen(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "/fi/")
    expect(page.locator(".site-menu__toggle")).to_be_hidden()
    expect(page.locator(".primary-nav")).to_be_visible()
    expect(page.locator(".site-header__search input")).to_be_visible()
    context.close()
