"""What the public's submissions share (依申请公开 applications, mailbox letters): a 查询号 the sender keeps to look
the submission up, and attachments kept where the web server never serves them."""

import os
import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def new_tracking_number():
    # No 0/O/1/I: read out over the phone without confusion.
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    return "GK" + "".join(secrets.choice(alphabet) for _ in range(10))


class PrivateStorage(FileSystemStorage):
    """Files of applicants and replies: outside MEDIA_ROOT, so the web server never serves them; our views hand
    them out after checking who asks."""

    @property
    def base_location(self):
        # Default: beside MEDIA_ROOT (…/media → …/private-media), never inside it.
        media = os.path.abspath(settings.MEDIA_ROOT or "media")
        return getattr(settings, "PRIVATE_MEDIA_ROOT", None) or os.path.join(os.path.dirname(media), "private-media")

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


private_storage = PrivateStorage()
