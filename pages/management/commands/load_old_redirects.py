from django.core.management.base import BaseCommand

from pages.old_addresses import load_old_redirects


class Command(BaseCommand):
    help = (
        "Load the earlier sites' addresses (pages/old_addresses.py) as permanent Wagtail "
        "redirects; existing redirects are kept, so editors manage them in the admin."
    )

    def handle(self, *args, **options):
        report = load_old_redirects()
        self.stdout.write(
            f"Old addresses: {report.created} redirects created, {report.kept} already there."
        )
        for address in report.missing:
            self.stderr.write(
                self.style.WARNING(
                    f"  {address.path}: no '{address.page_key}' page in {address.language}"
                )
            )
