from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from gongkai.columns.models import ColumnPage

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
