"""Which live help finders recommend a page: they must not be left pointing at nothing."""

from __future__ import annotations

from collections.abc import Iterable

from .models import HelpFinderPage


def recommended_page_ids(finder: HelpFinderPage) -> set[int]:
    """The pages a finder's outcomes recommend, read from the stored stream (no queries)."""
    return {
        page["value"]
        for outcome in finder.outcomes.raw_data
        for page in outcome["value"].get("pages", [])
        if page.get("value")
    }


def finders_recommending(page_ids: Iterable[int]) -> list[HelpFinderPage]:
    """Live finders (other than these pages) with an outcome that recommends one of them."""
    wanted = set(page_ids)
    return [
        finder
        for finder in HelpFinderPage.objects.live().exclude(pk__in=wanted)
        if recommended_page_ids(finder) & wanted
    ]
