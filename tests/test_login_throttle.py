"""The admin's login throttling: 5 failed logins for an account, or from an address, lock it
out for 10 minutes with a clear message; the lockout ends by itself or by an admin."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client

from pages import login_throttle

LOGIN = "/admin/login/"
LOCKED = "Too many failed logins"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("editor", "e@example.invalid", "right-password-1")


@pytest.fixture
def clock(monkeypatch):
    """The throttle's clock, moved by hand."""
    moment = {"now": 1_000_000.0}
    monkeypatch.setattr(login_throttle, "now", lambda: moment["now"])
    return moment


def attempt(client: Client, username: str, password: str, address: str = "192.0.2.1"):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="en",  # the admin's login page follows the browser
    )


def logged_in(response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.wsgi_request.session


@pytest.mark.django_db
def test_five_failures_lock_the_account_even_with_the_right_password(client, editor, clock):
    for _ in range(4):
        response = attempt(client, "editor", "wrong")
        assert response.status_code == 200 and LOCKED not in response.content.decode()
    response = attempt(client, "editor", "wrong")
    assert LOCKED in response.content.decode()
    assert "10 minutes" in response.content.decode()
    # From another address too: the account itself is locked.
    response = attempt(client, "editor", "right-password-1", address="198.51.100.7")
    assert not logged_in(response)
    assert LOCKED in response.content.decode()


@pytest.mark.django_db
def test_the_message_is_in_the_editors_language(client, editor, clock):
    for _ in range(5):
        attempt(client, "editor", "wrong")
    response = client.post(
        LOGIN, {"username": "editor", "password": "x"}, HTTP_ACCEPT_LANGUAGE="sv"
    )
    assert "För många misslyckade inloggningar" in response.content.decode()


@pytest.mark.django_db
def test_five_failures_from_an_address_lock_it_for_every_account(client, editor, clock):
    for name in ("alice", "bob", "carol", "dave", "erin"):
        attempt(client, name, "guess", address="203.0.113.9")
    response = attempt(client, "editor", "right-password-1", address="203.0.113.9")
    assert not logged_in(response) and LOCKED in response.content.decode()
    assert logged_in(attempt(Client(), "editor", "right-password-1", address="192.0.2.50"))


@pytest.mark.django_db
def test_the_lockout_ends_after_ten_minutes(client, editor, clock):
    for _ in range(5):
        attempt(client, "editor", "wrong")
    clock["now"] += 9 * 60
    assert LOCKED in attempt(client, "editor", "right-password-1").content.decode()
    clock["now"] += 61
    assert logged_in(attempt(client, "editor", "right-password-1"))


@pytest.mark.django_db
def test_an_admin_unlocks_an_account(client, editor, clock):
    for _ in range(5):
        attempt(client, "editor", "wrong", address="192.0.2.1")
    call_command("unlock_logins", "--user", "editor", "--address", "192.0.2.1")
    assert logged_in(attempt(client, "editor", "right-password-1", address="192.0.2.1"))


@pytest.mark.django_db
def test_a_successful_login_forgets_earlier_failures(client, editor, clock):
    for _ in range(4):
        attempt(client, "editor", "wrong", address="192.0.2.1")
    assert logged_in(attempt(client, "editor", "right-password-1", address="192.0.2.2"))
    client.logout()
    for _ in range(4):
        attempt(client, "editor", "wrong", address="192.0.2.3")
    assert logged_in(attempt(client, "editor", "right-password-1", address="192.0.2.4"))


@pytest.mark.django_db
def test_behind_the_proxy_the_address_comes_from_x_forwarded_for(client, editor, clock, settings):
    settings.TRUSTED_PROXIES = 1
    for _ in range(5):
        client.post(
            LOGIN,
            {"username": "nobody", "password": "x"},
            REMOTE_ADDR="10.0.0.2",  # the proxy
            HTTP_X_FORWARDED_FOR="203.0.113.77",
        )
    from_another_editor = Client().post(
        LOGIN,
        {"username": "editor", "password": "right-password-1"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="192.0.2.8",
    )
    assert logged_in(from_another_editor)


@pytest.mark.django_db
def test_login_rotates_the_session_and_sessions_end_when_idle(client, editor, settings):
    session = client.session  # a session before logging in
    session["probe"] = 1
    session.save()
    before = session.session_key
    assert logged_in(attempt(client, "editor", "right-password-1"))
    assert client.session.session_key != before
    assert settings.SESSION_COOKIE_AGE == 30 * 60 and settings.SESSION_SAVE_EVERY_REQUEST
