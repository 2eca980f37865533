"""Admin views of the editorial workflow: the coverage report, and checks wagtail-localize
leaves out (a PO upload is checked before import; only those who may publish a translated
page publish it by a sync or turn it into an alias of the source)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, edit_translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .coverage import STATE_LABELS, State, translation_coverage
from .pofile import po_upload_problem


class TranslationCoverageView(WagtailAdminTemplateMixin, TemplateView):
    """Each language's coverage of the Finnish tree; one language in detail on request."""

    template_name = "editorial/coverage.html"
    page_title = gettext_lazy("Translation coverage")
    header_icon = "wagtail-localize-language"

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        coverage = translation_coverage()
        chosen = self.request.GET.get("language", "")
        selected = next((c for c in coverage if c.locale.language_code == chosen), None)
        state_filter = self.request.GET.get("state", "")
        pages = selected.pages if selected else []
        if state_filter in {state.value for state in State}:
            pages = [item for item in pages if item.state == state_filter]
        context.update(
            coverage=coverage,
            selected=selected,
            pages=pages,
            state_filter=state_filter,
            states=[(state.value, STATE_LABELS[state]) for state in State],
            source_locale=Locale.get_default(),
            report_url=self.request.get_full_path(),
        )
        return context


@require_POST
def upload_pofile(request: HttpRequest, translation_id: int) -> HttpResponse:
    """wagtail-localize's PO upload, after the file has been checked."""
    translation = get_object_or_404(Translation, id=translation_id)
    if not edit_translation.user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    problem = po_upload_problem(request.FILES.get("file"), translation)
    if problem is None:
        return edit_translation.upload_pofile(request, translation_id)
    back = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    return TemplateResponse(
        request,
        "editorial/upload_refused.html",
        {
            "header_title": _("PO file not imported"),
            "problem": problem,
            "back_url": back,
        },
        status=400,
    )


def can_publish_translation(user, translation: Translation) -> bool:
    """Whether the user may publish the translation's page or snippet."""
    instance = translation.get_target_instance()
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    model = type(instance)
    return user.has_perm(f"{model._meta.app_label}.publish_{model._meta.model_name}")


class CheckedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's sync, with "publish immediately" only for those who may publish."""

    def get_form(self):
        form = super().get_form()
        translations = self.object.translations.filter(enabled=True).select_related(
            "source", "target_locale"
        )
        if not all(can_publish_translation(self.request.user, t) for t in translations):
            field = form.fields["publish_translations"]
            field.disabled = True
            field.initial = False
            field.help_text = _(
                "Publishing is for moderators: the sync brings the new texts to translate, "
                "and a moderator publishes the translations."
            )
        return form


def convert_to_alias(request: HttpRequest, page_id: int) -> HttpResponse:
    """Turning a translation into an alias changes what visitors see: publishers only."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)
