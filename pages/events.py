"""Events (seminars): when, where or online, for whom, how to register; upcoming and past."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .base import BasePage, without_restricted
from .blocks import BodyBlock


class EventIndexPage(BasePage):
    """The events of one language: upcoming ones first (soonest first), then past ones."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = list(without_restricted(EventPage.objects.child_of(self).live()).order_by("start"))
        now = timezone.now()
        context["upcoming"] = [event for event in events if event.finish >= now]
        context["past"] = [event for event in reversed(events) if event.finish < now]
        return context


class EventPage(BasePage):
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    location = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("The venue and town. Leave empty while it is not decided."),
    )
    online = models.BooleanField(_("online"), default=False, help_text=_("Can be followed online."))
    audience = models.CharField(
        _("audience"), max_length=200, help_text=_("Who the event is for, e.g. social workers.")
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["pages.EventIndexPage"]
    subpage_types: list[str] = []
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("location"),
        index.SearchField("audience"),
        index.SearchField("body"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("start"),
                FieldPanel("end"),
                FieldPanel("location"),
                FieldPanel("online"),
                FieldPanel("audience"),
                FieldPanel("registration_url"),
            ],
            heading=_("Event details"),
        ),
        FieldPanel("body"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("start"),
        SynchronizedField("end"),
        TranslatableField("location"),
        SynchronizedField("online"),
        TranslatableField("audience"),
        SynchronizedField("registration_url"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    @property
    def finish(self):
        return self.end or self.start

    def clean(self) -> None:
        super().clean()
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})
