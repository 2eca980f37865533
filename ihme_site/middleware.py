"""Security and privacy headers on every response, with a strict policy for the public site
and a separate, looser one for the Wagtail admin (which needs inline scripts and styles)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

PUBLIC_CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)
ADMIN_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)
# A document is a download; should a browser still open it, it runs nothing.
DOCUMENT_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'"
DOCUMENT_PATH_PREFIX = "/documents/"
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
        "browsing-topics",
    )
)


def is_admin_path(path: str) -> bool:
    return path.startswith(settings.ADMIN_PATH_PREFIXES)


class SecurityHeadersMiddleware:
    """Adds the headers of shared/product/safety.md; outermost, so static files get them too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        admin = is_admin_path(request.path_info)
        if request.path_info.startswith(DOCUMENT_PATH_PREFIX):
            response.headers["Content-Security-Policy"] = DOCUMENT_CSP  # over Wagtail's own
        else:
            response.headers.setdefault(
                "Content-Security-Policy", ADMIN_CSP if admin else PUBLIC_CSP
            )
        # Browsers send "Origin: null" on a POST under no-referrer, which fails Django's CSRF
        # check; the admin's forms need same-origin, and it links nowhere a visitor goes.
        response.headers["Referrer-Policy"] = "same-origin" if admin else "no-referrer"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Permissions-Policy"] = PERMISSIONS_POLICY
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if not admin:
            response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
        return response
