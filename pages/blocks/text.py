from typing import ClassVar

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

#: Rich text in a body sits under the page's level-2 headings, so it starts at level 3.
BODY_RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.CharBlock):
    """A level-2 heading of a page body."""

    #: Read by checks.py; must match the tag in the template.
    heading_level: ClassVar[int] = 2

    def __init__(self, **kwargs):
        super().__init__(max_length=120, **kwargs)

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "components/blocks/heading.html"
        preview_value = "Kenellä on oikeus apuun?"


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", BODY_RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "components/blocks/text.html"
        preview_value = "<p>Apu on maksutonta ja vapaaehtoista.</p>"
