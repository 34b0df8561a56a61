from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .models import Department, SensitiveWord
from .panels import FreshnessPanel


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    menu_label = _("科室")
    add_to_settings_menu = True
    list_display = ["name", "email"]


class SensitiveWordViewSet(SnippetViewSet):
    model = SensitiveWord
    icon = "warning"
    menu_label = _("发布检查词")
    add_to_settings_menu = True
    list_display = ["word", "action", "suggestion"]
    list_filter = ["action"]
    search_fields = ["word", "suggestion"]


register_snippet(DepartmentViewSet)
register_snippet(SensitiveWordViewSet)


@hooks.register("register_admin_urls")
def governance_urls():
    return [
        path("governance/freshness/", views.freshness, name="governance_freshness"),
    ]


@hooks.register("register_reports_menu_item")
def freshness_menu_item():
    return MenuItem(_("栏目更新情况"), reverse("governance_freshness"), icon_name="time", order=10)


@hooks.register("construct_homepage_panels")
def freshness_panel(request, panels):
    """What waits for me comes first: pages awaiting my review, then my own pages in review (sent back ones among
    them), then the freshness check."""
    for panel in panels:
        if panel.name == "workflow_objects_to_moderate":
            panel.order = 200
    panels.append(FreshnessPanel())


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("gongkai.backdate", _("补发：发布日期早于规定天数"), _("补发：发布日期早于规定天数"))


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
@hooks.register("before_publish_page")
def after_save(request, page):
    """Word-list warnings reach the editor; a back-dated release is recorded with its reason in the history.
    Publishing from the editor reloads the page before after_edit_page, losing what the form left on it: the
    before_publish_page hook sees it first. Each is taken once, so a path that runs both hooks reports it once."""
    for warning in page.__dict__.pop("_publish_warnings", []):
        messages.warning(request, warning)
    backdated = page.__dict__.pop("_backdated", None)
    if backdated:
        log(instance=page, action="gongkai.backdate", user=request.user, data=backdated)
