"""Production settings for the load benchmark on this machine: plain HTTP on loopback, Redis as in production."""

import os

os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("GONGKAI_FIELD_KEY", "Vq3kD8ZbYz5cM1uR9xT0wL2nA7eF4hJ6gK8pS1dQ3rE=")

from cms.settings.production import *  # noqa: E402,F401,F403

ROOT_URLCONF = "benchmarks.http_urls"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
GONGKAI_PAGE_CACHE = os.environ.get("BENCH_PAGE_CACHE", "1") == "1"
GONGKAI_SITE_CACHE = os.environ.get("BENCH_SITE_CACHE", "1") == "1"
