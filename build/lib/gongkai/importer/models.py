from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedPage(models.Model):
    """Remembers which page a line of an import file became, so a re-import updates it."""

    key = models.CharField(_("导入键"), max_length=255, unique=True)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    checksum = models.CharField(max_length=64, help_text=_("上次导入内容的摘要；相同则跳过"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("导入记录")
        verbose_name_plural = _("导入记录")

    def __str__(self):
        return self.key
