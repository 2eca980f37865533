"""Two-step verification (pages/two_factor.py): superusers and Moderators reach nothing in the
admin until they have enrolled an authenticator app; whoever has one enters a code after the
password; a login that has not passed the code counts for nothing on the public site."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile

from tests.accounts import code, key_from_page, log_in_verified
from tests.test_admin_access import ADMIN_URLS

PASSWORD = "a-long-password-for-tests"
SET_UP = "/admin/two-factor/set-up/"
VERIFY = "/admin/two-factor/verify/"
# What an unverified login may still open (names from pages.two_factor plus the logout
# and the admin's own public views).
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "two_factor_verify",
    "two_factor_set_up",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
}


def make_user(django_user_model, username: str, group: str | None = None, superuser=False):
    create = (
        django_user_model.objects.create_superuser
        if superuser
        else (django_user_model.objects.create_user)
    )
    user = create(username, f"{username}@example.invalid", PASSWORD)
    if group:
        user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def moderator(django_user_model):
    return make_user(django_user_model, "moderator", "Moderators")


@pytest.fixture
def editor(django_user_model):
    return make_user(django_user_model, "editor", "Editors")


def log_in(username: str) -> Client:
    """A client past the password only, through the admin's login form."""
    client = Client()
    response = client.post(
        "/admin/login/",
        {"username": username, "password": PASSWORD},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def enrol(user, key: bytes = b"0123456789abcdefghij") -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Phone", key=key.hex(), confirmed=True)


def held_back(response, step_url: str) -> bool:
    if response.status_code in (301, 302):
        return response["Location"].startswith(step_url)
    return response.status_code in (400, 403, 404, 405)


@pytest.mark.django_db
@pytest.mark.parametrize("superuser", [False, True], ids=["moderator", "superuser"])
def test_without_a_second_factor_the_admin_shows_only_the_set_up(django_user_model, superuser):
    make_user(django_user_model, "someone", None if superuser else "Moderators", superuser)
    client = log_in("someone")
    client.raise_request_exception = True
    for url, name in ADMIN_URLS:
        if name in OPEN_VIEWS:
            continue
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert held_back(response, SET_UP), (method, url, response.status_code)
    # Still the same user, still held back: nothing above logged them out.
    assert held_back(client.get("/admin/"), SET_UP)


@pytest.mark.django_db
def test_an_editor_may_use_the_admin_without_one(editor):
    client = log_in("editor")
    assert client.get("/admin/").status_code == 200
    # Their account page leads to turning it on.
    assert 'href="/admin/two-factor/"' in client.get("/admin/account/").content.decode()
    page = client.get("/admin/two-factor/").content.decode()
    assert "Two-step verification is off" in page and 'href="/admin/two-factor/set-up/"' in page


@pytest.mark.django_db
def test_the_held_back_user_is_sent_on_to_where_they_were_going(moderator):
    response = log_in("moderator").get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{SET_UP}?next=%2Fadmin%2Fpages%2F"


def set_up_page_key(client: Client) -> bytes:
    page = client.get(SET_UP).content.decode()
    return key_from_page(re.search(r"<code data-two-factor-key>([A-Z2-7 ]+)</code>", page)[1])


@pytest.mark.django_db
def test_enrolling_an_app_opens_the_admin(moderator):
    client = log_in("moderator")
    page = client.get(SET_UP).content.decode()
    assert '<svg role="img"' in page and "QR code for your authenticator app" in page
    key = set_up_page_key(client)
    assert len(key) == 20
    # A wrong code: a clear message, nothing enrolled.
    response = client.post(SET_UP, {"code": "000000" if code(key) != "000000" else "111111"})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=moderator, confirmed=True).exists()
    # The same key on reload: the app scanned first still works.
    assert set_up_page_key(client) == key
    # The wrong code slowed guessing down: wait out the delay (by moving it into the past).
    TOTPDevice.objects.filter(user=moderator).update(throttling_failure_timestamp=None)

    session_before = client.session.session_key
    response = client.post(SET_UP, {"code": code(key), "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.session.session_key != session_before  # a new session, as on login
    device = TOTPDevice.objects.get(user=moderator)
    assert device.confirmed
    page = client.get("/admin/")
    assert page.status_code == 200
    assert "Two-step verification is on." in page.content.decode()


@pytest.mark.django_db
def test_an_enrolled_user_enters_a_code_after_the_password(moderator):
    device = enrol(moderator)
    client = log_in("moderator")
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    # Set-up cannot replace the app before the code has been entered.
    assert client.get(SET_UP)["Location"].startswith(VERIFY)

    response = client.post(VERIFY, {"code": "12345"})
    assert "Enter the six digits that the app shows." in response.content.decode()
    wrong = "000000" if code(device.bin_key) != "000000" else "111111"
    response = client.post(VERIFY, {"code": wrong})
    assert "That code is not right" in response.content.decode()
    assert client.get("/admin/").status_code == 302

    right = code(device.bin_key)
    # The wrong code slowed guessing down: wait out the delay (by moving it into the past).
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    response = client.post(VERIFY, {"code": f"{right[:3]} {right[3:]}", "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200

    # The same code cannot be used again, by this or another session.
    other = log_in("moderator")
    response = other.post(VERIFY, {"code": right})
    assert "That code is not right" in response.content.decode()
    assert other.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_wrong_codes_are_throttled(moderator, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 600  # the first delay: long enough to see in a test
    device = enrol(moderator)
    client = log_in("moderator")
    wrong = "000000" if code(device.bin_key) != "000000" else "111111"
    client.post(VERIFY, {"code": wrong})
    # The next try comes before the delay is over: refused even when right.
    response = client.post(VERIFY, {"code": code(device.bin_key)})
    assert "Too many wrong codes. Wait until" in response.content.decode()
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_next_goes_nowhere_outside_the_site(moderator):
    device = enrol(moderator)
    client = log_in("moderator")
    response = client.post(
        VERIFY, {"code": code(device.bin_key), "next": "https://evil.example/admin/"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"


@pytest.mark.django_db
def test_a_login_without_the_code_counts_for_nothing_on_the_site(moderator, demo_page):
    page = demo_page("your-rights", "en")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    enrol(moderator)
    client = log_in("moderator")
    response = client.get(page.url)
    # Sent to log in, as anyone anonymous would be.
    assert response.status_code == 302 and "login" in response["Location"]
    verified = log_in_verified(Client(), moderator)
    assert verified.get(page.url).status_code == 200


@pytest.mark.django_db
def test_an_editor_may_turn_it_off_a_moderator_may_not(editor, moderator):
    enrol(editor)
    client = log_in_verified(Client(), editor)
    response = client.post("/admin/two-factor/", {"action": "turn_off"}, follow=True)
    assert "Two-step verification is off." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor).exists()

    client = log_in_verified(Client(), moderator)
    response = client.post("/admin/two-factor/", {"action": "turn_off"}, follow=True)
    assert "Your role requires two-step verification." in response.content.decode()
    assert TOTPDevice.objects.filter(user=moderator, confirmed=True).exists()


@pytest.mark.django_db
def test_an_admin_resets_a_lost_phone(moderator):
    enrol(moderator)
    call_command("reset_two_factor", "moderator")
    assert not TOTPDevice.objects.filter(user=moderator).exists()
    assert log_in("moderator").get("/admin/")["Location"].startswith(SET_UP)
    with pytest.raises(CommandError):
        call_command("reset_two_factor", "nobody")


@pytest.mark.django_db
def test_the_pages_speak_the_users_language(moderator):
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "fi"
    profile.save()
    enrol(moderator)
    client = log_in("moderator")
    response = client.post(VERIFY, {"code": "12"}, HTTP_ACCEPT_LANGUAGE="en")
    with translation.override("fi"):
        expected = gettext("Enter the six digits that the app shows.")
    assert expected != "Enter the six digits that the app shows."
    assert expected in response.content.decode()


@pytest.mark.django_db
def test_the_step_pages_load_their_icons_and_can_log_out(moderator):
    client = log_in("moderator")
    page = client.get(SET_UP).content.decode()
    sprite = client.get("/admin/sprite/")
    assert sprite.status_code == 200 and "<symbol" in sprite.content.decode()
    assert 'action="/admin/logout/"' in page
    client.post("/admin/logout/")
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
