from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Site

from gongkai.core import spreadsheets

from .freshness import build_report


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
