"""Site search: the visitor's language only, stemming on PostgreSQL, nothing stored."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from pages.search.index import SearchEntry

WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE)", re.IGNORECASE)
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL (CI runs it there)"
)


def result_titles(client, language, query, **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200, query
    html = response.content.decode()
    return re.findall(r'class="search-result__title"><a href="([^"]+)">([^<]+)</a>', html)


def finds(client, language, query, page) -> bool:
    return any(url == page.url for url, _title in result_titles(client, language, query))


@pytest.mark.django_db
@on_postgresql
@pytest.mark.parametrize(
    ("language", "query", "key"),
    [
        ("fi", "ihmiskaupan uhrille", "am-i-a-victim"),  # uhri → uhrille
        ("fi", "pakkotyöhön", "forced-labour"),  # pakkotyö → pakkotyöhön
        ("sv", "människohandeln", "what-is-trafficking"),  # a form the stemmer misses
        ("sv", "tvångsarbetet", "forced-labour"),
        ("en", "trafficked", "what-is-trafficking"),
        ("en", "victims rights", "your-rights"),
    ],
)
def test_inflected_forms_find_their_page(client, demo_page, language, query, key):
    assert finds(client, language, query, demo_page(key, language))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "th", "zh-hans", "so", "fa", "ckb", "fi"])
def test_a_word_of_the_page_finds_it_in_every_script(client, demo_page, language):
    page = demo_page("staying-safe-online", language)
    # A word from the title; for Thai and Chinese (no spaces) a part of it.
    words = page.title.split()
    word = max(words, key=len) if len(words) > 1 else page.title[: max(2, len(page.title) // 2)]
    assert finds(client, language, word, page), word


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "en", "ar", "zh-hans"])
def test_results_are_only_in_the_visitors_language(client, language):
    locale = Locale.objects.get(language_code=language)
    urls = [url for url, _title in result_titles(client, language, "112")]
    assert urls
    assert all(url.startswith(f"/{language}/") for url in urls)
    entries = SearchEntry.objects.filter(language_code=language)
    assert set(entries.values_list("page__locale_id", flat=True)) == {locale.pk}


@pytest.mark.django_db
def test_drafts_unpublished_pages_and_aliases_never_appear(client, demo_page):
    page = demo_page("organ-removal", "en")
    page.title = "Zebracorn organ page"
    page.save_revision()  # a draft: not what visitors see
    assert not finds(client, "en", "zebracorn", page)
    page.get_latest_revision().publish()
    assert finds(client, "en", "zebracorn", page)
    page.unpublish()
    assert result_titles(client, "en", "zebracorn") == []
    # An alias of a Finnish page in Estonian is never indexed.
    alias = demo_page("about", "fi").copy_for_translation(
        Locale.objects.get(language_code="et"), alias=True
    )
    assert not SearchEntry.objects.filter(page=alias).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("", 200),
        ("a" * 2000, 400),
        ("?!.,;:-", 400),
        ("'; DROP TABLE pages_searchentry; --", 200),
        ('"><script>alert(1)</script>', 200),
        ("apua\x00", 200),
        ("\x00\x00", 400),
        ("apua помощь مساعدة 帮助", 200),
        ("%", 400),
        ("_", 400),
    ],
)
def test_bad_input_gets_a_message_never_a_500(client, query, status):
    response = client.get("/fi/search/", {"q": query})
    assert response.status_code == status
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    if status == 400:
        assert 'class="search-message" role="alert"' in html
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize("page_number", ["2", "999", "-1", "x", "1" * 50])
def test_paging_never_fails(client, page_number):
    response = client.get("/en/search/", {"q": "help", "page": page_number})
    assert response.status_code == 200


@pytest.mark.django_db
def test_search_writes_nothing_to_the_database(client):
    with CaptureQueriesContext(connection) as queries:
        for query in ("apua", "pakkotyö", "zzzz", "a" * 2000):
            client.get("/fi/search/", {"q": query})
    assert [q["sql"] for q in queries.captured_queries if WRITES.match(q["sql"])] == []


@pytest.mark.django_db
def test_empty_result_offers_other_ways_to_help(client, demo_page):
    html = client.get("/fi/search/", {"q": "qwxzyv"}).content.decode()
    assert "tel:+358295463177" in html
    assert f'href="{demo_page("victims-help-finder", "fi").url}"' in html
    assert f'href="{demo_page("help-in-your-language", "fi").url}"' in html


@pytest.mark.django_db
def test_every_page_has_the_search_field(client):
    html = client.get("/sv/").content.decode()
    assert 'action="/sv/search/"' in html and 'name="q"' in html


@pytest.mark.django_db
def test_snippet_marks_the_words_and_escapes_the_text(client):
    html = client.get("/en/search/", {"q": "hotline"}).content.decode()
    assert "<mark>hotline</mark>" in html.lower() or "<mark>Hotline</mark>" in html


@pytest.mark.django_db
def test_editors_pin_a_page_for_a_term_per_language(client, demo_page):
    from pages.search.promotions import SearchPromotion

    pinned = demo_page("contact-assistance-system", "fi")
    SearchPromotion.objects.create(
        locale=Locale.objects.get(language_code="fi"), term="Soita ", page=pinned
    )
    html = client.get("/fi/search/", {"q": "soita"}).content.decode()
    promoted = html.split('id="search-promotions-heading"', 1)[1].split("</section>", 1)[0]
    assert f'href="{pinned.url}"' in promoted
    # Not in another language.
    assert (
        "search-promotions-heading"
        not in client.get("/sv/search/", {"q": "soita"}).content.decode()
    )


@pytest.mark.django_db
def test_documents_are_found_by_title_in_the_visitors_language(client):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    Document = get_document_model()
    Document.objects.create(
        title="Esite ihmiskaupan uhreille",
        language="fi",
        file=ContentFile(b"%PDF-1.4", "esite.pdf"),
    )
    Document.objects.create(
        title="Leaflet for victims", language="en", file=ContentFile(b"%PDF-1.4", "leaflet.pdf")
    )
    fi_html = client.get("/fi/search/", {"q": "esite"}).content.decode()
    assert "Esite ihmiskaupan uhreille" in fi_html
    assert "Leaflet for victims" not in client.get("/fi/search/", {"q": "leaflet"}).content.decode()
    assert "Leaflet for victims" in client.get("/en/search/", {"q": "leaflet"}).content.decode()


@pytest.mark.django_db
def test_rebuilding_the_index_gives_the_same_entries():
    from django.core.management import call_command

    before = set(SearchEntry.objects.values_list("page_id", "language_code", "title"))
    call_command("rebuild_search_index", verbosity=0)
    after = set(SearchEntry.objects.values_list("page_id", "language_code", "title"))
    assert before == after and len(after) > 300
