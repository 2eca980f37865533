"""Blocks of a help finder page.

Keys and destinations are KeyBlocks: not text blocks, so wagtail-localize copies them from
the source page instead of offering them for translation. Translators see only text.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from pages.blocks.text import RichTextBlock


class KeyBlock(blocks.FieldBlock):
    """A short routing key such as q1, k2 or r3; never translated."""

    def __init__(self, pattern: str, required: bool = True, **kwargs):
        self.field = forms.RegexField(
            regex=pattern,
            max_length=8,
            required=required,
            help_text=kwargs.pop("help_text", None),
            error_messages={"invalid": _("Use a letter and a number, e.g. q1, k1 or r1.")},
        )
        super().__init__(**kwargs)

    # Read by wagtail-localize: no segments, so translations keep the source's key.
    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value

    class Meta:
        icon = "tag"


class OptionBlock(blocks.StructBlock):
    key = KeyBlock(r"^k[0-9]{1,2}$", label=_("Answer key"), help_text=_("k1, k2…"))
    label = blocks.CharBlock(max_length=80, label=_("Answer"))
    next = KeyBlock(
        r"^[qr][0-9]{1,3}$",
        required=False,
        label=_("Leads to"),
        help_text=_("The key of the next question (q…) or of an outcome (r…)."),
    )

    class Meta:
        icon = "arrow-right"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    key = KeyBlock(r"^q[0-9]{1,3}$", label=_("Question key"), help_text=_("q1, q2…"))
    text = blocks.CharBlock(max_length=200, label=_("Question"))
    hint = blocks.CharBlock(required=False, max_length=250, label=_("Hint"))
    options = blocks.StreamBlock(
        [("option", OptionBlock())], min_num=1, max_num=8, label=_("Answers")
    )

    class Meta:
        icon = "help"
        label = _("Question")


class OutcomeBlock(blocks.StructBlock):
    key = KeyBlock(r"^r[0-9]{1,3}$", label=_("Outcome key"), help_text=_("r1, r2…"))
    title = blocks.CharBlock(max_length=120, label=_("Title"))
    text = RichTextBlock(label=_("Text"))
    is_emergency = blocks.BooleanBlock(
        required=False,
        label=_("Emergency outcome (112)"),
        help_text=_("Exactly one outcome; the first question must lead straight to it."),
    )
    pages = blocks.StreamBlock(
        [("page", blocks.PageChooserBlock(label=_("Page")))],
        min_num=1,
        max_num=3,
        label=_("Recommended pages"),
    )
    contacts = blocks.StreamBlock(
        [("contact", SnippetChooserBlock("pages.Contact", label=_("Contact")))],
        required=False,
        max_num=4,
        label=_("Contacts"),
    )

    class Meta:
        icon = "tick-inverse"
        label = _("Outcome")


class QuestionsBlock(blocks.StreamBlock):
    question = QuestionBlock()


class OutcomesBlock(blocks.StreamBlock):
    outcome = OutcomeBlock()
