import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from gongkai.governance.setup import LEADERS_GROUP, OFFICE_GROUP, ensure_department, ensure_review_workflow
from tests.factories import ColumnPageFactory


@pytest.fixture
def bureau(home):
    """Two departments, each owning a column, the default review workflow, and one user per role."""
    from django.contrib.auth.models import Group

    ensure_review_workflow(home)
    general = ensure_department("综合科")
    policy = ensure_department("政策法规科")
    news = ColumnPageFactory(parent=home, title="工作动态", slug="work", kind="news", department=general)
    laws = ColumnPageFactory(parent=home, title="政策文件", slug="laws", kind="catalogue", department=policy)
    User = get_user_model()

    def user(name, *groups):
        account = User.objects.create_user(name, f"{name}@example.com", "pw")
        account.groups.add(*groups)
        return account

    return {
        "home": home, "general": general, "policy": policy, "news": news, "laws": laws,
        "editor": user("zonghe", general.editors), "head": user("zonghe-head", general.heads),
        "other_head": user("fagui-head", policy.heads), "other_editor": user("fagui", policy.editors),
        "office": user("office", Group.objects.get(name=OFFICE_GROUP)),
        "leader": user("leader", Group.objects.get(name=LEADERS_GROUP)),
    }


def article_form(title="关于开展科技活动周的通知", body="<p>正文内容。</p>", date=None, action="action-submit", **extra):
    data = nested_form_data({
        "title": title, "slug": extra.pop("slug", "item"), "date": (date or timezone.localdate()).isoformat(),
        "source": "", "author": "", "tags": "", "summary": "", "backdate_reason": extra.pop("backdate_reason", ""),
        "body": streamfield([("paragraph", rich_text(body))]), "attachments": streamfield([]),
        "comments": inline_formset([]),
    })
    data[action] = "1"
    data.update(extra)
    return data


def add_url(column):
    return reverse("wagtailadmin_pages:add", args=["gongkai_news", "articlepage", column.pk])


@pytest.fixture
def days_ago():
    return lambda n: timezone.localdate() - datetime.timedelta(days=n)
