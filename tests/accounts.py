"""Logging test users in to the admin past both steps: the password and the second factor
(pages/two_factor.py)."""

from __future__ import annotations

import time
from base64 import b32decode

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def log_in_verified(client: Client, user) -> Client:
    """The client logged in as the user, as if the user had entered a code from an enrolled
    authenticator app (one is enrolled for them if they have none)."""
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def verified_client(user) -> Client:
    return log_in_verified(Client(), user)


def key_from_page(grouped_base32: str) -> bytes:
    """The secret as the set-up page shows it (base 32 in groups), as bytes."""
    text = grouped_base32.replace(" ", "").upper()
    return b32decode(text + "=" * (-len(text) % 8))


def code(key: bytes, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows now (or that many 30-second steps later)."""
    totp = TOTP(key)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"
