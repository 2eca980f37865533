"""The demo-content command: the whole tree, every language's essentials, idempotent."""

import json

import pytest
from django.core.management import call_command
from django.db.models import Count
from wagtail.models import Page, Revision

from ihme_site.languages import SITE_LANGUAGES
from pages.demo_content.loader import CONTENT_DIR, load_language_content
from pages.demo_content.tree import CONTACTS, EVERY_LANGUAGE_PAGES, PAGES
from pages.models import Contact

PAGE_KEYS = {spec.key for spec in PAGES}
CONTACT_KEYS = {spec.key for spec in CONTACTS}


def counts_per_locale(queryset) -> dict[str, int]:
    return dict(queryset.values_list("locale__language_code").annotate(n=Count("pk")).order_by())


@pytest.mark.django_db
def test_running_the_command_twice_changes_nothing():
    before = (
        counts_per_locale(Page.objects),
        counts_per_locale(Contact.objects),
        Revision.objects.count(),
    )
    call_command("load_demo_content", "--no-admin", verbosity=0)
    after = (
        counts_per_locale(Page.objects),
        counts_per_locale(Contact.objects),
        Revision.objects.count(),
    )
    assert before == after


@pytest.mark.django_db
def test_every_language_has_its_pages_and_contacts():
    pages = counts_per_locale(Page.objects.filter(depth__gte=2).live())
    contacts = counts_per_locale(Contact.objects)
    for language in SITE_LANGUAGES:
        expected = len(PAGES) if language.full_tree else len(EVERY_LANGUAGE_PAGES)
        assert pages[language.code] == expected, language.code
        assert contacts[language.code] == len(CONTACTS), language.code


@pytest.mark.django_db
def test_the_command_creates_a_user_per_role_and_prints_the_passwords(capsys, client):
    call_command("load_demo_content")
    output = capsys.readouterr().out
    for username, group, second_factor in [
        ("admin", "superuser", True),
        ("editor", "Editors", False),
        ("moderator", "Moderators", True),
        ("translator", "Translators", False),
    ]:
        line = next(line for line in output.splitlines() if line.strip().startswith(username))
        assert f"({group}," in line
        assert ("sets up two-step verification" in line) == second_factor
        password = line.rsplit("password ", 1)[1].strip()
        assert client.login(username=username, password=password)
        response = client.get("/admin/")
        if second_factor:
            assert response["Location"].startswith("/admin/two-factor/set-up/")
        else:
            assert response.status_code == 200
        client.logout()
    call_command("load_demo_content")
    assert "exists already" in capsys.readouterr().out


@pytest.mark.parametrize("language", SITE_LANGUAGES, ids=lambda language: language.code)
def test_content_files_cover_the_tree_and_nothing_else(language):
    content = load_language_content(language.code)
    expected_pages = PAGE_KEYS if language.full_tree else set(EVERY_LANGUAGE_PAGES)
    assert set(content["pages"]) == expected_pages
    assert set(content["contacts"]) == CONTACT_KEYS
    for key, page in content["pages"].items():
        assert page["title"].strip(), key
        assert len(page.get("search_description", "")) <= 160, key
        for block in page.get("body", []):
            if block["type"] == "page_links":
                assert set(block["value"]["pages"]) <= expected_pages, key
            if block["type"] == "contact":
                assert block["value"] in CONTACT_KEYS, key


def test_no_placeholder_text_and_no_copied_finnish_bodies():
    finnish = load_language_content("fi")["pages"]
    for folder in CONTENT_DIR.iterdir():
        text = " ".join(path.read_text(encoding="utf-8") for path in folder.glob("*.json"))
        for marker in ("lorem", "ipsum", "TODO", "TBD", "placeholder"):
            assert marker not in text, (folder.name, marker)
        if folder.name == "fi":
            continue
        for key, page in load_language_content(folder.name)["pages"].items():
            if page.get("body"):
                assert json.dumps(page["body"]) != json.dumps(finnish[key]["body"]), key


@pytest.mark.django_db
def test_no_page_outside_finnish_is_a_copy_of_the_finnish_one():
    """Every translated page says its own words: no body, title or introduction is the
    Finnish one copied over."""
    from pages.search.index import stream_strings

    def words(page) -> tuple:
        body = getattr(page, "body", None)
        return (page.title, page.intro, tuple(stream_strings(body.raw_data) if body else ()))

    finnish = {
        page.translation_key: words(page)
        for page in Page.objects.filter(locale__language_code="fi", depth__gt=1).specific()
    }
    others = Page.objects.exclude(locale__language_code="fi").filter(depth__gt=1).specific()
    checked = 0
    for page in others:
        title, intro, body = words(page)
        source_title, source_intro, source_body = finnish[page.translation_key]
        assert title != source_title, page.url
        assert not intro or intro != source_intro, page.url
        assert not body or body != source_body, page.url
        checked += 1
    partial_languages = sum(not language.full_tree for language in SITE_LANGUAGES)
    assert checked == 2 * len(PAGES) + partial_languages * len(EVERY_LANGUAGE_PAGES)
