"""The language switcher, hreflang alternates, breadcrumbs and the menu."""

import re

import pytest

from ihme_site.languages import SITE_LANGUAGES


def alternates(html: str) -> list[str]:
    return re.findall(r'<link rel="alternate" hreflang="([^"]+)"', html)


def switcher_languages(html: str) -> list[str]:
    switcher = html.split('class="language-switcher__list"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<(?:a|span)[^>]* lang="([^"]+)"', switcher)


@pytest.mark.django_db
def test_home_lists_every_language(client):
    html = client.get("/en/").content.decode()
    codes = [language.code for language in SITE_LANGUAGES]
    assert alternates(html) == [*codes, "x-default"]
    assert switcher_languages(html) == codes


@pytest.mark.django_db
def test_switcher_lists_exactly_the_live_translations(client, demo_page):
    page = demo_page("signs-of-trafficking", "en")
    html = client.get(page.url).content.decode()
    assert alternates(html) == ["fi", "sv", "en", "x-default"]
    assert switcher_languages(html) == ["fi", "sv", "en"]
    fi_url = demo_page("signs-of-trafficking", "fi").url
    assert f'<a href="{fi_url}" lang="fi" hreflang="fi"' in html
    assert f'hreflang="x-default" href="http://testserver{fi_url}"' in html


@pytest.mark.django_db
def test_unpublished_translation_and_alias_never_appear(client, demo_page):
    from wagtail.models import Locale

    source = demo_page("about", "fi")
    demo_page("about", "sv").unpublish()
    # An alias in Arabic: the Finnish page shown under /ar/ until it is translated.
    source.copy_for_translation(Locale.objects.get(language_code="ar"), alias=True)

    html = client.get(source.url).content.decode()
    assert alternates(html) == ["fi", "en", "x-default"]
    assert switcher_languages(html) == ["fi", "en"]


@pytest.mark.django_db
def test_switcher_links_carry_lang_and_hreflang(client):
    html = client.get("/fi/").content.decode()
    assert '<a href="/ar/" lang="ar" hreflang="ar" dir="rtl">العربية</a>' in html
    assert '<a href="/so/" lang="so" hreflang="so" dir="ltr">Soomaali</a>' in html


@pytest.mark.django_db
def test_help_in_your_language_is_linked_from_every_page(client, demo_page):
    for language in ("fi", "ar", "so"):
        languages_page = demo_page("help-in-your-language", language)
        html = client.get(demo_page("get-help", language).url).content.decode()
        assert f'class="language-switcher__all" href="{languages_page.url}"' in html


@pytest.mark.django_db
def test_languages_page_names_every_language_in_its_own_script(client, demo_page):
    html = client.get(demo_page("help-in-your-language", "en").url).content.decode()
    for language in SITE_LANGUAGES:
        assert f'<li lang="{language.code}"' in html
        assert f">{language.name_local}</a>" in html


@pytest.mark.django_db
def test_breadcrumbs_and_menu_mark_the_current_section(client, demo_page):
    page = demo_page("identifying-a-victim", "en")
    html = client.get(page.url).content.decode()
    section = demo_page("for-authorities", "en")
    assert f'<a href="{section.url}" aria-current="true">' in html
    crumbs = html.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert f'href="{section.url}"' in crumbs
    assert f'<li aria-current="page">{page.title}</li>' in crumbs


@pytest.mark.django_db
def test_footer_links_follow_the_page_language(client, demo_page):
    html = client.get("/sv/").content.decode()
    footer = html.split('class="site-footer"', 1)[1]
    for key in ("about", "contact", "accessibility-statement", "privacy-notice"):
        assert f'href="{demo_page(key, "sv").url}"' in footer
