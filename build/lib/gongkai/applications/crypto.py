"""Identity numbers are encrypted at rest (Fernet: AES with an HMAC). Admin lists show them masked.

Keys: GONGKAI_FIELD_KEY holds one or more Fernet keys, comma-separated, newest first. New values are encrypted with
the first; any of them decrypts (MultiFernet), so a key is rotated by putting a new one in front and running
`manage.py rotate_field_key`, which re-encrypts every stored value with it. The word `derived` in the list stands for
the key earlier versions derived from SECRET_KEY; without GONGKAI_FIELD_KEY (development and tests only: production
refuses to start) that derived key is the only one.

A value no configured key opens is never turned into an empty string that a later save would write over the stored
ciphertext: it reads as an `Undecryptable` value that shows as such and saves back exactly the ciphertext it came from."""

import base64
import functools
import hashlib
import logging

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)
DERIVED = "derived"


class FieldKeyError(Exception):
    """A stored value that none of the configured keys decrypts."""


class Undecryptable(str):
    """What an encrypted field reads when no configured key opens the stored value: empty to code that tests its
    truth, marked for people, and written back unchanged when its row is saved."""

    def __new__(cls, token):
        value = super().__new__(cls, "")
        value.token = token
        return value

    def __str__(self):
        return str(_("〔无法解密：密钥不符〕"))


def _derived_key():
    digest = hashlib.sha256(("gongkai-field:" + settings.SECRET_KEY).encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


def configured_keys():
    """The key strings in force, newest first."""
    raw = getattr(settings, "GONGKAI_FIELD_KEY", "") or ""
    keys = [key.strip() for key in raw.split(",") if key.strip()] or [DERIVED]
    return [_derived_key() if key == DERIVED else key for key in keys]


@functools.lru_cache(maxsize=4)
def _multi_fernet(keys):
    from cryptography.fernet import Fernet, MultiFernet

    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(f"GONGKAI_FIELD_KEY: {error} (each key: 32 url-safe base64-encoded bytes)") from error


def _fernet():
    return _multi_fernet(tuple(configured_keys()))


def encrypt(text):
    return _fernet().encrypt(text.encode("utf-8")).decode("ascii") if text else ""


def decrypt(token):
    """The plain text of a stored value; FieldKeyError when no configured key opens it."""
    from cryptography.fernet import InvalidToken

    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, ValueError, UnicodeError) as error:
        raise FieldKeyError("no configured GONGKAI_FIELD_KEY decrypts this value") from error


def rotate(token):
    """The same value encrypted with the newest key; FieldKeyError as decrypt."""
    from cryptography.fernet import InvalidToken

    try:
        return _fernet().rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, ValueError, UnicodeError) as error:
        raise FieldKeyError("no configured GONGKAI_FIELD_KEY decrypts this value") from error


def mask(text, keep=4):
    """2301**********1234: enough to tell numbers apart, not enough to use one."""
    if isinstance(text, Undecryptable):
        return str(text)
    if not text:
        return ""
    if len(text) <= keep * 2:
        return text[:1] + "*" * (len(text) - 1)
    return text[:keep] + "*" * (len(text) - keep * 2) + text[-keep:]


class EncryptedCharField(models.TextField):
    """Stores ciphertext; Python code sees the plain text (or an Undecryptable value)."""

    def from_db_value(self, value, expression, connection):
        try:
            return decrypt(value)
        except FieldKeyError:
            logger.error("%s.%s: a stored value cannot be decrypted with GONGKAI_FIELD_KEY; it is kept as it is",
                         self.model._meta.label, self.name)
            return Undecryptable(value)

    def get_prep_value(self, value):
        if isinstance(value, Undecryptable):
            return value.token
        value = super().get_prep_value(value)
        return encrypt(value) if value else ""


def encrypted_fields():
    """(model, field) for every encrypted field of every installed model, for key rotation."""
    from django.apps import apps

    return [(model, field) for model in apps.get_models() for field in model._meta.concrete_fields
            if isinstance(field, EncryptedCharField)]
