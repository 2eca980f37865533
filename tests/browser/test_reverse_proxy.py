"""The reverse proxy of docker-compose.yml (deploy/nginx.conf.template, run by Debian's nginx)
in front of gunicorn with production settings: pages pass through with the app's headers,
image renditions come from the media folder, original uploads and documents never do, and
its log holds no client address or query string."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ihme_site.local_site import (
    ROOT,
    build_demo_site,
    free_port,
    manage,
    production_env,
    start_gunicorn,
    wait_for_port,
)

from .conftest import _Database

pytestmark = pytest.mark.browser  # a served site, like the browser tests

ADD_MEDIA = """
import io
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from pages.documents import SiteDocument
buffer = io.BytesIO()
PILImage.new("RGB", (400, 300), (30, 90, 160)).save(buffer, "JPEG")
image = Image.objects.create(title="Cover", file=ContentFile(buffer.getvalue(), "cover.jpg"))
document = SiteDocument.objects.create(
    title="Leaflet", file=ContentFile(b"%PDF-1.4 x", "leaflet.pdf")
)
print(image.get_rendition("width-200").url, image.file.url, document.file.url, document.url)
"""


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs) -> None:
        return None  # the redirect itself is the answer


OPENER = urllib.request.build_opener(_NoRedirects)


def fetch(url: str, **headers: str) -> Answer:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (the local site)
    try:
        with OPENER.open(request, timeout=10) as response:
            return Answer(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, dict(error.headers), error.read())


def render_template(values: dict[str, str]) -> str:
    """What the nginx image does at start: fill in ${IHME_...} from the environment."""
    text = (ROOT / "deploy" / "nginx.conf.template").read_text()
    rendered = re.sub(r"\$\{(IHME_[A-Z_]+)\}", lambda m: values[m.group(1)], text)
    assert "${IHME_" not in rendered
    return rendered


@dataclass
class Proxied:
    proxy: str
    app: str
    media_urls: list[str]
    access_log: Path


@pytest.fixture(scope="module")
def proxied(tmp_path_factory) -> Iterator[Proxied]:
    nginx = shutil.which("nginx")
    assert nginx, "Debian's nginx is missing: `make test` installs it"
    folder = tmp_path_factory.mktemp("proxy")
    database = _Database(folder, name="proxy")
    env = production_env(folder, database.url)
    env["DJANGO_SECURE_SSL_REDIRECT"] = "true"  # the proxy reports the scheme
    build_demo_site(env)
    manage(env, "collectstatic", "--noinput", "-v0")
    media_urls = manage(env, "shell", "-v0", "-c", ADD_MEDIA, capture=True).stdout.split()
    app_port, proxy_port = free_port(), free_port()
    access_log = folder / "access.log"
    config = folder / "nginx.conf"
    config.write_text(
        ""
        # pytest's folders are the user's own: the worker must be that user to read them.
        + ("user root;\n" if os.geteuid() == 0 else "")
        + "worker_processes 1;\n"
        f"pid {folder}/nginx.pid;\n"
        f"error_log {folder}/error.log;\n"
        "events {}\n"
        "http {\n"
        "include /etc/nginx/mime.types;\n"
        f"client_body_temp_path {folder}/body; proxy_temp_path {folder}/proxy;\n"
        + render_template(
            {
                "IHME_UPSTREAM": f"127.0.0.1:{app_port}",
                "IHME_PROXY_PORT": f"127.0.0.1:{proxy_port}",
                "IHME_MEDIA_ROOT": str(folder / "media"),
                "IHME_ACCESS_LOG": str(access_log),
            }
        )
        + "}\n"
    )
    app = start_gunicorn(env, app_port, workers=1)
    proxy = subprocess.Popen(
        [nginx, "-c", str(config), "-p", str(folder), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for_port(proxy_port, proxy)
        yield Proxied(
            f"http://127.0.0.1:{proxy_port}",
            f"http://127.0.0.1:{app_port}",
            media_urls,
            access_log,
        )
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)
        app.terminate()
        app.wait(timeout=30)
        database.drop()


# TLS ends at the load balancer before the proxy, which reports it.
BEHIND_TLS = {"X-Forwarded-Proto": "https"}


def test_pages_pass_through_with_the_apps_headers(proxied):
    through = fetch(proxied.proxy + "/en/get-help/", **BEHIND_TLS)
    # The same Host as through the proxy: absolute links in the page carry it.
    direct = fetch(proxied.app + "/en/get-help/", Host=proxied.proxy.split("//")[1], **BEHIND_TLS)
    assert through.status == direct.status == 200
    assert through.body == direct.body
    for header in ("Content-Security-Policy", "Cache-Control", "Strict-Transport-Security"):
        assert through.headers[header] == direct.headers[header]
    assert through.headers["Server"] == "nginx"  # no version
    assert "Set-Cookie" not in through.headers


def test_plain_http_from_the_load_balancer_is_sent_to_https(proxied):
    answer = fetch(proxied.proxy + "/en/", **{"X-Forwarded-Proto": "http"})
    assert answer.status == 301
    assert answer.headers["Location"] == proxied.proxy.replace("http:", "https:") + "/en/"


def test_health_checks_answer_through_the_proxy_over_plain_http(proxied):
    assert fetch(proxied.proxy + "/healthz").status == 200
    assert fetch(proxied.proxy + "/readyz").status == 200


def test_renditions_come_from_the_media_folder_with_caching_headers(proxied):
    rendition = proxied.media_urls[0]
    answer = fetch(proxied.proxy + rendition)
    assert answer.status == 200
    assert answer.headers["Content-Type"] == "image/jpeg"
    assert answer.body[:3] == b"\xff\xd8\xff"
    assert "max-age=604800" in answer.headers["Cache-Control"]
    assert "public" in answer.headers["Cache-Control"]
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in answer.headers["Content-Security-Policy"]


def test_originals_and_document_files_are_never_served_from_the_folder(proxied):
    _rendition, original, document_file, document_view = proxied.media_urls
    assert original.startswith("/media/original_images/")
    assert fetch(proxied.proxy + original).status == 404
    assert fetch(proxied.proxy + document_file).status == 404
    # The document itself comes through the app, as a download.
    answer = fetch(proxied.proxy + document_view, **BEHIND_TLS)
    assert answer.status == 200
    assert answer.headers["Content-Disposition"].startswith("attachment")


def test_the_proxy_log_holds_no_address_and_no_query(proxied):
    fetch(proxied.proxy + "/en/search/?q=my+secret+words", **BEHIND_TLS)
    fetch(proxied.proxy + "/en/", **BEHIND_TLS)
    log = proxied.access_log.read_text()
    assert '"GET /en/search/ HTTP/1.1" 200' in log
    assert "secret" not in log and "q=" not in log
    assert "127.0.0.1" not in log
