from django.core.management.base import BaseCommand

from pages.search.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the site search index from every live page."

    def handle(self, *args, **options):
        count = rebuild()
        self.stdout.write(f"Search index: {count} pages.")
