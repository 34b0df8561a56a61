"""Departments own columns: their editors work only there, and publishing goes through 科室审核 → 办公室审核 → 领导签发."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page, TaskState

from gongkai.news.models import ArticlePage
from tests.factories import ArticlePageFactory
from tests.helpers import add_url, article_form


@pytest.mark.django_db
def test_an_editor_works_only_in_the_columns_of_their_department(client, bureau):
    client.force_login(bureau["editor"])
    assert client.get(add_url(bureau["news"])).status_code == 200
    response = client.get(add_url(bureau["laws"]))
    assert response.status_code in (302, 403)
    theirs = ArticlePageFactory(parent=bureau["news"], slug="a")
    others = ArticlePageFactory(parent=bureau["laws"], slug="b")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[theirs.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_pages:edit", args=[others.pk])).status_code in (302, 403)
    before = others.title
    client.post(reverse("wagtailadmin_pages:edit", args=[others.pk]), article_form(title="改写别人的栏目", slug="b"))
    assert Page.objects.get(pk=others.pk).specific.title == before
    assert not others.revisions.exists(), "no draft was saved either"


@pytest.mark.django_db
def test_moving_a_column_to_another_department_moves_the_permission(client, bureau):
    laws = bureau["laws"]
    laws.department = bureau["general"]
    laws.save_revision().publish()
    add_document = reverse("wagtailadmin_pages:add", args=["gongkai_disclosure", "documentpage", laws.pk])
    client.force_login(bureau["editor"])
    assert client.get(add_document).status_code == 200
    client.force_login(bureau["other_editor"])
    assert client.get(add_document).status_code in (302, 403)


@pytest.mark.django_db
def test_an_editor_cannot_publish_directly(client, bureau):
    client.force_login(bureau["editor"])
    client.post(add_url(bureau["news"]), article_form(action="action-publish"))
    page = ArticlePage.objects.get(slug="item")
    assert not page.live


@pytest.mark.django_db
def test_review_chain_department_head_then_office_then_leader(client, bureau):
    client.force_login(bureau["editor"])
    mail.outbox.clear()
    response = client.post(add_url(bureau["news"]), article_form())
    assert response.status_code == 302
    page = ArticlePage.objects.get(slug="item")
    assert not page.live
    state = page.current_workflow_state
    assert state.current_task_state.task.name == "科室审核"
    # The head of the owning department is mailed; the other department's head is not.
    recipients = {address for message in mail.outbox for address in message.to}
    assert "zonghe-head@example.com" in recipients and "fagui-head@example.com" not in recipients

    def act(user, action="approve"):
        task_state = page.current_workflow_state.current_task_state
        client.force_login(user)
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
        client.post(url, {"comment": ""})
        page.refresh_from_db()
        return TaskState.objects.get(pk=task_state.pk)

    # Another department's head cannot approve this step.
    assert act(bureau["other_head"]).status == TaskState.STATUS_IN_PROGRESS
    assert act(bureau["head"]).status == TaskState.STATUS_APPROVED
    assert page.current_workflow_state.current_task_state.task.name == "办公室审核"
    assert act(bureau["leader"]).status == TaskState.STATUS_IN_PROGRESS  # not the leader's turn
    assert act(bureau["office"]).status == TaskState.STATUS_APPROVED
    assert page.current_workflow_state.current_task_state.task.name == "领导签发"
    assert not page.live
    assert act(bureau["leader"]).status == TaskState.STATUS_APPROVED
    assert page.live
    assert client.get("/work/item/").status_code == 200


@pytest.mark.django_db
def test_a_head_can_send_a_page_back_to_the_editor(client, bureau):
    client.force_login(bureau["editor"])
    client.post(add_url(bureau["news"]), article_form())
    page = ArticlePage.objects.get(slug="item")
    task_state = page.current_workflow_state.current_task_state
    client.force_login(bureau["head"])
    client.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk]), {"comment": "请补充来源"})
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_REJECTED
    page.refresh_from_db()
    assert not page.live and page.current_workflow_state.status == "needs_changes"


@pytest.mark.django_db
def test_dashboard_shows_a_head_what_waits_for_their_review(client, bureau):
    client.force_login(bureau["editor"])
    client.post(add_url(bureau["news"]), article_form(title="待审核的稿件"))
    client.force_login(bureau["head"])
    assert "待审核的稿件" in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(bureau["other_head"])
    assert "待审核的稿件" not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.django_db
def test_departments_are_created_in_the_admin_with_their_groups(admin_client, home):
    from django.contrib.auth.models import Group

    from gongkai.governance.models import Department

    response = admin_client.post(reverse("wagtailsnippets_gongkai_governance_department:add"), {"name": "成果转化科", "email": ""})
    assert response.status_code == 302
    department = Department.objects.get(name="成果转化科")
    assert department.editors.name == "成果转化科（编辑）" and department.heads.name == "成果转化科（负责人）"
    assert department.editors.permissions.filter(codename="access_admin").exists()
    admin_client.post(reverse("wagtailsnippets_gongkai_governance_department:edit", args=[department.pk]), {"name": "成果科", "email": ""})
    assert set(Group.objects.filter(name__startswith="成果").values_list("name", flat=True)) == {"成果科（编辑）", "成果科（负责人）"}


@pytest.mark.django_db
def test_only_the_office_assigns_a_column_to_a_department(client, bureau):
    url = reverse("wagtailadmin_pages:edit", args=[bureau["news"].pk])
    client.force_login(bureau["editor"])
    assert "department" not in client.get(url).context["form"].fields
    client.force_login(bureau["office"])
    assert "department" in client.get(url).context["form"].fields
