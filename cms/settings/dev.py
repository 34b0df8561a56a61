from .base import *  # noqa: F401,F403

DEBUG = True
# Development only; production.py refuses to start without a real SECRET_KEY.
SECRET_KEY = "django-insecure-gongkai-development-key"
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

try:
    from .local import *  # noqa: F401,F403
except ImportError:
    pass
