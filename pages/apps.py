from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import cache_invalidation, login_throttle
        from .image_privacy import strip_metadata_from_renditions
        from .search import signals

        strip_metadata_from_renditions()
        signals.connect()
        cache_invalidation.connect()
        login_throttle.connect()
