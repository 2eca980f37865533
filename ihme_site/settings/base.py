"""Settings shared by every environment.

The environment is read here and nowhere else; dev, test and production only adjust.
See the table of environment variables in README.md.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO

from ihme_site.languages import DEFAULT_LANGUAGE, SITE_LANGUAGES, lang_info

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# --- Environment -----------------------------------------------------------------------
ENV = os.environ
SECRET_KEY = ENV.get("DJANGO_SECRET_KEY", "")
# Old keys still accepted for signatures (sessions) while a new key is rolled out.
SECRET_KEY_FALLBACKS = [k for k in ENV.get("DJANGO_SECRET_KEY_FALLBACKS", "").split(",") if k]
ALLOWED_HOSTS = [h for h in ENV.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]
DATABASES = {
    "default": dj_database_url.parse(
        ENV.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(ENV.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A database that is away must fail a request quickly (the 503 page), not hang it.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
        ENV.get("DATABASE_CONNECT_TIMEOUT", "3")
    )
REDIS_URL = ENV.get("REDIS_URL", "")
WAGTAILADMIN_BASE_URL = ENV.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
MEDIA_ROOT = ENV.get("MEDIA_ROOT", str(BASE_DIR / "media"))
STATIC_ROOT = ENV.get("STATIC_ROOT", str(BASE_DIR / "static_collected"))
LOG_LEVEL = ENV.get("LOG_LEVEL", "INFO")
# How many proxies in front of the app add themselves to X-Forwarded-For (the admin's login
# throttling reads the client address there); 0: the address is the connection's.
TRUSTED_PROXIES = int(ENV.get("TRUSTED_PROXIES", "0"))
# Where `manage.py backup` writes its archives unless told otherwise.
BACKUP_DIR = ENV.get("BACKUP_DIR", str(BASE_DIR / "backups"))
# Production only: "false" where TLS ends before the app and the proxy redirects to HTTPS.
SSL_REDIRECT = ENV.get("DJANGO_SECURE_SSL_REDIRECT", "true") == "true"
# Where the quick exit sends a visitor when the site settings name no other place.
QUICK_EXIT_URL = ENV.get("QUICK_EXIT_URL", "https://www.ilmatieteenlaitos.fi/saa")
# Machine translation in the translation editor: DeepL when a key is given (texts are then
# sent to DeepL), else the offline translation memory.
DEEPL_API_KEY = ENV.get("DEEPL_API_KEY", "")
# How long a CDN in front may keep a public page, and serve it stale while it refetches.
CDN_S_MAXAGE = int(ENV.get("CDN_S_MAXAGE", "300"))
CDN_STALE_WHILE_REVALIDATE = int(ENV.get("CDN_STALE_WHILE_REVALIDATE", "60"))
# Purging a CDN or caching proxy in front when pages change: an HTTP PURGE endpoint
# (Varnish, nginx) and/or Cloudflare. Unset: nothing is purged.
FRONTEND_CACHE_PURGE_URL = ENV.get("FRONTEND_CACHE_PURGE_URL", "")
CLOUDFLARE_API_TOKEN = ENV.get("CLOUDFLARE_API_TOKEN", "")
CLOUDFLARE_ZONE_ID = ENV.get("CLOUDFLARE_ZONE_ID", "")

DEBUG = False

# --- Applications ------------------------------------------------------------------------
INSTALLED_APPS = [
    "pages",
    "help_finder",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "ihme_site.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The page cache keeps each page as sent: compressed once per encoding, not per view.
    "ihme_site.page_cache.FullPageCacheMiddleware",
    "ihme_site.compression.CompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-step verification: who has entered a code, and holding back who has not.
    "django_otp.middleware.OTPMiddleware",
    "pages.two_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "ihme_site.urls"
WSGI_APPLICATION = "ihme_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ---------------------------------------------------------------------------
# Django lacks Somali and Filipino; give every site language its own name and direction.
LANG_INFO.update(lang_info())
LANGUAGE_CODE = DEFAULT_LANGUAGE
LANGUAGES = [(language.code, language.name) for language in SITE_LANGUAGES]
LANGUAGES_BIDI = [language.code for language in SITE_LANGUAGES if language.bidi]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    (language.code, language.name_local) for language in SITE_LANGUAGES if language.full_tree
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Helsinki"

# --- Static and media files --------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Cache ---------------------------------------------------------------------------------
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ihme",
            "OPTIONS": {
                # Redis down must not take the site down: every cache call then misses
                # (pages come from the database), and quickly.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Full-page cache (ihme_site.page_cache) -------------------------------------------------
PAGE_CACHE_SKIP_PREFIXES = (
    "/admin/",
    "/documents/",
    "/static/",
    "/media/",
    "/healthz",
    "/readyz",
)
# Changes retire pages at once (by generation); the lifetime only bounds the memory used.
PAGE_CACHE_SECONDS = 24 * 60 * 60

WAGTAILFRONTENDCACHE: dict[str, dict[str, str]] = {}
# Every purged address already carries its own language: no copies for the other prefixes.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_PURGE_URL,
    }
if CLOUDFLARE_API_TOKEN and CLOUDFLARE_ZONE_ID:
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": CLOUDFLARE_API_TOKEN,
        "ZONEID": CLOUDFLARE_ZONE_ID,
    }

# --- Wagtail -------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Ihmiskauppa.fi"
# No avatars from Gravatar: the admin, too, sends nothing to other hosts.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_DOCUMENT_MODEL = "pages.SiteDocument"
# Uploads (pages/uploads.py): documents by type and content, images by Wagtail's checks.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "pages.uploads.CheckedDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "pages.uploads.CheckedImageForm"
DOCUMENT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Far above any photo, far below a decompression bomb (20 000 x 20 000 is 400 million).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
# Every document is a download, never opened in the site's own origin.
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt", "xlsx", "ods", "csv"]
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}

# --- Translation ---------------------------------------------------------------------------
# A new translation starts as a draft, even of a live page or contact: until a moderator
# publishes it, visitors would otherwise read the untranslated Finnish text under /sv/….
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "pages.editorial.machine_translation.TranslationMemory",
        "OPTIONS": {},
    }

# --- Logging -------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's request logger writes the full path with its query string; a query string
        # can hold a search or help-finder answer, so it stays out of the logs.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": [], "level": "ERROR", "propagate": False},
        # One line per background task and page save is noise in a console.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# --- Security defaults (public responses get more in production) ---------------------------
# Paths under the admin's looser Content-Security-Policy (ihme_site.middleware).
ADMIN_PATH_PREFIXES = ("/admin/",)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"  # the admin: same-origin (ihme_site.middleware)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Editors are logged out after 30 minutes without a request (each request renews it).
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Editors' accounts: login throttling (pages.login_throttle) and the name authenticator apps
# show beside the account (pages.two_factor).
WAGTAILADMIN_USER_LOGIN_FORM = "pages.login_throttle.ThrottledLoginForm"
OTP_TOTP_ISSUER = "Ihmiskauppa.fi admin"

# --- Contact data that must show even when the database does not answer (the 500 page) --
HOTLINE_PHONE = "+358 29 546 3177"
