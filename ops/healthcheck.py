"""The container's health check: GET /readyz (or the path given) from the app server itself,
with the site's own host name (Django answers only the hosts of DJANGO_ALLOWED_HOSTS).
Exit 0 when it answers 200, else 1. Standard library only: the image has no curl."""

import os
import sys
import urllib.error
import urllib.request

path = sys.argv[1] if len(sys.argv) > 1 else "/healthz"
host = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")[0]
port = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000").rsplit(":", 1)[1]
request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
try:
    with urllib.request.urlopen(request, timeout=4) as response:  # noqa: S310 (local)
        sys.exit(0 if response.status == 200 else 1)
except (urllib.error.URLError, OSError):
    sys.exit(1)
