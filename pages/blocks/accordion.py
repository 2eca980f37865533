from typing import ClassVar

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .text import RichTextBlock


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=250, label=_("Question"))
    answer = RichTextBlock(label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Question and answer")


class AccordionBlock(blocks.StructBlock):
    """Questions that open one by one; uses <details>, so it works without JavaScript."""

    #: Read by checks.py; the template renders the title as an <h2>.
    heading_fields: ClassVar[dict[str, int]] = {"title": 2}

    title = blocks.CharBlock(required=False, max_length=120, label=_("Title"))
    items = blocks.StreamBlock([("item", QuestionAnswerBlock())], min_num=1, label=_("Questions"))

    class Meta:
        icon = "list-ul"
        label = _("Questions and answers")
        template = "components/blocks/accordion.html"
        preview_value = {
            "title": "",
            "items": [
                (
                    "item",
                    {
                        "question": "Maksaako apu jotain?",
                        "answer": "<p>Ei. Apu on maksutonta.</p>",
                    },
                )
            ],
        }
