"""What retires cached pages (ihme_site.page_cache): a change retires every language whose
pages can show it.

- A page published, unpublished, moved or deleted (a translation synced and published is a
  publish): its own language (the page, its parent's listing, the navigation) and the
  languages of its translations (their language switchers).
- A contact, an organisation, the site settings, a document or an image: every language,
  because a page shows the source version where a translation is missing.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from ihme_site import page_cache

SHARED_MODELS: list[type] = []


def languages_showing(page: Page) -> set[str]:
    """The page's language and those of its translations (one query)."""
    codes = set(
        Page.objects.filter(translation_key=page.translation_key).values_list(
            "locale__language_code", flat=True
        )
    )
    return codes | {page.locale.language_code}


def purge_front_end(languages: Iterable[str]) -> None:
    """Ask the CDN or proxy in front (if configured) to drop these languages' pages."""
    if not settings.WAGTAILFRONTENDCACHE:
        return
    pages = Page.objects.live().filter(locale__language_code__in=list(languages))
    purge_urls_from_cache([url for page in pages if (url := page.get_full_url())])


def retire(languages: Iterable[str]) -> None:
    """Retire these languages' cached pages now, and again once the change is committed
    (a page cached from the old data in between must not outlive it)."""
    languages = sorted(set(languages))
    page_cache.bump(languages)

    def after_commit() -> None:
        page_cache.bump(languages)
        purge_front_end(languages)

    transaction.on_commit(after_commit)


def _page_changed(sender, instance=None, **kwargs) -> None:
    page = instance if instance is not None else kwargs.get("page")
    if isinstance(page, Page):
        retire(languages_showing(page))


def _shared_content_changed(sender, instance=None, **kwargs) -> None:
    if isinstance(instance, tuple(SHARED_MODELS)):
        retire(page_cache.LANGUAGE_CODES)


def connect() -> None:
    from wagtail.images import get_image_model

    from .directory import Organisation
    from .documents import SiteDocument
    from .models import Contact, SiteSettings

    SHARED_MODELS[:] = [Contact, Organisation, SiteSettings, SiteDocument, get_image_model(), Site]
    for signal in (page_published, page_unpublished):
        signal.connect(_page_changed, dispatch_uid=f"page-cache-{signal}")
    post_page_move.connect(_page_changed, dispatch_uid="page-cache-move")
    post_delete.connect(_page_changed, sender=Page, dispatch_uid="page-cache-delete")
    for model in SHARED_MODELS:
        for signal in (post_save, post_delete):
            signal.connect(
                _shared_content_changed, sender=model, dispatch_uid=f"page-cache-{model}-{signal}"
            )
    for signal in (published, unpublished):
        signal.connect(_shared_content_changed, dispatch_uid=f"page-cache-snippet-{signal}")
