"""Publications: a report or study with its summary, authors, documents per language and
related pages."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .base import BasePage
from .blocks import BodyBlock
from .blocks.media import DocumentLinkBlock
from .localization import localize_all


class DocumentsBlock(blocks.StreamBlock):
    document = DocumentLinkBlock()


class RelatedPagesBlock(blocks.StreamBlock):
    page = blocks.PageChooserBlock(label=_("Page"))


class PublicationPage(BasePage):
    """The introduction is the summary; the body tells more; documents are the publication
    itself, each marked with its language."""

    publication_date = models.DateField(_("publication date"), default=datetime.date.today)
    authors = models.CharField(_("authors"), max_length=300, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    documents = StreamField(
        DocumentsBlock(),
        blank=True,
        verbose_name=_("documents"),
        help_text=_("The publication in each language it exists in (set the document's language)."),
    )
    related_pages = StreamField(RelatedPagesBlock(), blank=True, verbose_name=_("related pages"))

    parent_page_types = ["pages.SectionPage"]
    subpage_types: list[str] = []
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("authors"),
        index.SearchField("body"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("publication_date"), FieldPanel("authors"), FieldPanel("publisher")],
            heading=_("Publication details"),
        ),
        FieldPanel("body"),
        FieldPanel("documents"),
        FieldPanel("related_pages"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("publication_date"),
        TranslatableField("authors"),
        TranslatableField("publisher"),
        TranslatableField("body"),
        TranslatableField("documents"),
        SynchronizedField("related_pages"),
    ]

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        related = localize_all([block.value for block in self.related_pages])
        context["related"] = [page for page in related if page is not None and page.live]
        return context
