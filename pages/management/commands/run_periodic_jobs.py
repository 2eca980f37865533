"""The periodic job runner: scheduled publishing and expiry, every minute.

Production runs it as its own long-lived process (docker-compose's `scheduler` service);
`--once` runs the jobs a single time, for cron or a test.
"""

from __future__ import annotations

import signal
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

# Wagtail's command publishes pages and snippets whose go-live time has come and
# unpublishes those whose expiry time has passed.
PERIODIC_COMMANDS = [("publish_scheduled", {})]


class Command(BaseCommand):
    help = "Run the periodic jobs (scheduled publishing and expiry) every --interval seconds."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run the jobs once and stop.")
        parser.add_argument(
            "--interval", type=int, default=60, help="Seconds between runs (default 60)."
        )

    def handle(self, *args, once: bool = False, interval: int = 60, **options):
        stop = threading.Event()
        if not once:
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, lambda *_: stop.set())
        if once:
            self.run_jobs()
            return
        while not stop.is_set():
            # A database restart between runs must not leave a dead connection behind.
            close_old_connections()
            self.run_jobs()
            close_old_connections()
            stop.wait(max(interval, 1))

    def run_jobs(self) -> None:
        for name, options in PERIODIC_COMMANDS:
            try:
                call_command(name, stdout=self.stdout, stderr=self.stderr, **options)
            except Exception as error:  # keep running: the next run retries
                self.stderr.write(f"{name} failed: {error}")
