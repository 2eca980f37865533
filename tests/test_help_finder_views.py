"""The help finders through real HTTP requests, as a visitor without JavaScript uses them."""

import re
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from wagtail.models import Locale

from help_finder.flow import Outcome, all_routes
from ihme_site.languages import SITE_LANGUAGES
from pages.demo_content.loader import load_language_content

FINDERS_BY_LANGUAGE = [
    (language.code, key)
    for language in SITE_LANGUAGES
    for key in ("victims-help-finder", "referral-guide")
    if key in load_language_content(language.code)["pages"]
]
FALLBACK = ("fi", "sv", "en")
WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE)", re.IGNORECASE)


def test_every_language_has_the_victims_finder_and_full_languages_both():
    languages = {code for code, key in FINDERS_BY_LANGUAGE if key == "victims-help-finder"}
    assert languages == {language.code for language in SITE_LANGUAGES}
    assert {code for code, key in FINDERS_BY_LANGUAGE if key == "referral-guide"} == set(FALLBACK)


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert not response.cookies, url
    assert response["Cache-Control"] == "no-store"
    assert "noindex" in response["X-Robots-Tag"]
    assert response["Referrer-Policy"] == "no-referrer"
    return response.content.decode()


def answer(client, form_action, trail, option_key):
    """Press an answer button: a GET of the form, then the redirect the server sends."""
    query = {"a": ".".join(trail)} if trail else {}
    query["o"] = option_key
    response = client.get(f"{form_action}?{urlencode(query)}")
    assert response.status_code == 302
    assert not response.cookies
    return response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "key"), FINDERS_BY_LANGUAGE)
def test_every_path_leads_to_its_outcome_in_the_language(client, demo_page, language, key):
    finder = demo_page(key, language)
    texts = load_language_content(language)["pages"][key]
    flow = finder.flow
    routes = all_routes(flow)
    assert routes and all(isinstance(end, Outcome) for _steps, end in routes)

    with CaptureQueriesContext(connection) as queries:
        for steps, end in routes:
            html = get_ok(client, finder.url)
            trail: list[str] = []
            for question, option in steps:
                assert escape(texts["questions"][question.key]["text"]) in html
                assert escape(texts["questions"][question.key]["options"][option.key]) in html
                action = f"{finder.url}{question.key}/"
                assert f'action="{action}"' in html
                location = answer(client, action, trail, option.key)
                trail.append(option.key)
                html = get_ok(client, location)
            assert escape(texts["outcomes"][end.key]["title"]) in html
            assert_outcome_links(html, language, end)
    writes = [q["sql"] for q in queries.captured_queries if WRITES.match(q["sql"])]
    assert writes == []


def assert_outcome_links(html: str, language: str, outcome: Outcome) -> None:
    """Each recommended page: live in this language, or named fallbacks in fi, sv, en."""
    section = html.split('id="finder-pages-heading"', 1)[1].split("</section>", 1)[0]
    for page in outcome.pages:
        local = page.get_translation_or_none(Locale.objects.get(language_code=language))
        if local is not None and local.live:
            assert f'<a href="{local.url}">{escape(local.title)}</a>' in section
        else:
            assert 'class="finder-pages__missing"' in section
            for code in FALLBACK:
                fallback = page.get_translation(Locale.objects.get(language_code=code))
                assert f'<a href="{fallback.url}" lang="{code}" hreflang="{code}">' in section


@pytest.mark.django_db
def test_answers_summary_back_and_change_links(client, demo_page):
    finder = demo_page("victims-help-finder", "en")
    html = get_ok(client, f"{finder.url}r3/?a=k2.k1.k3")
    assert "Your answers" in html
    assert f'href="{finder.url}q1/"' in html  # change the first answer
    assert f'href="{finder.url}q2/?a=k2"' in html
    assert f'href="{finder.url}q3/?a=k2.k1"' in html  # change the last answer, and Back
    assert f'<a class="finder-controls__back" href="{finder.url}q3/?a=k2.k1">' in html
    assert f'<a href="{finder.url}">Start again</a>' in html
    assert "tel:+358295463177" in html


@pytest.mark.django_db
def test_outcome_in_a_language_without_the_page_names_the_fallbacks(client, demo_page):
    finder = demo_page("victims-help-finder", "ar")
    html = get_ok(client, f"{finder.url}r5/?a=k2.k2")
    signs = {code: demo_page("signs-of-trafficking", code) for code in FALLBACK}
    for code, page in signs.items():
        assert f'<a href="{page.url}" lang="{code}" hreflang="{code}">' in html
    assert 'class="finder-pages__missing"' in html


@pytest.mark.django_db
def test_finder_step_urls_do_not_spell_out_answers(client, demo_page):
    finder = demo_page("victims-help-finder", "en")
    location = answer(client, f"{finder.url}q1/", [], "k2")
    assert re.fullmatch(rf"{finder.url}q2/\?a=k2", location)
