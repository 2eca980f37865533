from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ihme_site.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive made by `manage.py backup` into the empty database of "
        "DATABASE_URL and the empty media folder of MEDIA_ROOT."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)

    def handle(self, *args, archive: Path, **options):
        try:
            restored = restore_backup(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {archive}: the database and {restored['media_files']} media files."
            )
        )
