import datetime

from django import forms
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core import spreadsheets

from . import statistics

MAX_DAYS = 3 * 366
# Excel opens at most 1,048,576 rows a sheet; beyond this many, the detail is in the CSV download only.
XLSX_DETAIL_ROWS = 200_000


class PeriodForm(forms.Form):
    # The browser's date picker reads and writes YYYY-MM-DD, whatever the admin's language.
    start = forms.DateField(label=gettext_lazy("开始日期"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    end = forms.DateField(label=gettext_lazy("结束日期"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if start > end:
                raise forms.ValidationError(_("开始日期不能晚于结束日期。"))
            if (end - start).days >= MAX_DAYS:
                raise forms.ValidationError(_("一次最多查看三年，请缩短时间段。"))
        return data


def periods(today):
    """The quick choices above the form: (label, start, end)."""
    return [
        (_("近 7 天"), today - datetime.timedelta(days=6), today),
        (_("近 30 天"), today - datetime.timedelta(days=29), today),
        (_("今年"), datetime.date(today.year, 1, 1), today),
        (_("去年"), datetime.date(today.year - 1, 1, 1), datetime.date(today.year - 1, 12, 31)),
    ]


def report(request):
    """报告 → 访问统计."""
    today = timezone.localdate()
    default_start = today - datetime.timedelta(days=29)
    form = PeriodForm(request.GET if "start" in request.GET or "end" in request.GET else None,
                      initial={"start": default_start, "end": today})
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    else:
        start, end = default_start, today
    export = request.GET.get("export")
    name = f"visits-{start.isoformat()}-{end.isoformat()}"
    if export == "csv":
        return spreadsheets.table_download("csv", name, detail_header(), statistics.detail(start, end, request))
    visitors = statistics.visitors_by_day(start, end)
    figures = {
        "totals": statistics.totals(start, end, visitors),
        "daily": statistics.daily(start, end, visitors),
        "pages": statistics.top_pages(start, end, request),
        "columns": statistics.by_column(start, end),
        "languages": statistics.by_language(start, end),
        "referrers": statistics.referrers(start, end),
        "unfound": statistics.searches(start, end, without_results=True),
        "searches": statistics.searches(start, end),
    }
    if export == "xlsx":
        return spreadsheets.download(spreadsheets.xlsx_content(workbook(figures, start, end, request)), name + ".xlsx")
    return TemplateResponse(request, "gongkai_visits/admin/report.html", {
        "form": form, "start": start, "end": end, "periods": periods(today), **figures})


def detail_header():
    return [_("日期"), _("页面"), _("地址"), _("栏目"), _("语言"), _("浏览量")]


def workbook(figures, start, end, request):
    totals = figures["totals"]
    period = f"{start.isoformat()} — {end.isoformat()}"
    return [
        (_("概况"), [[_("时间段"), period], [_("浏览量（次）"), totals["views"]], [_("独立用户（个）"), totals["visitors"]],
                   [_("首页浏览量（次）"), totals["home_views"]]], 0),
        (_("每日"), [[_("日期"), _("浏览量"), _("独立用户")], *figures["daily"]], 1),
        (_("阅读最多的页面"), [[_("页面"), _("地址"), _("栏目"), _("语言"), _("浏览量")], *figures["pages"]], 1),
        (_("栏目"), [[_("栏目"), _("浏览量")], *figures["columns"]], 1),
        (_("语言"), [[_("语言"), _("浏览量")], *figures["languages"]], 1),
        (_("访问来源"), [[_("来源网站"), _("浏览量")], *figures["referrers"]], 1),
        (_("没有结果的搜索"), [[_("搜索词"), _("搜索次数"), _("结果数")], *statistics.searches(start, end, None, True)], 1),
        (_("搜索词"), [[_("搜索词"), _("搜索次数"), _("结果数")], *statistics.searches(start, end, None)], 1),
        (_("明细"), detail_sheet(start, end, request), 1),
    ]


def detail_sheet(start, end, request):
    if statistics.views_in(start, end).count() > XLSX_DETAIL_ROWS:
        return [[_("这段时间的明细超过 %(n)s 行，请下载明细（CSV）。") % {"n": XLSX_DETAIL_ROWS}]]
    return [detail_header(), *statistics.detail(start, end, request)]
