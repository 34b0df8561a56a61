"""Older formats keep working (the 2019 trial tables), tables must match the report's format, and the cross-year
rule reaches the editor as a warning."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.blocks import StructBlockValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from gongkai.reports import statistics
from gongkai.reports.blocks import (
    Applications2019TableBlock,
    ApplicationsTableBlock,
    ProactiveDisclosure2019TableBlock,
    ProactiveDisclosureTableBlock,
)
from gongkai.reports.models import AnnualReportPage
from tests.factories import AnnualReportPageFactory

# From docs/specs/annual-report-format.md, "2019 trial format differences", not from the code.
SPEC_2019_TABLE_A = {
    "第二十条第（一）项": (["规章", "规范性文件"], ["本年新制作数量", "本年新公开数量", "对外公开总数量"]),
    "第二十条第（五）项": (["行政许可", "其他对外管理服务事项"], ["上一年项目数量", "本年增/减", "处理决定数量"]),
    "第二十条第（六）项": (["行政处罚", "行政强制"], ["上一年项目数量", "本年增/减", "处理决定数量"]),
    "第二十条第（九）项": (["政府集中采购"], ["采购项目数量", "采购总金额"]),
}


def table_b_2019(**rows):
    value = {key: {column: 0 for column, _l in statistics.TABLE_B_COLUMNS} for key, *_r in statistics.table_b_rows("2019")}
    for key, counts in rows.items():
        value[key].update(counts)
    for row in value.values():
        row["total"] = sum(row[c] for c, _l in statistics.TABLE_B_APPLICANTS)
    return value


def balanced_2019():
    """5 applications from people: 3 granted, 1 其他处理 (the single 2019 row), 1 carried forward."""
    return table_b_2019(received={"natural": 5}, granted={"natural": 3}, other_handling={"natural": 1},
                        results_total={"natural": 4}, carried_forward={"natural": 1})


def table_a_2019():
    value = ProactiveDisclosure2019TableBlock().to_python({})
    value["item1"]["normative"].update({"made": 4, "published": 4, "total_public": 31})
    value["item5"]["licensing"].update({"previous": 12, "change": -2, "decisions": 140})
    value["item9"]["procurement"].update({"projects": 3, "amount": "12.5"})
    return value


def report_2019(parent):
    c_table = {group: {"upheld": 0, "corrected": 0, "other": 0, "pending": 0, "total": 0} for group, *_r in statistics.TABLE_C_GROUPS}
    from gongkai.reports.blocks import ReviewLitigationTableBlock

    body = [("section", {"heading": "二、主动公开政府信息情况", "content": [
        ("proactive_table_2019", table_a_2019()),
        ("applications_table_2019", Applications2019TableBlock().to_python(balanced_2019())),
        ("review_litigation_table", ReviewLitigationTableBlock().to_python(c_table)),
    ]})]
    return AnnualReportPageFactory(parent=parent, slug="2019", year=2019, date=datetime.date(2020, 1, 20),
                                   report_format="2019", body=body)


def test_2019_table_b_has_other_handling_as_one_row_and_the_rules_count_it():
    labels = [label for _k, label, _g, _gl in statistics.table_b_rows("2019")]
    assert "（六）其他处理" in labels and "3.其他" not in labels
    assert len(labels) == len(statistics.table_b_rows("2021")) - 2  # three numbered rows become one
    assert statistics.check_table_b(balanced_2019(), report_format="2019") == []
    value = balanced_2019()
    value["other_handling"] = {**value["other_handling"], "natural": 0, "total": 0}
    assert "表三 自然人列：（一）至（六）各项之和 ≠ （七）总计（3 ≠ 4）" in statistics.check_table_b(value, report_format="2019")


def test_2019_table_b_block_names_an_inconsistent_table():
    block = Applications2019TableBlock()
    value = balanced_2019()
    value["carried_forward"] = {**value["carried_forward"], "natural": 0, "total": 0}
    assert "表三 自然人列：一+二 ≠ 总计+四（5 ≠ 4）" in block.consistency_errors(block.clean(block.to_python(value)))


def test_2019_table_a_allows_a_decrease_but_no_negative_counts():
    block = ProactiveDisclosure2019TableBlock()
    block.clean(table_a_2019())  # 本年增/减 of −2 is a decrease, not an error
    negative = table_a_2019()
    negative["item5"]["licensing"]["decisions"] = -1
    with pytest.raises(StructBlockValidationError):
        block.clean(negative)
    with pytest.raises(StructBlockValidationError):
        ProactiveDisclosureTableBlock().clean({**ProactiveDisclosureTableBlock().to_python({})} | {
            "item5": {"licensing": {"decisions": -1}}})


@pytest.mark.django_db
def test_2019_report_renders_with_the_trial_format_labels(client, column):
    report_2019(column)
    soup = BeautifulSoup(client.get("/work/2019/").content, "html.parser")
    tables = soup.select("table.official")
    headers = [th.get_text() for th in tables[0].find_all("th")]
    for heading, (rows, columns) in SPEC_2019_TABLE_A.items():
        assert heading in headers
        for label in rows + columns:
            assert label in headers, label
    row = tables[0].find("th", string="行政许可").find_parent("tr")
    assert [td.get_text() for td in row.find_all("td")] == ["12", "-2", "140"]
    table_b = soup.select_one("table.official--applications")
    assert table_b.find("th", string="（六）其他处理")["colspan"] == "2"
    assert table_b.find("th", string="三、本年度办理结果")["rowspan"] == "20"  # 1 + 1 + 8 + 3 + 5 + 1 + 1


@pytest.mark.django_db
def test_2019_tables_download_and_chart_alongside_2021(client, column):
    import csv

    from openpyxl import load_workbook

    report_2019(column)
    body = [("section", {"heading": "三", "content": [("applications_table", ApplicationsTableBlock().to_python(
        {key: {c: 0 for c, _l in statistics.TABLE_B_COLUMNS} for key, *_r in statistics.table_b_rows()}))]})]
    AnnualReportPageFactory(parent=column, slug="2021", year=2021, report_format="2021", body=body)
    rows = list(csv.reader(io.StringIO(client.get("/work/2019/tables/csv/").content.decode("utf-8-sig"))))
    assert ["第二十条第（九）项"] in rows and ["政府集中采购", "3", "12.5"] in rows
    sheet = load_workbook(io.BytesIO(client.get("/work/2019/tables/xlsx/").content))["表二"]
    assert ["行政许可", 12, -2, 140] in [[cell.value for cell in row] for row in sheet.iter_rows()]
    data = client.get("/work/2019/tables/json/").json()
    assert data["format"] == "2019" and data["tables"]["applications"]["values"]["other_handling"]["natural"] == 1
    soup = BeautifulSoup(client.get("/annual-reports/compare/", {"figure": "received"}).content, "html.parser")
    assert [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in soup.select("table.official tbody tr")] == [
        ["2019", "5"], ["2021", "0"]]


def _report_form(value_type, value, report_format):
    return nested_form_data({
        "title": "2021年度报告", "slug": "2021", "year": "2021", "report_format": report_format, "issuer": "",
        "date": "2022-01-20", "backdate_reason": "补录历年年报", "summary": "", "comments": inline_formset([]), "action-publish": "publish",
        "body": streamfield([("section", {"heading": "三、收到和处理政府信息公开申请情况",
                                          "content": streamfield([(value_type, value)])})]),
    })


@pytest.mark.django_db
def test_a_table_of_another_format_is_refused_with_a_clear_message(admin_client, column):
    url = reverse("wagtailadmin_pages:add", args=["gongkai_reports", "annualreportpage", column.pk])
    response = admin_client.post(url, _report_form("applications_table_2019", balanced_2019(), "2021"))
    assert response.status_code == 200
    assert response.context["form"].errors["report_format"] == [
        "报告格式为“2021 年格式（国办公开办函〔2021〕30号）”，但正文含有不属于该格式的表格："
        "表三 收到和处理政府信息公开申请情况（2019 年试行格式）。请改用相应格式的表格，或更改报告格式。"]
    assert not AnnualReportPage.objects.exists()
    assert admin_client.post(url, _report_form("applications_table_2019", balanced_2019(), "2019")).status_code == 302
    assert AnnualReportPage.objects.get().report_format == "2019"


def _table_a(issued, repealed, in_force):
    value = ProactiveDisclosureTableBlock().to_python({})
    value["item1"]["normative"].update({"issued": issued, "repealed": repealed, "in_force": in_force})
    return value


@pytest.mark.django_db
def test_cross_year_in_force_count_is_a_warning_the_editor_sees(admin_client, column):
    AnnualReportPageFactory(parent=column, slug="2020", year=2020, report_format="2021", body=[
        ("section", {"heading": "二", "content": [("proactive_table", _table_a(3, 0, 20))]})])
    url = reverse("wagtailadmin_pages:add", args=["gongkai_reports", "annualreportpage", column.pk])
    response = admin_client.post(url, _report_form("proactive_table", _table_a(4, 1, 25), "2021"), follow=True)
    expected = "表二 行政规范性文件：现行有效件数 25 与上年现行有效件数加本年制发、减本年废止（23）不一致"
    report = AnnualReportPage.objects.get(year=2021)
    assert report.live, "a warning does not block publishing"
    assert expected in [str(m) for m in response.context["messages"]]
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[report.pk])).content.decode()
    assert "数据核对提示" in edit and expected in edit
    assert "gongkai_reports/admin.css" in edit, "the editor lays each table row out as a grid"

    data = _report_form("proactive_table", _table_a(4, 1, 23), "2021")
    data["slug"] = "2021"
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[report.pk]), data, follow=True)
    assert not [m for m in response.context["messages"] if "不一致" in str(m)]
    assert "数据核对提示" not in admin_client.get(reverse("wagtailadmin_pages:edit", args=[report.pk])).content.decode()


@pytest.mark.django_db
def test_the_documented_import_example_loads_and_a_mismatched_format_is_refused(home, tmp_path):
    import json
    import re
    from pathlib import Path

    from django.core.management import CommandError, call_command

    from tests.factories import ColumnPageFactory

    disclosure = ColumnPageFactory(parent=home, slug="disclosure", kind="page")
    ColumnPageFactory(parent=disclosure, slug="annual-reports", kind="reports")
    docs = Path(__file__).resolve().parents[2] / "docs" / "import.md"
    example = re.search(r"#### Statistics tables.*?```json\n(.*?)```", docs.read_text(encoding="utf-8"), re.S).group(1)
    line = json.loads(example)
    path = tmp_path / "report.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    call_command("import_content", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    report = AnnualReportPage.objects.get(year=2021)
    assert report.table_value("applications_table")["refused_4"]["legal"] == 3
    assert report.table_value("applications_table")["unable_2"]["total"] == 0  # missing cells count as 0

    line.update(key="report-2021-b", year=2020, title="2020年度报告", format="2019")
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_content", str(path), stdout=io.StringIO(), stderr=err)
    assert "不属于该格式的表格：表三 收到和处理政府信息公开申请情况" in err.getvalue()
    assert not AnnualReportPage.objects.filter(year=2020).exists()
