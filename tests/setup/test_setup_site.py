"""setup_site: what a bureau's site starts with, on the database `migrate` leaves (Wagtail's placeholder page)."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site, WorkflowPage

from gongkai.columns.models import ColumnPage
from gongkai.core.models import SiteSettings
from gongkai.disclosure.models import TopicCategory
from gongkai.governance.models import Department
from gongkai.governance.setup import WORKFLOW_NAME
from gongkai.importer.service import ContentImporter
from home.models import HomePage


def setup(*args):
    out = io.StringIO()
    call_command("setup_site", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_a_new_site_gets_columns_workflow_groups_topics_and_settings(client):
    output = setup("--name", "某市科学技术局", "--agency-code", "11230000000000000X")
    assert "栏目 12 个" in output and "三级审核流程" in output
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)  # GONGKAI_HOME_PAGE_MODEL replaced Wagtail's "Welcome" page
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()
    menu = [page.title for page in home.get_children().live().in_menu()]
    assert menu == ["新闻动态", "通知公告", "政务公开", "互动交流"]
    disclosure = ContentImporter.resolve_parent("column:disclosure")
    assert [page.title for page in disclosure.get_children()] == [
        "政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政策解读", "政府信息公开年报", "依申请公开"]
    assert ContentImporter.resolve_parent("column:statutory").kind == "catalogue"
    assert WorkflowPage.objects.get(page=home).workflow.name == WORKFLOW_NAME
    assert {"办公室审核", "局领导签发", "公开办", "办公室（编辑）", "办公室（负责人）"} <= set(Group.objects.values_list("name", flat=True))
    office = Department.objects.get(name="办公室")
    assert set(ColumnPage.objects.filter(department=office).values_list("slug", flat=True)) == {"notices", "disclosure", "interaction"}
    assert TopicCategory.objects.count() == 22
    settings = SiteSettings.for_site(site)
    assert (settings.site_name, settings.organiser, settings.agency_code) == ("某市科学技术局", "某市科学技术局", "11230000000000000X")
    # The public can reach 依申请公开 and the mailbox from the columns.
    apply_page = client.get(ContentImporter.resolve_parent("column:apply").url).content.decode()
    assert 'href="/apply/"' in apply_page and 'href="/apply/status/"' in apply_page
    assert 'href="/mailbox/"' in client.get("/interaction/").content.decode()


@pytest.mark.django_db
def test_a_second_run_creates_nothing_and_keeps_what_editors_changed():
    setup("--name", "某市科学技术局")
    ColumnPage.objects.filter(slug="notices").update(title="通知公示")
    pages, groups = Page.objects.count(), Group.objects.count()
    output = setup("--name", "另一个名字", "--agency-code", "999")
    assert "已创建" not in output
    assert (Page.objects.count(), Group.objects.count()) == (pages, groups)
    assert ColumnPage.objects.get(slug="notices").title == "通知公示"
    assert SiteSettings.for_site(Site.objects.get(is_default_site=True)).site_name == "某市科学技术局"


@pytest.mark.django_db
@pytest.mark.parametrize("args, message", [
    (["--name", ""], "--name"),
    (["--name", "某局", "--agency-code", "x" * 31], "agency_code"),
])
def test_bad_input_is_a_clear_message_and_changes_nothing(args, message):
    pages = Page.objects.count()
    with pytest.raises(CommandError) as error:
        setup(*args)
    assert message in str(error.value)
    assert Page.objects.count() == pages and not SiteSettings.objects.exists() and not TopicCategory.objects.exists()
