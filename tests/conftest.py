"""Shared fixtures: the demo site, built once per test session, is the page-tree fixture."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Page
from wagtail.users.models import UserProfile

from pages.demo_content.loader import translation_key
from tests.accounts import log_in_verified


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo site of every language in the test database, for every test to read."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", "--no-admin", verbosity=0)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches site root paths; a test's changes must not leak into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo_page(db):
    """The demo page with a tree.py key in a language, e.g. demo_page("get-help", "ar")."""

    def find(key: str, language: str = "fi") -> Page:
        return Page.objects.get(
            translation_key=translation_key("page", key), locale__language_code=language
        ).specific

    return find


@pytest.fixture
def editor_client(client, django_user_model):
    """A client logged in to the admin (past the second factor) as a superuser whose admin
    language is English."""
    user = django_user_model.objects.create_superuser("editor", "editor@example.invalid", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return log_in_verified(client, user)


@pytest.fixture
def group_user(db, django_user_model):
    """A user in one of the editorial groups (Editors, Moderators, Translators)."""
    from django.contrib.auth.models import Group

    def make(group: str, username: str | None = None, language: str = "en"):
        user = django_user_model.objects.create_user(
            username or group.lower(), f"{group.lower()}@example.invalid", "pw"
        )
        user.groups.add(Group.objects.get(name=group))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        return user

    return make
