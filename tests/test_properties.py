"""Property-based tests: whatever a visitor's browser sends in the inputs the public site
reads (help-finder trails and answers, search queries, Accept-Language, page numbers, URL
path segments), the answer is never a server error.

CI runs each with 2 000 generated cases (the "ci" profile, chosen when CI=true); a local run
uses fewer.
"""

from __future__ import annotations

import os
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ihme_site.languages import SITE_LANGUAGES

settings.register_profile(
    "ci",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "dev",
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")

LANGUAGE_CODES = [language.code for language in SITE_LANGUAGES]
# Text as a browser can send it: any character, control characters and NUL included.
ANY_TEXT = st.text(max_size=300)
# Trails look like "k2.k1": mostly near-valid keys, sometimes anything at all.
TRAIL = st.one_of(
    st.lists(st.from_regex(r"[a-z0-9]{0,10}", fullmatch=True), max_size=40).map(".".join),
    ANY_TEXT,
)
# Header values must be Latin-1 on the wire (WSGI); anything within it.
HEADER_TEXT = st.text(alphabet=st.characters(max_codepoint=255, blacklist_categories=["Cc"]))
PAGE_NUMBER = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    ANY_TEXT,
    st.sampled_from(["", "0", "-1", "1e9", "NaN", "inf", "1.5", "٣", "last", " 2"]),
)


def no_server_error(response) -> None:
    assert response.status_code < 500, (response.status_code, response.content[:500])


@pytest.fixture
def visitor() -> Client:
    # A view that raises shows as the exception itself, not as a 500 page.
    return Client(raise_request_exception=True)


@pytest.mark.django_db
@given(
    language=st.sampled_from(["fi", "en", "ar"]),
    key=st.one_of(st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True), st.just("q1")),
    trail=TRAIL,
    chosen=st.one_of(st.none(), ANY_TEXT),
    extra=st.dictionaries(st.text(min_size=1, max_size=5), ANY_TEXT, max_size=3),
)
def test_help_finder_steps_never_fail(visitor, demo_page, language, key, trail, chosen, extra):
    finder = demo_page("victims-help-finder", language)
    query = {**extra, "a": trail}
    if chosen is not None:
        query["o"] = chosen
    no_server_error(visitor.get(f"{finder.url}{key}/", query))


@pytest.mark.django_db
@given(
    language=st.sampled_from(LANGUAGE_CODES),
    query=ANY_TEXT,
    page=st.one_of(st.none(), PAGE_NUMBER),
)
def test_search_never_fails(visitor, language, query, page):
    params = {"q": query} if page is None else {"q": query, "page": page}
    no_server_error(visitor.get(f"/{language}/search/", params))


@pytest.mark.django_db
@given(accept_language=HEADER_TEXT)
def test_any_accept_language_leads_to_a_home_page(visitor, accept_language):
    response = visitor.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"].strip("/") in LANGUAGE_CODES


@pytest.mark.django_db
@given(page=PAGE_NUMBER, language=st.sampled_from(["fi", "sv", "en"]))
def test_any_page_number_of_the_news_is_a_page_or_a_404(visitor, demo_page, page, language):
    response = visitor.get(demo_page("news", language).url, {"page": page})
    assert response.status_code in (200, 404), response.status_code


@pytest.mark.django_db
@given(
    language=st.one_of(st.sampled_from(LANGUAGE_CODES), st.text(max_size=6)),
    segments=st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=5),
    trailing_slash=st.booleans(),
)
def test_any_address_is_a_page_a_redirect_or_a_404(visitor, language, segments, trailing_slash):
    path = "/" + "/".join(quote(part, safe="") for part in [language, *segments])
    response = visitor.get(path + ("/" if trailing_slash else ""))
    assert response.status_code in (200, 301, 302, 400, 404), (path, response.status_code)
