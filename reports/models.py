from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.api import APIField
from wagtail.search import index

from core.models import ListedPage

from .blocks import ReportBodyBlock


class ReportFormat(models.TextChoices):
    """Which statutory layout a report follows (see the annual report format spec)."""

    FORMAT_2021 = "2021", _("2021 年格式（国办公开办函〔2021〕30号）")
    FORMAT_2019 = "2019", _("2019 年试行格式（国办公开办函〔2019〕60号）")
    FREE = "free", _("2019 年以前的自由格式")


class AnnualReportPage(ListedPage):
    """政府信息公开工作年度报告: one page per year."""

    year = models.PositiveSmallIntegerField(_("报告年度"), db_index=True)
    report_format = models.CharField(_("报告格式"), max_length=10, choices=ReportFormat.choices, default=ReportFormat.FORMAT_2021)
    issuer = models.CharField(_("发布机关"), max_length=200, blank=True, help_text=_("落款单位"))
    body = StreamField(ReportBodyBlock(), verbose_name=_("正文"), blank=True)

    api_fields = ListedPage.api_fields + [
        APIField("year"), APIField("report_format"), APIField("issuer"), APIField("body"),
    ]

    search_fields = ListedPage.search_fields + [
        index.SearchField("body"),
        index.FilterField("year"),
    ]

    content_panels = ListedPage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("year"), FieldPanel("report_format")]),
                FieldRowPanel([FieldPanel("issuer"), FieldPanel("date")]),
                FieldRowPanel([FieldPanel("pinned"), FieldPanel("featured")]),
            ],
            heading=_("报告信息"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("政府信息公开工作年度报告")
        verbose_name_plural = _("政府信息公开工作年度报告")

    def clean(self):
        super().clean()
        if self.year and not 1990 <= self.year <= 2100:
            raise ValidationError({"year": _("报告年度应在 1990 至 2100 之间")})
        if self.year and self.date and self.date.year < self.year:
            raise ValidationError({"date": _("发布日期应在报告年度开始之后")})
