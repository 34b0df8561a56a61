from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchTerm(models.Model):
    """A word the segmenter must keep whole (a programme name, a local place): 星创天地, 一次性告知单.
    Pages indexed before the word was added are segmented the old way until the index is rebuilt."""

    word = models.CharField(_("词语"), max_length=50, unique=True)
    note = models.CharField(_("说明"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("添加时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("搜索词典词语")
        verbose_name_plural = _("搜索词典")
        ordering = ["word"]

    def __str__(self):
        return self.word
