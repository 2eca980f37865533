from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .text import RichTextBlock


class CalloutBlock(blocks.StructBlock):
    """A boxed note; "emergency" is for 112 and immediate danger."""

    style = blocks.ChoiceBlock(
        choices=[
            ("info", _("Information")),
            ("warning", _("Warning")),
            ("emergency", _("Emergency")),
        ],
        default="info",
        label=_("Style"),
    )
    title = blocks.CharBlock(required=False, max_length=120, label=_("Title"))
    text = RichTextBlock(label=_("Text"))

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "components/blocks/callout.html"
        preview_value = {
            "style": "emergency",
            "title": "Hätätilanteessa soita 112",
            "text": "<p>Jos olet välittömässä vaarassa, soita hätänumeroon 112.</p>",
        }
