"""After every review step the editor is told what happened and what comes next, with the same three buttons at
every step."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from gongkai.news.models import ArticlePage
from tests.helpers import add_url, article_form


def said(client):
    """The messages the next admin page shows (as a browser would see them after the redirect)."""
    return [str(message) for message in get_messages(client.get(reverse("wagtailadmin_home")).wsgi_request)]


def act(client, user, page, action="approve", comment=""):
    page.refresh_from_db()
    task_state = page.current_workflow_state.current_task_state
    client.force_login(user)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    client.post(url, {"comment": comment}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    return said(client)


def submit(client, bureau, title):
    """The 综合科 editor writes an article and submits it; returns it and what the editor was told."""
    client.force_login(bureau["editor"])
    client.post(add_url(bureau["news"]), article_form(title=title))
    return ArticlePage.objects.get(slug="item"), said(client)


@pytest.mark.django_db
def test_each_step_says_what_happened_and_what_comes_next(client, bureau):
    page, told = submit(client, bureau, "科技活动周通知")
    assert told == ["“科技活动周通知”已提交科室审核。"]
    assert act(client, bureau["head"], page) == ["“科技活动周通知”：科室审核通过，等待办公室审核。"]
    assert act(client, bureau["office"], page) == ["“科技活动周通知”：办公室审核通过，等待领导签发。"]
    assert act(client, bureau["leader"], page) == ["“科技活动周通知”已签发并发布。"]
    assert Page.objects.get(pk=page.pk).live


@pytest.mark.django_db
def test_sending_back_names_the_author_and_the_comment(client, bureau):
    page, told = submit(client, bureau, "待补充的稿件")
    assert told == ["“待补充的稿件”已提交科室审核。"]
    assert act(client, bureau["head"], page, "reject", "请补充信息来源") == ["“待补充的稿件”已退回给zonghe修改，附意见：请补充信息来源"]
    # Approving from the edit form says the same as from the dashboard, instead of “页面…已被更新”.
    client.force_login(bureau["editor"])
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), article_form(title="待补充的稿件"))
    assert said(client) == ["“待补充的稿件”已提交科室审核。"]
    client.force_login(bureau["head"])
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), article_form(
        title="待补充的稿件", action="action-workflow-action", **{"workflow-action-name": "approve"}))
    assert said(client) == ["“待补充的稿件”：科室审核通过，等待办公室审核。"]


@pytest.mark.django_db
def test_every_step_offers_the_same_three_buttons(bureau):
    from wagtail.models import Workflow

    from gongkai.governance.setup import WORKFLOW_NAME

    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    tasks = [task.specific for task in workflow.tasks]
    page = bureau["news"]
    reviewers = [bureau["head"], bureau["office"], bureau["leader"]]
    with translation.override("zh-hans"):
        labels = [[str(label) for _name, label, _modal in task.get_actions(page, user)] for task, user in zip(tasks, reviewers)]
    assert labels == [["退回修改", "审核通过", "审核通过并附意见"]] * 3


@pytest.mark.django_db
def test_dashboard_puts_what_waits_for_me_above_the_freshness_check(client, bureau):
    submit(client, bureau, "等待审核的通知")
    client.force_login(bureau["head"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert -1 < html.index("等待审核的通知") < html.index("栏目更新检查")


@pytest.mark.django_db
def test_review_mail_is_chinese(client, bureau):
    from django.core import mail

    from tests.admin.untranslated import database_content, english_strings

    mail.outbox.clear()
    page, _told = submit(client, bureau, "科技活动周通知")
    act(client, bureau["head"], page)
    act(client, bureau["office"], page)
    assert mail.outbox, "reviewers are told by mail"
    for message in mail.outbox:
        assert english_strings(f"<p>{message.subject}</p><p>{message.body}</p>", database_content()) == [], (message.subject, message.body)
