from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from gongkai.core.spreadsheets import SafeSpreadsheetExportMixin

from . import admin_views
from .models import ConsultationComment, MessageStatus


@hooks.register("register_admin_urls")
def mailbox_urls():
    return [
        path("mailbox/", admin_views.queue, name="mailbox_admin"),
        path("mailbox/<int:pk>/", admin_views.detail, name="mailbox_admin_detail"),
        path("mailbox/<int:pk>/attachment/", admin_views.attachment, name="mailbox_admin_attachment"),
    ]


class MailboxMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.handles_mail(request.user)


@hooks.register("register_admin_menu_item")
def mailbox_menu_item():
    return MailboxMenuItem(_("留言办理"), reverse("mailbox_admin"), icon_name="mail", order=260)


class CommentIndexView(SafeSpreadsheetExportMixin, IndexView):
    pass


class CommentViewSet(SnippetViewSet):
    model = ConsultationComment
    index_view_class = CommentIndexView
    icon = "comment"
    menu_label = _("征求意见反馈")
    add_to_settings_menu = False
    list_display = ["page", "content", "submitted_at"]
    list_filter = ["page"]
    # 下载 CSV / Excel on the listing, filtered to one consultation: the office compiles 意见采纳情况 from it.
    list_export = ["page", "name", "contact", "content", "submitted_at"]
    export_filename = "consultation-comments"


register_snippet(CommentViewSet)


class MailboxPanel(Component):
    """Messages waiting more than two months (points lost) or three (the site fails inspection)."""

    name = "gongkai_mailbox"
    order = 45
    template_name = "gongkai_interaction/admin/mailbox_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        waiting = admin_views.visible_messages(self.user).exclude(status=MessageStatus.REPLIED)
        now = timezone.now()
        states = [(m, m.age_state(now)) for m in waiting.order_by("submitted_at")[:200]]
        return {"open_count": waiting.count(), "over_limit": [m for m, s in states if s == "over_limit"],
                "warning": [m for m, s in states if s == "warning"]}


@hooks.register("construct_homepage_panels")
def mailbox_panel(request, panels):
    if admin_views.handles_mail(request.user):
        panels.insert(0, MailboxPanel(request.user))
