"""Admin additions: the editorial workflow's coverage report and checked PO upload, and
two-step verification (pages/two_factor.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import two_factor
from .editorial import views


@hooks.register("register_admin_urls", order=-1)
def register_editorial_urls():
    return [
        path(
            "translation-coverage/",
            views.TranslationCoverageView.as_view(),
            name="translation_coverage",
        ),
        # These take wagtail-localize's own addresses (registered after these), so its
        # editor's forms and buttons reach the checks first.
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            views.upload_pofile,
            name="checked_upload_pofile",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            views.CheckedUpdateTranslationsView.as_view(),
            name="checked_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            views.convert_to_alias,
            name="checked_convert_to_alias",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_coverage_report():
    return MenuItem(
        _("Translation coverage"),
        reverse("translation_coverage"),
        icon_name="wagtail-localize-language",
        order=50,
    )


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return two_factor.admin_urls()


@hooks.register("register_account_menu_item")
def register_two_factor_account_item(request):
    return {
        "url": reverse("two_factor_manage"),
        "label": _("Two-step verification"),
        "help_text": _("A code from an app on your phone after your password."),
    }
