"""StreamField blocks for page bodies; one small module per block family."""

from wagtail import blocks

from .accordion import AccordionBlock
from .callout import CalloutBlock
from .checks import body_error
from .contact import ContactCardBlock
from .links import DoorBlock, PageLinksBlock
from .media import DocumentLinkBlock, ImageWithAltBlock
from .text import HeadingBlock, RichTextBlock

__all__ = ["BodyBlock", "DoorsBlock"]


class BodyBlock(blocks.StreamBlock):
    """The body of a page; a body whose headings skip a level or whose links have no text
    cannot be published (drafts may be saved while the editor works on them)."""

    heading = HeadingBlock()
    text = RichTextBlock()
    callout = CalloutBlock()
    contact = ContactCardBlock()
    accordion = AccordionBlock()
    image = ImageWithAltBlock()
    document = DocumentLinkBlock()
    page_links = PageLinksBlock()

    def clean(self, value: blocks.StreamValue) -> blocks.StreamValue:
        cleaned = super().clean(value)
        if self.is_deferred_validation:
            return cleaned
        error = body_error(self, cleaned)
        if error is not None:
            raise error
        return cleaned


class DoorsBlock(blocks.StreamBlock):
    door = DoorBlock()

    class Meta:
        max_num = 4
