from django import forms
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
from .drafts import bureau_name, draft_next_report, report_year_due
from .models import AnnualReportPage


class DraftYearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("报告年度"), coerce=int)

    def __init__(self, *args, column, **kwargs):
        super().__init__(*args, **kwargs)
        due = report_year_due()
        self.taken = set(AnnualReportPage.objects.child_of(column).values_list("year", flat=True))
        # The year just ended is due by 31 January; earlier years for a bureau catching up; this year to start early.
        years = range(due + 1, due - 6, -1)
        self.fields["year"].choices = [
            (year, _("%(year)s 年（已有报告）") % {"year": year} if year in self.taken else _("%(year)s 年") % {"year": year})
            for year in years]
        self.fields["year"].initial = due if due not in self.taken else next((y for y in years if y not in self.taken), due)
        self.fields["year"].help_text = _("每年 1 月 31 日前发布上一年度的报告：%(due)s 年度") % {"due": due}

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year in self.taken:
            raise forms.ValidationError(_("本栏目已有 %(year)s 年度报告，请在页面列表中打开它") % {"year": year})
        return year


def draft_next(request, column_id):
    """Choose the year, then create that year's annual report as a prefilled draft and open it in the editor."""
    column = get_object_or_404(ColumnPage, pk=column_id)
    if not column.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    form = DraftYearForm(request.POST or None, column=column)
    if request.method == "POST" and form.is_valid():
        year = form.cleaned_data["year"]
        report = draft_next_report(column, user=request.user, year=year)
        messages.success(request, _("已生成 %(year)s 年度报告草稿：预填的数字及其来源列在表格上方，请核对并补全其余表格和文字。") % {"year": year})
        return redirect(reverse("wagtailadmin_pages:edit", args=[report.pk]))
    return TemplateResponse(request, "gongkai_reports/admin/draft_next.html", {
        "column": column, "form": form, "bureau": bureau_name(column.get_site())})


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

