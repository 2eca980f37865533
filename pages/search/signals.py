"""Keep the search index in step with what is live."""

from __future__ import annotations

from wagtail.signals import page_published, page_unpublished

from .index import index_page, remove_page


def _published(sender, instance, **kwargs) -> None:
    index_page(instance)


def _unpublished(sender, instance, **kwargs) -> None:
    remove_page(instance.pk)


def connect() -> None:
    page_published.connect(_published, dispatch_uid="pages.search.published")
    page_unpublished.connect(_unpublished, dispatch_uid="pages.search.unpublished")
