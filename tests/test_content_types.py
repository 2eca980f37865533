"""The page types of every audience: news with paging and a feed, events, publications,
training modules with a self-check, the directory of services; the sitemap, robots.txt and
Open Graph tags; the demo tree reachable from each language's home."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page

from ihme_site.languages import SITE_LANGUAGES
from pages.demo_content.tree import EVERY_LANGUAGE_PAGES, PAGES
from pages.directory import DirectoryPage, Organisation
from pages.events import EventIndexPage, EventPage
from pages.news import NEWS_PER_PAGE, NewsArticlePage, NewsIndexPage
from pages.publications import PublicationPage
from pages.training import TrainingModulePage

TYPES = {
    "news_index": NewsIndexPage,
    "news_article": NewsArticlePage,
    "event_index": EventIndexPage,
    "event": EventPage,
    "publication": PublicationPage,
    "training": TrainingModulePage,
    "directory": DirectoryPage,
}
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_tree_uses_the_page_type_of_each_kind_of_content(demo_page, language):
    for spec in PAGES:
        if spec.page_type in TYPES:
            assert isinstance(demo_page(spec.key, language), TYPES[spec.page_type]), spec.key


LINK = re.compile(r'href="(/[a-z-]+/[^"#?]*)"')


@pytest.mark.django_db
@pytest.mark.parametrize("language", [language.code for language in SITE_LANGUAGES])
def test_every_page_of_a_language_is_reachable_from_its_home(client, language):
    home = f"/{language}/"
    seen, queue = {home}, [home]
    while queue:
        url = queue.pop()
        response = client.get(url)
        assert response.status_code == 200, url
        for link in LINK.findall(response.content.decode()):
            if link.startswith(home) and link not in seen and "/search/" not in link:
                seen.add(link)
                queue.append(link)
    live = {
        page.url for page in Page.objects.live().filter(locale__language_code=language, depth__gt=1)
    }
    assert live - seen == set()
    expected = len(PAGES) if language in ("fi", "sv", "en") else len(EVERY_LANGUAGE_PAGES)
    assert len(live) == expected


# --- News -------------------------------------------------------------------------------------


def add_articles(index: NewsIndexPage, count: int) -> list[NewsArticlePage]:
    today = timezone.localdate()
    articles = []
    for number in range(count):
        article = index.add_child(
            instance=NewsArticlePage(
                title=f"Uutinen {number}",
                slug=f"uutinen-{number}",
                intro=f"Ingressi {number}.",
                date=today - timedelta(days=number),
                body=[("text", "<p>Teksti.</p>")],
            )
        )
        article.save_revision().publish()
        articles.append(article)
    return articles


@pytest.mark.django_db
def test_news_index_pages_ten_at_a_time_newest_first(client, demo_page):
    index = demo_page("news", "fi")
    add_articles(index, 12)
    first = client.get(index.url).content.decode()
    assert first.count('class="card"') == NEWS_PER_PAGE
    assert first.index("Uutinen 0") < first.index("Uutinen 1")
    assert 'rel="next" href="?page=2"' in first
    second = client.get(index.url + "?page=2").content.decode()
    total = NewsArticlePage.objects.child_of(index).live().count()
    assert second.count('class="card"') == total - NEWS_PER_PAGE
    assert 'rel="prev"' in second


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["0", "99", "abc", "-1", "1.5", "9" * 40, "%00"])
def test_a_page_number_that_does_not_exist_is_the_404_page(client, demo_page, number):
    response = client.get(demo_page("news", "fi").url, {"page": number})
    assert response.status_code == 404
    assert "<html" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_news_feed_is_valid_atom_with_every_article_of_the_language(client, demo_page, language):
    index = demo_page("news", language)
    response = client.get(index.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (the site's own response)
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    articles = NewsArticlePage.objects.child_of(index).live().order_by("-date")
    assert titles == [article.title for article in articles]
    links = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    assert all(link.startswith("http") for link in links)
    assert f'href="{index.url}feed/"' in client.get(index.url).content.decode()


@pytest.mark.django_db
def test_news_article_shows_its_date_and_lead(client, demo_page):
    article = demo_page("news-training-reach", "fi")
    html = client.get(article.url).content.decode()
    assert f'datetime="{article.date:%Y-%m-%d}"' in html
    assert article.intro in html


# --- Events -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_events_are_split_into_upcoming_and_past(client, demo_page):
    index = demo_page("events", "en")
    upcoming = index.add_child(
        instance=EventPage(
            title="Coming seminar",
            slug="coming-seminar",
            start=timezone.now() + timedelta(days=30),
            location="Joutseno",
            audience="Social workers",
            registration_url="https://example.org/register",
        )
    )
    upcoming.save_revision().publish()
    html = client.get(index.url).content.decode()
    upcoming_part, past_part = html.split('id="past-heading"')
    assert "Coming seminar" in upcoming_part
    for key in ("seminar-identifying-child-victims", "seminar-helping-children"):
        assert demo_page(key, "en").title in past_part
    event_html = client.get(upcoming.url).content.decode()
    assert 'href="https://example.org/register"' in event_html
    assert "Joutseno" in event_html and "Social workers" in event_html


@pytest.mark.django_db
def test_an_event_cannot_end_before_it_starts(demo_page):
    from django.core.exceptions import ValidationError

    start = timezone.now()
    event = EventPage(
        title="Wrong", slug="wrong", start=start, end=start - timedelta(hours=1), audience="All"
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end" in error.value.message_dict


# --- Publications -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_publication_shows_its_details_documents_and_related_pages(client, demo_page):
    from django.core.files.base import ContentFile

    from pages.documents import SiteDocument

    study = demo_page("child-trafficking-study", "sv")
    document = SiteDocument.objects.create(
        title="Rapport", file=ContentFile(b"%PDF-1.4 report", name="rapport.pdf"), language="sv"
    )
    study.documents = [("document", {"document": document, "title": "Läs rapporten"})]
    study.related_pages = [("page", demo_page("child-victims", "fi"))]
    study.save_revision().publish()
    html = client.get(study.url).content.decode()
    assert study.publisher in html
    assert 'hreflang="sv"' in html and "Läs rapporten" in html and "svenska" in html
    # The related page chosen in Finnish is shown in the reader's language.
    assert f'href="{demo_page("child-victims", "sv").url}"' in html


# --- Training modules and the self-check ------------------------------------------------------


@pytest.mark.django_db
def test_training_module_shows_target_group_objectives_and_self_check(client, demo_page):
    module = demo_page("training-identification", "en")
    response = client.get(module.url)
    html = response.content.decode()
    assert module.target_group in html
    assert "<ul>" in str(module.learning_objectives)
    assert html.count('type="radio"') >= 6
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_self_check_explains_each_answer_and_stores_nothing(
    client, demo_page, django_assert_max_num_queries
):
    module = demo_page("training-identification", "en")
    questions = [block.value for block in module.self_check]
    answers = {}
    for number, question in enumerate(questions, start=1):
        options = [option.value for option in question["options"]]
        correct = next(i for i, option in enumerate(options, start=1) if option["correct"])
        wrong = next(i for i, option in enumerate(options, start=1) if not option["correct"])
        answers[f"q{number}"] = str(correct if number == 1 else wrong)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(module.url, answers)
    writes = [
        q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE"))
    ]
    assert writes == []
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    html = response.content.decode()
    assert f"You answered 1 of {len(questions)} questions correctly." in html
    assert html.count("<strong>Correct.</strong>") == 1
    assert html.count("<strong>Not quite.</strong>") == len(questions) - 1
    for question in questions:
        assert question["explanation"] in html
    assert html.count("self-check__result") == len(questions)


@pytest.mark.django_db
@pytest.mark.parametrize("answer", ["0", "99", "x", "", "1" * 50, "-1"])
def test_self_check_ignores_answers_that_are_not_options(client, demo_page, answer):
    module = demo_page("training-pre-trial-investigation", "sv")
    response = client.get(module.url, {"q1": answer, "q9": "1"})
    assert response.status_code == 200
    assert "checked" not in response.content.decode().split('name="q1"')[1].split(">")[0]


# --- Directory --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_directory_lists_organisations_and_filters_without_javascript(client, demo_page):
    directory = demo_page("help-from-ngos", "fi")
    html = client.get(directory.url).content.decode()
    finnish = Organisation.objects.filter(locale__language_code="fi", live=True)

    def card(organisation) -> str:
        return f'<h3 class="card__title">{organisation.name}</h3>'

    assert len(finnish) == 8
    for organisation in finnish:
        assert card(organisation) in html
    html = client.get(directory.url, {"service": "violence", "language": ""}).content.decode()
    for organisation in finnish:
        assert (card(organisation) in html) == ("violence" in organisation.service_types)
    html = client.get(directory.url, {"service": "", "language": "sv"}).content.decode()
    for organisation in finnish:
        assert (card(organisation) in html) == ("sv" in organisation.languages)


@pytest.mark.django_db
def test_directory_in_a_language_without_organisation_texts_marks_the_fallback(client, demo_page):
    html = client.get(demo_page("help-from-ngos", "ar").url).content.decode()
    english = Organisation.objects.filter(locale__language_code="en").first()
    assert f'lang="en">{english.name}<' in html


@pytest.mark.django_db
@pytest.mark.parametrize("query", [{"service": "nope"}, {"language": "xx"}, {"service": "<b>"}])
def test_an_unknown_filter_value_is_a_400_with_a_message(client, demo_page, query):
    response = client.get(demo_page("help-from-ngos", "en").url, query)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert "<b>" not in response.content.decode().split('role="alert"')[1][:500]


@pytest.mark.django_db
def test_an_unpublished_organisation_is_not_listed(client, demo_page):
    organisation = Organisation.objects.filter(locale__language_code="en").first()
    organisation.live = False
    organisation.save()
    html = client.get(demo_page("help-from-ngos", "en").url).content.decode()
    assert f'<h3 class="card__title">{organisation.name}</h3>' not in html


# --- Sitemap, robots, Open Graph --------------------------------------------------------------


@pytest.mark.django_db
def test_sitemap_lists_every_live_page_once_with_its_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (the site's own response)
    urls = root.findall(f"{SITEMAP}url")
    locations = [url.findtext(f"{SITEMAP}loc") for url in urls]
    live = Page.objects.live().filter(depth__gt=1, alias_of__isnull=True)
    # Addresses on the site's own host name (Settings → Sites), whoever asks.
    assert Counter(locations) == Counter(page.full_url for page in live)
    by_location = dict(zip(locations, urls, strict=True))
    home_fi = by_location["http://localhost/fi/"]
    alternates = {
        link.get("hreflang"): link.get("href") for link in home_fi.findall(f"{XHTML}link")
    }
    assert set(alternates) == {language.code for language in SITE_LANGUAGES} | {"x-default"}
    assert alternates["ar"] == "http://localhost/ar/"
    assert alternates["x-default"] == "http://localhost/fi/"


@pytest.mark.django_db
def test_sitemap_leaves_out_drafts_and_aliases(client, demo_page):
    page = demo_page("your-rights", "sv")
    page.unpublish()
    locations = client.get("/sitemap.xml").content.decode()
    assert f"{page.full_url}<" not in locations


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "ar", "zh-hans"])
def test_pages_have_their_own_title_description_and_open_graph(client, demo_page, language):
    page = demo_page("get-help", language)
    html = client.get(page.url).content.decode()
    assert f"<title>{page.title}" in html.replace("&#x27;", "'")
    assert f'<meta property="og:url" content="{page.full_url}">' in html
    assert f'<meta property="og:locale" content="{language}">' in html
    assert 'property="og:title"' in html and 'name="description"' in html
    assert "og:image" not in html
