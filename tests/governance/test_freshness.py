"""Column freshness verdicts on both sides of every inspection threshold, with the day of the check given."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from gongkai.governance.freshness import build_report
from tests.factories import ArticlePageFactory, ColumnPageFactory

TODAY = datetime.date(2026, 6, 30)


def ago(days):
    return TODAY - datetime.timedelta(days=days)


def column_with_item(parent, slug, days, **kwargs):
    column = ColumnPageFactory(parent=parent, slug=slug, title=kwargs.pop("title", f"动态{slug}"), kind="news", **kwargs)
    ArticlePageFactory(parent=column, slug="item", date=ago(days))
    return column


@pytest.fixture
def fresh_home(home):
    """A site that passes: one news column updated yesterday."""
    column_with_item(home, "today", 1)
    return home


@pytest.mark.django_db
def test_home_page_older_than_two_weeks_fails(home):
    column_with_item(home, "a", 14)
    report = build_report(today=TODAY)
    assert report.home_days == 14 and report.passes
    assert build_report(today=TODAY + datetime.timedelta(days=1)).failures == ["首页超过 14 天没有新内容"]


@pytest.mark.django_db
def test_five_overdue_news_columns_fail_four_do_not(fresh_home):
    for n in range(4):
        column_with_item(fresh_home, f"late{n}", 15)  # 动态 must update within 14 days
    column_with_item(fresh_home, "edge", 14)  # exactly 14 days: still in time
    report = build_report(today=TODAY)
    assert len(report.overdue_key) == 4 and report.passes
    assert [s.column.slug for s in report.due_soon] == ["edge"]
    column_with_item(fresh_home, "late4", 15)
    report = build_report(today=TODAY)
    assert report.failures == ["动态、要闻、通知公告、政策文件类栏目有 5 个超期未更新（5 个即否决）"]


@pytest.mark.django_db
def test_notices_have_six_months(fresh_home):
    column_with_item(fresh_home, "notices", 183, title="通知公告")
    status = next(s for s in build_report(today=TODAY).columns if s.column.slug == "notices")
    assert (status.rule, status.days_allowed, status.overdue) == ("notices", 183, False)
    status = next(s for s in build_report(today=TODAY + datetime.timedelta(days=1)).columns if s.column.slug == "notices")
    assert status.overdue and status.state == "超期未更新"


@pytest.mark.django_db
def test_ten_overdue_columns_of_any_rule_fail(fresh_home):
    for n in range(9):
        column_with_item(fresh_home, f"c{n}", 31, update_rule="custom", update_days=30)
    report = build_report(today=TODAY)
    assert len(report.overdue) == 9 and not report.overdue_key and report.passes
    column_with_item(fresh_home, "c9", 31, update_rule="custom", update_days=30)
    assert build_report(today=TODAY).failures == ["应更新未更新的栏目有 10 个（10 个即否决）"]


@pytest.mark.django_db
def test_five_blank_columns_fail(fresh_home):
    for n in range(4):
        ColumnPageFactory(parent=fresh_home, slug=f"empty{n}", kind="news")
    ColumnPageFactory(parent=fresh_home, slug="static", kind="page", body=[])  # an empty single page is blank too
    report = build_report(today=TODAY)
    assert len(report.blank) == 5
    assert report.failures == ["空白栏目有 5 个（5 个即否决）"]
    # A column that only groups sub-columns is not blank, and needs no updates of its own.
    group = ColumnPageFactory(parent=fresh_home, slug="group", kind="news")
    column_with_item(group, "child", 1)
    status = next(s for s in build_report(today=TODAY).columns if s.column.slug == "group")
    assert not status.blank and status.rule == "none"


@pytest.mark.django_db
def test_static_pages_and_explicit_none_are_never_overdue(fresh_home):
    column_with_item(fresh_home, "old", 4000, update_rule="none")
    assert build_report(today=TODAY).passes


@pytest.mark.django_db
def test_check_freshness_command_prints_the_report_and_exits_non_zero_on_failure(fresh_home):
    from gongkai.governance.setup import ensure_department

    department = ensure_department("综合科")
    department.email = "zonghe@example.com"
    department.save()
    for n in range(5):
        column_with_item(fresh_home, f"late{n}", 20, department=department)
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("check_freshness", today="2026-06-30", notify=True, stdout=out, stderr=err)
    assert exit_info.value.code == 1
    text = out.getvalue()
    assert "[超期未更新] 动态late0（/late0/） 综合科" in text and "距上次更新 20 天" in text
    assert "不合格：动态、要闻、通知公告、政策文件类栏目有 5 个超期未更新" in err.getvalue()
    assert [m.to for m in mail.outbox] == [["zonghe@example.com"]] and "5 个栏目" in mail.outbox[0].subject
    out = io.StringIO()
    call_command("check_freshness", today="2026-06-10", stdout=out)  # before they were due: passes, exit 0
    assert "结论：符合检查要求" in out.getvalue()
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command("check_freshness", today="30/06/2026", stdout=io.StringIO())


@pytest.mark.django_db
def test_admin_dashboard_and_report_page_show_the_verdict(admin_client, fresh_home):
    for n in range(5):
        ColumnPageFactory(parent=fresh_home, slug=f"empty{n}", title=f"空栏目{n}", kind="news")
    dashboard = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "栏目更新检查" in dashboard and "空白栏目有 5 个" in dashboard
    page = admin_client.get(reverse("governance_freshness")).content.decode()
    assert "空栏目0" in page and "空白栏目" in page
    from openpyxl import load_workbook

    response = admin_client.get(reverse("governance_freshness"), {"state": "all", "export": "xlsx"})
    rows = [[c.value for c in row] for row in load_workbook(io.BytesIO(response.content)).active.iter_rows()]
    assert rows[0] == ["栏目", "路径", "主管科室", "更新要求", "最近更新", "距今天数", "状态"]
    assert ["空栏目0", "/empty0/", None, "自动：动态、要闻：两周", None, None, "空白栏目"] in rows


@pytest.mark.django_db
def test_the_scheduler_publishes_pages_scheduled_for_now(column):
    from django.utils import timezone

    page = ArticlePageFactory(parent=column, slug="later", live=False)
    page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("run_scheduler", once=True)
    page.refresh_from_db()
    assert page.live
    future = ArticlePageFactory(parent=column, slug="future", live=False)
    future.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(hours=1))
    call_command("run_scheduler", once=True)
    future.refresh_from_db()
    assert not future.live
