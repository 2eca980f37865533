"""Editors cannot publish inaccessible page bodies: images need alternative text unless they
are decorative, headings never skip a level, and every link has text."""

from __future__ import annotations

import io
from html import unescape
from typing import Any

import pytest
from django.core.files.images import ImageFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from PIL import Image as PillowImage
from wagtail.blocks import StreamValue
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from pages.blocks import BodyBlock
from pages.blocks.checks import body_problems
from pages.models import ContentPage, HomePage, LanguagesPage, SectionPage
from tests.accounts import log_in_verified

BODY = BodyBlock()

NO_LEVEL_2 = (
    "This text has a level 3 heading, but no level 2 heading comes before it. "
    "Add a heading block above it."
)
LEVEL_3_SKIPPED = (
    "This text has a level 4 heading right after a level 2 heading, so level 3 is "
    "skipped. Use a level 3 heading here, or add one before it."
)
EMPTY_LINK = "A link has no text. Write what the link leads to."
NO_ALT_TEXT = "Describe the image for people who cannot see it, or mark it as decorative."


@pytest.fixture(autouse=True)
def _english():
    """The messages below are compared in English, the editors' language of these tests."""
    with translation.override("en"):
        yield


def body(*blocks: tuple[str, Any]) -> StreamValue:
    """A body as the form would hand it to clean(), from (block type, raw value) pairs."""
    return BODY.to_python([{"type": kind, "value": value} for kind, value in blocks])


def callout(text: str) -> dict[str, str]:
    return {"style": "info", "title": "Note", "text": text}


def accordion(title: str, *answers: str) -> dict[str, Any]:
    return {
        "title": title,
        "items": [{"type": "item", "value": {"question": "Q?", "answer": a}} for a in answers],
    }


def problems(value: StreamValue) -> list[tuple[int, tuple, str]]:
    return [(p.index, p.path, p.message) for p in body_problems(value)]


# --- The heading walk and the link check -------------------------------------------------


def test_a_well_ordered_body_has_no_problems():
    value = body(
        ("text", "<p>Opening words with <a href='https://example.org'>a link</a>.</p>"),
        ("heading", "Your rights"),
        ("text", "<h3>Legal aid</h3><h4>Costs</h4><h3>An interpreter</h3><p>…</p>"),
        ("callout", callout("<h4>Still under legal aid</h4>")),
        ("heading", "Residence"),
        ("text", "<h3>Permit</h3>"),
        ("accordion", accordion("Questions", "<h3>Under the accordion title</h3>")),
        ("text", "<h2>A level 2 heading is always fine</h2><h3>So is this</h3>"),
    )
    assert problems(value) == []
    assert BODY.clean(value) is not None


@pytest.mark.parametrize("block_type", BODY.child_blocks)
def test_every_block_type_is_walked_without_error(block_type):
    # A body of one empty block of each kind: the walk must understand every block family.
    child = BODY.child_blocks[block_type]
    value = body((block_type, child.get_prep_value(child.get_default())))
    assert problems(value) == []


def test_a_level_3_heading_before_any_level_2_is_reported_on_its_block():
    value = body(("text", "<p>Intro</p>"), ("text", "<h3>Too deep</h3>"), ("heading", "Late"))
    assert problems(value) == [(1, (), NO_LEVEL_2)]


def test_a_level_4_heading_after_a_level_2_is_reported_with_the_skipped_level():
    value = body(("heading", "Rights"), ("text", "<p>x</p>"), ("text", "<h4>Too deep</h4>"))
    assert problems(value) == [(2, (), LEVEL_3_SKIPPED)]


def test_a_new_level_2_heading_closes_the_level_3_before_it():
    value = body(
        ("heading", "One"),
        ("text", "<h3>Fine</h3><h4>Fine</h4>"),
        ("heading", "Two"),
        ("text", "<h4>Skips level 3 under the second heading</h4>"),
    )
    assert problems(value) == [(3, (), LEVEL_3_SKIPPED)]


def test_a_heading_in_a_callout_is_reported_on_its_text_field():
    value = body(("callout", callout("<h3>Too deep</h3>")))
    assert problems(value) == [(0, ("text",), NO_LEVEL_2)]


def test_an_accordion_without_a_title_opens_no_level():
    value = body(("accordion", accordion("", "<p>Fine</p>", "<h3>Too deep</h3>")))
    assert problems(value) == [(0, ("items", 1, "answer"), NO_LEVEL_2)]


