"""Page types, the demo tree of shared/product/site.md, and the rules of the tree."""

import pytest
from wagtail.models import Page

from pages.demo_content.tree import PAGES
from pages.models import ContentPage, HomePage, LanguagesPage, SectionPage

FULL_LANGUAGES = ("fi", "sv", "en")


@pytest.mark.django_db
@pytest.mark.parametrize("language", FULL_LANGUAGES)
@pytest.mark.parametrize(
    ("key", "page_type"),
    [
        ("home", HomePage),
        ("get-help", SectionPage),
        ("what-help-you-can-get", ContentPage),
        ("help-in-your-language", LanguagesPage),
    ],
)
def test_every_page_type_renders_in_the_full_languages(client, demo_page, language, key, page_type):
    page = demo_page(key, language)
    assert isinstance(page, page_type)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{page.title}</h1>".replace("'", "&#x27;") in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", FULL_LANGUAGES)
def test_the_whole_site_tree_is_live_and_renders(client, demo_page, language):
    for spec in PAGES:
        page = demo_page(spec.key, language)
        assert page.live, spec.key
        if spec.parent:
            assert page.get_parent().specific == demo_page(spec.parent, language), spec.key
        assert client.get(page.url).status_code == 200, page.url


@pytest.mark.django_db
def test_section_page_lists_its_children(client, demo_page):
    section = demo_page("get-help", "en")
    html = client.get(section.url).content.decode()
    for child in section.get_children().live():
        assert f'href="{child.url}"' in html


@pytest.mark.django_db
def test_home_shows_doors_and_latest_news(client, demo_page):
    html = client.get("/fi/").content.decode()
    assert f'href="{demo_page("get-help").url}"' in html
    assert f'href="{demo_page("for-authorities").url}"' in html
    assert demo_page("news-referrals-2023").title in html


@pytest.mark.django_db
def test_editors_can_only_build_the_site_tree(demo_page):
    root = Page.get_first_root_node()
    home = demo_page("home")
    section = demo_page("get-help")
    content = demo_page("what-help-you-can-get")
    assert HomePage.can_create_at(root)
    assert not SectionPage.can_create_at(root)
    assert not ContentPage.can_create_at(root)
    assert not HomePage.can_create_at(home)
    assert SectionPage.can_create_at(home) and ContentPage.can_create_at(home)
    assert ContentPage.can_create_at(section) and SectionPage.can_create_at(section)
    assert not LanguagesPage.can_create_at(section)
    # One "Help in your language" page per home page, and content pages have no children.
    assert not LanguagesPage.can_create_at(home)
    assert not ContentPage.can_create_at(content)
    assert not SectionPage.can_create_at(content)


@pytest.mark.django_db
def test_contact_card_shows_the_contact_in_the_page_language(client, demo_page):
    html = client.get(demo_page("contact-assistance-system", "sv").url).content.decode()
    assert "Hjälpsystemets rådgivningstelefon" in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", FULL_LANGUAGES)
def test_accessibility_statement_says_what_act_306_2019_requires(client, demo_page, language):
    page = demo_page("accessibility-statement", language)
    html = client.get(page.url).content.decode()
    assert "306/2019" in html  # the law
    assert "WCAG 2.1" in html  # the compliance level assessed against
    assert "2026" in html  # when and how it was assessed
    assert "mailto:ihmiskauppa.auttamisjarjestelma@migri.fi" in html  # the feedback channel
    assert "14" in html  # the response time, in days
    assert "saavutettavuusvaatimukset.fi" in html  # the supervising authority
    # Linked from the footer of every page.
    footer = client.get(f"/{language}/").content.decode().split('class="site-footer"', 1)[1]
    assert f'href="{page.url}"' in footer
