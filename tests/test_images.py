"""Body images go out as renditions: WebP with a JPEG fallback, width-limited srcset,
explicit width and height, lazy loading."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model


def photo(width: int = 1600, height: int = 900):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), (40, 90, 140)).save(buffer, "JPEG")
    return get_image_model().objects.create(title="Photo", file=ImageFile(buffer, name="photo.jpg"))


@pytest.mark.django_db
def test_a_body_image_is_a_responsive_lazy_picture(client, demo_page):
    page = demo_page("your-rights", "en")
    image = photo()
    page.body.append(
        (
            "image",
            {"image": image, "alt_text": "A calm harbour", "decorative": False, "caption": ""},
        )
    )
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    picture = re.search(r"<picture>.*?</picture>", html, flags=re.S).group(0)
    assert 'type="image/webp"' in picture
    webp = re.search(r'<source[^>]*srcset="([^"]+)"[^>]*type="image/webp"', picture) or re.search(
        r'<source[^>]*type="image/webp"[^>]*srcset="([^"]+)"', picture
    )
    widths = sorted(int(w) for w in re.findall(r" (\d+)w", webp.group(1)))
    assert widths == [360, 720, 1080]
    img = re.search(r"<img [^>]+>", picture).group(0)
    assert 'alt="A calm harbour"' in img
    assert 'loading="lazy"' in img
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    assert 'sizes="' in picture
