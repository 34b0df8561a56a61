"""System checks for the field keys: a malformed key fails at start-up, not at the first application."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured


@checks.register(checks.Tags.security)
def field_keys_are_valid(app_configs=None, **kwargs):
    from .crypto import _fernet

    try:
        _fernet()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="gongkai.E001")]
    return []


@checks.register(checks.Tags.security, deploy=True)
def field_key_is_dedicated(app_configs=None, **kwargs):
    if not (getattr(settings, "GONGKAI_FIELD_KEY", "") or "").strip():
        return [checks.Error(
            "GONGKAI_FIELD_KEY is not set: identity numbers would be encrypted with a key derived from SECRET_KEY, "
            "and rotating SECRET_KEY would make them unreadable.",
            hint="Set GONGKAI_FIELD_KEY to a Fernet key (docs/deploy.md).", id="gongkai.E002")]
    return []
