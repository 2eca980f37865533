from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpFinderConfig(AppConfig):
    name = "help_finder"
    verbose_name = _("Help finder")
    default_auto_field = "django.db.models.BigAutoField"
