from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ihme_site.backup import BackupError, make_backup


class Command(BaseCommand):
    help = (
        "Write a dated archive of the database (pg_dump) and the media files: "
        "ihme-<UTC time>.tar.gz in --output (default: BACKUP_DIR)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=Path(settings.BACKUP_DIR))

    def handle(self, *args, output: Path, **options):
        try:
            archive = make_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backup written: {archive}"))
