from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "gongkai-test-key"
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Most tests change data behind Wagtail's back (queryset updates); the page cache has tests of its own.
GONGKAI_PAGE_CACHE = False
# Tests change the cache and the data directly; every request reads the content version (its own test sets one).
GONGKAI_CONTENT_VERSION_MAX_AGE = 0
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Sessions in the (local-memory) cache: the generated-input tests post thousands of forms.
SESSION_ENGINE = "django.contrib.sessions.backends.cache"
