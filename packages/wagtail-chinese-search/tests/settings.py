"""A minimal project for the package's own tests: django-modelsearch and one indexed model, no Wagtail pages.
SQLite by default; DATABASE_URL=postgres://… runs the same tests on PostgreSQL."""

import os
from urllib.parse import urlparse

SECRET_KEY = "tests-only"
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "modelsearch",
    "wagtail_chinese_search",
    "tests.testapp",
]
MODELSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail_chinese_search.backends.database"}}


def _database(url):
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
    parts = urlparse(url)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": parts.path.lstrip("/"),
        "USER": parts.username or "",
        "PASSWORD": parts.password or "",
        "HOST": parts.hostname or "",
        "PORT": parts.port or "",
        # Prepared statements allowed, as a site that has no transaction-mode pooler would (README, "Speed").
        "OPTIONS": {"prepare_threshold": 5},
    }


DATABASES = {"default": _database(os.environ.get("DATABASE_URL"))}
