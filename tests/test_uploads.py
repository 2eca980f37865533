"""Uploads through the admin: an oversize file, a decompression bomb, an SVG and an HTML page
renamed .pdf are refused with a clear message and nothing is stored; real documents and
images are taken; renditions carry no location data; documents are sandboxed downloads."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from pages.documents import SiteDocument
from pages.uploads import CONTENT_CHECKS

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML_AS_PDF = b"<!doctype html><html><script>alert(document.cookie)</script></html>"


def jpeg(size=(64, 48), exif: PILImage.Exif | None = None) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (10, 120, 200)).save(buffer, "JPEG", exif=exif or b"")
    return buffer.getvalue()


def bomb_png() -> bytes:
    """20 000 x 20 000 pixels in a few tens of kilobytes."""
    buffer = io.BytesIO()
    PILImage.new("1", (20_000, 20_000)).save(buffer, "PNG", optimize=False)
    return buffer.getvalue()


def large_png() -> bytes:
    """Over the site's limit (40 million pixels) but under Pillow's own refusal."""
    buffer = io.BytesIO()
    PILImage.new("1", (8_000, 6_000)).save(buffer, "PNG")
    return buffer.getvalue()


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def stored_files() -> set[str]:
    def walk(folder: str) -> set[str]:
        folders, files = default_storage.listdir(folder)
        found = {f"{folder}/{name}".lstrip("/") for name in files}
        for sub in folders:
            found |= walk(f"{folder}/{sub}".lstrip("/"))
        return found

    try:
        return walk("")
    except FileNotFoundError:
        return set()


def upload_document(editor_client, name: str, content: bytes):
    return editor_client.post(
        "/admin/documents/add/",
        {"title": "Leaflet", "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def upload_image(editor_client, name: str, content: bytes):
    return editor_client.post(
        "/admin/images/add/",
        {"title": "Picture", "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def test_every_allowed_document_type_has_a_content_check(settings):
    assert set(settings.WAGTAILDOCS_EXTENSIONS) == set(CONTENT_CHECKS)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("leaflet.pdf", b"%PDF-1.4 " + b"x" * 3000, "documents may be at most"),
        ("drawing.svg", SVG, "Files of this type cannot be uploaded"),
        ("page.html", HTML_AS_PDF, "Files of this type cannot be uploaded"),
        ("report.pdf", HTML_AS_PDF, "This file is not a real .pdf file"),
        ("notes.txt", HTML_AS_PDF, "This file is not a real .txt file"),
        ("report.docx", b"%PDF-1.4 not a word file", "This file is not a real .docx file"),
        ("tool.exe", b"MZ\x90\x00", "Files of this type cannot be uploaded"),
    ],
)
def test_a_refused_document_is_not_stored(editor_client, settings, name, content, message):
    settings.DOCUMENT_MAX_UPLOAD_SIZE = 2048
    before = stored_files()
    response = upload_document(editor_client, name, content)
    assert response.status_code == 200  # the form again, with the message
    assert message in response.content.decode()
    assert not SiteDocument.objects.exists()
    assert stored_files() == before


@pytest.mark.django_db
def test_the_multiple_upload_refuses_the_same_files(editor_client):
    response = editor_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("report.pdf", HTML_AS_PDF), "collection": 1},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "This file is not a real .pdf file" in response.json()["error_message"]
    assert not SiteDocument.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"), [("report.pdf", b"%PDF-1.7\n%rest"), ("plan.docx", docx())]
)
def test_real_documents_are_taken(editor_client, name, content):
    response = upload_document(editor_client, name, content)
    assert response.status_code == 302
    assert SiteDocument.objects.get().file.name.endswith(name.rsplit(".")[-1])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "max_size", "message"),
    [
        ("bomb.png", bomb_png(), None, "This image has far too many pixels"),
        ("large.png", large_png(), None, "This file has too many pixels"),
        ("drawing.svg", SVG, None, "Not a supported image format"),
        ("big.jpg", jpeg((1600, 1200)), 20_000, "This file is too big"),
    ],
)
def test_a_refused_image_is_not_stored(editor_client, settings, name, content, max_size, message):
    if max_size:
        settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = max_size
    before = stored_files()
    response = upload_image(editor_client, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Image.objects.exists()
    assert stored_files() == before


@pytest.mark.django_db
def test_renditions_carry_no_location(editor_client):
    exif = PILImage.Exif()
    exif[0x8825] = {1: "N", 2: (60.0, 10.0, 0.0), 3: "E", 4: (24.0, 56.0, 0.0)}  # GPS
    original = jpeg((400, 300), exif)
    assert PILImage.open(io.BytesIO(original)).getexif().get_ifd(0x8825)
    image = Image.objects.create(title="Photo", file=ContentFile(original, "photo.jpg"))
    for spec in ("width-200", "width-200|format-webp", "fill-100x100"):
        rendition = image.get_rendition(spec)
        with rendition.file.open("rb") as stream:
            seen = PILImage.open(io.BytesIO(stream.read()))
            assert not seen.getexif().get_ifd(0x8825), spec
            assert "exif" not in seen.info or b"GPS" not in seen.info["exif"], spec


@pytest.mark.django_db
def test_documents_are_sandboxed_downloads(client, settings, tmp_path):
    # Served from files on disk, as in production (the tests otherwise keep files in memory).
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    document = SiteDocument.objects.create(
        title="Leaflet", file=ContentFile(b"%PDF-1.4 leaflet", "leaflet.pdf")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
