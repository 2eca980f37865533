from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from ihme_site import health
from pages import routing, views
from pages.search.views import search_view
from pages.sitemap import robots_txt, sitemap

urlpatterns = [
    path("", views.choose_language, name="choose_language"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_view, name="search"),
    # Pages, routed with a fixed number of queries (pages.routing); Wagtail's own patterns
    # after it (the same page addresses, and its password and login views).
    re_path(wagtail_urls.serve_pattern, routing.serve, name="page"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "pages.views.page_not_found"
handler500 = "pages.views.server_error"
