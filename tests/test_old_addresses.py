"""The earlier sites' addresses (shared/product/old-urls.md): each one permanent redirect to
the live page in its language, with or without the trailing slash and with a query string;
an unknown old address gives the 404 page of its language."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect

from pages.old_addresses import OLD_ADDRESSES, load_old_redirects

LISTED_IN_SHARED_README = 21


def variants(path: str) -> list[str]:
    bare = path.rstrip("/")
    return [bare, bare + "/", bare + "?utm_source=leaflet&lang=x", bare + "/?from=old-site"]


def test_every_address_of_the_list_is_loaded():
    assert len(OLD_ADDRESSES) == LISTED_IN_SHARED_README
    assert len({a.path.rstrip("/") for a in OLD_ADDRESSES}) == LISTED_IN_SHARED_README


@pytest.mark.django_db
@pytest.mark.parametrize("address", OLD_ADDRESSES, ids=lambda a: a.path)
def test_an_old_address_is_one_permanent_redirect_to_its_page(client, demo_page, address):
    page = demo_page(address.page_key, address.language)
    assert page.live
    for old in variants(address.path):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == page.url, old
        landed = client.get(response["Location"])
        assert landed.status_code == 200, old
        assert f'lang="{address.language}"' in landed.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("old", "language"),
    [
        ("/en/seek_help/no_such_page", "en"),
        ("/en/human_trafficking/no_such_page/?q=1", "en"),
        ("/sv/information_for_hjalpare/finns_inte", "sv"),
        ("/loyda-apua/ei-tallaista-sivua/", "fi"),
    ],
)
def test_an_unknown_old_address_gives_the_404_page_of_its_language(client, old, language):
    response = client.get(old, follow=True)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert 'action="/' + language + '/search/"' in html
    assert "tel:+358295463177" in html


@pytest.mark.django_db
def test_loading_again_keeps_what_editors_changed(demo_page):
    redirect = Redirect.objects.get(old_path="/loyda-apua")
    redirect.redirect_page = demo_page("contact", "fi")
    redirect.save()
    report = load_old_redirects()
    assert (report.created, report.kept, report.missing) == (0, len(OLD_ADDRESSES), [])
    redirect.refresh_from_db()
    assert redirect.redirect_page_id == demo_page("contact", "fi").pk


@pytest.mark.django_db
def test_the_command_recreates_a_deleted_redirect_and_reports_missing_pages(demo_page, capsys):
    Redirect.objects.filter(old_path="/in_english").delete()
    demo_page("training", "en").delete()
    call_command("load_old_redirects")
    out, err = capsys.readouterr()
    assert "1 redirects created" in out
    assert Redirect.objects.filter(old_path="/in_english").exists()
    assert "/en/new-e-learning-course" in err and "'training' page in en" in err
