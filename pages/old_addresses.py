"""Addresses of the earlier humantrafficking.fi / ihmiskauppa.fi sites (shared/product/old-urls.md)
and the page that now carries the same content, in the same language.

They are loaded as Wagtail redirects (``manage.py load_old_redirects``, also run by
``load_demo_content``), so that editors can see, change and add to them in the admin
(Settings > Redirects). Wagtail matches a redirect with or without the trailing slash and
with any query string; it only answers addresses that would otherwise be a 404.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from pages.demo_content.loader import translation_key


@dataclass(frozen=True)
class OldAddress:
    path: str
    language: str
    page_key: str  # the page's key in pages/demo_content/tree.py


OLD_ADDRESSES: tuple[OldAddress, ...] = tuple(
    OldAddress(path, language, key)
    for path, language, key in (
        ("/in_english", "en", "home"),
        ("/en/seek_help", "en", "get-help"),
        (
            "/en/seek_help/assistance_system_for_victims_of_human_trafficking",
            "en",
            "what-help-you-can-get",
        ),
        ("/en/human_trafficking", "en", "what-is-trafficking"),
        (
            "/en/human_trafficking/identifying_trafficking_victims_is_crucial",
            "en",
            "signs-of-trafficking",
        ),
        (
            "/en/human_trafficking/anti-trafficking_action_in_finland",
            "en",
            "anti-trafficking-work",
        ),
        ("/en/information_on_helping_victims", "en", "for-authorities"),
        (
            "/en/information_on_helping_victims/assistance_system_for_victims_of_human_trafficking",
            "en",
            "about",
        ),
        (
            "/en/information_on_helping_victims/"
            "assistance_system_for_victims_of_human_trafficking/"
            "help_offered_by_the_assistance_system",
            "en",
            "what-help-you-can-get",
        ),
        (
            "/en/information_on_helping_victims/"
            "assistance_system_for_victims_of_human_trafficking/"
            "entering_and_leaving_the_assistance_system",
            "en",
            "referring-to-assistance-system",
        ),
        (
            "/en/information_on_helping_victims/referring_a_victim_to_the_assistance_system",
            "en",
            "referring-to-assistance-system",
        ),
        ("/en/get-help/am-i-a-victim-of-human-trafficking", "en", "am-i-a-victim"),
        (
            "/en/assistance-system/this-is-how-the-assistance-system-can-help",
            "en",
            "what-help-you-can-get",
        ),
        (
            "/en/information-and-advice/identifying-victims-of-human-trafficking/",
            "en",
            "identifying-a-victim",
        ),
        (
            "/en/human-trafficking/anti-trafficking-action-in-finland/"
            "pre-trial-investigation-authorities",
            "en",
            "pre-trial-investigation",
        ),
        (
            "/en/new-e-learning-course-supports-professionals-in-work-against-human-trafficking",
            "en",
            "training",
        ),
        ("/loyda-apua/olenko-joutunut-ihmiskaupan-uhriksi/", "fi", "am-i-a-victim"),
        (
            "/loyda-apua/viranomaisten-ja-jarjestojen-tarjoama-tuki-ihmiskaupan-uhrille/",
            "fi",
            "help-from-ngos",
        ),
        ("/loyda-apua/", "fi", "get-help"),
        (
            "/sv/ihmiskauppa/arbetet-mot-manniskohandel-i-finland/forundersokningsmyndigheterna/",
            "sv",
            "pre-trial-investigation",
        ),
        (
            "/sv/information_for_hjalpare/hjalpsystemet_for_offer_for_manniskohandel",
            "sv",
            "about",
        ),
    )
)


@dataclass
class RedirectReport:
    created: int = 0
    kept: int = 0  # there already: an editor may have changed it in the admin since
    missing: list[OldAddress] = field(default_factory=list)


@transaction.atomic
def load_old_redirects() -> RedirectReport:
    """Create a permanent redirect for every old address that has none (idempotent).

    Redirects already there are left as they are: after loading, the admin is where they are
    managed. An old address whose page does not exist in its language is reported, not
    guessed: another language's page would serve the visitor worse than the 404 page.
    """
    report = RedirectReport()
    pages = {
        (page.translation_key, page.locale.language_code): page
        for page in Page.objects.filter(
            translation_key__in={translation_key("page", a.page_key) for a in OLD_ADDRESSES}
        ).select_related("locale")
    }
    existing = set(Redirect.objects.values_list("old_path", flat=True))
    for address in OLD_ADDRESSES:
        old_path = Redirect.normalise_path(address.path)
        page = pages.get((translation_key("page", address.page_key), address.language))
        if old_path in existing:
            report.kept += 1
        elif page is None:
            report.missing.append(address)
        else:
            Redirect.add_redirect(old_path, redirect_to=page, is_permanent=True)
            existing.add(old_path)
            report.created += 1
    return report
