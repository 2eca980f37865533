import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from wagtail.users.models import UserProfile

from pages.demo_content.loader import DemoSiteLoader
from pages.old_addresses import load_old_redirects
from pages.two_factor import required_for

# Local users: (username, editorial group or None for a superuser, admin language).
DEMO_USERS = [
    ("admin", None, "en"),
    ("editor", "Editors", "fi"),
    ("moderator", "Moderators", "fi"),
    ("translator", "Translators", "sv"),
]


class Command(BaseCommand):
    help = (
        "Build the demo site in every language (idempotent), a local admin user and a user "
        "for each editorial group."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create the local users."
        )

    def handle(self, *args, no_admin: bool = False, **options):
        report = DemoSiteLoader().load()
        pages = sum(report.created_pages.values())
        contacts = sum(report.created_contacts.values())
        redirects = load_old_redirects().created
        self.stdout.write(
            f"Demo content: {pages} pages, {contacts} contacts and {redirects} redirects "
            "from the earlier sites' addresses created."
        )
        if not no_admin:
            self.stdout.write("Admin: http://127.0.0.1:8000/admin/")
            for username, group, language in DEMO_USERS:
                self._user(username, group, language)

    def _user(self, username: str, group: str | None, language: str) -> None:
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"  {username}: exists already (new password: manage.py changepassword {username})"
            )
            return
        password = secrets.token_urlsafe(12)
        email = f"{username}@example.invalid"
        if group is None:
            user = User.objects.create_superuser(username, email, password)
        else:
            user = User.objects.create_user(username, email, password)
            user.groups.add(Group.objects.get(name=group))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
        role = group or "superuser"
        second_factor = (
            ", sets up two-step verification at first login" if required_for(user) else ""
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"  {username} ({role}, admin in {language}{second_factor}): password {password}"
            )
        )
