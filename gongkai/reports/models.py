from django.core.exceptions import ValidationError
from django.db import models
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from gongkai.core import spreadsheets
from gongkai.core.models import ListedPage

from . import exports, statistics
from .blocks import ReportBodyBlock


class ReportFormat(models.TextChoices):
    """Which statutory layout a report follows (docs/specs/annual-report-format.md)."""

    FORMAT_2021 = "2021", _("2021 年格式（国办公开办函〔2021〕30号）")
    FORMAT_2019 = "2019", _("2019 年试行格式（国办公开办函〔2019〕60号）")
    FREE = "free", _("2019 年以前的自由格式")


class ConsistencyWarningsPanel(HelpPanel):
    """Shows the editor what disagrees in the saved draft's tables (to fix before publishing) and the cross-year check
    (rule 5, a warning only)."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.template_name = "gongkai_reports/admin/consistency_warnings.html"
            saved = self.instance.pk is not None
            self.problems = exports.table_problems(self.instance.body) if saved else []
            self.warnings = self.instance.consistency_warnings() if saved else []

        def is_shown(self):
            return bool(self.problems or self.warnings)

        def get_context_data(self, parent_context=None):
            return {**super().get_context_data(parent_context), "problems": self.problems, "warnings": self.warnings}


class PrefillSourcesPanel(HelpPanel):
    """Where each number of a generated draft came from, so the editor knows what to check."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.template_name = "gongkai_reports/admin/prefill_sources.html"
            self.sources = [line for line in (self.instance.prefill_sources or "").splitlines() if line.strip()]

        def is_shown(self):
            return bool(self.sources)

        def get_context_data(self, parent_context=None):
            return {**super().get_context_data(parent_context), "sources": self.sources}


class AnnualReportPage(RoutablePageMixin, ListedPage):
    """政府信息公开工作年度报告: one page per year. Its statistics tables download as CSV, XLSX and JSON."""

    page_description = _("政府信息公开工作年度报告：按法定格式的统计表填写，数字自动合计和核对，可下载为表格")

    year = models.PositiveSmallIntegerField(_("报告年度"), db_index=True)
    report_format = models.CharField(_("报告格式"), max_length=10, choices=ReportFormat.choices, default=ReportFormat.FORMAT_2021)
    issuer = models.CharField(_("发布机关"), max_length=200, blank=True, help_text=_("落款单位"))
    body = StreamField(ReportBodyBlock(), verbose_name=_("正文"), blank=True)
    prefill_sources = models.TextField(_("预填数据来源"), blank=True, editable=False,
                                       help_text=_("生成草稿时每个预填数字的来历，一行一条"))

    api_fields = ListedPage.api_fields + [
        APIField("year"), APIField("report_format"), APIField("issuer"), APIField("body"),
    ]

    search_fields = ListedPage.search_fields + [
        index.SearchField("body"),
        index.FilterField("year"),
    ]

    content_panels = ListedPage.content_panels + [
        ConsistencyWarningsPanel(heading=_("数据核对提示")),
        PrefillSourcesPanel(heading=_("预填数据来源")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("year"), FieldPanel("report_format")]),
                FieldRowPanel([FieldPanel("issuer"), FieldPanel("date")]),
                FieldPanel("backdate_reason"),
                FieldRowPanel([FieldPanel("pinned"), FieldPanel("pinned_until"), FieldPanel("featured")]),
            ],
            heading=_("报告信息"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("政府信息公开工作年度报告")
        verbose_name_plural = _("政府信息公开工作年度报告")

    def default_slug(self, data):
        """A report's address is its year: /annual-reports/2025/."""
        year = str(data.get("year") or "").strip()
        return year if year.isdigit() else ""

    def table_value(self, *block_types):
        return next((value for kind, value in exports.statistics_blocks(self) if kind in block_types), None)

    def previous_report(self):
        """Last year's report in the same column (its latest live version)."""
        parent = self.get_parent() if self.pk else None
        if parent is None:
            return None
        return AnnualReportPage.objects.child_of(parent).live().filter(year=self.year - 1).exclude(pk=self.pk).first()

    def consistency_warnings(self):
        """Rule 5 of docs/specs/annual-report-format.md, across years: a warning for the editor, not an error."""
        if self.report_format != ReportFormat.FORMAT_2021:
            return []
        this_year = self.table_value("proactive_table")
        previous = self.previous_report()
        last_year = previous.table_value("proactive_table") if previous else None
        if this_year is None or last_year is None:
            return []
        return statistics.in_force_warnings(this_year, last_year)

    def has_statistics(self):
        return any(True for _ in exports.statistics_blocks(self))

    def _download(self, content, extension):
        return spreadsheets.download(content, f"annual-report-{self.year}.{extension}")

    @path("tables/csv/", name="tables_csv")
    def tables_csv(self, request):
        return self._download(exports.as_csv(self), "csv")

    @path("tables/xlsx/", name="tables_xlsx")
    def tables_xlsx(self, request):
        return self._download(exports.as_xlsx(self), "xlsx")

    @path("tables/json/", name="tables_json")
    def tables_json(self, request):
        return JsonResponse(exports.as_json(self), json_dumps_params={"ensure_ascii": False})

    def clean(self):
        super().clean()
        if self.year and not 1990 <= self.year <= 2100:
            raise ValidationError({"year": _("报告年度应在 1990 至 2100 之间")})
        if self.year and self.date and self.date.year < self.year:
            raise ValidationError({"date": _("发布日期应在报告年度开始之后")})
        wrong = exports.format_mismatches(self.body, self.report_format)
        if wrong:
            raise ValidationError({"report_format": _("报告格式为“%(format)s”，但正文含有不属于该格式的表格：%(tables)s。请改用相应格式的表格，或更改报告格式。") % {
                "format": self.get_report_format_display(), "tables": "、".join(wrong)}})
