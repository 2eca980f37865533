from typing import ClassVar

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class PageLinksBlock(blocks.StructBlock):
    """A list of links to other pages, shown in the visitor's language."""

    #: Read by checks.py; the template renders the title as an <h2>.
    heading_fields: ClassVar[dict[str, int]] = {"title": 2}

    title = blocks.CharBlock(required=False, max_length=120, label=_("Title"))
    links = blocks.StreamBlock(
        [("page", blocks.PageChooserBlock(label=_("Page")))], min_num=1, label=_("Pages")
    )

    class Meta:
        icon = "link"
        label = _("Page links")
        template = "components/blocks/page_links.html"


class DoorBlock(blocks.StructBlock):
    """One of the big entries on the home page ("I need help", …); see HomePage.get_context."""

    page = blocks.PageChooserBlock(label=_("Page"))
    title = blocks.CharBlock(max_length=80, label=_("Title"))
    text = blocks.CharBlock(required=False, max_length=200, label=_("Text"))

    class Meta:
        icon = "arrow-right"
        label = _("Door")
