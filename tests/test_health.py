"""Health checks, and the 503 page when the database does not answer."""

from __future__ import annotations

import pytest
from django.db import InterfaceError, OperationalError
from django.utils import translation
from wagtail.models import Site


def test_healthz_answers_without_the_database(client):
    # No django_db mark: any database access would raise.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.django_db
def test_readyz_is_ok_when_database_and_cache_answer(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.django_db
def test_readyz_is_503_when_the_database_does_not_answer(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", refuse)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


@pytest.mark.django_db
def test_readyz_is_503_when_the_cache_loses_what_it_was_given(client, monkeypatch):
    # As the Redis client does when Redis is down: errors swallowed, every read a miss.
    monkeypatch.setattr("django.core.cache.cache.get", lambda *args, **kwargs: None)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}


def test_health_checks_take_no_post(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
@pytest.mark.parametrize(
    ("path", "language", "direction"),
    [("/fi/hae-apua/", "fi", "ltr"), ("/fa/", "fa", "rtl"), ("/sv/search/?q=rights", "sv", "ltr")],
)
def test_database_away_gives_the_translated_503_page(
    client, monkeypatch, error, path, language, direction
):
    def away(*args, **kwargs):
        raise error("the database does not answer")

    monkeypatch.setattr("django.db.backends.base.base.BaseDatabaseWrapper.cursor", away)
    client.raise_request_exception = False
    response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    with translation.override(language):
        assert translation.gettext("The site is temporarily unavailable") in html
    assert 'href="tel:+358295463177"' in html and 'href="tel:112"' in html
    assert "Traceback" not in html and "OperationalError" not in html


@pytest.mark.django_db
def test_a_bug_is_still_a_500_not_a_503(client, monkeypatch):
    def bug(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(Site, "find_for_request", bug)
    client.raise_request_exception = False
    response = client.get("/fi/")
    assert response.status_code == 500
    assert "no-store" in response["Cache-Control"]
