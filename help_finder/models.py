"""The help finder page: questions and outcomes edited in the admin, served step by step.

Each step is a plain GET URL under the page, /<finder>/<step key>/?a=<answers so far>.
The trail of answers is replayed from the first question on every request; nothing is
stored anywhere.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from pages.models import BasePage

from .blocks import OutcomesBlock, QuestionsBlock
from .checker import Problem, check_flow
from .flow import Flow, Option, Outcome, Position, Question, parse_trail, replay
from .panels import RoutesPanel
from .presentation import outcome_context


class HelpFinderPageForm(WagtailAdminPageForm):
    """Refuses to publish (or submit for moderation) a finder that breaks a rule.

    A draft can always be saved, so an editor never loses work.
    """

    PUBLISHING_ACTIONS = ("action-publish", "action-submit")

    def clean(self):
        cleaned_data = super().clean()
        if self.errors or not any(action in self.data for action in self.PUBLISHING_ACTIONS):
            return cleaned_data
        flow = flow_from_streams(cleaned_data.get("questions"), cleaned_data.get("outcomes"))
        problems = check_flow(flow)
        if problems:
            self._attach(problems)
        return cleaned_data

    def _attach(self, problems: list[Problem]) -> None:
        question_errors: dict[int, dict] = {}
        outcome_errors: dict[int, dict] = {}
        questions_general, outcomes_general = [], []
        for problem in problems:
            if problem.question is not None and problem.option is not None:
                options = question_errors.setdefault(problem.question, {}).setdefault("options", {})
                options.setdefault(problem.option, {})[problem.field] = problem.message
            elif problem.question is not None:
                question_errors.setdefault(problem.question, {})[problem.field] = problem.message
            elif problem.outcome is not None:
                outcome_errors.setdefault(problem.outcome, {})[problem.field] = problem.message
            elif problem.field == "outcomes":
                outcomes_general.append(problem.message)
            else:
                questions_general.append(problem.message)

        for field_name, block_errors, general in (
            ("questions", question_errors, questions_general),
            ("outcomes", outcome_errors, outcomes_general),
        ):
            if block_errors or general:
                self.add_error(
                    field_name,
                    StreamBlockValidationError(
                        block_errors={
                            index: _struct_error(fields) for index, fields in block_errors.items()
                        },
                        non_block_errors=general,
                    ),
                )


def _struct_error(fields: dict) -> StructBlockValidationError:
    block_errors = {}
    for name, value in fields.items():
        if name == "options" and isinstance(value, dict):
            block_errors[name] = StreamBlockValidationError(
                block_errors={
                    index: _struct_error(option_fields) for index, option_fields in value.items()
                }
            )
        elif name == "options":
            block_errors[name] = StreamBlockValidationError(non_block_errors=[value])
        else:
            block_errors[name] = ValidationError(value)
    return StructBlockValidationError(block_errors=block_errors)


def flow_from_streams(questions, outcomes) -> Flow:
    """The routing graph of a finder's two StreamField values."""
    return Flow(
        questions=tuple(
            Question(
                key=block.value["key"] or "",
                text=block.value["text"],
                hint=block.value["hint"],
                options=tuple(
                    Option(
                        key=option.value["key"] or "",
                        label=option.value["label"],
                        next=option.value["next"] or "",
                    )
                    for option in block.value["options"]
                ),
            )
            for block in (questions or [])
        ),
        outcomes=tuple(
            Outcome(
                key=block.value["key"] or "",
                title=block.value["title"],
                text=block.value["text"],
                is_emergency=bool(block.value["is_emergency"]),
                pages=tuple(child.value for child in block.value["pages"]),
                contacts=tuple(child.value for child in block.value["contacts"]),
            )
            for block in (outcomes or [])
        ),
    )


class HelpFinderPage(RoutablePageMixin, BasePage):
    """A few quick questions that send the visitor to the right help."""

    questions = StreamField(
        QuestionsBlock(),
        verbose_name=_("questions"),
        help_text=_("The first question comes first and must rule out immediate danger."),
    )
    outcomes = StreamField(OutcomesBlock(), verbose_name=_("outcomes"))

    parent_page_types = ["pages.SectionPage"]
    subpage_types: list[str] = []
    base_form_class = HelpFinderPageForm
    search_fields = [*BasePage.search_fields, index.SearchField("questions")]
    content_panels = [*BasePage.content_panels, FieldPanel("questions"), FieldPanel("outcomes")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList([RoutesPanel()], heading=_("Routes")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("questions"),
        TranslatableField("outcomes"),
    ]

    class Meta:
        verbose_name = _("help finder")
        verbose_name_plural = _("help finders")

    @property
    def flow(self) -> Flow:
        return flow_from_streams(self.questions, self.outcomes)

    # --- URLs -----------------------------------------------------------------------------
    def step_url(self, request: HttpRequest, key: str, trail: tuple[str, ...] = ()) -> str:
        url = f"{self.get_url(request)}{key}/"
        return f"{url}?{urlencode({'a': '.'.join(trail)})}" if trail else url

    # --- Views ----------------------------------------------------------------------------
    @path("")
    def start(self, request: HttpRequest) -> HttpResponse:
        flow = self.flow
        position = replay(flow, [])
        return self._render(request, flow, position, start=True)

    @re_path(r"^(?P<key>[a-z0-9]{1,8})/$")
    def step(self, request: HttpRequest, key: str) -> HttpResponse:
        flow = self.flow
        raw_trail = request.GET.get("a", "")
        trail = parse_trail(raw_trail)
        chosen = request.GET.get("o")
        if chosen is not None:
            trail.append(chosen[:8])
        position = replay(flow, trail)
        if position is None:
            return self._no_store(HttpResponseRedirect(self.get_url(request)))
        canonical = self.step_url(request, position.node.key, position.trail)
        is_canonical = (
            chosen is None
            and key == position.node.key
            and raw_trail == ".".join(position.trail)
            and set(request.GET) <= {"a"}
            and len(request.GET.getlist("a")) <= 1
        )
        if not is_canonical:
            return self._no_store(HttpResponseRedirect(canonical))
        return self._render(request, flow, position)

    def serve_preview(self, request, mode_name):
        return self.start(request)

    def _render(
        self, request: HttpRequest, flow: Flow, position: Position | None, start: bool = False
    ) -> HttpResponse:
        context = self.get_context(request)
        context.update({"flow": flow, "position": position, "is_start": start})
        if position is not None:
            context["answers"] = [
                {
                    "answer": answer,
                    "change_url": self.step_url(request, answer.question.key, answer.trail),
                }
                for answer in position.answers
            ]
            if position.answers:
                previous = position.answers[-1]
                context["back_url"] = self.step_url(request, previous.question.key, previous.trail)
            if isinstance(position.node, Outcome):
                context.update(outcome_context(request, position.node))
                template = "help_finder/outcome.html"
            else:
                context["form_action"] = self.step_url(request, position.node.key)
                context["trail_value"] = ".".join(position.trail)
                template = "help_finder/question.html"
        else:
            template = "help_finder/question.html"
        return self._no_store(TemplateResponse(request, template, context))

    @staticmethod
    def _no_store(response: HttpResponse) -> HttpResponse:
        """Answers stay out of caches, search engines and other sites' logs."""
        add_never_cache_headers(response)
        response["Cache-Control"] = "no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "no-referrer"
        return response
