"""Page types, the contact snippet and the site-wide settings.

The tree an editor can build is the one of shared/product/site.md: one HomePage per
language under the root; SectionPages (an audience or topic) and ContentPages under it.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import (
    Page,
    PreviewableMixin,
)
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ihme_site.languages import SITE_LANGUAGES

from .base import BasePage, ModeratedSnippet, Reachable, with_intro, without_restricted
from .blocks import BodyBlock, DoorsBlock
from .directory import DirectoryPage, Organisation  # noqa: F401
from .documents import SiteDocument  # noqa: F401 (models of this app)
from .events import EventIndexPage, EventPage  # noqa: F401 (models of this app)
from .localization import localized_pages_by_id
from .news import NewsArticlePage, NewsIndexPage  # noqa: F401 (models of this app)
from .publications import PublicationPage  # noqa: F401
from .search.index import SearchEntry  # noqa: F401
from .search.promotions import SearchPromotion
from .training import TrainingModulePage  # noqa: F401


class HomePage(BasePage):
    doors = StreamField(
        DoorsBlock(),
        blank=True,
        verbose_name=_("doors"),
        help_text=_("The big entries: I need help, I am worried about someone, I work with…"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.SectionPage",
        "pages.ContentPage",
        "pages.LanguagesPage",
        "pages.NewsIndexPage",
        "pages.EventIndexPage",
        "pages.DirectoryPage",
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("doors"), FieldPanel("body")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("doors"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The doors' raw values hold page ids: one query finds the pages in this language,
        # where the stream's own conversion would take another for the chosen pages.
        door_values = [door["value"] for door in self.doors.raw_data]
        door_pages = localized_pages_by_id(
            [value.get("page") for value in door_values],
            self.locale.language_code,
            fallback_to_source=True,
        )
        context["doors"] = [
            {"page": page, "title": value["title"], "text": value.get("text", "")}
            for value, page in zip(door_values, door_pages, strict=True)
            if page is not None
        ]
        news_section_id = SiteSettings.for_request(request).news_section_id
        context["news"] = latest_children(news_section_id, self.locale_id)
        return context


class SectionPage(BasePage):
    """An audience or topic landing page: an introduction and its child pages."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["pages.HomePage", "pages.SectionPage"]
    subpage_types = [
        "pages.ContentPage",
        "pages.SectionPage",
        "pages.PublicationPage",
        "pages.TrainingModulePage",
        "pages.DirectoryPage",
        "help_finder.HelpFinderPage",
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("body")]

    class Meta:
        verbose_name = _("section page")
        verbose_name_plural = _("section pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = with_intro(self.get_children().live())
        return context


class ContentPage(BasePage):
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    parent_page_types = ["pages.HomePage", "pages.SectionPage"]
    subpage_types: list[str] = []
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("body")]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class LanguagesPage(BasePage):
    """ "Help in your language": every language by its own name, with its pages."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["pages.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("body")]

    class Meta:
        verbose_name = _("languages page")
        verbose_name_plural = _("languages pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["languages"] = languages_with_pages()
        return context


def latest_children(section_id: int | None, locale_id: int, count: int = 3) -> list[Page]:
    """The newest live child pages (cards with their intro) of the section's translation
    into the locale, in one query: news articles by their date, other pages by when they
    were first published."""
    if section_id is None:
        return []
    local_section = Page.objects.live().filter(
        translation_key=Subquery(Page.objects.filter(pk=section_id).values("translation_key")),
        locale_id=locale_id,
    )
    children = Page.objects.live().filter(
        path__startswith=Subquery(local_section.values("path")[:1]),
        depth=Subquery(local_section.values("depth")[:1]) + 1,
    )
    article_date = Subquery(NewsArticlePage.objects.filter(pk=OuterRef("pk")).values("date")[:1])
    newest = with_intro(without_restricted(children)).annotate(article_date=article_date)
    return list(
        newest.order_by(F("article_date").desc(nulls_last=True), "-first_published_at")[:count]
    )


def languages_with_pages() -> list[dict[str, object]]:
    """Each site language that has a live home page, with its top-level pages.

    Two queries whatever the number of languages.
    """
    homes = {
        page.locale.language_code: page
        for page in Page.objects.live().filter(depth=2).select_related("locale")
    }
    top_pages: dict[int, list[Page]] = {}
    for page in Page.objects.live().filter(depth=3).in_menu().order_by("path"):
        top_pages.setdefault(page.locale_id, []).append(page)
    return [
        {
            "language": language,
            "home": homes[language.code],
            "pages": top_pages.get(homes[language.code].locale_id, []),
        }
        for language in SITE_LANGUAGES
        if language.code in homes
    ]


class Contact(Reachable, ModeratedSnippet, PreviewableMixin):
    """A way to reach help: the hotline, 112, the police unit, an NGO.

    Moderated: a wrong number here would reach every page at once. A never-published
    contact is not shown.
    """

    name = models.CharField(_("name"), max_length=120)
    phone = models.CharField(
        _("phone number"),
        max_length=40,
        blank=True,
        help_text=_("As people dial it, e.g. +358 29 546 3177 or 112."),
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    opening_hours = models.CharField(_("opening hours"), max_length=120, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=600)

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading=_("How to reach"),
        ),
        FieldPanel("opening_hours"),
        FieldPanel("notes"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("opening_hours"),
        TranslatableField("notes"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("website"),
    ]

    class Meta(ModeratedSnippet.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name"]

    def get_preview_template(self, request, mode_name):
        return "components/contact_preview.html"


register_snippet(Contact)
register_snippet(Organisation)
register_snippet(SearchPromotion)


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What every page shows: the contacts in the header and the pages in the footer.

    Pages and contacts are chosen in the source language; each page shows the version in
    its own language.
    """

    header_contact = models.ForeignKey(
        Contact,
        verbose_name=_("hotline in the header"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    emergency_contact = models.ForeignKey(
        Contact,
        verbose_name=_("emergency number in the header"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    languages_page = models.ForeignKey(
        Page,
        verbose_name=_("'Help in your language' page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    exit_url = models.URLField(
        _("quick exit destination"),
        blank=True,
        help_text=_(
            "Where the Exit control and three Shift presses send a visitor: an everyday site "
            "that raises no suspicion if someone looks at the screen, such as a weather "
            "forecast. It must not be a site about help, violence or crime. Leave empty for "
            "the default weather page."
        ),
    )
    safety_page = models.ForeignKey(
        Page,
        verbose_name=_("'Staying safe online' page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked next to the Exit control on every page."),
    )
    help_finder_page = models.ForeignKey(
        Page,
        verbose_name=_("help finder on the home page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    news_section = models.ForeignKey(
        Page,
        verbose_name=_("news section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    about_page = models.ForeignKey(
        Page,
        verbose_name=_("about page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_page = models.ForeignKey(
        Page,
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        Page,
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        Page,
        verbose_name=_("privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("header_contact"), FieldPanel("emergency_contact")],
            heading=_("Header"),
        ),
        MultiFieldPanel(
            [FieldPanel("exit_url"), FieldPanel("safety_page")],
            heading=_("Quick exit"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("languages_page"),
                FieldPanel("help_finder_page"),
                FieldPanel("news_section"),
                FieldPanel("about_page"),
                FieldPanel("contact_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
            ],
            heading=_("Pages linked from every page"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def base_queryset(cls):
        return super().base_queryset().select_related("header_contact", "emergency_contact")
