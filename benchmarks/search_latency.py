"""Search latency with 18 languages and 300 pages each, on PostgreSQL.

Builds a database of its own (the demo site, then more pages in every language made of the
demo content's own sentences, so each language's words and stemmer are real), then times
searches through the real view: median and 95th percentile.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python benchmarks/search_latency.py
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PAGES_PER_LANGUAGE = 300
SEARCHES_PER_LANGUAGE = 40
BENCH_DATABASE = "ihme_bench_search"


def bench_database_url() -> str:
    import psycopg

    server = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    parts = urlsplit(server)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')
    return urlunsplit(parts._replace(path=f"/{BENCH_DATABASE}"))


def sentences(language: str) -> list[str]:
    """The demo content's sentences in one language, as plain text."""
    from pages.demo_content.loader import load_language_content
    from pages.search.index import plain, stream_strings

    strings = stream_strings(list(load_language_content(language)["pages"].values()))
    text = plain(" ".join(strings))
    parts = [part.strip() for part in text.split(".") if len(part.split()) > 3]
    return parts or [text]


def main() -> int:
    os.environ["DATABASE_URL"] = bench_database_url()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ihme_site.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from wagtail.models import Page

    from ihme_site.languages import SITE_LANGUAGES
    from pages.demo_content.loader import translation_key
    from pages.models import ContentPage
    from pages.search.index import index_page

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", "--no-admin", verbosity=0)
    random.seed(2026)
    started = time.monotonic()
    queries: dict[str, list[str]] = {}
    for language in SITE_LANGUAGES:
        pool = sentences(language.code)
        home = Page.objects.get(
            translation_key=translation_key("page", "home"), locale__language_code=language.code
        )
        existing = Page.objects.filter(locale__language_code=language.code, depth__gte=2).count()
        for number in range(PAGES_PER_LANGUAGE - existing):
            body = " ".join(random.sample(pool, min(6, len(pool))))
            page = home.add_child(
                instance=ContentPage(
                    title=random.choice(pool)[:80],
                    slug=f"bench-{number}",
                    body=json.dumps([{"type": "text", "value": f"<p>{body}</p>"}]),
                )
            )
            index_page(page)  # live at once, without a revision: faster to build
        words = [
            word.strip(",:;!?()«»\"'")
            for sentence in pool
            for word in sentence.split()
            if len(word) > 4 and any(ch.isalpha() for ch in word)
        ]
        queries[language.code] = [random.choice(words) for _ in range(SEARCHES_PER_LANGUAGE)]
    print(
        f"built {Page.objects.filter(depth__gte=2).count()} pages in "
        f"{time.monotonic() - started:.0f} s"
    )

    client = Client()
    timings: dict[str, list[float]] = {}
    for code, words in queries.items():
        client.get(f"/{code}/search/", {"q": words[0]})  # warm the connection and caches
        for word in words:
            start = time.perf_counter()
            response = client.get(f"/{code}/search/", {"q": word})
            timings.setdefault(code, []).append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (code, word)

    def summary(values: list[float]) -> str:
        ordered = sorted(values)
        p95 = ordered[int(0.95 * (len(ordered) - 1))]
        return f"median {statistics.median(ordered):6.1f} ms   p95 {p95:6.1f} ms"

    for code, values in timings.items():
        print(f"{code:8} {summary(values)}")
    print(f"{'all':8} {summary([v for values in timings.values() for v in values])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
