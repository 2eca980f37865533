"""Two-step verification (TOTP) for the admin, on django-otp's TOTP devices.

Every admin user can turn it on from their account; superusers and Moderators (who publish
what victims read) must: until they have enrolled an authenticator app, the admin shows them
nothing but the set-up page. Whoever has enrolled enters a code after the password.

A login that has passed the password but not the code counts for nothing outside the admin
(private pages and documents see an anonymous visitor), and inside it reaches only the
verification and set-up pages and logout. A reset for someone who lost their phone:
`manage.py reset_two_factor USERNAME`.
"""

from __future__ import annotations

import re
from base64 import b32encode
from collections.abc import Callable
from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import time_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.models import VerifyNotAllowed
from django_otp.plugins.otp_totp.models import TOTPDevice

from ihme_site.middleware import is_admin_path

# The groups whose members must use a second factor (superusers must too).
REQUIRED_FOR_GROUPS = ("Moderators",)
# What an unverified login may still reach in the admin (URL names): the steps themselves,
# and the icons and interface strings that their pages load (as the login page does).
OPEN_BEFORE_VERIFICATION = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "two_factor_verify",
        "two_factor_set_up",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
    }
)
DEVICE_NAME = "Authenticator app"


def required_for(user: AbstractBaseUser) -> bool:
    """Whether the user's role demands a second factor."""
    return user.is_superuser or user.groups.filter(name__in=REQUIRED_FOR_GROUPS).exists()


def enrolled_device(user: AbstractBaseUser) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_step(user: AbstractBaseUser) -> str | None:
    """What a logged-in user must still do before the admin opens: "verify" (enter a code),
    "set_up" (enrol an app, required of their role) or nothing."""
    if not user.is_authenticated or user.is_verified():
        return None
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return "verify"
    return "set_up" if required_for(user) else None


class SecondFactorMiddleware:
    """After django-otp's OTPMiddleware: holds an unverified login at the verification (or
    set-up) page in the admin, and makes it anonymous everywhere else."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None  # a visitor without a session: nothing to check, and no query
        step = pending_step(request.user)
        if step is None:
            return None
        if not is_admin_path(request.path_info):
            request.user = AnonymousUser()
            return None
        if request.resolver_match.url_name in OPEN_BEFORE_VERIFICATION:
            return None
        return redirect(_step_url(step, request.get_full_path()))


def _step_url(step: str, next_url: str) -> str:
    return f"{reverse('two_factor_' + step)}?{urlencode({'next': next_url})}"


def _next_url(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return reverse("wagtailadmin_home")


class CodeForm(forms.Form):
    """A six-digit code from the user's authenticator app, checked against one device
    (django-otp slows down guessing: each wrong code doubles the wait before the next)."""

    code = forms.CharField(
        label=gettext_lazy("Six-digit code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        ),
    )

    def __init__(self, device: TOTPDevice, *args, **kwargs) -> None:
        self.device = device
        super().__init__(*args, **kwargs)

    def clean_code(self) -> str:
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]{6}", code):
            raise ValidationError(_("Enter the six digits that the app shows."), code="format")
        # Checked under a row lock, so that two requests cannot both use one code; the
        # errors are raised after the block, which must commit the failure count.
        with transaction.atomic():
            device = TOTPDevice.objects.select_for_update().get(pk=self.device.pk)
            allowed, details = device.verify_is_allowed()
            accepted = allowed and device.verify_token(code)
        if not allowed and details["reason"] == VerifyNotAllowed.N_FAILED_ATTEMPTS:
            until = time_format(localtime(details["locked_until"]), "H:i:s")
            raise ValidationError(
                _("Too many wrong codes. Wait until %(time)s and try again."),
                code="throttled",
                params={"time": until},
            )
        if not accepted:
            raise ValidationError(
                _("That code is not right. Check that the clock of your phone is right."),
                code="wrong",
            )
        self.device = device
        return code


def _verified(request: HttpRequest, device: TOTPDevice) -> None:
    """The session now counts as verified with this device; a new session key, as on login."""
    request.session.cycle_key()
    otp_login(request, device)


def _step_page(
    request: HttpRequest, step: str, title: str, button: str, form: CodeForm, **context
) -> TemplateResponse:
    """A step's page (templates/two_factor/step.html and the step's own template)."""
    context.update(title=title, button=button, form=form, next=_next_url(request))
    return TemplateResponse(request, f"two_factor/{step}.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    device = enrolled_device(request.user)
    if device is None:
        return redirect(_step_url("set_up", _next_url(request)))
    if request.user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        _verified(request, form.device)
        return redirect(_next_url(request))
    return _step_page(request, "verify", _("Two-step verification"), _("Continue"), form)


def _qr_code(device: TOTPDevice) -> SafeString:
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, light="#fff", title=_("QR code for your authenticator app")
    )
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308 (our own SVG)


def _grouped_key(device: TOTPDevice) -> str:
    """The secret in base 32, in groups of four, for typing into an app by hand."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@never_cache
@require_http_methods(["GET", "POST"])
def set_up(request: HttpRequest) -> HttpResponse:
    """Enrol (or replace) the authenticator app: scan, then prove it with one code. A user
    who already has one must have used it in this session first."""
    user = request.user
    if enrolled_device(user) is not None and not user.is_verified():
        return redirect(_step_url("verify", request.get_full_path()))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    form = CodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = form.device
        with transaction.atomic():
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        _verified(request, device)
        messages.success(request, _("Two-step verification is on."))
        return redirect(_next_url(request))
    return _step_page(
        request,
        "set_up",
        _("Set up two-step verification"),
        _("Turn on"),
        form,
        qr_code=_qr_code(device),
        key=_grouped_key(device),
        required=required_for(user),
        replacing=user.is_verified(),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest) -> HttpResponse:
    """The user's own page: whether it is on; set up, replace, or (if not required) turn off."""
    user = request.user
    required = required_for(user)
    if request.method == "POST" and request.POST.get("action") == "turn_off":
        if required:
            messages.error(request, _("Your role requires two-step verification."))
        else:
            TOTPDevice.objects.filter(user=user).delete()
            messages.success(request, _("Two-step verification is off."))
        return redirect("two_factor_manage")
    context = {"enrolled": enrolled_device(user) is not None, "required": required}
    return TemplateResponse(request, "two_factor/manage.html", context)


def admin_urls() -> list:
    return [
        path("two-factor/", manage, name="two_factor_manage"),
        path("two-factor/verify/", verify, name="two_factor_verify"),
        path("two-factor/set-up/", set_up, name="two_factor_set_up"),
    ]
