from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import ExportLog, InformationRequest, Status, WorkdayOverride


@hooks.register("register_admin_urls")
def application_urls():
    return [
        path("applications/", admin_views.queue, name="applications_queue"),
        path("applications/<int:pk>/", admin_views.detail, name="applications_detail"),
        path("applications/<int:pk>/file/<slug:which>/", admin_views.attachment, name="applications_file"),
    ]


class QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("gongkai_applications.view_informationrequest")


@hooks.register("register_admin_menu_item")
def queue_menu_item():
    return QueueMenuItem(_("依申请公开"), reverse("applications_queue"), icon_name="mail", order=250)


class WorkdayOverrideViewSet(SnippetViewSet):
    model = WorkdayOverride
    icon = "date"
    menu_label = _("工作日调整")
    add_to_settings_menu = True
    list_display = ["date", "is_workday", "note"]


class ExportLogViewSet(SnippetViewSet):
    model = ExportLog
    icon = "download"
    menu_label = _("申请导出记录")
    add_to_settings_menu = True
    list_display = ["at", "user", "count", "address"]


register_snippet(WorkdayOverrideViewSet)
register_snippet(ExportLogViewSet)


class DeadlinePanel(Component):
    """Applications overdue or due within five working days, for the 公开办."""

    name = "gongkai_application_deadlines"
    order = 40
    template_name = "gongkai_applications/admin/deadline_panel.html"

    def get_context_data(self, parent_context):
        open_requests = [a for a in InformationRequest.objects.exclude(status=Status.ANSWERED).prefetch_related("events")]
        overdue = [a for a in open_requests if a.deadline_state() == "overdue"]
        due_soon = [a for a in open_requests if a.deadline_state() == "due_soon"]
        from django.utils import timezone

        from . import workdays

        year = timezone.localdate().year
        # Deadlines run into next year: say so when the holiday calendar does not know it yet.
        uncovered = [y for y in (year, year + 1)
                     if not workdays.covered(y) and not WorkdayOverride.objects.filter(date__year=y).exists()]
        return {"overdue": overdue, "due_soon": due_soon, "open_count": len(open_requests), "uncovered": uncovered}


@hooks.register("construct_homepage_panels")
def deadline_panel(request, panels):
    if request.user.has_perm("gongkai_applications.view_informationrequest"):
        panels.insert(0, DeadlinePanel())
