"""Visits, counted on our own server and kept as daily totals: nothing here identifies a reader. The only per-reader
value is a digest of (address, browser, the day's random salt), kept for the day it was made so that a reader is
counted once a day; at the first visit of the next day the digests are counted into DailyVisitors and deleted, and
so is the salt, after which no digest can be made again from an address."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageViews(models.Model):
    """Views of one page (or of one view that is not a page, by its path) in one language on one day."""

    day = models.DateField(_("日期"))
    # Not a foreign key: a year's counts outlive a page deleted in it.
    page_id = models.PositiveIntegerField(_("页面"), default=0)
    path = models.CharField(_("地址"), max_length=255, blank=True, help_text=_("不是页面的视图（如站内搜索）的地址"))
    language = models.CharField(_("语言"), max_length=16)
    views = models.PositiveIntegerField(_("浏览量"), default=0)

    class Meta:
        verbose_name = verbose_name_plural = _("页面浏览量")
        constraints = [models.UniqueConstraint(fields=["day", "page_id", "path", "language"], name="visits_page_day")]


class ReferrerViews(models.Model):
    """Views arriving from another site, by its host name only (never the address of the page linking)."""

    day = models.DateField(_("日期"))
    host = models.CharField(_("来源网站"), max_length=253)
    views = models.PositiveIntegerField(_("浏览量"), default=0)

    class Meta:
        verbose_name = verbose_name_plural = _("访问来源")
        constraints = [models.UniqueConstraint(fields=["day", "host"], name="visits_referrer_day")]


class SearchViews(models.Model):
    """Searches of one query in one language on one day, and how many results it found the last time."""

    day = models.DateField(_("日期"))
    language = models.CharField(_("语言"), max_length=16)
    query = models.CharField(_("搜索词"), max_length=255)
    results = models.PositiveIntegerField(_("结果数"), default=0)
    searches = models.PositiveIntegerField(_("搜索次数"), default=0)

    class Meta:
        verbose_name = verbose_name_plural = _("站内搜索次数")
        constraints = [models.UniqueConstraint(fields=["day", "language", "query"], name="visits_search_day")]


class DailyVisitors(models.Model):
    """独立用户 of a day that has ended (today's are counted from today's digests)."""

    day = models.DateField(_("日期"), unique=True)
    visitors = models.PositiveIntegerField(_("独立用户"), default=0)

    class Meta:
        verbose_name = verbose_name_plural = _("每日独立用户")


class VisitorMark(models.Model):
    """A reader seen today, as a salted digest; deleted when the day is counted."""

    day = models.DateField()
    digest = models.CharField(max_length=32)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["day", "digest"], name="visits_mark_day")]


class DailySalt(models.Model):
    """Today's random salt for the digests; deleted with them."""

    day = models.DateField(unique=True)
    salt = models.CharField(max_length=64)
