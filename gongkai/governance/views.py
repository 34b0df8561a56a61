from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from gongkai.core import spreadsheets

from .freshness import build_report
from . import website_report as figures


def _site(request):
    return Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()


def freshness(request):
    """Every column with its department, rule and days since the last update; the site's verdict on top."""
    report = build_report(site=_site(request))
    state = request.GET.get("state", "problems")
    rows = report.columns if state == "all" else [s for s in report.columns if s.blank or s.overdue or s.due_soon]
    if request.GET.get("export") == "xlsx":
        header = [_("栏目"), _("路径"), _("主管科室"), _("更新要求"), _("最近更新"), _("距今天数"), _("状态")]
        return spreadsheets.table_download("xlsx", f"column-freshness-{report.today.isoformat()}", header, [
            (s.column.title, s.path, s.department, s.rule_label, s.last_update, s.days_since, str(s.state)) for s in rows
        ], title=_("栏目更新情况"))
    return render(request, "gongkai_governance/freshness.html", {"report": report, "rows": rows, "state": state})


def website_report(request):
    site = _site(request)
    years = figures.years_with_content(site) if site else []
    try:
        year = int(request.GET.get("year") or timezone.localdate().year - 1)
    except ValueError:
        year = timezone.localdate().year - 1
    year = min(max(year, 1990), 2100)
    rows = figures.website_report(site, year) if site else []
    columns = figures.by_column(site, year) if site else []
    if request.GET.get("export") == "xlsx":
        data = [(area, item, "" if value is None else value) for area, item, value in rows]
        data += [("", "", "")] + [(_("各一级栏目发布量"), title, count) for title, count in columns]
        return spreadsheets.table_download("xlsx", f"website-report-{year}", [_("类别"), _("项目"), str(year)], data,
                                           title=_("政府网站工作年度报表"))
    return render(request, "gongkai_governance/website_report.html", {
        "year": year, "years": sorted(set(years) | {year}, reverse=True), "rows": rows, "columns": columns})

