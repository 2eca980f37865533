"""Accessibility checks of a page body: heading levels in order and links with text.

A body is read as a visitor's screen reader reads it: block by block, and inside each block
field by field, in the order the block's template renders them. Blocks declare their own
headings (``heading_level`` on a block, ``heading_fields`` on a StructBlock), so a new block
family is checked without touching this module.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

#: The page title is the one level-1 heading; a body starts under it.
PAGE_TITLE_LEVEL = 1

HEADING_TAGS = ["h1", "h2", "h3", "h4", "h5", "h6"]

#: Characters that take no space on screen, so a link made only of them has no visible text.
INVISIBLE_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff"

#: Where something sits inside one body block: field names of structs, indexes of streams.
Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Heading:
    level: int
    path: Path


@dataclass(frozen=True)
class EmptyLink:
    path: Path


@dataclass(frozen=True)
class Problem:
    index: int  # of the block in the body
    path: Path  # inside that block, down to the field the editor must change
    message: str


# --- Reading rich text -------------------------------------------------------------------


def rich_text_items(html: str, path: Path) -> Iterator[Heading | EmptyLink]:
    """The headings with text, and the links without, of one rich text, in reading order."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all([*HEADING_TAGS, "a"]):
        if element.name == "a":
            if not visible_text(element.get_text()):
                yield EmptyLink(path)
        # An empty heading is not shown, and the editor could not find it to fix it.
        elif visible_text(element.get_text()):
            yield Heading(int(element.name[1]), path)


def visible_text(text: str) -> str:
    return text.strip().strip(INVISIBLE_CHARACTERS).strip()


# --- Walking blocks ----------------------------------------------------------------------


def block_items(block: blocks.Block, value: Any, path: Path = ()) -> Iterator[Heading | EmptyLink]:
    """Headings and empty links of one block's value, in the order its template renders."""
    level = getattr(block, "heading_level", None)
    if level is not None:
        if value:
            yield Heading(level, path)
    elif isinstance(block, blocks.RichTextBlock):
        yield from rich_text_items(getattr(value, "source", value) or "", path)
    elif isinstance(block, blocks.StructBlock):
        yield from struct_items(block, value, path)
    elif isinstance(block, blocks.StreamBlock):
        for index, child in enumerate(value):
            yield from block_items(child.block, child.value, (*path, index))
    elif isinstance(block, blocks.ListBlock):
        for index, item in enumerate(value):
            yield from block_items(block.child_block, item, (*path, index))


def struct_items(
    block: blocks.StructBlock, value: Any, path: Path
) -> Iterator[Heading | EmptyLink]:
    heading_fields: dict[str, int] = getattr(block, "heading_fields", {})
    for name, child_block in block.child_blocks.items():
        if name in heading_fields:
            if value.get(name):
                yield Heading(heading_fields[name], (*path, name))
        else:
            yield from block_items(child_block, value.get(name), (*path, name))


# --- The rules ---------------------------------------------------------------------------


def body_problems(body: blocks.StreamValue) -> list[Problem]:
    """Skipped heading levels and links without text, in body order."""
    problems = []
    open_level = PAGE_TITLE_LEVEL
    for index, child in enumerate(body):
        for item in block_items(child.block, child.value):
            if isinstance(item, EmptyLink):
                problems.append(Problem(index, item.path, empty_link_message()))
                continue
            if item.level > open_level + 1:
                problems.append(
                    Problem(index, item.path, skipped_level_message(item.level, open_level))
                )
            # Carry on from the level the editor chose, so one mistake is reported once.
            open_level = item.level
    return problems


def skipped_level_message(level: int, open_level: int) -> str:
    if open_level == PAGE_TITLE_LEVEL:
        return gettext(
            "This text has a level %(level)d heading, but no level 2 heading comes before "
            "it. Add a heading block above it."
        ) % {"level": level}
    return gettext(
        "This text has a level %(level)d heading right after a level %(open)d heading, "
        "so level %(missing)d is skipped. Use a level %(missing)d heading here, or add one "
        "before it."
    ) % {"level": level, "open": open_level, "missing": open_level + 1}


def empty_link_message() -> str:
    return gettext("A link has no text. Write what the link leads to.")


# --- Errors where the editor sees them ---------------------------------------------------


def body_error(body_block: blocks.StreamBlock, body: blocks.StreamValue) -> ValidationError | None:
    """One error for the whole body, each message on the field it is about; None if none."""
    problems = body_problems(body)
    if not problems:
        return None
    tree: dict[str | int, Any] = {}
    for problem in problems:
        add_message(tree, (problem.index, *problem.path), problem.message)
    return nested_error(body_block, body, tree)


def add_message(tree: dict[str | int, Any], path: Path, message: str) -> None:
    """Files a message under its path; the leaf is the list of a field's messages."""
    *parents, leaf = path
    for step in parents:
        tree = tree.setdefault(step, {})
    messages = tree.setdefault(leaf, [])
    if message not in messages:
        messages.append(message)


def nested_error(block: blocks.Block, value: Any, tree: dict | list) -> ValidationError:
    """Wagtail's error classes mirror the block tree, so the admin marks the right field."""
    if isinstance(tree, list):
        return ValidationError(tree)
    if isinstance(block, blocks.StructBlock):
        return StructBlockValidationError(
            block_errors={
                name: nested_error(block.child_blocks[name], value.get(name), subtree)
                for name, subtree in tree.items()
            }
        )
    if isinstance(block, blocks.StreamBlock):
        return StreamBlockValidationError(
            block_errors={
                index: nested_error(value[index].block, value[index].value, subtree)
                for index, subtree in tree.items()
            }
        )
    if isinstance(block, blocks.ListBlock):
        return ListBlockValidationError(
            block_errors={
                index: nested_error(block.child_block, value[index], subtree)
                for index, subtree in tree.items()
            }
        )
    raise TypeError(f"No nested errors for {type(block).__name__}")
