"""StreamField blocks for page bodies; one small module per block family."""

from wagtail import blocks

from .accordion import AccordionBlock
from .callout import CalloutBlock
from .contact import ContactCardBlock
from .links import DoorBlock, PageLinksBlock
from .media import DocumentLinkBlock, ImageWithAltBlock
from .text import HeadingBlock, RichTextBlock

__all__ = ["BodyBlock", "DoorsBlock"]


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = RichTextBlock()
    callout = CalloutBlock()
    contact = ContactCardBlock()
    accordion = AccordionBlock()
    image = ImageWithAltBlock()
    document = DocumentLinkBlock()
    page_links = PageLinksBlock()


class DoorsBlock(blocks.StreamBlock):
    door = DoorBlock()

    class Meta:
        max_num = 4
