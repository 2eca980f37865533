"""Page weight: what a phone downloads on a first visit to each page type.

Serves the demo site the way production does (production settings, collected and
pre-compressed static files, gunicorn) on a local port, loads each page in Debian's
Chromium at 360 px with an empty cache, and prints the bytes transferred (compressed, as
on the wire) and the number of requests. Targets (issue "Accessibility and mobile
quality"): a text page at most 30 KB and at most 4 requests.

    .venv/bin/python benchmarks/page_weight.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ihme_site.local_site import build_demo_site, free_port, manage, start_gunicorn  # noqa: E402

PAGES = {
    "home (fi)": "/fi/",
    "home (ar)": "/ar/",
    "section: get help (fi)": "/fi/hae-apua/",
    "content: your rights (fi)": "/fi/hae-apua/sinun-oikeutesi/",
    "content: identifying a victim (en)": "/en/for-authorities/identifying-a-victim/",
    "help finder question (fi)": "/fi/hae-apua/avun-etsija/q2/?a=k2",
    "help finder outcome (ar)": "/ar/get-help/help-finder/r3/?a=k2.k1.k3",
    "news list (fi)": "/fi/uutiset/",
    "training module (en)": "/en/for-authorities/training/identifying-victims/",
    "directory (fi)": "/fi/hae-apua/jarjestot-ja-muut-palvelut/",
}
TARGET_BYTES = 30 * 1024
TARGET_REQUESTS = 4


def serve(workdir: Path) -> tuple[subprocess.Popen, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ihme_site.settings.production",
        "DJANGO_SECRET_KEY": "benchmark-only-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
    }
    build_demo_site(env)
    manage(env, "collectstatic", "--noinput", "-v0")
    port = free_port()
    return start_gunicorn(env, port), f"http://127.0.0.1:{port}"


def measure(browser, url: str) -> tuple[int, int, int]:
    """(bytes on the wire, requests, CSS and JavaScript bytes) for a first visit with an
    empty cache."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    sizes: dict[str, int] = {}
    kinds: dict[str, str] = {}
    session.on(
        "Network.responseReceived",
        lambda event: kinds.__setitem__(event["requestId"], event.get("type", "")),
    )
    session.on(
        "Network.loadingFinished",
        lambda event: sizes.__setitem__(event["requestId"], int(event["encodedDataLength"])),
    )
    response = page.goto(url, wait_until="load")
    if response is None or not response.ok:
        raise RuntimeError(f"{url} answered {response.status if response else 'nothing'}")
    page.wait_for_load_state("networkidle")
    context.close()
    code = sum(size for key, size in sizes.items() if kinds.get(key) in ("Stylesheet", "Script"))
    return sum(sizes.values()), len(sizes), code


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        server, base = serve(Path(tmp))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=shutil.which("chromium"),
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
                )
                print(f"{'page':40} {'KB':>7} {'requests':>9} {'CSS+JS KB':>10}")
                worst_bytes = worst_requests = worst_code = 0
                for name, path in PAGES.items():
                    size, requests, code = measure(browser, base + path)
                    worst_bytes, worst_requests, worst_code = (
                        max(worst_bytes, size),
                        max(worst_requests, requests),
                        max(worst_code, code),
                    )
                    print(f"{name:40} {size / 1024:7.1f} {requests:9d} {code / 1024:10.1f}")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(
        f"largest first load {worst_bytes / 1024:.1f} KB (target {TARGET_BYTES // 1024} KB), "
        f"most requests {worst_requests} (target {TARGET_REQUESTS}), "
        f"CSS and JavaScript {worst_code / 1024:.1f} KB (target 15 KB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
