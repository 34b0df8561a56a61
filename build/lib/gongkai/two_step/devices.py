"""Which one-time-password devices an editor has: an authenticator app (TOTP) and a sheet of backup codes."""

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODES = 10


def enrolled(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user):
    """The authenticator being set up: kept until confirmed, so reloading the page shows the same key."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def new_backup_codes(user):
    """Replace the user's backup codes with a fresh sheet; returns the codes (shown once, then only hashed use)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="backup", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def remove_all(user):
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
