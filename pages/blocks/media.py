from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageWithAltBlock(blocks.StructBlock):
    """An image with alternative text; only a decorative image may go without (alt="")."""

    image = ImageChooserBlock(label=_("Image"))
    # Not required by the field itself: clean() requires it unless the image is decorative.
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        label=_("Alternative text"),
        help_text=_("What the image shows, for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        required=False,
        label=_("Decorative image"),
        help_text=_(
            "Tick only if the image adds nothing to the text, such as an ornament. "
            "Screen readers then skip it, and no alternative text is needed."
        ),
    )
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "components/blocks/image.html"

    def clean(self, value: Any) -> blocks.StructValue:
        cleaned = super().clean(value)
        # Like a required field, the alternative text may wait while the page is a draft.
        if self.is_deferred_validation or cleaned.get("decorative"):
            return cleaned
        if not cleaned.get("alt_text", "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _(
                            "Describe the image for people who cannot see it, or mark it "
                            "as decorative."
                        )
                    )
                }
            )
        return cleaned


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Link text"),
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "components/blocks/document.html"
