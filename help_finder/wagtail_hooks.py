"""Keep live help finders whole: a page they recommend cannot be unpublished or deleted."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks

from .usage import finders_recommending


def _refuse(request, page, action_message: str):
    page_ids = page.get_descendants(inclusive=True).values_list("pk", flat=True)
    finders = finders_recommending(page_ids)
    if not finders:
        return None
    names = ", ".join(f"“{finder.title}” ({finder.locale.language_code})" for finder in finders)
    messages.error(request, action_message % {"page": page.title, "finders": names})
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_unpublish_page")
def refuse_unpublishing_a_finder_destination(request, page):
    return _refuse(
        request,
        page,
        _(
            "“%(page)s” cannot be unpublished: the help finders %(finders)s recommend it. "
            "Choose another page in their outcomes first."
        ),
    )


@hooks.register("before_delete_page")
def refuse_deleting_a_finder_destination(request, page):
    return _refuse(
        request,
        page,
        _(
            "“%(page)s” cannot be deleted: the help finders %(finders)s recommend it or a page "
            "below it. Choose another page in their outcomes first."
        ),
    )
