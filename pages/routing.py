"""Finding the page an address names with a fixed number of queries, whatever its depth.

Wagtail routes a path one level at a time: for each slug, a query for the child and one
for its specific type, after three for the language's home page. Here one query fetches
every page the path can name (their ``url_path`` is the home's followed by the slugs), and
one more the specific page; the rest is Wagtail's own routing from that page (a routable
page's sub-routes, the live check). The pages on the way are kept on the request for the
breadcrumbs.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from .base import restrictions_counting_for

# Where the pages on the way to the routed page are kept (shallowest first).
ROUTE_CHAIN_ATTRIBUTE = "_ihme_route_chain"


def _language_root_path(site: Site) -> str | None:
    """The url_path of the site's home page in the active language (Wagtail caches these)."""
    language = get_supported_content_language_variant(translation.get_language())
    for root in Site.get_site_root_paths():
        if root.site_id == site.pk and root.language_code == language:
            return root.root_path
    return None


def route(request: HttpRequest, path: str) -> RouteResult | None:
    """The page (and sub-route arguments) the path names below the language's home page."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root_path = _language_root_path(site)
    if root_path is None:  # no home in this language: Wagtail's way gives its answer
        return Page.route_for_request(request, path)
    components = [component for component in path.split("/") if component]
    prefixes = [
        root_path + "".join(f"{c}/" for c in components[:n]) for n in range(len(components) + 1)
    ]
    chain = list(
        Page.objects.filter(url_path__in=prefixes)
        .select_related("locale")
        .annotate(restricted=Exists(restrictions_counting_for(pk=OuterRef("pk"))))
        .order_by("depth")
    )
    if not chain or chain[0].url_path != root_path:
        raise Http404
    setattr(request, ROUTE_CHAIN_ATTRIBUTE, chain)
    for level, page in enumerate(chain):
        remaining = components[level:]
        # A routable page on the way answers the rest of the path if one of its own routes
        # takes it, as in Wagtail (which then looks at its children).
        if level == len(chain) - 1 or _own_route_takes(page, remaining):
            specific = page.specific
            specific.locale = page.locale  # fetched with the chain
            # Routing saw every restriction on the way: none means no query to check them.
            specific.view_restrictions_known_absent = not any(
                p.restricted for p in chain[: level + 1]
            )
            return specific.route(request, remaining)
    raise Http404  # not reached: the loop returns at the last level


def _own_route_takes(page: Page, remaining: list[str]) -> bool:
    if not remaining or not page.live:
        return False
    if not issubclass(page.specific_class or Page, RoutablePageMixin):
        return False
    try:  # the routes are the class's: no query
        page.specific_deferred.resolve_subpage("/" + "/".join(remaining) + "/")
    except Http404:
        return False
    return True


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's page view, given the route found above."""
    try:
        request._wagtail_route_for_request = route(request, path)
    except Http404:
        request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)


def route_chain(request: HttpRequest) -> list[Page]:
    """The pages from the language's home to the routed page, as routing found them."""
    return getattr(request, ROUTE_CHAIN_ATTRIBUTE, [])
