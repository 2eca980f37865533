"""The directory of organisations that help: each a moderated, translatable snippet with its
service types, the languages it serves and its contacts; the directory page filters them by
a plain GET form, so it works without JavaScript."""

from __future__ import annotations

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ihme_site.languages import SITE_LANGUAGES

from .base import BasePage, ModeratedSnippet, Reachable
from .blocks import BodyBlock

SERVICE_TYPES = [
    ("advice", _("Advice and support")),
    ("housing", _("Safe housing")),
    ("legal", _("Legal advice")),
    ("health", _("Health and psychological support")),
    ("crime-victims", _("Support for crime victims")),
    ("violence", _("Help with violence")),
    ("work", _("Work and labour rights")),
    ("authority", _("Authority")),
]
SERVICE_LABELS = dict(SERVICE_TYPES)
LANGUAGE_CHOICES = [(language.code, language.name_local) for language in SITE_LANGUAGES]
# Languages shown in the directory that are not site languages.
EXTRA_LANGUAGES = [("other", _("Other languages (with an interpreter)"))]


class Organisation(Reachable, ModeratedSnippet):
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), max_length=800)
    service_types = models.JSONField(_("services"), default=list, blank=True)
    languages = models.JSONField(_("languages served"), default=list, blank=True)
    area = models.CharField(
        _("area"),
        max_length=120,
        blank=True,
        help_text=_("Where it works, e.g. the whole of Finland."),
    )
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel(
            "service_types",
            widget=forms.CheckboxSelectMultiple(choices=SERVICE_TYPES),
        ),
        FieldPanel(
            "languages",
            widget=forms.CheckboxSelectMultiple(choices=LANGUAGE_CHOICES + EXTRA_LANGUAGES),
        ),
        FieldPanel("area"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading=_("How to reach"),
        ),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        TranslatableField("area"),
        SynchronizedField("service_types"),
        SynchronizedField("languages"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        SynchronizedField("website"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta(ModeratedSnippet.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    @property
    def service_labels(self) -> list[str]:
        return [str(SERVICE_LABELS[key]) for key in self.service_types if key in SERVICE_LABELS]

    @property
    def language_names(self) -> list[tuple[str, str]]:
        """(code, name) of each language served; a site language by its own name."""
        names = dict(LANGUAGE_CHOICES + EXTRA_LANGUAGES)
        return [(code, str(names[code])) for code in self.languages if code in names]


class DirectoryFilter(forms.Form):
    service = forms.ChoiceField(
        label=_("Service"), required=False, choices=[("", _("All services")), *SERVICE_TYPES]
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *LANGUAGE_CHOICES, *EXTRA_LANGUAGES],
    )


def organisations_for(language_code: str) -> list[Organisation]:
    """Every published organisation, in the language where it is written in it, else in
    English, else in Finnish (its name and contacts matter more than the description)."""
    preference = [language_code, "en", "fi"]
    chosen: dict = {}
    for organisation in Organisation.objects.filter(
        live=True, locale__language_code__in=preference
    ).select_related("locale"):
        key = organisation.translation_key
        current = chosen.get(key)
        rank = preference.index(organisation.locale.language_code)
        if current is None or rank < preference.index(current.locale.language_code):
            chosen[key] = organisation
    return sorted(chosen.values(), key=lambda organisation: organisation.name.casefold())


class DirectoryPage(BasePage):
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["pages.SectionPage", "pages.HomePage"]
    subpage_types: list[str] = []
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("body")]

    class Meta:
        verbose_name = _("directory of services")
        verbose_name_plural = _("directories of services")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = DirectoryFilter(request.GET or None)
        organisations = organisations_for(self.locale.language_code)
        if form.is_valid():
            service = form.cleaned_data["service"]
            language = form.cleaned_data["language"]
            organisations = [
                organisation
                for organisation in organisations
                if (not service or service in organisation.service_types)
                and (not language or language in organisation.languages)
            ]
        context["filter_form"] = form
        context["organisations"] = organisations
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.GET and not DirectoryFilter(request.GET).is_valid():
            response.status_code = 400  # an unknown service or language in the address
        return response
