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


class SearchSynonym(models.Model):
    """What people type for what the documents say: a 简称 (社保法 for 社会保险法), an everyday word (手机 for 移动电话)
    or an English abbreviation (APP for 移动互联网应用程序). Used when a query is read, so a change needs no re-index;
    documents holding the typed word itself still match too."""

    class Kind(models.TextChoices):
        ABBREVIATION = "abbreviation", _("简称")
        SYNONYM = "synonym", _("同义词")
        REGIONAL = "regional", _("地区用语")
        ENGLISH = "english", _("英文缩写")

    term = models.CharField(_("用户输入的词"), max_length=50, unique=True, help_text=_("如：社保法、手机、APP"))
    meanings = models.CharField(
        _("对应的规范用语"), max_length=255,
        help_text=_("文件中使用的说法，如：社会保险法。有几种说法时用逗号分开，任一说法都能被找到。"))
    kind = models.CharField(_("类别"), max_length=20, choices=Kind.choices, default=Kind.ABBREVIATION)
    note = models.CharField(_("说明"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)

    class Meta:
        verbose_name = _("搜索同义词")
        verbose_name_plural = _("搜索同义词")
        ordering = ["kind", "term"]

    def __str__(self):
        return f"{self.term} → {self.meanings}"

    def meaning_list(self):
        return split_meanings(self.meanings)

    def clean(self):
        from django.core.exceptions import ValidationError

        self.term = " ".join((self.term or "").split())
        if len(self.term) < 2:  # one character (法, 令) would rewrite most queries
            raise ValidationError({"term": _("用户输入的词至少两个字。")})
        if not self.meaning_list():
            raise ValidationError({"meanings": _("请至少填写一种规范用语。")})
        from .fold import fold

        if any(fold(meaning) == fold(self.term) for meaning in self.meaning_list()):
            raise ValidationError({"meanings": _("规范用语不能与用户输入的词相同。")})


def split_meanings(value):
    """'医疗保障, 基本医疗保险' or with Chinese commas or 、 → ['医疗保障', '基本医疗保险']."""
    import re

    return [part.strip() for part in re.split(r"[,，、;；\n]", value or "") if part.strip()]
