"""Renditions never carry the original photo's metadata.

An editor's photo can hold where and when it was taken and with which device (EXIF). Willow,
which saves Wagtail's renditions, copies the original's EXIF block into every JPEG and PNG
rendition it saves. Wagtail turns the picture upright before resizing, so the block is not
needed for display: renditions are saved without it. (Original uploads are never served
from the media folder: deploy/nginx.conf.template.)
"""

from __future__ import annotations

from willow.plugins.pillow import PillowImage


def _no_exif(image: PillowImage) -> None:
    return None


def strip_metadata_from_renditions() -> None:
    PillowImage.get_exif_data = _no_exif
