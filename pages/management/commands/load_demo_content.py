import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from pages.demo_content.loader import DemoSiteLoader


class Command(BaseCommand):
    help = "Build the demo site in every language (idempotent) and a local admin user."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create the local admin user."
        )

    def handle(self, *args, no_admin: bool = False, **options):
        report = DemoSiteLoader().load()
        pages = sum(report.created_pages.values())
        contacts = sum(report.created_contacts.values())
        self.stdout.write(f"Demo content: {pages} pages and {contacts} contacts created.")
        if not no_admin:
            self._admin_user()

    def _admin_user(self) -> None:
        User = get_user_model()
        if User.objects.filter(username="admin").exists():
            self.stdout.write(
                "Admin user 'admin' exists already (new password: manage.py changepassword admin)."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.invalid", password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: http://127.0.0.1:8000/admin/  user: admin  password: {password}"
            )
        )
