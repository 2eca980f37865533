from django.utils.translation import gettext_lazy as _
from wagtail.snippets.blocks import SnippetChooserBlock


class ContactCardBlock(SnippetChooserBlock):
    """A contact card; shown in the visitor's language when the contact is translated."""

    def __init__(self, **kwargs):
        super().__init__("pages.Contact", **kwargs)

    class Meta:
        icon = "mail"
        label = _("Contact card")
        template = "components/blocks/contact.html"
