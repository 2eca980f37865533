from django import template

from pages.chrome import Chrome, build_chrome
from pages.localization import localize_all, localize_contact

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context: template.Context) -> Chrome | None:
    """The header, navigation, switcher and footer data, built once per request.

    None where there is no request: the 500 page renders without one, and without the
    database.
    """
    request = context.get("request")
    if request is None:
        return None
    cached = getattr(request, "_site_chrome", None)
    if cached is None:
        cached = request._site_chrome = build_chrome(request, context.get("page"))
    return cached


@register.simple_tag
def localized_pages(stream_value) -> list:
    """The live pages of a page-links stream, in the active language, with one query.

    A page that is not live in this language keeps its source version, if that is live.
    """
    pages = [child.value for child in stream_value if child.value is not None]
    return [page for page in localize_all(pages) if page is not None and page.live]


@register.simple_tag(takes_context=True)
def localized_contact(context: template.Context, contact):
    """A contact card's contact in the page's language; all cards share one query."""
    request = context.get("request")
    return localize_contact(request, contact) if request is not None else contact
