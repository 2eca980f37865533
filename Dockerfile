# The web app and the periodic job runner (same image, different command).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=ihme_site.settings.production \
    STATIC_ROOT=/app/static_collected \
    MEDIA_ROOT=/app/media

WORKDIR /app
# pg_dump and pg_restore for `manage.py backup` and `restore` (the same major version as
# the postgres:15 service).
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client-15 \
 && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
# Hashed, pre-compressed static files are part of the image; collectstatic needs no secrets.
RUN DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=build.invalid \
    python manage.py collectstatic --noinput -v0 \
 && useradd --system --uid 10001 --home /app ihme \
 && mkdir -p /app/media /app/backups && chown ihme /app/media /app/backups

USER ihme
EXPOSE 8000
CMD ["gunicorn", "--config", "gunicorn.conf.py", "ihme_site.wsgi:application"]
