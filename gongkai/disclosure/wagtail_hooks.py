from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def disclosure_urls():
    return [
        path("disclosure/topics/", views.topic_review, name="disclosure_topic_review"),
        path("disclosure/documents/<int:document_id>/interpretation/", views.new_interpretation, name="disclosure_new_interpretation"),
    ]


@hooks.register("register_reports_menu_item")
def topic_review_menu_item():
    return MenuItem(_("主题分类核对"), reverse("disclosure_topic_review"), icon_name="tag", order=20)


@hooks.register("after_publish_page")
def unpublished_pair(request, page):
    """Published from the editor while its pair is still a draft: say so, as the pair is meant to go out together."""
    from .interpretations import paired_pages
    from .models import DocumentPage

    page = page.specific
    drafts = [other.title for other in paired_pages(page) if not other.live]
    if not drafts:
        return
    titles = "、".join(f"《{title}》" for title in drafts)
    if isinstance(page, DocumentPage):
        messages.warning(request, _("本文件的解读%(titles)s还是草稿，尚未发布：请尽快送审或发布，文件页面上才会显示解读。") % {"titles": titles})
    else:
        messages.warning(request, _("所解读的文件%(titles)s还没有发布：文件发布后，本解读才会链接到它。") % {"titles": titles})
