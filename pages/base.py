"""The abstract page every page type of the public site builds on."""

from __future__ import annotations

from django.apps import apps
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Length, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PageViewRestriction,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


def restrictions_counting_for(**page_lookup) -> QuerySet[PageViewRestriction]:
    """The view restrictions that count for the pages a lookup names, as Wagtail has them:
    a page's own, or for an alias those of the page it is an alias of."""
    own = {f"page__{name}": value for name, value in page_lookup.items()}
    of_source = {f"page__aliases__{name}": value for name, value in page_lookup.items()}
    return PageViewRestriction.objects.filter(
        Q(**own, page__alias_of__isnull=True) | Q(**of_source)
    )


def without_restricted(pages: QuerySet) -> QuerySet:
    """The pages that no view restriction covers (on them or an ancestor), in the same
    query: Wagtail's ``.public()`` first reads every restriction in a query of its own."""
    covering = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.filter(~Exists(covering))


def with_intro(pages: QuerySet) -> QuerySet:
    """Pages of any type with their ``intro`` (for a listing's cards) in the same query:
    ``.specific()`` would take one more query for each page type in the list."""
    intros = [
        Subquery(model.objects.filter(pk=OuterRef("pk")).values("intro")[:1])
        for model in apps.get_models()
        if issubclass(model, BasePage)
    ]
    return pages.annotate(intro=Coalesce(*intros, Value(""), output_field=models.TextField()))


class BasePage(Page):
    """Fields and behaviour every page of the public site shares."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two plain sentences under the title; also shown in listings."),
    )

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        SynchronizedField("show_in_menus"),
    ]

    class Meta:
        abstract = True

    @property
    def meta_description(self) -> str:
        return self.search_description or self.intro

    # Set by pages.routing when it has seen that no restriction covers the page.
    view_restrictions_known_absent = False

    def get_view_restrictions(self) -> QuerySet[PageViewRestriction]:
        """The restrictions on this page and its ancestors (for an alias, those of the page
        it is an alias of), as Wagtail has them, in one query: the ancestors' tree paths are
        prefixes of this page's own."""
        if self.view_restrictions_known_absent:
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        return restrictions_counting_for(path__in=paths).distinct()


class Reachable:
    """A snippet with a `phone` field and a `name`: its tel: link and its name as text."""

    phone: str
    name: str

    def __str__(self) -> str:
        return self.name

    @property
    def phone_uri(self) -> str:
        """The tel: link of the number, without spaces or dashes."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return f"tel:{digits}" if digits else ""


class ModeratedSnippet(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model
):
    """A translatable snippet whose changes go through moderation like a page's: saved as a
    draft, published by a moderator. Visitors see the published version (the row itself)."""

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="%(class)s")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="%(class)s",
        for_concrete_model=False,
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True

    @property
    def revisions(self):
        return self._revisions
