"""Admin views of the editorial workflow: the coverage report and the checked PO upload."""

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
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.views import edit_translation

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
