import os

import dj_database_url

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=600)}

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }

# Elasticsearch for large sites; without it the Chinese-aware database search of base.py is used.
if os.environ.get("ELASTICSEARCH_URL"):
    from search.elasticsearch import backend_settings

    WAGTAILSEARCH_BACKENDS = {
        "default": backend_settings(
            os.environ["ELASTICSEARCH_URL"],
            version=os.environ.get("ELASTICSEARCH_VERSION", "8"),
            analyzer=os.environ.get("ELASTICSEARCH_ANALYZER", "cjk"),
            index_prefix=os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "gongkai_"),
        )
    }

# Hashed file names so browsers can cache static files for ever.
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"  # noqa: F405

SESSION_COOKIE_SECURE = os.environ.get("SECURE_COOKIES", "1") == "1"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

try:
    from .local import *  # noqa: F401,F403
except ImportError:
    pass
