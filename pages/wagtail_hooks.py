"""Admin additions of the editorial workflow: the coverage report, the checked PO upload."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .editorial import views


@hooks.register("register_admin_urls", order=-1)
def register_editorial_urls():
    return [
        path(
            "translation-coverage/",
            views.TranslationCoverageView.as_view(),
            name="translation_coverage",
        ),
        # Takes wagtail-localize's own address (registered after this one), so the
        # translation editor's upload form reaches the checks first.
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            views.upload_pofile,
            name="checked_upload_pofile",
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
