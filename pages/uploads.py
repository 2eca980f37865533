"""What editors may upload as documents: an allow-list of types, checked by what the file
is, not only by its name (an HTML page renamed .pdf would otherwise be served from the
site), and a size limit. Images have Wagtail's own checks, configured in the settings
(size, pixel count against decompression bombs, no SVG), and a clear refusal where Pillow
itself stops a bomb before Wagtail can count its pixels."""

from __future__ import annotations

import zipfile
from collections.abc import Callable

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# Markup a browser would run if the file were ever shown inline.
MARKUP = (b"<html", b"<script", b"<!doctype", b"<svg", b"<iframe", b"<?xml", b"<body")


def _head(upload: UploadedFile, size: int = 8192) -> bytes:
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def _is_pdf(upload: UploadedFile) -> bool:
    return _head(upload, 1024).lstrip().startswith(b"%PDF-")


def _zip_names(upload: UploadedFile) -> list[str]:
    try:
        with zipfile.ZipFile(upload) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return []
    finally:
        upload.seek(0)


def _is_office_open_xml(upload: UploadedFile) -> bool:
    return "[Content_Types].xml" in _zip_names(upload)


def _is_open_document(upload: UploadedFile) -> bool:
    return "mimetype" in _zip_names(upload) and "content.xml" in _zip_names(upload)


def _is_plain_text(upload: UploadedFile) -> bool:
    head = _head(upload)
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not just a character cut at the end of the sample
            return False
    return not any(marker in head.lower() for marker in MARKUP)


CONTENT_CHECKS: dict[str, Callable[[UploadedFile], bool]] = {
    "pdf": _is_pdf,
    "docx": _is_office_open_xml,
    "xlsx": _is_office_open_xml,
    "odt": _is_open_document,
    "ods": _is_open_document,
    "txt": _is_plain_text,
    "csv": _is_plain_text,
}


class CheckedDocumentForm(BaseDocumentForm):
    """The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE), single and multiple
    upload: a refused file is never stored."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):  # unchanged on an edit
            return upload
        limit = settings.DOCUMENT_MAX_UPLOAD_SIZE
        if upload.size > limit:
            raise forms.ValidationError(
                _("This file is %(size)s; documents may be at most %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        check = CONTENT_CHECKS.get(extension)
        if check is None or extension not in settings.WAGTAILDOCS_EXTENSIONS:
            raise forms.ValidationError(
                _("Files of this type cannot be uploaded. Allowed: %(types)s.")
                % {"types": ", ".join(settings.WAGTAILDOCS_EXTENSIONS)}
            )
        if not check(upload):
            raise forms.ValidationError(
                _("This file is not a real .%(extension)s file, so it was not uploaded.")
                % {"extension": extension}
            )
        return upload


class BombSafeImageField(WagtailImageField):
    def to_python(self, data):
        try:
            return super().to_python(data)
        except PILImage.DecompressionBombError as error:
            # Pillow refuses to open it at all (over twice its own limit): a refusal, not a 500.
            raise ValidationError(
                _("This image has far too many pixels to be used (at most %(limit)s).")
                % {"limit": f"{settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS:,}"},
                code="file_too_many_pixels",
            ) from error


class CheckedImageForm(BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE), single and multiple upload."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(self.fields.get("file"), WagtailImageField):
            # The field Wagtail built, with its settings, made bomb-safe.
            self.fields["file"].__class__ = BombSafeImageField
