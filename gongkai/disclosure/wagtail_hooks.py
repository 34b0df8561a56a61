from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def disclosure_urls():
    return [path("disclosure/topics/", views.topic_review, name="disclosure_topic_review")]


@hooks.register("register_reports_menu_item")
def topic_review_menu_item():
    return MenuItem(_("主题分类核对"), reverse("disclosure_topic_review"), icon_name="tag", order=20)
