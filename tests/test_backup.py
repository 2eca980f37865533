"""Backup drill: the demo site with media, `manage.py backup`, `manage.py restore` into a
fresh database and media folder; then the counts of what editors made and the media
checksums are identical. Restoring over a site, or a damaged archive, is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ihme_site.backup import file_checksums
from ihme_site.local_site import build_demo_site, manage, production_env

from .browser.conftest import _Database

ADD_MEDIA = """
import io
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from pages.documents import SiteDocument
buffer = io.BytesIO()
PILImage.new("RGB", (640, 480), (200, 120, 40)).save(buffer, "JPEG")
image = Image.objects.create(title="Cover", file=ContentFile(buffer.getvalue(), "cover.jpg"))
image.get_rendition("width-320")
SiteDocument.objects.create(
    title="Leaflet", file=ContentFile(b"%PDF-1.4 leaflet for the drill", "leaflet.pdf")
)
"""

COUNTS = """
import json
from django.contrib.auth.models import Group, User
from wagtail.contrib.redirects.models import Redirect
from wagtail.images.models import Image, Rendition
from wagtail.models import Locale, Page, Revision, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from pages.directory import Organisation
from pages.documents import SiteDocument
from pages.models import Contact
print(json.dumps({
    "pages": Page.objects.count(),
    "live pages": Page.objects.live().count(),
    "revisions": Revision.objects.count(),
    "locales": Locale.objects.count(),
    "translations": Translation.objects.count(),
    "translation sources": TranslationSource.objects.count(),
    "string translations": StringTranslation.objects.count(),
    "contacts": Contact.objects.count(),
    "organisations": Organisation.objects.count(),
    "redirects": Redirect.objects.count(),
    "images": Image.objects.count(),
    "renditions": Rendition.objects.count(),
    "documents": SiteDocument.objects.count(),
    "groups": Group.objects.count(),
    "users": User.objects.count(),
    "workflow states": WorkflowState.objects.count(),
    "titles": sorted(Page.objects.values_list("title", flat=True)),
}))
"""


def counts(env: dict[str, str]) -> dict:
    return json.loads(manage(env, "shell", "-v0", "-c", COUNTS, capture=True).stdout)


def site_env(database: _Database, media: Path) -> dict[str, str]:
    return {**production_env(media.parent, database.url), "MEDIA_ROOT": str(media)}


def test_backup_restores_into_a_fresh_database_and_folder(tmp_path):
    source = _Database(tmp_path, name="backup_source")
    if not source.postgres:
        pytest.skip("backups are of PostgreSQL (CI runs this on it)")
    target = _Database(tmp_path, name="backup_target")
    try:
        source_env = site_env(source, tmp_path / "media-source")
        target_env = site_env(target, tmp_path / "media-restored")
        build_demo_site(source_env)
        manage(source_env, "shell", "-v0", "-c", ADD_MEDIA)
        manage(source_env, "load_demo_content", "-v0")  # the demo users too

        manage(source_env, "backup", "--output", str(tmp_path / "backups"))
        [archive] = (tmp_path / "backups").glob("ihme-*.tar.gz")
        manage(target_env, "restore", str(archive))

        before, after = counts(source_env), counts(target_env)
        assert before == after
        assert before["images"] == 1 and before["documents"] == 1 and before["redirects"] > 20
        media = file_checksums(tmp_path / "media-source")
        assert len(media) == 3  # the image, its rendition, the document
        assert file_checksums(tmp_path / "media-restored") == media

        # A second restore would mix two sites: refused, nothing changed.
        again = manage(target_env, "restore", str(archive), check=False, capture=True)
        assert again.returncode == 1
        assert "is not empty: restore into a new, empty database" in again.stderr
        assert "Traceback" not in again.stderr
        assert counts(target_env) == before
    finally:
        source.drop()
        target.drop()


def test_a_damaged_archive_is_refused_and_nothing_restored(tmp_path):
    target = _Database(tmp_path, name="backup_damaged")
    if not target.postgres:
        pytest.skip("backups are of PostgreSQL (CI runs this on it)")
    try:
        damaged = tmp_path / "ihme-20260101-000000.tar.gz"
        damaged.write_bytes(b"\x1f\x8b not really an archive")
        env = site_env(target, tmp_path / "media")
        result = manage(env, "restore", str(damaged), check=False, capture=True)
        assert result.returncode == 1
        assert "is not a backup of this site" in result.stderr
        assert "Traceback" not in result.stderr
        assert not (tmp_path / "media").exists()
    finally:
        target.drop()
