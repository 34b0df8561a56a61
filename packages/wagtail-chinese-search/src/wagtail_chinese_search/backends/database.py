"""Chinese-aware database search: `WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}`.

Like Wagtail's own database backend it picks the implementation for the default database (SQLite FTS5 or
PostgreSQL); unlike it, text is segmented into Chinese words when indexed and when searched."""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        from .postgres import ChinesePostgresSearchBackend

        return ChinesePostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.utils import fts5_available

        if not fts5_available():
            raise ImproperlyConfigured("Chinese search on SQLite needs the FTS5 extension.")
        from .sqlite import ChineseSQLiteSearchBackend

        return ChineseSQLiteSearchBackend(params)
    raise ImproperlyConfigured(f"No Chinese search backend for the {connection.vendor} database.")
