"""Admin: the 主题分类 rules as editors read them, and the documents whose suggested topic nobody has confirmed."""

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.permission_policies.pages import PagePermissionPolicy

from .classification import rules_table
from .models import DocumentPage


def topic_review(request):
    # Only documents this editor may change: the ones in the columns their groups can edit.
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(request.user, ["change", "publish"])
    waiting = (DocumentPage.objects.filter(topic_confirmed=False, pk__in=editable.values("pk"))
               .select_related("topic").order_by("topic__code", "title"))
    page = Paginator(waiting, 50).get_page(request.GET.get("p"))
    return render(request, "gongkai_disclosure/admin/topic_review.html", {
        "rules": rules_table(), "documents": page, "waiting": page.paginator.count,
    })
