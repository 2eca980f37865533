"""Every public page of the demo site, in every language, in a real browser: no cookie, no
request to another host, no Content-Security-Policy violation, no browser storage."""

from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from ihme_site.languages import SITE_LANGUAGES

pytestmark = pytest.mark.browser

STORAGE_USED = """() => Promise.all([
  Promise.resolve(window.localStorage.length + window.sessionStorage.length),
  navigator.serviceWorker ? navigator.serviceWorker.getRegistrations().then(r => r.length) : 0,
  indexedDB.databases ? indexedDB.databases().then(d => d.length) : 0,
]).then(counts => counts.reduce((a, b) => a + b, 0))"""


def test_crawl_every_public_page(phone, site_url):
    page = phone.page
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    queue = [f"{site_url}/{language.code}/" for language in SITE_LANGUAGES]
    seen: set[str] = set(queue)
    visited = 0
    while queue:
        url = queue.pop(0)
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        visited += 1
        assert page.evaluate(STORAGE_USED) == 0, url
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            link = urldefrag(urljoin(url, href)).url
            parts = urlsplit(link)
            if (
                f"{parts.scheme}://{parts.netloc}" == site_url
                and not parts.path.startswith(("/admin/", "/documents/", "/static/"))
                and not parts.query
                and link not in seen
            ):
                seen.add(link)
                queue.append(link)
    assert visited > 200  # the whole demo tree in 18 languages
    assert phone.context.cookies() == []
    assert phone.other_hosts() == set()
    assert violations == []