def test_an_accordion_or_page_links_title_is_a_level_2_heading(demo_page):
    target = demo_page("your-rights", "en")
    links = {"title": "See also", "links": [{"type": "page", "value": target.pk}]}
    value = body(("page_links", links), ("text", "<h3>Under the links title</h3>"))
    assert problems(value) == []


def test_an_empty_heading_is_not_counted():
    value = body(("text", "<h3> </h3><p>Nothing an editor can see.</p>"))
    assert problems(value) == []


@pytest.mark.parametrize(
    "link",
    [
        '<a href="https://example.org"></a>',
        '<a href="https://example.org">  </a>',
        '<a href="https://example.org">\u00a0</a>',
        '<a href="https://example.org">\u200b</a>',
        '<a linktype="page" id="3"><b> </b></a>',
    ],
)
def test_a_link_without_visible_text_is_reported(link):
    value = body(("heading", "Rights"), ("text", f"<p>Read {link} now.</p>"))
    assert problems(value) == [(1, (), EMPTY_LINK)]


def test_an_empty_link_is_found_in_callouts_and_accordion_answers():
    empty = '<p><a href="https://example.org"> </a></p>'
    value = body(
        ("heading", "Rights"),
        ("callout", callout(empty)),
        ("accordion", accordion("", "<p>Fine</p>", empty)),
    )
    assert problems(value) == [
        (1, ("text",), EMPTY_LINK),
        (2, ("items", 1, "answer"), EMPTY_LINK),
    ]


def test_clean_raises_one_error_per_offending_block_on_the_right_field():
    value = body(
        ("text", "<h3>Too deep</h3>"),
        ("heading", "Rights"),
        ("accordion", accordion("", '<p><a href="https://example.org"></a></p>')),
    )
    with pytest.raises(StreamBlockValidationError) as raised:
        BODY.clean(value)
    errors = raised.value.block_errors
    assert set(errors) == {0, 2}
    assert errors[0].messages == [NO_LEVEL_2]
    accordion_error = errors[2]
    assert isinstance(accordion_error, StructBlockValidationError)
    answer_error = accordion_error.block_errors["items"].block_errors[0].block_errors["answer"]
    assert answer_error.messages == [EMPTY_LINK]


def test_a_draft_may_keep_problems_while_the_editor_works():
    value = body(("text", "<h3>Too deep</h3>"))
    BODY.defer_required_validation()
    try:
        BODY.clean(value)
    finally:
        BODY.restore_deferred_validation()


@pytest.mark.django_db
@pytest.mark.parametrize("model", [HomePage, SectionPage, ContentPage, LanguagesPage])
def test_every_live_demo_body_can_be_republished(model):
    for page in model.objects.live():
        assert problems(page.body) == [], page.url_path


# --- Images ------------------------------------------------------------------------------


def make_image(title: str = "Test image") -> Any:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (16, 12), "teal").save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name="test-image.png")
    )


def image_value(image_id: int, alt_text: str, decorative: bool) -> dict[str, Any]:
    return {"image": image_id, "alt_text": alt_text, "decorative": decorative, "caption": ""}


@pytest.mark.django_db
def test_an_image_needs_alt_text_unless_decorative():
    image = make_image()
    image_block = BODY.child_blocks["image"]
    with pytest.raises(StructBlockValidationError) as raised:
        image_block.clean(image_block.to_python(image_value(image.pk, "  ", False)))
    assert raised.value.block_errors["alt_text"].messages == [NO_ALT_TEXT]
    image_block.clean(image_block.to_python(image_value(image.pk, "", True)))
    image_block.clean(image_block.to_python(image_value(image.pk, "A map", False)))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("alt_text", "decorative", "expected"),
    [("A map of Finland", False, 'alt="A map of Finland"'), ("Forgotten", True, 'alt=""')],
)
def test_an_image_renders_its_alt_text_or_an_empty_one_when_decorative(
    alt_text, decorative, expected
):
    image_block = BODY.child_blocks["image"]
    value = image_block.to_python(image_value(make_image().pk, alt_text, decorative))
    html = render_to_string("components/blocks/image.html", {"value": value})
    assert expected in html
    assert 'loading="lazy"' in html
    assert 'width="16"' in html  # the width-800 rendition does not upscale


# --- The admin ---------------------------------------------------------------------------


