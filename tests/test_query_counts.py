"""A page view runs a fixed number of queries, whatever the number of languages, pages or
the page's depth in the tree."""

import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from ihme_site.languages import SITE_LANGUAGES
from pages.models import ContentPage

#: The most queries a view of a page that is not in the full-page cache may run, when the
#: language's shared chrome (menu, hotline, footer) is cached: the usual miss, a page not
#: viewed since the language's pages were last retired. A repeat view runs none
#: (tests/test_page_cache.py).
PAGE_VIEW_QUERY_BUDGET = 8
#: The most with every cache empty (the first view after a change, Wagtail's site root
#: paths included).
COLD_PAGE_VIEW_QUERY_BUDGET = 14


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    assert response.get("X-Page-Cache") != "hit", url
    return len(captured.captured_queries)


def count_queries(client, url: str) -> int:
    """Queries of a view of the page that misses the full-page cache, the language's shared
    chrome cached (another address of the same page is another cache entry)."""
    cache.clear()
    client.get(url)
    return _queries(client, url + "?view=uncached")


def count_cold_queries(client, url: str) -> int:
    """Queries of a view with every cache empty."""
    cache.clear()
    return _queries(client, url)


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
    cold_with_18_languages = [count_cold_queries(client, url) for url in urls]
    assert max(cold_with_18_languages) <= COLD_PAGE_VIEW_QUERY_BUDGET

    # The same site with only fi, sv and en.
    for language in SITE_LANGUAGES:
        if not language.full_tree:
            demo_page("home", language.code).delete()
    assert Page.objects.filter(depth=2).count() == 3
    with_3_languages = [count_queries(client, url) for url in urls]
    cold_with_3_languages = [count_cold_queries(client, url) for url in urls]

    # 5 children in the section and on the home page's menu, then 50.
    extra_section = demo_page("for-civil-society", "en")
    add_children(extra_section, 2)
    assert extra_section.get_children().count() == 5
    with_5_children = count_queries(client, extra_section.url)
    cold_with_5_children = count_cold_queries(client, extra_section.url)
    add_children(extra_section, 45)
    add_children(home, 45)
    with_50_children = count_queries(client, extra_section.url)
    cold_with_50_children = count_cold_queries(client, extra_section.url)
    after_growth = [count_queries(client, url) for url in urls]
    cold_after_growth = [count_cold_queries(client, url) for url in urls]

    assert with_18_languages == with_3_languages == after_growth
    assert cold_with_18_languages == cold_with_3_languages == cold_after_growth
    assert with_5_children == with_50_children <= PAGE_VIEW_QUERY_BUDGET
    assert cold_with_5_children == cold_with_50_children <= COLD_PAGE_VIEW_QUERY_BUDGET


# Every page type of the demo site, in a full-tree and a right-to-left language.
EVERY_PAGE_TYPE = [
    "home",
    "get-help",
    "your-rights",
    "victims-help-finder",
    "help-from-ngos",
    "help-in-your-language",
    "news",
    "news-clients-2022",
    "events",
    "seminar-helping-children",
    "child-trafficking-study",
    "training-identification",
]


@pytest.mark.django_db
@pytest.mark.parametrize("key", EVERY_PAGE_TYPE)
def test_every_page_type_keeps_to_the_budget(client, demo_page, key):
    url = demo_page(key, "en").url
    assert count_queries(client, url) <= PAGE_VIEW_QUERY_BUDGET
    assert count_cold_queries(client, url) <= COLD_PAGE_VIEW_QUERY_BUDGET


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_depth_of_the_page(client, demo_page):
    """Routing finds a page in one query, however deep (Wagtail takes two per level)."""

    def empty_page(parent, slug: str) -> ContentPage:
        return parent.add_child(instance=ContentPage(title=slug, slug=slug, body="[]"))

    shallow = empty_page(demo_page("home", "en"), "shallow")
    deeper = empty_page(demo_page("get-help", "en"), "deeper")
    deepest = empty_page(deeper, "deepest")
    assert [shallow.depth, deeper.depth, deepest.depth] == [3, 4, 5]
    counts = {count_queries(client, page.url) for page in (shallow, deeper, deepest)}
    assert len(counts) == 1, counts
    cold = {count_cold_queries(client, page.url) for page in (shallow, deeper, deepest)}
    assert len(cold) == 1, cold


@pytest.mark.django_db
def test_a_view_restriction_on_an_ancestor_is_still_enforced(client, demo_page):
    from wagtail.models import PageViewRestriction

    section = demo_page("get-help", "en")
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    cache.clear()
    response = client.get(demo_page("your-rights", "en").url)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"] or "login" in response["Location"]


@pytest.mark.django_db
def test_the_one_query_helpers_agree_with_wagtails_own(demo_page):
    from wagtail.models import PageViewRestriction

    from pages.base import with_intro, without_restricted

    PageViewRestriction.objects.create(page=demo_page("news", "sv"), restriction_type="login")
    PageViewRestriction.objects.create(page=demo_page("about", "en"), restriction_type="login")
    alias = demo_page("about", "en").create_alias(
        parent=demo_page("for-civil-society", "en"), update_slug="about-alias"
    )
    everything = Page.objects.filter(depth__gt=1)
    assert set(without_restricted(everything)) == set(everything.public())
    for page in (alias, demo_page("about", "en"), demo_page("news-clients-2022", "sv")):
        assert set(page.get_view_restrictions()) == set(Page.get_view_restrictions(page))
    assert alias.get_view_restrictions().exists()
    section = demo_page("get-help", "fi")
    cards = {page.pk: page.intro for page in with_intro(section.get_children())}
    assert cards == {page.pk: page.intro for page in section.get_children().specific()}
    assert all(cards.values())
