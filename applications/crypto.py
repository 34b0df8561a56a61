"""Identity numbers are encrypted at rest (Fernet: AES with an HMAC), with a key from GONGKAI_FIELD_KEY or, failing
that, derived from SECRET_KEY. Admin lists show them masked."""

import base64
import hashlib

from django.conf import settings
from django.db import models


def _fernet():
    from cryptography.fernet import Fernet

    key = getattr(settings, "GONGKAI_FIELD_KEY", "") or ""
    if not key:
        key = base64.urlsafe_b64encode(hashlib.sha256(("gongkai-field:" + settings.SECRET_KEY).encode()).digest()).decode()
    return Fernet(key.encode() if isinstance(key, str) else key)


def encrypt(text):
    return _fernet().encrypt(text.encode("utf-8")).decode("ascii") if text else ""


def decrypt(token):
    from cryptography.fernet import InvalidToken

    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, ValueError):
        return ""


def mask(text, keep=4):
    """2301**********1234: enough to tell numbers apart, not enough to use one."""
    if not text:
        return ""
    if len(text) <= keep * 2:
        return text[:1] + "*" * (len(text) - 1)
    return text[:keep] + "*" * (len(text) - keep * 2) + text[-keep:]


class EncryptedCharField(models.TextField):
    """Stores ciphertext; Python code sees the plain text."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else ""