def edit_form(page: Page, blocks: list[tuple[str, Any]], action: str | None) -> dict:
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield(blocks),
            "comments": inline_formset([]),
        }
    )
    if action:
        data[action] = action
    return data


def post_edit(client, page: Page, blocks: list[tuple[str, Any]], action="action-publish"):
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    return client.post(url, edit_form(page, blocks, action))


def live_state(page: Page) -> tuple:
    page = ContentPage.objects.get(pk=page.pk)
    return page.live_revision_id, page.latest_revision_id, list(page.body.raw_data)


def admin_html(response) -> str:
    return unescape(response.content.decode())


def image_form_value(image_id: int, alt_text: str, decorative: bool) -> dict[str, Any]:
    # An unticked checkbox is not posted at all.
    value: dict[str, Any] = {"image": image_id, "alt_text": alt_text, "caption": ""}
    if decorative:
        value["decorative"] = "on"
    return value


@pytest.mark.django_db
def test_publishing_an_image_without_alt_text_is_refused(editor_client, demo_page):
    page = demo_page("your-rights", "en")
    before = live_state(page)
    response = post_edit(
        editor_client,
        page,
        [
            ("heading", "A picture"),
            ("image", image_form_value(make_image().pk, "", decorative=False)),
        ],
    )
    assert response.status_code == 200
    html = admin_html(response)
    assert '"alt_text": {"messages": ["' + NO_ALT_TEXT + '"]}' in html
    assert live_state(page) == before


@pytest.mark.django_db
def test_a_decorative_image_without_alt_text_is_published(editor_client, demo_page):
    page = demo_page("your-rights", "en")
    image = make_image()
    response = post_edit(
        editor_client,
        page,
        [("heading", "A picture"), ("image", image_form_value(image.pk, "", decorative=True))],
    )
    assert response.status_code == 302
    page = ContentPage.objects.get(pk=page.pk)
    assert page.live_revision_id == page.latest_revision_id
    image_child = page.body[1]
    assert image_child.value["decorative"] is True
    assert image_child.value["image"] == image
    assert 'alt=""' in editor_client.get(page.url).content.decode()


@pytest.mark.django_db
def test_publishing_a_level_3_heading_before_any_heading_is_refused(editor_client, demo_page):
    page = demo_page("your-rights", "en")
    before = live_state(page)
    response = post_edit(
        editor_client,
        page,
        [
            ("text", rich_text("<p>Opening words.</p>")),
            ("text", rich_text("<h3>Legal aid</h3><p>You can get legal aid.</p>")),
            ("heading", "Your rights"),
        ],
    )
    assert response.status_code == 200
    assert '"1": {"messages": ["' + NO_LEVEL_2 + '"]}' in admin_html(response)
    assert live_state(page) == before


@pytest.mark.django_db
def test_publishing_a_link_without_text_is_refused(editor_client, demo_page):
    page = demo_page("your-rights", "en")
    before = live_state(page)
    response = post_edit(
        editor_client,
        page,
        [
            ("heading", "Your rights"),
            ("text", rich_text('<p>Read <a href="https://example.org">\u00a0</a> first.</p>')),
        ],
    )
    assert response.status_code == 200
    assert '"1": {"messages": ["' + EMPTY_LINK + '"]}' in admin_html(response)
    assert live_state(page) == before


@pytest.mark.django_db
def test_a_body_with_problems_can_still_be_saved_as_a_draft(editor_client, demo_page):
    page = demo_page("your-rights", "en")
    live_revision = page.live_revision_id
    response = post_edit(
        editor_client, page, [("text", rich_text("<h3>Legal aid</h3>"))], action=None
    )
    assert response.status_code == 302
    page = ContentPage.objects.get(pk=page.pk)
    assert page.has_unpublished_changes
    assert page.live_revision_id == live_revision


@pytest.mark.django_db
def test_editors_preview_runs_wagtails_accessibility_checker(client, django_user_model, demo_page):
    user = django_user_model.objects.create_superuser("checker", "c@example.invalid", "pw")
    log_in_verified(client, user)
    page = demo_page("your-rights", "en")
    html = client.get(f"/admin/pages/{page.pk}/view_draft/").content.decode()
    assert "w-userbar" in html
    assert "accessibility" in html.lower()
    # Visitors get nothing of it.
    client.logout()
    assert "w-userbar" not in client.get(page.url).content.decode()
