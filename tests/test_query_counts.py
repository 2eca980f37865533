"""A page view runs a fixed number of queries, whatever the number of languages or pages."""

import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from ihme_site.languages import SITE_LANGUAGES
from pages.models import ContentPage

#: The most queries a page view may run with every cache empty (Wagtail's site root paths
#: included); the full-page cache makes a repeat view run none (tests/test_page_cache.py).
#: A listing of children of several page types costs one query per type (`.specific()`).
PAGE_VIEW_QUERY_BUDGET = 22


def count_queries(client, url: str) -> int:
    """Queries of an uncached view of the page (the full-page cache emptied first)."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries)


def add_children(section: Page, count: int) -> None:
    start = section.get_children().count()
    for number in range(start, start + count):
        section.add_child(
            instance=ContentPage(
                title=f"Extra page {number}",
                slug=f"extra-page-{number}",
                show_in_menus=True,
                body=json.dumps([{"type": "text", "value": "<p>Text.</p>"}]),
            )
        )


@pytest.mark.django_db
def test_queries_do_not_grow_with_languages_or_child_pages(client, demo_page):
    content = demo_page("your-rights", "en")
    section = demo_page("get-help", "en")
    home = demo_page("home", "en")
    urls = [content.url, section.url, home.url, demo_page("help-in-your-language", "en").url]

    with_18_languages = [count_queries(client, url) for url in urls]
    assert max(with_18_languages) <= PAGE_VIEW_QUERY_BUDGET

    # The same site with only fi, sv and en.
    for language in SITE_LANGUAGES:
        if not language.full_tree:
            demo_page("home", language.code).delete()
    assert Page.objects.filter(depth=2).count() == 3
    with_3_languages = [count_queries(client, url) for url in urls]

    # 5 children in the section and on the home page's menu, then 50.
    extra_section = demo_page("for-civil-society", "en")
    add_children(extra_section, 2)
    assert extra_section.get_children().count() == 5
    with_5_children = count_queries(client, extra_section.url)
    add_children(extra_section, 45)
    add_children(home, 45)
    with_50_children = count_queries(client, extra_section.url)
    after_growth = [count_queries(client, url) for url in urls]

    assert with_18_languages == with_3_languages == after_growth
    assert with_5_children == with_50_children
