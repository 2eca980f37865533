"""Backups of the whole site: the PostgreSQL database (pg_dump) and the media files, in one
dated archive; and the restore of such an archive into an empty database and media folder.

An archive holds ``database.dump`` (pg_dump's custom format, without owners or privileges,
so it restores under any role), ``media/`` and ``manifest.json`` (when it was made, from
which database, and the SHA-256 of every file, checked again on restore).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

from ihme_site.page_cache import LANGUAGE_CODES, bump

DUMP_NAME = "database.dump"
MANIFEST_NAME = "manifest.json"
MEDIA_DIR = "media"


class BackupError(Exception):
    """What the operator must fix; the command prints it without a traceback."""


@dataclass(frozen=True)
class PostgresTarget:
    """How pg_dump and pg_restore reach the site's database."""

    name: str
    host: str
    port: str
    user: str
    password: str

    @classmethod
    def from_settings(cls) -> PostgresTarget:
        database = settings.DATABASES["default"]
        if not database["ENGINE"].endswith("postgresql"):
            raise BackupError(
                "Backups are made of PostgreSQL (DATABASE_URL). A local SQLite site is "
                "backed up by copying its db.sqlite3 file and media folder."
            )
        return cls(
            name=database["NAME"],
            host=str(database.get("HOST") or "127.0.0.1"),
            port=str(database.get("PORT") or "5432"),
            user=str(database.get("USER") or "postgres"),
            password=str(database.get("PASSWORD") or ""),
        )

    def arguments(self) -> list[str]:
        return ["--host", self.host, "--port", self.port, "--username", self.user]

    def environment(self) -> dict[str, str]:
        # The password goes through the environment, never the command line (ps shows it).
        return {**os.environ, "PGPASSWORD": self.password} if self.password else dict(os.environ)


def _run(command: list[str], target: PostgresTarget) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: postgresql-client).")
    result = subprocess.run(  # noqa: S603 (fixed program, arguments from settings)
        command, env=target.environment(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def file_checksums(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under folder (none if it does not exist), by relative path."""
    return {
        path.relative_to(folder).as_posix(): sha256_of(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def make_backup(folder: Path) -> Path:
    """Write ihme-<UTC time>.tar.gz into folder and return its path."""
    target = PostgresTarget.from_settings()
    folder.mkdir(parents=True, exist_ok=True)
    made = datetime.now(UTC)
    archive = folder / f"ihme-{made:%Y%m%d-%H%M%S}.tar.gz"
    if archive.exists():
        raise BackupError(f"{archive} exists already; wait a second and run again.")
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / DUMP_NAME
        _run(
            [
                "pg_dump",
                *target.arguments(),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(dump),
                target.name,
            ],
            target,
        )
        media = media_root()
        manifest = {
            "made": made.isoformat(),
            "database": target.name,
            "database_sha256": sha256_of(dump),
            "media": file_checksums(media) if media.is_dir() else {},
        }
        (Path(work) / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2))
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(Path(work) / MANIFEST_NAME, MANIFEST_NAME)
            tar.add(dump, DUMP_NAME)
            for relative in manifest["media"]:
                tar.add(media / relative, f"{MEDIA_DIR}/{relative}")
        partial.rename(archive)  # never a half-written archive under the real name
    return archive


def _database_is_empty() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        )
        return cursor.fetchone()[0] == 0


def _media_is_empty(media: Path) -> bool:
    return not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def restore_backup(archive: Path) -> dict[str, int]:
    """Restore archive into the (empty) database and media folder of the settings."""
    target = PostgresTarget.from_settings()
    if not archive.is_file():
        raise BackupError(f"No archive at {archive}.")
    if not _database_is_empty():
        raise BackupError(
            f"The database {target.name} is not empty: restore into a new, empty database."
        )
    media = media_root()
    if not _media_is_empty(media):
        raise BackupError(f"The media folder {media} is not empty: restore into an empty one.")
    with tempfile.TemporaryDirectory() as work:
        try:
            with tarfile.open(archive, "r:gz") as tar:
                # The "data" filter refuses absolute paths, links out of the folder and devices.
                tar.extractall(work, filter="data")
            manifest = json.loads((Path(work) / MANIFEST_NAME).read_text())
        except (tarfile.TarError, OSError, ValueError, KeyError) as error:
            raise BackupError(f"{archive} is not a backup of this site: {error}") from error
        if file_checksums(Path(work) / MEDIA_DIR) != manifest["media"] or (
            sha256_of(Path(work) / DUMP_NAME) != manifest["database_sha256"]
        ):
            raise BackupError(f"{archive} is damaged: its files do not match its manifest.")
        _run(
            [
                "pg_restore",
                *target.arguments(),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                "--dbname",
                target.name,
                str(Path(work) / DUMP_NAME),
            ],
            target,
        )
        if manifest["media"]:
            media.mkdir(parents=True, exist_ok=True)
            shutil.copytree(Path(work) / MEDIA_DIR, media, dirs_exist_ok=True)
    # Pages cached from whatever this database held before are retired.
    bump(LANGUAGE_CODES)
    return {"media_files": len(manifest["media"])}
