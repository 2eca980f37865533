"""Login throttling for the admin: after 5 failed logins for an account, or from an address,
that account or address is locked out for 10 minutes, with a clear message; an admin can
unlock it sooner (`manage.py unlock_logins`).

Counts live in the shared cache (Redis in production), so every app server sees them.
Names and addresses are kept only as keyed hashes, and only for the lockout period.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

MAX_FAILURES = 5
LOCKOUT_SECONDS = 10 * 60


def now() -> float:
    return time.time()


def _key(kind: str, value: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()
    return f"login-throttle:{kind}:{digest}"


def client_address(request: HttpRequest | None) -> str:
    """The address the login came from: the proxy's X-Forwarded-For entry when the site
    runs behind TRUSTED_PROXIES proxies (deploy/nginx.conf.template sets it for /admin/)."""
    if request is None:
        return ""
    proxies = settings.TRUSTED_PROXIES
    forwarded = [a.strip() for a in request.headers.get("X-Forwarded-For", "").split(",") if a]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _keys(username: str = "", address: str = "") -> list[str]:
    """The cache keys of an account (by its name, as typed in any case) and an address."""
    keys = [_key("account", username.strip().lower())] if username else []
    return [*keys, _key("address", address)] if address else keys


def _subjects(username: str, request: HttpRequest | None) -> list[str]:
    return _keys(username, client_address(request))


def locked_until(username: str, request: HttpRequest | None) -> float | None:
    """When the lockout of this account or address ends, or None if there is none."""
    ends = [
        state["locked_until"]
        for state in cache.get_many(_subjects(username, request)).values()
        if state.get("locked_until", 0) > now()
    ]
    return max(ends) if ends else None


def record_failure(username: str, request: HttpRequest | None) -> None:
    moment = now()
    for key in _subjects(username, request):
        state = cache.get(key) or {}
        if state.get("window_ends", 0) <= moment:  # failures count for one lockout period
            state = {"failures": 0, "window_ends": moment + LOCKOUT_SECONDS}
        state["failures"] += 1
        if state["failures"] >= MAX_FAILURES:
            state["locked_until"] = moment + LOCKOUT_SECONDS
        cache.set(key, state, timeout=LOCKOUT_SECONDS * 2)


def clear(username: str = "", address: str = "") -> None:
    cache.delete_many(_keys(username, address))


def _on_login_failed(sender, credentials: dict, request: HttpRequest | None = None, **kwargs):
    record_failure(str(credentials.get("username", "")), request)


def _on_logged_in(sender, request: HttpRequest, user, **kwargs) -> None:
    clear(username=user.get_username())


def connect() -> None:
    user_login_failed.connect(_on_login_failed, dispatch_uid="login-throttle-failed")
    user_logged_in.connect(_on_logged_in, dispatch_uid="login-throttle-success")


class ThrottledLoginForm(LoginForm):
    """The admin's login form (WAGTAILADMIN_USER_LOGIN_FORM): a locked account or address
    is told so, and its password is not even checked."""

    locked_message = _(
        "Too many failed logins. Try again in %(minutes)s minutes, or ask an administrator "
        "to unlock your account."
    )

    def clean(self):
        username = self.cleaned_data.get("username", "")
        if locked_until(username, self.request) is None:
            try:
                return super().clean()
            except ValidationError:
                if locked_until(username, self.request) is None:
                    raise
        ends = locked_until(username, self.request) or now()
        minutes = max(1, round((ends - now()) / 60))
        raise ValidationError(self.locked_message, code="locked", params={"minutes": minutes})
