"""Rotating DJANGO_SECRET_KEY (README, operations): an editor's session signed with the old
key stays valid while the old key is listed in DJANGO_SECRET_KEY_FALLBACKS."""

import os
import subprocess
import sys

from ihme_site.local_site import ROOT

SIGN_AND_CHECK = """
from django.core import signing
print(signing.loads({token!r}, salt="rotation"))
"""


def run(env_overrides: dict[str, str], code: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_SECRET_KEY")}
    env |= {"DJANGO_SETTINGS_MODULE": "ihme_site.settings.dev", **env_overrides}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_old_key_is_accepted_only_while_it_is_a_fallback():
    signed = run(
        {"DJANGO_SECRET_KEY": "old-key-" + "x" * 50},
        'from django.core import signing; print(signing.dumps("editor", salt="rotation"))',
    )
    token = signed.stdout.strip()
    check = SIGN_AND_CHECK.format(token=token)
    new_key = {"DJANGO_SECRET_KEY": "new-key-" + "y" * 50}
    with_fallback = run({**new_key, "DJANGO_SECRET_KEY_FALLBACKS": "old-key-" + "x" * 50}, check)
    assert with_fallback.returncode == 0 and with_fallback.stdout.strip() == "editor"
    without = run(new_key, check)
    assert without.returncode != 0 and "BadSignature" in without.stderr
