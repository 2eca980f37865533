"""Documents (leaflets, reports) know their language, so search shows each visitor the
documents in theirs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document


class SiteDocument(AbstractDocument):
    language = models.CharField(
        _("language"),
        max_length=20,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_(
            "The language the document is written in. Search offers it to readers of that language."
        ),
    )

    admin_form_fields = (*Document.admin_form_fields, "language")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
