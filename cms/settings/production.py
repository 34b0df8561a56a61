import os

import dj_database_url

from .base import *  # noqa: F401,F403
from .base import database_options

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
# Identity numbers have their own key, never one derived from SECRET_KEY: rotating SECRET_KEY must not make them
# unreadable. Comma-separated, newest first (docs/deploy.md, “Rotating the field key”).
if not os.environ.get("GONGKAI_FIELD_KEY", "").strip():
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("GONGKAI_FIELD_KEY is required in production (a Fernet key; see docs/deploy.md)")
GONGKAI_FIELD_KEY = os.environ["GONGKAI_FIELD_KEY"]
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": database_options(dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=600))}

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "gongkai.core.redis_cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }

# Elasticsearch for large sites; without it the Chinese-aware database search of base.py is used.
if os.environ.get("ELASTICSEARCH_URL"):
    from wagtail_chinese_search.elasticsearch import backend_settings

    WAGTAILSEARCH_BACKENDS = {
        "default": backend_settings(
            os.environ["ELASTICSEARCH_URL"],
            version=os.environ.get("ELASTICSEARCH_VERSION", "8"),
            analyzer=os.environ.get("ELASTICSEARCH_ANALYZER", "cjk"),
            index_prefix=os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "gongkai_"),
            # 简称 and synonyms at search time; fill the set first: manage.py sync_search_synonyms (docs/deploy.md)
            synonyms_set=os.environ.get("ELASTICSEARCH_SYNONYMS_SET") or None,
        )
    }

# Hashed, compressed (gzip and Brotli) file names, so browsers and CDNs can cache static files for ever.
STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"  # noqa: F405

# HTTPS everywhere. Behind a proxy that terminates TLS, it must set X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1") == "1"
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "1") == "1"
# Wagtail's preview panel shows the page in a frame of the admin's own origin, so frames stay SAMEORIGIN (not DENY).
SILENCED_SYSTEM_CHECKS = ["security.W019"]
SESSION_COOKIE_SECURE = os.environ.get("SECURE_COOKIES", "1") == "1"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True

# Errors to the service's log (journald under systemd), never to the visitor.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
if os.environ.get("EMAIL_HOST"):
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 587))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "1") == "1"

try:
    from .local import *  # noqa: F401,F403
except ImportError:
    pass
