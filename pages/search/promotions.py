"""Editors' picks: a page shown first for a search term, in one language."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.models import Locale, Page


def normalise_term(term: str) -> str:
    return " ".join(term.lower().split())


class SearchPromotion(models.Model):
    locale = models.ForeignKey(Locale, verbose_name=_("language"), on_delete=models.CASCADE)
    term = models.CharField(
        _("search term"),
        max_length=100,
        help_text=_("When a visitor searches for exactly this (capital letters do not matter)."),
    )
    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    description = models.CharField(_("description"), max_length=250, blank=True)

    panels = [
        FieldPanel("locale"),
        FieldPanel("term"),
        PageChooserPanel("page"),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = _("search promotion")
        verbose_name_plural = _("search promotions")
        ordering = ["locale", "term"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "term", "page"], name="unique_promotion")
        ]

    def __str__(self) -> str:
        return f"{self.term} → {self.page.title}"

    def save(self, *args, **kwargs) -> None:
        self.term = normalise_term(self.term)
        super().save(*args, **kwargs)


def promotions_for(language_code: str, raw_query: str) -> list[SearchPromotion]:
    """Live pages an editor promoted for this exact term in this language (one query)."""
    term = normalise_term(raw_query)
    if not term:
        return []
    return list(
        SearchPromotion.objects.filter(
            locale__language_code=language_code, term=term, page__live=True
        ).select_related("page")
    )
