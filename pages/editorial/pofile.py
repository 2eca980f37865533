"""Checks on an uploaded PO file before wagtail-localize imports it.

wagtail-localize's own upload view answers an unreadable or foreign file with a 500
(a missing header, a file that is not UTF-8 text, no file at all); these checks turn
every such file into a clear message, and nothing is imported.
"""

from __future__ import annotations

import os
import tempfile

import polib
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from wagtail_localize.models import Translation

MAX_PO_BYTES = 2 * 1024 * 1024
TRANSLATION_ID_HEADER = "X-WagtailLocalize-TranslationID"


def read_po(data: bytes) -> polib.POFile:
    """Parse PO data; ValueError with the reason when it is not a PO file."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(_("The file is not UTF-8 text.")) from error
    # polib takes a string as a file name when such a file exists, so parse from a file.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as file:
        file.write(data)
    try:
        return polib.pofile(file.name, encoding="utf-8")
    except (OSError, ValueError, IndexError, KeyError) as error:
        raise ValueError(_("The file is not a valid PO file.")) from error
    finally:
        os.unlink(file.name)


def po_upload_problem(upload: UploadedFile | None, translation: Translation) -> str | None:
    """Why this upload cannot be imported into the translation, or None if it can."""
    if upload is None:
        return _("Choose a PO file to upload.")
    if upload.size > MAX_PO_BYTES:
        return _("The file is too large for a PO file of one page (at most 2 MB).")
    data = upload.read()
    upload.seek(0)
    try:
        po = read_po(data)
    except ValueError as error:
        return _("Please upload a valid PO file: %(reason)s") % {"reason": error}
    if TRANSLATION_ID_HEADER not in po.metadata:
        return _(
            "The file was not downloaded from this site's translation editor: "
            "download the PO file of this translation and fill that in."
        )
    if po.metadata[TRANSLATION_ID_HEADER] != str(translation.uuid):
        return _(
            "The file was made for another translation. Download the PO file of "
            "this translation and fill that in."
        )
    return None
