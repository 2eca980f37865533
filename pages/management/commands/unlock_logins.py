from django.core.management.base import BaseCommand, CommandError

from pages.login_throttle import clear


class Command(BaseCommand):
    help = "Lift a login lockout (pages/login_throttle.py) of an account or an address."

    def add_arguments(self, parser):
        parser.add_argument("--user", default="", help="the account's username")
        parser.add_argument("--address", default="", help="the IP address logins came from")

    def handle(self, *args, user: str, address: str, **options):
        if not user and not address:
            raise CommandError("Name an account (--user) or an address (--address).")
        clear(username=user, address=address)
        self.stdout.write(self.style.SUCCESS("Unlocked."))
