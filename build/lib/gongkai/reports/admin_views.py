from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from gongkai.columns.models import ColumnPage
from gongkai.core import spreadsheets

from . import website_report as figures
from .drafts import draft_next_report, report_year_due


def draft_next(request, column_id):
    """Confirm, then create next year's annual report as a draft and open it in the editor."""
    column = get_object_or_404(ColumnPage, pk=column_id)
    if not column.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    year = report_year_due()
    if request.method == "POST":
        report = draft_next_report(column, user=request.user, year=year)
        messages.success(request, _("已生成 %(year)s 年度报告草稿：主动公开数据已按本站文件预填，请核对并补全其余表格和文字。") % {"year": year})
        return redirect(reverse("wagtailadmin_pages:edit", args=[report.pk]))
    return TemplateResponse(request, "gongkai_reports/admin/draft_next.html", {"column": column, "year": year})


def website_report(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
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
    return render(request, "gongkai_reports/website_report.html", {
        "year": year, "years": sorted(set(years) | {year}, reverse=True), "rows": rows, "columns": columns})

