from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def statistics_table_css():
    return format_html('<link rel="stylesheet" href="{}">', static("gongkai_reports/admin.css"))


@hooks.register("insert_editor_js")
def statistics_grid_js():
    # Block media is not collected by StreamField's client-side blocks; the editor page loads it instead.
    return format_html('<script src="{}" defer></script>', static("gongkai_reports/statistics_grid.js"))


@hooks.register("register_page_header_buttons")
def draft_report_button(page, user, view_name, next_url=None):
    """On a column holding annual reports: create next year's report as a prefilled draft."""
    from django.urls import reverse
    from django.utils.translation import gettext as _
    from wagtail.admin.widgets import Button

    from gongkai.columns.models import ColumnPage

    from .models import AnnualReportPage

    if page.specific_class is ColumnPage and AnnualReportPage.can_create_at(page) and page.permissions_for_user(user).can_add_subpage():
        yield Button(_("生成下一年度年报草稿"), reverse("reports_draft_next", args=[page.pk]), icon_name="doc-full", priority=90)


@hooks.register("register_admin_urls")
def report_admin_urls():
    from django.urls import path

    from .admin_views import draft_next, website_report

    return [
        path("reports/draft-next/<int:column_id>/", draft_next, name="reports_draft_next"),
        path("reports/website-report/", website_report, name="reports_website_report"),
    ]


@hooks.register("register_reports_menu_item")
def website_report_menu_item():
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _
    from wagtail.admin.menu import MenuItem

    return MenuItem(_("政府网站工作年度报表"), reverse("reports_website_report"), icon_name="table", order=20)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_cross_year_figures(request, page):
    """Rule 5 is a warning: the page is saved, and the editor is told what does not carry over from last year; so are
    tables that do not add up, which are saved as a draft but cannot be published."""
    from django.contrib import messages
    from django.utils.translation import gettext as _

    from .exports import table_problems
    from .models import AnnualReportPage

    specific = page.specific
    if isinstance(specific, AnnualReportPage):
        # The draft's latest revision, which is what the editor just saved.
        draft = specific.get_latest_revision_as_object()
        for problem in table_problems(draft.body):
            messages.warning(request, _("已保存为草稿，但统计表数据不一致，改正后才能发布：%(problem)s") % {"problem": problem})
        for warning in draft.consistency_warnings():
            messages.warning(request, warning)
