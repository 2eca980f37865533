"""Training modules for professionals, with a short self-check whose answers are explained.

The self-check is a plain form sent with GET to the module page itself: it works without
JavaScript, the answers are read from the address and never stored, and the response is
marked not to be kept by any cache.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from .base import BasePage
from .blocks import BodyBlock
from .publications import DocumentsBlock

ANSWER_PARAMETER = "q{number}"


class AnswerOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, label=_("Answer"))
    correct = blocks.BooleanBlock(required=False, label=_("Correct answer"))

    class Meta:
        icon = "tick"
        label = _("Answer option")


class SelfCheckQuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=300, label=_("Question"))
    options = blocks.StreamBlock(
        [("option", AnswerOptionBlock())], min_num=2, max_num=6, label=_("Answer options")
    )
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        help_text=_("Why the correct answer is right; shown after answering."),
    )

    class Meta:
        icon = "help"
        label = _("Self-check question")

    def clean(self, value):
        cleaned = super().clean(value)
        if not any(option.value["correct"] for option in cleaned["options"]):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "options": blocks.ValidationError(_("Mark at least one answer as correct."))
                }
            )
        return cleaned


class SelfCheckBlock(blocks.StreamBlock):
    question = SelfCheckQuestionBlock()


@dataclass(frozen=True)
class CheckedQuestion:
    number: int
    question: str
    options: list[dict]
    explanation: str
    chosen: int | None  # the option the visitor chose, counted from 1

    @property
    def answered(self) -> bool:
        return self.chosen is not None

    @property
    def correct(self) -> bool:
        return self.answered and self.options[self.chosen - 1]["correct"]


def check_answers(self_check, query) -> list[CheckedQuestion]:
    """Each question with the visitor's answer read from the query (q1=2, …), if valid."""
    checked = []
    for number, block in enumerate(self_check, start=1):
        options = [option.value for option in block.value["options"]]
        raw = query.get(ANSWER_PARAMETER.format(number=number), "")
        chosen = int(raw) if raw.isdigit() and 1 <= int(raw) <= len(options) else None
        checked.append(
            CheckedQuestion(
                number, block.value["question"], options, block.value["explanation"], chosen
            )
        )
    return checked


class TrainingModulePage(BasePage):
    target_group = models.TextField(_("target group"), max_length=600)
    learning_objectives = RichTextField(
        _("learning objectives"), features=["ul", "ol", "bold", "italic"]
    )
    duration = models.CharField(
        _("duration"),
        max_length=100,
        blank=True,
        help_text=_("How long the module takes, e.g. 4 hours."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("sections"))
    materials = StreamField(DocumentsBlock(), blank=True, verbose_name=_("material"))
    self_check = StreamField(
        SelfCheckBlock(),
        blank=True,
        verbose_name=_("self-check"),
        help_text=_(
            "A few questions with the answers explained. Nothing a visitor answers is stored."
        ),
    )

    parent_page_types = ["pages.SectionPage"]
    subpage_types: list[str] = []
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("target_group"),
        index.SearchField("learning_objectives"),
        index.SearchField("body"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("target_group"), FieldPanel("duration"), FieldPanel("learning_objectives")],
            heading=_("Module"),
        ),
        FieldPanel("body"),
        FieldPanel("materials"),
        FieldPanel("self_check"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("target_group"),
        TranslatableField("learning_objectives"),
        TranslatableField("duration"),
        TranslatableField("body"),
        TranslatableField("materials"),
        TranslatableField("self_check"),
    ]

    class Meta:
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")

    def answers_given(self, request: HttpRequest) -> bool:
        return any(key.startswith("q") for key in request.GET)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        checked = check_answers(self.self_check, request.GET)
        context["self_check"] = checked
        context["checked"] = self.answers_given(request)
        context["score"] = sum(question.correct for question in checked)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.answers_given(request):
            # The answers are in the address: no cache, no history of them on a server.
            response["Cache-Control"] = "no-store"
            response["X-Robots-Tag"] = "noindex"
        return response
