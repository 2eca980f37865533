# Two commands for a fresh machine: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)

.PHONY: install run test lint check browser proxy gettext messages clean

install: $(STAMP)

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

# Serve the demo site on SQLite at http://127.0.0.1:8000 (the admin at /admin/).
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# Debian's Chromium for the browser tests (never a browser download).
browser:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

# nginx: the reverse proxy of docker-compose.yml runs in front of gunicorn in the tests.
proxy:
	@command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx; }

# GNU gettext: the catalogue test runs makemessages, as `make messages` does.
gettext:
	@command -v xgettext >/dev/null || { apt-get update -qq && apt-get install -y -qq gettext; }

# Every test; DATABASE_URL picks the database (SQLite unless set).
test: install browser proxy gettext
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Project checks that CI runs beside the tests.
check: install
	$(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=ihme_site.settings.production \
	  DJANGO_SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_hex(32))') \
	  DJANGO_ALLOWED_HOSTS=ihmiskauppa.fi $(BIN)/python manage.py check --deploy --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run

# Refresh the message catalogues from the templates and code, then compile them.
LOCALES = $(shell $(BIN)/python -c 'from django.utils.translation import to_locale; \
	from ihme_site.languages import SITE_LANGUAGES; print(*(to_locale(l.code) for l in SITE_LANGUAGES))')
messages: install gettext
	$(BIN)/python manage.py makemessages $(addprefix -l ,$(LOCALES)) --no-obsolete \
	  --ignore=.venv --ignore=tests --ignore=pages/demo_content
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 static_collected
