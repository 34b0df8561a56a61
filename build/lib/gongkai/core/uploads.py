"""Attachments from the public: only PDF, JPEG and PNG, recognised by their content (not just their name), and
no larger than the limit."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SIGNATURES = {
    "pdf": [b"%PDF-"],
    "jpg": [b"\xff\xd8\xff"],
    "jpeg": [b"\xff\xd8\xff"],
    "png": [b"\x89PNG\r\n\x1a\n"],
}


def max_upload_size():
    return getattr(settings, "GONGKAI_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)


def validate_public_upload(upload):
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in SIGNATURES:
        raise ValidationError(_("只接受 PDF、JPG 或 PNG 文件，“%(name)s”不是。") % {"name": name[:80]})
    if upload.size > max_upload_size():
        raise ValidationError(_("文件“%(name)s”大于 %(limit)s MB 的上限，请压缩后或分成几个文件提交。") % {
            "name": name[:80], "limit": f"{max_upload_size() / 1048576:g}"})
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in SIGNATURES[extension]):
        raise ValidationError(_("文件“%(name)s”的内容不是它的扩展名所说的格式，请重新选择。") % {"name": name[:80]})
    return upload
