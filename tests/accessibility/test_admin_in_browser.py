"""The annual report editor in Chromium: the statistics tables are grids that total themselves as the editor types,
mark the cells of a rule that fails, save as a draft with the problem named, and show no English."""

import pytest

from tests.admin.untranslated import database_content, english_strings
from tests.factories import ColumnPageFactory

PASSWORD = "Gongkai-browser-2026"


@pytest.fixture
def migration_rows(live_server):
    """A live-server test runs on a database another one may have emptied: put back what migrations create."""
    from tests.helpers import base_rows

    base_rows()


@pytest.fixture
def editor_page(migration_rows, live_server, browser, home, django_user_model):
    django_user_model.objects.create_superuser("root", "root@example.com", PASSWORD)
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "root")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    yield page
    context.close()


def test_report_tables_total_themselves_and_mark_what_disagrees(live_server, editor_page, home, django_user_model):
    from gongkai.reports.drafts import draft_next_report
    from gongkai.reports.models import AnnualReportPage

    column = ColumnPageFactory(parent=home, title="政府信息公开年报", slug="reports", kind="reports")
    report = draft_next_report(column, user=django_user_model.objects.get(username="root"), year=2025)
    page = editor_page
    page.goto(f"{live_server.url}/admin/pages/{report.pk}/edit/")
    page.wait_for_load_state("networkidle")
    grid = page.locator("[data-stats-grid]").filter(has_text="申请人情况")

    def cell(row, column):
        return grid.locator(f"input[name$='-{row}-{column}']")

    for row, column, number in [("received", "natural", 3), ("received", "legal", 10), ("carried_over", "legal", 2),
                                ("granted", "natural", 3), ("granted", "legal", 8), ("refused_4", "legal", 3)]:
        cell(row, column).fill(str(number))
    # Row totals and the （七）总计 row are computed and cannot be typed into.
    assert cell("received", "total").input_value() == "13"
    assert cell("received", "total").get_attribute("readonly") is not None
    assert [cell("results_total", c).input_value() for c in ("natural", "legal", "total")] == ["3", "11", "14"]
    # 一+二 ≠ 总计+四 in the 法律服务机构 and 总计 columns: named under the grid, cells marked.
    assert grid.locator("[data-stats-problems] li").all_inner_texts() == [
        "法律服务机构列：一+二 ≠ 总计+四（12 ≠ 11）", "总计列：一+二 ≠ 总计+四（15 ≠ 14）"]
    assert cell("received", "legal").get_attribute("aria-invalid") == "true"
    assert cell("received", "natural").get_attribute("aria-invalid") is None
    assert cell("received", "natural").get_attribute("aria-label") == "一、本年新收政府信息公开申请数量 自然人"
    # Saved as a draft all the same, with the problem named; the server computed the same totals.
    page.locator("button.action-save").first.click()
    page.wait_for_load_state("networkidle")
    assert "已保存为草稿，但统计表数据不一致，改正后才能发布：表三 法律服务机构列：一+二 ≠ 总计+四（12 ≠ 11）" in page.content()
    saved = AnnualReportPage.objects.get(pk=report.pk).get_latest_revision_as_object().table_value("applications_table")
    assert saved["results_total"]["total"] == 14
    # Fixed, the marks go.
    grid = page.locator("[data-stats-grid]").filter(has_text="申请人情况")
    grid.locator("input[name$='-carried_forward-legal']").fill("1")
    assert grid.locator("[data-stats-problems] li").count() == 0
    found = english_strings(page.content(), database_content())
    assert found == [], found
